package catalogi

import (
	"net/mail"

	"github.com/zaakregister/zaakregister/domain"
)

// CatalogusGegevens are the writable fields of a catalogus. Catalogi 1.3.1
// has no update or delete of a catalogus, so these never change.
type CatalogusGegevens struct {
	Domein                             string `json:"domein"`
	Rsin                               string `json:"rsin"`
	ContactpersoonBeheerNaam           string `json:"contactpersoonBeheerNaam"`
	ContactpersoonBeheerTelefoonnummer string `json:"contactpersoonBeheerTelefoonnummer"`
	ContactpersoonBeheerEmailadres     string `json:"contactpersoonBeheerEmailadres"`
	Naam                               string `json:"naam"`
	Versie                             string `json:"versie"`
	BegindatumVersie                   Date   `json:"begindatumVersie"`
}

// Validate checks the fields against the OAS constraints and the RSIN
// 11-proef.
func (g CatalogusGegevens) Validate() error {
	var p domain.Problems
	c := check{p: &p}
	c.requiredText("domein", g.Domein, 5)
	if c.required("rsin", g.Rsin) {
		if code, reason := CheckRSIN(g.Rsin); code != "" {
			c.add("rsin", code, reason)
		}
	}
	c.requiredText("contactpersoonBeheerNaam", g.ContactpersoonBeheerNaam, 40)
	c.text("contactpersoonBeheerTelefoonnummer", g.ContactpersoonBeheerTelefoonnummer, 20)
	if e := g.ContactpersoonBeheerEmailadres; e != "" {
		c.text("contactpersoonBeheerEmailadres", e, 254)
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e || a.Name != "" {
			c.add("contactpersoonBeheerEmailadres", "invalid", "Voer een geldig e-mailadres in.")
		}
	}
	c.text("naam", g.Naam, 200)
	c.text("versie", g.Versie, 20)
	return p.Err()
}

// CheckRSIN validates an RSIN the way vng-api-common does: only digits
// (only-digits), nine of them (invalid-length) and the 11-proef, in which
// the last digit weighs -1 and the others their position from the right
// (invalid). It returns "" for a valid RSIN, else the code and a reason.
func CheckRSIN(rsin string) (code, reason string) {
	for _, r := range rsin {
		if r < '0' || r > '9' {
			return "only-digits", "Waarde moet numeriek zijn."
		}
	}
	if len(rsin) != 9 {
		return "invalid-length", "RSIN moet 9 tekens lang zijn."
	}
	total := 0
	for i := range 9 {
		digit, weight := int(rsin[8-i]-'0'), i+1
		if weight == 1 {
			weight = -1
		}
		total += weight * digit
	}
	if total%11 != 0 {
		return "invalid", "Onjuist RSIN nummer."
	}
	return "", ""
}

// Catalogus is the aggregate of one catalogus.
type Catalogus struct {
	uuid     string
	exists   bool
	gegevens CatalogusGegevens
}

// NewCatalogus returns the empty aggregate for uuid, to be given its
// history with Apply.
func NewCatalogus(uuid string) *Catalogus { return &Catalogus{uuid: uuid} }

// Exists reports whether the catalogus was created.
func (c *Catalogus) Exists() bool { return c.exists }

// Gegevens returns the catalogus's fields.
func (c *Catalogus) Gegevens() CatalogusGegevens { return c.gegevens }

// Apply changes the state by one event of the catalogus's stream.
func (c *Catalogus) Apply(e domain.Event) {
	if e, ok := e.(CatalogusAangemaakt); ok {
		c.exists, c.gegevens = true, e.CatalogusGegevens
	}
}

// Create decides the creation of the catalogus. Uniqueness of domein and
// rsin across catalogi is not this aggregate's to decide.
func (c *Catalogus) Create(g CatalogusGegevens) ([]domain.Event, error) {
	if c.exists {
		return nil, domain.Conflict("exists", "catalogus bestaat al")
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	e := CatalogusAangemaakt{UUID: c.uuid, CatalogusGegevens: g}
	c.Apply(e)
	return []domain.Event{e}, nil
}
