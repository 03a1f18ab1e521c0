package commands

import (
	"context"
	"fmt"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// The HTTP writes that the versioned types (zaaktype,
// informatieobjecttype, besluittype) share: each type gives its body, its
// Gegevens (G) and how it gathers its facts and lets its aggregate decide.

// versieBody is the request body of a versioned type with Gegevens G.
type versieBody[G any] interface {
	// over applies the fields of the body that f has on top of g; a
	// reference that does not resolve goes into p.
	over(ctx context.Context, p *domain.Problems, g G, f fields) G
}

// addFunc gathers the facts of g, the fields of a new version, into p,
// decides and appends; schema holds the body's faults against the OAS,
// reported with the verdict (combine).
type addFunc[G any] func(ctx context.Context, meta eventstore.Metadata, g G, p domain.Problems, schema error) (string, error)

// createVersie handles the POST of a versioned type: a new concept from
// the body B, which add gathers the facts of, decides and appends.
func createVersie[G any, B versieBody[G]](w http.ResponseWriter, r *http.Request, readOnly []string, render Renderer,
	collection string, add addFunc[G]) {
	var b B
	d, err := decodeBody(r, &b, readOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	var p domain.Problems
	var g G
	g = b.over(r.Context(), &p, g, nil)
	id, err := add(r.Context(), Metadata(r), g, p, d.schema)
	created(w, r, err, render, zgw.ResourceURL(r.Context(), collection, id), id)
}

// addVersie decides with create a new version of s under a fresh uuid and
// appends it; p holds the faults found while gathering the facts, schema
// those of the body against the OAS.
func (h *Catalogi) addVersie(ctx context.Context, meta eventstore.Metadata, s catalogi.Soort, p domain.Problems, schema error,
	create func(id string) ([]domain.Event, error)) (string, error) {
	id := newUUID()
	events, err := create(id)
	if err := combine(p.Err(), err, schema); err != nil {
		return "", err
	}
	res, err := h.append(ctx, meta, soorten[s].stream(id), eventstore.NoStream(), events)
	if err != nil {
		return "", err
	}
	return id, h.await(ctx, res.Position, h.Projections...)
}

// versieUpdate gathers the facts of g, the complete new fields of version
// v, into p and lets v decide the update (actie) under ztc-009; it
// combines the faults in p with the verdict.
type versieUpdate[G any] func(ctx context.Context, p *domain.Problems, v versie, g G, actie string, forced bool) ([]domain.Event, error)

// updateVersie handles PUT (partial=false) and PATCH (partial=true) of a
// versioned type of soort s: a PATCH applies the body B on top of the
// current fields, a PUT on empty ones; decide takes it from there, and
// the body's faults against the OAS count where decide finds none on the
// same field.
func updateVersie[G any, B versieBody[G]](h *Catalogi, s catalogi.Soort, partial bool, readOnly []string, render Renderer, decide versieUpdate[G]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathUUID(r)
		var b B
		var d decoded
		if err == nil {
			d, err = decodeFor(r, &b, partial, readOnly...)
		}
		if err == nil {
			ctx, forced := r.Context(), geforceerd(r.Context(), scopeGeforceerdSchrijven)
			err = h.writeVersie(ctx, Metadata(r), soorten[s], id, func(v versie) ([]domain.Event, error) {
				var p domain.Problems
				var base G
				if partial {
					base = v.(interface{ Gegevens() G }).Gegevens()
				}
				events, err := decide(ctx, &p, v, b.over(ctx, &p, base, d.fields), actie(partial), forced)
				return events, combine(err, d.schema)
			})
		}
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		render.Render(w, r, http.StatusOK, id)
	}
}

// deleteVersie is the DELETE of a versioned type.
func (h *Catalogi) deleteVersie(w http.ResponseWriter, r *http.Request, soort catalogi.Soort, decide func(v versie, forced bool) ([]domain.Event, error)) {
	id, err := pathUUID(r)
	if err == nil {
		forced := geforceerd(r.Context(), scopeGeforceerdVerwijderen)
		err = h.writeVersie(r.Context(), Metadata(r), soorten[soort], id, func(v versie) ([]domain.Event, error) {
			return decide(v, forced)
		})
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// publishVersie is the POST .../{uuid}/publish of a versioned type. The
// body, which the OAS leaves unspecified, is not read.
func (h *Catalogi) publishVersie(w http.ResponseWriter, r *http.Request, soort catalogi.Soort, render Renderer) {
	id, err := pathUUID(r)
	if err == nil {
		err = h.Publish(r.Context(), Metadata(r), soort, id)
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	render.Render(w, r, http.StatusOK, id)
}

// Publish publishes the zaaktype, informatieobjecttype or besluittype
// (soort) with uuid id; publishing a published one finishes what an
// earlier, interrupted publication left undone. It fails with not found,
// with the validation errors of ztc-012 (zaaktype) and ztc-016 (overlap),
// or with a conflict after repeated concurrent changes.
func (h *Catalogi) Publish(ctx context.Context, meta eventstore.Metadata, soort catalogi.Soort, id string) error {
	s, ok := soorten[soort]
	if !ok {
		return fmt.Errorf("commands: publish of unknown soort %q", soort)
	}
	return h.publish(ctx, meta, s, id, func(v versie) ([]domain.Event, error) {
		switch t := v.(type) {
		case *catalogi.Zaaktype:
			f, err := h.publicatieFeiten(ctx, t)
			if err != nil {
				return nil, err
			}
			return t.Publish(f)
		case *catalogi.Informatieobjecttype:
			return t.Publish()
		case *catalogi.Besluittype:
			return t.Publish()
		}
		return nil, fmt.Errorf("commands: publish of %T", v)
	})
}
