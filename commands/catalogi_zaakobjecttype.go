package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaakobjecttypeBody is the request body of the writes of a
// zaakobjecttype (ZaakObjectType, PatchedZaakObjectType); zaaktype and
// catalogus are URLs, objecttype an Objecttypen API URL kept as given.
type zaakobjecttypeBody struct {
	AnderObjecttype     bool          `json:"anderObjecttype"`
	BeginGeldigheid     catalogi.Date `json:"beginGeldigheid"`
	EindeGeldigheid     catalogi.Date `json:"eindeGeldigheid"`
	Objecttype          string        `json:"objecttype"`
	RelatieOmschrijving string        `json:"relatieOmschrijving"`
	Zaaktype            string        `json:"zaaktype"`
	Catalogus           string        `json:"catalogus"`
}

var zaakobjecttypeReadOnly = []string{"url", "zaaktypeIdentificatie", "resultaattypen", "statustypen", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g.
func (b zaakobjecttypeBody) over(g catalogi.ZaakobjecttypeGegevens, f fields) catalogi.ZaakobjecttypeGegevens {
	set(f, "anderObjecttype", &g.AnderObjecttype, b.AnderObjecttype)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	set(f, "objecttype", &g.Objecttype, b.Objecttype)
	set(f, "relatieOmschrijving", &g.RelatieOmschrijving, b.RelatieOmschrijving)
	return g
}

// CreateZaakobjecttype handles POST /zaakobjecttypen.
func (h *Catalogi) CreateZaakobjecttype(w http.ResponseWriter, r *http.Request) {
	var b zaakobjecttypeBody
	d, err := decodeBody(r, &b, zaakobjecttypeReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	h.createSubtype(w, r, SubtypeZaakobjecttype, h.Zaakobjecttypen, d, subtypeRefs{zaaktype: b.Zaaktype, catalogus: b.Catalogus},
		func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			return z.AddZaakobjecttype(id, b.over(catalogi.ZaakobjecttypeGegevens{}, nil), forced)
		})
}

// UpdateZaakobjecttype handles PUT (partial=false) and PATCH
// (partial=true) of /zaakobjecttypen/{uuid}.
func (h *Catalogi) UpdateZaakobjecttype(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b zaakobjecttypeBody
		h.updateSubtype(w, r, SubtypeZaakobjecttype, h.Zaakobjecttypen, partial, &b, zaakobjecttypeReadOnly, func(f fields) (subtypeRefs, subtypeDecision) {
			ref := subtypeRefs{zaaktype: zaaktypeRef(f, b.Zaaktype)}
			if f.has("catalogus") {
				ref.catalogus = b.Catalogus
			}
			return ref, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
				old, err := subtypeBase(z.Zaakobjecttype, id, partial)
				if err != nil {
					return nil, err
				}
				return z.UpdateZaakobjecttype(id, b.over(old, f), actie(partial), forced)
			}
		})
	}
}

// DeleteZaakobjecttype handles DELETE /zaakobjecttypen/{uuid}.
func (h *Catalogi) DeleteZaakobjecttype(w http.ResponseWriter, r *http.Request) {
	h.deleteSubtype(w, r, SubtypeZaakobjecttype, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
		return z.DeleteZaakobjecttype(id, forced)
	})
}
