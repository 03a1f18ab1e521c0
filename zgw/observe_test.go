package zgw_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/zaakregister/zaakregister/zgw"
)

func TestRequestIDs(t *testing.T) {
	tests := []struct {
		name, incoming string
		kept           bool
	}{
		{"ClientIDKept", "abc-123", true},
		{"NoneGetsUUID", "", false},
		{"TooLongReplaced", strings.Repeat("a", 129), false},
		{"ControlCharactersReplaced", "abc\x01def", false},
		{"SpacesReplaced", "a b", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inCtx string
			h := zgw.RequestIDs(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { inCtx = zgw.RequestID(r.Context()) }))
			req := httptest.NewRequest("GET", "/", nil)
			if tt.incoming != "" {
				req.Header.Set("X-Request-ID", tt.incoming)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			out := rec.Header().Get("X-Request-ID")
			if out == "" || out != inCtx || (out == tt.incoming) != tt.kept || (!tt.kept && len(out) != 36) {
				t.Errorf("incoming %q, response %q, context %q", tt.incoming, out, inCtx)
			}
		})
	}
}

func TestRecover(t *testing.T) {
	s := newStack(t)
	rec := s.do(t, "GET", root+"/applicaties/"+panicUUID, sign(t, "reader", "reader-secret", nil), nil)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "handler bug") {
		t.Fatalf("status %d, body %s; want a generic 500", rec.Code, rec.Body)
	}
	line := lastLog(t, s.logs, `"msg":"panic"`)
	if line["panic"] != "handler bug" || line["request_id"] != rec.Header().Get("X-Request-ID") || !strings.Contains(line["stack"].(string), "stack_test.go") {
		t.Errorf("panic log %v", line)
	}
	if p := problem(t, rec); p.Code != "error" {
		t.Errorf("code %q", p.Code)
	}
}

func TestRecover_AbortHandlerPassesThrough(t *testing.T) {
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	zgw.Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) })).
		ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestInstrument_RegisterTwice(t *testing.T) {
	reg := prometheus.NewRegistry()
	zgw.Instrument(reg)
	zgw.Instrument(reg) // a second server on the same registry must not panic
}

func TestHealth(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		ready  error
		status int
	}{
		{"Live", "/healthz", errors.New("db down"), 200},
		{"Ready", "/readyz", nil, 200},
		{"NotReady", "/readyz", errors.New("db down"), 503},
		{"Other", "/other", nil, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := zgw.Health(func(ctx context.Context) error {
				if _, ok := ctx.Deadline(); !ok {
					t.Error("ready called without deadline")
				}
				return tt.ready
			})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if strings.Contains(rec.Body.String(), "db down") {
				t.Errorf("reason leaked: %s", rec.Body)
			}
		})
	}
}
