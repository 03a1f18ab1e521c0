package zgw_test

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/zgw"
)

// decodeTarget exercises the field kinds the decoder checks.
type decodeTarget struct {
	autorisaties.Gegevens
	Aantal    int               `json:"aantal"`
	Bedrag    *float64          `json:"bedrag"`
	Datum     time.Time         `json:"datum"`
	Kenmerken map[string]string `json:"kenmerken"`
	Extra     any               `json:"extra"`
	Rollen    []rol             `json:"rollen"`
	Intern    string            `json:"-"`
}

type rol struct {
	Rol string `json:"rol"`
}

func TestDecodeJSON(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        string
		kind        domain.Kind
		code        string
		params      string // "name:code,..."
	}{
		{"NoContentType", "", `{}`, domain.KindUnsupportedMedia, "unsupported_media_type", ""},
		{"FormContentType", "application/x-www-form-urlencoded", `label=x`, domain.KindUnsupportedMedia, "unsupported_media_type", ""},
		{"Malformed", "application/json", `{"label": "x",}`, domain.KindInvalid, "parse_error", ""},
		{"Truncated", "application/json", `{"label": "x"`, domain.KindInvalid, "parse_error", ""},
		{"Empty", "application/json", ``, domain.KindInvalid, "parse_error", ""},
		{"TrailingData", "application/json", `{"label": "x"} {"label": "y"}`, domain.KindInvalid, "parse_error", ""},
		{"NotUTF8", "application/json", "{\"label\": \"\xe1x\"}", domain.KindInvalid, "parse_error", ""},
		{"TrailingGarbage", "application/json", `{"label": "x"}]`, domain.KindInvalid, "parse_error", ""},
		{"Null", "application/json", `null`, domain.KindInvalid, "invalid", "nonFieldErrors:invalid"},
		{"ArrayInsteadOfObject", "application/json", `[]`, domain.KindInvalid, "invalid", "nonFieldErrors:invalid"},
		{"WrongTypes", "application/json",
			`{"label": 1, "heeftAlleAutorisaties": "ja", "aantal": 1.5, "datum": "gisteren", "kenmerken": {"a": 1}, "autorisaties": [{"component": "zrc", "scopes": "zaken.lezen"}]}`,
			domain.KindInvalid, "invalid",
			"aantal:invalid,autorisaties.0.scopes:invalid,datum:invalid,heeftAlleAutorisaties:invalid,kenmerken.a:invalid,label:invalid"},
		{"IntegerOutOfRange", "application/json", `{"aantal": 1e400}`, domain.KindInvalid, "invalid", "aantal:invalid"},
		{"UnknownFields", "application/json", `{"label": "x", "labell": "y", "autorisaties": [{"component": "zrc", "scope": []}], "rollen": [{"rol": "a", "x": 1}]}`,
			domain.KindInvalid, "invalid", "autorisaties.0.scope:unknown-field,labell:unknown-field,rollen.0.x:unknown-field"},
		{"EmptyFieldName", "application/json", `{"": 1}`, domain.KindInvalid, "invalid", "nonFieldErrors:unknown-field"},
		{"FieldNamesAreCaseSensitive", "application/json", `{"Label": "x"}`, domain.KindInvalid, "invalid", "Label:unknown-field"},
		{"NullCharacters", "application/json", `{"label": "a\u0000b", "extra": {"x": ["\u0000"], "\u0000": 1}, "kenmerken": {"a": "b"}}`,
			domain.KindInvalid, "invalid",
			"extra:null_characters_not_allowed,extra.x.0:null_characters_not_allowed,label:null_characters_not_allowed"},
		{"IgnoredGoFieldIsUnknown", "application/json", `{"Intern": "x"}`, domain.KindInvalid, "invalid", "Intern:unknown-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/", strings.NewReader(tt.body))
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			var dst decodeTarget
			err := zgw.DecodeJSON(req, &dst)
			var de *domain.Error
			if !errors.As(err, &de) {
				t.Fatalf("error %v, want a *domain.Error", err)
			}
			if de.Kind != tt.kind || de.Code != tt.code {
				t.Errorf("kind %d code %q, want %d %q (%v)", de.Kind, de.Code, tt.kind, tt.code, de)
			}
			if got := paramString(de.Params); got != tt.params {
				t.Errorf("params %q, want %q", got, tt.params)
			}
			if de.Detail == "" && len(de.Params) == 0 {
				t.Error("no detail and no params: the client learns nothing")
			}
		})
	}
}

func paramString(params []domain.InvalidParam) string {
	var s []string
	for _, p := range params {
		s = append(s, p.Name+":"+p.Code)
	}
	return strings.Join(s, ",")
}

func TestDecodeJSON_TooLarge(t *testing.T) {
	body := `{"label": "` + strings.Repeat("x", 2<<20) + `"}`
	tests := []struct {
		name          string
		contentLength bool
	}{
		{"DeclaredLength", true},
		{"ChunkedWithoutLength", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/", strings.NewReader(body))
			if !tt.contentLength {
				req.ContentLength = -1
			}
			req.Header.Set("Content-Type", "application/json")
			var dst decodeTarget
			err := zgw.DecodeJSON(req, &dst)
			if !errors.Is(err, &domain.Error{Kind: domain.KindTooLarge}) {
				t.Fatalf("error %v, want KindTooLarge", err)
			}
			rec := httptest.NewRecorder()
			zgw.WriteError(rec, apiRequest("POST", root+"/applicaties"), err)
			if rec.Code != 413 {
				t.Errorf("status %d, want 413", rec.Code)
			}
		})
	}
	t.Run("LimitOverridable", func(t *testing.T) {
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		var dst decodeTarget
		if err := zgw.DecodeJSONLimit(req, &dst, 4<<20); err != nil || len(dst.Label) != 2<<20 {
			t.Errorf("error %v, label of %d bytes", err, len(dst.Label))
		}
	})
}

func TestDecodeJSON_Valid(t *testing.T) {
	body := `{"url": "http://localhost:8000/x", "clientIds": ["a"], "label": "L", "heeftAlleAutorisaties": false,
		"autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"], "zaaktype": "http://z/1", "maxVertrouwelijkheidaanduiding": "geheim", "componentWeergave": "Zaken API"}],
		"aantal": 3, "bedrag": 1.25, "datum": "2026-11-28T12:00:00Z", "kenmerken": {"a": "b"}, "extra": {"vrij": [1, "twee"]},
		"rollen": [{"rol": "x", "url": "http://localhost:8000/rollen/1"}]}`
	req := httptest.NewRequest("POST", "/", bytes.NewBufferString(body))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	var got decodeTarget
	// Read-only fields are accepted and ignored, also inside lists.
	if err := zgw.DecodeJSON(req, &got, "url", "autorisaties.componentWeergave", "rollen.url"); err != nil {
		t.Fatal(err)
	}
	bedrag := 1.25
	want := decodeTarget{
		Gegevens: autorisaties.Gegevens{ClientIDs: []string{"a"}, Label: "L", Autorisaties: []autorisaties.Autorisatie{
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: "http://z/1", MaxVertrouwelijkheidaanduiding: "geheim"}}},
		Aantal: 3, Bedrag: &bedrag, Datum: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		Kenmerken: map[string]string{"a": "b"}, Extra: map[string]any{"vrij": []any{float64(1), "twee"}},
		Rollen: []rol{{Rol: "x"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestDecodeJSON_NullsLeaveZeroValues(t *testing.T) {
	req := httptest.NewRequest("PATCH", "/", strings.NewReader(`{"label": null, "bedrag": null, "autorisaties": null}`))
	req.Header.Set("Content-Type", "application/json")
	var got decodeTarget
	if err := zgw.DecodeJSON(req, &got); err != nil {
		t.Fatal(err)
	}
	if got.Label != "" || got.Bedrag != nil || got.Autorisaties != nil {
		t.Errorf("%+v", got)
	}
}

func TestDecodeJSON_NonPointerIsAProgrammingError(t *testing.T) {
	req := httptest.NewRequest("POST", "/", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	err := zgw.DecodeJSON(req, decodeTarget{})
	var de *domain.Error
	if err == nil || errors.As(err, &de) {
		t.Errorf("error %v, want a plain error (500)", err)
	}
}

// TestDecodeJSON_ThroughStack sends bodies to the test API's POST and lets
// oastest check that every answer, errors included, matches the OAS.
func TestDecodeJSON_ThroughStack(t *testing.T) {
	s := newStack(t)
	admin := sign(t, "admin", "admin-secret", nil)
	tests := []struct {
		name, contentType, body string
		status                  int
		code                    string
	}{
		{"Created", "application/json", `{"url": "ignored", "clientIds": ["a"], "label": "L", "heeftAlleAutorisaties": true}`, 201, ""},
		{"DomainValidation", "application/json", `{"clientIds": [], "label": "L", "heeftAlleAutorisaties": true}`, 400, "invalid"},
		{"ParseError", "application/json", `{"clientIds": [`, 400, "parse_error"},
		{"UnknownFieldIgnored", "application/json", `{"clientIds": ["a"], "label": "L", "heeftAlleAutorisaties": true, "x": 1}`, 201, ""},
		{"UnsupportedMedia", "text/plain", `{}`, 415, "unsupported_media_type"},
		{"TooLarge", "application/json", `{"label": "` + strings.Repeat("x", 2<<20) + `"}`, 413, "too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := s.do(t, "POST", root+"/applicaties", admin, strings.NewReader(tt.body), "Content-Type", tt.contentType)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.code != "" {
				if p := problem(t, rec); p.Code != tt.code {
					t.Errorf("code %q, want %q", p.Code, tt.code)
				}
			}
		})
	}
}

// TestDecodeJSON_DeepNesting: nesting deeper than MaxDepth is a 400
// before any walk, costing no more than the body itself (the body of the
// security review cost 101 MB), and nesting up to it is decoded.
func TestDecodeJSON_DeepNesting(t *testing.T) {
	decode := func(body string) error {
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		var dst decodeTarget
		return zgw.DecodeJSON(req, &dst)
	}
	t.Run("SecurityReviewBody", func(t *testing.T) {
		body := deeplyNested(9990)
		var err error
		n := allocated(func() { err = decode(body) })
		var de *domain.Error
		if !errors.As(err, &de) || de.Code != "parse_error" {
			t.Fatalf("error %v, want parse_error", err)
		}
		if n > 256<<10 {
			t.Errorf("%d bytes allocated for a body of %d bytes", n, len(body))
		}
	})
	nested := func(levels int) string { // levels of nesting, the body's own included
		return `{"extra":` + strings.Repeat("[", levels-1) + strings.Repeat("]", levels-1) + `}`
	}
	if err := decode(nested(zgw.MaxDepth)); err != nil {
		t.Errorf("%d levels: %v", zgw.MaxDepth, err)
	}
	var de *domain.Error
	if err := decode(nested(zgw.MaxDepth + 1)); !errors.As(err, &de) || de.Code != "parse_error" {
		t.Errorf("%d levels: error %v, want parse_error", zgw.MaxDepth+1, err)
	}
	// Brackets inside strings, escaped quotes included, are text.
	text := `"\"` + strings.Repeat("[{", 40) + `"`
	if err := decode(`{"label": ` + text + `}`); err != nil {
		t.Errorf("brackets in a string: %v", err)
	}
}

// TestDecodeJSON_PathsAtDepth: problems deep in a body are named by their
// whole path, and a body with very many faults reports a bounded number.
func TestDecodeJSON_PathsAtDepth(t *testing.T) {
	req := httptest.NewRequest("POST", "/", strings.NewReader(
		`{"autorisaties": [{"scopes": ["a"]}, {"scopes": ["b", 3], "x": 1}], "kenmerken": {"k": []}}`))
	req.Header.Set("Content-Type", "application/json")
	var dst decodeTarget
	var de *domain.Error
	if err := zgw.DecodeJSON(req, &dst); !errors.As(err, &de) {
		t.Fatalf("error %v", err)
	}
	if got, want := paramString(de.Params), "autorisaties.1.scopes.1:invalid,autorisaties.1.x:unknown-field,kenmerken.k:invalid"; got != want {
		t.Errorf("params %q, want %q", got, want)
	}

	req = httptest.NewRequest("POST", "/", strings.NewReader(`{"clientIds": [`+strings.Repeat(`1,`, 5000)+`1]}`))
	req.Header.Set("Content-Type", "application/json")
	if err := zgw.DecodeJSON(req, &dst); !errors.As(err, &de) {
		t.Fatalf("error %v", err)
	}
	if len(de.Params) != 100 || de.Params[99].Name != "clientIds.99" {
		t.Errorf("%d params, the last %+v; want the first 100", len(de.Params), de.Params[len(de.Params)-1])
	}
}

// TestDecodeJSON_UnknownFields: in an API, fields the target does not have
// are ignored, as Django REST framework ignores them, and counted in the
// request's state; with StrictBodies they are refused, as outside an API.
func TestDecodeJSON_UnknownFields(t *testing.T) {
	body := `{"label": "L", "laatsteBetaalDatum": "2026-01-01", "rollen": [{"rol": "x", "extra": 1}]}`
	for _, tt := range []struct {
		name   string
		api    *zgw.API
		strict bool
	}{{"Lenient", &zgw.API{Name: "autorisaties", Root: root}, false}, {"Strict", &zgw.API{Name: "autorisaties", Root: root, StrictBodies: true}, true}, {"OutsideAnAPI", nil, true}} {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if tt.api != nil {
				req = req.WithContext(zgw.WithAPI(req.Context(), tt.api))
			}
			var dst decodeTarget
			err := zgw.DecodeJSON(req, &dst)
			var de *domain.Error
			switch {
			case tt.strict && (!errors.As(err, &de) || paramString(de.Params) != "laatsteBetaalDatum:unknown-field,rollen.0.extra:unknown-field"):
				t.Errorf("error %v, want both fields refused", err)
			case !tt.strict && (err != nil || dst.Label != "L" || len(dst.Rollen) != 1 || dst.Rollen[0].Rol != "x"):
				t.Errorf("error %v, decoded %+v; want the known fields", err, dst)
			}
		})
	}
}
