package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// onderdeelDecision decides on sub-resource id of the loaded zaak z.
type onderdeelDecision func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error)

// createOnderdeel handles the POST of a sub-resource of collection whose
// body names its zaak (zaakRaw): the zaak must exist (else does_not_exist
// on field zaak) and the principal may write it (zrc-006).
func (h *Zaken) createOnderdeel(w http.ResponseWriter, r *http.Request, render Renderer, collection, zaakRaw string, decide onderdeelDecision) {
	ctx := r.Context()
	zaak, err := h.zaakField(ctx, "zaak", zaakRaw)
	id := newUUID()
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, zaakFieldMissing("zaak"), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return decide(ctx, z, id)
		})
	}
	created(w, r, err, render, zgw.ResourceURL(ctx, collection, id), id)
}

// updateOnderdeel handles a PUT or PATCH of /collection/{uuid}, found in its
// zaak through the Index; zaakRaw is the zaak the body names (it may not
// change, "" when not sent).
func (h *Zaken) updateOnderdeel(w http.ResponseWriter, r *http.Request, render Renderer, collection string, decode func() (zaakRaw string, err error), decide onderdeelDecision) {
	ctx := r.Context()
	id, err := pathUUID(r)
	var zaak, zaakRaw string
	if err == nil {
		zaakRaw, err = decode()
	}
	if err == nil {
		zaak, err = h.zaakOf(ctx, collection, id)
	}
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			if err := sameZaak(ctx, zaakRaw, zaak); err != nil {
				return nil, err
			}
			return decide(ctx, z, id)
		})
	}
	if writeError(w, r, err) {
		return
	}
	render.Render(w, r, http.StatusOK, id)
}

// deleteOnderdeel handles DELETE /collection/{uuid}.
func (h *Zaken) deleteOnderdeel(w http.ResponseWriter, r *http.Request, collection string, decide onderdeelDecision) {
	ctx := r.Context()
	id, err := pathUUID(r)
	var zaak string
	if err == nil {
		zaak, err = h.zaakOf(ctx, collection, id)
	}
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return decide(ctx, z, id)
		})
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// sameZaak refuses a body that moves a sub-resource to another zaak
// (zrc-004 for zaakinformatieobjecten, and so for all of them).
func sameZaak(ctx context.Context, raw, zaak string) error {
	if raw == "" {
		return nil
	}
	if id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, raw); ok && id == zaak {
		return nil
	}
	return domain.Invalid("zaak", zaken.CodeWijzigenNietToegelaten, "De zaak mag niet gewijzigd worden.")
}

// base returns the current fields of sub-resource id for a PATCH, or the
// zero value for a PUT; a 404 when the zaak has no such sub-resource.
func base[G any](get func(string) (G, bool), id string) (G, error) {
	g, ok := get(id)
	if !ok {
		return g, notFound()
	}
	return g, nil
}

// metHerberekening returns a function that adds to a decision on z that
// may have changed an input of its archiefactiedatum the recalculation of
// that date (zrc-021). f are the facts the decision had, or nil; then
// they are gathered, and only for a closed zaak, the only kind with an
// archiefactiedatum to recalculate.
func (h *Zaken) metHerberekening(ctx context.Context, z *zaken.Zaak, f *zaken.Feiten) func([]domain.Event, error) ([]domain.Event, error) {
	return func(events []domain.Event, err error) ([]domain.Event, error) {
		if err != nil {
			return nil, err
		}
		if !z.IsAfgesloten() {
			return events, nil
		}
		if f == nil {
			feiten, err := h.feiten(ctx, z)
			if err != nil {
				return nil, err
			}
			f = &feiten
		}
		return append(events, z.Herbereken(*f)...), nil
	}
}
