package autorisaties

import (
	"fmt"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Applicatie is the aggregate of one applicatie: its state is changed only
// by applying its own events.
type Applicatie struct {
	uuid     string
	gegevens Gegevens
	exists   bool
}

// NewApplicatie returns the empty aggregate for uuid, to be given its
// history with Apply.
func NewApplicatie(uuid string) *Applicatie { return &Applicatie{uuid: uuid} }

// Exists reports whether the applicatie was created and not deleted.
func (a *Applicatie) Exists() bool { return a.exists }

// Gegevens returns a copy of the current fields.
func (a *Applicatie) Gegevens() Gegevens { return a.gegevens.normalised() }

// Apply changes the state by one event of the applicatie's history.
func (a *Applicatie) Apply(e domain.Event) {
	switch e := e.(type) {
	case ApplicatieAangemaakt:
		a.gegevens, a.exists = e.Gegevens, true
	case ApplicatieGewijzigd:
		a.gegevens = e.Gegevens
	case ApplicatieVerwijderd:
		a.gegevens, a.exists = Gegevens{}, false
	}
}

// Create decides the creation of the applicatie.
func (a *Applicatie) Create(g Gegevens) ([]domain.Event, error) {
	if a.exists {
		return nil, domain.Conflict("exists", "applicatie bestaat al")
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return a.emit(ApplicatieAangemaakt{UUID: a.uuid, Gegevens: g.normalised()}), nil
}

// Update decides a PUT (actie "update") or PATCH ("partial_update") with the
// complete new fields.
func (a *Applicatie) Update(g Gegevens, actie string) ([]domain.Event, error) {
	if !a.exists {
		return nil, domain.NotFound("applicatie niet gevonden")
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return a.emit(ApplicatieGewijzigd{UUID: a.uuid, Actie: actie, Gegevens: g.normalised()}), nil
}

// Delete decides the deletion of the applicatie.
func (a *Applicatie) Delete() ([]domain.Event, error) {
	if !a.exists {
		return nil, domain.NotFound("applicatie niet gevonden")
	}
	return a.emit(ApplicatieVerwijderd{UUID: a.uuid, ClientIDs: slices.Clone(a.gegevens.ClientIDs)}), nil
}

func (a *Applicatie) emit(e domain.Event) []domain.Event {
	a.Apply(e)
	return []domain.Event{e}
}

// ClientIDClaim is the aggregate that makes a client id belong to at most
// one applicatie (ac-001): every claim is an append to the client id's own
// stream with the revision read, so two concurrent claims cannot both win.
type ClientIDClaim struct {
	clientID string
	owner    string
}

// NewClientIDClaim returns the empty claim aggregate of clientID.
func NewClientIDClaim(clientID string) *ClientIDClaim { return &ClientIDClaim{clientID: clientID} }

// Owner returns the uuid of the applicatie that holds the client id, or "".
func (c *ClientIDClaim) Owner() string { return c.owner }

// Apply changes the state by one event of the claim's history.
func (c *ClientIDClaim) Apply(e domain.Event) {
	switch e := e.(type) {
	case ClientIDGeclaimd:
		c.owner = e.Applicatie
	case ClientIDVrijgegeven:
		if c.owner == e.Applicatie {
			c.owner = ""
		}
	}
}

// Claim decides that applicatie takes the client id; nothing happens when it
// already holds it, and ac-001 fails when another applicatie does.
func (c *ClientIDClaim) Claim(applicatie string, index int) ([]domain.Event, error) {
	switch c.owner {
	case applicatie:
		return nil, nil
	case "":
		e := ClientIDGeclaimd{ClientID: c.clientID, Applicatie: applicatie}
		c.Apply(e)
		return []domain.Event{e}, nil
	}
	// Named by the list, not the entry, as the reference implementation
	// names a fault of the list as a whole (ac-001).
	return nil, domain.Invalid("clientIds", "clientId-exists",
		fmt.Sprintf("Client ID %q (clientIds.%d) is al in gebruik door een andere applicatie.", c.clientID, index))
}

// Release decides that applicatie gives up the client id.
func (c *ClientIDClaim) Release(applicatie string) []domain.Event {
	if c.owner != applicatie {
		return nil
	}
	e := ClientIDVrijgegeven{ClientID: c.clientID, Applicatie: applicatie}
	c.Apply(e)
	return []domain.Event{e}
}
