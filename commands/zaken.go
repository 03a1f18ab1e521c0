package commands

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// API roots of this registry that the Zaken API refers into.
const (
	CatalogiRoot = "/catalogi/api/v1"
	ZakenRoot    = "/zaken/api/v1"
)

// Zaken handles the writes of the Zaken API 1.5.1. A zaak and all its
// sub-resources are one aggregate in one stream: every handler loads it,
// checks that the principal may change a zaak of that zaaktype and
// vertrouwelijkheidaanduiding (zrc-006), gathers the facts the decision
// needs from outside the stream (the zaaktype from the Catalogi streams, a
// hoofdzaak, documents through Refs), lets the aggregate decide, appends at
// the revision it read (retrying a lost race), waits for Projections and
// answers with the resource's Renderer.
type Zaken struct {
	Base
	Identificaties *Identificaties

	// One Renderer per resource, each the read API's GET of that resource.
	Zaken                  Renderer
	Statussen              Renderer
	Resultaten             Renderer
	Rollen                 Renderer
	Zaakobjecten           Renderer
	Zaakinformatieobjecten Renderer
	Zaakeigenschappen      Renderer
	Klantcontacten         Renderer
	Zaakbesluiten          Renderer
	Zaakcontactmomenten    Renderer
	Zaakverzoeken          Renderer

	// Index finds the zaak of a sub-resource for PUT, PATCH and DELETE.
	Index ZaakIndex
	// Refs resolves references to other registries: documents, and the
	// communicatiekanaal and relevanteAndereZaken when they are not local.
	Refs *refs.Resolver
	// Lijsten checks communicatiekanaal and selectielijstklasse against the
	// Referentielijsten API in force.
	Lijsten ZakenLijsten

	// Projections are those a write waits for before it answers.
	Projections []string
	// CatalogiVersie, when set, counts the catalogi events this process
	// has seen applied to the read model; while it stands still, the
	// zaaktypen this handler keeps are known to be current without reading
	// their streams. Nil reads a zaaktype's new events at every use.
	CatalogiVersie *atomic.Uint64

	zaaktypen zaaktypen
}

// ZaakIndex tells which zaak a sub-resource belongs to: its uuid alone
// does not name the zaak's stream, the read model knows. A stale answer
// gives a 404 from the aggregate, never a wrong write.
type ZaakIndex interface {
	// ZaakOf returns the uuid of the zaak of the sub-resource uuid in
	// collection ("statussen", "rollen", ...), or "" when it knows none.
	ZaakOf(ctx context.Context, collection, uuid string) (string, error)
	// Deelzaken returns the uuids of the deelzaken of zaak.
	Deelzaken(ctx context.Context, zaak string) ([]string, error)
}

// ZakenLijsten resolves the Referentielijsten references of a zaak. Each
// returns a validation error on field when url names no such resource.
type ZakenLijsten interface {
	// Communicatiekanaal checks a communicatiekanaal (zrc-010).
	Communicatiekanaal(ctx context.Context, field, url string) error
	// Selectielijstklasse checks a Selectielijst resultaat.
	Selectielijstklasse(ctx context.Context, field, url string) error
}

// Scopes of the Zaken API that change what a write may do.
const (
	scopeLezen               = "zaken.lezen"
	scopeStatussenToevoegen  = "zaken.statussen.toevoegen"
	scopeGeforceerdBijwerken = "zaken.geforceerd-bijwerken"
	scopeHeropenen           = "zaken.heropenen"
)

// Collections of the Zaken API, as they appear in resource URLs.
const (
	collZaken                  = "zaken"
	collStatussen              = "statussen"
	collResultaten             = "resultaten"
	collRollen                 = "rollen"
	collZaakobjecten           = "zaakobjecten"
	collZaakinformatieobjecten = "zaakinformatieobjecten"
	collKlantcontacten         = "klantcontacten"
	collZaakcontactmomenten    = "zaakcontactmomenten"
	collZaakverzoeken          = "zaakverzoeken"
)

// rights returns the principal's autorisaties (nil without a principal).
func rights(ctx context.Context) *autorisaties.Rights {
	if p := zgw.PrincipalFrom(ctx); p != nil {
		return p.Rights
	}
	return nil
}

// operationScopes are the scopes the OAS grants the current operation.
func operationScopes(ctx context.Context) []string {
	if op := zgw.OperationFrom(ctx); op != nil {
		return op.Scopes
	}
	return nil
}

// mayWrite checks zrc-006 for a write on a zaak of zaaktype with
// vertrouwelijkheidaanduiding va: the principal must hold one of the
// operation's scopes for that zaaktype up to that level.
func mayWrite(ctx context.Context, zaaktype, va string) error {
	if rights(ctx).Allows(autorisaties.ZRC, zaaktype, va, operationScopes(ctx)...) {
		return nil
	}
	return domain.Forbidden("permission_denied", "U heeft geen toestemming om deze actie uit te voeren.")
}

// mayRead reports whether the principal may read zaak g (zrc-006): the
// check of mayWrite with scope zaken.lezen, the one every read applies
// through readapi.RightsFilter. Heeft alle autorisaties may read every zaak.
func mayRead(ctx context.Context, g zaken.ZaakGegevens) bool {
	return rights(ctx).Allows(autorisaties.ZRC, g.Zaaktype, string(g.Vertrouwelijkheidaanduiding), scopeLezen)
}

// bevoegdheden are the scopes that lift the closed-zaak rules, for the
// zaak's zaaktype and vertrouwelijkheidaanduiding.
func bevoegdheden(ctx context.Context, g zaken.ZaakGegevens) zaken.Bevoegdheden {
	r, va := rights(ctx), string(g.Vertrouwelijkheidaanduiding)
	return zaken.Bevoegdheden{
		Geforceerd: r.Allows(autorisaties.ZRC, g.Zaaktype, va, scopeGeforceerdBijwerken),
		Heropenen:  r.Allows(autorisaties.ZRC, g.Zaaktype, va, scopeHeropenen),
	}
}

// loadZaak returns the zaak aggregate with uuid; it does not fail for one
// that does not exist.
func (h *Zaken) loadZaak(ctx context.Context, id string) (*zaken.Zaak, eventstore.ExpectedRevision, error) {
	z := zaken.NewZaak(id, h.Clock)
	expected, err := h.Base.load(ctx, zaken.ZaakStream(id), zaken.Decode, z.Apply)
	return z, expected, err
}

// zaakDecision decides on the loaded zaak z; it may gather facts first.
type zaakDecision func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error)

// change loads zaak id, checks that it exists and that the principal may
// write it (zrc-006), lets decide take the decision and appends its events
// at the revision read, again on a lost race; then it waits for the read
// models. A zaak that does not exist is notFound.
func (h *Zaken) change(ctx context.Context, meta eventstore.Metadata, id string, notFound error, decide zaakDecision) error {
	var pos eventstore.Position
	err := retry(func() error {
		z, expected, err := h.loadZaak(ctx, id)
		if err != nil {
			return err
		}
		if !z.Exists() {
			return notFound
		}
		g := z.Gegevens()
		if err := mayWrite(ctx, g.Zaaktype, string(g.Vertrouwelijkheidaanduiding)); err != nil {
			return err
		}
		events, err := decide(ctx, z)
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
	return h.await(ctx, pos, h.Projections...)
}

// zaakOf returns the zaak of sub-resource id in collection, or a 404.
func (h *Zaken) zaakOf(ctx context.Context, collection, id string) (string, error) {
	zaak, err := h.Index.ZaakOf(ctx, collection, id)
	if err != nil {
		return "", err
	}
	if zaak == "" {
		return "", notFound()
	}
	return zaak, nil
}

// zaakField returns the uuid of the zaak a sub-resource's body names:
// required and a zaak of this API; one that does not exist is
// does_not_exist on the field.
func (h *Zaken) zaakField(ctx context.Context, field, raw string) (string, error) {
	if raw == "" {
		return "", domain.Invalid(field, "required", "Dit veld is vereist.")
	}
	id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, raw)
	if !ok {
		return "", domain.Invalid(field, refs.CodeBadURL, "De URL is geen zaak van deze Zaken API.")
	}
	return id, nil
}

// zaakFieldMissing is the answer to a body naming a zaak that does not
// exist.
func zaakFieldMissing(field string) error {
	return domain.Invalid(field, "does_not_exist", "De zaak bestaat niet.")
}

// writeError answers err, or nothing when err is nil; it reports whether
// it answered.
func writeError(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	zgw.WriteError(w, r, err)
	return true
}

// isKind reports whether err is a domain error of kind.
func isKind(err error, kind domain.Kind) bool {
	var de *domain.Error
	return errors.As(err, &de) && de.Kind == kind
}
