package main

import (
	"net/http"
	"testing"
)

// TestCatalogiWrites_EveryOperation calls every PUT, PATCH and DELETE of
// the Catalogi API on a concept zaaktype and its sub-types, and checks each
// answer and its effect on the next GET.
func TestCatalogiWrites_EveryOperation(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "OPS")
	zt, bt, iot, sub := g.volledigZaaktype(admin, cat, sl)

	puts := map[string]map[string]any{
		sub["eind"]: {"zaaktype": zt, "omschrijving": "Afgehandeld", "volgnummer": 2},
		sub["rol"]:  {"zaaktype": zt, "omschrijving": "Indiener", "omschrijvingGeneriek": "initiator"},
		sub["resultaat"]: {"zaaktype": zt, "omschrijving": "Geweigerd", "resultaattypeomschrijving": sl.omschrijving,
			"selectielijstklasse": sl.resultaat, "brondatumArchiefprocedure": map[string]any{"afleidingswijze": "afgehandeld"},
			"besluittypen": []string{bt}},
		sub["eigenschap"]: {"zaaktype": zt, "naam": "kenteken", "definitie": "Het kenteken",
			"specificatie": map[string]any{"formaat": "tekst", "lengte": "10", "kardinaliteit": "1"}},
		sub["zaakobjecttype"]: {"zaaktype": zt, "anderObjecttype": true, "objecttype": "https://objecttypen.example/api/v2/objecttypes/2",
			"relatieOmschrijving": "ander object", "beginGeldigheid": "2024-01-01"},
		sub["ziot"]: {"zaaktype": zt, "informatieobjecttype": "Aanvraag", "volgnummer": 2, "richting": "uitgaand"},
		iot: {"catalogus": cat, "omschrijving": "Aanvraag", "vertrouwelijkheidaanduiding": "intern",
			"informatieobjectcategorie": "formulier", "beginGeldigheid": "2024-01-01"},
		bt: {"catalogus": cat, "omschrijving": "Besluit A", "publicatieIndicatie": true,
			"informatieobjecttypen": []string{"Aanvraag"}, "beginGeldigheid": "2024-01-01"},
		zt: zaaktypeVoor(cat, "ZT-1", "2024-01-01", sl.procestype, "Besluit A"),
	}
	want := map[string][2]any{ // field that the PUT changed, and its new value
		sub["eind"]: {"omschrijving", "Afgehandeld"}, sub["rol"]: {"omschrijving", "Indiener"},
		sub["resultaat"]: {"omschrijving", "Geweigerd"}, sub["eigenschap"]: {"definitie", "Het kenteken"},
		sub["zaakobjecttype"]: {"relatieOmschrijving", "ander object"}, sub["ziot"]: {"richting", "uitgaand"},
		iot: {"vertrouwelijkheidaanduiding", "intern"}, bt: {"publicatieIndicatie", true}, zt: {"omschrijving", "Vergunning ZT-1"},
	}
	for url, body := range puts {
		r := g.do("PUT", catalogiPath(url), admin, body)
		expect(t, r, http.StatusOK)
		if got := r.json(t)[want[url][0].(string)]; got != want[url][1] {
			t.Errorf("PUT %s: %s = %v, want %v", url, want[url][0], got, want[url][1])
		}
		r = g.do("PATCH", catalogiPath(url), admin, map[string]any{"url": url})
		expect(t, r, http.StatusOK)
		if got := r.json(t)[want[url][0].(string)]; got != want[url][1] {
			t.Errorf("PATCH without changes altered %s of %s: %v", want[url][0], url, got)
		}
	}
	// Deleting a sub-type removes it from its zaaktype's lists.
	for key, list := range map[string]string{
		"eind": "statustypen", "rol": "roltypen", "resultaat": "resultaattypen", "eigenschap": "eigenschappen",
		"zaakobjecttype": "zaakobjecttypen", "ziot": "informatieobjecttypen",
	} {
		expect(t, g.do("DELETE", catalogiPath(sub[key]), admin, nil), http.StatusNoContent)
		expect(t, g.do("GET", catalogiPath(sub[key]), admin, nil), http.StatusNotFound)
		for _, u := range g.do("GET", catalogiPath(zt), admin, nil).json(t)[list].([]any) {
			if u == sub[key] {
				t.Errorf("zaaktype still lists deleted %s", sub[key])
			}
		}
	}
	for _, u := range []string{zt, bt, iot} {
		expect(t, g.do("DELETE", catalogiPath(u), admin, nil), http.StatusNoContent)
		expect(t, g.do("GET", catalogiPath(u), admin, nil), http.StatusNotFound)
	}
	// A deleted zaaktype takes its remaining sub-types along.
	expect(t, g.do("GET", catalogiPath(sub["begin"]), admin, nil), http.StatusNotFound)
}

// TestCatalogi_SubtypesDeriveValidity: a sub-type is valid exactly as long
// as its zaaktype version, so it shows the version's dates.
func TestCatalogi_SubtypesDeriveValidity(t *testing.T) {
	g := startCatalogi(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "GLD")
	zt, bt, iot, sub := g.volledigZaaktype(admin, cat, sl)
	for _, u := range []string{bt, iot, zt} {
		expect(t, g.do("POST", catalogiPath(u)+"/publish", admin, map[string]any{}), http.StatusOK)
	}
	expect(t, g.do("PATCH", catalogiPath(zt), admin, map[string]any{"eindeGeldigheid": "2030-12-31"}), http.StatusOK)
	for _, key := range []string{"begin", "rol", "resultaat", "eigenschap", "zaakobjecttype"} {
		body := g.do("GET", catalogiPath(sub[key]), admin, nil).json(t)
		if body["eindeGeldigheid"] != "2030-12-31" {
			t.Errorf("%s: eindeGeldigheid %v, want the zaaktype's 2030-12-31", key, body["eindeGeldigheid"])
		}
		if key != "zaakobjecttype" && body["beginGeldigheid"] != "2024-01-01" {
			t.Errorf("%s: beginGeldigheid %v, want the zaaktype's 2024-01-01", key, body["beginGeldigheid"])
		}
	}
}
