// Package zaken is the domain of the Zaken API 1.5.1. One aggregate, the
// Zaak, holds a zaak together with all its sub-resources (statussen,
// resultaat, rollen, zaakobjecten, zaakinformatieobjecten,
// zaakeigenschappen, klantcontacten, zaakbesluiten, zaakcontactmomenten and
// zaakverzoeken) in one stream, so
// that closing, reopening and the closed-zaak rules are one consistent
// decision. The IdentificatieReservering keeps bronorganisatie plus
// identificatie unique (zrc-002).
//
// Aggregates decide; they never fetch. The zaaktype, a hoofdzaak and the
// documents behind zaakinformatieobjecten arrive as already-resolved Feiten,
// the scopes as Bevoegdheden, the time from an injected clock. Every event
// carries the full state of the resource it changed plus the Kanaal
// kenmerken of the zaak, so projections and notifications need no merge.
package zaken

import (
	"maps"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Zaak is the aggregate of one zaak and its sub-resources. Its state
// changes only by applying its own events.
type Zaak struct {
	uuid      string
	clock     domain.Clock
	exists    bool
	gegevens  ZaakGegevens
	status    string // uuid of the current (last set) status
	statussen map[string]StatusGegevens
	resultaat map[string]ResultaatGegevens
	rollen    map[string]RolGegevens
	objecten  map[string]ZaakObjectGegevens
	eigensch  map[string]ZaakEigenschapGegevens
	zios      map[string]ZaakInformatieObjectGegevens
	contacten map[string]KlantContactGegevens
	besluiten map[string]ZaakBesluitGegevens
	momenten  map[string]ZaakContactMomentGegevens
	verzoeken map[string]ZaakVerzoekGegevens
}

// NewZaak returns the empty aggregate for uuid, to be given its history
// with Apply. The clock supplies today for registratiedatum and the
// registratiedatum of sub-resources.
func NewZaak(uuid string, clock domain.Clock) *Zaak {
	z := &Zaak{uuid: uuid, clock: clock}
	z.reset()
	return z
}

func (z *Zaak) reset() {
	z.exists, z.gegevens, z.status = false, ZaakGegevens{}, ""
	z.statussen = map[string]StatusGegevens{}
	z.resultaat = map[string]ResultaatGegevens{}
	z.rollen = map[string]RolGegevens{}
	z.objecten = map[string]ZaakObjectGegevens{}
	z.eigensch = map[string]ZaakEigenschapGegevens{}
	z.zios = map[string]ZaakInformatieObjectGegevens{}
	z.contacten = map[string]KlantContactGegevens{}
	z.besluiten = map[string]ZaakBesluitGegevens{}
	z.momenten = map[string]ZaakContactMomentGegevens{}
	z.verzoeken = map[string]ZaakVerzoekGegevens{}
}

// UUID returns the zaak's uuid.
func (z *Zaak) UUID() string { return z.uuid }

// Exists reports whether the zaak was created and not deleted.
func (z *Zaak) Exists() bool { return z.exists }

// Gegevens returns the zaak's current fields.
func (z *Zaak) Gegevens() ZaakGegevens { return z.gegevens.normalised() }

// IsAfgesloten reports whether the zaak is closed: it has an einddatum.
func (z *Zaak) IsAfgesloten() bool { return !z.gegevens.Einddatum.IsZero() }

// IsDeelzaak reports whether the zaak has a hoofdzaak; a command handler
// turns this into the HoofdzaakFeit of another zaak (zrc-013).
func (z *Zaak) IsDeelzaak() bool { return z.gegevens.Hoofdzaak != "" }

// Status returns the uuid of the last set status, or "".
func (z *Zaak) Status() string { return z.status }

// Resultaat returns the uuid of the resultaat, or "" when there is none.
func (z *Zaak) Resultaat() string {
	for id := range z.resultaat {
		return id
	}
	return ""
}

// Informatieobjecten returns the informatieobject URLs of the
// zaakinformatieobjecten, sorted: the references the handler resolves into
// Feiten.Informatieobjecten before closing or archiving.
func (z *Zaak) Informatieobjecten() []string {
	var out []string
	for _, g := range z.zios {
		out = append(out, g.Informatieobject)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// kanaal returns the notification kenmerken of the current state.
func (z *Zaak) kanaal() Kanaal {
	return Kanaal{Bronorganisatie: z.gegevens.Bronorganisatie, Zaaktype: z.gegevens.Zaaktype,
		Vertrouwelijkheidaanduiding: z.gegevens.Vertrouwelijkheidaanduiding}
}

// Apply changes the state by one event of the zaak's stream.
func (z *Zaak) Apply(e domain.Event) {
	switch e := e.(type) {
	case ZaakAangemaakt:
		z.reset()
		z.exists, z.gegevens = true, e.ZaakGegevens
	case ZaakGewijzigd:
		z.gegevens = e.ZaakGegevens
	case ZaakAfgesloten:
		z.gegevens = e.ZaakGegevens
	case ZaakHeropend:
		z.gegevens = e.ZaakGegevens
	case ZaakVerwijderd:
		z.reset()
	case StatusAangemaakt:
		for id, s := range z.statussen {
			s.IndicatieLaatstGezetteStatus = false
			z.statussen[id] = s
		}
		z.statussen[e.UUID], z.status = e.Gegevens, e.UUID
	case ResultaatAangemaakt:
		z.resultaat[e.UUID] = e.Gegevens
	case ResultaatGewijzigd:
		z.resultaat[e.UUID] = e.Gegevens
	case ResultaatVerwijderd:
		delete(z.resultaat, e.UUID)
	case RolAangemaakt:
		z.rollen[e.UUID] = e.Gegevens
	case RolGewijzigd:
		z.rollen[e.UUID] = e.Gegevens
	case RolVerwijderd:
		delete(z.rollen, e.UUID)
	case ZaakObjectAangemaakt:
		z.objecten[e.UUID] = e.Gegevens
	case ZaakObjectGewijzigd:
		z.objecten[e.UUID] = e.Gegevens
	case ZaakObjectVerwijderd:
		delete(z.objecten, e.UUID)
	case ZaakEigenschapAangemaakt:
		z.eigensch[e.UUID] = e.Gegevens
	case ZaakEigenschapGewijzigd:
		z.eigensch[e.UUID] = e.Gegevens
	case ZaakEigenschapVerwijderd:
		delete(z.eigensch, e.UUID)
	case ZaakInformatieObjectAangemaakt:
		z.zios[e.UUID] = e.Gegevens
	case ZaakInformatieObjectGewijzigd:
		z.zios[e.UUID] = e.Gegevens
	case ZaakInformatieObjectVerwijderd:
		delete(z.zios, e.UUID)
	case KlantContactAangemaakt:
		z.contacten[e.UUID] = e.Gegevens
	case ZaakBesluitAangemaakt:
		z.besluiten[e.UUID] = e.Gegevens
	case ZaakBesluitVerwijderd:
		delete(z.besluiten, e.UUID)
	case ZaakContactMomentAangemaakt:
		z.momenten[e.UUID] = e.Gegevens
	case ZaakContactMomentVerwijderd:
		delete(z.momenten, e.UUID)
	case ZaakVerzoekAangemaakt:
		z.verzoeken[e.UUID] = e.Gegevens
	case ZaakVerzoekVerwijderd:
		delete(z.verzoeken, e.UUID)
	}
}

// emit applies events in order and returns them.
func (z *Zaak) emit(events ...domain.Event) []domain.Event {
	for _, e := range events {
		z.Apply(e)
	}
	return events
}

// sortedKeys returns the keys of m in order, for deterministic events.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
