package main

import (
	"encoding/json"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/referentielijsten"
)

// TestMove_FullCase: a registry that moves to another base URL, with the
// former one in ZAAKREGISTER_URL_ALIASES, shows a full case (catalogue,
// autorisaties, a closed zaak with every kind of sub-resource, its audit
// trail) under the new host only; takes writes that name resources under
// either host; and answers byte for byte the same after a rebuild of
// every read model.
func TestMove_FullCase(t *testing.T) {
	c := buildMoveCase(t)
	t.Setenv("ZAAKREGISTER_URL_ALIASES", testBaseURL)
	c.checkMoved(t, openRegistryAt(t, c.e.g.dbURL, movedBaseURL, true))
}

// moveCase is a full case built on a registry at testBaseURL; its URLs
// are as that registry answered them.
type moveCase struct {
	e  *zrcEnv
	zt *seededZaaktype
	// lezer is the client id of applicatie, which may read zaken of zt.
	lezer, applicatie string
	// zaak has hoofdzaak as its hoofdzaak and andere as its relevante
	// andere zaak; its statussen are in order, the last closing it.
	zaak, hoofdzaak, andere                                 string
	statussen                                               []string
	rol, resultaat, zaakeigenschap, zaakobject, zio, kanaal string
	// procestype and omschrijving are the Referentielijsten URLs the
	// catalogue gave zt and its first resultaattype.
	procestype, omschrijving string
}

// buildMoveCase starts a registry at testBaseURL and builds the case.
func buildMoveCase(t *testing.T) *moveCase {
	t.Helper()
	e := startZaken(t, 1)
	zt, a := e.zt[0], e.admin
	c := &moveCase{e: e, zt: zt, lezer: "verhuisde-lezer"}
	r := e.g.do("POST", acRoot+"/applicaties", a, map[string]any{"clientIds": []string{c.lezer}, "label": "Zaaksysteem",
		"autorisaties": []map[string]any{
			{"component": "zrc", "scopes": []string{"zaken.lezen"}, "zaaktype": zt.url, "maxVertrouwelijkheidaanduiding": "zeer_geheim"},
			{"component": "drc", "scopes": []string{"documenten.lezen"}, "informatieobjecttype": e.iots["Aanvraag"],
				"maxVertrouwelijkheidaanduiding": "zeer_geheim"},
		}})
	expect(t, r, http.StatusCreated)
	c.applicatie = r.json(t)["url"].(string)
	e.g.cli("client", "add", c.lezer, "--secret", "verhuisd")

	l, err := referentielijsten.Load()
	if err != nil {
		t.Fatal(err)
	}
	c.kanaal = testBaseURL + selectielijstRoot + "/communicatiekanalen/" + l.Communicatiekanalen()[0].UUID
	processen, omschrijvingen := realisticSelectielijst(t)
	c.procestype, c.omschrijving = processen[0].procestype, omschrijvingen[realisticResultaattypen[0][1]]
	c.hoofdzaak = e.created(t, "/zaken", a, zaakBody(zt))["url"].(string)
	c.andere = e.created(t, "/zaken", a, zaakBody(zt))["url"].(string)
	c.zaak = e.created(t, "/zaken", a, with(zaakBody(zt), "hoofdzaak", c.hoofdzaak,
		"relevanteAndereZaken", []map[string]any{{"url": c.andere, "aardRelatie": "vervolg"}},
		"communicatiekanaal", c.kanaal, "selectielijstklasse", zt.resultaten[0].selectielijstklasse))["url"].(string)
	c.rol = e.created(t, "/rollen", a, map[string]any{"zaak": c.zaak, "betrokkeneType": "natuurlijk_persoon",
		"roltype": zt.roltypen[0], "roltoelichting": "Aanvrager", "betrokkene": "https://personen.example/api/v1/ingeschrevenpersonen/999990019",
		"betrokkeneIdentificatie": map[string]any{"inpBsn": "999990019", "geslachtsnaam": "Jansen"}})["url"].(string)
	c.statussen = append(c.statussen, e.created(t, "/statussen", a, map[string]any{"zaak": c.zaak, "statustype": zt.statustypen[0],
		"datumStatusGezet": "2026-11-02T10:00:00Z", "gezetdoor": c.rol})["url"].(string))
	c.zaakeigenschap = e.created(t, zrcPath(c.zaak)+"/zaakeigenschappen", a, map[string]any{"zaak": c.zaak,
		"eigenschap": zt.eigenschappen[0], "waarde": "2026-11-01"})["url"].(string)
	c.zaakobject = e.created(t, "/zaakobjecten", a, map[string]any{"zaak": c.zaak, "objectType": "adres",
		"objectIdentificatie": map[string]any{"identificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam",
			"gorOpenbareRuimteNaam": "Dam", "huisnummer": 1}})["url"].(string)
	yes := true
	doc := e.docs.add("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", e.iots["Aanvraag"], &yes, "definitief")
	c.zio = e.created(t, "/zaakinformatieobjecten", a, map[string]any{"zaak": c.zaak, "informatieobject": doc,
		"titel": "Aanvraag", "status": c.statussen[0]})["url"].(string)
	c.resultaat = e.created(t, "/resultaten", a, map[string]any{"zaak": c.zaak, "resultaattype": zt.resultaattypen[0]})["url"].(string)
	c.statussen = append(c.statussen, e.created(t, "/statussen", a, map[string]any{"zaak": c.zaak,
		"statustype": zt.statustypen[len(zt.statustypen)-1], "datumStatusGezet": "2026-11-20T12:00:00Z"})["url"].(string))
	if closed := e.do("GET", zrcPath(c.zaak), a, nil).json(t); closed["einddatum"] != "2026-11-20" {
		t.Fatalf("the eindstatus did not close the zaak: einddatum %v", closed["einddatum"])
	}
	return c
}

// moveExpand expands every relation of a zaak, nested where the case has
// something to show.
const moveExpand = "status,status.statustype,status.gezetdoor,zaaktype,rollen,rollen.roltype,hoofdzaak,relevanteAndereZaken," +
	"resultaat,resultaat.resultaattype,eigenschappen,eigenschappen.eigenschap,zaakobjecten,zaakinformatieobjecten,deelzaken"

// gets are the reads of the case on a registry at base (query filters
// name resources under it): every resource of the case, the lists that
// show it, the zaak expanded, its audit trail, the catalogue and the
// applicatie.
func (c *moveCase) gets(base string) []string {
	p, u := movePath, func(url string) string { return base + movePath(url) }
	zt := c.zt
	paths := []string{
		zrcRoot + "/zaken", zrcRoot + "/zaken?expand=" + moveExpand, zrcRoot + "/zaken?zaaktype=" + u(zt.url),
		p(c.zaak), p(c.zaak) + "?expand=" + moveExpand, p(c.hoofdzaak) + "?expand=deelzaken", p(c.andere),
		zrcRoot + "/statussen?zaak=" + u(c.zaak), zrcRoot + "/rollen?zaak=" + u(c.zaak), p(c.rol),
		zrcRoot + "/resultaten?zaak=" + u(c.zaak), p(c.resultaat),
		p(c.zaak) + "/zaakeigenschappen", p(c.zaakeigenschap),
		zrcRoot + "/zaakobjecten?zaak=" + u(c.zaak), p(c.zaakobject),
		zrcRoot + "/zaakinformatieobjecten?zaak=" + u(c.zaak), p(c.zio),
		p(c.zaak) + "/audittrail",
		p(zt.url), catalogiRoot + "/zaaktypen?status=alles", p(c.e.catalogus), catalogiRoot + "/catalogussen",
		catalogiRoot + "/statustypen?zaaktype=" + u(zt.url), catalogiRoot + "/resultaattypen?zaaktype=" + u(zt.url),
		catalogiRoot + "/informatieobjecttypen?status=alles", catalogiRoot + "/zaaktype-informatieobjecttypen?zaaktype=" + u(zt.url),
		p(c.e.iots["Aanvraag"]),
		p(c.applicatie), acRoot + "/applicaties", acRoot + "/applicaties/consumer?clientId=" + c.lezer,
		p(c.kanaal), p(c.procestype), p(c.omschrijving), p(zt.resultaten[0].selectielijstklasse),
	}
	for _, s := range c.statussen {
		paths = append(paths, p(s))
	}
	for _, list := range [][]string{zt.statustypen, zt.roltypen, zt.resultaattypen, zt.eigenschappen, zt.ziots} {
		for _, s := range list {
			paths = append(paths, p(s))
		}
	}
	return paths
}

// movePath is the path of a URL of this registry under either host.
func movePath(url string) string {
	for _, base := range []string{testBaseURL, movedBaseURL} {
		if rest, ok := strings.CutPrefix(url, base); ok {
			return rest
		}
	}
	return url
}

// movedURL is url as a registry at movedBaseURL names it.
func movedURL(url string) string { return movedBaseURL + movePath(url) }

// getAll GETs each path of g (the Zaken API with the CRS headers) and
// expects 200.
func getAll(t *testing.T, g *registry, tok string, paths []string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte, len(paths))
	for _, path := range paths {
		var header []string
		if strings.HasPrefix(path, zrcRoot) {
			header = []string{"Accept-Crs", "EPSG:4326"}
		}
		r := g.do("GET", path, tok, nil, header...)
		if r.Status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, r.Status, r.Body)
		}
		out[path] = r.Body
	}
	return out
}

// unrendered is a reference as the log keeps it, which no answer may show.
var unrendered = regexp.MustCompile(`^/[a-z]+/api/v\d+/`)

// checkAnswers reads the case on g, a registry at movedBaseURL, and checks
// that no answer names the former host, that every reference in them is
// rendered (none is an absolute-path reference) and that the references
// of the case point where they should under the new host. It returns the
// answers by path.
func (c *moveCase) checkAnswers(t *testing.T, g *registry, tok string) map[string][]byte {
	t.Helper()
	paths := c.gets(movedBaseURL)
	trail := getAll(t, g, tok, []string{movePath(c.zaak) + "/audittrail"})
	var entries []map[string]any
	if err := json.Unmarshal(trail[movePath(c.zaak)+"/audittrail"], &entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		paths = append(paths, movePath(c.zaak)+"/audittrail/"+e["uuid"].(string))
	}
	bodies := getAll(t, g, tok, paths)
	for _, path := range paths {
		body := bodies[path]
		if i := strings.Index(string(body), strings.TrimPrefix(testBaseURL, "http://")); i >= 0 {
			t.Errorf("GET %s names the former host: …%s…", path, body[max(0, i-120):min(len(body), i+120)])
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		walkStrings(v, "", func(at, s string) {
			if unrendered.MatchString(s) {
				t.Errorf("GET %s: %s is %q, a reference not rendered under the base URL", path, at, s)
			}
		})
	}
	c.checkRefs(t, bodies, entries)

	// The rights of the applicatie match its zaaktype with the zaken's.
	lezer := g.do("GET", zrcRoot+"/zaken?zaaktype="+movedURL(c.zt.url), token(t, c.lezer, "verhuisd"), nil, "Accept-Crs", "EPSG:4326")
	if lezer.Status != http.StatusOK {
		t.Fatalf("GET /zaken as the applicatie's lezer: %d %s", lezer.Status, lezer.Body)
	}
	if !slices.Contains(resultURLs(t, lezer.Body), movedURL(c.zaak)) {
		t.Errorf("the applicatie's lezer does not see the zaak of its zaaktype: %s", lezer.Body)
	}
	return bodies
}

// checkRefs checks the references of the case, one by one, in the
// answers read by checkAnswers.
func (c *moveCase) checkRefs(t *testing.T, bodies map[string][]byte, trail []map[string]any) {
	t.Helper()
	get := func(path string) any {
		var v any
		if err := json.Unmarshal(bodies[path], &v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return v
	}
	zt := c.zt
	eind := c.statussen[len(c.statussen)-1]
	want := func(path string, v any, field string, url string) {
		t.Helper()
		if got := jsonAt(v, field); got != movedURL(url) {
			t.Errorf("GET %s: %s is %v, want %s", path, field, got, movedURL(url))
		}
	}
	zaak, expanded := get(movePath(c.zaak)), get(movePath(c.zaak)+"?expand="+moveExpand)
	status, zaaktype, resultaattype := get(movePath(c.statussen[0])), get(movePath(zt.url)), get(movePath(zt.resultaattypen[0]))
	app := get(movePath(c.applicatie))
	for _, w := range []struct {
		what       string
		v          any
		field, url string
	}{
		{"zaak", zaak, "url", c.zaak},
		{"zaak", zaak, "zaaktype", zt.url},
		{"zaak", zaak, "status", eind},
		{"zaak", zaak, "hoofdzaak", c.hoofdzaak},
		{"zaak", zaak, "relevanteAndereZaken.0.url", c.andere},
		{"zaak", zaak, "rollen.0", c.rol},
		{"zaak", zaak, "resultaat", c.resultaat},
		{"zaak", zaak, "eigenschappen.0", c.zaakeigenschap},
		{"zaak", zaak, "zaakobjecten.0", c.zaakobject},
		{"zaak", zaak, "zaakinformatieobjecten.0", c.zio},
		{"zaak", zaak, "communicatiekanaal", c.kanaal},
		{"zaak", zaak, "selectielijstklasse", zt.resultaten[0].selectielijstklasse},
		{"zaak?expand", expanded, "_expand.zaaktype.url", zt.url},
		{"zaak?expand", expanded, "_expand.zaaktype.selectielijstProcestype", c.procestype},
		{"zaak?expand", expanded, "_expand.status.url", eind},
		{"zaak?expand", expanded, "_expand.status._expand.statustype.zaaktype", zt.url},
		{"zaak?expand", expanded, "_expand.hoofdzaak.url", c.hoofdzaak},
		{"zaak?expand", expanded, "_expand.relevanteAndereZaken.0.url", c.andere},
		{"zaak?expand", expanded, "_expand.rollen.0.roltype", zt.roltypen[0]},
		{"zaak?expand", expanded, "_expand.rollen.0._expand.roltype.url", zt.roltypen[0]},
		{"zaak?expand", expanded, "_expand.resultaat._expand.resultaattype.selectielijstklasse", zt.resultaten[0].selectielijstklasse},
		{"zaak?expand", expanded, "_expand.eigenschappen.0._expand.eigenschap.url", zt.eigenschappen[0]},
		{"zaak?expand", expanded, "_expand.zaakinformatieobjecten.0.status", c.statussen[0]},
		{"hoofdzaak", get(movePath(c.hoofdzaak) + "?expand=deelzaken"), "deelzaken.0", c.zaak},
		{"status", status, "statustype", zt.statustypen[0]},
		{"status", status, "gezetdoor", c.rol},
		{"rol", get(movePath(c.rol)), "roltype", zt.roltypen[0]},
		{"resultaat", get(movePath(c.resultaat)), "resultaattype", zt.resultaattypen[0]},
		{"zaakeigenschap", get(movePath(c.zaakeigenschap)), "eigenschap", zt.eigenschappen[0]},
		{"applicatie", app, "autorisaties.0.zaaktype", zt.url},
		{"applicatie", app, "autorisaties.1.informatieobjecttype", c.e.iots["Aanvraag"]},
		{"zaaktype", zaaktype, "catalogus", c.e.catalogus},
		{"zaaktype", zaaktype, "statustypen.0", zt.statustypen[0]},
		{"zaaktype", zaaktype, "selectielijstProcestype", c.procestype},
		{"resultaattype", resultaattype, "selectielijstklasse", zt.resultaten[0].selectielijstklasse},
		{"resultaattype", resultaattype, "resultaattypeomschrijving", c.omschrijving},
		{"resultaattype", resultaattype, "zaaktype", zt.url},
		{"statustype", get(movePath(zt.statustypen[0])), "zaaktype", zt.url},
	} {
		want(w.what, w.v, w.field, w.url)
	}
	for i, s := range c.statussen {
		st := get(movePath(s))
		want("status", st, "zaak", c.zaak)
		if u, _ := jsonAt(st, "statustype").(string); !strings.HasPrefix(u, movedBaseURL+catalogiRoot+"/statustypen/") {
			t.Errorf("status %d: statustype %q", i, u)
		}
	}
	if doc, _ := jsonAt(get(movePath(c.zio)), "informatieobject").(string); !strings.HasPrefix(doc, c.e.docs.URL) {
		t.Errorf("zaakinformatieobject: informatieobject %q, want the Documenten API's URL as it was", doc)
	}

	// Every entry of the audit trail, and what it shows before and after.
	var created, changed bool
	for _, e := range trail {
		want("audittrail", e, "hoofdObject", c.zaak)
		if u, _ := e["resourceUrl"].(string); !strings.HasPrefix(u, movedBaseURL+zrcRoot+"/") {
			t.Errorf("audittrail %s: resourceUrl %q", e["uuid"], u)
		}
		for _, side := range []string{"oud", "nieuw"} {
			v, ok := jsonAt(e, "wijzigingen."+side).(map[string]any)
			if !ok {
				continue
			}
			if e["resource"] == "zaak" {
				want("audittrail "+side, v, "zaaktype", zt.url)
				changed = changed || side == "oud"
			}
			if e["resource"] == "status" {
				want("audittrail "+side, v, "zaak", c.zaak)
				created = true
			}
		}
	}
	if !created || !changed {
		t.Errorf("the audit trail has no status created (%v) or no zaak changed (%v): %v", created, changed, trail)
	}
}

// resultURLs are the urls of the results of a list answer.
func resultURLs(t *testing.T, body []byte) []string {
	t.Helper()
	var page struct{ Results []struct{ URL string } }
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	var urls []string
	for _, r := range page.Results {
		urls = append(urls, r.URL)
	}
	return urls
}

// jsonAt is the value at a dotted path of keys and list indexes in v, or nil.
func jsonAt(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i := -1
			if err := json.Unmarshal([]byte(k), &i); err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// walkStrings calls f with every string in v and the dotted path to it.
func walkStrings(v any, path string, f func(at, s string)) {
	switch x := v.(type) {
	case string:
		f(path, x)
	case map[string]any:
		for k, e := range x {
			walkStrings(e, strings.TrimPrefix(path+"."+k, "."), f)
		}
	case []any:
		for i, e := range x {
			b, _ := json.Marshal(i)
			walkStrings(e, strings.TrimPrefix(path+"."+string(b), "."), f)
		}
	}
}

// checkMoved checks the case on g, a registry at movedBaseURL with
// testBaseURL for an alias: its answers (checkAnswers), writes under
// either host (checkWrites), its answers again, and that a rebuild of
// every read model answers the same bytes.
func (c *moveCase) checkMoved(t *testing.T, g *registry) {
	t.Helper()
	a := c.e.admin
	c.checkAnswers(t, g, a)
	c.checkWrites(t, &zrcEnv{g: g, admin: a})
	before := c.checkAnswers(t, g, a)

	g.cli("projections", "rebuild", "all")
	// A process started after the rebuild has no answers cached.
	after := getAll(t, openRegistryAt(t, g.dbURL, movedBaseURL, true), a, slices.Collect(maps.Keys(before)))
	for path, body := range before {
		if string(after[path]) != string(body) {
			t.Errorf("GET %s differs after a rebuild:\n%s\n%s", path, body, after[path])
		}
	}
}

// checkWrites writes to the case on the moved registry: new resources
// (whose Location is under the new host), a PUT of what a GET answered
// and a PATCH, references under the former host and under the new one,
// and query filters with either.
func (c *moveCase) checkWrites(t *testing.T, e *zrcEnv) {
	t.Helper()
	a, zt := e.admin, c.zt
	zaak := e.created(t, "/zaken", a, zaakBody(zt)) // zaaktype under the former host
	if !strings.HasPrefix(zaak["url"].(string), movedBaseURL+zrcRoot+"/zaken/") || zaak["zaaktype"] != movedURL(zt.url) {
		t.Errorf("new zaak: url %v, zaaktype %v", zaak["url"], zaak["zaaktype"])
	}
	rol := e.created(t, "/rollen", a, map[string]any{"zaak": zaak["url"], "betrokkeneType": "medewerker",
		"roltype": movedURL(zt.roltypen[1]), "roltoelichting": "Behandelaar", "betrokkeneIdentificatie": map[string]any{"identificatie": "m.jansen"}})
	if !strings.HasPrefix(rol["url"].(string), movedBaseURL+zrcRoot+"/rollen/") || rol["roltype"] != movedURL(zt.roltypen[1]) {
		t.Errorf("new rol: url %v, roltype %v", rol["url"], rol["roltype"])
	}
	for _, w := range []struct{ path, collection string }{
		{acRoot + "/applicaties", "applicaties"},
		{catalogiRoot + "/catalogussen", "catalogussen"},
	} {
		body := map[string]any{"clientIds": []string{"na-de-verhuizing"}, "label": "Na de verhuizing", "autorisaties": []map[string]any{{
			"component": "zrc", "scopes": []string{"zaken.lezen"}, "zaaktype": zt.url, "maxVertrouwelijkheidaanduiding": "openbaar"}}}
		if w.collection == "catalogussen" {
			body = map[string]any{"domein": "VERH", "rsin": "002220647", "contactpersoonBeheerNaam": "Team Verhuizing", "naam": "Na de verhuizing"}
		}
		r := e.g.do("POST", w.path, a, body)
		expect(t, r, http.StatusCreated)
		if loc := r.Header.Get("Location"); !strings.HasPrefix(loc, movedBaseURL+w.path+"/") || r.json(t)["url"] != loc {
			t.Errorf("new %s: Location %q, url %v", w.collection, loc, r.json(t)["url"])
		}
		if w.collection == "applicaties" && jsonAt(r.json(t), "autorisaties.0.zaaktype") != movedURL(zt.url) {
			t.Errorf("new applicatie: zaaktype %v", jsonAt(r.json(t), "autorisaties.0.zaaktype"))
		}
	}

	// What a GET answers is a valid PUT, and changes nothing.
	for _, url := range []string{c.zaak, c.resultaat, c.zaakobject, c.zaakeigenschap, c.zio, c.applicatie} {
		path := movePath(url)
		header := []string{"Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326"}
		got := e.g.do("GET", path, a, nil, header...)
		expect(t, got, http.StatusOK)
		put := e.g.do("PUT", path, a, got.Body, header...)
		if put.Status != http.StatusOK {
			t.Errorf("PUT %s of what GET answered: %d %.500s", path, put.Status, put.Body)
		} else if again := e.g.do("GET", path, a, nil, header...); string(again.Body) != string(got.Body) {
			t.Errorf("PUT %s of what GET answered changed it:\n%s\n%s", path, got.Body, again.Body)
		}
	}
	patched := e.do("PATCH", strings.TrimPrefix(movePath(c.zaak), zrcRoot), a, map[string]any{"toelichting": "Na de verhuizing"})
	expect(t, patched, http.StatusOK)
	if v := patched.json(t); v["url"] != movedURL(c.zaak) || v["zaaktype"] != movedURL(zt.url) || v["hoofdzaak"] != movedURL(c.hoofdzaak) {
		t.Errorf("PATCH answered url %v, zaaktype %v, hoofdzaak %v", v["url"], v["zaaktype"], v["hoofdzaak"])
	}

	// A status under the former host reopens the zaak, the eindstatus
	// under the new one closes it again.
	for i, statustype := range []string{zt.statustypen[1], movedURL(zt.statustypen[len(zt.statustypen)-1])} {
		st := e.created(t, "/statussen", a, map[string]any{"zaak": c.zaak, "statustype": statustype,
			"datumStatusGezet": []string{"2026-11-25T09:00:00Z", "2026-11-26T09:00:00Z"}[i]})
		if !strings.HasPrefix(st["url"].(string), movedBaseURL+zrcRoot+"/statussen/") || st["statustype"] != movedURL(statustype) {
			t.Errorf("new status: url %v, statustype %v", st["url"], st["statustype"])
		}
		c.statussen = append(c.statussen, st["url"].(string))
	}
	if v := e.do("GET", strings.TrimPrefix(movePath(c.zaak), zrcRoot), a, nil).json(t); v["einddatum"] != "2026-11-26" {
		t.Errorf("the eindstatus set on the new host: einddatum %v", v["einddatum"])
	}

	// Filters take a URL under either host.
	for _, base := range []string{testBaseURL, movedBaseURL} {
		u := func(url string) string { return base + movePath(url) }
		for _, f := range []struct{ path, want string }{
			{zrcRoot + "/zaken?zaaktype=" + u(zt.url), c.zaak},
			{zrcRoot + "/statussen?zaak=" + u(c.zaak), c.statussen[0]},
			{zrcRoot + "/rollen?zaak=" + u(c.zaak), c.rol},
			{zrcRoot + "/resultaten?resultaattype=" + u(zt.resultaattypen[0]), c.resultaat},
			{catalogiRoot + "/statustypen?zaaktype=" + u(zt.url), zt.statustypen[0]},
		} {
			r := e.g.do("GET", f.path, a, nil, "Accept-Crs", "EPSG:4326")
			expect(t, r, http.StatusOK)
			if !slices.Contains(resultURLs(t, r.Body), movedURL(f.want)) {
				t.Errorf("GET %s misses %s: %.300s", f.path, movedURL(f.want), r.Body)
			}
		}
		r := e.do("POST", "/zaken/_zoek", a, map[string]any{"zaaktype": u(zt.url)})
		expect(t, r, http.StatusOK)
		if !slices.Contains(resultURLs(t, r.Body), movedURL(c.zaak)) {
			t.Errorf("POST /zaken/_zoek with zaaktype %s misses the zaak", u(zt.url))
		}
	}
}
