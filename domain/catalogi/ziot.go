package catalogi

import "github.com/zaakregister/zaakregister/domain"

// ZaaktypeInformatieobjecttypeGegevens are the writable fields of a
// zaaktype-informatieobjecttype. Informatieobjecttype is the reference as
// the client gave it (in the 1.3.1 write schema the omschrijving) and is
// checked through Verwijzingen; Statustype is the uuid of a statustype of
// the same zaaktype, or "".
type ZaaktypeInformatieobjecttypeGegevens struct {
	Informatieobjecttype string   `json:"informatieobjecttype"`
	Volgnummer           int      `json:"volgnummer"`
	Richting             Richting `json:"richting"`
	Statustype           string   `json:"statustype"`
}

// validate checks the fields, the informatieobjecttype reference and the
// fit in zaaktype z, and returns what the reference resolved to.
func (g ZaaktypeInformatieobjecttypeGegevens) validate(z *Zaaktype, self string, iot Verwijzingen) (Verwijzing, error) {
	var p domain.Problems
	c := check{p: &p}
	var v Verwijzing
	if c.required("informatieobjecttype", g.Informatieobjecttype) {
		c.text("informatieobjecttype", g.Informatieobjecttype, 100)
		v, _ = iot.resolve(c, "informatieobjecttype", g.Informatieobjecttype, z.gegevens.Catalogus)
	}
	if g.Volgnummer < 1 || g.Volgnummer > 999 {
		c.add("volgnummer", "invalid", "volgnummer ligt tussen 1 en 999.")
	}
	if c.required("richting", string(g.Richting)) {
		c.choice("richting", string(g.Richting), g.Richting.Valid())
	}
	if g.Statustype != "" {
		if _, ok := z.statustypen[g.Statustype]; !ok {
			c.add("statustype", CodeZaaktypeMismatch, "Het statustype hoort niet bij dit zaaktype.")
		}
	}
	for id, other := range z.ziots {
		if id != self && other.Volgnummer == g.Volgnummer {
			c.add(nonField, "unique", "De velden zaaktype en volgnummer moeten een unieke set zijn.")
			break
		}
	}
	return v, p.Err()
}

// mayRelate decides the zaaktype-informatieobjecttype form of ztc-010, as
// Open Zaak implements it: the relation may change while the zaaktype or
// the informatieobjecttype is a concept; between two published types only
// as a correctie (geforceerd), else non-concept-relation.
func (z *Zaaktype) mayRelate(iot Verwijzing, geforceerd bool) (correctie bool, err error) {
	if z.concept || iot.Concept {
		return false, nil
	}
	if geforceerd {
		return true, nil
	}
	return false, domain.Invalid(nonField, CodeNonConceptRelation,
		"Relaties tussen een gepubliceerd zaaktype en een gepubliceerd informatieobjecttype kunnen niet wijzigen.")
}

// AddZaaktypeInformatieobjecttype decides a new zaaktype-informatieobjecttype.
// iot resolves g.Informatieobjecttype: its catalogus must be the zaaktype's
// (relations-incorrect-catalogus) and its concept flag takes part in ztc-010.
func (z *Zaaktype) AddZaaktypeInformatieobjecttype(uuid string, g ZaaktypeInformatieobjecttypeGegevens, iot Verwijzingen, geforceerd bool) ([]domain.Event, error) {
	if !z.exists {
		return nil, domain.NotFound("zaaktype niet gevonden")
	}
	if _, ok := z.ziots[uuid]; ok {
		return nil, domain.Conflict("exists", "zaaktype-informatieobjecttype bestaat al")
	}
	v, err := g.validate(z, uuid, iot)
	if err != nil {
		return nil, err
	}
	correctie, err := z.mayRelate(v, geforceerd)
	if err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeInformatieobjecttypeAangemaakt{Subtype: z.subtype(uuid, correctie), ZaaktypeInformatieobjecttypeGegevens: g}), nil
}

// UpdateZaaktypeInformatieobjecttype decides a PUT or PATCH with the
// complete new fields; ztc-010 looks at the new informatieobjecttype.
func (z *Zaaktype) UpdateZaaktypeInformatieobjecttype(uuid string, g ZaaktypeInformatieobjecttypeGegevens, iot Verwijzingen, actie string, geforceerd bool) ([]domain.Event, error) {
	if _, ok := z.ziots[uuid]; !ok {
		return nil, domain.NotFound("zaaktype-informatieobjecttype niet gevonden")
	}
	v, err := g.validate(z, uuid, iot)
	if err != nil {
		return nil, err
	}
	correctie, err := z.mayRelate(v, geforceerd)
	if err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeInformatieobjecttypeGewijzigd{Subtype: z.subtype(uuid, correctie), Actie: actie,
		ZaaktypeInformatieobjecttypeGegevens: g}), nil
}

// DeleteZaaktypeInformatieobjecttype decides the deletion; iot resolves the
// relation's current informatieobjecttype for ztc-010, and geforceerd means
// the principal holds catalogi.geforceerd-verwijderen.
func (z *Zaaktype) DeleteZaaktypeInformatieobjecttype(uuid string, iot Verwijzingen, geforceerd bool) ([]domain.Event, error) {
	g, ok := z.ziots[uuid]
	if !ok {
		return nil, domain.NotFound("zaaktype-informatieobjecttype niet gevonden")
	}
	v, known := iot[g.Informatieobjecttype]
	if !known {
		// An informatieobjecttype that no longer exists cannot be published.
		v = Verwijzing{Catalogus: z.gegevens.Catalogus, Concept: true}
	}
	correctie, err := z.mayRelate(v, geforceerd)
	if err != nil {
		return nil, err
	}
	return z.emit(ZaaktypeInformatieobjecttypeVerwijderd{Subtype: z.subtype(uuid, correctie)}), nil
}
