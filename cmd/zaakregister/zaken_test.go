package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const zrcRoot = "/zaken/api/v1"

// zrcEnv is a running registry with a published realistic catalogue of two
// zaaktypen and a document server standing in for a Documenten API.
type zrcEnv struct {
	g         *registry
	admin     string
	catalogus string
	zt        []*seededZaaktype
	iots      map[string]string
	docs      *documenten
}

// documenten serves enkelvoudiginformatieobjecten as a Documenten API
// answers them, with the fields a Zaken API reads of them.
type documenten struct {
	*httptest.Server
	mu   sync.Mutex
	docs map[string]map[string]any
}

// add serves a document of informatieobjecttype iot and returns its URL.
func (d *documenten) add(id, iot string, gebruiksrecht *bool, status string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	url := d.URL + "/documenten/api/v1/enkelvoudiginformatieobjecten/" + id
	d.docs[id] = map[string]any{"url": url, "informatieobjecttype": iot, "indicatieGebruiksrecht": gebruiksrecht, "status": status}
	return url
}

func newDocumenten(t *testing.T) *documenten {
	d := &documenten{docs: map[string]map[string]any{}}
	d.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
		d.mu.Lock()
		doc, ok := d.docs[id]
		d.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(doc)
	}))
	t.Cleanup(d.Close)
	return d
}

// startZaken starts a registry with n published zaaktypen.
func startZaken(t *testing.T, n int) *zrcEnv {
	t.Helper()
	t.Setenv("ZAAKREGISTER_REFS_ALLOW_PRIVATE", "true")
	g := startRegistry(t)
	admin := g.superuser()
	cat := seedRealistic(context.Background(), t, newZtcClient(t, g.url, admin), n, nil)
	return &zrcEnv{g: g, admin: admin, catalogus: cat.catalogus, zt: cat.first, iots: cat.iots, docs: newDocumenten(t)}
}

// do sends a Zaken API request with the CRS headers.
func (e *zrcEnv) do(method, path, tok string, body any) response {
	e.g.t.Helper()
	return e.g.do(method, zrcRoot+path, tok, body, "Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326")
}

// created POSTs body to path, expects 201 and returns the new resource.
func (e *zrcEnv) created(t *testing.T, path, tok string, body any) map[string]any {
	t.Helper()
	r := e.do("POST", path, tok, body)
	expect(t, r, http.StatusCreated)
	v := r.json(t)
	if r.Header.Get("Location") != v["url"] {
		t.Fatalf("Location %q, url %v", r.Header.Get("Location"), v["url"])
	}
	return v
}

// zaakBody is a valid zaak of zaaktype zt.
func zaakBody(zt *seededZaaktype) map[string]any {
	return map[string]any{"bronorganisatie": "002220647", "verantwoordelijkeOrganisatie": "002220647",
		"zaaktype": zt.url, "startdatum": "2026-11-01", "omschrijving": "Aanvraag omgevingsvergunning"}
}

// path returns the path of url below the Zaken API root.
func zrcPath(url string) string {
	return strings.TrimPrefix(url, testBaseURL+zrcRoot)
}

// lastSegment is the uuid at the end of a resource URL.
func lastSegment(url string) string { return url[strings.LastIndex(url, "/")+1:] }

// TestZaken_EveryOperation calls every operation of the Zaken API 1.5.1
// through its life: create, read, change, close, audit and delete, each
// answer validated against the OAS.
func TestZaken_EveryOperation(t *testing.T) {
	e := startZaken(t, 1)
	zt, a := e.zt[0], e.admin
	zaak := e.created(t, "/zaken", a, zaakBody(zt))
	zp := zrcPath(zaak["url"].(string))
	if id, _ := zaak["identificatie"].(string); !strings.HasPrefix(id, "ZAAK-") {
		t.Fatalf("generated identificatie %q", id)
	}
	expect(t, e.do("GET", "/zaken", a, nil), http.StatusOK)
	expect(t, e.do("GET", zp, a, nil), http.StatusOK)
	expect(t, e.do("HEAD", zp, a, nil), http.StatusOK)
	put := zaakBody(zt)
	put["omschrijving"] = "Gewijzigd"
	expect(t, e.do("PUT", zp, a, put), http.StatusOK)
	patched := e.do("PATCH", zp, a, map[string]any{"toelichting": "Deels"})
	expect(t, patched, http.StatusOK)
	if v := patched.json(t); v["omschrijving"] != "Gewijzigd" || v["toelichting"] != "Deels" {
		t.Fatalf("PATCH lost or missed a field: %v", v)
	}
	expect(t, e.do("POST", "/zaken/_zoek", a, map[string]any{"zaaktype": zt.url}), http.StatusOK)

	status := e.created(t, "/statussen", a, map[string]any{"zaak": zaak["url"], "statustype": zt.statustypen[0],
		"datumStatusGezet": "2026-11-02T10:00:00Z"})
	expect(t, e.do("GET", "/statussen?zaak="+zaak["url"].(string), a, nil), http.StatusOK)
	expect(t, e.do("GET", zrcPath(status["url"].(string)), a, nil), http.StatusOK)
	expect(t, e.do("HEAD", zrcPath(status["url"].(string)), a, nil), http.StatusOK)

	rol := e.created(t, "/rollen", a, map[string]any{"zaak": zaak["url"], "betrokkeneType": "natuurlijk_persoon",
		"roltype": zt.roltypen[0], "roltoelichting": "Aanvrager",
		"betrokkeneIdentificatie": map[string]any{"inpBsn": "123456782", "geslachtsnaam": "Jansen"}})
	expect(t, e.do("GET", "/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=123456782", a, nil), http.StatusOK)
	expect(t, e.do("GET", zrcPath(rol["url"].(string)), a, nil), http.StatusOK)
	expect(t, e.do("HEAD", zrcPath(rol["url"].(string)), a, nil), http.StatusOK)
	expect(t, e.do("DELETE", zrcPath(rol["url"].(string)), a, nil), http.StatusNoContent)

	object := e.created(t, "/zaakobjecten", a, map[string]any{"zaak": zaak["url"], "objectType": "adres",
		"objectIdentificatie": map[string]any{"identificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam",
			"gorOpenbareRuimteNaam": "Dam", "huisnummer": 1}})
	op := zrcPath(object["url"].(string))
	expect(t, e.do("GET", "/zaakobjecten?zaak="+zaak["url"].(string), a, nil), http.StatusOK)
	expect(t, e.do("GET", op, a, nil), http.StatusOK)
	expect(t, e.do("HEAD", op, a, nil), http.StatusOK)
	expect(t, e.do("PUT", op, a, map[string]any{"zaak": zaak["url"], "objectType": "overige", "objectTypeOverige": "Boom"}), http.StatusOK)
	expect(t, e.do("PATCH", op, a, map[string]any{"relatieomschrijving": "Betreft"}), http.StatusOK)
	expect(t, e.do("DELETE", op, a, nil), http.StatusNoContent)

	eig := e.created(t, zp+"/zaakeigenschappen", a, map[string]any{"zaak": zaak["url"], "eigenschap": zt.eigenschappen[0], "waarde": "2026-11-01"})
	ep := zrcPath(eig["url"].(string))
	expect(t, e.do("GET", zp+"/zaakeigenschappen", a, nil), http.StatusOK)
	expect(t, e.do("GET", ep, a, nil), http.StatusOK)
	expect(t, e.do("HEAD", ep, a, nil), http.StatusOK)
	expect(t, e.do("PUT", ep, a, map[string]any{"zaak": zaak["url"], "eigenschap": zt.eigenschappen[0], "waarde": "2026-11-03"}), http.StatusOK)
	expect(t, e.do("PATCH", ep, a, map[string]any{"waarde": "2026-11-04"}), http.StatusOK)
	expect(t, e.do("DELETE", ep, a, nil), http.StatusNoContent)

	yes := true
	doc := e.docs.add("3f1c2b9e-7d1a-4c55-9e0b-1a2b3c4d5e6f", e.iots["Aanvraag"], &yes, "definitief")
	zio := e.created(t, "/zaakinformatieobjecten", a, map[string]any{"zaak": zaak["url"], "informatieobject": doc, "titel": "Aanvraag"})
	zip := zrcPath(zio["url"].(string))
	expect(t, e.do("GET", "/zaakinformatieobjecten?zaak="+zaak["url"].(string), a, nil), http.StatusOK)
	expect(t, e.do("GET", zip, a, nil), http.StatusOK)
	expect(t, e.do("HEAD", zip, a, nil), http.StatusOK)
	expect(t, e.do("PUT", zip, a, map[string]any{"zaak": zaak["url"], "informatieobject": doc, "titel": "Aanvraag 2"}), http.StatusOK)
	expect(t, e.do("PATCH", zip, a, map[string]any{"beschrijving": "Ingediend"}), http.StatusOK)

	kc := e.created(t, "/klantcontacten", a, map[string]any{"zaak": zaak["url"], "datumtijd": "2026-11-02T09:00:00Z", "kanaal": "telefoon"})
	expect(t, e.do("GET", "/klantcontacten", a, nil), http.StatusOK)
	expect(t, e.do("GET", zrcPath(kc["url"].(string)), a, nil), http.StatusOK)

	for _, c := range []struct{ collection, field, url string }{
		{"zaakcontactmomenten", "contactmoment", "https://contactmomenten.example/api/v1/contactmomenten/7b8a6f3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b"},
		{"zaakverzoeken", "verzoek", "https://verzoeken.example/api/v1/verzoeken/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"},
	} {
		v := e.created(t, "/"+c.collection, a, map[string]any{"zaak": zaak["url"], c.field: c.url})
		expect(t, e.do("GET", "/"+c.collection+"?zaak="+zaak["url"].(string), a, nil), http.StatusOK)
		expect(t, e.do("GET", zrcPath(v["url"].(string)), a, nil), http.StatusOK)
		expect(t, e.do("DELETE", zrcPath(v["url"].(string)), a, nil), http.StatusNoContent)
	}

	besluit := e.created(t, zp+"/besluiten", a, map[string]any{"besluit": "https://besluiten.example/api/v1/besluiten/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"})
	expect(t, e.do("GET", zp+"/besluiten", a, nil), http.StatusOK)
	expect(t, e.do("GET", zrcPath(besluit["url"].(string)), a, nil), http.StatusOK)
	expect(t, e.do("DELETE", zrcPath(besluit["url"].(string)), a, nil), http.StatusNoContent)

	res := e.created(t, "/resultaten", a, map[string]any{"zaak": zaak["url"], "resultaattype": zt.resultaattypen[0]})
	rp := zrcPath(res["url"].(string))
	expect(t, e.do("GET", "/resultaten?zaak="+zaak["url"].(string), a, nil), http.StatusOK)
	expect(t, e.do("GET", rp, a, nil), http.StatusOK)
	expect(t, e.do("HEAD", rp, a, nil), http.StatusOK)
	expect(t, e.do("PUT", rp, a, map[string]any{"zaak": zaak["url"], "resultaattype": zt.resultaattypen[1]}), http.StatusOK)
	expect(t, e.do("PATCH", rp, a, map[string]any{"toelichting": "Afgewezen"}), http.StatusOK)
	expect(t, e.do("DELETE", rp, a, nil), http.StatusNoContent)
	e.created(t, "/resultaten", a, map[string]any{"zaak": zaak["url"], "resultaattype": zt.resultaattypen[0]})

	expand := "status,status.statustype,resultaat,resultaat.resultaattype,rollen,zaaktype,eigenschappen,zaakinformatieobjecten"
	exp := e.do("GET", zp+"?expand="+expand, a, nil)
	expect(t, exp, http.StatusOK)
	var embedded struct {
		Expand map[string]json.RawMessage `json:"_expand"`
	}
	if err := json.Unmarshal(exp.Body, &embedded); err != nil || len(embedded.Expand["status"]) < 10 || len(embedded.Expand["resultaat"]) < 10 {
		t.Fatalf("expand: %v %s", err, exp.Body)
	}
	expect(t, e.do("GET", "/zaken?expand="+expand, a, nil), http.StatusOK)
	expect(t, e.do("POST", "/zaken/_zoek", a, map[string]any{"uuid__in": []string{lastSegment(zaak["url"].(string))}, "expand": expand}), http.StatusOK)
	problem(t, e.do("GET", zp+"?expand=onbekend", a, nil), 404, "", "") // zrc-027
	problem(t, e.do("GET", "/zaken?expand=status.onbekend", a, nil), 400, "expand", "invalid")

	eind := zt.statustypen[len(zt.statustypen)-1]
	e.created(t, "/statussen", a, map[string]any{"zaak": zaak["url"], "statustype": eind, "datumStatusGezet": "2026-11-20T12:00:00Z"})
	closed := e.do("GET", zp, a, nil).json(t)
	if closed["einddatum"] != "2026-11-20" || closed["archiefnominatie"] == nil {
		t.Fatalf("closing: einddatum %v archiefnominatie %v", closed["einddatum"], closed["archiefnominatie"])
	}
	expect(t, e.do("DELETE", zip, a, nil), http.StatusNoContent) // superuser: geforceerd

	trail := e.do("GET", zp+"/audittrail", a, nil)
	expect(t, trail, http.StatusOK)
	var entries []map[string]any
	if err := json.Unmarshal(trail.Body, &entries); err != nil || len(entries) < 10 {
		t.Fatalf("audittrail: %d entries, %v", len(entries), err)
	}
	expect(t, e.do("GET", zp+"/audittrail/"+entries[0]["uuid"].(string), a, nil), http.StatusOK)

	expect(t, e.do("DELETE", zp, a, nil), http.StatusNoContent)
	expect(t, e.do("GET", zp, a, nil), http.StatusNotFound)
	expect(t, e.do("GET", zrcPath(status["url"].(string)), a, nil), http.StatusNotFound)
}

// TestPoolSize: the pool has room for the projections' lock connections
// and the requests, unless DATABASE_URL says otherwise.
func TestPoolSize(t *testing.T) {
	g := startRegistry(t)
	if got := g.m.Pool.Config().MaxConns; got != defaultMaxConns {
		t.Fatalf("pool of %d connections, want %d", got, defaultMaxConns)
	}
	t.Setenv("DATABASE_URL", g.dbURL+"&pool_max_conns=7")
	cfg, err := ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	m := &Main{Config: cfg, Log: g.m.Log}
	if err := m.openStorage(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if got := m.Pool.Config().MaxConns; got != 7 {
		t.Fatalf("pool_max_conns=7 gives %d connections", got)
	}
}

// TestZaken_ExpandFollowsCatalogi: an expanded statustype shows a
// correction of the catalogue as soon as the correction is answered.
func TestZaken_ExpandFollowsCatalogi(t *testing.T) {
	e := startZaken(t, 1)
	zt, a := e.zt[0], e.admin
	zaak := e.created(t, "/zaken", a, zaakBody(zt))
	e.created(t, "/statussen", a, map[string]any{"zaak": zaak["url"], "statustype": zt.statustypen[0], "datumStatusGezet": "2026-11-02T10:00:00Z"})
	statustype := func() any {
		t.Helper()
		r := e.do("GET", zrcPath(zaak["url"].(string))+"?expand=status.statustype", a, nil)
		expect(t, r, http.StatusOK)
		var v struct {
			Expand struct {
				Status struct {
					Expand struct {
						Statustype map[string]any `json:"statustype"`
					} `json:"_expand"`
				} `json:"status"`
			} `json:"_expand"`
		}
		if err := json.Unmarshal(r.Body, &v); err != nil {
			t.Fatal(err)
		}
		return v.Expand.Status.Expand.Statustype["omschrijving"]
	}
	if got := statustype(); got != "Ontvangen" {
		t.Fatalf("statustype omschrijving %v", got)
	}
	expect(t, e.g.do("PATCH", strings.TrimPrefix(zt.statustypen[0], testBaseURL), a, map[string]any{"omschrijving": "Binnengekomen"}), http.StatusOK)
	if got := statustype(); got != "Binnengekomen" {
		t.Fatalf("after the correction: %v", got)
	}
}

// TestZaken_DetailCacheFollowsWrites: GET /zaken/{uuid} is answered from
// a cache; every write that changes what a detail shows (the zaak, a
// sub-resource, a deelzaak joining or leaving, the hoofdzaak's delete) is
// seen by the next GET, in this process at once and in a second process of
// the same installation within moments.
func TestZaken_DetailCacheFollowsWrites(t *testing.T) {
	e := startZaken(t, 1)
	zt, a := e.zt[0], e.admin
	other := openRegistryOn(t, e.g.dbURL, false)
	get := func(g *registry, url, query string) map[string]any {
		t.Helper()
		r := g.do("GET", zrcRoot+zrcPath(url)+query, a, nil, "Accept-Crs", "EPSG:4326")
		expect(t, r, http.StatusOK)
		return r.json(t)
	}
	hoofdzaak := e.created(t, "/zaken", a, zaakBody(zt))
	h := hoofdzaak["url"].(string)
	for _, g := range []*registry{e.g, other} {
		if v := get(g, h, ""); len(v["deelzaken"].([]any)) != 0 || len(v["rollen"].([]any)) != 0 {
			t.Fatalf("a new zaak: %v", v)
		}
		get(g, h, "?expand=status")
	}

	body := zaakBody(zt)
	body["hoofdzaak"] = h
	deelzaak := e.created(t, "/zaken", a, body)
	if v := get(e.g, h, ""); len(v["deelzaken"].([]any)) != 1 {
		t.Fatalf("the hoofdzaak's detail missed its new deelzaak: %v", v["deelzaken"])
	}
	e.created(t, "/rollen", a, map[string]any{"zaak": h, "roltype": zt.roltypen[0], "betrokkeneType": "natuurlijk_persoon",
		"roltoelichting": "aanvrager", "betrokkeneIdentificatie": map[string]any{"inpBsn": "111222333"}})
	e.created(t, "/statussen", a, map[string]any{"zaak": h, "statustype": zt.statustypen[0], "datumStatusGezet": "2026-11-02T10:00:00Z"})
	if v := get(e.g, h, "?expand=status"); len(v["rollen"].([]any)) != 1 || v["status"] == nil || v["_expand"].(map[string]any)["status"] == nil {
		t.Fatalf("the detail missed a new rol or status: %v", v)
	}
	expect(t, e.do("PATCH", zrcPath(h), a, map[string]any{"omschrijving": "Gewijzigd"}), http.StatusOK)
	if v := get(e.g, h, ""); v["omschrijving"] != "Gewijzigd" {
		t.Fatalf("omschrijving %v after the PATCH", v["omschrijving"])
	}

	// The other process learns of the changes from the log.
	eventually := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("the second process still shows the detail before %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	eventually("the PATCH", func() bool {
		v := get(other, h, "")
		return v["omschrijving"] == "Gewijzigd" && len(v["deelzaken"].([]any)) == 1 && len(v["rollen"].([]any)) == 1
	})
	eventually("the status", func() bool { return get(other, h, "?expand=status")["_expand"].(map[string]any)["status"] != nil })

	// A write through the second process, whose projections wait in the
	// first: it reads its own write at once, the first soon after.
	expect(t, other.do("PATCH", zrcRoot+zrcPath(h), a, map[string]any{"omschrijving": "Elders gewijzigd"},
		"Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326"), http.StatusOK)
	if v := get(other, h, ""); v["omschrijving"] != "Elders gewijzigd" {
		t.Fatalf("the writing process shows omschrijving %v after its PATCH", v["omschrijving"])
	}
	eventually("the other process's PATCH", func() bool { return get(e.g, h, "")["omschrijving"] == "Elders gewijzigd" })

	d := deelzaak["url"].(string)
	get(e.g, d, "")
	get(other, d, "")
	expect(t, e.do("DELETE", zrcPath(h), a, nil), http.StatusNoContent)
	for _, g := range []*registry{e.g, other} {
		deadline := time.Now().Add(10 * time.Second)
		for g.do("GET", zrcRoot+zrcPath(d), a, nil, "Accept-Crs", "EPSG:4326").Status != http.StatusNotFound {
			if g == e.g || time.Now().After(deadline) {
				t.Fatal("the deelzaak of a deleted hoofdzaak is still shown")
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
