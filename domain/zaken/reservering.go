package zaken

import (
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
)

// IdentificatieStream is the reservation stream of one identificatie
// within one bronorganisatie (zrc-002). The reservation is appended
// expecting no stream, so two racing creates cannot both win. It is never
// released: once used, an identificatie is not given to another zaak, also
// not after its zaak was deleted (docs/retention.md).
func IdentificatieStream(bronorganisatie, identificatie string) string {
	return "zaken.identificatie-" + bronorganisatie + "-" + identificatie
}

// IdentificatieGereserveerd records that identificatie is taken within
// bronorganisatie by zaak.
type IdentificatieGereserveerd struct {
	Bronorganisatie string `json:"bronorganisatie"`
	Identificatie   string `json:"identificatie"`
	Zaak            string `json:"zaak"`
}

// EventType returns the stable name of the event.
func (IdentificatieGereserveerd) EventType() string { return TypeIdentificatieGereserveerd }

// SchemaVersion returns the version of the event's JSON shape.
func (IdentificatieGereserveerd) SchemaVersion() int { return schemaVersion }

// IdentificatieReservering is the aggregate keeping one bronorganisatie +
// identificatie unique across zaken (zrc-002).
type IdentificatieReservering struct {
	bronorganisatie, identificatie string
	zaak                           string // holder, "" when free
}

// NewIdentificatieReservering returns the empty aggregate, to be given its
// history with Apply.
func NewIdentificatieReservering(bronorganisatie, identificatie string) *IdentificatieReservering {
	return &IdentificatieReservering{bronorganisatie: bronorganisatie, identificatie: identificatie}
}

// Zaak returns the uuid of the zaak holding the identificatie, or "".
func (r *IdentificatieReservering) Zaak() string { return r.zaak }

// Apply changes the state by one event of the reservation stream.
func (r *IdentificatieReservering) Apply(e domain.Event) {
	switch e := e.(type) {
	case IdentificatieGereserveerd:
		r.zaak = e.Zaak
	}
}

// Reserveer decides that zaak takes the identificatie. Reserving it again
// for the same zaak changes nothing; another holder gives a validation
// error identificatie-niet-uniek. An append race surfaces as the store's
// version conflict, which the handler reports the same way.
func (r *IdentificatieReservering) Reserveer(zaak string) ([]domain.Event, error) {
	switch r.zaak {
	case zaak:
		return nil, nil
	case "":
		e := IdentificatieGereserveerd{Bronorganisatie: r.bronorganisatie, Identificatie: r.identificatie, Zaak: zaak}
		r.Apply(e)
		return []domain.Event{e}, nil
	}
	return nil, domain.Invalid("identificatie", CodeIdentificatieNietUniek,
		"Deze identificatie bestaat al binnen de bronorganisatie.")
}

// NummerreeksStream is the stream of the identificaties the registry
// generated for bronorganisatie in jaar (zrc-002). Its events are only
// appended, never removed: the revision of each is its volgnummer, so a
// generated identificatie is never handed out twice, also not after the
// zaak that held it was deleted.
func NummerreeksStream(bronorganisatie string, jaar int) string {
	return fmt.Sprintf("zaken.nummerreeks-%s-%d", bronorganisatie, jaar)
}

// IdentificatieUitgegeven records that the registry took the next number
// of a nummerreeks. Zaak names the zaak when the number was taken for one;
// numbers taken in a block for later carry none, and the reservation
// stream of the identificatie names its zaak.
type IdentificatieUitgegeven struct {
	Bronorganisatie string `json:"bronorganisatie"`
	Jaar            int    `json:"jaar"`
	Zaak            string `json:"zaak"`
}

// EventType returns the stable name of the event.
func (IdentificatieUitgegeven) EventType() string { return TypeIdentificatieUitgegeven }

// SchemaVersion returns the version of the event's JSON shape.
func (IdentificatieUitgegeven) SchemaVersion() int { return schemaVersion }

// GegenereerdeIdentificatie is the identificatie of volgnummer (1, 2, ...)
// of the nummerreeks of jaar: "ZAAK-2026-0000000001".
func GegenereerdeIdentificatie(jaar int, volgnummer uint64) string {
	return fmt.Sprintf("ZAAK-%d-%010d", jaar, volgnummer)
}
