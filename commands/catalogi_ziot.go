package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// ziotBody is the request body of the writes of a
// zaaktype-informatieobjecttype (ZaakTypeInformatieObjectType and its
// Patched form). Zaaktype and statustype are URLs; informatieobjecttype is
// an omschrijving (a local URL of a version is accepted too).
type ziotBody struct {
	Zaaktype             string            `json:"zaaktype"`
	Informatieobjecttype string            `json:"informatieobjecttype"`
	Volgnummer           int               `json:"volgnummer"`
	Richting             catalogi.Richting `json:"richting"`
	Statustype           string            `json:"statustype"`
}

var ziotReadOnly = []string{"url", "zaaktypeIdentificatie", "catalogus"}

// over applies the fields of b that f has on top of g, with the
// informatieobjecttype by omschrijving and the statustype as uuid, and
// returns what the informatieobjecttype resolved to in z's catalogus.
func (b ziotBody) over(ctx context.Context, h *Catalogi, p *domain.Problems, z *catalogi.Zaaktype, g catalogi.ZaaktypeInformatieobjecttypeGegevens, f fields) (catalogi.ZaaktypeInformatieobjecttypeGegevens, catalogi.Verwijzingen, error) {
	set(f, "informatieobjecttype", &g.Informatieobjecttype, b.Informatieobjecttype)
	set(f, "volgnummer", &g.Volgnummer, b.Volgnummer)
	set(f, "richting", &g.Richting, b.Richting)
	if f.has("statustype") {
		id, err := h.optionalSubref(ctx, p, z, SubtypeStatustype, "statustype", b.Statustype)
		if err != nil {
			return g, nil, err
		}
		g.Statustype = id
	}
	iot, err := h.ziotFeiten(ctx, p, z, &g)
	return g, iot, err
}

// ziotFeiten resolves the informatieobjecttype of g in z's catalogus and
// puts its stored form (the omschrijving) into g.
func (h *Catalogi) ziotFeiten(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, g *catalogi.ZaaktypeInformatieobjecttypeGegevens) (catalogi.Verwijzingen, error) {
	iot := catalogi.Verwijzingen{}
	if g.Informatieobjecttype == "" {
		return iot, nil
	}
	key, err := h.refByKey(ctx, p, soorten[catalogi.SoortInformatieobjecttype], z.Catalogus(), "informatieobjecttype", g.Informatieobjecttype, iot)
	if key != "" {
		g.Informatieobjecttype = key
	}
	return iot, err
}

// CreateZaaktypeInformatieobjecttype handles POST
// /zaaktype-informatieobjecttypen.
func (h *Catalogi) CreateZaaktypeInformatieobjecttype(w http.ResponseWriter, r *http.Request) {
	var b ziotBody
	d, err := decodeBody(r, &b, ziotReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	h.createSubtype(w, r, SubtypeZaaktypeInformatieobjecttype, h.ZaaktypeInformatieobjecttypen, d, subtypeRefs{zaaktype: b.Zaaktype},
		func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			g, iot, err := b.over(ctx, h, p, z, catalogi.ZaaktypeInformatieobjecttypeGegevens{}, nil)
			if err != nil {
				return nil, err
			}
			return z.AddZaaktypeInformatieobjecttype(id, g, iot, forced)
		})
}

// UpdateZaaktypeInformatieobjecttype handles PUT (partial=false) and PATCH
// (partial=true) of /zaaktype-informatieobjecttypen/{uuid}.
func (h *Catalogi) UpdateZaaktypeInformatieobjecttype(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b ziotBody
		h.updateSubtype(w, r, SubtypeZaaktypeInformatieobjecttype, h.ZaaktypeInformatieobjecttypen, partial, &b, ziotReadOnly,
			func(f fields) (subtypeRefs, subtypeDecision) {
				return subtypeRefs{zaaktype: zaaktypeRef(f, b.Zaaktype)},
					func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
						old, err := subtypeBase(z.ZaaktypeInformatieobjecttype, id, partial)
						if err != nil {
							return nil, err
						}
						g, iot, err := b.over(ctx, h, p, z, old, f)
						if err != nil {
							return nil, err
						}
						return z.UpdateZaaktypeInformatieobjecttype(id, g, iot, actie(partial), forced)
					}
			})
	}
}

// DeleteZaaktypeInformatieobjecttype handles DELETE
// /zaaktype-informatieobjecttypen/{uuid}; whether the relation's
// informatieobjecttype is published takes part in ztc-010.
func (h *Catalogi) DeleteZaaktypeInformatieobjecttype(w http.ResponseWriter, r *http.Request) {
	h.deleteSubtype(w, r, SubtypeZaaktypeInformatieobjecttype,
		func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
			g, ok := z.ZaaktypeInformatieobjecttype(id)
			if !ok {
				return nil, notFound()
			}
			iot, err := h.ziotFeiten(ctx, p, z, &g)
			if err != nil {
				return nil, err
			}
			return z.DeleteZaaktypeInformatieobjecttype(id, iot, forced)
		})
}
