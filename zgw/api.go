package zgw

import (
	"context"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/oas"
)

// API is one ZGW API as served: its name, root, component (for scope
// checks) and specification.
type API struct {
	// Name labels logs and metrics ("autorisaties").
	Name string
	// Root is the API root path, without trailing slash ("/autorisaties/api/v1").
	Root string
	// Component is the component whose autorisaties grant this API's scopes.
	Component autorisaties.Component
	// Spec is the specification the API serves and is checked against.
	Spec *oas.Spec
	// BaseURL is the public scheme and host, without trailing slash
	// ("https://zaken.example.nl"); resource URLs start with it. Empty means
	// derived from each request's Host, for development only.
	BaseURL string
	// Aliases are former base URLs of the registry ("http://10.0.0.5:8000"):
	// a URL under one of them is taken for the resource of this registry it
	// names (ParseResourceURL), so that clients and stored data that hold
	// URLs from before a move keep working. Responses use BaseURL only.
	Aliases []string
	// StrictBodies refuses request body fields the operation does not
	// have (400 unknown-field) instead of ignoring them as the reference
	// implementation does: for client developers (ZAAKREGISTER_STRICT_BODIES).
	StrictBodies bool
	// Public APIs (Referentielijsten) are open to anonymous clients: Handler
	// reads no Authorization header, and an operation that declares no
	// scopes needs no principal. One that does is still refused.
	Public bool
}

// Handler returns the handler for everything below a.Root: the OpenAPI
// documents ({root}/openapi.yaml, /openapi.json and the same under
// /schema/), public and without authentication, and every other request
// through authenticate (skipped, and may be nil, when a.Public), then
// a.Middleware, then routes. Every response, also authentication failures,
// carries the API-version header. Mount it for the whole root (chi:
// r.Mount(a.Root, h); http.ServeMux: mux.Handle(a.Root+"/", h)), without
// stripping the prefix.
//
// routes always see the full request path, Root included, however the
// handler is mounted: a chi router as routes starts routing afresh instead
// of continuing the mounting router's (which would hand it the path below
// Root). So a route table reads r.Route(a.Root, ...) in every setup.
func (a *API) Handler(authenticate func(http.Handler) http.Handler, routes http.Handler) http.Handler {
	docs := a.Spec.Handler()
	protected := a.Middleware(routes)
	if !a.Public {
		protected = authenticate(protected)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = a.prelude(w, r)
		switch strings.TrimPrefix(r.URL.Path, a.Root) {
		case "/openapi.yaml", "/openapi.json", "/schema/openapi.yaml", "/schema/openapi.json":
			docs.ServeHTTP(w, r)
		default:
			ctx := context.WithValue(r.Context(), chi.RouteCtxKey, nil)
			protected.ServeHTTP(w, r.WithContext(ctx))
		}
	})
}

// prelude sets the API-version header and puts the API in the context; it
// runs before anything can fail, so every response carries the header.
func (a *API) prelude(w http.ResponseWriter, r *http.Request) *http.Request {
	w.Header().Set("API-version", a.Spec.Version())
	if APIFrom(r.Context()) == a {
		return r
	}
	r, st := state(r)
	st.api = a.Name
	// Label logs and metrics with the operation also when authentication
	// turns the request away before Middleware runs.
	if op, ok := a.Spec.Operation(r.Method, strings.TrimPrefix(r.URL.EscapedPath(), a.Root)); ok {
		st.operation = op.ID
	}
	ctx := context.WithValue(WithAPI(r.Context(), a), baseKey, a.baseURL(r))
	return r.WithContext(ctx)
}

// Middleware enforces the OAS on a request to the API, after
// Authenticate: it sets the API-version header; answers 404 for a path the
// specification does not have and 405 for a method it does not list there;
// 403 permission_denied unless the principal holds one of the operation's
// scopes for a.Component (a HEAD, which declares none, needs those of the
// GET beside it, as in the reference implementation; an operation without
// any, such as DRC verzendingen, needs only an applicatie, and nothing in a
// Public API); and 400 invalid with one invalidParam (name = the
// parameter, code unknown-parameters) per query parameter the operation
// does not declare (RULES 2.3). The matched operation is put in the
// context (OperationFrom).
func (a *API) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = a.prelude(w, r)
		op, err := a.operation(r)
		if err != nil {
			WriteError(w, r, err)
			return
		}
		if err := a.authorise(r, op); err != nil {
			WriteError(w, r, err)
			return
		}
		if err := queryParameters(r, op); err != nil {
			WriteError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithOperation(r.Context(), op)))
	})
}

func (a *API) operation(r *http.Request) (*oas.Operation, error) {
	rel, ok := strings.CutPrefix(r.URL.EscapedPath(), a.Root)
	if !ok || rel == "" {
		return nil, domain.NotFound("Niet gevonden.")
	}
	if op, ok := a.Spec.Operation(r.Method, rel); ok {
		return op, nil
	}
	methods := a.Spec.Methods(rel)
	if len(methods) == 0 {
		return nil, domain.NotFound("Niet gevonden.")
	}
	return nil, methodNotAllowed{method: r.Method, allowed: methods}
}

func (a *API) authorise(r *http.Request, op *oas.Operation) error {
	scopes := op.Scopes
	if op.Method == http.MethodHead && len(scopes) == 0 {
		if get, ok := a.Spec.Operation(http.MethodGet, strings.TrimPrefix(r.URL.EscapedPath(), a.Root)); ok {
			scopes = get.Scopes
		}
	}
	p := PrincipalFrom(r.Context())
	if p == nil {
		if a.Public && len(scopes) == 0 {
			return nil
		}
		return unauthenticated(CodeNotAuthenticated, "Authenticatiegegevens zijn niet opgegeven.")
	}
	if !p.Rights.HasScope(a.Component, scopes...) {
		return domain.Forbidden("permission_denied", "U heeft geen toestemming om deze actie uit te voeren.")
	}
	return nil
}

// queryParameters refuses the query parameters op does not declare and
// the values no text column can hold (ValidText).
func queryParameters(r *http.Request, op *oas.Operation) error {
	var p domain.Problems
	query := r.URL.Query()
	for _, name := range slices.Sorted(maps.Keys(query)) {
		if _, ok := op.QueryParams[name]; !ok {
			// One entry per parameter, named by it; the reference
			// implementation lumps them into one nonFieldErrors entry with
			// the same code.
			p.Add(name, "unknown-parameters", "Onbekende query parameter: "+name+".")
			continue
		}
		if slices.ContainsFunc(query[name], func(v string) bool { return !ValidText(v) }) {
			p.Add(name, "invalid", "Ongeldige tekens in de waarde.")
		}
	}
	return p.Err()
}

// ValidText reports whether v can be a text value: UTF-8 without a NUL
// character, which PostgreSQL cannot take.
func ValidText(v string) bool {
	return utf8.ValidString(v) && !strings.ContainsRune(v, 0)
}

// baseURL is a.BaseURL, or the request's own scheme and host when unset.
func (a *API) baseURL(r *http.Request) string {
	if a.BaseURL != "" {
		return strings.TrimSuffix(a.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
