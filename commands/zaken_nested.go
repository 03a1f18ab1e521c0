package commands

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// The write handlers of the the sub-resources under /zaken/{zaak_uuid}/..., zaakcontactmomenten and zaakverzoeken.

// --- sub-resources under /zaken/{zaak_uuid}/... ---

// pathZaak returns the {zaak_uuid} of the request, or a 404.
func pathZaak(r *http.Request) (string, error) {
	id := zgw.CanonicalUUID(chi.URLParam(r, "zaak_uuid"))
	if id == "" {
		return "", notFound()
	}
	return id, nil
}

// nested runs decide on the zaak of the path; the body's zaak, when sent,
// must be that zaak.
func (h *Zaken) nested(r *http.Request, zaakRaw string, decide func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error)) (string, error) {
	zaak, err := pathZaak(r)
	if err != nil {
		return "", err
	}
	return zaak, h.change(r.Context(), Metadata(r), zaak, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
		if err := sameZaak(ctx, zaakRaw, zaak); err != nil {
			return nil, err
		}
		return decide(ctx, z)
	})
}

// nestedURL is the URL of sub-resource id under zaak in collection.
func nestedURL(ctx context.Context, zaak, collection, id string) string {
	return zaakURL(ctx, zaak) + "/" + collection + "/" + id
}

type zaakEigenschapBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakEigenschapGegevens
}

var zaakEigenschapReadOnly = []string{"url", "uuid", "naam"}

func (h *Zaken) zaakEigenschap(ctx context.Context, z *zaken.Zaak, g zaken.ZaakEigenschapGegevens) (zaken.ZaakEigenschapGegevens, zaken.Feiten, error) {
	f, err := h.feiten(ctx, z)
	g.Eigenschap = canonicalCatalogiRef(ctx, "eigenschappen", g.Eigenschap)
	return g, f, err
}

// CreateZaakEigenschap handles POST /zaken/{zaak_uuid}/zaakeigenschappen
// (zrc-018).
func (h *Zaken) CreateZaakEigenschap(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakEigenschapBody](r, false, zaakEigenschapReadOnly...)
	if writeError(w, r, err) {
		return
	}
	id := newUUID()
	zaak, err := h.nested(r, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
		g, f, err := h.zaakEigenschap(ctx, z, c.body.ZaakEigenschapGegevens)
		if err != nil {
			return nil, err
		}
		return h.metHerberekening(ctx, z, &f)(z.AddZaakEigenschap(id, g, f, bevoegdheden(ctx, z.Gegevens())))
	})
	created(w, r, err, h.Zaakeigenschappen, nestedURL(r.Context(), zaak, "zaakeigenschappen", id), id)
}

// UpdateZaakEigenschap handles PUT and PATCH
// /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}.
func (h *Zaken) UpdateZaakEigenschap(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathUUID(r)
		var c change[zaakEigenschapBody]
		if err == nil {
			c, err = decodeChange[zaakEigenschapBody](r, partial, zaakEigenschapReadOnly...)
		}
		if err == nil {
			_, err = h.nested(r, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
				old, err := base(z.ZaakEigenschapVan, id)
				if err != nil {
					return nil, err
				}
				b, err := c.over(zaakEigenschapBody{ZaakEigenschapGegevens: old})
				if err != nil {
					return nil, err
				}
				g, f, err := h.zaakEigenschap(ctx, z, b.ZaakEigenschapGegevens)
				if err != nil {
					return nil, err
				}
				return h.metHerberekening(ctx, z, &f)(z.UpdateZaakEigenschap(id, g, f, actie(partial), bevoegdheden(ctx, z.Gegevens())))
			})
		}
		if writeError(w, r, err) {
			return
		}
		h.Zaakeigenschappen.Render(w, r, http.StatusOK, id)
	}
}

// DeleteZaakEigenschap handles DELETE
// /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}.
func (h *Zaken) DeleteZaakEigenschap(w http.ResponseWriter, r *http.Request) {
	id, err := pathUUID(r)
	if err == nil {
		_, err = h.nested(r, "", func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return h.metHerberekening(ctx, z, nil)(z.DeleteZaakEigenschap(id, bevoegdheden(ctx, z.Gegevens())))
		})
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// CreateZaakBesluit handles POST /zaken/{zaak_uuid}/besluiten, meant for
// the Besluiten API only; the besluit URL must be given.
func (h *Zaken) CreateZaakBesluit(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaken.ZaakBesluitGegevens](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	id := newUUID()
	zaak, err := h.nested(r, "", func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
		return z.AddZaakBesluit(id, c.body, bevoegdheden(ctx, z.Gegevens()))
	})
	created(w, r, err, h.Zaakbesluiten, nestedURL(r.Context(), zaak, "besluiten", id), id)
}

// DeleteZaakBesluit handles DELETE /zaken/{zaak_uuid}/besluiten/{uuid}.
func (h *Zaken) DeleteZaakBesluit(w http.ResponseWriter, r *http.Request) {
	id, err := pathUUID(r)
	if err == nil {
		_, err = h.nested(r, "", func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return z.DeleteZaakBesluit(id, bevoegdheden(ctx, z.Gegevens()))
		})
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// --- zaakcontactmomenten and zaakverzoeken ---

type zaakContactMomentBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakContactMomentGegevens
}

// CreateZaakContactMoment handles POST /zaakcontactmomenten. The
// Contactmomenten API it refers to is retired (zrc-025 of 1.1.0); the URL
// is kept as given.
func (h *Zaken) CreateZaakContactMoment(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakContactMomentBody](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Zaakcontactmomenten, collZaakcontactmomenten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.AddZaakContactMoment(id, c.body.ZaakContactMomentGegevens, bevoegdheden(ctx, z.Gegevens()))
	})
}

// DeleteZaakContactMoment handles DELETE /zaakcontactmomenten/{uuid}.
func (h *Zaken) DeleteZaakContactMoment(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collZaakcontactmomenten, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteZaakContactMoment(id, bevoegdheden(ctx, z.Gegevens()))
	})
}

type zaakVerzoekBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakVerzoekGegevens
}

// CreateZaakVerzoek handles POST /zaakverzoeken; like zaakcontactmomenten
// the Verzoeken API is retired and the URL kept as given.
func (h *Zaken) CreateZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakVerzoekBody](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Zaakverzoeken, collZaakverzoeken, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.AddZaakVerzoek(id, c.body.ZaakVerzoekGegevens, bevoegdheden(ctx, z.Gegevens()))
	})
}

// DeleteZaakVerzoek handles DELETE /zaakverzoeken/{uuid}.
func (h *Zaken) DeleteZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collZaakverzoeken, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteZaakVerzoek(id, bevoegdheden(ctx, z.Gegevens()))
	})
}
