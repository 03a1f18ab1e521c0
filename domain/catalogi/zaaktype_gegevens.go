package catalogi

import (
	"fmt"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Referentieproces is the reference process a zaaktype is based on.
type Referentieproces struct {
	Naam string `json:"naam"`
	Link string `json:"link" ref:"url"`
}

// Broncatalogus is the catalogus a zaaktype was taken from.
type Broncatalogus struct {
	URL    string `json:"url" ref:"url"`
	Domein string `json:"domein"`
	Rsin   string `json:"rsin"`
}

// Bronzaaktype is the zaaktype a zaaktype was taken from.
type Bronzaaktype struct {
	URL           string `json:"url" ref:"url"`
	Identificatie string `json:"identificatie"`
	Omschrijving  string `json:"omschrijving"`
}

// ZaaktypenRelatie relates a zaaktype to another one.
type ZaaktypenRelatie struct {
	Zaaktype    string      `json:"zaaktype"`
	AardRelatie AardRelatie `json:"aardRelatie"`
	Toelichting string      `json:"toelichting"`
}

// ZaaktypeGegevens are the writable fields of a zaaktype (ZaakTypeCreate in
// the 1.3.1 OAS). Catalogus is the catalogus uuid; the references in
// Besluittypen, Deelzaaktypen and GerelateerdeZaaktypen are kept as the
// client gave them and checked through ZaaktypeFeiten.
type ZaaktypeGegevens struct {
	Catalogus                       string                      `json:"catalogus"`
	Identificatie                   string                      `json:"identificatie"`
	Omschrijving                    string                      `json:"omschrijving"`
	OmschrijvingGeneriek            string                      `json:"omschrijvingGeneriek"`
	Vertrouwelijkheidaanduiding     Vertrouwelijkheidaanduiding `json:"vertrouwelijkheidaanduiding"`
	Doel                            string                      `json:"doel"`
	Aanleiding                      string                      `json:"aanleiding"`
	Toelichting                     string                      `json:"toelichting"`
	IndicatieInternOfExtern         IndicatieInternOfExtern     `json:"indicatieInternOfExtern"`
	HandelingInitiator              string                      `json:"handelingInitiator"`
	Onderwerp                       string                      `json:"onderwerp"`
	HandelingBehandelaar            string                      `json:"handelingBehandelaar"`
	Doorlooptijd                    string                      `json:"doorlooptijd"`
	Servicenorm                     string                      `json:"servicenorm"`
	OpschortingEnAanhoudingMogelijk bool                        `json:"opschortingEnAanhoudingMogelijk"`
	VerlengingMogelijk              bool                        `json:"verlengingMogelijk"`
	Verlengingstermijn              string                      `json:"verlengingstermijn"`
	Trefwoorden                     []string                    `json:"trefwoorden"`
	PublicatieIndicatie             bool                        `json:"publicatieIndicatie"`
	Publicatietekst                 string                      `json:"publicatietekst"`
	Verantwoordingsrelatie          []string                    `json:"verantwoordingsrelatie"`
	ProductenOfDiensten             []string                    `json:"productenOfDiensten" ref:"url"`
	SelectielijstProcestype         string                      `json:"selectielijstProcestype" ref:"referentielijsten/procestypen"`
	Referentieproces                Referentieproces            `json:"referentieproces"`
	Verantwoordelijke               string                      `json:"verantwoordelijke"`
	Broncatalogus                   *Broncatalogus              `json:"broncatalogus"`
	Bronzaaktype                    *Bronzaaktype               `json:"bronzaaktype"`
	Besluittypen                    []string                    `json:"besluittypen"`
	Deelzaaktypen                   []string                    `json:"deelzaaktypen"`
	GerelateerdeZaaktypen           []ZaaktypenRelatie          `json:"gerelateerdeZaaktypen"`
	BeginGeldigheid                 Date                        `json:"beginGeldigheid"`
	EindeGeldigheid                 Date                        `json:"eindeGeldigheid"`
	Versiedatum                     Date                        `json:"versiedatum"`
}

// validate checks the OAS constraints and the zaaktype's own rules, and the
// references against the facts; all faults at once.
func (g ZaaktypeGegevens) validate(f ZaaktypeFeiten) error {
	var p domain.Problems
	c := check{p: &p}
	c.required("catalogus", g.Catalogus)
	c.requiredText("identificatie", g.Identificatie, 50)
	c.requiredText("omschrijving", g.Omschrijving, 80)
	c.text("omschrijvingGeneriek", g.OmschrijvingGeneriek, 80)
	if c.required("vertrouwelijkheidaanduiding", string(g.Vertrouwelijkheidaanduiding)) {
		c.choice("vertrouwelijkheidaanduiding", string(g.Vertrouwelijkheidaanduiding), g.Vertrouwelijkheidaanduiding.Valid())
	}
	c.required("doel", g.Doel)
	c.required("aanleiding", g.Aanleiding)
	if c.required("indicatieInternOfExtern", string(g.IndicatieInternOfExtern)) {
		c.choice("indicatieInternOfExtern", string(g.IndicatieInternOfExtern), g.IndicatieInternOfExtern.Valid())
	}
	c.requiredText("handelingInitiator", g.HandelingInitiator, 20)
	c.requiredText("onderwerp", g.Onderwerp, 80)
	c.requiredText("handelingBehandelaar", g.HandelingBehandelaar, 20)
	if c.required("doorlooptijd", g.Doorlooptijd) {
		c.duur("doorlooptijd", g.Doorlooptijd)
	}
	c.duur("servicenorm", g.Servicenorm)
	c.duur("verlengingstermijn", g.Verlengingstermijn)
	if g.VerlengingMogelijk && g.Verlengingstermijn == "" {
		c.add(nonField, CodeVerlengingMismatch, "verlengingstermijn is vereist als verlengingMogelijk waar is.")
	}
	c.list("trefwoorden", g.Trefwoorden, 30, false)
	c.list("verantwoordingsrelatie", g.Verantwoordingsrelatie, 40, false)
	c.list("productenOfDiensten", g.ProductenOfDiensten, 1000, true)
	c.url("selectielijstProcestype", g.SelectielijstProcestype, 200)
	c.requiredText("referentieproces.naam", g.Referentieproces.Naam, 80)
	c.url("referentieproces.link", g.Referentieproces.Link, 200)
	c.requiredText("verantwoordelijke", g.Verantwoordelijke, 50)
	g.validateBron(c)
	f.Besluittypen.checkCatalogus(c, "besluittypen", g.Besluittypen, g.Catalogus)
	f.Deelzaaktypen.checkCatalogus(c, "deelzaaktypen", g.Deelzaaktypen, g.Catalogus)
	for i, r := range g.GerelateerdeZaaktypen {
		rc := c.at(fmt.Sprintf("gerelateerdeZaaktypen.%d", i))
		rc.requiredText("zaaktype", r.Zaaktype, 200)
		if rc.required("aardRelatie", string(r.AardRelatie)) {
			rc.choice("aardRelatie", string(r.AardRelatie), r.AardRelatie.Valid())
		}
		rc.text("toelichting", r.Toelichting, 255)
	}
	if g.BeginGeldigheid.IsZero() {
		c.add("beginGeldigheid", "required", "Dit veld is vereist.")
	}
	if g.Versiedatum.IsZero() {
		c.add("versiedatum", "required", "Dit veld is vereist.")
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

func (g ZaaktypeGegevens) validateBron(c check) {
	g = g.normalised()
	if (g.Broncatalogus == nil) != (g.Bronzaaktype == nil) {
		c.add(nonField, CodeBronzaaktype, "broncatalogus en bronzaaktype worden samen opgegeven of geen van beide.")
	}
	if b := g.Broncatalogus; b != nil {
		bc := c.at("broncatalogus")
		if bc.required("url", b.URL) {
			bc.url("url", b.URL, 200)
		}
		bc.requiredText("domein", b.Domein, 5)
		bc.requiredText("rsin", b.Rsin, 9)
	}
	if b := g.Bronzaaktype; b != nil {
		bc := c.at("bronzaaktype")
		if bc.required("url", b.URL) {
			bc.url("url", b.URL, 200)
		}
		bc.requiredText("identificatie", b.Identificatie, 50)
		bc.requiredText("omschrijving", b.Omschrijving, 80)
	}
}

// normalised returns a deep copy with empty lists instead of nil ones, so
// that events always carry [] and comparisons do not depend on nil-ness.
func (g ZaaktypeGegevens) normalised() ZaaktypeGegevens {
	g.Trefwoorden = cloneList(g.Trefwoorden)
	g.Verantwoordingsrelatie = cloneList(g.Verantwoordingsrelatie)
	g.ProductenOfDiensten = cloneList(g.ProductenOfDiensten)
	g.Besluittypen = cloneList(g.Besluittypen)
	g.Deelzaaktypen = cloneList(g.Deelzaaktypen)
	g.GerelateerdeZaaktypen = cloneList(g.GerelateerdeZaaktypen)
	g.Broncatalogus = groep(g.Broncatalogus)
	g.Bronzaaktype = groep(g.Bronzaaktype)
	return g
}

// groep returns a copy of gegevensgroep v, or nil when it is absent or all
// its fields are empty: a GET renders an unset group with empty strings,
// and a PUT of what it answered must pass (as a zaak's processobject).
func groep[T comparable](v *T) *T {
	var leeg T
	if v == nil || *v == leeg {
		return nil
	}
	c := *v
	return &c
}

func (g ZaaktypeGegevens) sleutel() (catalogus, key string) { return g.Catalogus, g.Identificatie }

func (g ZaaktypeGegevens) periode() Periode {
	return Periode{Begin: g.BeginGeldigheid, Einde: g.EindeGeldigheid}
}

func (g ZaaktypeGegevens) metEinde(einde Date) ZaaktypeGegevens {
	g.EindeGeldigheid = einde
	return g
}

// cloneList copies a list and turns nil into an empty list.
func cloneList[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return slices.Clone(s)
}
