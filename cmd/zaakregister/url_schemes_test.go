package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zaakregister/zaakregister/oas"
)

// badSchemes are URLs a case-handling UI must never be handed as a link:
// one that runs script, one of a scheme the registry does not follow.
var badSchemes = []string{"javascript:alert(1)", "ftp://example.org/x"}

// urlTarget is what a write of one operation is sent in
// TestURLFields_OnlyHTTP.
type urlTarget struct {
	// path is the concrete path below the API root.
	path string
	// body is a valid body for a POST or PUT; a PATCH sends only the
	// top-level field that holds the URL, taken from it.
	body map[string]any
	// check is the path, below the API root, whose answer must not show
	// a refused URL afterwards: the list for a POST, the resource for a
	// PUT or PATCH; "" for a search, which stores nothing.
	check string
	// search: the body is a search's filters, which refuse a value that
	// is no URL they take as a query parameter does (queryCode, on the
	// field without list index).
	search bool
}

// queryCode is the code a list answers a filter value that is no http(s)
// URL with.
const queryCode = "invalid"

// urlAPI is one served API: its specification, its root and, by
// operation ("POST /zaken", "PUT /zaken/{uuid}"), the targets of its
// writes.
type urlAPI struct {
	spec, root string
	targets    map[string]urlTarget
	// extra and extraQuery are URL fields and query parameters the
	// specification does not declare as format uri, by operation.
	extra, extraQuery map[string][]string
}

// TestURLFields_OnlyHTTP: every URL field of every write of the served
// APIs, as their specifications declare them, refuses a URL of another
// scheme than http or https with 400 and code bad-url on that field, and
// stores nothing; every query parameter that takes a URL refuses one with
// the code it gives any other value that is no URL.
func TestURLFields_OnlyHTTP(t *testing.T) {
	e := startZaken(t, 1)
	apis := urlFixtures(t, e)
	for _, api := range apis {
		send := func(method, path string, body any) response {
			t.Helper()
			if api.root == zrcRoot {
				return e.g.do(method, api.root+path, e.admin, body, "Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326")
			}
			return e.g.do(method, api.root+path, e.admin, body)
		}
		writes, queries := 0, 0
		for _, op := range mustSpec(t, api.spec).Operations() {
			key := op.Method + " " + op.Path
			if op.Method == http.MethodGet {
				if params := slices.Concat(uriQueryParams(op), api.extraQuery[key]); len(params) > 0 {
					queries += len(params)
					t.Run(api.spec+"/"+op.ID, func(t *testing.T) { checkURLQuery(t, send, op.Path, params) })
				}
				continue
			}
			fields := slices.Concat(uriFields(op), api.extra[key])
			if len(fields) == 0 {
				continue
			}
			target, ok := api.targets[key]
			if !ok {
				t.Errorf("%s %s: no target for its URL fields %v", api.spec, key, fields)
				continue
			}
			writes += len(fields)
			t.Run(api.spec+"/"+op.ID, func(t *testing.T) { checkURLWrite(t, send, op.Method, target, fields) })
		}
		if writes == 0 && api.targets != nil {
			t.Errorf("%s: no write with a URL field tested", api.spec)
		}
		t.Logf("%s: %d URL fields of writes, %d URL query parameters", api.spec, writes, queries)
	}

	// The scheme's case does not matter; a host is needed.
	zo := apis[0].targets["POST /zaakobjecten"]
	e.created(t, zo.path, e.admin, with(zo.body, "object", "HTTPS://Objecten.example/api/v2/objects/1"))
	for _, bad := range []string{"http:objecten.example/x", "http:///x", "https://:443/x"} {
		problem(t, e.do("POST", zo.path, e.admin, with(zo.body, "object", bad)), http.StatusBadRequest, "object", "bad-url")
	}
}

// checkURLQuery sends GET path with each of params set to each of
// badSchemes and wants it refused with queryCode.
func checkURLQuery(t *testing.T, send func(method, path string, body any) response, path string, params []string) {
	t.Helper()
	for _, name := range params {
		for _, bad := range badSchemes {
			r := send("GET", path+"?"+url.Values{name: {bad}}.Encode(), nil)
			if r.Status != http.StatusBadRequest {
				t.Errorf("GET %s?%s=%s: status %d: %.300s", path, name, bad, r.Status, r.Body)
			} else if code := invalidParam(t, r, name); code != queryCode {
				t.Errorf("GET %s?%s=%s: code %q, want %s: %s", path, name, bad, code, queryCode, r.Body)
			}
		}
	}
}

// checkURLWrite sends a write of method to target with each of fields set
// to each of badSchemes, wants it refused with bad-url on that field (a
// search: queryCode) and the check path of target not to show it after.
func checkURLWrite(t *testing.T, send func(method, path string, body any) response, method string, target urlTarget, fields []string) {
	t.Helper()
	for _, field := range fields {
		name, want := strings.ReplaceAll(field, ".N", ".0"), "bad-url"
		if target.search {
			name, want = strings.TrimSuffix(field, ".N"), queryCode
		}
		for _, bad := range badSchemes {
			var before response
			if target.check != "" {
				before = send("GET", target.check, nil)
				expect(t, before, http.StatusOK)
			}
			r := send(method, target.path, withURL(t, method, target.body, field, bad))
			if r.Status != http.StatusBadRequest {
				t.Errorf("%s %s with %s = %s: status %d: %.300s", method, target.path, name, bad, r.Status, r.Body)
			} else if codes := invalidParamCodes(t, r, name); !slices.Equal(codes, []string{want}) {
				t.Errorf("%s %s with %s = %s: codes %q, want %s: %s", method, target.path, name, bad, codes, want, r.Body)
			}
			if target.check == "" {
				continue
			}
			after := send("GET", target.check, nil)
			expect(t, after, http.StatusOK)
			if strings.Count(string(after.Body), bad) > strings.Count(string(before.Body), bad) {
				t.Errorf("%s %s with %s = %s: stored: %.300s", method, target.path, name, bad, after.Body)
			}
		}
	}
}

// urlFixtures creates a resource of each kind the writes of
// TestURLFields_OnlyHTTP change, each from the body its POST is then sent
// with (so that body is known to be valid), and returns the targets.
func urlFixtures(t *testing.T, e *zrcEnv) []urlAPI {
	t.Helper()
	g, a, zt := e.g, e.admin, e.zt[0]

	// Catalogi: concepts in a catalogus of their own, which may change.
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(a, "URL")
	ztc := map[string]urlTarget{}
	ztcCreate := func(collection string, body map[string]any) string {
		t.Helper()
		check := "/" + collection
		if op, ok := mustSpec(t, "catalogi-1.3.1").Operation("GET", check); ok {
			if _, ok := op.QueryParams["status"]; ok {
				check += "?status=alles"
			}
		}
		ztc["POST /"+collection] = urlTarget{path: "/" + collection, body: body, check: check}
		u := g.create(a, collection, body)
		p := strings.TrimPrefix(u, testBaseURL+catalogiRoot)
		for _, m := range []string{"PUT", "PATCH"} {
			ztc[m+" /"+collection+"/{uuid}"] = urlTarget{path: p, body: body, check: p}
		}
		return u
	}
	iot := ztcCreate("informatieobjecttypen", map[string]any{"catalogus": cat, "omschrijving": "Aanvraag",
		"vertrouwelijkheidaanduiding": "openbaar", "informatieobjectcategorie": "brief", "beginGeldigheid": "2024-01-01"})
	bt := ztcCreate("besluittypen", map[string]any{"catalogus": cat, "omschrijving": "Besluit A",
		"publicatieIndicatie": false, "informatieobjecttypen": []string{"Aanvraag"}, "beginGeldigheid": "2024-01-01"})
	ztURL := ztcCreate("zaaktypen", zaaktypeVoor(cat, "ZT-URL", "2024-01-01", sl.procestype, "Besluit A"))
	ztcCreate("statustypen", map[string]any{"zaaktype": ztURL, "omschrijving": "Begin", "volgnummer": 1})
	ztcCreate("roltypen", map[string]any{"zaaktype": ztURL, "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"})
	ztcCreate("resultaattypen", map[string]any{"zaaktype": ztURL, "omschrijving": "Verleend",
		"resultaattypeomschrijving": sl.omschrijving, "selectielijstklasse": sl.resultaat,
		"brondatumArchiefprocedure": map[string]any{"afleidingswijze": "afgehandeld"}, "besluittypen": []string{bt}})
	ztcCreate("eigenschappen", map[string]any{"zaaktype": ztURL, "naam": "kenteken", "definitie": "Kenteken",
		"specificatie": map[string]any{"formaat": "tekst", "lengte": "8", "kardinaliteit": "1"}})
	ztcCreate("zaakobjecttypen", map[string]any{"zaaktype": ztURL, "anderObjecttype": false,
		"objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "object",
		"beginGeldigheid": "2024-01-01"})
	ztcCreate("zaaktype-informatieobjecttypen", map[string]any{"zaaktype": ztURL,
		"informatieobjecttype": "Aanvraag", "volgnummer": 1, "richting": "inkomend"})

	// Zaken: on the published zaaktype startZaken seeded.
	zrc := map[string]urlTarget{}
	// zrcCreate creates a resource by a POST to path (of operation path
	// template post) and registers the targets of its POST, PUT and PATCH
	// (detail, the template of its own path; "" when it has neither).
	zrcCreate := func(post, path string, body map[string]any, detail string) string {
		t.Helper()
		zrc["POST "+post] = urlTarget{path: path, body: body, check: path}
		u := e.created(t, path, a, body)["url"].(string)
		if detail != "" {
			for _, m := range []string{"PUT", "PATCH"} {
				zrc[m+" "+detail] = urlTarget{path: zrcPath(u), body: body, check: zrcPath(u)}
			}
		}
		return u
	}
	zaak := zrcCreate("/zaken", "/zaken", zaakBody(zt), "/zaken/{uuid}")
	zp := zrcPath(zaak)
	zrc["POST /zaken/_zoek"] = urlTarget{path: "/zaken/_zoek", body: map[string]any{}, search: true}
	zrcCreate("/statussen", "/statussen", map[string]any{"zaak": zaak, "statustype": zt.statustypen[0],
		"datumStatusGezet": "2026-11-02T10:00:00Z"}, "")
	zrcCreate("/rollen", "/rollen", map[string]any{"zaak": zaak, "betrokkeneType": "natuurlijk_persoon", "roltype": zt.roltypen[0],
		"roltoelichting": "Aanvrager", "betrokkeneIdentificatie": map[string]any{"inpBsn": "123456782"}}, "")
	zrcCreate("/zaakobjecten", "/zaakobjecten", map[string]any{"zaak": zaak, "objectType": "adres",
		"objectIdentificatie": map[string]any{"identificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam",
			"gorOpenbareRuimteNaam": "Dam", "huisnummer": 1}}, "/zaakobjecten/{uuid}")
	yes := true
	doc := e.docs.add("9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a", e.iots["Aanvraag"], &yes, "definitief")
	zrcCreate("/zaakinformatieobjecten", "/zaakinformatieobjecten", map[string]any{"zaak": zaak, "informatieobject": doc,
		"titel": "Aanvraag"}, "/zaakinformatieobjecten/{uuid}")
	zrcCreate("/klantcontacten", "/klantcontacten", map[string]any{"zaak": zaak, "datumtijd": "2026-11-02T09:00:00Z",
		"kanaal": "telefoon"}, "")
	zrcCreate("/zaakcontactmomenten", "/zaakcontactmomenten", map[string]any{"zaak": zaak,
		"contactmoment": "https://contactmomenten.example/api/v1/contactmomenten/7b8a6f3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b"}, "")
	zrcCreate("/zaakverzoeken", "/zaakverzoeken", map[string]any{"zaak": zaak,
		"verzoek": "https://verzoeken.example/api/v1/verzoeken/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}, "")
	zrcCreate("/zaken/{zaak_uuid}/besluiten", zp+"/besluiten", map[string]any{
		"besluit": "https://besluiten.example/api/v1/besluiten/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"}, "")
	zrcCreate("/zaken/{zaak_uuid}/zaakeigenschappen", zp+"/zaakeigenschappen", map[string]any{"zaak": zaak,
		"eigenschap": zt.eigenschappen[0], "waarde": "2026-11-01"}, "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}")
	zrcCreate("/resultaten", "/resultaten", map[string]any{"zaak": zaak, "resultaattype": zt.resultaattypen[0]}, "/resultaten/{uuid}")

	// Autorisaties: an applicatie with an autorisatie of each type-bound
	// component.
	ac := map[string]urlTarget{}
	app := map[string]any{"clientIds": []string{"url-schemes"}, "label": "URL-schemes", "heeftAlleAutorisaties": false,
		"autorisaties": []map[string]any{
			{"component": "zrc", "scopes": []string{"zaken.lezen"}, "zaaktype": zt.url, "maxVertrouwelijkheidaanduiding": "openbaar"},
			{"component": "drc", "scopes": []string{"documenten.lezen"}, "informatieobjecttype": iot, "maxVertrouwelijkheidaanduiding": "openbaar"},
			{"component": "brc", "scopes": []string{"besluiten.lezen"}, "besluittype": bt},
		}}
	ac["POST /applicaties"] = urlTarget{path: "/applicaties", body: app, check: "/applicaties"}
	r := g.do("POST", acRoot+"/applicaties", a, app)
	expect(t, r, http.StatusCreated)
	ap := strings.TrimPrefix(r.json(t)["url"].(string), testBaseURL+acRoot)
	for _, m := range []string{"PUT", "PATCH"} {
		ac[m+" /applicaties/{uuid}"] = urlTarget{path: ap, body: app, check: ap}
	}
	// The Autorisaties 1.0.0 file declares these plain strings.
	acFields := []string{"autorisaties.0.zaaktype", "autorisaties.1.informatieobjecttype", "autorisaties.2.besluittype"}

	return []urlAPI{
		{spec: "zaken-1.5.1", root: zrcRoot, targets: zrc},
		{spec: "catalogi-1.3.1", root: catalogiRoot, targets: ztc},
		{spec: "autorisaties-1.0.0", root: acRoot, targets: ac, extra: map[string][]string{
			"POST /applicaties": acFields, "PUT /applicaties/{uuid}": acFields, "PATCH /applicaties/{uuid}": acFields,
		}},
		// Its one URL filter is declared a plain string.
		{spec: "referentielijsten-0.6.0", root: selectielijstRoot, extraQuery: map[string][]string{
			"GET /resultaten": {"proces_type"},
		}},
	}
}

func mustSpec(t *testing.T, name string) *oas.Spec {
	t.Helper()
	s, err := oas.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// uriFields are the dotted paths of the string properties of format uri
// in the request body schema of op that a client writes: not read-only,
// not under _expand (the embedded resources of an answer). A list item is
// "N".
func uriFields(op *oas.Operation) []string {
	o := op.OpenAPI()
	if o == nil || o.RequestBody == nil || o.RequestBody.Value == nil {
		return nil
	}
	mt := o.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	var out []string
	var walk func(s *openapi3.Schema, path string, depth int)
	walk = func(s *openapi3.Schema, path string, depth int) {
		if s == nil || s.ReadOnly || depth > 8 {
			return
		}
		if s.Format == "uri" && !slices.Contains(out, path) {
			out = append(out, path)
		}
		for _, sub := range slices.Concat(s.AllOf, s.OneOf, s.AnyOf) {
			walk(sub.Value, path, depth+1)
		}
		for name, p := range s.Properties {
			if name != "_expand" {
				walk(p.Value, strings.TrimPrefix(path+"."+name, "."), depth+1)
			}
		}
		if s.Items != nil {
			walk(s.Items.Value, path+".N", depth+1)
		}
	}
	walk(mt.Schema.Value, "", 0)
	slices.Sort(out)
	return out
}

// uriQueryParams are the query parameters of op of format uri, or lists
// of them.
func uriQueryParams(op *oas.Operation) []string {
	var out []string
	for _, p := range op.OpenAPI().Parameters {
		if p.Value == nil || p.Value.In != "query" || p.Value.Schema == nil || p.Value.Schema.Value == nil {
			continue
		}
		s := p.Value.Schema.Value
		if s.Items != nil && s.Items.Value != nil {
			s = s.Items.Value
		}
		if s.Format == "uri" {
			out = append(out, p.Value.Name)
		}
	}
	slices.Sort(out)
	return out
}

// withURL is the body a write of method sends to set field (a dotted path,
// "N" or a number for a list item) to v: body with it set for a POST or
// PUT, only its top-level field for a PATCH. Objects and lists on the way
// that body lacks are made.
func withURL(t *testing.T, method string, body map[string]any, field string, v string) map[string]any {
	t.Helper()
	var out map[string]any
	data, _ := json.Marshal(body)
	if err := json.Unmarshal(data, &out); err != nil { // a deep copy
		t.Fatal(err)
	}
	path := strings.Split(field, ".")
	var set func(x any, path []string) any
	set = func(x any, path []string) any {
		if len(path) == 0 {
			return v
		}
		if i, err := strconv.Atoi(path[0]); err == nil || path[0] == "N" {
			l, _ := x.([]any)
			if len(l) <= i {
				l = append(l, make([]any, i+1-len(l))...)
			}
			l[i] = set(l[i], path[1:])
			return l
		}
		m, _ := x.(map[string]any)
		if m == nil {
			m = map[string]any{}
		}
		m[path[0]] = set(m[path[0]], path[1:])
		return m
	}
	out = set(out, path).(map[string]any)
	if method == http.MethodPatch {
		return map[string]any{path[0]: out[path[0]]}
	}
	return out
}
