package zgw_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/zgw"
)

// The test API is the Autorisaties API with a one-applicatie fake behind
// it, served through the whole production stack and validated against its
// specification on every response.
const (
	root      = "/autorisaties/api/v1"
	baseURL   = "http://localhost:8000"
	appUUID   = "6f2a5b1c-8d3e-4f70-9a1b-2c3d4e5f6a7b"
	panicUUID = "00000000-0000-4000-8000-00000000dead"
	listCount = 250 // applicaties the fake list pretends to have
)

var now = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// secrets and rights are hand-written fakes of the zgw interfaces.
type secrets map[string][]string

func (s secrets) ClientSecrets(_ context.Context, clientID string) ([]string, error) {
	return s[clientID], nil
}

type rights map[string]*autorisaties.Rights

func (r rights) Rights(_ context.Context, clientID string) (*autorisaties.Rights, error) {
	return r[clientID], nil
}

// The clients of the test stack.
var (
	testSecrets = secrets{
		"reader":   {"reader-secret"},
		"admin":    {"admin-secret"},
		"zaken":    {"zaken-secret"},
		"orphan":   {"orphan-secret"},
		"rotating": {"old-secret", "new-secret"},
	}
	testRights = rights{
		"reader":   {Autorisaties: []autorisaties.Autorisatie{{Component: autorisaties.AC, Scopes: []string{"autorisaties.lezen"}}}},
		"admin":    {HeeftAlleAutorisaties: true},
		"zaken":    {Autorisaties: []autorisaties.Autorisatie{{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: "http://z/1", MaxVertrouwelijkheidaanduiding: "geheim"}}},
		"rotating": {Autorisaties: []autorisaties.Autorisatie{{Component: autorisaties.AC, Scopes: []string{"autorisaties.lezen"}}}},
		// "orphan" has a secret but no applicatie.
	}
)

// stack is the production middleware order around the test API.
type stack struct {
	handler http.Handler
	logs    *syncBuffer
	reg     *prometheus.Registry
}

func newStack(t testing.TB) *stack {
	t.Helper()
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	api := &zgw.API{Name: "autorisaties", Root: root, Component: autorisaties.AC, Spec: spec, BaseURL: baseURL}
	s := &stack{logs: &syncBuffer{}, reg: prometheus.NewRegistry()}
	auth := zgw.Authenticate(zgw.AuthConfig{Secrets: testSecrets, Rights: testRights, Leeway: time.Minute, Now: func() time.Time { return now }})

	r := chi.NewRouter()
	// request id -> logging/metrics -> recover -> Authenticate -> API.Middleware -> routes
	r.Use(zgw.RequestIDs, zgw.AccessLog(slog.New(slog.NewJSONHandler(s.logs, nil))), zgw.Instrument(s.reg), zgw.Recover)
	r.Mount(root, api.Handler(auth, applicatieRoutes()))
	r.Handle("/healthz", zgw.Health(func(context.Context) error { return nil }))
	s.handler = oastest.Validate(t, spec, root, r)
	return s
}

// applicatieRoutes is a fake Autorisaties route table; API.Handler gives
// it the full path, API root included.
func applicatieRoutes() http.Handler {
	mux := chi.NewRouter()
	mux.NotFound(func(w http.ResponseWriter, r *http.Request) { zgw.WriteError(w, r, domain.NotFound("Niet gevonden.")) })
	r := chi.NewRouter()
	mux.Mount(root, r)
	r.Get("/applicaties", func(w http.ResponseWriter, r *http.Request) {
		page, err := zgw.PageParam(r)
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		results := []applicatie{}
		for i := zgw.Offset(page, zgw.DefaultPageSize); i < listCount && len(results) < zgw.DefaultPageSize; i++ {
			results = append(results, newApplicatie(r.Context(), appUUID))
		}
		zgw.WritePage(w, r, page, zgw.DefaultPageSize, listCount, results)
	})
	r.Post("/applicaties", func(w http.ResponseWriter, r *http.Request) {
		var g autorisaties.Gegevens
		if err := zgw.DecodeJSON(r, &g, "url"); err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		if err := g.Validate(); err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		if g.Autorisaties == nil {
			g.Autorisaties = []autorisaties.Autorisatie{} // an array, not nullable in the OAS
		}
		a := applicatie{URL: zgw.ResourceURL(r.Context(), "applicaties", appUUID), Gegevens: g}
		w.Header().Set("Location", a.URL)
		zgw.WriteJSON(w, r, http.StatusCreated, a)
	})
	r.Get("/applicaties/{uuid}", func(w http.ResponseWriter, r *http.Request) {
		switch chi.URLParam(r, "uuid") {
		case appUUID:
			// The AC declares no ETag (RULES 2.5), so no WriteJSONETag here.
			zgw.WriteJSON(w, r, http.StatusOK, newApplicatie(r.Context(), appUUID))
		case panicUUID:
			panic("handler bug")
		default:
			zgw.WriteError(w, r, domain.NotFound("Applicatie niet gevonden."))
		}
	})
	r.Delete("/applicaties/{uuid}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	return mux
}

type applicatie struct {
	URL string `json:"url"`
	autorisaties.Gegevens
}

func newApplicatie(ctx context.Context, id string) applicatie {
	return applicatie{URL: zgw.ResourceURL(ctx, "applicaties", id), Gegevens: autorisaties.Gegevens{
		ClientIDs: []string{"zaakregister"}, Label: "Zaakregister", HeeftAlleAutorisaties: true, Autorisaties: []autorisaties.Autorisatie{},
	}}
}

// do sends a request through the stack.
func (s *stack) do(t testing.TB, method, target, token string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, req)
	return rec
}

// problem decodes a problem response.
func problem(t testing.TB, rec *httptest.ResponseRecorder) zgw.Problem {
	t.Helper()
	var p zgw.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatalf("no problem body (%d): %v: %s", rec.Code, err, rec.Body)
	}
	return p
}

// sign makes an HS256 ZGW token for clientID with the standard claims,
// changed by edit (a nil value deletes a claim).
func sign(t testing.TB, clientID, secret string, edit map[string]any) string {
	t.Helper()
	c := jwt.MapClaims{"iss": clientID, "iat": now.Unix(), "client_id": clientID, "user_id": "u1", "user_representation": "U. Ser"}
	for k, v := range edit {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// forge builds a token with any header, HMAC-SHA256 signed with secret:
// the algorithm-confusion attack when the header claims RS256.
func forge(header map[string]any, claims map[string]any, secret string) string {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	unsigned := enc(header) + "." + enc(claims)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(unsigned))
	return unsigned + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// syncBuffer is a log sink safe for concurrent handlers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lastLog returns the last JSON log line containing substr.
func lastLog(t testing.TB, logs *syncBuffer, substr string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], substr) {
			var m map[string]any
			if err := json.Unmarshal([]byte(lines[i]), &m); err != nil {
				t.Fatal(err)
			}
			return m
		}
	}
	t.Fatalf("no log line with %q in:\n%s", substr, logs)
	return nil
}
