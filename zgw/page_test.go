package zgw_test

import (
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/zaakregister/zaakregister/zgw"
)

func TestPageParam(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    int
		wantErr bool
	}{
		{"AbsentIsFirstPage", "", 1, false},
		{"One", "?page=1", 1, false},
		{"Three", "?page=3", 3, false},
		{"Zero", "?page=0", 0, true},
		{"Negative", "?page=-1", 0, true},
		{"NotANumber", "?page=twee", 0, true},
		{"Empty", "?page=", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := zgw.PageParam(httptest.NewRequest("GET", "/applicaties"+tt.query, nil))
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("got %d, %v; want %d, error %v", got, err, tt.want, tt.wantErr)
			}
			if err != nil {
				rec := httptest.NewRecorder()
				zgw.WriteError(rec, apiRequest("GET", root+"/applicaties"), err)
				if p := problem(t, rec); rec.Code != 400 || p.InvalidParams[0].Name != "page" || p.InvalidParams[0].Code != "invalid" {
					t.Errorf("%d %+v", rec.Code, p)
				}
			}
		})
	}
}

// TestPagination runs through the test API: 250 applicaties, 100 a page.
func TestPagination(t *testing.T) {
	s := newStack(t)
	reader := sign(t, "reader", "reader-secret", nil)
	list := baseURL + root + "/applicaties"
	str := func(s string) *string { return &s }
	tests := []struct {
		name           string
		query          string
		next, previous *string
		results        int
	}{
		{"FirstPage", "", str(list + "?page=2"), nil, 100},
		{"PageOneEqualsNoPage", "?page=1", str(list + "?page=2"), nil, 100},
		{"MiddlePage", "?page=2", str(list + "?page=3"), str(list + "?page=1"), 100},
		{"LastPage", "?page=3", nil, str(list + "?page=2"), 50},
		{"BeyondLastPage", "?page=4", nil, str(list + "?page=3"), 0},
		{"FiltersKept", "?clientIds=a%26b&page=2", str(list + "?clientIds=a%26b&page=3"), str(list + "?clientIds=a%26b&page=1"), 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := s.do(t, "GET", root+"/applicaties"+tt.query, reader, nil)
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var page struct {
				Count    int               `json:"count"`
				Next     *string           `json:"next"`
				Previous *string           `json:"previous"`
				Results  []json.RawMessage `json:"results"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
				t.Fatal(err)
			}
			if page.Count != listCount || len(page.Results) != tt.results {
				t.Errorf("count %d, %d results; want %d, %d", page.Count, len(page.Results), listCount, tt.results)
			}
			if deref(page.Next) != deref(tt.next) || deref(page.Previous) != deref(tt.previous) {
				t.Errorf("next %s previous %s; want %s, %s", deref(page.Next), deref(page.Previous), deref(tt.next), deref(tt.previous))
			}
		})
	}
	t.Run("NullsPresent", func(t *testing.T) {
		var raw map[string]json.RawMessage
		_ = json.Unmarshal(s.do(t, "GET", root+"/applicaties", reader, nil).Body.Bytes(), &raw)
		if string(raw["previous"]) != "null" {
			t.Errorf("previous %s, want null present", raw["previous"])
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

func TestResourceURL(t *testing.T) {
	ctx := apiRequest("GET", root+"/applicaties").Context()
	want := baseURL + root + "/applicaties/" + appUUID
	if got := zgw.ResourceURL(ctx, "applicaties", appUUID); got != want {
		t.Errorf("ResourceURL = %s, want %s", got, want)
	}
	tests := []struct {
		name, raw string
		ok        bool
	}{
		{"Own", want, true},
		{"UpperCaseHostAndUUID", "HTTP://LOCALHOST:8000" + root + "/applicaties/6F2A5B1C-8D3E-4F70-9A1B-2C3D4E5F6A7B", true},
		{"OtherHost", "http://elders:8000" + root + "/applicaties/" + appUUID, false},
		{"OtherScheme", "https://localhost:8000" + root + "/applicaties/" + appUUID, false},
		{"OtherCollection", baseURL + root + "/zaken/" + appUUID, false},
		{"OtherAPI", baseURL + "/zaken/api/v1/applicaties/" + appUUID, false},
		{"NoUUID", baseURL + root + "/applicaties/123", false},
		{"TrailingPath", want + "/audittrail", false},
		{"Query", want + "?x=1", false},
		{"AbsolutePathReference", root + "/applicaties/" + appUUID, true}, // as the log keeps it (RefURL); requests are checked for absolute URLs before
		{"Relative", "applicaties/" + appUUID, false},
		{"Garbage", "::", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, ok := zgw.ParseResourceURL(ctx, "applicaties", tt.raw)
			if ok != tt.ok || (ok && id != appUUID) {
				t.Errorf("ParseResourceURL(%s) = %q, %v; want ok %v", tt.raw, id, ok, tt.ok)
			}
		})
	}
}

// TestParseResourceURL_Aliases: URLs under a former base URL of the
// registry (API.Aliases) name its resources too; the base URL's default
// port may be written or left out; other hosts and schemes stay foreign.
func TestParseResourceURL_Aliases(t *testing.T) {
	req := httptest.NewRequest("GET", root+"/applicaties", nil)
	api := &zgw.API{Name: "autorisaties", Root: root, BaseURL: "https://zaken.example.org",
		Aliases: []string{baseURL, "http://10.0.0.5/registry"}}
	ctx := zgw.WithAPI(req.Context(), api)
	tests := []struct {
		name, raw string
		ok        bool
	}{
		{"Base", "https://zaken.example.org" + root + "/applicaties/" + appUUID, true},
		{"BaseWithDefaultPort", "https://zaken.example.org:443" + root + "/applicaties/" + appUUID, true},
		{"Alias", baseURL + root + "/applicaties/" + appUUID, true},
		{"AliasWithPath", "http://10.0.0.5:80/registry" + root + "/applicaties/" + appUUID, true},
		{"AliasWithoutItsPath", "http://10.0.0.5" + root + "/applicaties/" + appUUID, false},
		{"AliasOtherScheme", "https://10.0.0.5/registry" + root + "/applicaties/" + appUUID, false},
		{"OtherHost", "https://elders.example.org" + root + "/applicaties/" + appUUID, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, ok := zgw.ParseResourceURL(ctx, "applicaties", tt.raw)
			if ok != tt.ok || (ok && id != appUUID) {
				t.Errorf("ParseResourceURL(%s) = %q, %v; want ok %v", tt.raw, id, ok, tt.ok)
			}
		})
	}
	if got := zgw.ResourceURL(ctx, "applicaties", appUUID); got != "https://zaken.example.org"+root+"/applicaties/"+appUUID {
		t.Errorf("ResourceURL = %s: answers use the base URL only", got)
	}
}

// TestRefURL: a reference the log keeps for a resource of this registry
// renders under the request's base URL and parses back to its UUID; any
// other reference stays as it is.
func TestRefURL(t *testing.T) {
	ctx := apiRequest("GET", root+"/applicaties").Context()
	ref := root + "/applicaties/" + appUUID
	if got := zgw.RefURL(ctx, ref); got != baseURL+ref {
		t.Errorf("RefURL(%s) = %s", ref, got)
	}
	for _, other := range []string{"", "https://elders.example/x", "urn:x"} {
		if got := zgw.RefURL(ctx, other); got != other {
			t.Errorf("RefURL(%q) = %q", other, got)
		}
	}
	if id, ok := zgw.ParseResourceURL(ctx, "applicaties", ref); !ok || id != appUUID {
		t.Errorf("ParseResourceURL(%s) = %q, %v", ref, id, ok)
	}
	if _, ok := zgw.ParseResourceURL(ctx, "applicaties", "//elders.example"+ref); ok {
		t.Error("a network-path reference to another host parsed as local")
	}
}
