package commands

import (
	"context"
	"errors"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// Catalogi handles the writes of the Catalogi API 1.3.1. Every handler
// decodes the request, maps it onto the domain's Gegevens (local URLs
// become uuids), gathers the facts the aggregate needs from other streams
// and from Selectielijst, lets the aggregate decide, appends with the
// revision it read (retrying a lost race), waits for Projections and
// renders through the resource's Renderer.
type Catalogi struct {
	Base

	// One Renderer per resource, each the read API's GET of that resource.
	Catalogussen                  Renderer
	Zaaktypen                     Renderer
	Informatieobjecttypen         Renderer
	Besluittypen                  Renderer
	Statustypen                   Renderer
	Roltypen                      Renderer
	Resultaattypen                Renderer
	Eigenschappen                 Renderer
	Zaakobjecttypen               Renderer
	ZaaktypeInformatieobjecttypen Renderer

	// Selectielijst resolves selectielijstProcestype, selectielijstklasse
	// and resultaattypeomschrijving URLs.
	Selectielijst Selectielijst
	// Subtypes finds the zaaktype of a sub-type for PUT, PATCH and DELETE.
	Subtypes SubtypeIndex
	// Versions finds the concept versions that a reference by
	// omschrijving or identificatie may name; published ones are found in
	// the Versies streams without it.
	Versions VersionIndex

	// Projections are those a write waits for before it answers.
	Projections []string
}

// Selectielijst resolves the Selectielijst and Referentielijsten URLs of
// the Catalogi API. Each method returns a *domain.Error of kind invalid
// with one invalidParam on field (codes bad-url or invalid-resource, as
// refs.Resolver gives them) when url does not name a resource of that kind;
// any other error is the registry's fault.
type Selectielijst interface {
	// Procestype checks that url names a Selectielijst procestype (ztc-001).
	Procestype(ctx context.Context, field, url string) error
	// Resultaat returns the Selectielijst resultaat url names. Its
	// ProcestypeURL must be written as zaaktypen write their
	// selectielijstProcestype, since ztc-002 compares the two.
	Resultaat(ctx context.Context, field, url string) (catalogi.SelectielijstResultaat, error)
	// ResultaatTypeOmschrijving returns the omschrijving of the
	// Referentielijsten resultaattypeomschrijving url names.
	ResultaatTypeOmschrijving(ctx context.Context, field, url string) (string, error)
}

// Subtype names a kind of sub-type of a zaaktype, as its collection in the
// API does.
type Subtype string

// The sub-types of a zaaktype.
const (
	SubtypeStatustype                   Subtype = "statustypen"
	SubtypeRoltype                      Subtype = "roltypen"
	SubtypeResultaattype                Subtype = "resultaattypen"
	SubtypeEigenschap                   Subtype = "eigenschappen"
	SubtypeZaakobjecttype               Subtype = "zaakobjecttypen"
	SubtypeZaaktypeInformatieobjecttype Subtype = "zaaktype-informatieobjecttypen"
)

// SubtypeIndex tells which zaaktype a sub-type belongs to. A sub-type lives
// in its zaaktype's stream, and its uuid alone does not name that stream;
// the read model knows. It is only a pointer: the zaaktype's aggregate then
// decides whether the sub-type exists, so a stale answer gives a 404, never
// a wrong write.
type SubtypeIndex interface {
	// ZaaktypeOf returns the uuid of the zaaktype the sub-type with uuid in
	// collection (a Subtype's value) belongs to, or "" when it knows none.
	ZaaktypeOf(ctx context.Context, collection, uuid string) (string, error)
}

// VersionIndex finds the versions of a type by the key that the 1.3.1
// write schemas refer to it with: zaaktypen by identificatie,
// informatieobjecttypen and besluittypen by omschrijving. Like SubtypeIndex
// it only points: every uuid it returns is loaded from its stream and
// checked before it counts.
type VersionIndex interface {
	// VersionsOf returns the uuids of the versions, concept or published,
	// of soort with key in catalogus (a uuid); none is not an error.
	VersionsOf(ctx context.Context, soort catalogi.Soort, catalogus, key string) ([]string, error)
}

// Scopes that turn a refused change of a published type into a correctie.
const (
	scopeGeforceerdSchrijven   = "catalogi.geforceerd-schrijven"
	scopeGeforceerdVerwijderen = "catalogi.geforceerd-verwijderen"
)

// geforceerd reports whether the principal in ctx holds scope for the
// Catalogi API.
func geforceerd(ctx context.Context, scope string) bool {
	p := zgw.PrincipalFrom(ctx)
	return p != nil && p.Rights.HasScope(autorisaties.ZTC, scope)
}

// maxAttempts bounds the retries of a write that lost a race for its
// stream's revision; the last loss is answered as the conflict it is.
const maxAttempts = 5

// retry runs attempt again while it fails with a wrong expected revision:
// another write changed the stream between load and append, so the
// decision is taken afresh on the new state.
func retry(attempt func() error) error {
	var err error
	for range maxAttempts {
		err = attempt()
		if !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
			return err
		}
	}
	return err
}

// loadCatalogus returns the catalogus aggregate with uuid; it does not
// fail for one that does not exist.
func (h *Catalogi) loadCatalogus(ctx context.Context, id string) (*catalogi.Catalogus, eventstore.ExpectedRevision, error) {
	c := catalogi.NewCatalogus(id)
	expected, err := h.Base.load(ctx, catalogi.CatalogusStream(id), catalogi.Decode, c.Apply)
	return c, expected, err
}

// loadZaaktype returns the zaaktype aggregate with uuid; it does not fail
// for one that does not exist.
func (h *Catalogi) loadZaaktype(ctx context.Context, id string) (*catalogi.Zaaktype, eventstore.ExpectedRevision, error) {
	z := catalogi.NewZaaktype(id)
	expected, err := h.Base.load(ctx, catalogi.ZaaktypeStream(id), catalogi.Decode, z.Apply)
	return z, expected, err
}

// later returns the later of two log positions.
func later(a, b eventstore.Position) eventstore.Position {
	if a.Less(b) {
		return b
	}
	return a
}

// notFound is the 404 of a resource that does not exist.
func notFound() error { return domain.NotFound("Niet gevonden.") }

// pathUUID returns the {uuid} of the request, or a 404 for one that is no
// uuid.
func pathUUID(r *http.Request) (string, error) {
	id := zgw.PathUUID(r)
	if id == "" {
		return "", notFound()
	}
	return id, nil
}

// created answers the create of resource id, at location, that ended with
// err: Location and the rendered resource with 201, or the problem of err;
// a create that is stored but not yet readable names its Location too.
func created(w http.ResponseWriter, r *http.Request, err error, render Renderer, location, id string) {
	if err == nil || errors.As(err, new(*zgw.NotYetReadable)) {
		w.Header().Set("Location", location)
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	render.Render(w, r, http.StatusCreated, id)
}

// actie is the audit trail's name of an update.
func actie(partial bool) string {
	if partial {
		return catalogi.ActiePartialUpdate
	}
	return catalogi.ActieUpdate
}
