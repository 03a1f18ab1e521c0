package oas_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/zaakregister/zaakregister/oas"
)

func TestHandler(t *testing.T) {
	s, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := oas.Raw("autorisaties-1.0.0")
	h := http.StripPrefix("/autorisaties/api/v1", s.Handler())

	for _, path := range []string{"/openapi.yaml", "/schema/openapi.yaml"} {
		t.Run("YAMLIsUpstreamBytes"+path, func(t *testing.T) {
			rec := serve(h, "GET", "/autorisaties/api/v1"+path, nil)
			if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), raw) {
				t.Fatalf("status %d, %d bytes; want 200 and the %d upstream bytes", rec.Code, rec.Body.Len(), len(raw))
			}
			if got := rec.Header().Get("API-version"); got != "1.0.0" {
				t.Errorf("API-version %q", got)
			}
		})
	}
	for _, path := range []string{"/openapi.json", "/schema/openapi.json"} {
		t.Run("JSONIsTheDocument"+path, func(t *testing.T) {
			rec := serve(h, "GET", "/autorisaties/api/v1"+path, nil)
			var doc struct {
				OpenAPI string         `json:"openapi"`
				Paths   map[string]any `json:"paths"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || doc.OpenAPI == "" || len(doc.Paths) != 3 {
				t.Fatalf("status %d, %v, %+v", rec.Code, err, doc.OpenAPI)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
	t.Run("ConditionalGET", func(t *testing.T) {
		etag := serve(h, "GET", "/autorisaties/api/v1/openapi.yaml", nil).Header().Get("ETag")
		rec := serve(h, "GET", "/autorisaties/api/v1/openapi.yaml", http.Header{"If-None-Match": {etag}})
		if etag == "" || rec.Code != http.StatusNotModified {
			t.Errorf("ETag %q, status %d; want 304", etag, rec.Code)
		}
	})
	t.Run("HEADHasNoBody", func(t *testing.T) {
		rec := serve(h, "HEAD", "/autorisaties/api/v1/openapi.json", nil)
		if rec.Code != 200 || rec.Body.Len() != 0 {
			t.Errorf("status %d, %d bytes", rec.Code, rec.Body.Len())
		}
	})
	t.Run("POSTNotAllowed", func(t *testing.T) {
		if rec := serve(h, "POST", "/autorisaties/api/v1/openapi.yaml", nil); rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("status %d", rec.Code)
		}
	})
	t.Run("OtherPathNotFound", func(t *testing.T) {
		if rec := serve(h, "GET", "/autorisaties/api/v1/openapi.xml", nil); rec.Code != http.StatusNotFound {
			t.Errorf("status %d", rec.Code)
		}
	})
}

func serve(h http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
