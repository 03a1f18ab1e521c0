package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaaktypeBody is the request body of ZaakTypeCreate, ZaakTypeUpdate and
// a PATCH of a zaaktype. Catalogus is a URL; besluittypen are
// omschrijvingen, deelzaaktypen and gerelateerdeZaaktypen.zaaktype
// identificaties (local URLs of versions are accepted too).
type zaaktypeBody struct {
	Identificatie                   string                               `json:"identificatie"`
	Omschrijving                    string                               `json:"omschrijving"`
	OmschrijvingGeneriek            string                               `json:"omschrijvingGeneriek"`
	Vertrouwelijkheidaanduiding     catalogi.Vertrouwelijkheidaanduiding `json:"vertrouwelijkheidaanduiding"`
	Doel                            string                               `json:"doel"`
	Aanleiding                      string                               `json:"aanleiding"`
	Toelichting                     string                               `json:"toelichting"`
	IndicatieInternOfExtern         catalogi.IndicatieInternOfExtern     `json:"indicatieInternOfExtern"`
	HandelingInitiator              string                               `json:"handelingInitiator"`
	Onderwerp                       string                               `json:"onderwerp"`
	HandelingBehandelaar            string                               `json:"handelingBehandelaar"`
	Doorlooptijd                    string                               `json:"doorlooptijd"`
	Servicenorm                     string                               `json:"servicenorm"`
	OpschortingEnAanhoudingMogelijk bool                                 `json:"opschortingEnAanhoudingMogelijk"`
	VerlengingMogelijk              bool                                 `json:"verlengingMogelijk"`
	Verlengingstermijn              string                               `json:"verlengingstermijn"`
	Trefwoorden                     []string                             `json:"trefwoorden"`
	PublicatieIndicatie             bool                                 `json:"publicatieIndicatie"`
	Publicatietekst                 string                               `json:"publicatietekst"`
	Verantwoordingsrelatie          []string                             `json:"verantwoordingsrelatie"`
	ProductenOfDiensten             []string                             `json:"productenOfDiensten"`
	SelectielijstProcestype         string                               `json:"selectielijstProcestype" ref:"referentielijsten/procestypen"`
	Referentieproces                catalogi.Referentieproces            `json:"referentieproces"`
	Verantwoordelijke               string                               `json:"verantwoordelijke"`
	Broncatalogus                   *catalogi.Broncatalogus              `json:"broncatalogus"`
	Bronzaaktype                    *catalogi.Bronzaaktype               `json:"bronzaaktype"`
	Catalogus                       string                               `json:"catalogus"`
	Besluittypen                    []string                             `json:"besluittypen"`
	Deelzaaktypen                   []string                             `json:"deelzaaktypen"`
	GerelateerdeZaaktypen           []catalogi.ZaaktypenRelatie          `json:"gerelateerdeZaaktypen"`
	BeginGeldigheid                 catalogi.Date                        `json:"beginGeldigheid"`
	EindeGeldigheid                 catalogi.Date                        `json:"eindeGeldigheid"`
	Versiedatum                     catalogi.Date                        `json:"versiedatum"`
}

// zaaktypeReadOnly are the response fields of a zaaktype a client may send
// back; beginObject and eindeObject are derived from the versions.
var zaaktypeReadOnly = []string{"url", "concept", "statustypen", "roltypen", "resultaattypen", "eigenschappen",
	"informatieobjecttypen", "zaakobjecttypen", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g; the catalogus URL
// becomes its uuid (bad-url into p when it is no local catalogus).
func (b zaaktypeBody) over(ctx context.Context, p *domain.Problems, g catalogi.ZaaktypeGegevens, f fields) catalogi.ZaaktypeGegevens {
	set(f, "identificatie", &g.Identificatie, b.Identificatie)
	set(f, "omschrijving", &g.Omschrijving, b.Omschrijving)
	set(f, "omschrijvingGeneriek", &g.OmschrijvingGeneriek, b.OmschrijvingGeneriek)
	set(f, "vertrouwelijkheidaanduiding", &g.Vertrouwelijkheidaanduiding, b.Vertrouwelijkheidaanduiding)
	set(f, "doel", &g.Doel, b.Doel)
	set(f, "aanleiding", &g.Aanleiding, b.Aanleiding)
	set(f, "toelichting", &g.Toelichting, b.Toelichting)
	set(f, "indicatieInternOfExtern", &g.IndicatieInternOfExtern, b.IndicatieInternOfExtern)
	set(f, "handelingInitiator", &g.HandelingInitiator, b.HandelingInitiator)
	set(f, "onderwerp", &g.Onderwerp, b.Onderwerp)
	set(f, "handelingBehandelaar", &g.HandelingBehandelaar, b.HandelingBehandelaar)
	set(f, "doorlooptijd", &g.Doorlooptijd, b.Doorlooptijd)
	set(f, "servicenorm", &g.Servicenorm, b.Servicenorm)
	set(f, "opschortingEnAanhoudingMogelijk", &g.OpschortingEnAanhoudingMogelijk, b.OpschortingEnAanhoudingMogelijk)
	set(f, "verlengingMogelijk", &g.VerlengingMogelijk, b.VerlengingMogelijk)
	set(f, "verlengingstermijn", &g.Verlengingstermijn, b.Verlengingstermijn)
	set(f, "trefwoorden", &g.Trefwoorden, b.Trefwoorden)
	set(f, "publicatieIndicatie", &g.PublicatieIndicatie, b.PublicatieIndicatie)
	set(f, "publicatietekst", &g.Publicatietekst, b.Publicatietekst)
	set(f, "verantwoordingsrelatie", &g.Verantwoordingsrelatie, b.Verantwoordingsrelatie)
	set(f, "productenOfDiensten", &g.ProductenOfDiensten, b.ProductenOfDiensten)
	set(f, "selectielijstProcestype", &g.SelectielijstProcestype, b.SelectielijstProcestype)
	set(f, "referentieproces", &g.Referentieproces, b.Referentieproces)
	set(f, "verantwoordelijke", &g.Verantwoordelijke, b.Verantwoordelijke)
	set(f, "broncatalogus", &g.Broncatalogus, b.Broncatalogus)
	set(f, "bronzaaktype", &g.Bronzaaktype, b.Bronzaaktype)
	set(f, "besluittypen", &g.Besluittypen, b.Besluittypen)
	set(f, "deelzaaktypen", &g.Deelzaaktypen, b.Deelzaaktypen)
	set(f, "gerelateerdeZaaktypen", &g.GerelateerdeZaaktypen, b.GerelateerdeZaaktypen)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	set(f, "versiedatum", &g.Versiedatum, b.Versiedatum)
	if f.has("catalogus") {
		g.Catalogus = optionalRef(ctx, p, "catalogus", collCatalogussen, b.Catalogus)
	}
	return g
}

// zaaktypeFeiten resolves the references of g into the facts Create and
// Update need, and returns g with its references in stored form:
// besluittypen by omschrijving, deelzaaktypen and gerelateerde zaaktypen
// by identificatie. The selectielijstProcestype is checked (ztc-001) when
// it differs from was, the zaaktype's current one.
func (h *Catalogi) zaaktypeFeiten(ctx context.Context, p *domain.Problems, g catalogi.ZaaktypeGegevens, was string) (catalogi.ZaaktypeGegevens, catalogi.ZaaktypeFeiten, error) {
	var f catalogi.ZaaktypeFeiten
	var err error
	if err = h.checkCatalogus(ctx, p, "catalogus", g.Catalogus); err != nil {
		return g, f, err
	}
	g.Besluittypen, f.Besluittypen, err = h.byKey(ctx, p, soorten[catalogi.SoortBesluittype], g.Catalogus, "besluittypen", g.Besluittypen)
	if err != nil {
		return g, f, err
	}
	g.Deelzaaktypen, f.Deelzaaktypen, err = h.byKey(ctx, p, soorten[catalogi.SoortZaaktype], g.Catalogus, "deelzaaktypen", g.Deelzaaktypen)
	if err != nil {
		return g, f, err
	}
	relaties := make([]catalogi.ZaaktypenRelatie, len(g.GerelateerdeZaaktypen))
	for i, r := range g.GerelateerdeZaaktypen {
		if id, ok := zgw.ParseResourceURL(ctx, collZaaktypen, r.Zaaktype); ok {
			z, _, err := h.loadZaaktype(ctx, id)
			if err != nil {
				return g, f, err
			}
			if z.Exists() {
				r.Zaaktype = z.Identificatie()
			}
		}
		relaties[i] = r
	}
	g.GerelateerdeZaaktypen = relaties
	if pt := g.SelectielijstProcestype; pt != "" && pt != was {
		err = gather(p, h.procestype(ctx, pt))
	}
	return g, f, err
}

// procestype checks a selectielijstProcestype through Selectielijst.
func (h *Catalogi) procestype(ctx context.Context, url string) error {
	if h.Selectielijst == nil {
		return domain.Invalid("selectielijstProcestype", refs.CodeBadURL, "De Selectielijst is niet beschikbaar.")
	}
	return h.Selectielijst.Procestype(ctx, "selectielijstProcestype", url)
}

// CreateZaaktype handles POST /zaaktypen: a new concept zaaktype.
func (h *Catalogi) CreateZaaktype(w http.ResponseWriter, r *http.Request) {
	createVersie[catalogi.ZaaktypeGegevens, zaaktypeBody](w, r, zaaktypeReadOnly, h.Zaaktypen, collZaaktypen, h.addZaaktype)
}

// AddZaaktype creates a concept zaaktype and returns its uuid. g.Catalogus
// is the catalogus uuid; the references are as in the request body.
func (h *Catalogi) AddZaaktype(ctx context.Context, meta eventstore.Metadata, g catalogi.ZaaktypeGegevens) (string, error) {
	return h.addZaaktype(ctx, meta, g, domain.Problems{}, nil)
}

func (h *Catalogi) addZaaktype(ctx context.Context, meta eventstore.Metadata, g catalogi.ZaaktypeGegevens, p domain.Problems, schema error) (string, error) {
	g, f, err := h.zaaktypeFeiten(ctx, &p, g, "")
	if err != nil {
		return "", err
	}
	return h.addVersie(ctx, meta, catalogi.SoortZaaktype, p, schema, func(id string) ([]domain.Event, error) {
		return catalogi.NewZaaktype(id).Create(g, f)
	})
}

// UpdateZaaktype handles PUT (partial=false) and PATCH (partial=true) of
// /zaaktypen/{uuid}. A published zaaktype takes only a PATCH of
// eindeGeldigheid, or a correctie by a holder of
// catalogi.geforceerd-schrijven (ztc-009); its changed period goes to the
// Versies stream first.
func (h *Catalogi) UpdateZaaktype(partial bool) http.HandlerFunc {
	return updateVersie[catalogi.ZaaktypeGegevens, zaaktypeBody](h, catalogi.SoortZaaktype, partial, zaaktypeReadOnly, h.Zaaktypen,
		func(ctx context.Context, p *domain.Problems, v versie, g catalogi.ZaaktypeGegevens, actie string, forced bool) ([]domain.Event, error) {
			z := v.(*catalogi.Zaaktype)
			g, feiten, err := h.zaaktypeFeiten(ctx, p, g, z.Gegevens().SelectielijstProcestype)
			if err != nil {
				return nil, err
			}
			events, err := z.Update(g, feiten, actie, forced)
			return events, combine(p.Err(), err)
		})
}

// DeleteZaaktype handles DELETE /zaaktypen/{uuid}: a concept, or a
// published one by a holder of catalogi.geforceerd-verwijderen, whose
// version then leaves the Versies stream.
func (h *Catalogi) DeleteZaaktype(w http.ResponseWriter, r *http.Request) {
	h.deleteVersie(w, r, catalogi.SoortZaaktype, func(v versie, forced bool) ([]domain.Event, error) {
		return v.(*catalogi.Zaaktype).Delete(forced)
	})
}

// PublishZaaktype handles POST /zaaktypen/{uuid}/publish (ztc-012,
// ztc-016) and answers 200 with the zaaktype.
func (h *Catalogi) PublishZaaktype(w http.ResponseWriter, r *http.Request) {
	h.publishVersie(w, r, catalogi.SoortZaaktype, h.Zaaktypen)
}
