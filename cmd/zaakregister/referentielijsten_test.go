package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zaakregister/zaakregister/oas"
)

const (
	rlRoot = "/referentielijsten/api/v1"
	rlBase = testBaseURL + rlRoot

	procestype1of2017 = "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"
	resultaat1_1      = "6711baff-798b-4c7f-9133-8ad02c8b7c6f"
	toegekend         = "fb65d251-1518-4185-865f-b8bdcfad07b1"
	email             = "4f274722-9878-40e2-b57e-2bd17be27630"
	unknownUUID       = "00000000-0000-4000-8000-000000000000"
)

// vervallen are the two withdrawn resultaten with waardering "".
var vervallen = map[string]bool{
	rlBase + "/resultaten/cc0011dc-f221-424d-9a2b-f328f7cf1f7f": true,
	rlBase + "/resultaten/1e9318b6-ddec-4cc3-97fa-3d289d850075": true,
}

// decodeAs decodes the body of r, failing the test when it is no T.
func decodeAs[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("body %q: %v", r.Body, err)
	}
	return v
}

type rlPage struct {
	Count    int              `json:"count"`
	Next     *string          `json:"next"`
	Previous *string          `json:"previous"`
	Results  []map[string]any `json:"results"`
}

// get asks the public API without a token and expects status want.
func (g *registry) get(path string, want int) response {
	g.t.Helper()
	r := g.do("GET", rlRoot+path, "", nil)
	expect(g.t, r, want)
	return r
}

// allResultaten follows the next links of a resultaten list from its first
// page and returns every result.
func (g *registry) allResultaten(query string) []map[string]any {
	g.t.Helper()
	var all []map[string]any
	p := decodeAs[rlPage](g.t, g.get("/resultaten"+query, http.StatusOK))
	for {
		all = append(all, p.Results...)
		if p.Next == nil {
			break
		}
		next, ok := strings.CutPrefix(*p.Next, rlBase)
		if !ok {
			g.t.Fatalf("next %q is no absolute URL of the API", *p.Next)
		}
		p = decodeAs[rlPage](g.t, g.get(next, http.StatusOK))
	}
	if len(all) != p.Count {
		g.t.Fatalf("%d results over the pages, count %d", len(all), p.Count)
	}
	return all
}

func TestReferentielijsten_Procestypen(t *testing.T) {
	g := startRegistry(t)
	list := g.get("/procestypen", http.StatusOK)
	if v := list.Header.Get("API-version"); v != "0.6.0" {
		t.Errorf("API-version %q", v)
	}
	all := decodeAs[[]map[string]any](t, list)
	if len(all) != 58 {
		t.Fatalf("%d procestypen, want 58", len(all))
	}
	for jaar, want := range map[string]float64{"2017": 2017, "2020": 2020} {
		edition := decodeAs[[]map[string]any](t, g.get("/procestypen?jaar="+jaar, http.StatusOK))
		if len(edition) != 29 {
			t.Errorf("jaar %s: %d procestypen", jaar, len(edition))
		}
		for _, p := range edition {
			if p["jaar"] != want {
				t.Fatalf("jaar %s filter returned %v", jaar, p)
			}
		}
	}
	if n := len(decodeAs[[]map[string]any](t, g.get("/procestypen?jaar=", http.StatusOK))); n != 58 {
		t.Errorf("empty jaar: %d procestypen", n)
	}
	if n := len(decodeAs[[]map[string]any](t, g.get("/procestypen?jaar=1999", http.StatusOK))); n != 0 {
		t.Errorf("jaar 1999: %d procestypen", n)
	}
	for _, bad := range []string{"abc", "0", "2020.5"} {
		if code := invalidParam(t, g.get("/procestypen?jaar="+bad, http.StatusBadRequest), "jaar"); code != "invalid" {
			t.Errorf("jaar=%s: code %q", bad, code)
		}
	}

	one := decodeAs[map[string]any](t, g.get("/procestypen/"+procestype1of2017, http.StatusOK))
	if one["url"] != rlBase+"/procestypen/"+procestype1of2017 || one["nummer"] != float64(1) || one["jaar"] != float64(2017) {
		t.Errorf("procestype %v", one)
	}
	if all[0]["url"] != one["url"] {
		t.Errorf("first of the list %v, want procestype 1 of 2017", all[0]["url"])
	}
	g.get("/procestypen/"+strings.ToUpper(procestype1of2017), http.StatusOK)
	g.get("/procestypen/"+unknownUUID, http.StatusNotFound)
	g.get("/procestypen/not-a-uuid", http.StatusNotFound)
}

func TestReferentielijsten_Resultaten(t *testing.T) {
	g := startRegistry(t)
	first := decodeAs[rlPage](t, g.get("/resultaten", http.StatusOK))
	if first.Count != 346 || len(first.Results) != 100 || first.Previous != nil ||
		first.Next == nil || *first.Next != rlBase+"/resultaten?page=2" {
		t.Fatalf("page 1: count %d, %d results, previous %v, next %v", first.Count, len(first.Results), first.Previous, first.Next)
	}
	last := decodeAs[rlPage](t, g.get("/resultaten?page=4", http.StatusOK))
	if len(last.Results) != 46 || last.Next != nil || last.Previous == nil || *last.Previous != rlBase+"/resultaten?page=3" {
		t.Errorf("page 4: %d results, previous %v, next %v", len(last.Results), last.Previous, last.Next)
	}
	if beyond := decodeAs[rlPage](t, g.get("/resultaten?page=5", http.StatusOK)); beyond.Count != 346 || len(beyond.Results) != 0 {
		t.Errorf("page 5: count %d, %d results", beyond.Count, len(beyond.Results))
	}
	g.get("/resultaten?page=99999999999999999", http.StatusBadRequest) // refused, never an overflow
	if code := invalidParam(t, g.get("/resultaten?page=0", http.StatusBadRequest), "page"); code != "invalid" {
		t.Errorf("page=0: code %q", code)
	}

	all := g.allResultaten("")
	perProcestype := map[string]int{}
	seen := map[string]bool{}
	for _, r := range all {
		perProcestype[r["procesType"].(string)]++
		seen[r["url"].(string)] = true
	}
	// The published resultaten all belong to the 2017 procestypen.
	if len(seen) != 346 || len(perProcestype) != 29 {
		t.Fatalf("%d distinct resultaten of %d procestypen, want 346 of 29", len(seen), len(perProcestype))
	}

	pt := rlBase + "/procestypen/" + procestype1of2017
	filtered := g.allResultaten("?proces_type=" + pt)
	if len(filtered) != perProcestype[pt] || len(filtered) == 0 {
		t.Fatalf("proces_type filter: %d resultaten, want %d", len(filtered), perProcestype[pt])
	}
	for _, r := range filtered {
		if r["procesType"] != pt {
			t.Fatalf("proces_type filter returned %v", r)
		}
	}
	foreign := "https://selectielijst.openzaak.nl/api/v1/procestypen/" + procestype1of2017
	for _, nothing := range []string{foreign, rlBase + "/procestypen/" + unknownUUID, rlBase + "/resultaten/" + resultaat1_1} {
		if p := decodeAs[rlPage](t, g.get("/resultaten?proces_type="+nothing, http.StatusOK)); p.Count != 0 || len(p.Results) != 0 {
			t.Errorf("proces_type=%s: count %d", nothing, p.Count)
		}
	}
	if code := invalidParam(t, g.get("/resultaten?proces_type=procestype-1", http.StatusBadRequest), "proces_type"); code != "invalid" {
		t.Errorf("proces_type=procestype-1: code %q", code)
	}
	// The OAS names the filter proces_type; the camelCase form is unknown.
	if code := invalidParam(t, g.get("/resultaten?procesType="+pt, http.StatusBadRequest), "procesType"); code != "unknown-parameters" {
		t.Errorf("procesType: code %q", code)
	}

	one := decodeAs[map[string]any](t, g.get("/resultaten/"+resultaat1_1, http.StatusOK))
	if one["url"] != rlBase+"/resultaten/"+resultaat1_1 || one["procesType"] != pt || one["volledigNummer"] != "1.1" ||
		one["generiek"] != true || one["bewaartermijn"] != "P10Y" || one["procestermijnWeergave"] != "Nihil" {
		t.Errorf("resultaat 1.1: %v", one)
	}
	g.get(strings.TrimPrefix(one["procesType"].(string), rlBase), http.StatusOK)
	g.get("/resultaten/"+unknownUUID, http.StatusNotFound)
}

// TestReferentielijsten_ResultatenSchema checks every resultaat against the
// OAS schema Resultaat: the harness skips the bodies of the resultaat
// operations (vervallenDeviation), so this is where they are checked, with
// the two known faults and no others.
func TestReferentielijsten_ResultatenSchema(t *testing.T) {
	g := startRegistry(t)
	spec, err := oas.Load("referentielijsten-0.6.0")
	if err != nil {
		t.Fatal(err)
	}
	schema := spec.Doc().Components.Schemas["Resultaat"].Value
	faulty := map[string]bool{}
	check := func(r map[string]any) {
		err := schema.VisitJSON(r, openapi3.MultiErrors(), openapi3.VisitAsResponse())
		if err == nil {
			return
		}
		url, _ := r["url"].(string)
		var se *openapi3.SchemaError
		if !vervallen[url] || !errors.As(err, &se) || strings.Join(se.JSONPointer(), ".") != "waardering" || r["waardering"] != "" {
			t.Errorf("resultaat %s does not match the schema: %v", url, err)
			return
		}
		faulty[url] = true
	}
	for _, r := range g.allResultaten("") {
		check(r)
	}
	for url := range vervallen {
		check(decodeAs[map[string]any](t, g.get(strings.TrimPrefix(url, rlBase), http.StatusOK)))
	}
	if len(faulty) != len(vervallen) {
		t.Errorf("known faults seen for %v, want %d resultaten", faulty, len(vervallen))
	}
}

func TestReferentielijsten_OmschrijvingenEnKanalen(t *testing.T) {
	g := startRegistry(t)
	omschrijvingen := decodeAs[[]map[string]any](t, g.get("/resultaattypeomschrijvingen", http.StatusOK))
	if len(omschrijvingen) != 3 || omschrijvingen[0]["omschrijving"] != "Afgewezen" {
		t.Fatalf("resultaattypeomschrijvingen %v", omschrijvingen)
	}
	one := decodeAs[map[string]any](t, g.get("/resultaattypeomschrijvingen/"+toegekend, http.StatusOK))
	if one["url"] != rlBase+"/resultaattypeomschrijvingen/"+toegekend || one["omschrijving"] != "Toegekend" {
		t.Errorf("Toegekend: %v", one)
	}
	g.get("/resultaattypeomschrijvingen/"+unknownUUID, http.StatusNotFound)

	kanalen := decodeAs[rlPage](t, g.get("/communicatiekanalen", http.StatusOK))
	if kanalen.Count != 14 || len(kanalen.Results) != 14 || kanalen.Next != nil || kanalen.Previous != nil {
		t.Fatalf("communicatiekanalen: count %d, %d results", kanalen.Count, len(kanalen.Results))
	}
	for _, k := range kanalen.Results {
		path := strings.TrimPrefix(k["url"].(string), rlBase)
		if got := decodeAs[map[string]any](t, g.get(path, http.StatusOK)); got["naam"] != k["naam"] {
			t.Errorf("%s: %v, listed as %v", path, got, k)
		}
	}
	if k := decodeAs[map[string]any](t, g.get("/communicatiekanalen/"+email, http.StatusOK)); k["naam"] != "E-mail" {
		t.Errorf("E-mail: %v", k)
	}
	if p := decodeAs[rlPage](t, g.get("/communicatiekanalen?page=2", http.StatusOK)); len(p.Results) != 0 || p.Previous == nil {
		t.Errorf("page 2: %d results, previous %v", len(p.Results), p.Previous)
	}
	g.get("/communicatiekanalen/"+unknownUUID, http.StatusNotFound)
}

// TestReferentielijsten_Public: no token is needed, a token is not read,
// the API is read-only and unknown parameters are refused; the other APIs
// still demand a token.
func TestReferentielijsten_Public(t *testing.T) {
	g := startRegistry(t)
	expect(t, g.do("GET", rlRoot+"/communicatiekanalen", "not-a-jwt", nil), http.StatusOK)
	expect(t, g.do("POST", rlRoot+"/procestypen", "", map[string]any{"naam": "x"}), http.StatusMethodNotAllowed)
	if code := invalidParam(t, g.get("/communicatiekanalen?naam=E-mail", http.StatusBadRequest), "naam"); code != "unknown-parameters" {
		t.Errorf("unknown parameter: code %q", code)
	}
	g.get("/onbekend", http.StatusNotFound)
	if r := g.get("/openapi.yaml", http.StatusOK); !strings.Contains(string(r.Body), "vrl API") {
		t.Error("openapi.yaml is not the Referentielijsten specification")
	}
	expect(t, g.do("GET", acRoot+"/applicaties", "", nil), http.StatusForbidden)
}
