package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
)

// informatieobjecttypeBody is the request body of the writes of an
// informatieobjecttype (schema InformatieObjectType); Catalogus is a URL.
type informatieobjecttypeBody struct {
	Catalogus                   string                                             `json:"catalogus"`
	Omschrijving                string                                             `json:"omschrijving"`
	Vertrouwelijkheidaanduiding catalogi.Vertrouwelijkheidaanduiding               `json:"vertrouwelijkheidaanduiding"`
	Informatieobjectcategorie   string                                             `json:"informatieobjectcategorie"`
	Trefwoord                   []string                                           `json:"trefwoord"`
	OmschrijvingGeneriek        *catalogi.InformatieobjecttypeOmschrijvingGeneriek `json:"omschrijvingGeneriek"`
	BeginGeldigheid             catalogi.Date                                      `json:"beginGeldigheid"`
	EindeGeldigheid             catalogi.Date                                      `json:"eindeGeldigheid"`
}

var informatieobjecttypeReadOnly = []string{"url", "concept", "zaaktypen", "besluittypen", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g.
func (b informatieobjecttypeBody) over(ctx context.Context, p *domain.Problems, g catalogi.InformatieobjecttypeGegevens, f fields) catalogi.InformatieobjecttypeGegevens {
	set(f, "omschrijving", &g.Omschrijving, b.Omschrijving)
	set(f, "vertrouwelijkheidaanduiding", &g.Vertrouwelijkheidaanduiding, b.Vertrouwelijkheidaanduiding)
	set(f, "informatieobjectcategorie", &g.Informatieobjectcategorie, b.Informatieobjectcategorie)
	set(f, "trefwoord", &g.Trefwoord, b.Trefwoord)
	set(f, "omschrijvingGeneriek", &g.OmschrijvingGeneriek, b.OmschrijvingGeneriek)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	if f.has("catalogus") {
		g.Catalogus = optionalRef(ctx, p, "catalogus", collCatalogussen, b.Catalogus)
	}
	return g
}

// CreateInformatieobjecttype handles POST /informatieobjecttypen. It
// answers 201 with Location like every create (RULES 2.4, Open Zaak); the
// 1.3.1 OAS declares 200 here, an artefact of its generator.
func (h *Catalogi) CreateInformatieobjecttype(w http.ResponseWriter, r *http.Request) {
	createVersie[catalogi.InformatieobjecttypeGegevens, informatieobjecttypeBody](w, r, informatieobjecttypeReadOnly,
		h.Informatieobjecttypen, collInformatieobjecttypen, h.addInformatieobjecttype)
}

// AddInformatieobjecttype creates a concept informatieobjecttype and
// returns its uuid; g.Catalogus is the catalogus uuid.
func (h *Catalogi) AddInformatieobjecttype(ctx context.Context, meta eventstore.Metadata, g catalogi.InformatieobjecttypeGegevens) (string, error) {
	return h.addInformatieobjecttype(ctx, meta, g, domain.Problems{}, nil)
}

func (h *Catalogi) addInformatieobjecttype(ctx context.Context, meta eventstore.Metadata, g catalogi.InformatieobjecttypeGegevens, p domain.Problems, schema error) (string, error) {
	if err := h.checkCatalogus(ctx, &p, "catalogus", g.Catalogus); err != nil {
		return "", err
	}
	return h.addVersie(ctx, meta, catalogi.SoortInformatieobjecttype, p, schema, func(id string) ([]domain.Event, error) {
		return catalogi.NewInformatieobjecttype(id).Create(g)
	})
}

// UpdateInformatieobjecttype handles PUT (partial=false) and PATCH
// (partial=true) of /informatieobjecttypen/{uuid}, under ztc-009 as
// UpdateZaaktype.
func (h *Catalogi) UpdateInformatieobjecttype(partial bool) http.HandlerFunc {
	return updateVersie[catalogi.InformatieobjecttypeGegevens, informatieobjecttypeBody](h, catalogi.SoortInformatieobjecttype,
		partial, informatieobjecttypeReadOnly, h.Informatieobjecttypen,
		func(ctx context.Context, p *domain.Problems, v versie, g catalogi.InformatieobjecttypeGegevens, actie string, forced bool) ([]domain.Event, error) {
			if err := h.checkCatalogus(ctx, p, "catalogus", g.Catalogus); err != nil {
				return nil, err
			}
			events, err := v.(*catalogi.Informatieobjecttype).Update(g, actie, forced)
			return events, combine(p.Err(), err)
		})
}

// DeleteInformatieobjecttype handles DELETE /informatieobjecttypen/{uuid}
// (204, as Open Zaak; the 1.3.1 OAS declares 200).
func (h *Catalogi) DeleteInformatieobjecttype(w http.ResponseWriter, r *http.Request) {
	h.deleteVersie(w, r, catalogi.SoortInformatieobjecttype, func(v versie, forced bool) ([]domain.Event, error) {
		return v.(*catalogi.Informatieobjecttype).Delete(forced)
	})
}

// PublishInformatieobjecttype handles POST
// /informatieobjecttypen/{uuid}/publish and answers 200 with the
// informatieobjecttype.
func (h *Catalogi) PublishInformatieobjecttype(w http.ResponseWriter, r *http.Request) {
	h.publishVersie(w, r, catalogi.SoortInformatieobjecttype, h.Informatieobjecttypen)
}
