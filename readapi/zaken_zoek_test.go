package readapi

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/zgw"
)

// zzServe returns GET /zaken and POST /zaken/_zoek as the server serves
// them: behind the real zgw.API handler with the Zaken 1.5.1 OAS (scopes,
// unknown query parameters, API-version) and RequireCRS, for a principal
// with rights, every answer validated against the OAS.
func zzServe(t *testing.T, h Zaken, rights *autorisaties.Rights) http.Handler {
	t.Helper()
	return zzServeExcept(t, h, rights, nil)
}

// zzServeExcept is zzServe without checking the success bodies of the
// operations in deviations.
func zzServeExcept(t *testing.T, h Zaken, rights *autorisaties.Rights, deviations oastest.BodyDeviations) http.Handler {
	t.Helper()
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	api := &zgw.API{Name: "zaken", Root: zkRoot, Component: autorisaties.ZRC, Spec: spec, BaseURL: zkBase}
	authenticate := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := zgw.WithPrincipal(r.Context(), &zgw.Principal{ClientID: "test", Rights: rights})
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
	router := chi.NewRouter()
	router.Route(zkRoot, func(r chi.Router) {
		r.Use(RequireCRS)
		r.Get("/zaken", h.List)
		r.Post("/zaken/_zoek", h.Search)
	})
	return oastest.ValidateExcept(t, spec, zkRoot, api.Handler(authenticate, router), deviations)
}

// zzCRS are the CRS headers a well-behaved client sends.
var zzCRS = map[string]string{"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}

// zzDo sends method path (below the API root) with body and headers to srv
// and decodes the JSON answer.
func zzDo(t *testing.T, srv http.Handler, method, path, body string, headers map[string]string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, zkRoot+path, rd)
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	var out map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("%s %s: %d %s: %v", method, path, w.Code, w.Body.String(), err)
	}
	return w, out
}

// zzSearch posts body to /zaken/_zoek (path may add "?page=2") with the
// CRS headers and expects 200.
func zzSearch(t *testing.T, srv http.Handler, path, body string) map[string]any {
	t.Helper()
	w, out := zzDo(t, srv, http.MethodPost, "/zaken/_zoek"+path, body, zzCRS)
	if w.Code != http.StatusOK {
		t.Fatalf("POST _zoek%s %s: %d %s", path, body, w.Code, w.Body.String())
	}
	if w.Header().Get("Content-Crs") != "EPSG:4326" {
		t.Errorf("Content-Crs %q", w.Header().Get("Content-Crs"))
	}
	return out
}

// zzBodyCases are the _zoek bodies of the filter test on zkHistory with
// the identificaties they select; together they use every field of
// zaakZoek (TestZaken_zoekCoversEveryField).
var zzBodyCases = []struct {
	body string
	want []string
}{
	{`{"uuid__in": ["` + zk2 + `", "` + strings.ToUpper(zk3) + `"]}`, []string{"Z-2", "Z-3"}},
	{`{"uuid__in": []}`, []string{}},
	{`{"identificatie": "Z-2"}`, []string{"Z-2"}},
	{`{"identificatie": "Z-2", "expand": ""}`, []string{"Z-2"}},
	{`{"bronorganisatie": "` + zkRSIN2 + `"}`, []string{"Z-2"}},
	{`{"bronorganisatie__in": ["` + zkRSIN2 + `", "999999999"]}`, []string{"Z-2"}},
	{`{"zaaktype": "` + zkZaaktypeB + `"}`, []string{"Z-3"}},
	{`{"zaaktype__in": ["` + zkZaaktypeB + `", "` + zkZaaktypeA + `"]}`, []string{"Z-1", "Z-2", "Z-3", "Z-4"}},
	{`{"zaaktype__in": ["https://ztc.example/a,b"]}`, []string{}},
	{`{"archiefnominatie": "vernietigen"}`, []string{"Z-3"}},
	{`{"archiefnominatie__in": ["blijvend_bewaren", "vernietigen"]}`, []string{"Z-3"}},
	{`{"archiefactiedatum": "2035-03-05"}`, []string{"Z-3"}},
	{`{"archiefactiedatum__lt": "2035-03-06"}`, []string{"Z-3"}},
	{`{"archiefactiedatum__gt": "2035-03-05"}`, []string{}},
	{`{"archiefactiedatum__isnull": true}`, []string{"Z-1", "Z-2", "Z-4"}},
	{`{"archiefactiedatum__isnull": false}`, []string{"Z-3"}},
	{`{"archiefstatus": "nog_te_archiveren"}`, []string{"Z-1", "Z-2", "Z-3", "Z-4"}},
	{`{"archiefstatus__in": ["gearchiveerd", "overgedragen"]}`, []string{}},
	{`{"startdatum": "2025-02-01"}`, []string{"Z-2"}},
	{`{"startdatum__gt": "2025-02-01"}`, []string{"Z-3"}},
	{`{"startdatum__gte": "2025-02-01"}`, []string{"Z-2", "Z-3"}},
	{`{"startdatum__lt": "2025-02-01"}`, []string{"Z-1", "Z-4"}},
	{`{"startdatum__lte": "2025-01-15"}`, []string{"Z-1", "Z-4"}},
	{`{"registratiedatum": "2025-01-15"}`, []string{"Z-4"}},
	{`{"registratiedatum__gt": "2025-01-15"}`, []string{"Z-2", "Z-3"}},
	{`{"registratiedatum__lt": "2025-01-15"}`, []string{"Z-1"}},
	{`{"einddatum": "2025-03-05"}`, []string{"Z-3"}},
	{`{"einddatum__isnull": true}`, []string{"Z-1", "Z-2", "Z-4"}},
	{`{"einddatum__gt": "2025-03-04"}`, []string{"Z-3"}},
	{`{"einddatum__lt": "2025-03-05"}`, []string{}},
	{`{"einddatumGepland": "2025-06-01"}`, []string{"Z-2"}},
	{`{"einddatumGepland__gt": "2025-05-01"}`, []string{"Z-2"}},
	{`{"einddatumGepland__lt": "2025-06-01"}`, []string{}},
	{`{"uiterlijkeEinddatumAfdoening": "2025-07-01"}`, []string{"Z-2"}},
	{`{"uiterlijkeEinddatumAfdoening__gt": "2025-07-01"}`, []string{}},
	{`{"uiterlijkeEinddatumAfdoening__lt": "2025-07-02"}`, []string{"Z-2"}},
	{`{"maximaleVertrouwelijkheidaanduiding": "openbaar"}`, []string{"Z-3", "Z-4"}},
	{`{"maximaleVertrouwelijkheidaanduiding": "intern"}`, []string{"Z-1", "Z-3", "Z-4"}},
	{`{"rol__betrokkeneType": "medewerker"}`, []string{"Z-1"}},
	{`{"rol__betrokkene": "https://medewerkers.example/1"}`, []string{"Z-1"}},
	{`{"rol__omschrijvingGeneriek": "behandelaar"}`, []string{"Z-1", "Z-2"}},
	{`{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "111222333"}`, []string{"Z-1"}},
	{`{"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie": "A1"}`, []string{"Z-1"}},
	{`{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer": "1234567890"}`, []string{"Z-1"}},
	{`{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId": "999990019"}`, []string{"Z-2"}},
	{`{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": "x"}`, []string{}},
	{`{"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer": "x"}`, []string{}},
	{`{"rol__betrokkeneIdentificatie__medewerker__identificatie": "mw-1"}`, []string{"Z-1"}},
	{`{"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie": "x"}`, []string{}},
	// One rol must meet every rol__ condition, as on GET.
	{`{"rol__betrokkeneType": "medewerker", "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "111222333"}`, []string{}},
	{`{"zaaktype": "` + zkZaaktypeA + `", "startdatum__gte": "2025-01-15", "ordering": "-startdatum"}`, []string{"Z-2", "Z-4"}},
	{`{"zaakgeometrie": null, "identificatie": "Z-1"}`, []string{"Z-1"}},
}

func TestZaken_zoekFilters(t *testing.T) {
	h := zkProject(t, zkHistory(t))
	srv := zzServe(t, h, zkSuperuser)
	for _, c := range zzBodyCases {
		t.Run(c.body, func(t *testing.T) {
			out := zzSearch(t, srv, "", c.body)
			got := zkIdentificaties(t, out)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if int(out["count"].(float64)) != len(c.want) {
				t.Errorf("count %v, want %d", out["count"], len(c.want))
			}
		})
	}
	t.Run("same page as GET", func(t *testing.T) {
		_, list := zzDo(t, srv, http.MethodGet, "/zaken?zaaktype="+url.QueryEscape(zkZaaktypeA)+"&ordering=-identificatie", "", zzCRS)
		search := zzSearch(t, srv, "", `{"zaaktype": "`+zkZaaktypeA+`", "ordering": "-identificatie"}`)
		if !reflect.DeepEqual(list, search) {
			t.Errorf("GET /zaken\n%v\n_zoek\n%v", list, search)
		}
	})
}

// TestZaken_zoekCoversEveryField checks that zaakZoek has exactly the
// properties of the OAS schema ZaakZoek, and that the filter test uses
// each of them.
func TestZaken_zoekCoversEveryField(t *testing.T) {
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for name := range spec.Doc().Components.Schemas["ZaakZoek"].Value.Properties {
		want = append(want, name)
	}
	var got []string
	for _, f := range reflect.VisibleFields(reflect.TypeFor[zaakZoek]()) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		got = append(got, name)
		used := false
		for _, c := range zzBodyCases {
			used = used || strings.Contains(c.body, `"`+name+`":`)
		}
		if !used {
			t.Errorf("no filter case uses %s", name)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("zaakZoek fields %v,\nOAS ZaakZoek %v", got, want)
	}
}

func TestZaken_zoekBadBodies(t *testing.T) {
	h := zkProject(t, nil)
	srv := zzServe(t, h, zkSuperuser)
	bowtie := `{"type": "Polygon", "coordinates": [[[0,0],[1,1],[1,0],[0,1],[0,0]]]}`
	cases := []struct {
		body, name string // name: the invalidParam expected
	}{
		{`{"identificatie": 5}`, "identificatie"},
		{`{"zaaktype__in": "` + zkZaaktypeA + `"}`, "zaaktype__in"},
		{`{"zaaktype__in": [1]}`, "zaaktype__in.0"},
		{`{"einddatum__isnull": "true"}`, "einddatum__isnull"},
		// Unknown fields are ignored, as Open Zaak ignores them; a body of
		// nothing else is empty.
		{`{"kat": 1}`, "nonFieldErrors"},
		{`{"startdatum": "gisteren"}`, "startdatum"},
		{`{"registratiedatum__lt": "2025-13-01"}`, "registratiedatum__lt"},
		{`{"archiefnominatie__in": ["vernietigen", "bewaren"]}`, "archiefnominatie__in"},
		{`{"archiefstatus": "weg"}`, "archiefstatus"},
		{`{"zaaktype": "geen-url"}`, "zaaktype"},
		{`{"zaaktype__in": ["geen-url"]}`, "zaaktype__in"},
		{`{"uuid__in": ["geen-uuid"]}`, "uuid__in"},
		{`{"maximaleVertrouwelijkheidaanduiding": "heel_geheim"}`, "maximaleVertrouwelijkheidaanduiding"},
		{`{"rol__betrokkeneType": "kat"}`, "rol__betrokkeneType"},
		{`{"ordering": "omschrijving"}`, "ordering"},
		{`{"identificatie": "a\u0000b"}`, "identificatie"},
		{`{"bronorganisatie__in": ["a\u0000b"]}`, "bronorganisatie__in.0"},
		{`{}`, "nonFieldErrors"},
		{`[]`, "nonFieldErrors"},
		{`{"zaakgeometrie": {}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": null}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": "POLYGON((0 0,1 1,1 0,0 0))"}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Kat", "coordinates": [1, 2]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Polygon"}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Point", "coordinates": [1]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Point", "coordinates": ["a", 2]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "LineString", "coordinates": [[1, 2]]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Polygon", "coordinates": [[[0,0],[1,1],[1,0]]]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Polygon", "coordinates": [[[0,0],[1,1],[1,0],[0,1]]]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "MultiPolygon", "coordinates": [[[[0,0],[1,1]]]]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "GeometryCollection", "geometries": [{"type": "GeometryCollection", "geometries": []}]}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "GeometryCollection"}}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": ` + bowtie + `}}`, "zaakgeometrie.within"},
		{`{"zaakgeometrie": {"within": {"type": "Point", "coordinates": [1e400, 2]}}}`, "zaakgeometrie.within"},
	}
	for _, c := range cases {
		t.Run(c.body, func(t *testing.T) {
			w, out := zzDo(t, srv, http.MethodPost, "/zaken/_zoek", c.body, zzCRS)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("%d %s", w.Code, w.Body.String())
			}
			params, _ := out["invalidParams"].([]any)
			found := false
			for _, p := range params {
				found = found || p.(map[string]any)["name"] == c.name
			}
			if !found {
				t.Errorf("invalidParams %v does not name %s", params, c.name)
			}
		})
	}
	t.Run("every fault at once", func(t *testing.T) {
		_, out := zzDo(t, srv, http.MethodPost, "/zaken/_zoek", `{"startdatum": "x", "archiefstatus": "y",
			"zaakgeometrie": {"within": `+bowtie+`}}`, zzCRS)
		if params, _ := out["invalidParams"].([]any); len(params) != 3 {
			t.Errorf("invalidParams %v", params)
		}
	})
	for name, c := range map[string]struct {
		path, body, contentType string
		status                  int
		code                    string
	}{
		"not JSON":             {"/zaken/_zoek", `{"identificatie": `, "application/json", 400, "parse_error"},
		"no body":              {"/zaken/_zoek", ``, "application/json", 400, "parse_error"},
		"not application/json": {"/zaken/_zoek", `{"identificatie": "Z-1"}`, "text/plain", 415, "unsupported_media_type"},
		"page 0":               {"/zaken/_zoek?page=0", `{"identificatie": "Z-1"}`, "application/json", 400, "invalid"},
		"unknown parameter":    {"/zaken/_zoek?identificatie=Z-1", `{"identificatie": "Z-1"}`, "application/json", 400, "invalid"},
	} {
		t.Run(name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, zkRoot+c.path, strings.NewReader(c.body))
			r.Header.Set("Content-Type", c.contentType)
			r.Header.Set("Accept-Crs", "EPSG:4326")
			r.Header.Set("Content-Crs", "EPSG:4326")
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, r)
			var out map[string]any
			_ = json.Unmarshal(w.Body.Bytes(), &out)
			if w.Code != c.status || out["code"] != c.code {
				t.Errorf("%d %s", w.Code, w.Body.String())
			}
		})
	}
}

func TestZaken_zoekPagination(t *testing.T) {
	r := &zkRecorder{t: t}
	clock := domain.FixedClock{T: zkNow}
	const n = pageSize + 5
	for i := range n {
		id := fmt.Sprintf("c0000000-0000-4000-8000-%012d", i)
		z := zaken.NewZaak(id, clock)
		r.on(id)(z.Create(zkGegevens(fmt.Sprintf("P-%03d", i), zkRSIN, zkZaaktypeA, "openbaar", "2025-01-01"),
			zkFeiten(zkZaaktypeA, nil)))
	}
	id := "c1000000-0000-4000-8000-000000000001"
	r.on(id)(zaken.NewZaak(id, clock).Create(zkGegevens("Q-1", zkRSIN, zkZaaktypeB, "openbaar", "2025-01-01"),
		zkFeiten(zkZaaktypeB, nil)))
	srv := zzServe(t, zkProject(t, r.out), zkSuperuser)

	body := `{"zaaktype": "` + zkZaaktypeA + `"}`
	out := zzSearch(t, srv, "", body)
	got := zkIdentificaties(t, out)
	if out["count"].(float64) != n || len(got) != pageSize || got[0] != "P-000" || out["previous"] != nil {
		t.Errorf("page 1: count %v, %d results from %s, previous %v", out["count"], len(got), got[0], out["previous"])
	}
	next, _ := out["next"].(string)
	if next != zkBase+zkRoot+"/zaken/_zoek?page=2" {
		t.Fatalf("next %q", next)
	}
	out = zzSearch(t, srv, strings.TrimPrefix(next, zkBase+zkRoot+"/zaken/_zoek"), body)
	got = zkIdentificaties(t, out)
	if out["count"].(float64) != n || !slices.Equal(got, []string{"P-100", "P-101", "P-102", "P-103", "P-104"}) ||
		out["next"] != nil || out["previous"] != zkBase+zkRoot+"/zaken/_zoek?page=1" {
		t.Errorf("page 2: count %v, %v, next %v, previous %v", out["count"], got, out["next"], out["previous"])
	}
	out = zzSearch(t, srv, "?page=2", `{"zaaktype": "`+zkZaaktypeA+`", "ordering": "-identificatie"}`)
	if got := zkIdentificaties(t, out); len(got) != 5 || got[0] != "P-004" {
		t.Errorf("page 2 descending: %v", got)
	}
	out = zzSearch(t, srv, "?page=3", body)
	if got := zkIdentificaties(t, out); len(got) != 0 || out["count"].(float64) != n {
		t.Errorf("page 3: %v, count %v", got, out["count"])
	}
}

// TestZaken_zrc006_zoek checks that _zoek is limited by the principal's
// rights exactly as the list is, whatever the body asks for (Open Zaak
// once let _zoek bypass the authorisation), and that it needs the scope
// zaken.lezen the OAS declares for it, although it is a POST.
func TestZaken_zrc006_zoek(t *testing.T) {
	history := zkHistory(t)
	history = append(history, zzGeoZaak(t, zzIDb, "G-B", zkZaaktypeB, "openbaar", `{"type": "Point", "coordinates": [4.5, 52]}`))
	h := zkProject(t, history)
	rights := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "intern"},
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: zkZaaktypeB, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
		{Component: autorisaties.DRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeB, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
	}}
	srv := zzServe(t, h, rights)
	for body, want := range map[string][]string{
		`{"ordering": "identificatie"}`:                                    {"Z-1", "Z-4"},
		`{"zaaktype": "` + zkZaaktypeB + `"}`:                              {},
		`{"zaaktype__in": ["` + zkZaaktypeA + `", "` + zkZaaktypeB + `"]}`: {"Z-1", "Z-4"},
		`{"maximaleVertrouwelijkheidaanduiding": "zeer_geheim"}`:           {"Z-1", "Z-4"},
		`{"uuid__in": ["` + zk1 + `", "` + zk2 + `", "` + zk3 + `"]}`:      {"Z-1"},
		`{"identificatie": "Z-2"}`:                                         {},
		`{"zaakgeometrie": {"within": ` + zzSquare + `}}`:                  {},
	} {
		out := zzSearch(t, srv, "", body)
		got := zkIdentificaties(t, out)
		slices.Sort(got)
		if !slices.Equal(got, want) || int(out["count"].(float64)) != len(want) {
			t.Errorf("%s: %v, count %v, want %v", body, got, out["count"], want)
		}
	}
	if got := zkIdentificaties(t, zzSearch(t, zzServe(t, h, zkSuperuser), "", `{"zaakgeometrie": {"within": `+zzSquare+`}}`)); !slices.Equal(got, []string{"G-B"}) {
		t.Errorf("the superuser's geo search finds %v", got)
	}
	noApplicatie := zzServe(t, h, &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: "https://ztc.example/anders", MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
	}})
	if got := zkIdentificaties(t, zzSearch(t, noApplicatie, "", `{"ordering": "identificatie"}`)); len(got) != 0 {
		t.Errorf("a client without grants on these zaaktypen sees %v", got)
	}
	writer := zzServe(t, h, &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.aanmaken", "zaken.bijwerken"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
	}})
	if w, out := zzDo(t, writer, http.MethodPost, "/zaken/_zoek", `{"ordering": "identificatie"}`, zzCRS); w.Code != http.StatusForbidden || out["code"] != "permission_denied" {
		t.Errorf("a client without zaken.lezen: %d %v", w.Code, out)
	}
}
