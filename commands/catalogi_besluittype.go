package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
)

// besluittypeBody is the request body of BesluitTypeCreate,
// BesluitTypeUpdate and a PATCH of a besluittype. Catalogus is a URL;
// informatieobjecttypen are omschrijvingen (local URLs accepted too).
type besluittypeBody struct {
	Catalogus             string        `json:"catalogus"`
	Omschrijving          string        `json:"omschrijving"`
	OmschrijvingGeneriek  string        `json:"omschrijvingGeneriek"`
	Besluitcategorie      string        `json:"besluitcategorie"`
	Reactietermijn        string        `json:"reactietermijn"`
	PublicatieIndicatie   bool          `json:"publicatieIndicatie"`
	Publicatietekst       string        `json:"publicatietekst"`
	Publicatietermijn     string        `json:"publicatietermijn"`
	Toelichting           string        `json:"toelichting"`
	Informatieobjecttypen []string      `json:"informatieobjecttypen"`
	BeginGeldigheid       catalogi.Date `json:"beginGeldigheid"`
	EindeGeldigheid       catalogi.Date `json:"eindeGeldigheid"`
}

var besluittypeReadOnly = []string{"url", "concept", "zaaktypen", "resultaattypen", "resultaattypenOmschrijving",
	"vastgelegdIn", "beginObject", "eindeObject"}

// over applies the fields of b that f has on top of g.
func (b besluittypeBody) over(ctx context.Context, p *domain.Problems, g catalogi.BesluittypeGegevens, f fields) catalogi.BesluittypeGegevens {
	set(f, "omschrijving", &g.Omschrijving, b.Omschrijving)
	set(f, "omschrijvingGeneriek", &g.OmschrijvingGeneriek, b.OmschrijvingGeneriek)
	set(f, "besluitcategorie", &g.Besluitcategorie, b.Besluitcategorie)
	set(f, "reactietermijn", &g.Reactietermijn, b.Reactietermijn)
	set(f, "publicatieIndicatie", &g.PublicatieIndicatie, b.PublicatieIndicatie)
	set(f, "publicatietekst", &g.Publicatietekst, b.Publicatietekst)
	set(f, "publicatietermijn", &g.Publicatietermijn, b.Publicatietermijn)
	set(f, "toelichting", &g.Toelichting, b.Toelichting)
	set(f, "informatieobjecttypen", &g.Informatieobjecttypen, b.Informatieobjecttypen)
	set(f, "beginGeldigheid", &g.BeginGeldigheid, b.BeginGeldigheid)
	set(f, "eindeGeldigheid", &g.EindeGeldigheid, b.EindeGeldigheid)
	if f.has("catalogus") {
		g.Catalogus = optionalRef(ctx, p, "catalogus", collCatalogussen, b.Catalogus)
	}
	return g
}

// besluittypeFeiten checks the catalogus and resolves the
// informatieobjecttypen of g by omschrijving in its catalogus; it returns
// g with them in stored form.
func (h *Catalogi) besluittypeFeiten(ctx context.Context, p *domain.Problems, g catalogi.BesluittypeGegevens) (catalogi.BesluittypeGegevens, catalogi.Verwijzingen, error) {
	if err := h.checkCatalogus(ctx, p, "catalogus", g.Catalogus); err != nil {
		return g, nil, err
	}
	var iot catalogi.Verwijzingen
	var err error
	g.Informatieobjecttypen, iot, err = h.byKey(ctx, p, soorten[catalogi.SoortInformatieobjecttype], g.Catalogus,
		"informatieobjecttypen", g.Informatieobjecttypen)
	return g, iot, err
}

// CreateBesluittype handles POST /besluittypen: a new concept besluittype.
func (h *Catalogi) CreateBesluittype(w http.ResponseWriter, r *http.Request) {
	createVersie[catalogi.BesluittypeGegevens, besluittypeBody](w, r, besluittypeReadOnly, h.Besluittypen,
		collBesluittypen, h.addBesluittype)
}

// AddBesluittype creates a concept besluittype and returns its uuid;
// g.Catalogus is the catalogus uuid.
func (h *Catalogi) AddBesluittype(ctx context.Context, meta eventstore.Metadata, g catalogi.BesluittypeGegevens) (string, error) {
	return h.addBesluittype(ctx, meta, g, domain.Problems{}, nil)
}

func (h *Catalogi) addBesluittype(ctx context.Context, meta eventstore.Metadata, g catalogi.BesluittypeGegevens, p domain.Problems, schema error) (string, error) {
	g, iot, err := h.besluittypeFeiten(ctx, &p, g)
	if err != nil {
		return "", err
	}
	return h.addVersie(ctx, meta, catalogi.SoortBesluittype, p, schema, func(id string) ([]domain.Event, error) {
		return catalogi.NewBesluittype(id).Create(g, iot)
	})
}

// UpdateBesluittype handles PUT (partial=false) and PATCH (partial=true)
// of /besluittypen/{uuid}, under ztc-009 as UpdateZaaktype.
func (h *Catalogi) UpdateBesluittype(partial bool) http.HandlerFunc {
	return updateVersie[catalogi.BesluittypeGegevens, besluittypeBody](h, catalogi.SoortBesluittype, partial,
		besluittypeReadOnly, h.Besluittypen,
		func(ctx context.Context, p *domain.Problems, v versie, g catalogi.BesluittypeGegevens, actie string, forced bool) ([]domain.Event, error) {
			g, iot, err := h.besluittypeFeiten(ctx, p, g)
			if err != nil {
				return nil, err
			}
			events, err := v.(*catalogi.Besluittype).Update(g, iot, actie, forced)
			return events, combine(p.Err(), err)
		})
}

// DeleteBesluittype handles DELETE /besluittypen/{uuid} (204, as Open
// Zaak; the 1.3.1 OAS declares 200).
func (h *Catalogi) DeleteBesluittype(w http.ResponseWriter, r *http.Request) {
	h.deleteVersie(w, r, catalogi.SoortBesluittype, func(v versie, forced bool) ([]domain.Event, error) {
		return v.(*catalogi.Besluittype).Delete(forced)
	})
}

// PublishBesluittype handles POST /besluittypen/{uuid}/publish and answers
// 200 with the besluittype.
func (h *Catalogi) PublishBesluittype(w http.ResponseWriter, r *http.Request) {
	h.publishVersie(w, r, catalogi.SoortBesluittype, h.Besluittypen)
}
