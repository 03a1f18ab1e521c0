package zgw_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/zgw"
)

func TestAPIMiddleware(t *testing.T) {
	s := newStack(t)
	reader := sign(t, "reader", "reader-secret", nil)
	tests := []struct {
		name, method, target string
		status               int
		code                 string
		param                string // "name:code" of the first invalidParam
	}{
		{"KnownQueryParameters", "GET", root + "/applicaties?clientIds=a,b&page=1", 200, "", ""},
		{"UnknownQueryParameter", "GET", root + "/applicaties?page=1&foo=1", 400, "invalid", "foo:unknown-parameters"},
		{"QueryParameterOfAnotherOperation", "GET", root + "/applicaties/" + appUUID + "?page=1", 400, "invalid", "page:unknown-parameters"},
		{"UnknownPath", "GET", root + "/onbekend", 404, "not_found", ""},
		{"APIRootItself", "GET", root, 404, "not_found", ""},
		{"TrailingSlash", "GET", root + "/applicaties/", 404, "not_found", ""},
		{"MethodNotInSpec", "PUT", root + "/applicaties", 405, "method_not_allowed", ""},
		{"HEADNotInSpec", "HEAD", root + "/applicaties/" + appUUID, 405, "method_not_allowed", ""},
		{"RouteNotImplementedIs404", "GET", root + "/applicaties/consumer?clientId=x", 404, "not_found", ""},
		{"ScopeOfOperationChecked", "DELETE", root + "/applicaties/" + appUUID, 403, "permission_denied", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := s.do(t, tt.method, tt.target, reader, nil)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if got := rec.Header().Get("API-version"); got != "1.0.0" {
				t.Errorf("API-version %q", got)
			}
			if tt.code == "" || tt.method == "HEAD" {
				return
			}
			p := problem(t, rec)
			if p.Code != tt.code {
				t.Errorf("code %q, want %q", p.Code, tt.code)
			}
			if tt.param != "" && (len(p.InvalidParams) == 0 || p.InvalidParams[0].Name+":"+p.InvalidParams[0].Code != tt.param) {
				t.Errorf("invalidParams %+v, want %s", p.InvalidParams, tt.param)
			}
		})
	}
	t.Run("EveryUnknownParameterNamed", func(t *testing.T) {
		p := problem(t, s.do(t, "GET", root+"/applicaties?zaaktype=x&page=2&foo=1", reader, nil))
		var got []string
		for _, ip := range p.InvalidParams {
			got = append(got, ip.Name+":"+ip.Code)
		}
		if strings.Join(got, ",") != "foo:unknown-parameters,zaaktype:unknown-parameters" {
			t.Errorf("invalidParams %v", got)
		}
	})
	t.Run("AllowHeaderOn405", func(t *testing.T) {
		if got := s.do(t, "PUT", root+"/applicaties", reader, nil).Header().Get("Allow"); got != "GET, POST" {
			t.Errorf("Allow %q", got)
		}
	})
}

func TestAPIHandler_DocumentsWithoutAuthentication(t *testing.T) {
	s := newStack(t)
	for _, path := range []string{"/openapi.yaml", "/openapi.json", "/schema/openapi.yaml", "/schema/openapi.json"} {
		rec := s.do(t, "GET", root+path, "", nil)
		if rec.Code != 200 || rec.Header().Get("API-version") != "1.0.0" || rec.Body.Len() < 1000 {
			t.Errorf("%s: %d, API-version %q, %d bytes", path, rec.Code, rec.Header().Get("API-version"), rec.Body.Len())
		}
	}
}

// TestMountOrder shows the production order (request id -> access log ->
// metrics -> recover -> Authenticate -> API.Middleware -> routes) doing its
// work on one request that fails authentication and one that succeeds.
func TestMountOrder(t *testing.T) {
	s := newStack(t)

	rec := s.do(t, "GET", root+"/applicaties", "", nil, "X-Request-ID", "req-abc")
	if rec.Code != 403 || rec.Header().Get("X-Request-ID") != "req-abc" || rec.Header().Get("API-version") != "1.0.0" {
		t.Errorf("failed authentication: %d, X-Request-ID %q, API-version %q", rec.Code, rec.Header().Get("X-Request-ID"), rec.Header().Get("API-version"))
	}
	line := lastLog(t, s.logs, "req-abc")
	if line["status"] != float64(403) || line["api"] != "autorisaties" || line["operation"] != "applicatie_list" {
		t.Errorf("log line %v", line)
	}

	rec = s.do(t, "GET", root+"/applicaties/"+appUUID, sign(t, "reader", "reader-secret", nil), nil)
	id := rec.Header().Get("X-Request-ID")
	if rec.Code != 200 || id == "" {
		t.Fatalf("%d, X-Request-ID %q", rec.Code, id)
	}
	line = lastLog(t, s.logs, id)
	if line["operation"] != "applicatie_read" || line["client_id"] != "reader" || line["status"] != float64(200) {
		t.Errorf("log line %v", line)
	}
	if n := testutil.CollectAndCount(s.reg, "zaakregister_http_request_duration_seconds"); n != 2 {
		t.Errorf("%d series, want 2 (403 applicatie_list, 200 applicatie_read)", n)
	}
	want := `zaakregister_http_request_duration_seconds_count{api="autorisaties",operation="applicatie_read",status="200"} 1`
	if out := gather(t, s); !strings.Contains(out, want) {
		t.Errorf("metrics lack %s:\n%s", want, out)
	}
}

// gather renders the stack's metrics in the text exposition format.
func gather(t testing.TB, s *stack) string {
	t.Helper()
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	return rec.Body.String()
}

// TestMiddleware_HEADNeedsTheScopesOfGET: HEAD operations declare no scope
// (RULES 3.4); the middleware asks those of the GET on the same path.
func TestMiddleware_HEADNeedsTheScopesOfGET(t *testing.T) {
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	api := &zgw.API{Name: "zaken", Root: "/zaken/api/v1", Component: autorisaties.ZRC, Spec: spec, BaseURL: baseURL}
	var op *oas.Operation
	h := api.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { op = zgw.OperationFrom(r.Context()) }))
	tests := []struct {
		name   string
		rights *autorisaties.Rights
		status int
	}{
		{"WithZakenLezen", testRights["zaken"], 200},
		{"WithoutZakenLezen", testRights["reader"], 403},
		{"WithoutApplicatie", nil, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op = nil
			req := httptest.NewRequest("HEAD", "/zaken/api/v1/zaken/"+appUUID, nil)
			req = req.WithContext(zgw.WithPrincipal(req.Context(), &zgw.Principal{ClientID: "c", Rights: tt.rights}))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if tt.status == 200 && (op == nil || op.ID != "zaak_headers") {
				t.Errorf("OperationFrom = %v, want zaak_headers", op)
			}
			if rec.Header().Get("API-version") != "1.5.1" {
				t.Errorf("API-version %q", rec.Header().Get("API-version"))
			}
		})
	}
}

func TestMiddleware_WithoutPrincipalIsUnauthenticated(t *testing.T) {
	spec, _ := oas.Load("autorisaties-1.0.0")
	api := &zgw.API{Name: "autorisaties", Root: root, Component: autorisaties.AC, Spec: spec}
	rec := httptest.NewRecorder()
	api.Middleware(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest("GET", root+"/applicaties", nil))
	if p := problem(t, rec); rec.Code != 403 || p.Code != zgw.CodeNotAuthenticated {
		t.Errorf("%d %q", rec.Code, p.Code)
	}
}

// TestAPIHandler_Public: a Public API reads no token and admits anonymous
// clients to operations without scopes; it still refuses them an
// operation that declares scopes.
func TestAPIHandler_Public(t *testing.T) {
	tests := []struct {
		spec, root, target string
		status             int
	}{
		{"referentielijsten-0.6.0", "/referentielijsten/api/v1", "/referentielijsten/api/v1/procestypen", 200},
		{"autorisaties-1.0.0", root, root + "/applicaties", 403},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			spec, err := oas.Load(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			api := &zgw.API{Name: "public", Root: tt.root, Spec: spec, Public: true}
			h := api.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				zgw.WriteJSON(w, r, http.StatusOK, []string{})
			}))
			req := httptest.NewRequest("GET", tt.target, nil)
			req.Header.Set("Authorization", "Bearer not-a-jwt")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
		})
	}
}
