package domain_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

type refRelatie struct {
	URL  string `json:"url" ref:"zaken/zaken"`
	Aard string `json:"aard"`
}

type refTarget struct {
	Zaaktype  string                `json:"zaaktype" ref:"catalogi/zaaktypen"`
	Producten []string              `json:"producten" ref:"url"`
	Relaties  []refRelatie          `json:"relaties"`
	Hoofd     *refRelatie           `json:"hoofd"`
	PerNaam   map[string]refRelatie `json:"perNaam"`
	Raw       json.RawMessage       `json:"raw" ref:"url"`
	Tekst     string                `json:"tekst"`
	Leeg      string                `json:"leeg" ref:"zaken/zaken"`
}

// TestMapRefs: every tagged value is mapped, with its tag, and nothing
// else; the value mapped is left as it was, also what it shares through
// slices, pointers and maps.
func TestMapRefs(t *testing.T) {
	in := refTarget{
		Zaaktype: "http://a/zt", Producten: []string{"http://a/p1", "http://a/p2"},
		Relaties: []refRelatie{{URL: "http://a/z1", Aard: "vervolg"}}, Hoofd: &refRelatie{URL: "http://a/z2"},
		PerNaam: map[string]refRelatie{"x": {URL: "http://a/z3"}}, Raw: json.RawMessage(`{"url":"http://a/raw"}`),
		Tekst: "http://a/tekst",
	}
	before := deepCopy(t, in)
	var seen []string
	out := domain.MapRefs(in, func(target, v string) string {
		seen = append(seen, target+" "+v)
		return strings.Replace(v, "http://a", "/b", 1)
	})
	want := refTarget{
		Zaaktype: "/b/zt", Producten: []string{"/b/p1", "/b/p2"},
		Relaties: []refRelatie{{URL: "/b/z1", Aard: "vervolg"}}, Hoofd: &refRelatie{URL: "/b/z2"},
		PerNaam: map[string]refRelatie{"x": {URL: "/b/z3"}}, Raw: in.Raw, Tekst: "http://a/tekst",
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("mapped\n got %+v\nwant %+v", out, want)
	}
	if !reflect.DeepEqual(in, before) {
		t.Errorf("the value mapped changed: %+v", in)
	}
	if len(seen) != 6 || seen[0] != "catalogi/zaaktypen http://a/zt" || seen[1] != "url http://a/p1" {
		t.Errorf("f saw %q", seen)
	}
}

// TestMapRefs_NothingToMap: a value without references, or whose
// references f leaves alone, comes back as it was.
func TestMapRefs_NothingToMap(t *testing.T) {
	type plain struct{ A, B string }
	called := false
	if got := domain.MapRefs(plain{"x", "y"}, func(string, string) string { called = true; return "z" }); got != (plain{"x", "y"}) || called {
		t.Errorf("%+v, called %v", got, called)
	}
	in := refTarget{Relaties: []refRelatie{{URL: "/z"}}}
	out := domain.MapRefs(in, func(_, v string) string { return v })
	if &out.Relaties[0] != &in.Relaties[0] {
		t.Error("a list without changes was copied")
	}
}

func deepCopy(t *testing.T, v refTarget) refTarget {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out refTarget
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLocalizeRef: a URL of the tagged collection of this registry, under
// the base URL or an alias, becomes its absolute-path reference, which
// RefURL renders back under the current base URL; anything else stays.
func TestLocalizeRef(t *testing.T) {
	bases := []string{"https://zaken.example.org", "http://10.0.0.5:8000/registry"}
	const zt = "/catalogi/api/v1/zaaktypen/" + "6f2a5b1c-8d3e-4f70-9a1b-2c3d4e5f6a7b"
	tests := []struct{ name, target, raw, want string }{
		{"Base", "catalogi/zaaktypen", "https://zaken.example.org" + zt, zt},
		{"BaseDefaultPort", "catalogi/zaaktypen", "https://ZAKEN.example.org:443" + zt, zt},
		{"AliasWithPath", "catalogi/zaaktypen", "http://10.0.0.5:8000/registry" + zt, zt},
		{"OtherCollection", "catalogi/statustypen", "https://zaken.example.org" + zt, "https://zaken.example.org" + zt},
		{"OtherHost", "catalogi/zaaktypen", "https://elders.example.org" + zt, "https://elders.example.org" + zt},
		{"Query", "catalogi/zaaktypen", "https://zaken.example.org" + zt + "?x=1", "https://zaken.example.org" + zt + "?x=1"},
		{"Extern", "url", "https://zaken.example.org" + zt, "https://zaken.example.org" + zt},
		{"AlreadyLocal", "catalogi/zaaktypen", zt, zt},
		{"Empty", "catalogi/zaaktypen", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := domain.LocalizeRef(bases, tt.target, tt.raw); got != tt.want {
				t.Errorf("LocalizeRef(%s) = %s, want %s", tt.raw, got, tt.want)
			}
		})
	}
}
