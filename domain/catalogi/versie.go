package catalogi

import "github.com/zaakregister/zaakregister/domain"

// versie is the state and the ztc-009 decisions that the versioned types
// (Zaaktype, Informatieobjecttype, Besluittype) share: each embeds one,
// parameterised by its Gegevens and its versieSoort. The decisions return
// the event, or nil for no change, for decide to apply with the type's own
// Apply.
type versie[G versieGegevens[G]] struct {
	uuid     string
	exists   bool
	concept  bool
	gegevens G
	soort    *versieSoort[G]
	apply    func(domain.Event)
}

// versieGegevens are the Gegevens of a versioned type as versie reads them.
type versieGegevens[G any] interface {
	normalised() G
	// sleutel returns the catalogus and the key of the Versies stream.
	sleutel() (catalogus, key string)
	periode() Periode
	// metEinde returns a copy with eindeGeldigheid einde.
	metEinde(einde Date) G
}

// versieSoort names a versioned type and builds its events.
type versieSoort[G any] struct {
	naam         string // in messages: "besluittype"
	sleutelVeld  string // the field of the key: "omschrijving"
	aangemaakt   func(uuid string, g G) domain.Event
	gewijzigd    func(uuid, actie string, correctie bool, g G, concept bool) domain.Event
	gepubliceerd func(uuid string, g G) domain.Event
	beeindigd    func(uuid string, g G, concept bool) domain.Event
	verwijderd   func(uuid string, g G, correctie bool) domain.Event
}

// Exists reports whether the version was created and not deleted.
func (v *versie[G]) Exists() bool { return v.exists }

// IsConcept reports whether the version is not yet published.
func (v *versie[G]) IsConcept() bool { return v.exists && v.concept }

// Catalogus returns the uuid of its catalogus.
func (v *versie[G]) Catalogus() string {
	catalogus, _ := v.gegevens.sleutel()
	return catalogus
}

// Periode returns its validity period, as the Versies aggregate keeps it.
func (v *versie[G]) Periode() Periode { return v.gegevens.periode() }

// Gegevens returns a copy of its fields.
func (v *versie[G]) Gegevens() G { return v.gegevens.normalised() }

// decide applies the event of a decision, if any, and returns it.
func (v *versie[G]) decide(e domain.Event, err error) ([]domain.Event, error) {
	if err != nil || e == nil {
		return nil, err
	}
	v.apply(e)
	return []domain.Event{e}, nil
}

// create decides the creation of a concept; validate is the validation
// of g.
func (v *versie[G]) create(g G, validate func() error) (domain.Event, error) {
	if v.exists {
		return nil, domain.Conflict("exists", v.soort.naam+" bestaat al")
	}
	if err := validate(); err != nil {
		return nil, err
	}
	return v.soort.aangemaakt(v.uuid, g.normalised()), nil
}

// update decides a PUT or PATCH with the complete new fields g under
// ztc-009 (see checkUpdate); validate is the validation of g, asked only
// when those terms allow the change.
func (v *versie[G]) update(g G, actie string, geforceerd bool, validate func() error) (domain.Event, error) {
	if !v.exists {
		return nil, domain.NotFound(v.soort.naam + " niet gevonden")
	}
	oud, nieuw := v.gegevens.normalised(), g.normalised()
	oudCatalogus, oudeSleutel := oud.sleutel()
	nieuwCatalogus, nieuweSleutel := nieuw.sleutel()
	correctie, err := checkUpdate(v.concept, actie, geforceerd, oudCatalogus, nieuwCatalogus,
		v.soort.sleutelVeld, oudeSleutel, nieuweSleutel, func() bool {
			return sameJSON(oud.metEinde(Date{}), nieuw.metEinde(Date{}))
		})
	if err != nil {
		return nil, err
	}
	if err := validate(); err != nil {
		return nil, err
	}
	return v.soort.gewijzigd(v.uuid, actie, correctie, nieuw, v.concept), nil
}

// publish decides the publication of a concept after check, if any, which
// may refuse it; publishing a published version changes nothing.
func (v *versie[G]) publish(check func() error) (domain.Event, error) {
	if !v.exists {
		return nil, domain.NotFound(v.soort.naam + " niet gevonden")
	}
	if !v.concept {
		return nil, nil
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, err
		}
	}
	return v.soort.gepubliceerd(v.uuid, v.gegevens.normalised()), nil
}

// beeindig decides the instruction of Versies.Publiceer: this version ends
// on einde, the day before its successor begins. It changes nothing when
// the version already ends on that day.
func (v *versie[G]) beeindig(einde Date) (domain.Event, error) {
	if !v.exists {
		return nil, domain.NotFound(v.soort.naam + " niet gevonden")
	}
	p := v.gegevens.periode()
	if p.Einde == einde {
		return nil, nil
	}
	if err := checkEinde(p.Begin, einde); err != nil {
		return nil, err
	}
	return v.soort.beeindigd(v.uuid, v.gegevens.normalised().metEinde(einde), v.concept), nil
}

// delete decides the deletion; a published version only when geforceerd
// (catalogi.geforceerd-verwijderen), else ztc-009: non-concept-object.
func (v *versie[G]) delete(geforceerd bool) (domain.Event, error) {
	if !v.exists {
		return nil, domain.NotFound(v.soort.naam + " niet gevonden")
	}
	if err := mayDeletePublished(v.concept, geforceerd); err != nil {
		return nil, err
	}
	return v.soort.verwijderd(v.uuid, v.gegevens, !v.concept), nil
}
