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
	if g.OmschrijvingGeneriek != nil {
		o := *g.OmschrijvingGeneriek
		g.OmschrijvingGeneriek = &o
	}
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
	if o := g.OmschrijvingGeneriek; o != nil {
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

// Informatieobjecttype is the aggregate of one informatieobjecttype
// version. Its published versions with the same omschrijving are kept apart
// by a Versies aggregate, as Open Zaak checks them.
type Informatieobjecttype struct {
	uuid     string
	exists   bool
	concept  bool
	gegevens InformatieobjecttypeGegevens
}

// NewInformatieobjecttype returns the empty aggregate for uuid, to be given
// its history with Apply.
func NewInformatieobjecttype(uuid string) *Informatieobjecttype {
	return &Informatieobjecttype{uuid: uuid}
}

// Exists reports whether the informatieobjecttype was created and not deleted.
func (t *Informatieobjecttype) Exists() bool { return t.exists }

// IsConcept reports whether the informatieobjecttype is not yet published.
func (t *Informatieobjecttype) IsConcept() bool { return t.exists && t.concept }

// Catalogus returns the uuid of its catalogus.
func (t *Informatieobjecttype) Catalogus() string { return t.gegevens.Catalogus }

// Omschrijving returns its omschrijving, the key of its Versies stream.
func (t *Informatieobjecttype) Omschrijving() string { return t.gegevens.Omschrijving }

// Periode returns its validity period.
func (t *Informatieobjecttype) Periode() Periode {
	return Periode{Begin: t.gegevens.BeginGeldigheid, Einde: t.gegevens.EindeGeldigheid}
}

// Gegevens returns a copy of its fields.
func (t *Informatieobjecttype) Gegevens() InformatieobjecttypeGegevens {
	return t.gegevens.normalised()
}

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

func (t *Informatieobjecttype) emit(e domain.Event) []domain.Event {
	t.Apply(e)
	return []domain.Event{e}
}

// Create decides the creation of a concept informatieobjecttype.
func (t *Informatieobjecttype) Create(g InformatieobjecttypeGegevens) ([]domain.Event, error) {
	if t.exists {
		return nil, domain.Conflict("exists", "informatieobjecttype bestaat al")
	}
	if err := g.validate(); err != nil {
		return nil, err
	}
	return t.emit(InformatieobjecttypeAangemaakt{UUID: t.uuid, InformatieobjecttypeGegevens: g.normalised(), Concept: true}), nil
}

// Update decides a PUT or PATCH with the complete new fields, under the
// same ztc-009 terms as Zaaktype.Update: catalogus fixed, omschrijving of a
// published version fixed (it keys the Versies stream).
func (t *Informatieobjecttype) Update(g InformatieobjecttypeGegevens, actie string, geforceerd bool) ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("informatieobjecttype niet gevonden")
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
	if err := g.validate(); err != nil {
		return nil, err
	}
	return t.emit(InformatieobjecttypeGewijzigd{UUID: t.uuid, Actie: actie, Correctie: correctie,
		InformatieobjecttypeGegevens: g.normalised(), Concept: t.concept}), nil
}

// Publish decides the publication; publishing a published one changes
// nothing. The handler then decides Versies.Publiceer.
func (t *Informatieobjecttype) Publish() ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("informatieobjecttype niet gevonden")
	}
	if !t.concept {
		return nil, nil
	}
	return t.emit(InformatieobjecttypeGepubliceerd{UUID: t.uuid, InformatieobjecttypeGegevens: t.gegevens.normalised()}), nil
}

// Beeindig decides the instruction of Versies.Publiceer: this version ends
// on einde.
func (t *Informatieobjecttype) Beeindig(einde Date) ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("informatieobjecttype niet gevonden")
	}
	if t.gegevens.EindeGeldigheid == einde {
		return nil, nil
	}
	if err := checkEinde(t.gegevens.BeginGeldigheid, einde); err != nil {
		return nil, err
	}
	g := t.gegevens.normalised()
	g.EindeGeldigheid = einde
	return t.emit(InformatieobjecttypeBeeindigd{UUID: t.uuid, InformatieobjecttypeGegevens: g, Concept: t.concept}), nil
}

// Delete decides the deletion; a published one only when geforceerd
// (catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
func (t *Informatieobjecttype) Delete(geforceerd bool) ([]domain.Event, error) {
	if !t.exists {
		return nil, domain.NotFound("informatieobjecttype niet gevonden")
	}
	if err := mayDeletePublished(t.concept, geforceerd); err != nil {
		return nil, err
	}
	return t.emit(InformatieobjecttypeVerwijderd{UUID: t.uuid, Catalogus: t.gegevens.Catalogus,
		Omschrijving: t.gegevens.Omschrijving, Correctie: !t.concept}), nil
}
