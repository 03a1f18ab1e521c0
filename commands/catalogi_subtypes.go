package commands

import (
	"context"
	"fmt"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// A sub-type (statustype, roltype, resultaattype, eigenschap,
// zaakobjecttype, zaaktype-informatieobjecttype) lives in the stream of its
// zaaktype: every write loads the zaaktype, lets it decide (ztc-010 and
// the fit among its sub-types are its to judge) and appends to its stream.

// subtypeDecision decides a write on zaaktype z. It reports faults of the
// request's references into p; id is the sub-type's uuid and forced tells
// whether the principal may force the write (geforceerd-schrijven for
// creates and updates, geforceerd-verwijderen for deletes).
type subtypeDecision func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error)

// subtypeRefs are the references every sub-type body carries: its zaaktype
// and, for some, its catalogus (URLs).
type subtypeRefs struct {
	zaaktype, catalogus string
}

// writeSubtype loads zaaktype zt, checks refs against it, lets decide
// change it and appends, retrying a lost race; it waits for the read
// models. schema holds the body's faults against the OAS, reported with
// the verdict (combine).
func (h *Catalogi) writeSubtype(ctx context.Context, meta eventstore.Metadata, zt, id string, ref subtypeRefs, schema error, forced bool, decide subtypeDecision) error {
	var pos eventstore.Position
	err := retry(func() error {
		z, expected, err := h.loadZaaktype(ctx, zt)
		if err != nil {
			return err
		}
		var p domain.Problems
		h.checkSubtypeRefs(ctx, &p, z, ref)
		events, err := decide(ctx, &p, z, id, forced)
		if err := combine(p.Err(), err, schema); err != nil || len(events) == 0 {
			return err
		}
		res, err := h.append(ctx, meta, catalogi.ZaaktypeStream(zt), expected, events)
		pos = res.Position
		return err
	})
	if err != nil {
		return err
	}
	return h.await(ctx, pos, h.Projections...)
}

// checkSubtypeRefs holds a sub-type to its zaaktype z: a zaaktype URL in
// the body must name z (a sub-type cannot move to another zaaktype), and a
// catalogus URL z's catalogus (ztc-013).
func (h *Catalogi) checkSubtypeRefs(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, ref subtypeRefs) {
	if ref.zaaktype != "" {
		if id, err := localRef(ctx, "zaaktype", collZaaktypen, ref.zaaktype); !p.Merge(err) && id != z.UUID() {
			p.Add("zaaktype", catalogi.CodeWijzigenNietToegelaten, "Het zaaktype kan niet wijzigen.")
		}
	}
	if ref.catalogus != "" {
		if id, err := localRef(ctx, "catalogus", collCatalogussen, ref.catalogus); !p.Merge(err) && id != z.Catalogus() {
			p.Add("catalogus", catalogi.CodeCatalogusMismatch, "De catalogus is niet die van het zaaktype.")
		}
	}
}

// createSubtype handles the POST of a sub-type, whose body the caller
// decoded (body): its zaaktype comes from the body's zaaktype URL, which
// must name an existing local zaaktype.
func (h *Catalogi) createSubtype(w http.ResponseWriter, r *http.Request, kind Subtype, render Renderer, body decoded, ref subtypeRefs, decide subtypeDecision) {
	ctx := r.Context()
	zt, err := h.zaaktypeField(ctx, ref.zaaktype)
	id := newUUID()
	if err == nil {
		forced := geforceerd(ctx, scopeGeforceerdSchrijven)
		err = h.writeSubtype(ctx, Metadata(r), zt, id, subtypeRefs{catalogus: ref.catalogus}, body.schema, forced,
			func(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, id string, forced bool) ([]domain.Event, error) {
				if !z.Exists() {
					return nil, domain.Invalid("zaaktype", catalogi.CodeDoesNotExist, "Het zaaktype bestaat niet.")
				}
				return decide(ctx, p, z, id, forced)
			})
	}
	created(w, r, err, render, zgw.ResourceURL(r.Context(), string(kind), id), id)
}

// zaaktypeField returns the uuid of the zaaktype URL a sub-type's POST
// names: required, and local.
func (h *Catalogi) zaaktypeField(ctx context.Context, raw string) (string, error) {
	if raw == "" {
		return "", domain.Invalid("zaaktype", "required", "Dit veld is vereist.")
	}
	return localRef(ctx, "zaaktype", collZaaktypen, raw)
}

// updateSubtype handles PUT (partial=false) and PATCH (partial=true) of a
// sub-type: body is decoded first, then the sub-type's zaaktype found
// through Subtypes; ref is read from body only after decoding.
func (h *Catalogi) updateSubtype(w http.ResponseWriter, r *http.Request, kind Subtype, render Renderer, partial bool,
	body any, readOnly []string, decide func(f fields) (subtypeRefs, subtypeDecision)) {
	ctx := r.Context()
	id, err := pathUUID(r)
	var d decoded
	if err == nil {
		d, err = decodeFor(r, body, partial, readOnly...)
	}
	var zt string
	if err == nil {
		zt, err = h.zaaktypeOf(ctx, kind, id)
	}
	if err == nil {
		ref, decision := decide(d.fields)
		err = h.writeSubtype(ctx, Metadata(r), zt, id, ref, d.schema, geforceerd(ctx, scopeGeforceerdSchrijven), decision)
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	render.Render(w, r, http.StatusOK, id)
}

// subtypeBase returns what the update of sub-type id builds on, get being
// how z returns one of its kind: its current fields for a PATCH
// (partial), none for a PUT; a 404 when z does not have it.
func subtypeBase[G any](get func(id string) (G, bool), id string, partial bool) (G, error) {
	var none G
	old, ok := get(id)
	switch {
	case !ok:
		return none, notFound()
	case !partial:
		return none, nil
	}
	return old, nil
}

// deleteSubtype handles the DELETE of a sub-type.
func (h *Catalogi) deleteSubtype(w http.ResponseWriter, r *http.Request, kind Subtype, decide subtypeDecision) {
	ctx := r.Context()
	id, err := pathUUID(r)
	var zt string
	if err == nil {
		zt, err = h.zaaktypeOf(ctx, kind, id)
	}
	if err == nil {
		err = h.writeSubtype(ctx, Metadata(r), zt, id, subtypeRefs{}, nil, geforceerd(ctx, scopeGeforceerdVerwijderen), decide)
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// zaaktypeOf asks Subtypes for the zaaktype of the sub-type; a 404 when it
// knows none.
func (h *Catalogi) zaaktypeOf(ctx context.Context, kind Subtype, id string) (string, error) {
	if h.Subtypes == nil {
		return "", notFound()
	}
	zt, err := h.Subtypes.ZaaktypeOf(ctx, string(kind), id)
	if err == nil && zt == "" {
		err = notFound()
	}
	return zt, err
}

// subref maps raw, the URL of a sub-type of kind given in field, to its
// uuid. A URL that is no local one of kind is bad-url; one whose uuid no
// zaaktype has is does_not_exist. One of another zaaktype than z is
// returned, for the domain to refuse (relations-incorrect-zaaktype).
func (h *Catalogi) subref(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, kind Subtype, field, raw string) (string, error) {
	id, ok := zgw.ParseResourceURL(ctx, string(kind), raw)
	if !ok {
		p.Add(field, refs.CodeBadURL, fmt.Sprintf("%q is geen URL van een resource in %s van deze Catalogi API.", raw, kind))
		return "", nil
	}
	var own bool
	switch kind {
	case SubtypeStatustype:
		_, own = z.Statustype(id)
	case SubtypeEigenschap:
		_, own = z.Eigenschap(id)
	}
	if own || h.Subtypes == nil {
		return id, nil
	}
	zt, err := h.Subtypes.ZaaktypeOf(ctx, string(kind), id)
	if err == nil && zt == "" {
		p.Add(field, catalogi.CodeDoesNotExist, fmt.Sprintf("%q bestaat niet.", raw))
	}
	return id, err
}

// subrefs is subref for a list, reported as field.<index>.
func (h *Catalogi) subrefs(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, kind Subtype, field string, raws []string) ([]string, error) {
	ids := make([]string, 0, len(raws))
	for i, raw := range raws {
		id, err := h.subref(ctx, p, z, kind, fmt.Sprintf("%s.%d", field, i), raw)
		if err != nil {
			return nil, err
		}
		if id != "" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// optionalSubref is subref for a field that may be empty.
func (h *Catalogi) optionalSubref(ctx context.Context, p *domain.Problems, z *catalogi.Zaaktype, kind Subtype, field, raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	return h.subref(ctx, p, z, kind, field, raw)
}
