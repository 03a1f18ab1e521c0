package catalogi

import "github.com/zaakregister/zaakregister/domain"

// BesluittypeGegevens are the writable fields of a besluittype; Catalogus
// is the catalogus uuid and Informatieobjecttypen are references as the
// client gave them (omschrijvingen in the 1.3.1 write schema), checked
// through Verwijzingen.
type BesluittypeGegevens struct {
	Catalogus             string   `json:"catalogus"`
	Omschrijving          string   `json:"omschrijving"`
	OmschrijvingGeneriek  string   `json:"omschrijvingGeneriek"`
	Besluitcategorie      string   `json:"besluitcategorie"`
	Reactietermijn        string   `json:"reactietermijn"`
	PublicatieIndicatie   bool     `json:"publicatieIndicatie"`
	Publicatietekst       string   `json:"publicatietekst"`
	Publicatietermijn     string   `json:"publicatietermijn"`
	Toelichting           string   `json:"toelichting"`
	Informatieobjecttypen []string `json:"informatieobjecttypen"`
	BeginGeldigheid       Date     `json:"beginGeldigheid"`
	EindeGeldigheid       Date     `json:"eindeGeldigheid"`
}

func (g BesluittypeGegevens) normalised() BesluittypeGegevens {
	g.Informatieobjecttypen = cloneList(g.Informatieobjecttypen)
	return g
}

func (g BesluittypeGegevens) validate(iot Verwijzingen) error {
	var p domain.Problems
	c := check{p: &p}
	c.required("catalogus", g.Catalogus)
	c.text("omschrijving", g.Omschrijving, 80)
	c.text("omschrijvingGeneriek", g.OmschrijvingGeneriek, 80)
	c.text("besluitcategorie", g.Besluitcategorie, 40)
	c.duur("reactietermijn", g.Reactietermijn)
	c.duur("publicatietermijn", g.Publicatietermijn)
	iot.checkCatalogus(c, "informatieobjecttypen", g.Informatieobjecttypen, g.Catalogus)
	if g.BeginGeldigheid.IsZero() {
		c.add("beginGeldigheid", "required", "Dit veld is vereist.")
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

// Besluittype is the aggregate of one besluittype version. Its published
// versions with the same omschrijving are kept apart by a Versies
// aggregate, as Open Zaak checks them.
type Besluittype struct {
	uuid     string
	exists   bool
	concept  bool
	gegevens BesluittypeGegevens
}

// NewBesluittype returns the empty aggregate for uuid, to be given its
// history with Apply.
func NewBesluittype(uuid string) *Besluittype { return &Besluittype{uuid: uuid} }

// Exists reports whether the besluittype was created and not deleted.
func (t *Besluittype) Exists() bool { return t.exists }

// IsConcept reports whether the besluittype is not yet published.
func (t *Besluittype) IsConcept() bool { return t.exists && t.concept }

// Catalogus returns the uuid of its catalogus.
func (t *Besluittype) Catalogus() string { return t.gegevens.Catalogus }

// Omschrijving returns its omschrijving, the key of its Versies stream.
func (t *Besluittype) Omschrijving() string { return t.gegevens.Omschrijving }

// Periode returns its validity period.
func (t *Besluittype) Periode() Periode {
	return Periode{Begin: t.gegevens.BeginGeldigheid, Einde: t.gegevens.EindeGeldigheid}
}

// Gegevens returns a copy of its fields.
func (t *Besluittype) Gegevens() BesluittypeGegevens { return t.gegevens.normalised() }

// Apply changes the state by one event of its stream.
func (t *Besluittype) Apply(e domain.Event) {
	switch e := e.(type) {
	case BesluittypeAangemaakt:
		t.exists, t.concept, t.gegevens = true, e.Concept, e.BesluittypeGegevens
	case BesluittypeGewijzigd:
		t.concept, t.gegevens = e.Concept, e.BesluittypeGegevens
	case BesluittypeGepubliceerd:
		t.concept, t.gegevens = e.Concept, e.BesluittypeGegevens
	case BesluittypeBeeindigd:
		t.concept, t.gegevens = e.Concept, e.BesluittypeGegevens
	case BesluittypeVerwijderd:
		t.exists, t.concept, t.gegevens = false, false, BesluittypeGegevens{}
	}
}

func (t *Besluittype) emit(e domain.Event) []domain.Event {
	t.Apply(e)
	return []domain.Event{e}
}

// Create decides the creation of a concept besluittype; iot resolves its
// informatieobjecttypen (same catalogus, ztc-013).
func (t *Besluittype) Create(g BesluittypeGegevens, iot Verwijzingen) ([]domain.Event, error) {
	if t.exists {
		return nil, domain.Conflict("exists", "besluittype bestaat al")
	}
	if err := g.validate(iot); err != nil {
		return nil, err
	}
	return t.emit(BesluittypeAangemaakt{UUID: t.uuid, BesluittypeGegevens: g.normalised(), Concept: true}), nil
}

// Update decides a PUT or PATCH with the complete new fields, under the
// same ztc-009 terms as Zaaktype.Update: catalogus fixed, omschrijving of a
// published version fixed (it keys the Versies stream).
func (t *Besluittype) Update(g BesluittypeGegevens, iot Verwijzingen, actie string, geforceerd bool) ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("besluittype niet gevonden")
	}
	oud, nieuw := t.gegevens.normalised(), g.normalised()
	correctie, err := checkUpdate(t.concept, actie, geforceerd, oud.Catalogus, nieuw.Catalogus,
		"omschrijving", oud.Omschrijving, nieuw.Omschrijving, func() bool {
			oud.EindeGeldigheid, nieuw.EindeGeldigheid = Date{}, Date{}
			return sameJSON(oud, nieuw)
		})
	if err != nil {
		return nil, err
	}
	if err := g.validate(iot); err != nil {
		return nil, err
	}
	return t.emit(BesluittypeGewijzigd{UUID: t.uuid, Actie: actie, Correctie: correctie,
		BesluittypeGegevens: g.normalised(), Concept: t.concept}), nil
}

// Publish decides the publication; publishing a published one changes
// nothing. The handler then decides Versies.Publiceer.
func (t *Besluittype) Publish() ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("besluittype niet gevonden")
	}
	if !t.concept {
		return nil, nil
	}
	return t.emit(BesluittypeGepubliceerd{UUID: t.uuid, BesluittypeGegevens: t.gegevens.normalised()}), nil
}

// Beeindig decides the instruction of Versies.Publiceer: this version ends
// on einde.
func (t *Besluittype) Beeindig(einde Date) ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("besluittype niet gevonden")
	}
	if t.gegevens.EindeGeldigheid == einde {
		return nil, nil
	}
	if err := checkEinde(t.gegevens.BeginGeldigheid, einde); err != nil {
		return nil, err
	}
	g := t.gegevens.normalised()
	g.EindeGeldigheid = einde
	return t.emit(BesluittypeBeeindigd{UUID: t.uuid, BesluittypeGegevens: g, Concept: t.concept}), nil
}

// Delete decides the deletion; a published one only when geforceerd
// (catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
func (t *Besluittype) Delete(geforceerd bool) ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("besluittype niet gevonden")
	}
	if err := mayDeletePublished(t.concept, geforceerd); err != nil {
		return nil, err
	}
	return t.emit(BesluittypeVerwijderd{UUID: t.uuid, Catalogus: t.gegevens.Catalogus,
		Omschrijving: t.gegevens.Omschrijving, Correctie: !t.concept}), nil
}
