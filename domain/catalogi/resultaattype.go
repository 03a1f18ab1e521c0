package catalogi

import (
	"github.com/zaakregister/zaakregister/domain"
)

// ResultaattypeGegevens are the fields of a resultaattype. Archiefnominatie
// and Archiefactietermijn are derived from the selectielijstklasse when
// left empty (ztc-002); OmschrijvingGeneriek is always taken from the facts.
// Besluittypen and Informatieobjecttypen are references checked through
// ResultaattypeFeiten.
type ResultaattypeGegevens struct {
	Omschrijving              string                     `json:"omschrijving"`
	Resultaattypeomschrijving string                     `json:"resultaattypeomschrijving" ref:"referentielijsten/resultaattypeomschrijvingen"`
	OmschrijvingGeneriek      string                     `json:"omschrijvingGeneriek"`
	Selectielijstklasse       string                     `json:"selectielijstklasse" ref:"referentielijsten/resultaten"`
	Toelichting               string                     `json:"toelichting"`
	Archiefnominatie          Archiefnominatie           `json:"archiefnominatie"`
	Archiefactietermijn       string                     `json:"archiefactietermijn"`
	BrondatumArchiefprocedure *BrondatumArchiefprocedure `json:"brondatumArchiefprocedure"`
	Procesobjectaard          string                     `json:"procesobjectaard"`
	IndicatieSpecifiek        *bool                      `json:"indicatieSpecifiek"`
	Procestermijn             string                     `json:"procestermijn"`
	Besluittypen              []string                   `json:"besluittypen" ref:"catalogi/besluittypen"`
	Informatieobjecttypen     []string                   `json:"informatieobjecttypen" ref:"catalogi/informatieobjecttypen"`
	BeginGeldigheid           Date                       `json:"beginGeldigheid"`
	EindeGeldigheid           Date                       `json:"eindeGeldigheid"`
}

func (g ResultaattypeGegevens) normalised() ResultaattypeGegevens {
	g.Besluittypen = cloneList(g.Besluittypen)
	g.Informatieobjecttypen = cloneList(g.Informatieobjecttypen)
	if g.BrondatumArchiefprocedure != nil {
		b := *g.BrondatumArchiefprocedure
		g.BrondatumArchiefprocedure = &b
	}
	if g.IndicatieSpecifiek != nil {
		v := *g.IndicatieSpecifiek
		g.IndicatieSpecifiek = &v
	}
	return g
}

// derive fills what ztc-002 derives from the selectielijstklasse.
func (g ResultaattypeGegevens) derive(f ResultaattypeFeiten) ResultaattypeGegevens {
	g = g.normalised()
	g.OmschrijvingGeneriek = f.OmschrijvingGeneriek
	if w := Archiefnominatie(f.Selectielijstklasse.Waardering); g.Archiefnominatie == "" && w.Valid() {
		g.Archiefnominatie = w
	}
	if g.Archiefactietermijn == "" {
		g.Archiefactietermijn = f.Selectielijstklasse.Bewaartermijn
	}
	return g
}

// validate checks the derived fields, ztc-002..008 and the fit in zaaktype
// z. A PATCH (partial_update) does not demand a brondatumArchiefprocedure,
// as in Open Zaak.
func (g ResultaattypeGegevens) validate(z *Zaaktype, self string, f ResultaattypeFeiten, actie string) error {
	var p domain.Problems
	c := check{p: &p}
	c.requiredText("omschrijving", g.Omschrijving, 30)
	if c.required("resultaattypeomschrijving", g.Resultaattypeomschrijving) {
		c.url("resultaattypeomschrijving", g.Resultaattypeomschrijving, 1000)
	}
	if c.required("selectielijstklasse", g.Selectielijstklasse) {
		c.url("selectielijstklasse", g.Selectielijstklasse, 1000)
		switch sl := f.Selectielijstklasse; {
		case sl.URL != g.Selectielijstklasse:
			c.add("selectielijstklasse", CodeDoesNotExist, "De selectielijstklasse is niet gevonden.")
		case sl.ProcestypeURL != z.gegevens.SelectielijstProcestype:
			c.add("selectielijstklasse", CodeProcestypeMismatch,
				"selectielijstklasse hoort niet bij het selectielijstProcestype van het zaaktype.")
		}
	}
	c.choice("archiefnominatie", string(g.Archiefnominatie), g.Archiefnominatie.Valid())
	c.duur("archiefactietermijn", g.Archiefactietermijn)
	if b := g.BrondatumArchiefprocedure; b != nil {
		bc := c.at("brondatumArchiefprocedure")
		b.validate(bc)
		b.checkProcestermijn(bc, f.Selectielijstklasse.Procestermijn)
	} else if actie != ActiePartialUpdate && g.Archiefnominatie != BlijvendBewaren {
		c.add("brondatumArchiefprocedure", "required", "Dit veld is vereist tenzij de archiefnominatie blijvend_bewaren is.")
	}
	c.text("procesobjectaard", g.Procesobjectaard, 200)
	c.duur("procestermijn", g.Procestermijn)
	f.Besluittypen.checkCatalogus(c, "besluittypen", g.Besluittypen, z.gegevens.Catalogus)
	f.Informatieobjecttypen.checkCatalogus(c, "informatieobjecttypen", g.Informatieobjecttypen, z.gegevens.Catalogus)
	for id, other := range z.resultaattypen {
		if id != self && other.Omschrijving == g.Omschrijving {
			c.add(nonField, "unique", "De velden zaaktype en omschrijving moeten een unieke set zijn.")
			break
		}
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

// AddResultaattype decides a new resultaattype (ztc-010 on a published
// zaaktype) with the Selectielijst facts of ztc-002/003.
func (z *Zaaktype) AddResultaattype(uuid string, g ResultaattypeGegevens, f ResultaattypeFeiten, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayAdd(z, z.resultaattypen, "resultaattype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g = g.derive(f)
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(z, uuid, f, ActieUpdate); err != nil {
		return nil, err
	}
	return z.emit(ResultaattypeAangemaakt{Subtype: z.subtype(uuid, correctie), ResultaattypeGegevens: g}), nil
}

// UpdateResultaattype decides a PUT or PATCH of a resultaattype with its
// complete new fields.
func (z *Zaaktype) UpdateResultaattype(uuid string, g ResultaattypeGegevens, f ResultaattypeFeiten, actie string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.resultaattypen, "resultaattype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g = g.derive(f)
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(z, uuid, f, actie); err != nil {
		return nil, err
	}
	return z.emit(ResultaattypeGewijzigd{Subtype: z.subtype(uuid, correctie), Actie: actie, ResultaattypeGegevens: g}), nil
}

// DeleteResultaattype decides the deletion of a resultaattype.
func (z *Zaaktype) DeleteResultaattype(uuid string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.resultaattypen, "resultaattype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	return z.emit(ResultaattypeVerwijderd{Subtype: z.subtype(uuid, correctie)}), nil
}
