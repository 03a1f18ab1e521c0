package readapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRequireCRS(t *testing.T) {
	const ok, precondition, notAcceptable = http.StatusTeapot, http.StatusPreconditionFailed, http.StatusNotAcceptable
	wgs := "EPSG:4326"
	rd := "EPSG:28992"
	cases := []struct {
		method          string
		accept, content *string // nil: header absent
		status          int
		detail          string
	}{
		{http.MethodGet, &wgs, nil, ok, ""},
		{http.MethodGet, &wgs, &rd, ok, ""}, // a GET has no geometry in its body
		{http.MethodGet, nil, &wgs, precondition, "'Accept-Crs' header ontbreekt"},
		{http.MethodGet, &rd, nil, notAcceptable, "CRS 'EPSG:28992' is niet ondersteund"},
		{http.MethodHead, nil, nil, precondition, ""},
		{http.MethodHead, &wgs, nil, ok, ""},
		{http.MethodPost, &wgs, &wgs, ok, ""},
		{http.MethodPost, &wgs, nil, precondition, "'Content-Crs' header ontbreekt"},
		{http.MethodPost, nil, &wgs, precondition, "'Accept-Crs' header ontbreekt"},
		{http.MethodPost, &wgs, &rd, notAcceptable, "CRS 'EPSG:28992' is niet ondersteund"},
		{http.MethodPost, &rd, &wgs, notAcceptable, "CRS 'EPSG:28992' is niet ondersteund"},
		{http.MethodPut, &wgs, nil, precondition, "'Content-Crs' header ontbreekt"},
		{http.MethodPut, &wgs, &wgs, ok, ""},
		{http.MethodPatch, nil, nil, precondition, "'Content-Crs' header ontbreekt"},
		{http.MethodPatch, &wgs, &wgs, ok, ""},
		{http.MethodDelete, nil, nil, ok, ""}, // as the reference implementation: DELETE checks nothing
		{http.MethodDelete, &rd, &rd, ok, ""},
	}
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(ok) })
	for _, c := range cases {
		name := c.method
		for _, h := range []struct {
			n string
			v *string
		}{{"Accept-Crs", c.accept}, {"Content-Crs", c.content}} {
			if h.v != nil {
				name += " " + h.n + "=" + *h.v
			}
		}
		t.Run(name, func(t *testing.T) {
			r := httptest.NewRequest(c.method, "/zaken/api/v1/zaken", nil)
			if c.accept != nil {
				r.Header.Set("Accept-Crs", *c.accept)
			}
			if c.content != nil {
				r.Header.Set("Content-Crs", *c.content)
			}
			w := httptest.NewRecorder()
			RequireCRS(next).ServeHTTP(w, r)
			if w.Code != c.status {
				t.Fatalf("%d, want %d: %s", w.Code, c.status, w.Body.String())
			}
			if w.Header().Get("Content-Crs") != wgs {
				t.Errorf("Content-Crs %q", w.Header().Get("Content-Crs"))
			}
			if c.status == ok || c.method == http.MethodHead {
				return
			}
			var p struct{ Code, Detail string }
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || w.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%s %s: %v", w.Header().Get("Content-Type"), w.Body.String(), err)
			}
			wantCode := map[int]string{precondition: "precondition_failed", notAcceptable: "not_acceptable"}[c.status]
			if p.Code != wantCode || p.Detail != c.detail {
				t.Errorf("code %q detail %q, want %q %q", p.Code, p.Detail, wantCode, c.detail)
			}
		})
	}
	t.Run("two values", func(t *testing.T) {
		r := httptest.NewRequest(http.MethodGet, "/zaken/api/v1/zaken", nil)
		r.Header.Add("Accept-Crs", wgs)
		r.Header.Add("Accept-Crs", rd)
		w := httptest.NewRecorder()
		RequireCRS(next).ServeHTTP(w, r)
		if w.Code != notAcceptable {
			t.Errorf("%d", w.Code)
		}
	})
}

// TestZaken_zoekCRS checks the CRS headers on _zoek and GET /zaken as
// served, answers validated against the OAS.
func TestZaken_zoekCRS(t *testing.T) {
	srv := zzServe(t, zkProject(t, nil), zkSuperuser)
	body := `{"identificatie": "Z-1"}`
	for _, c := range []struct {
		method, path, body string
		headers            map[string]string
		status             int
	}{
		{http.MethodPost, "/zaken/_zoek", body, zzCRS, http.StatusOK},
		{http.MethodPost, "/zaken/_zoek", body, map[string]string{"Content-Crs": "EPSG:4326"}, http.StatusPreconditionFailed},
		{http.MethodPost, "/zaken/_zoek", body, map[string]string{"Accept-Crs": "EPSG:4326"}, http.StatusPreconditionFailed},
		{http.MethodPost, "/zaken/_zoek", body, map[string]string{"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:28992"}, http.StatusNotAcceptable},
		{http.MethodPost, "/zaken/_zoek", body, map[string]string{"Accept-Crs": "EPSG:28992", "Content-Crs": "EPSG:4326"}, http.StatusNotAcceptable},
		// The CRS is checked before the body is read, as in the reference
		// implementation.
		{http.MethodPost, "/zaken/_zoek", `{"kat": 1}`, map[string]string{"Accept-Crs": "EPSG:4326"}, http.StatusPreconditionFailed},
		{http.MethodGet, "/zaken", "", map[string]string{"Accept-Crs": "EPSG:4326"}, http.StatusOK},
		{http.MethodGet, "/zaken", "", nil, http.StatusPreconditionFailed},
		{http.MethodGet, "/zaken", "", map[string]string{"Accept-Crs": "EPSG:28992"}, http.StatusNotAcceptable},
	} {
		w, out := zzDo(t, srv, c.method, c.path, c.body, c.headers)
		if w.Code != c.status {
			t.Errorf("%s %s %v: %d %v, want %d", c.method, c.path, c.headers, w.Code, out, c.status)
		}
	}
}
