package catalogi

import "github.com/zaakregister/zaakregister/domain"

// InformatieobjecttypeOmschrijvingGeneriek is the generic description of an
// informatieobjecttype.
type InformatieobjecttypeOmschrijvingGeneriek struct {
	InformatieobjecttypeOmschrijvingGeneriek           string `json:"informatieobjecttypeOmschrijvingGeneriek"`
	DefinitieInformatieobjecttypeOmschrijvingGeneriek  string `json:"definitieInformatieobjecttypeOmschrijvingGeneriek"`
	HerkomstInformatieobjecttypeOmschrijvingGeneriek   string `json:"herkomstInformatieobjecttypeOmschrijvingGeneriek"`
	HierarchieInformatieobjecttypeOmschrijvingGeneriek string `json:"hierarchieInformatieobjecttypeOmschrijvingGeneriek"`
	OpmerkingInformatieobjecttypeOmschrijvingGeneriek  string `json:"opmerkingInformatieobjecttypeOmschrijvingGeneriek"`
}

// InformatieobjecttypeGegevens are the writable fields of an
// informatieobjecttype; Catalogus is the catalogus uuid.
type InformatieobjecttypeGegevens struct {
	Catalogus                   string                                    `json:"catalogus"`
	Omschrijving                string                                    `json:"omschrijving"`
	Vertrouwelijkheidaanduiding Vertrouwelijkheidaanduiding               `json:"vertrouwelijkheidaanduiding"`
	Informatieobjectcategorie   string                                    `json:"informatieobjectcategorie"`
	Trefwoord                   []string                                  `json:"trefwoord"`
	OmschrijvingGeneriek        *InformatieobjecttypeOmschrijvingGeneriek `json:"omschrijvingGeneriek"`
	BeginGeldigheid             Date                                      `json:"beginGeldigheid"`
	EindeGeldigheid             Date                                      `json:"eindeGeldigheid"`
}

func (g InformatieobjecttypeGegevens) normalised() InformatieobjecttypeGegevens {
	g.Trefwoord = cloneList(g.Trefwoord)
	g.OmschrijvingGeneriek = groep(g.OmschrijvingGeneriek)
	return g
}

func (g InformatieobjecttypeGegevens) validate() error {
	var p domain.Problems
	c := check{p: &p}
	c.required("catalogus", g.Catalogus)
	c.requiredText("omschrijving", g.Omschrijving, 80)
	if c.required("vertrouwelijkheidaanduiding", string(g.Vertrouwelijkheidaanduiding)) {
		c.choice("vertrouwelijkheidaanduiding", string(g.Vertrouwelijkheidaanduiding), g.Vertrouwelijkheidaanduiding.Valid())
	}
	c.requiredText("informatieobjectcategorie", g.Informatieobjectcategorie, 80)
	c.list("trefwoord", g.Trefwoord, 30, false)
	if o := groep(g.OmschrijvingGeneriek); o != nil {
		oc := c.at("omschrijvingGeneriek")
		oc.requiredText("informatieobjecttypeOmschrijvingGeneriek", o.InformatieobjecttypeOmschrijvingGeneriek, 80)
		oc.requiredText("definitieInformatieobjecttypeOmschrijvingGeneriek", o.DefinitieInformatieobjecttypeOmschrijvingGeneriek, 255)
		oc.requiredText("herkomstInformatieobjecttypeOmschrijvingGeneriek", o.HerkomstInformatieobjecttypeOmschrijvingGeneriek, 12)
		oc.requiredText("hierarchieInformatieobjecttypeOmschrijvingGeneriek", o.HierarchieInformatieobjecttypeOmschrijvingGeneriek, 80)
		oc.text("opmerkingInformatieobjecttypeOmschrijvingGeneriek", o.OpmerkingInformatieobjecttypeOmschrijvingGeneriek, 255)
	}
	if g.BeginGeldigheid.IsZero() {
		c.add("beginGeldigheid", "required", "Dit veld is vereist.")
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

func (g InformatieobjecttypeGegevens) sleutel() (catalogus, key string) {
	return g.Catalogus, g.Omschrijving
}

func (g InformatieobjecttypeGegevens) periode() Periode {
	return Periode{Begin: g.BeginGeldigheid, Einde: g.EindeGeldigheid}
}

func (g InformatieobjecttypeGegevens) metEinde(einde Date) InformatieobjecttypeGegevens {
	g.EindeGeldigheid = einde
	return g
}

var informatieobjecttypeSoort = versieSoort[InformatieobjecttypeGegevens]{
	naam: "informatieobjecttype", sleutelVeld: "omschrijving",
	aangemaakt: func(uuid string, g InformatieobjecttypeGegevens) domain.Event {
		return InformatieobjecttypeAangemaakt{UUID: uuid, InformatieobjecttypeGegevens: g, Concept: true}
	},
	gewijzigd: func(uuid, actie string, correctie bool, g InformatieobjecttypeGegevens, concept bool) domain.Event {
		return InformatieobjecttypeGewijzigd{UUID: uuid, Actie: actie, Correctie: correctie,
			InformatieobjecttypeGegevens: g, Concept: concept}
	},
	gepubliceerd: func(uuid string, g InformatieobjecttypeGegevens) domain.Event {
		return InformatieobjecttypeGepubliceerd{UUID: uuid, InformatieobjecttypeGegevens: g}
	},
	beeindigd: func(uuid string, g InformatieobjecttypeGegevens, concept bool) domain.Event {
		return InformatieobjecttypeBeeindigd{UUID: uuid, InformatieobjecttypeGegevens: g, Concept: concept}
	},
	verwijderd: func(uuid string, g InformatieobjecttypeGegevens, correctie bool) domain.Event {
		return InformatieobjecttypeVerwijderd{UUID: uuid, Catalogus: g.Catalogus, Omschrijving: g.Omschrijving,
			Correctie: correctie}
	},
}

// Informatieobjecttype is the aggregate of one informatieobjecttype
// version. Its published versions with the same omschrijving are kept apart
// by a Versies aggregate, as Open Zaak checks them.
type Informatieobjecttype struct {
	versie[InformatieobjecttypeGegevens]
}

// NewInformatieobjecttype returns the empty aggregate for uuid, to be given
// its history with Apply.
func NewInformatieobjecttype(uuid string) *Informatieobjecttype {
	t := &Informatieobjecttype{}
	t.versie = versie[InformatieobjecttypeGegevens]{uuid: uuid, soort: &informatieobjecttypeSoort, apply: t.Apply}
	return t
}

// Omschrijving returns its omschrijving, the key of its Versies stream.
func (t *Informatieobjecttype) Omschrijving() string { return t.gegevens.Omschrijving }

// Apply changes the state by one event of its stream.
func (t *Informatieobjecttype) Apply(e domain.Event) {
	switch e := e.(type) {
	case InformatieobjecttypeAangemaakt:
		t.exists, t.concept, t.gegevens = true, e.Concept, e.InformatieobjecttypeGegevens
	case InformatieobjecttypeGewijzigd:
		t.concept, t.gegevens = e.Concept, e.InformatieobjecttypeGegevens
	case InformatieobjecttypeGepubliceerd:
		t.concept, t.gegevens = e.Concept, e.InformatieobjecttypeGegevens
	case InformatieobjecttypeBeeindigd:
		t.concept, t.gegevens = e.Concept, e.InformatieobjecttypeGegevens
	case InformatieobjecttypeVerwijderd:
		t.exists, t.concept, t.gegevens = false, false, InformatieobjecttypeGegevens{}
	}
}

// Create decides the creation of a concept informatieobjecttype.
func (t *Informatieobjecttype) Create(g InformatieobjecttypeGegevens) ([]domain.Event, error) {
	return t.decide(t.create(g, g.validate))
}

// Update decides a PUT or PATCH with the complete new fields, under the
// same ztc-009 terms as Zaaktype.Update: catalogus fixed, omschrijving of a
// published version fixed (it keys the Versies stream).
func (t *Informatieobjecttype) Update(g InformatieobjecttypeGegevens, actie string, geforceerd bool) ([]domain.Event, error) {
	return t.decide(t.update(g, actie, geforceerd, g.validate))
}

// Publish decides the publication; publishing a published one changes
// nothing. The handler then decides Versies.Publiceer.
func (t *Informatieobjecttype) Publish() ([]domain.Event, error) { return t.decide(t.publish(nil)) }

// Beeindig decides the instruction of Versies.Publiceer: this version ends
// on einde.
func (t *Informatieobjecttype) Beeindig(einde Date) ([]domain.Event, error) {
	return t.decide(t.beeindig(einde))
}

// Delete decides the deletion; a published one only when geforceerd
// (catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
func (t *Informatieobjecttype) Delete(geforceerd bool) ([]domain.Event, error) {
	return t.decide(t.delete(geforceerd))
}
