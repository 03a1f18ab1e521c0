package catalogi

import (
	"strings"

	"github.com/zaakregister/zaakregister/domain"
)

// Create decides the creation of a concept zaaktype. It returns a conflict
// when the zaaktype exists and a validation error listing every fault of
// the fields and of the references in f. Overlap with other versions is not
// checked here: concepts may overlap; publishing decides (ztc-016).
func (z *Zaaktype) Create(g ZaaktypeGegevens, f ZaaktypeFeiten) ([]domain.Event, error) {
	if z.exists {
		return nil, domain.Conflict("exists", "zaaktype bestaat al")
	}
	if err := g.validate(f); err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeAangemaakt{UUID: z.uuid, ZaaktypeGegevens: g.normalised(), Concept: true}), nil
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
	if !z.exists {
		return nil, domain.NotFound("zaaktype niet gevonden")
	}
	oud, nieuw := z.gegevens.normalised(), g.normalised()
	correctie, err := checkUpdate(z.concept, actie, geforceerd, oud.Catalogus, nieuw.Catalogus,
		"identificatie", oud.Identificatie, nieuw.Identificatie, func() bool {
			oud.EindeGeldigheid, nieuw.EindeGeldigheid = Date{}, Date{}
			return sameJSON(oud, nieuw)
		})
	if err != nil {
		return nil, err
	}
	if err := g.validate(f); err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeGewijzigd{UUID: z.uuid, Actie: actie, Correctie: correctie,
		ZaaktypeGegevens: g.normalised(), Concept: z.concept}), nil
}

// Publish decides the publication of a concept zaaktype. ztc-012: every
// besluittype and informatieobjecttype it relates to must be published
// (nonFieldErrors, concept-relation); like Open Zaak it also needs at least
// one roltype, one resultaattype and two statustypen (roltypen,
// resultaattypen, statustypen; concept-relation). Publishing a published
// zaaktype changes nothing. The command handler then decides
// Versies.Publiceer for the overlap check (ztc-016) and appends both.
func (z *Zaaktype) Publish(f PublicatieFeiten) ([]domain.Event, error) {
	if !z.exists {
		return nil, domain.NotFound("zaaktype niet gevonden")
	}
	if !z.concept {
		return nil, nil
	}
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
	if err := p.Err(); err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeGepubliceerd{UUID: z.uuid, ZaaktypeGegevens: z.gegevens.normalised(), Concept: false}), nil
}

// Beeindig decides the instruction of Versies.Publiceer: this published
// version ends on einde, the day before its successor begins. It changes
// nothing when the zaaktype already ends on that day.
func (z *Zaaktype) Beeindig(einde Date) ([]domain.Event, error) {
	if !z.exists {
		return nil, domain.NotFound("zaaktype niet gevonden")
	}
	if z.gegevens.EindeGeldigheid == einde {
		return nil, nil
	}
	if err := checkEinde(z.gegevens.BeginGeldigheid, einde); err != nil {
		return nil, err
	}
	g := z.gegevens.normalised()
	g.EindeGeldigheid = einde
	return z.emit(ZaaktypeBeeindigd{UUID: z.uuid, ZaaktypeGegevens: g, Concept: z.concept}), nil
}

// Delete decides the deletion of the zaaktype with all its sub-types. A
// published zaaktype can only be deleted when geforceerd (the principal
// holds catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
// After deleting a published zaaktype the handler decides Versies.Verwijder.
func (z *Zaaktype) Delete(geforceerd bool) ([]domain.Event, error) {
	if !z.exists {
		return nil, domain.NotFound("zaaktype niet gevonden")
	}
	if err := mayDeletePublished(z.concept, geforceerd); err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeVerwijderd{UUID: z.uuid, Catalogus: z.gegevens.Catalogus,
		Identificatie: z.gegevens.Identificatie, Correctie: !z.concept}), nil
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
