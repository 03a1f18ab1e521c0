package readapi

import (
	"context"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaaktype is the wire form of a ZaakType (catalogi-1.3.1), every field of
// the schema in its order. informatieobjecttypen is a list of URLs, as the
// reference implementation answers and 1.3.2 declares; the 1.3.1 file says
// string there, an artefact of its generator.
type zaaktype struct {
	URL                             string             `json:"url"`
	Identificatie                   string             `json:"identificatie"`
	Omschrijving                    string             `json:"omschrijving"`
	OmschrijvingGeneriek            string             `json:"omschrijvingGeneriek"`
	Vertrouwelijkheidaanduiding     string             `json:"vertrouwelijkheidaanduiding"`
	Doel                            string             `json:"doel"`
	Aanleiding                      string             `json:"aanleiding"`
	Toelichting                     string             `json:"toelichting"`
	IndicatieInternOfExtern         string             `json:"indicatieInternOfExtern"`
	HandelingInitiator              string             `json:"handelingInitiator"`
	Onderwerp                       string             `json:"onderwerp"`
	HandelingBehandelaar            string             `json:"handelingBehandelaar"`
	Doorlooptijd                    string             `json:"doorlooptijd"`
	Servicenorm                     *string            `json:"servicenorm"`
	OpschortingEnAanhoudingMogelijk bool               `json:"opschortingEnAanhoudingMogelijk"`
	VerlengingMogelijk              bool               `json:"verlengingMogelijk"`
	Verlengingstermijn              *string            `json:"verlengingstermijn"`
	Trefwoorden                     []string           `json:"trefwoorden"`
	PublicatieIndicatie             bool               `json:"publicatieIndicatie"`
	Publicatietekst                 string             `json:"publicatietekst"`
	Verantwoordingsrelatie          []string           `json:"verantwoordingsrelatie"`
	ProductenOfDiensten             []string           `json:"productenOfDiensten"`
	SelectielijstProcestype         string             `json:"selectielijstProcestype"`
	Referentieproces                referentieproces   `json:"referentieproces"`
	Verantwoordelijke               string             `json:"verantwoordelijke"`
	Zaakobjecttypen                 []string           `json:"zaakobjecttypen"`
	Broncatalogus                   broncatalogus      `json:"broncatalogus"`
	Bronzaaktype                    bronzaaktype       `json:"bronzaaktype"`
	Catalogus                       string             `json:"catalogus"`
	Statustypen                     []string           `json:"statustypen"`
	Resultaattypen                  []string           `json:"resultaattypen"`
	Eigenschappen                   []string           `json:"eigenschappen"`
	Informatieobjecttypen           []string           `json:"informatieobjecttypen"`
	Roltypen                        []string           `json:"roltypen"`
	Besluittypen                    []string           `json:"besluittypen"`
	Deelzaaktypen                   []string           `json:"deelzaaktypen"`
	GerelateerdeZaaktypen           []zaaktypenRelatie `json:"gerelateerdeZaaktypen"`
	BeginGeldigheid                 string             `json:"beginGeldigheid"`
	EindeGeldigheid                 *string            `json:"eindeGeldigheid"`
	BeginObject                     *string            `json:"beginObject"`
	EindeObject                     *string            `json:"eindeObject"`
	Versiedatum                     string             `json:"versiedatum"`
	Concept                         bool               `json:"concept"`
}

type referentieproces struct {
	Naam string `json:"naam"`
	Link string `json:"link"`
}

// broncatalogus and bronzaaktype are gegevensgroepen: the reference
// implementation renders an unset one with empty fields, not null (the OAS
// does not allow null there).
type broncatalogus struct {
	URL    string `json:"url"`
	Domein string `json:"domein"`
	Rsin   string `json:"rsin"`
}

type bronzaaktype struct {
	URL           string `json:"url"`
	Identificatie string `json:"identificatie"`
	Omschrijving  string `json:"omschrijving"`
}

type zaaktypenRelatie struct {
	Zaaktype    string `json:"zaaktype"`
	AardRelatie string `json:"aardRelatie"`
	Toelichting string `json:"toelichting"`
}

// zaaktypeRow is one row of the zaaktype query.
type zaaktypeRow struct {
	uuid, catalogus       string
	concept               bool
	g                     catalogi.ZaaktypeGegevens
	beginObject           *string
	eindeObject           *string
	statustypen, roltypen []string
	resultaattypen        []string
	eigenschappen         []string
	zaakobjecttypen       []string
	informatieobjecttypen []string
	besluittypen          []string
	deelzaaktypen         []string
	gerelateerdeZaaktypen []string // resolved uuid per relation, "" for none
}

func (z zaaktypeRow) wire(ctx context.Context) zaaktype {
	g := z.g
	out := zaaktype{
		URL: zgw.ResourceURL(ctx, "zaaktypen", z.uuid), Identificatie: g.Identificatie,
		Omschrijving: g.Omschrijving, OmschrijvingGeneriek: g.OmschrijvingGeneriek,
		Vertrouwelijkheidaanduiding: string(g.Vertrouwelijkheidaanduiding),
		Doel:                        g.Doel, Aanleiding: g.Aanleiding, Toelichting: g.Toelichting,
		IndicatieInternOfExtern: string(g.IndicatieInternOfExtern),
		HandelingInitiator:      g.HandelingInitiator, Onderwerp: g.Onderwerp, HandelingBehandelaar: g.HandelingBehandelaar,
		Doorlooptijd: g.Doorlooptijd, Servicenorm: nullable(g.Servicenorm),
		OpschortingEnAanhoudingMogelijk: g.OpschortingEnAanhoudingMogelijk,
		VerlengingMogelijk:              g.VerlengingMogelijk, Verlengingstermijn: nullable(g.Verlengingstermijn),
		Trefwoorden: strs(g.Trefwoorden), PublicatieIndicatie: g.PublicatieIndicatie, Publicatietekst: g.Publicatietekst,
		Verantwoordingsrelatie: strs(g.Verantwoordingsrelatie), ProductenOfDiensten: strs(g.ProductenOfDiensten),
		SelectielijstProcestype: g.SelectielijstProcestype,
		Referentieproces:        referentieproces{Naam: g.Referentieproces.Naam, Link: g.Referentieproces.Link},
		Verantwoordelijke:       g.Verantwoordelijke,
		Zaakobjecttypen:         urls(ctx, "zaakobjecttypen", z.zaakobjecttypen),
		Catalogus:               zgw.ResourceURL(ctx, "catalogussen", z.catalogus),
		Statustypen:             urls(ctx, "statustypen", z.statustypen),
		Resultaattypen:          urls(ctx, "resultaattypen", z.resultaattypen),
		Eigenschappen:           urls(ctx, "eigenschappen", z.eigenschappen),
		Informatieobjecttypen:   urls(ctx, "informatieobjecttypen", z.informatieobjecttypen),
		Roltypen:                urls(ctx, "roltypen", z.roltypen),
		Besluittypen:            urls(ctx, "besluittypen", z.besluittypen),
		Deelzaaktypen:           urls(ctx, "zaaktypen", z.deelzaaktypen),
		GerelateerdeZaaktypen:   make([]zaaktypenRelatie, 0, len(g.GerelateerdeZaaktypen)),
		BeginGeldigheid:         g.BeginGeldigheid.String(), EindeGeldigheid: nullDate(g.EindeGeldigheid),
		BeginObject: z.beginObject, EindeObject: z.eindeObject,
		Versiedatum: g.Versiedatum.String(), Concept: z.concept,
	}
	if b := g.Broncatalogus; b != nil {
		out.Broncatalogus = broncatalogus{URL: b.URL, Domein: b.Domein, Rsin: b.Rsin}
	}
	if b := g.Bronzaaktype; b != nil {
		out.Bronzaaktype = bronzaaktype{URL: b.URL, Identificatie: b.Identificatie, Omschrijving: b.Omschrijving}
	}
	for i, rel := range g.GerelateerdeZaaktypen {
		// A relation by identificatie shows the version it resolves to,
		// or "" when there is none; one by URL, possibly into another
		// catalogue, shows that URL.
		target := rel.Zaaktype
		if !isURL(target) {
			target = ""
			if i < len(z.gerelateerdeZaaktypen) && z.gerelateerdeZaaktypen[i] != "" {
				target = zgw.ResourceURL(ctx, "zaaktypen", z.gerelateerdeZaaktypen[i])
			}
		}
		out.GerelateerdeZaaktypen = append(out.GerelateerdeZaaktypen,
			zaaktypenRelatie{Zaaktype: target, AardRelatie: string(rel.AardRelatie), Toelichting: rel.Toelichting})
	}
	return out
}
