package commands

import (
	"context"
	"net/http"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// The write handlers of the statussen and resultaten of a zaak.

// --- statussen ---

type statusBody struct {
	Zaak string `json:"zaak"`
	zaken.StatusGegevens
}

var statusReadOnly = []string{"url", "uuid", "indicatieLaatstGezetteStatus", "zaakinformatieobjecten"}

// CreateStatus handles POST /statussen. With the eindstatus it closes the
// zaak (zrc-007), a non-eind status on a closed zaak reopens it (zrc-008).
// A principal that may only create zaken (zaken.aanmaken) sets the first
// status only.
func (h *Zaken) CreateStatus(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[statusBody](r, false, statusReadOnly...)
	if writeError(w, r, err) {
		return
	}
	ctx, b, id := r.Context(), c.body, newUUID()
	zaak, err := h.zaakField(ctx, "zaak", b.Zaak)
	einddatumChanged := false
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, zaakFieldMissing("zaak"), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			events, err := h.addStatus(ctx, z, id, b.StatusGegevens)
			einddatumChanged = slices.ContainsFunc(events, func(e domain.Event) bool {
				t := e.EventType()
				return t == zaken.TypeZaakAfgesloten || t == zaken.TypeZaakHeropend
			})
			return events, err
		})
	}
	if err == nil && einddatumChanged {
		err = h.herberekenDeelzaken(ctx, Metadata(r), zaak)
	}
	created(w, r, err, h.Statussen, zgw.ResourceURL(ctx, collStatussen, id), id)
}

// addStatus decides status id of z; a principal that may only create
// zaken (zaken.aanmaken) sets the first status only (zrc-008). Gezetdoor
// must be a rol of z (gezetdoorFeit).
func (h *Zaken) addStatus(ctx context.Context, z *zaken.Zaak, id string, g zaken.StatusGegevens) ([]domain.Event, error) {
	zg := z.Gegevens()
	if z.Status() != "" && !rights(ctx).Allows(autorisaties.ZRC, zg.Zaaktype, string(zg.Vertrouwelijkheidaanduiding),
		scopeStatussenToevoegen, scopeHeropenen) {
		return nil, domain.Forbidden("permission_denied",
			"Met alleen de scope zaken.aanmaken kan een zaak alleen haar eerste status krijgen.")
	}
	f, err := h.feiten(ctx, z)
	if err != nil {
		return nil, err
	}
	g.Statustype = canonicalCatalogiRef(ctx, "statustypen", g.Statustype)
	if g.Gezetdoor, f.Gezetdoor, err = h.gezetdoorFeit(ctx, z, g.Gezetdoor); err != nil {
		return nil, err
	}
	if f.Zaaktype.Statustypen[g.Statustype].Eindstatus {
		if f.Informatieobjecten, err = h.informatieobjecten(ctx, z); err != nil {
			return nil, err
		}
	}
	return z.AddStatus(id, g, f, bevoegdheden(ctx, zg))
}

// herberekenDeelzaken recalculates the archiving parameters of the
// deelzaken of hoofdzaak after its einddatum changed (zrc-021,
// afleidingswijze hoofdzaak). It is a consequence of a change the
// principal was allowed to make, so the principal's rights on the
// deelzaken do not count.
func (h *Zaken) herberekenDeelzaken(ctx context.Context, meta eventstore.Metadata, hoofdzaak string) error {
	deelzaken, err := h.Index.Deelzaken(ctx, hoofdzaak)
	if err != nil {
		return err
	}
	for _, id := range deelzaken {
		var pos eventstore.Position
		err := retry(func() error {
			z, expected, err := h.loadZaak(ctx, id)
			if err != nil || !z.Exists() {
				return err
			}
			events, err := h.metHerberekening(ctx, z, nil)(nil, nil)
			if err != nil || len(events) == 0 {
				return err
			}
			res, err := h.append(ctx, meta, zaken.ZaakStream(id), expected, events)
			pos = res.Position
			return err
		})
		if err != nil {
			return err
		}
		if err := h.await(ctx, pos, h.Projections...); err != nil {
			return err
		}
	}
	return nil
}

// --- resultaten ---

type resultaatBody struct {
	Zaak string `json:"zaak"`
	zaken.ResultaatGegevens
}

var resultaatReadOnly = []string{"url", "uuid", "_expand"}

func (h *Zaken) resultaat(ctx context.Context, z *zaken.Zaak, g zaken.ResultaatGegevens) (zaken.ResultaatGegevens, zaken.Feiten, error) {
	f, err := h.feiten(ctx, z)
	g.Resultaattype = canonicalCatalogiRef(ctx, "resultaattypen", g.Resultaattype)
	return g, f, err
}

// CreateResultaat handles POST /resultaten (zrc-020).
func (h *Zaken) CreateResultaat(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[resultaatBody](r, false, resultaatReadOnly...)
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Resultaten, collResultaten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		g, f, err := h.resultaat(ctx, z, c.body.ResultaatGegevens)
		if err != nil {
			return nil, err
		}
		return z.AddResultaat(id, g, f, bevoegdheden(ctx, z.Gegevens()))
	})
}

// UpdateResultaat handles PUT and PATCH /resultaten/{uuid}.
func (h *Zaken) UpdateResultaat(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c change[resultaatBody]
		h.updateOnderdeel(w, r, h.Resultaten, collResultaten, func() (string, error) {
			var err error
			c, err = decodeChange[resultaatBody](r, partial, resultaatReadOnly...)
			return c.body.Zaak, err
		}, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
			old, err := base(z.ResultaatVan, id)
			if err != nil {
				return nil, err
			}
			b, err := c.over(resultaatBody{ResultaatGegevens: old})
			if err != nil {
				return nil, err
			}
			g, f, err := h.resultaat(ctx, z, b.ResultaatGegevens)
			if err != nil {
				return nil, err
			}
			return z.UpdateResultaat(id, g, f, actie(partial), bevoegdheden(ctx, z.Gegevens()))
		})
	}
}

// DeleteResultaat handles DELETE /resultaten/{uuid}.
func (h *Zaken) DeleteResultaat(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collResultaten, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteResultaat(id, bevoegdheden(ctx, z.Gegevens()))
	})
}
