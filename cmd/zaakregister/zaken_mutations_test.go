package main

import (
	"encoding/json"
	"testing"
)

// TestZaken_MutatedRequests sends valid requests of every write endpoint
// and list of the Zaken API with random damage: a field replaced by a
// value of another type, out of range or absurdly long, dropped, an
// unknown field added, the JSON cut short or a byte changed, query
// parameters with odd values (sendMutated). Every answer is a success or a
// 4xx problem+json, never a 5xx, and every zaak the API said it created is
// there.
func TestZaken_MutatedRequests(t *testing.T) {
	e := startZaken(t, 1)
	a, zt := e.admin, e.zt[0]
	zaak := e.created(t, "/zaken", a, zaakBody(zt))
	zu, zp := zaak["url"].(string), zrcPath(zaak["url"].(string))
	object := e.created(t, "/zaakobjecten", a, map[string]any{"zaak": zu, "objectType": "overige", "objectTypeOverige": "Boom"})
	eigenschap := e.created(t, zp+"/zaakeigenschappen", a, map[string]any{"zaak": zu, "eigenschap": zt.eigenschappen[0], "waarde": "2026-11-01"})
	yes := true
	doc := e.docs.add("5a0c6e1f-2b3d-4c5e-8f90-1a2b3c4d5e6f", e.iots["Aanvraag"], &yes, "definitief")
	zio := e.created(t, "/zaakinformatieobjecten", a, map[string]any{"zaak": zu, "informatieobject": doc, "titel": "Aanvraag"})

	writes := []requestTemplate{
		{"POST", "/zaken", with(zaakBody(zt), "toelichting", "x", "einddatumGepland", "2026-12-01", "betalingsindicatie", "nvt",
			"zaakgeometrie", map[string]any{"type": "Point", "coordinates": []float64{5.1, 52.1}},
			"kenmerken", []any{map[string]any{"kenmerk": "k", "bron": "b"}},
			"relevanteAndereZaken", []any{map[string]any{"url": zu, "aardRelatie": "vervolg"}},
			"opschorting", map[string]any{"indicatie": false, "reden": ""}, "productenOfDiensten", []any{})},
		{"PUT", zp, with(zaakBody(zt), "omschrijving", "Gewijzigd")},
		{"PATCH", zp, map[string]any{"toelichting": "Deels", "verlenging": map[string]any{"reden": "r", "duur": "P5D"}}},
		{"POST", "/zaken/_zoek", map[string]any{"zaaktype": zt.url, "uuid__in": []string{lastSegment(zu)}, "expand": "status",
			"zaakgeometrie": map[string]any{"within": map[string]any{"type": "Polygon",
				"coordinates": [][][]float64{{{5, 52}, {6, 52}, {6, 53}, {5, 53}, {5, 52}}}}}}},
		{"POST", "/statussen", map[string]any{"zaak": zu, "statustype": zt.statustypen[0], "datumStatusGezet": "2026-11-02T10:00:00Z",
			"statustoelichting": "x"}},
		{"POST", "/rollen", map[string]any{"zaak": zu, "betrokkeneType": "natuurlijk_persoon", "roltype": zt.roltypen[0],
			"roltoelichting": "Aanvrager", "betrokkeneIdentificatie": map[string]any{"inpBsn": "123456782", "geslachtsnaam": "Jansen",
				"verblijfsadres": map[string]any{"aoaIdentificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B",
					"aoaHuisnummer": 1}}}},
		{"POST", "/rollen", map[string]any{"zaak": zu, "betrokkeneType": "medewerker", "roltype": zt.roltypen[1],
			"roltoelichting": "Behandelaar", "betrokkeneIdentificatie": map[string]any{"identificatie": "mw-1", "achternaam": "Smit"}}},
		{"POST", "/rollen", map[string]any{"zaak": zu, "betrokkeneType": "vestiging", "roltype": zt.roltypen[0],
			"roltoelichting": "x", "betrokkeneIdentificatie": map[string]any{"vestigingsNummer": "000012345678",
				"handelsnaam": []string{"Bakker"}}}},
		{"POST", "/zaakobjecten", map[string]any{"zaak": zu, "objectType": "adres", "objectIdentificatie": map[string]any{
			"identificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam", "gorOpenbareRuimteNaam": "Dam", "huisnummer": 1}}},
		{"PUT", zrcPath(object["url"].(string)), map[string]any{"zaak": zu, "objectType": "overige", "objectTypeOverige": "Struik"}},
		{"PATCH", zrcPath(eigenschap["url"].(string)), map[string]any{"waarde": "2026-11-04"}},
		{"POST", zp + "/zaakeigenschappen", map[string]any{"zaak": zu, "eigenschap": zt.eigenschappen[0], "waarde": "2026-11-01"}},
		{"POST", "/resultaten", map[string]any{"zaak": zu, "resultaattype": zt.resultaattypen[0], "toelichting": "x"}},
		{"POST", "/klantcontacten", map[string]any{"zaak": zu, "datumtijd": "2026-11-02T09:00:00Z", "kanaal": "telefoon"}},
		{"PATCH", zrcPath(zio["url"].(string)), map[string]any{"beschrijving": "Ingediend", "vernietigingsdatum": "2030-01-01T00:00:00Z"}},
		{"POST", "/zaakcontactmomenten", map[string]any{"zaak": zu, "contactmoment": "https://cm.example/api/v1/contactmomenten/1"}},
		{"POST", "/zaakverzoeken", map[string]any{"zaak": zu, "verzoek": "https://vz.example/api/v1/verzoeken/1"}},
		{"POST", zp + "/besluiten", map[string]any{"besluit": "https://brc.example/besluiten/api/v1/besluiten/1"}},
	}
	lists := map[string][]string{
		"/zaken": {"zaaktype", "identificatie", "bronorganisatie", "startdatum__gt", "einddatum__isnull", "archiefactiedatum__lt",
			"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn", "maximaleVertrouwelijkheidaanduiding", "ordering", "expand", "page",
			"uuid__in", "zaaktype__in"},
		"/rollen":                 {"zaak", "betrokkeneType", "omschrijvingGeneriek", "betrokkeneIdentificatie__vestiging__vestigingsNummer", "page"},
		"/statussen":              {"zaak", "statustype", "indicatieLaatstGezetteStatus", "page"},
		"/zaakobjecten":           {"zaak", "object", "objectType", "page"},
		"/resultaten":             {"zaak", "resultaattype", "page"},
		"/zaakinformatieobjecten": {"zaak", "informatieobject"},
		"/klantcontacten":         {"zaak", "page"},
		zp + "/audittrail":        {},
	}
	created := sendMutated(t, func(method, path string, body any) response { return e.do(method, path, a, body) }, writes, lists, zu)
	if got := e.count(t, "/zaken", a); got != 1+created["/zaken"] {
		t.Fatalf("%d zaken, want %d: the one set up and the 201s of POST /zaken", got, 1+created["/zaken"])
	}
}

// TestZaken_PutWhatGetAnswers: clients PUT back what a GET answered, with
// its read-only fields and its empty values ("" for an unset
// objectTypeOverige, which the OAS's pattern would refuse); every resource
// that has a PUT takes it unchanged.
func TestZaken_PutWhatGetAnswers(t *testing.T) {
	e := startZaken(t, 1)
	a, zt := e.admin, e.zt[0]
	zaak := e.created(t, "/zaken", a, with(zaakBody(zt), "zaakgeometrie", map[string]any{"type": "Point", "coordinates": []float64{5.1, 52.1}},
		"opschorting", map[string]any{"indicatie": false, "reden": ""}))
	zu := zaak["url"].(string)
	yes := true
	doc := e.docs.add("6b1d7f2a-3c4e-4d5f-9a01-2b3c4d5e6f7a", e.iots["Aanvraag"], &yes, "definitief")
	for _, c := range []struct {
		collection string
		body       map[string]any
	}{
		{"/zaakobjecten", map[string]any{"zaak": zu, "objectType": "adres", "objectIdentificatie": map[string]any{
			"identificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam", "gorOpenbareRuimteNaam": "Dam", "huisnummer": 1}}},
		{"/zaakobjecten", map[string]any{"zaak": zu, "objectType": "overige", "objectTypeOverige": "boom"}},
		{zrcPath(zu) + "/zaakeigenschappen", map[string]any{"zaak": zu, "eigenschap": zt.eigenschappen[0], "waarde": "2026-11-01"}},
		{"/zaakinformatieobjecten", map[string]any{"zaak": zu, "informatieobject": doc, "titel": "Aanvraag"}},
		{"/resultaten", map[string]any{"zaak": zu, "resultaattype": zt.resultaattypen[0]}},
	} {
		e.created(t, c.collection, a, c.body)
	}
	paths := []string{zrcPath(zu)}
	for _, list := range []string{"/zaakobjecten?zaak=" + zu, "/resultaten?zaak=" + zu, "/zaakinformatieobjecten?zaak=" + zu, zrcPath(zu) + "/zaakeigenschappen"} {
		var items []map[string]any
		body := e.do("GET", list, a, nil).Body
		var page struct{ Results []map[string]any }
		if json.Unmarshal(body, &page) == nil && page.Results != nil {
			items = page.Results
		} else if err := json.Unmarshal(body, &items); err != nil {
			t.Fatalf("GET %s: %v: %s", list, err, body)
		}
		for _, item := range items {
			paths = append(paths, zrcPath(item["url"].(string)))
		}
	}
	if len(paths) != 6 {
		t.Fatalf("%d resources to PUT back, want 6", len(paths))
	}
	for _, p := range paths {
		got := e.do("GET", p, a, nil)
		expect(t, got, 200)
		put := e.do("PUT", p, a, got.Body)
		if put.Status != 200 {
			t.Errorf("PUT %s of what GET answered: %d %.500s", p, put.Status, put.Body)
		}
	}
}
