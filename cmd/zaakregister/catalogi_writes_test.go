package main

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/referentielijsten"
)

const (
	catalogiRoot      = "/catalogi/api/v1"
	selectielijstRoot = "/referentielijsten/api/v1"
)

// catalogiURL is the absolute URL of a Catalogi resource.
func catalogiURL(collection, id string) string {
	return testBaseURL + catalogiRoot + "/" + collection + "/" + id
}

// catalogiPath is the path of an absolute Catalogi URL.
func catalogiPath(url string) string { return strings.TrimPrefix(url, testBaseURL) }

// selectielijstKeuze is a procestype of the built-in Selectielijst with a
// resultaat of procestermijn nihil, and a resultaattypeomschrijving.
type selectielijstKeuze struct {
	procestype, resultaat, omschrijving string
}

func kiesSelectielijst(t *testing.T) selectielijstKeuze {
	t.Helper()
	l, err := referentielijsten.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Procestypen(2017) {
		for _, r := range l.Resultaten(p.UUID) {
			if r.Procestermijn == referentielijsten.ProcestermijnNihil && r.Waardering != "" {
				return selectielijstKeuze{
					procestype:   testBaseURL + selectielijstRoot + "/procestypen/" + p.UUID,
					resultaat:    testBaseURL + selectielijstRoot + "/resultaten/" + r.UUID,
					omschrijving: testBaseURL + selectielijstRoot + "/resultaattypeomschrijvingen/" + l.ResultaatTypeOmschrijvingen()[0].UUID,
				}
			}
		}
	}
	t.Fatal("no resultaat with procestermijn nihil in the Selectielijst")
	return selectielijstKeuze{}
}

// create POSTs body to collection, expects 201 with a Location equal to
// the url, and that a GET right after answers the same body (read your
// writes); it returns the url.
func (g *registry) create(tok, collection string, body map[string]any) string {
	g.t.Helper()
	r := g.do("POST", catalogiRoot+"/"+collection, tok, body)
	expect(g.t, r, http.StatusCreated)
	url, _ := r.json(g.t)["url"].(string)
	if !strings.HasPrefix(url, testBaseURL+catalogiRoot+"/"+collection+"/") || r.Header.Get("Location") != url {
		g.t.Fatalf("POST %s: url %q, Location %q", collection, url, r.Header.Get("Location"))
	}
	got := g.do("GET", catalogiPath(url), tok, nil)
	expect(g.t, got, http.StatusOK)
	if string(got.Body) != string(r.Body) {
		g.t.Fatalf("GET differs from POST answer:\n%s\n%s", got.Body, r.Body)
	}
	return url
}

// catalogusVoor creates a catalogus and returns its url.
func (g *registry) catalogusVoor(tok, domein string) string {
	return g.create(tok, "catalogussen", map[string]any{"domein": domein, "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer"})
}

func zaaktypeVoor(catalogus, identificatie, begin, procestype string, besluittypen ...string) map[string]any {
	if besluittypen == nil {
		besluittypen = []string{}
	}
	return map[string]any{
		"identificatie": identificatie, "omschrijving": "Vergunning " + identificatie, "vertrouwelijkheidaanduiding": "openbaar",
		"doel": "doel", "aanleiding": "aanleiding", "indicatieInternOfExtern": "extern",
		"handelingInitiator": "aanvragen", "onderwerp": "Vergunning", "handelingBehandelaar": "behandelen",
		"doorlooptijd": "P30D", "opschortingEnAanhoudingMogelijk": false, "verlengingMogelijk": false,
		"publicatieIndicatie": false, "productenOfDiensten": []string{}, "selectielijstProcestype": procestype,
		"referentieproces": map[string]any{"naam": "ref"}, "verantwoordelijke": "team", "catalogus": catalogus,
		"besluittypen": besluittypen, "deelzaaktypen": []string{}, "gerelateerdeZaaktypen": []any{},
		"beginGeldigheid": begin, "versiedatum": begin,
	}
}

// schrijver registers a client with catalogi.lezen and catalogi.schrijven
// only: no correcties of published types.
func (g *registry) schrijver(admin string) string {
	g.t.Helper()
	g.cli("client", "add", "schrijver", "--secret", "geheim2")
	expect(g.t, g.do("POST", acRoot+"/applicaties", admin, map[string]any{
		"clientIds": []string{"schrijver"}, "label": "Schrijver", "heeftAlleAutorisaties": false,
		"autorisaties": []map[string]any{{"component": "ztc", "scopes": []string{"catalogi.lezen", "catalogi.schrijven"}}},
	}), http.StatusCreated)
	return token(g.t, "schrijver", "geheim2")
}

// volledigZaaktype creates a concept zaaktype with everything publishing
// needs, a besluittype and an informatieobjecttype, and returns the urls.
func (g *registry) volledigZaaktype(tok, catalogus string, sl selectielijstKeuze) (zt, bt, iot string, sub map[string]string) {
	g.t.Helper()
	iot = g.create(tok, "informatieobjecttypen", map[string]any{"catalogus": catalogus, "omschrijving": "Aanvraag",
		"vertrouwelijkheidaanduiding": "openbaar", "informatieobjectcategorie": "brief", "beginGeldigheid": "2024-01-01"})
	bt = g.create(tok, "besluittypen", map[string]any{"catalogus": catalogus, "omschrijving": "Besluit A",
		"publicatieIndicatie": false, "informatieobjecttypen": []string{"Aanvraag"}, "beginGeldigheid": "2024-01-01"})
	zt = g.create(tok, "zaaktypen", zaaktypeVoor(catalogus, "ZT-1", "2024-01-01", sl.procestype, "Besluit A"))
	sub = map[string]string{
		"begin": g.create(tok, "statustypen", map[string]any{"zaaktype": zt, "omschrijving": "Begin", "volgnummer": 1}),
		"eind":  g.create(tok, "statustypen", map[string]any{"zaaktype": zt, "omschrijving": "Eind", "volgnummer": 2}),
		"rol": g.create(tok, "roltypen", map[string]any{"zaaktype": zt, "omschrijving": "Aanvrager",
			"omschrijvingGeneriek": "initiator"}),
		"resultaat": g.create(tok, "resultaattypen", map[string]any{"zaaktype": zt, "omschrijving": "Verleend",
			"resultaattypeomschrijving": sl.omschrijving, "selectielijstklasse": sl.resultaat,
			"brondatumArchiefprocedure": map[string]any{"afleidingswijze": "afgehandeld"}, "besluittypen": []string{bt}}),
		"eigenschap": g.create(tok, "eigenschappen", map[string]any{"zaaktype": zt, "naam": "kenteken", "definitie": "Kenteken",
			"specificatie": map[string]any{"formaat": "tekst", "lengte": "8", "kardinaliteit": "1"}}),
		"zaakobjecttype": g.create(tok, "zaakobjecttypen", map[string]any{"zaaktype": zt, "anderObjecttype": false,
			"objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "object",
			"beginGeldigheid": "2024-01-01"}),
		"ziot": g.create(tok, "zaaktype-informatieobjecttypen", map[string]any{"zaaktype": zt,
			"informatieobjecttype": "Aanvraag", "volgnummer": 1, "richting": "inkomend"}),
	}
	return zt, bt, iot, sub
}

func TestCatalogiWrites_Lifecycle(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	plain := g.schrijver(admin)
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "ABC")
	zt, bt, iot, sub := g.volledigZaaktype(plain, cat, sl)

	// The resultaattype derived archiefnominatie and omschrijvingGeneriek.
	rt := g.do("GET", catalogiPath(sub["resultaat"]), plain, nil).json(t)
	if rt["archiefnominatie"] == "" || rt["omschrijvingGeneriek"] == "" {
		t.Fatalf("resultaattype %v", rt)
	}

	// PATCH keeps what it does not name; PUT replaces; read-only fields
	// sent back are accepted.
	patched := g.do("PATCH", catalogiPath(sub["begin"]), plain, map[string]any{"statustekst": "Ontvangen", "url": sub["begin"]})
	expect(t, patched, http.StatusOK)
	if body := patched.json(t); body["omschrijving"] != "Begin" || body["statustekst"] != "Ontvangen" {
		t.Fatalf("PATCH answered %s", patched.Body)
	}
	put := g.do("PUT", catalogiPath(sub["rol"]), plain, map[string]any{"zaaktype": zt, "omschrijving": "Indiener", "omschrijvingGeneriek": "initiator"})
	expect(t, put, http.StatusOK)
	if put.json(t)["omschrijving"] != "Indiener" {
		t.Fatalf("PUT answered %s", put.Body)
	}
	expect(t, g.do("DELETE", catalogiPath(sub["zaakobjecttype"]), plain, nil), http.StatusNoContent)
	expect(t, g.do("GET", catalogiPath(sub["zaakobjecttype"]), plain, nil), http.StatusNotFound)

	// ztc-012: not before the besluittype and informatieobjecttype are.
	r := g.do("POST", catalogiPath(zt)+"/publish", plain, map[string]any{})
	expect(t, r, http.StatusBadRequest)
	if code := invalidParam(t, r, "nonFieldErrors"); code != "concept-relation" {
		t.Fatalf("code %q: %s", code, r.Body)
	}
	for _, u := range []string{bt, iot, zt} {
		p := g.do("POST", catalogiPath(u)+"/publish", plain, map[string]any{})
		expect(t, p, http.StatusOK)
		if p.json(t)["concept"] != false {
			t.Fatalf("publish answered %s", p.Body)
		}
	}

	// ztc-009/010: published is closed to a plain writer, open to a
	// correctie by a holder of the geforceerd scopes (here: all rights).
	r = g.do("PATCH", catalogiPath(sub["begin"]), plain, map[string]any{"statustekst": "Anders"})
	expect(t, r, http.StatusBadRequest)
	if code := invalidParam(t, r, "nonFieldErrors"); code != "non-concept-zaaktype" {
		t.Fatalf("code %q: %s", code, r.Body)
	}
	r = g.do("PATCH", catalogiPath(zt), plain, map[string]any{"toelichting": "Anders"})
	expect(t, r, http.StatusBadRequest)
	if code := invalidParam(t, r, "nonFieldErrors"); code != "non-concept-object" {
		t.Fatalf("code %q: %s", code, r.Body)
	}
	expect(t, g.do("DELETE", catalogiPath(zt), plain, nil), http.StatusBadRequest)
	expect(t, g.do("PATCH", catalogiPath(sub["begin"]), admin, map[string]any{"statustekst": "Gecorrigeerd"}), http.StatusOK)
	// Only eindeGeldigheid may change without force.
	expect(t, g.do("PATCH", catalogiPath(zt), plain, map[string]any{"eindeGeldigheid": "2030-12-31"}), http.StatusOK)
}

func TestCatalogiWrites_NewVersionEndsThePrevious(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "VER")
	zt, bt, iot, _ := g.volledigZaaktype(admin, cat, sl)
	for _, u := range []string{bt, iot, zt} {
		expect(t, g.do("POST", catalogiPath(u)+"/publish", admin, map[string]any{}), http.StatusOK)
	}
	v2 := g.create(admin, "besluittypen", map[string]any{"catalogus": cat, "omschrijving": "Besluit A",
		"publicatieIndicatie": false, "informatieobjecttypen": []string{}, "beginGeldigheid": "2025-01-01"})
	expect(t, g.do("POST", catalogiPath(v2)+"/publish", admin, map[string]any{}), http.StatusOK)
	if einde := g.do("GET", catalogiPath(bt), admin, nil).json(t)["eindeGeldigheid"]; einde != "2024-12-31" {
		t.Fatalf("previous version ends %v", einde)
	}
	overlap := g.create(admin, "besluittypen", map[string]any{"catalogus": cat, "omschrijving": "Besluit A",
		"publicatieIndicatie": false, "informatieobjecttypen": []string{}, "beginGeldigheid": "2024-06-01"})
	r := g.do("POST", catalogiPath(overlap)+"/publish", admin, map[string]any{})
	expect(t, r, http.StatusBadRequest)
	if code := invalidParam(t, r, "beginGeldigheid"); code != "overlap" {
		t.Fatalf("code %q: %s", code, r.Body)
	}
	// A concept may go; the published one only by force (all rights here).
	expect(t, g.do("DELETE", catalogiPath(overlap), admin, nil), http.StatusNoContent)
	expect(t, g.do("GET", catalogiPath(overlap), admin, nil), http.StatusNotFound)
}

func TestCatalogiWrites_References(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "REF")
	missing := catalogiURL("catalogussen", "5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99")
	for name, tc := range map[string]struct{ catalogus, field, code string }{
		"ForeignCatalogus": {"https://elders.example/catalogi/api/v1/catalogussen/5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99", "catalogus", "bad-url"},
		"MissingCatalogus": {missing, "catalogus", "does_not_exist"},
	} {
		t.Run(name, func(t *testing.T) {
			r := g.do("POST", catalogiRoot+"/zaaktypen", admin, zaaktypeVoor(tc.catalogus, "ZT-X", "2024-01-01", sl.procestype))
			expect(t, r, http.StatusBadRequest)
			if code := invalidParam(t, r, tc.field); code != tc.code {
				t.Fatalf("code %q: %s", code, r.Body)
			}
		})
	}
	t.Run("UnknownBesluittypeAndProcestype", func(t *testing.T) {
		r := g.do("POST", catalogiRoot+"/zaaktypen", admin, zaaktypeVoor(cat, "ZT-Y", "2024-01-01",
			testBaseURL+selectielijstRoot+"/procestypen/5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99", "Bestaat niet"))
		expect(t, r, http.StatusBadRequest)
		if invalidParam(t, r, "besluittypen.0") != "does_not_exist" || invalidParam(t, r, "selectielijstProcestype") == "" {
			t.Fatalf("%s", r.Body)
		}
	})
	t.Run("SubtypeOfMissingZaaktype", func(t *testing.T) {
		r := g.do("POST", catalogiRoot+"/statustypen", admin, map[string]any{
			"zaaktype": catalogiURL("zaaktypen", "5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99"), "omschrijving": "x", "volgnummer": 1})
		expect(t, r, http.StatusBadRequest)
		if code := invalidParam(t, r, "zaaktype"); code != "does_not_exist" {
			t.Fatalf("code %q: %s", code, r.Body)
		}
		expect(t, g.do("PATCH", catalogiRoot+"/statustypen/5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99", admin, map[string]any{}), http.StatusNotFound)
	})
}

// TestCatalogiWrites_SchemaFaults: a write is checked against its request
// schema in the OAS too, and what the schema forbids where the domain says
// nothing is reported with the Django REST framework code (here the fields
// the domain does not reach: a brondatumArchiefprocedure whose
// afleidingswijze it refuses, a sub-type of a zaaktype that does not
// exist). A field the domain reports keeps the domain's code, once.
func TestCatalogiWrites_SchemaFaults(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "OAS")
	zt, _, _, _ := g.volledigZaaktype(admin, cat, sl)
	missing := catalogiURL("zaaktypen", "5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99")
	for _, c := range []struct {
		name, collection string
		body             map[string]any
		want             map[string][]string // every code of each field
	}{
		{"BrondatumAfterAnUnknownAfleidingswijze", "resultaattypen", map[string]any{"zaaktype": zt, "omschrijving": "Geweigerd",
			"resultaattypeomschrijving": sl.omschrijving, "selectielijstklasse": sl.resultaat,
			"brondatumArchiefprocedure": map[string]any{"afleidingswijze": "onbekend", "objecttype": "onbekend",
				"datumkenmerk": strings.Repeat("x", 81)}}, map[string][]string{
			// The domain's two; the schema's invalid_choice is not added.
			"brondatumArchiefprocedure.afleidingswijze": {"invalid_choice", "invalid-afleidingswijze-for-procestermijn"},
			// The schema's: an enum or a blank one (anyOf), reported once.
			"brondatumArchiefprocedure.objecttype":   {"invalid_choice"},
			"brondatumArchiefprocedure.datumkenmerk": {"max_length"},
		}},
		{"RoltypeOfAMissingZaaktype", "roltypen", map[string]any{"zaaktype": missing, "omschrijving": "Behandelaar",
			"omschrijvingGeneriek": "onbekend"}, map[string][]string{
			"zaaktype":             {"does_not_exist"}, // the domain's
			"omschrijvingGeneriek": {"invalid_choice"},
		}},
		{"ZaakobjecttypeOfAMissingZaaktype", "zaakobjecttypen", map[string]any{"zaaktype": missing, "anderObjecttype": false,
			"objecttype": "geen url", "relatieOmschrijving": strings.Repeat("x", 81)}, map[string][]string{
			"zaaktype":            {"does_not_exist"},
			"objecttype":          {"bad-url"},
			"relatieOmschrijving": {"max_length"},
		}},
		// The domain refuses a URL with "invalid" (Django's URLField) where
		// the schema says bad-url: the domain's code stays, once.
		{"DomainCodeWins", "zaakobjecttypen", map[string]any{"zaaktype": zt, "anderObjecttype": false,
			"objecttype": "geen url", "relatieOmschrijving": "object"}, map[string][]string{"objecttype": {"invalid"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := g.do("POST", catalogiRoot+"/"+c.collection, admin, c.body)
			expect(t, r, http.StatusBadRequest)
			for field, codes := range c.want {
				if got := invalidParamCodes(t, r, field); !slices.Equal(got, codes) {
					t.Errorf("%s: codes %q, want %q: %s", field, got, codes, r.Body)
				}
			}
		})
	}
}

// TestCatalogiWrites_PutWhatGetAnswers: clients PUT back what a GET
// answered, with its read-only fields and its empty values, which the
// request schema would refuse; every resource with a PUT takes it.
func TestCatalogiWrites_PutWhatGetAnswers(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "PUT")
	zt, bt, iot, sub := g.volledigZaaktype(admin, cat, sl)
	// GET answers the unset broncatalogus and bronzaaktype of a zaaktype
	// and omschrijvingGeneriek of an informatieobjecttype as groups of
	// empty strings; sent back, they count as not sent.
	for _, u := range []string{zt, bt, iot, sub["begin"], sub["rol"], sub["resultaat"], sub["eigenschap"], sub["zaakobjecttype"], sub["ziot"]} {
		got := g.do("GET", catalogiPath(u), admin, nil)
		expect(t, got, http.StatusOK)
		body := got.json(t)
		if put := g.do("PUT", catalogiPath(u), admin, body); put.Status != http.StatusOK {
			t.Errorf("PUT %s of what GET answered: %d %.500s", catalogiPath(u), put.Status, put.Body)
		}
	}
}

// startCatalogi starts a registry for the catalogi write tests.
func startCatalogi(t *testing.T) *registry {
	t.Helper()
	return startRegistry(t)
}
