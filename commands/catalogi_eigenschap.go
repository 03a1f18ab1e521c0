package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// eigenschapBody is the request body of the writes of an eigenschap
// (Eigenschap, PatchedEigenschap); zaaktype and statustype are URLs.
type eigenschapBody struct {
	Naam            string                          `json:"naam"`
	Definitie       string                          `json:"definitie"`
	Specificatie    catalogi.EigenschapSpecificatie `json:"specificatie"`
	Toelichting     string                          `json:"toelichting"`
	Zaaktype        string                          `json:"zaaktype"`
	Statustype      string                          `json:"statustype"`
	BeginGeldigheid catalogi.Date                   `json:"beginGeldigheid"`
	EindeGeldigheid catalogi.Date                   `json:"eindeGeldigheid"`
}

var eigenschapReadOnly = []string{"url", "catalogus", "zaaktypeIdentificatie", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g; the statustype
// becomes the uuid of a statustype (of z, for the domain to check).
func (b eigenschapBody) over(ctx context.Context, h *Catalogi, p *domain.Problems, z *catalogi.Zaaktype, g catalogi.EigenschapGegevens, f fields) (catalogi.EigenschapGegevens, error) {
	set(f, "naam", &g.Naam, b.Naam)
	set(f, "definitie", &g.Definitie, b.Definitie)
	set(f, "specificatie", &g.Specificatie, b.Specificatie)
	set(f, "toelichting", &g.Toelichting, b.Toelichting)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	if !f.has("statustype") {
		return g, nil
	}
	var err error
	g.Statustype, err = h.optionalSubref(ctx, p, z, SubtypeStatustype, "statustype", b.Statustype)
	return g, err
}

// CreateEigenschap handles POST /eigenschappen.
func (h *Catalogi) CreateEigenschap(w http.ResponseWriter, r *http.Request) {
	var b eigenschapBody
	d, err := decodeBody(r, &b, eigenschapReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	h.createSubtype(w, r, SubtypeEigenschap, h.Eigenschappen, d, subtypeRefs{zaaktype: b.Zaaktype},
		func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			g, err := b.over(ctx, h, p, z, catalogi.EigenschapGegevens{}, nil)
			if err != nil {
				return nil, err
			}
			return z.AddEigenschap(id, g, forced)
		})
}

// UpdateEigenschap handles PUT (partial=false) and PATCH (partial=true) of
// /eigenschappen/{uuid}.
func (h *Catalogi) UpdateEigenschap(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b eigenschapBody
		h.updateSubtype(w, r, SubtypeEigenschap, h.Eigenschappen, partial, &b, eigenschapReadOnly, func(f fields) (subtypeRefs, subtypeDecision) {
			return subtypeRefs{zaaktype: zaaktypeRef(f, b.Zaaktype)},
				func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
					old, err := subtypeBase(z.Eigenschap, id, partial)
					if err != nil {
						return nil, err
					}
					g, err := b.over(ctx, h, p, z, old, f)
					if err != nil {
						return nil, err
					}
					return z.UpdateEigenschap(id, g, actie(partial), forced)
				}
		})
	}
}

// DeleteEigenschap handles DELETE /eigenschappen/{uuid}.
func (h *Catalogi) DeleteEigenschap(w http.ResponseWriter, r *http.Request) {
	h.deleteSubtype(w, r, SubtypeEigenschap, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
		return z.DeleteEigenschap(id, forced)
	})
}
