package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// resultaattypeBody is the request body of ResultaatTypeCreate,
// ResultaatTypeUpdate and PatchedResultaatType. Zaaktype and catalogus are
// local URLs, besluittypen and informatieobjecttypen local URLs of single
// versions, resultaattypeomschrijving and selectielijstklasse
// Referentielijsten and Selectielijst URLs.
type resultaattypeBody struct {
	Zaaktype                  string                              `json:"zaaktype"`
	Omschrijving              string                              `json:"omschrijving"`
	Resultaattypeomschrijving string                              `json:"resultaattypeomschrijving" ref:"referentielijsten/resultaattypeomschrijvingen"`
	Selectielijstklasse       string                              `json:"selectielijstklasse" ref:"referentielijsten/resultaten"`
	Toelichting               string                              `json:"toelichting"`
	Archiefnominatie          catalogi.Archiefnominatie           `json:"archiefnominatie"`
	Archiefactietermijn       string                              `json:"archiefactietermijn"`
	BrondatumArchiefprocedure *catalogi.BrondatumArchiefprocedure `json:"brondatumArchiefprocedure"`
	Procesobjectaard          string                              `json:"procesobjectaard"`
	Catalogus                 string                              `json:"catalogus"`
	BeginGeldigheid           catalogi.Date                       `json:"beginGeldigheid"`
	EindeGeldigheid           catalogi.Date                       `json:"eindeGeldigheid"`
	IndicatieSpecifiek        *bool                               `json:"indicatieSpecifiek"`
	Procestermijn             string                              `json:"procestermijn"`
	Besluittypen              []string                            `json:"besluittypen" ref:"catalogi/besluittypen"`
	Informatieobjecttypen     []string                            `json:"informatieobjecttypen" ref:"catalogi/informatieobjecttypen"`
}

var resultaattypeReadOnly = []string{"url", "zaaktypeIdentificatie", "omschrijvingGeneriek", "besluittypeOmschrijving",
	"informatieobjecttypeOmschrijving", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g.
func (b resultaattypeBody) over(g catalogi.ResultaattypeGegevens, f fields) catalogi.ResultaattypeGegevens {
	set(f, "omschrijving", &g.Omschrijving, b.Omschrijving)
	set(f, "resultaattypeomschrijving", &g.Resultaattypeomschrijving, b.Resultaattypeomschrijving)
	set(f, "selectielijstklasse", &g.Selectielijstklasse, b.Selectielijstklasse)
	set(f, "toelichting", &g.Toelichting, b.Toelichting)
	set(f, "archiefnominatie", &g.Archiefnominatie, b.Archiefnominatie)
	set(f, "archiefactietermijn", &g.Archiefactietermijn, b.Archiefactietermijn)
	set(f, "brondatumArchiefprocedure", &g.BrondatumArchiefprocedure, b.BrondatumArchiefprocedure)
	set(f, "procesobjectaard", &g.Procesobjectaard, b.Procesobjectaard)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	set(f, "indicatieSpecifiek", &g.IndicatieSpecifiek, b.IndicatieSpecifiek)
	set(f, "procestermijn", &g.Procestermijn, b.Procestermijn)
	set(f, "besluittypen", &g.Besluittypen, b.Besluittypen)
	set(f, "informatieobjecttypen", &g.Informatieobjecttypen, b.Informatieobjecttypen)
	return g
}

// resultaattypeFeiten resolves the references of g into the facts of
// ztc-002/003 and returns g with its besluittypen and
// informatieobjecttypen as canonical URLs. A Selectielijst fault is
// reported into p on its field.
func (h *Catalogi) resultaattypeFeiten(ctx context.Context, p *domain.Problems, g catalogi.ResultaattypeGegevens) (catalogi.ResultaattypeGegevens, catalogi.ResultaattypeFeiten, error) {
	var f catalogi.ResultaattypeFeiten
	var err error
	if url := g.Selectielijstklasse; url != "" {
		if h.Selectielijst == nil {
			p.Add("selectielijstklasse", refs.CodeBadURL, "De Selectielijst is niet beschikbaar.")
		} else {
			f.Selectielijstklasse, err = h.Selectielijst.Resultaat(ctx, "selectielijstklasse", url)
			if err = gather(p, err); err != nil {
				return g, f, err
			}
		}
	}
	if url := g.Resultaattypeomschrijving; url != "" {
		if h.Selectielijst == nil {
			p.Add("resultaattypeomschrijving", refs.CodeBadURL, "De Referentielijsten API is niet beschikbaar.")
		} else {
			f.OmschrijvingGeneriek, err = h.Selectielijst.ResultaatTypeOmschrijving(ctx, "resultaattypeomschrijving", url)
			if err = gather(p, err); err != nil {
				return g, f, err
			}
		}
	}
	g.Besluittypen, f.Besluittypen, err = h.byURL(ctx, p, soorten[catalogi.SoortBesluittype], "besluittypen", g.Besluittypen)
	if err != nil {
		return g, f, err
	}
	g.Informatieobjecttypen, f.Informatieobjecttypen, err = h.byURL(ctx, p, soorten[catalogi.SoortInformatieobjecttype],
		"informatieobjecttypen", g.Informatieobjecttypen)
	return g, f, err
}

// CreateResultaattype handles POST /resultaattypen.
func (h *Catalogi) CreateResultaattype(w http.ResponseWriter, r *http.Request) {
	var b resultaattypeBody
	d, err := decodeBody(r, &b, resultaattypeReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	h.createSubtype(w, r, SubtypeResultaattype, h.Resultaattypen, d, subtypeRefs{zaaktype: b.Zaaktype, catalogus: b.Catalogus},
		func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			g, f, err := h.resultaattypeFeiten(ctx, p, b.over(catalogi.ResultaattypeGegevens{}, nil))
			if err != nil {
				return nil, err
			}
			return z.AddResultaattype(id, g, f, forced)
		})
}

// UpdateResultaattype handles PUT (partial=false) and PATCH (partial=true)
// of /resultaattypen/{uuid}. The Selectielijst facts are resolved on every
// write: the domain derives fields from them and checks ztc-002/003 anew.
func (h *Catalogi) UpdateResultaattype(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b resultaattypeBody
		h.updateSubtype(w, r, SubtypeResultaattype, h.Resultaattypen, partial, &b, resultaattypeReadOnly, func(f fields) (subtypeRefs, subtypeDecision) {
			ref := subtypeRefs{zaaktype: zaaktypeRef(f, b.Zaaktype)}
			if f.has("catalogus") {
				ref.catalogus = b.Catalogus
			}
			return ref, func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
				old, err := subtypeBase(z.Resultaattype, id, partial)
				if err != nil {
					return nil, err
				}
				g, feiten, err := h.resultaattypeFeiten(ctx, p, b.over(old, f))
				if err != nil {
					return nil, err
				}
				return z.UpdateResultaattype(id, g, feiten, actie(partial), forced)
			}
		})
	}
}

// DeleteResultaattype handles DELETE /resultaattypen/{uuid}.
func (h *Catalogi) DeleteResultaattype(w http.ResponseWriter, r *http.Request) {
	h.deleteSubtype(w, r, SubtypeResultaattype, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
		return z.DeleteResultaattype(id, forced)
	})
}
