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

func (g BesluittypeGegevens) sleutel() (catalogus, key string) { return g.Catalogus, g.Omschrijving }

func (g BesluittypeGegevens) periode() Periode {
	return Periode{Begin: g.BeginGeldigheid, Einde: g.EindeGeldigheid}
}

func (g BesluittypeGegevens) metEinde(einde Date) BesluittypeGegevens {
	g.EindeGeldigheid = einde
	return g
}

var besluittypeSoort = versieSoort[BesluittypeGegevens]{
	naam: "besluittype", sleutelVeld: "omschrijving",
	aangemaakt: func(uuid string, g BesluittypeGegevens) domain.Event {
		return BesluittypeAangemaakt{UUID: uuid, BesluittypeGegevens: g, Concept: true}
	},
	gewijzigd: func(uuid, actie string, correctie bool, g BesluittypeGegevens, concept bool) domain.Event {
		return BesluittypeGewijzigd{UUID: uuid, Actie: actie, Correctie: correctie, BesluittypeGegevens: g, Concept: concept}
	},
	gepubliceerd: func(uuid string, g BesluittypeGegevens) domain.Event {
		return BesluittypeGepubliceerd{UUID: uuid, BesluittypeGegevens: g}
	},
	beeindigd: func(uuid string, g BesluittypeGegevens, concept bool) domain.Event {
		return BesluittypeBeeindigd{UUID: uuid, BesluittypeGegevens: g, Concept: concept}
	},
	verwijderd: func(uuid string, g BesluittypeGegevens, correctie bool) domain.Event {
		return BesluittypeVerwijderd{UUID: uuid, Catalogus: g.Catalogus, Omschrijving: g.Omschrijving, Correctie: correctie}
	},
}

// Besluittype is the aggregate of one besluittype version. Its published
// versions with the same omschrijving are kept apart by a Versies
// aggregate, as Open Zaak checks them.
type Besluittype struct {
	versie[BesluittypeGegevens]
}

// NewBesluittype returns the empty aggregate for uuid, to be given its
// history with Apply.
func NewBesluittype(uuid string) *Besluittype {
	t := &Besluittype{}
	t.versie = versie[BesluittypeGegevens]{uuid: uuid, soort: &besluittypeSoort, apply: t.Apply}
	return t
}

// Omschrijving returns its omschrijving, the key of its Versies stream.
func (t *Besluittype) Omschrijving() string { return t.gegevens.Omschrijving }

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

// Create decides the creation of a concept besluittype; iot resolves its
// informatieobjecttypen (same catalogus, ztc-013).
func (t *Besluittype) Create(g BesluittypeGegevens, iot Verwijzingen) ([]domain.Event, error) {
	return t.decide(t.create(g, func() error { return g.validate(iot) }))
}

// Update decides a PUT or PATCH with the complete new fields, under the
// same ztc-009 terms as Zaaktype.Update: catalogus fixed, omschrijving of a
// published version fixed (it keys the Versies stream).
func (t *Besluittype) Update(g BesluittypeGegevens, iot Verwijzingen, actie string, geforceerd bool) ([]domain.Event, error) {
	return t.decide(t.update(g, actie, geforceerd, func() error { return g.validate(iot) }))
}

// Publish decides the publication; publishing a published one changes
// nothing. The handler then decides Versies.Publiceer.
func (t *Besluittype) Publish() ([]domain.Event, error) { return t.decide(t.publish(nil)) }

// Beeindig decides the instruction of Versies.Publiceer: this version ends
// on einde.
func (t *Besluittype) Beeindig(einde Date) ([]domain.Event, error) {
	return t.decide(t.beeindig(einde))
}

// Delete decides the deletion; a published one only when geforceerd
// (catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
func (t *Besluittype) Delete(geforceerd bool) ([]domain.Event, error) {
	return t.decide(t.delete(geforceerd))
}
