package catalogi

import (
	"strings"

	"github.com/zaakregister/zaakregister/domain"
)

var zaaktypeSoort = versieSoort[ZaaktypeGegevens]{
	naam: "zaaktype", sleutelVeld: "identificatie",
	aangemaakt: func(uuid string, g ZaaktypeGegevens) domain.Event {
		return ZaaktypeAangemaakt{UUID: uuid, ZaaktypeGegevens: g, Concept: true}
	},
	gewijzigd: func(uuid, actie string, correctie bool, g ZaaktypeGegevens, concept bool) domain.Event {
		return ZaaktypeGewijzigd{UUID: uuid, Actie: actie, Correctie: correctie, ZaaktypeGegevens: g, Concept: concept}
	},
	gepubliceerd: func(uuid string, g ZaaktypeGegevens) domain.Event {
		return ZaaktypeGepubliceerd{UUID: uuid, ZaaktypeGegevens: g, Concept: false}
	},
	beeindigd: func(uuid string, g ZaaktypeGegevens, concept bool) domain.Event {
		return ZaaktypeBeeindigd{UUID: uuid, ZaaktypeGegevens: g, Concept: concept}
	},
	verwijderd: func(uuid string, g ZaaktypeGegevens, correctie bool) domain.Event {
		return ZaaktypeVerwijderd{UUID: uuid, Catalogus: g.Catalogus, Identificatie: g.Identificatie, Correctie: correctie}
	},
}

// Create decides the creation of a concept zaaktype. It returns a conflict
// when the zaaktype exists and a validation error listing every fault of
// the fields and of the references in f. Overlap with other versions is not
// checked here: concepts may overlap; publishing decides (ztc-016).
func (z *Zaaktype) Create(g ZaaktypeGegevens, f ZaaktypeFeiten) ([]domain.Event, error) {
	return z.decide(z.create(g, func() error { return g.validate(f) }))
}

// Update decides a PUT (actie "update") or PATCH ("partial_update") with the
// complete new fields. A published zaaktype may only change by a PATCH that
// changes nothing but eindeGeldigheid, or as a correctie when geforceerd
// (the principal holds catalogi.geforceerd-schrijven); otherwise ztc-009
// fails with non-concept-object. The catalogus never changes, nor does the
// identificatie of a published zaaktype (it keys the Versies stream):
// wijzigen-niet-toegelaten. When a published zaaktype's Periode changes the
// command handler must also decide Versies.Wijzig.
func (z *Zaaktype) Update(g ZaaktypeGegevens, f ZaaktypeFeiten, actie string, geforceerd bool) ([]domain.Event, error) {
	return z.decide(z.update(g, actie, geforceerd, func() error { return g.validate(f) }))
}

// Publish decides the publication of a concept zaaktype. ztc-012: every
// besluittype and informatieobjecttype it relates to must be published
// (nonFieldErrors, concept-relation); like Open Zaak it also needs at least
// one roltype, one resultaattype and two statustypen (roltypen,
// resultaattypen, statustypen; concept-relation). Publishing a published
// zaaktype changes nothing. The command handler then decides
// Versies.Publiceer for the overlap check (ztc-016) and appends both.
func (z *Zaaktype) Publish(f PublicatieFeiten) ([]domain.Event, error) {
	return z.decide(z.publish(func() error { return z.mayPublish(f) }))
}

// mayPublish checks the relations and sub-types Publish needs.
func (z *Zaaktype) mayPublish(f PublicatieFeiten) error {
	var p domain.Problems
	besluittypen, informatieobjecttypen := z.Relaties()
	var concept []string
	for _, ref := range besluittypen {
		if v, ok := f.Besluittypen[ref]; !ok || v.Concept {
			concept = append(concept, "besluittype "+ref)
		}
	}
	for _, ref := range informatieobjecttypen {
		if v, ok := f.Informatieobjecttypen[ref]; !ok || v.Concept {
			concept = append(concept, "informatieobjecttype "+ref)
		}
	}
	if len(concept) > 0 {
		p.Add(nonField, CodeConceptRelation, "Alle gerelateerde resources moeten gepubliceerd zijn; nog concept: "+strings.Join(concept, ", ")+".")
	}
	if len(z.roltypen) < 1 {
		p.Add("roltypen", CodeConceptRelation, "Publiceren van een zaaktype vereist minstens één roltype.")
	}
	if len(z.resultaattypen) < 1 {
		p.Add("resultaattypen", CodeConceptRelation, "Publiceren van een zaaktype vereist minstens één resultaattype.")
	}
	if len(z.statustypen) < 2 {
		p.Add("statustypen", CodeConceptRelation, "Publiceren van een zaaktype vereist minstens twee statustypen.")
	}
	return p.Err()
}

// Beeindig decides the instruction of Versies.Publiceer: this published
// version ends on einde, the day before its successor begins. It changes
// nothing when the zaaktype already ends on that day.
func (z *Zaaktype) Beeindig(einde Date) ([]domain.Event, error) { return z.decide(z.beeindig(einde)) }

// Delete decides the deletion of the zaaktype with all its sub-types. A
// published zaaktype can only be deleted when geforceerd (the principal
// holds catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
// After deleting a published zaaktype the handler decides Versies.Verwijder.
func (z *Zaaktype) Delete(geforceerd bool) ([]domain.Event, error) {
	return z.decide(z.delete(geforceerd))
}

// maySubtype decides ztc-010 for a change of a sub-type: allowed on a
// concept zaaktype, and on a published one only as a correctie.
func (z *Zaaktype) maySubtype(geforceerd bool) (correctie bool, err error) {
	switch {
	case !z.exists:
		return false, domain.NotFound("zaaktype niet gevonden")
	case z.concept:
		return false, nil
	case geforceerd:
		return true, nil
	}
	return false, domain.Invalid(nonField, CodeNonConceptZaaktype,
		"Objecten van een gepubliceerd zaaktype kunnen niet worden aangemaakt, bijgewerkt of verwijderd.")
}

// mayAdd decides ztc-010 for a new sub-type (a soort such as "roltype")
// with uuid; have are the zaaktype's sub-types of that soort. A uuid in
// use is a conflict.
func mayAdd[G any](z *Zaaktype, have map[string]G, soort, uuid string, geforceerd bool) (correctie bool, err error) {
	if correctie, err = z.maySubtype(geforceerd); err != nil {
		return false, err
	}
	if _, ok := have[uuid]; ok {
		return false, domain.Conflict("exists", soort+" bestaat al")
	}
	return correctie, nil
}

// mayChange decides ztc-010 for an update or deletion of the sub-type
// with uuid, not found unless it is among have.
func mayChange[G any](z *Zaaktype, have map[string]G, soort, uuid string, geforceerd bool) (correctie bool, err error) {
	if _, ok := have[uuid]; !ok {
		return false, domain.NotFound(soort + " niet gevonden")
	}
	return z.maySubtype(geforceerd)
}

// subtype returns the event header of the sub-type with uuid.
func (z *Zaaktype) subtype(uuid string, correctie bool) Subtype {
	return Subtype{UUID: uuid, Zaaktype: z.uuid, Catalogus: z.gegevens.Catalogus, Correctie: correctie}
}

// defaultGeldigheid gives a sub-type the zaaktype's beginGeldigheid when it
// has none of its own.
func (z *Zaaktype) defaultGeldigheid(begin Date) Date {
	if begin.IsZero() {
		return z.gegevens.BeginGeldigheid
	}
	return begin
}
