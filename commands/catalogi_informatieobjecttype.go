package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
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
	var b informatieobjecttypeBody
	if _, err := decodeBody(r, &b, informatieobjecttypeReadOnly...); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	var p domain.Problems
	g := b.over(r.Context(), &p, catalogi.InformatieobjecttypeGegevens{}, nil)
	id, err := h.addInformatieobjecttype(r.Context(), Metadata(r), g, p)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	created(w, r, h.Informatieobjecttypen, collInformatieobjecttypen, id)
}

// AddInformatieobjecttype creates a concept informatieobjecttype and
// returns its uuid; g.Catalogus is the catalogus uuid.
func (h *Catalogi) AddInformatieobjecttype(ctx context.Context, meta eventstore.Metadata, g catalogi.InformatieobjecttypeGegevens) (string, error) {
	return h.addInformatieobjecttype(ctx, meta, g, domain.Problems{})
}

func (h *Catalogi) addInformatieobjecttype(ctx context.Context, meta eventstore.Metadata, g catalogi.InformatieobjecttypeGegevens, p domain.Problems) (string, error) {
	if err := h.checkCatalogus(ctx, &p, "catalogus", g.Catalogus); err != nil {
		return "", err
	}
	id := newUUID()
	events, err := catalogi.NewInformatieobjecttype(id).Create(g)
	if err := combine(p.Err(), err); err != nil {
		return "", err
	}
	res, err := h.append(ctx, meta, catalogi.InformatieobjecttypeStream(id), eventstore.NoStream(), events)
	if err != nil {
		return "", err
	}
	h.await(ctx, res.Position, h.Projections...)
	return id, nil
}

// UpdateInformatieobjecttype handles PUT (partial=false) and PATCH
// (partial=true) of /informatieobjecttypen/{uuid}, under ztc-009 as
// UpdateZaaktype.
func (h *Catalogi) UpdateInformatieobjecttype(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathUUID(r)
		var b informatieobjecttypeBody
		var f fields
		if err == nil {
			f, err = decodeFor(r, &b, partial, informatieobjecttypeReadOnly...)
		}
		if err == nil {
			ctx, forced := r.Context(), geforceerd(r.Context(), scopeGeforceerdSchrijven)
			err = h.writeVersie(ctx, Metadata(r), soorten[catalogi.SoortInformatieobjecttype], id, func(v versie) ([]domain.Event, error) {
				t := v.(*catalogi.Informatieobjecttype)
				var p domain.Problems
				base := catalogi.InformatieobjecttypeGegevens{}
				if partial {
					base = t.Gegevens()
				}
				g := b.over(ctx, &p, base, f)
				if err := h.checkCatalogus(ctx, &p, "catalogus", g.Catalogus); err != nil {
					return nil, err
				}
				events, err := t.Update(g, actie(partial), forced)
				return events, combine(p.Err(), err)
			})
		}
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		h.Informatieobjecttypen.Render(w, r, http.StatusOK, id)
	}
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
