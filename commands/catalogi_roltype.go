package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// roltypeBody is the request body of the writes of a roltype (RolType,
// PatchedRolType); zaaktype and catalogus are URLs.
type roltypeBody struct {
	Zaaktype             string                        `json:"zaaktype"`
	Omschrijving         string                        `json:"omschrijving"`
	OmschrijvingGeneriek catalogi.OmschrijvingGeneriek `json:"omschrijvingGeneriek"`
	Catalogus            string                        `json:"catalogus"`
	BeginGeldigheid      catalogi.Date                 `json:"beginGeldigheid"`
	EindeGeldigheid      catalogi.Date                 `json:"eindeGeldigheid"`
}

var roltypeReadOnly = []string{"url", "zaaktypeIdentificatie", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g.
func (b roltypeBody) over(g catalogi.RoltypeGegevens, f fields) catalogi.RoltypeGegevens {
	set(f, "omschrijving", &g.Omschrijving, b.Omschrijving)
	set(f, "omschrijvingGeneriek", &g.OmschrijvingGeneriek, b.OmschrijvingGeneriek)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	return g
}

// CreateRoltype handles POST /roltypen.
func (h *Catalogi) CreateRoltype(w http.ResponseWriter, r *http.Request) {
	var b roltypeBody
	d, err := decodeBody(r, &b, roltypeReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	h.createSubtype(w, r, SubtypeRoltype, h.Roltypen, d, subtypeRefs{zaaktype: b.Zaaktype, catalogus: b.Catalogus},
		func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			return z.AddRoltype(id, b.over(catalogi.RoltypeGegevens{}, nil), forced)
		})
}

// UpdateRoltype handles PUT (partial=false) and PATCH (partial=true) of
// /roltypen/{uuid}.
func (h *Catalogi) UpdateRoltype(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b roltypeBody
		h.updateSubtype(w, r, SubtypeRoltype, h.Roltypen, partial, &b, roltypeReadOnly, func(f fields) (subtypeRefs, subtypeDecision) {
			ref := subtypeRefs{zaaktype: zaaktypeRef(f, b.Zaaktype)}
			if f.has("catalogus") {
				ref.catalogus = b.Catalogus
			}
			return ref, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
				old, err := subtypeBase(z.Roltype, id, partial)
				if err != nil {
					return nil, err
				}
				return z.UpdateRoltype(id, b.over(old, f), actie(partial), forced)
			}
		})
	}
}

// DeleteRoltype handles DELETE /roltypen/{uuid}.
func (h *Catalogi) DeleteRoltype(w http.ResponseWriter, r *http.Request) {
	h.deleteSubtype(w, r, SubtypeRoltype, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
		return z.DeleteRoltype(id, forced)
	})
}
