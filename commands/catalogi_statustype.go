package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// statustypeBody is the request body of the writes of a statustype
// (StatusType, PatchedStatusType); zaaktype and eigenschappen are URLs.
type statustypeBody struct {
	Omschrijving            string                   `json:"omschrijving"`
	OmschrijvingGeneriek    string                   `json:"omschrijvingGeneriek"`
	Statustekst             string                   `json:"statustekst"`
	Zaaktype                string                   `json:"zaaktype"`
	Volgnummer              int                      `json:"volgnummer"`
	Informeren              bool                     `json:"informeren"`
	Doorlooptijd            string                   `json:"doorlooptijd"`
	Toelichting             string                   `json:"toelichting"`
	ChecklistitemStatustype []catalogi.CheckListItem `json:"checklistitemStatustype"`
	Eigenschappen           []string                 `json:"eigenschappen"`
	BeginGeldigheid         catalogi.Date            `json:"beginGeldigheid"`
	EindeGeldigheid         catalogi.Date            `json:"eindeGeldigheid"`
}

var statustypeReadOnly = []string{"url", "catalogus", "zaaktypeIdentificatie", "isEindstatus", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g; eigenschappen
// become uuids of eigenschappen (of z, for the domain to check).
func (b statustypeBody) over(ctx context.Context, h *Catalogi, p *domain.Problems, z *catalogi.Zaaktype, g catalogi.StatustypeGegevens, f fields) (catalogi.StatustypeGegevens, error) {
	set(f, "omschrijving", &g.Omschrijving, b.Omschrijving)
	set(f, "omschrijvingGeneriek", &g.OmschrijvingGeneriek, b.OmschrijvingGeneriek)
	set(f, "statustekst", &g.Statustekst, b.Statustekst)
	set(f, "volgnummer", &g.Volgnummer, b.Volgnummer)
	set(f, "informeren", &g.Informeren, b.Informeren)
	set(f, "doorlooptijd", &g.Doorlooptijd, b.Doorlooptijd)
	set(f, "toelichting", &g.Toelichting, b.Toelichting)
	set(f, "checklistitemStatustype", &g.ChecklistitemStatustype, b.ChecklistitemStatustype)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	if !f.has("eigenschappen") {
		return g, nil
	}
	var err error
	g.Eigenschappen, err = h.subrefs(ctx, p, z, SubtypeEigenschap, "eigenschappen", b.Eigenschappen)
	return g, err
}

// zaaktypeRef is the zaaktype URL of a PUT or PATCH body to check, or "".
func zaaktypeRef(f fields, raw string) string {
	if f.has("zaaktype") {
		return raw
	}
	return ""
}

// CreateStatustype handles POST /statustypen.
func (h *Catalogi) CreateStatustype(w http.ResponseWriter, r *http.Request) {
	var b statustypeBody
	d, err := decodeBody(r, &b, statustypeReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	h.createSubtype(w, r, SubtypeStatustype, h.Statustypen, d, subtypeRefs{zaaktype: b.Zaaktype},
		func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			g, err := b.over(ctx, h, p, z, catalogi.StatustypeGegevens{}, nil)
			if err != nil {
				return nil, err
			}
			return z.AddStatustype(id, g, forced)
		})
}

// UpdateStatustype handles PUT (partial=false) and PATCH (partial=true) of
// /statustypen/{uuid}.
func (h *Catalogi) UpdateStatustype(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b statustypeBody
		h.updateSubtype(w, r, SubtypeStatustype, h.Statustypen, partial, &b, statustypeReadOnly, func(f fields) (subtypeRefs, subtypeDecision) {
			return subtypeRefs{zaaktype: zaaktypeRef(f, b.Zaaktype)},
				func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
					old, err := subtypeBase(z.Statustype, id, partial)
					if err != nil {
						return nil, err
					}
					g, err := b.over(ctx, h, p, z, old, f)
					if err != nil {
						return nil, err
					}
					return z.UpdateStatustype(id, g, actie(partial), forced)
				}
		})
	}
}

// DeleteStatustype handles DELETE /statustypen/{uuid}.
func (h *Catalogi) DeleteStatustype(w http.ResponseWriter, r *http.Request) {
	h.deleteSubtype(w, r, SubtypeStatustype, func(_ context.Context, _ *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
		return z.DeleteStatustype(id, forced)
	})
}
