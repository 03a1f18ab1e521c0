package oas

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// document is one served rendering of the specification.
type document struct {
	body        []byte
	contentType string
	etag        string
}

// Handler serves the specification at "/openapi.yaml", "/openapi.json",
// "/schema/openapi.yaml" and "/schema/openapi.json" below wherever it is
// mounted (RULES 2.1: the standard asks for {root}/openapi.json, the
// reference implementations serve {root}/schema/openapi.yaml). It matches
// on the end of the request path, so it works behind http.StripPrefix,
// chi's Mount or an exact route alike. The YAML is the upstream file byte
// for byte; the JSON is the resolved document, with the same $refs. GET and
// HEAD only; no authentication (the documents are public).
func (s *Spec) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("API-version", s.Version())
		var want string
		switch p := r.URL.Path; {
		case strings.HasSuffix(p, "/openapi.yaml"):
			want = "yaml"
		case strings.HasSuffix(p, "/openapi.json"):
			want = "json"
		default:
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
			return
		}
		s.render()
		if s.docsErr != nil {
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
		d := s.yaml
		if want == "json" {
			d = s.json
		}
		w.Header().Set("Content-Type", d.contentType)
		w.Header().Set("ETag", d.etag)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(d.body))
	})
}

// render makes the served documents once; the JSON one costs a marshal of
// the whole resolved document.
func (s *Spec) render() {
	s.docsOnce.Do(func() {
		s.yaml = newDocument(s.raw, "application/yaml; charset=utf-8")
		var b []byte
		b, s.docsErr = json.Marshal(s.doc)
		s.json = newDocument(b, "application/json")
	})
}

func newDocument(body []byte, contentType string) document {
	sum := sha256.Sum256(body)
	return document{body: body, contentType: contentType, etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
}
