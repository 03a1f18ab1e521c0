package catalogi

import (
	"fmt"
	"maps"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Soort names the kind of type whose versions a Versies aggregate keeps.
type Soort string

// The kinds of versioned types and the field that keys their versions.
const (
	SoortZaaktype             Soort = "zaaktype"             // by identificatie
	SoortInformatieobjecttype Soort = "informatieobjecttype" // by omschrijving
	SoortBesluittype          Soort = "besluittype"          // by omschrijving
)

// Versies is the aggregate of the published versions of one type in one
// catalogus (zaaktypen by identificatie, informatieobjecttypen and
// besluittypen by omschrijving) and their validity periods. Because every
// publication is one append to this stream with the revision read, two
// concurrent publications cannot both create an overlap (ztc-016, and the
// 1.3.1 rule that an identificatie is unique unless the periods differ).
//
// A publication takes these steps in the command handler: decide
// Publish on the type's own aggregate, decide Publiceer here, append this
// stream first (it is the lock), then the type's stream, then, when
// Publicatie.Beeindig is set, the Beeindig decision on the predecessor's
// stream. Publiceer of an already recorded uuid is a no-op, so a retry
// after a failed second append finishes the work.
type Versies struct {
	soort     Soort
	catalogus string
	sleutel   string
	versies   map[string]Periode
}

// NewVersies returns the empty aggregate for the versions of soort with
// key sleutel (identificatie or omschrijving) in catalogus.
func NewVersies(soort Soort, catalogus, sleutel string) *Versies {
	return &Versies{soort: soort, catalogus: catalogus, sleutel: sleutel, versies: map[string]Periode{}}
}

// Stream returns the name of the stream this aggregate lives on.
func (v *Versies) Stream() string {
	switch v.soort {
	case SoortInformatieobjecttype:
		return InformatieobjecttypeVersiesStream(v.catalogus, v.sleutel)
	case SoortBesluittype:
		return BesluittypeVersiesStream(v.catalogus, v.sleutel)
	}
	return ZaaktypeVersiesStream(v.catalogus, v.sleutel)
}

// Versie returns the validity period of the published version uuid.
func (v *Versies) Versie(uuid string) (Periode, bool) {
	p, ok := v.versies[uuid]
	return p, ok
}

// Gepubliceerd returns the uuids of the published versions by beginGeldigheid.
func (v *Versies) Gepubliceerd() []string {
	ids := slices.Collect(maps.Keys(v.versies))
	slices.SortFunc(ids, func(a, b string) int { return v.versies[a].Begin.Compare(v.versies[b].Begin) })
	return ids
}

// Apply changes the state by one event of the stream.
func (v *Versies) Apply(e domain.Event) {
	switch e := e.(type) {
	case VersieGepubliceerd:
		v.versies[e.UUID] = e.Periode
	case VersieGewijzigd:
		v.versies[e.UUID] = e.Periode
	case VersieVerwijderd:
		delete(v.versies, e.UUID)
	}
}

// Beeindiging instructs the command handler to end a published version:
// decide Beeindig(EindeGeldigheid) on the aggregate with UUID.
type Beeindiging struct {
	UUID            string
	EindeGeldigheid Date
}

// Publicatie is the outcome of Publiceer: the events for this stream and,
// when the predecessor had no end, the instruction to end it.
type Publicatie struct {
	Events   []domain.Event
	Beeindig *Beeindiging
}

// Publiceer decides that version uuid with period p is published. A
// published version without eindeGeldigheid that began earlier ends the
// day before p begins; any other overlap with a published version fails
// with beginGeldigheid: overlap.
func (v *Versies) Publiceer(uuid string, p Periode) (Publicatie, error) {
	if p.Begin.IsZero() {
		return Publicatie{}, domain.Invalid("beginGeldigheid", "required", "Dit veld is vereist.")
	}
	if _, ok := v.versies[uuid]; ok {
		return Publicatie{}, nil
	}
	var uit Publicatie
	andere := maps.Clone(v.versies)
	for _, id := range v.Gepubliceerd() {
		if q := andere[id]; q.Einde.IsZero() && q.Begin.Before(p.Begin) {
			q.Einde = p.Begin.AddDays(-1)
			andere[id] = q
			uit.Events = append(uit.Events, v.event(id, q, false))
			uit.Beeindig = &Beeindiging{UUID: id, EindeGeldigheid: q.Einde}
			break
		}
	}
	if id := overlap(andere, p); id != "" {
		return Publicatie{}, v.overlapErr("beginGeldigheid", id)
	}
	uit.Events = append(uit.Events, v.event(uuid, p, true))
	for _, e := range uit.Events {
		v.Apply(e)
	}
	return uit, nil
}

// Wijzig decides a new period for the published version uuid, after a
// PATCH of eindeGeldigheid or a correctie; an overlap fails on the field
// that changed.
func (v *Versies) Wijzig(uuid string, p Periode) ([]domain.Event, error) {
	oud, ok := v.versies[uuid]
	if !ok {
		return nil, domain.NotFound(fmt.Sprintf("geen gepubliceerde versie %s", uuid))
	}
	if oud == p {
		return nil, nil
	}
	andere := maps.Clone(v.versies)
	delete(andere, uuid)
	if id := overlap(andere, p); id != "" {
		veld := "eindeGeldigheid"
		if p.Begin != oud.Begin {
			veld = "beginGeldigheid"
		}
		return nil, v.overlapErr(veld, id)
	}
	e := v.event(uuid, p, false)
	v.Apply(e)
	return []domain.Event{e}, nil
}

// Verwijder decides that the published version uuid is gone (a geforceerde
// delete); it returns no events when the version is not recorded.
func (v *Versies) Verwijder(uuid string) []domain.Event {
	if _, ok := v.versies[uuid]; !ok {
		return nil
	}
	e := VersieVerwijderd{Soort: v.soort, Catalogus: v.catalogus, Sleutel: v.sleutel, UUID: uuid}
	v.Apply(e)
	return []domain.Event{e}
}

func (v *Versies) event(uuid string, p Periode, nieuw bool) domain.Event {
	if nieuw {
		return VersieGepubliceerd{Soort: v.soort, Catalogus: v.catalogus, Sleutel: v.sleutel, UUID: uuid, Periode: p}
	}
	return VersieGewijzigd{Soort: v.soort, Catalogus: v.catalogus, Sleutel: v.sleutel, UUID: uuid, Periode: p}
}

func (v *Versies) overlapErr(veld, id string) error {
	return domain.Invalid(veld, CodeOverlap, fmt.Sprintf(
		"De geldigheidsperiode overlapt met gepubliceerde versie %s van dit %s in deze catalogus.", id, v.soort))
}

// overlap returns the uuid of a version in versies that overlaps p, in a
// stable order, or "".
func overlap(versies map[string]Periode, p Periode) string {
	for _, id := range slices.Sorted(maps.Keys(versies)) {
		if versies[id].Overlapt(p) {
			return id
		}
	}
	return ""
}
