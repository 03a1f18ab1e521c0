package zgw_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/zgw"
)

func TestWriteJSONETag(t *testing.T) {
	v := map[string]string{"url": baseURL + "/x?a=1&b=2"}
	first := httptest.NewRecorder()
	zgw.WriteJSONETag(first, apiRequest("GET", "/x"), http.StatusOK, v)
	etag := first.Header().Get("ETag")
	if first.Code != 200 || !strings.HasPrefix(etag, `"`) || strings.HasPrefix(etag, "W/") {
		t.Fatalf("status %d, ETag %q; want 200 and a strong ETag", first.Code, etag)
	}
	if body := first.Body.String(); body != `{"url":"http://localhost:8000/x?a=1&b=2"}` {
		t.Errorf("body %s (URLs must not be HTML-escaped)", body)
	}
	tests := []struct {
		name        string
		method      string
		ifNoneMatch string
		status      int
		body        bool
	}{
		{"NoCondition", "GET", "", 200, true},
		{"Match", "GET", etag, 304, false},
		{"MatchInList", "GET", `"abc", ` + etag, 304, false},
		{"WeakMatch", "GET", "W/" + etag, 304, false},
		{"Star", "GET", "*", 304, false},
		{"NoMatch", "GET", `"abc"`, 200, true},
		{"HEADSameHeadersNoBody", "HEAD", "", 200, false},
		{"HEADMatch", "HEAD", etag, 304, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := apiRequest(tt.method, "/x")
			if tt.ifNoneMatch != "" {
				req.Header.Set("If-None-Match", tt.ifNoneMatch)
			}
			rec := httptest.NewRecorder()
			zgw.WriteJSONETag(rec, req, http.StatusOK, v)
			if rec.Code != tt.status || (rec.Body.Len() > 0) != tt.body {
				t.Errorf("status %d with %d bytes; want %d, body %v", rec.Code, rec.Body.Len(), tt.status, tt.body)
			}
			if got := rec.Header().Get("ETag"); got != etag {
				t.Errorf("ETag %q, want %q", got, etag)
			}
			if tt.method == "HEAD" && tt.status == 200 && rec.Header().Get("Content-Length") != first.Header().Get("Content-Length") {
				t.Errorf("HEAD Content-Length %q, GET %q", rec.Header().Get("Content-Length"), first.Header().Get("Content-Length"))
			}
		})
	}
	t.Run("DifferentBaseURLDifferentETag", func(t *testing.T) {
		other := httptest.NewRecorder()
		zgw.WriteJSONETag(other, apiRequest("GET", "/x"), http.StatusOK, map[string]string{"url": "https://elders/x?a=1&b=2"})
		if other.Header().Get("ETag") == etag {
			t.Error("equivalent representation under another base URL has the same ETag")
		}
	})
}

func TestWriteJSON_UnmarshalableValueIs500(t *testing.T) {
	rec := httptest.NewRecorder()
	zgw.WriteJSON(rec, apiRequest("GET", "/x"), http.StatusOK, map[string]any{"f": func() {}})
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("%d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}
