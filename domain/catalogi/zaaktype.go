package catalogi

import (
	"maps"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Zaaktype is the aggregate of one zaaktype version together with all its
// sub-types, so that publishing and every ztc-010 check are one consistent
// decision on one stream. Its state changes only by applying its own events.
type Zaaktype struct {
	versie[ZaaktypeGegevens]
	statustypen     map[string]StatustypeGegevens
	roltypen        map[string]RoltypeGegevens
	resultaattypen  map[string]ResultaattypeGegevens
	eigenschappen   map[string]EigenschapGegevens
	zaakobjecttypen map[string]ZaakobjecttypeGegevens
	ziots           map[string]ZaaktypeInformatieobjecttypeGegevens
}

// NewZaaktype returns the empty aggregate for uuid, to be given its history
// with Apply.
func NewZaaktype(uuid string) *Zaaktype {
	z := &Zaaktype{}
	z.versie = versie[ZaaktypeGegevens]{uuid: uuid, soort: &zaaktypeSoort, apply: z.Apply}
	z.reset()
	return z
}

func (z *Zaaktype) reset() {
	z.exists, z.concept, z.gegevens = false, false, ZaaktypeGegevens{}
	z.statustypen = map[string]StatustypeGegevens{}
	z.roltypen = map[string]RoltypeGegevens{}
	z.resultaattypen = map[string]ResultaattypeGegevens{}
	z.eigenschappen = map[string]EigenschapGegevens{}
	z.zaakobjecttypen = map[string]ZaakobjecttypeGegevens{}
	z.ziots = map[string]ZaaktypeInformatieobjecttypeGegevens{}
}

// UUID returns the zaaktype's uuid.
func (z *Zaaktype) UUID() string { return z.uuid }

// Identificatie returns the zaaktype's identificatie, the key of its
// Versies stream.
func (z *Zaaktype) Identificatie() string { return z.gegevens.Identificatie }

// BeginGeldigheid returns the first day the zaaktype is valid.
func (z *Zaaktype) BeginGeldigheid() Date { return z.gegevens.BeginGeldigheid }

// EindeGeldigheid returns the last day the zaaktype is valid, or the zero
// Date when it has no end.
func (z *Zaaktype) EindeGeldigheid() Date { return z.gegevens.EindeGeldigheid }

// Relaties returns the references whose concept status publishing needs
// (ztc-012): the zaaktype's besluittypen and the informatieobjecttypen of
// its zaaktype-informatieobjecttypen, each once.
func (z *Zaaktype) Relaties() (besluittypen, informatieobjecttypen []string) {
	besluittypen = uniqueSorted(z.gegevens.Besluittypen)
	for _, g := range z.ziots {
		informatieobjecttypen = append(informatieobjecttypen, g.Informatieobjecttype)
	}
	return besluittypen, uniqueSorted(informatieobjecttypen)
}

// Statustype returns the statustype with uuid, if the zaaktype has it.
func (z *Zaaktype) Statustype(uuid string) (StatustypeGegevens, bool) {
	g, ok := z.statustypen[uuid]
	return g.normalised(), ok
}

// Statustypen returns the uuids of the statustypen in volgnummer order.
func (z *Zaaktype) Statustypen() []string {
	ids := slices.Collect(maps.Keys(z.statustypen))
	slices.SortFunc(ids, func(a, b string) int { return z.statustypen[a].Volgnummer - z.statustypen[b].Volgnummer })
	return ids
}

// Eindstatus returns the uuid of the statustype with the highest
// volgnummer, or "" when there are no statustypen.
func (z *Zaaktype) Eindstatus() string {
	ids := z.Statustypen()
	if len(ids) == 0 {
		return ""
	}
	return ids[len(ids)-1]
}

// IsEindstatus reports whether the statustype with uuid is the eindstatus:
// the one with the highest volgnummer of this zaaktype.
func (z *Zaaktype) IsEindstatus(uuid string) bool { return uuid != "" && z.Eindstatus() == uuid }

// Roltype returns the roltype with uuid, if the zaaktype has it.
func (z *Zaaktype) Roltype(uuid string) (RoltypeGegevens, bool) {
	g, ok := z.roltypen[uuid]
	return g, ok
}

// Resultaattype returns the resultaattype with uuid, if the zaaktype has it.
func (z *Zaaktype) Resultaattype(uuid string) (ResultaattypeGegevens, bool) {
	g, ok := z.resultaattypen[uuid]
	return g.normalised(), ok
}

// Eigenschap returns the eigenschap with uuid, if the zaaktype has it.
func (z *Zaaktype) Eigenschap(uuid string) (EigenschapGegevens, bool) {
	g, ok := z.eigenschappen[uuid]
	return g.normalised(), ok
}

// Zaakobjecttype returns the zaakobjecttype with uuid, if the zaaktype has it.
func (z *Zaaktype) Zaakobjecttype(uuid string) (ZaakobjecttypeGegevens, bool) {
	g, ok := z.zaakobjecttypen[uuid]
	return g, ok
}

// ZaaktypeInformatieobjecttype returns the zaaktype-informatieobjecttype
// with uuid, if the zaaktype has it.
func (z *Zaaktype) ZaaktypeInformatieobjecttype(uuid string) (ZaaktypeInformatieobjecttypeGegevens, bool) {
	g, ok := z.ziots[uuid]
	return g, ok
}

// Roltypen returns the uuids of the roltypen, sorted.
func (z *Zaaktype) Roltypen() []string { return slices.Sorted(maps.Keys(z.roltypen)) }

// Resultaattypen returns the uuids of the resultaattypen, sorted.
func (z *Zaaktype) Resultaattypen() []string { return slices.Sorted(maps.Keys(z.resultaattypen)) }

// Eigenschappen returns the uuids of the eigenschappen, sorted.
func (z *Zaaktype) Eigenschappen() []string { return slices.Sorted(maps.Keys(z.eigenschappen)) }

// Zaakobjecttypen returns the uuids of the zaakobjecttypen, sorted.
func (z *Zaaktype) Zaakobjecttypen() []string { return slices.Sorted(maps.Keys(z.zaakobjecttypen)) }

// Apply changes the state by one event of the zaaktype's stream.
func (z *Zaaktype) Apply(e domain.Event) {
	switch e := e.(type) {
	case ZaaktypeAangemaakt:
		z.reset()
		z.exists, z.concept, z.gegevens = true, e.Concept, e.ZaaktypeGegevens
	case ZaaktypeGewijzigd:
		z.concept, z.gegevens = e.Concept, e.ZaaktypeGegevens
	case ZaaktypeGepubliceerd:
		z.concept, z.gegevens = e.Concept, e.ZaaktypeGegevens
	case ZaaktypeBeeindigd:
		z.concept, z.gegevens = e.Concept, e.ZaaktypeGegevens
	case ZaaktypeVerwijderd:
		z.reset()
	case StatustypeAangemaakt:
		z.statustypen[e.UUID] = e.StatustypeGegevens
	case StatustypeGewijzigd:
		z.statustypen[e.UUID] = e.StatustypeGegevens
	case StatustypeVerwijderd:
		delete(z.statustypen, e.UUID)
	case RoltypeAangemaakt:
		z.roltypen[e.UUID] = e.RoltypeGegevens
	case RoltypeGewijzigd:
		z.roltypen[e.UUID] = e.RoltypeGegevens
	case RoltypeVerwijderd:
		delete(z.roltypen, e.UUID)
	case ResultaattypeAangemaakt:
		z.resultaattypen[e.UUID] = e.ResultaattypeGegevens
	case ResultaattypeGewijzigd:
		z.resultaattypen[e.UUID] = e.ResultaattypeGegevens
	case ResultaattypeVerwijderd:
		delete(z.resultaattypen, e.UUID)
	case EigenschapAangemaakt:
		z.eigenschappen[e.UUID] = e.EigenschapGegevens
	case EigenschapGewijzigd:
		z.eigenschappen[e.UUID] = e.EigenschapGegevens
	case EigenschapVerwijderd:
		delete(z.eigenschappen, e.UUID)
	case ZaakobjecttypeAangemaakt:
		z.zaakobjecttypen[e.UUID] = e.ZaakobjecttypeGegevens
	case ZaakobjecttypeGewijzigd:
		z.zaakobjecttypen[e.UUID] = e.ZaakobjecttypeGegevens
	case ZaakobjecttypeVerwijderd:
		delete(z.zaakobjecttypen, e.UUID)
	case ZaaktypeInformatieobjecttypeAangemaakt:
		z.ziots[e.UUID] = e.ZaaktypeInformatieobjecttypeGegevens
	case ZaaktypeInformatieobjecttypeGewijzigd:
		z.ziots[e.UUID] = e.ZaaktypeInformatieobjecttypeGegevens
	case ZaaktypeInformatieobjecttypeVerwijderd:
		delete(z.ziots, e.UUID)
	}
}

// emit applies events in order and returns them.
func (z *Zaaktype) emit(events ...domain.Event) []domain.Event {
	for _, e := range events {
		z.Apply(e)
	}
	return events
}

func uniqueSorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}
