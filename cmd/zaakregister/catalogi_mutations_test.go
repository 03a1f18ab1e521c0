package main

import (
	"strings"
	"testing"
)

// TestCatalogi_MutatedRequests sends valid writes and lists of the
// Catalogi API with random damage (sendMutated): every answer is a
// success or a 4xx problem+json, never a 5xx, and every zaaktype the API
// said it created is there.
func TestCatalogi_MutatedRequests(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "MUT")
	zt, bt, _, sub := g.volledigZaaktype(admin, cat, sl)
	writes := []requestTemplate{
		{"POST", "/catalogussen", map[string]any{"domein": "MUT2", "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer",
			"contactpersoonBeheerEmailadres": "beheer@example.org", "begindatumVersie": "2024-01-01"}},
		{"POST", "/informatieobjecttypen", map[string]any{"catalogus": cat, "omschrijving": "Bijlage",
			"vertrouwelijkheidaanduiding": "openbaar", "informatieobjectcategorie": "brief", "beginGeldigheid": "2024-01-01",
			"trefwoord": []string{"a"}, "omschrijvingGeneriek": map[string]any{"informatieobjecttypeOmschrijvingGeneriek": "x",
				"definitieInformatieobjecttypeOmschrijvingGeneriek": "y", "herkomstInformatieobjecttypeOmschrijvingGeneriek": "z",
				"hierarchieInformatieobjecttypeOmschrijvingGeneriek": "h"}}},
		{"POST", "/besluittypen", map[string]any{"catalogus": cat, "omschrijving": "Besluit B", "publicatieIndicatie": false,
			"informatieobjecttypen": []string{}, "beginGeldigheid": "2024-01-01", "reactietermijn": "P14D"}},
		{"POST", "/zaaktypen", zaaktypeVoor(cat, "ZT-M", "2024-02-01", sl.procestype)},
		{"PUT", catalogiPath(zt)[len(catalogiRoot):], zaaktypeVoor(cat, "ZT-1", "2024-01-01", sl.procestype, "Besluit A")},
		{"PATCH", catalogiPath(zt)[len(catalogiRoot):], map[string]any{"toelichting": "Gewijzigd", "doorlooptijd": "P40D",
			"trefwoorden": []string{"vergunning"}}},
		{"POST", "/statustypen", map[string]any{"zaaktype": zt, "omschrijving": "Midden", "volgnummer": 3,
			"checklistitemStatustype": []any{map[string]any{"itemnaam": "a", "vraagstelling": "b", "verplicht": true}}}},
		{"PATCH", catalogiPath(sub["begin"])[len(catalogiRoot):], map[string]any{"omschrijving": "Start", "informeren": true}},
		{"POST", "/roltypen", map[string]any{"zaaktype": zt, "omschrijving": "Behandelaar", "omschrijvingGeneriek": "behandelaar"}},
		{"POST", "/resultaattypen", map[string]any{"zaaktype": zt, "omschrijving": "Geweigerd",
			"resultaattypeomschrijving": sl.omschrijving, "selectielijstklasse": sl.resultaat, "archiefactietermijn": "P10Y",
			"brondatumArchiefprocedure": map[string]any{"afleidingswijze": "afgehandeld"}, "besluittypen": []string{bt}}},
		{"POST", "/eigenschappen", map[string]any{"zaaktype": zt, "naam": "naam", "definitie": "Naam",
			"specificatie": map[string]any{"formaat": "tekst", "lengte": "20", "kardinaliteit": "1", "waardenverzameling": []string{}}}},
		{"POST", "/zaakobjecttypen", map[string]any{"zaaktype": zt, "anderObjecttype": false,
			"objecttype": "https://objecttypen.example/api/v2/objecttypes/2", "relatieOmschrijving": "object",
			"beginGeldigheid": "2024-01-01"}},
		{"POST", "/zaaktype-informatieobjecttypen", map[string]any{"zaaktype": zt, "informatieobjecttype": "Aanvraag",
			"volgnummer": 2, "richting": "uitgaand"}},
	}
	lists := map[string][]string{
		"/catalogussen":          {"domein", "domein__in", "rsin", "rsin__in", "page"},
		"/zaaktypen":             {"catalogus", "identificatie", "trefwoorden", "status", "datumGeldigheid", "page"},
		"/statustypen":           {"zaaktype", "zaaktypeIdentificatie", "status", "datumGeldigheid", "page"},
		"/informatieobjecttypen": {"catalogus", "status", "omschrijving", "datumGeldigheid", "page"},
		"/resultaattypen":        {"zaaktype", "status", "page"},
		"/roltypen":              {"zaaktype", "omschrijvingGeneriek", "status", "page"},
		"/eigenschappen":         {"zaaktype", "status", "page"},
		"/besluittypen":          {"catalogus", "zaaktypen", "informatieobjecttypen", "status", "page"},
	}
	created := sendMutated(t, func(method, path string, body any) response {
		return g.do(method, catalogiRoot+path, admin, body)
	}, writes, lists, zt)
	got := g.do("GET", catalogiRoot+"/zaaktypen?status=alles&catalogus="+cat, admin, nil).json(t)
	if want := 1 + created["/zaaktypen"]; got["count"] != float64(want) {
		t.Fatalf("%v zaaktypen, want %d: the one set up and the 201s of POST /zaaktypen", got["count"], want)
	}
}

// TestCatalogi_BadInputMutationsFound: what TestCatalogi_MutatedRequests
// found answered with a 500 before: a PUT of a zaaktype without its
// catalogus (the besluittypen were looked up in catalogus ""), query
// values with a NUL or not UTF-8, a body that is not UTF-8.
func TestCatalogi_BadInputMutationsFound(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "MUT")
	zt, _, _, _ := g.volledigZaaktype(admin, cat, sl)
	body := zaaktypeVoor(cat, "ZT-1", "2024-01-01", sl.procestype, "Besluit A")
	delete(body, "catalogus")
	for _, c := range []struct {
		name, method, path string
		body               any
	}{
		{"put without catalogus", "PUT", catalogiPath(zt), body},
		{"NUL in a query value", "GET", catalogiRoot + "/zaaktypen?identificatie=%00", nil},
		{"query value not UTF-8", "GET", catalogiRoot + "/catalogussen?rsin__in=%FF%FE", nil},
		{"body not UTF-8", "PATCH", catalogiPath(zt), "{\"toelichting\": \"\xe1x\"}"},
	} {
		r := g.do(c.method, c.path, admin, c.body)
		if r.Status != 400 || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%s: %d %.300s", c.name, r.Status, r.Body)
		}
	}
}
