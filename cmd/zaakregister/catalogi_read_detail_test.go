package main

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// ztcGet GETs a detail and decodes it, failing unless it answers 200.
func (g *registry) ztcGet(t *testing.T, tok, path string) map[string]any {
	t.Helper()
	r := g.do("GET", ztcRoot+path, tok, nil)
	expect(t, r, http.StatusOK)
	return r.json(t)
}

// ztcFields fails unless body has every field of want with that value
// (JSON-decoded: strings, bools, float64, nil, []any, map[string]any).
func ztcFields(t *testing.T, what string, body map[string]any, want map[string]any) {
	t.Helper()
	for k, v := range want {
		got, ok := body[k]
		if !ok {
			t.Errorf("%s: field %s missing", what, k)
			continue
		}
		if !reflect.DeepEqual(got, v) {
			t.Errorf("%s.%s = %#v, want %#v", what, k, got, v)
		}
	}
}

// ztcAny turns URLs of collection into the []any a decoded body holds.
func ztcAny(collection string, ids ...string) []any {
	out := []any{}
	for _, id := range ids {
		out = append(out, ztcURL(collection, id))
	}
	return out
}

func ztcDetails(t *testing.T, g *registry, admin string) {
	c1 := ztcURL("catalogussen", ztcC1)
	ztcFields(t, "catalogus C1", g.ztcGet(t, admin, "/catalogussen/"+ztcC1), map[string]any{
		"url": c1, "domein": "ABC", "rsin": "123456782", "contactpersoonBeheerNaam": "Beheer",
		"contactpersoonBeheerTelefoonnummer": "", "contactpersoonBeheerEmailadres": "beheer@example.nl",
		"zaaktypen":             ztcAny("zaaktypen", ztcZT1, ztcZT2, ztcZT3),
		"besluittypen":          ztcAny("besluittypen", ztcBT1, ztcBT2),
		"informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT1, ztcIOT2, ztcIOT3),
		"naam":                  "Catalogus ABC", "versie": "1", "begindatumVersie": "2020-01-01",
	})
	ztcFields(t, "catalogus C2", g.ztcGet(t, admin, "/catalogussen/"+ztcC2), map[string]any{
		"zaaktypen": ztcAny("zaaktypen", ztcZT4), "besluittypen": []any{}, "informatieobjecttypen": []any{},
		"naam": nil, "versie": nil, "begindatumVersie": nil,
	})

	ztcFields(t, "zaaktype ZT2", g.ztcGet(t, admin, "/zaaktypen/"+ztcZT2), map[string]any{
		"url": ztcURL("zaaktypen", ztcZT2), "identificatie": "ZT-1", "catalogus": c1, "concept": false,
		"vertrouwelijkheidaanduiding": "openbaar", "doorlooptijd": "P30D", "servicenorm": "P10D", "verlengingstermijn": nil,
		"trefwoorden": []any{"bouw", "wonen"}, "verantwoordingsrelatie": []any{}, "productenOfDiensten": []any{},
		"statustypen":           ztcAny("statustypen", ztcST1, ztcST2),
		"roltypen":              ztcAny("roltypen", ztcROL1),
		"resultaattypen":        ztcAny("resultaattypen", ztcRES1),
		"eigenschappen":         ztcAny("eigenschappen", ztcEIG1),
		"zaakobjecttypen":       ztcAny("zaakobjecttypen", ztcZOT1),
		"informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT2),
		"besluittypen":          ztcAny("besluittypen", ztcBT1),
		// ZT-2 has no published version: no deelzaaktype to show.
		"deelzaaktypen": []any{},
		"gerelateerdeZaaktypen": []any{
			map[string]any{"zaaktype": ztcURL("zaaktypen", ztcZT3), "aardRelatie": "vervolg", "toelichting": ""},
			map[string]any{"zaaktype": ztcElders, "aardRelatie": "bijdrage", "toelichting": "elders"},
		},
		"broncatalogus":   map[string]any{"url": "https://bron.example/catalogi/api/v1/catalogussen/1", "domein": "BRON", "rsin": "123456782"},
		"beginGeldigheid": "2022-01-01", "eindeGeldigheid": nil, "versiedatum": "2022-01-01",
		"beginObject": "2020-01-01", "eindeObject": nil,
		"referentieproces": map[string]any{"naam": "ref", "link": ""},
	})
	ztcFields(t, "zaaktype ZT1", g.ztcGet(t, admin, "/zaaktypen/"+ztcZT1), map[string]any{
		"eindeGeldigheid": "2021-12-31", "beginObject": "2020-01-01", "eindeObject": nil,
		"statustypen": []any{}, "besluittypen": ztcAny("besluittypen", ztcBT1),
		// Today the Aanvraag of ZT1's zaaktype-informatieobjecttype is version 2.
		"informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT2),
		"broncatalogus":         map[string]any{"url": "", "domein": "", "rsin": ""},
		"bronzaaktype":          map[string]any{"url": "", "identificatie": "", "omschrijving": ""},
	})
	ztcFields(t, "zaaktype ZT3 (concept)", g.ztcGet(t, admin, "/zaaktypen/"+ztcZT3), map[string]any{
		"concept": true, "statustypen": ztcAny("statustypen", ztcST3), "roltypen": ztcAny("roltypen", ztcROL2),
		// Concepts are not shown through references by name.
		"besluittypen": []any{}, "informatieobjecttypen": []any{},
	})

	ztcFields(t, "informatieobjecttype IOT1", g.ztcGet(t, admin, "/informatieobjecttypen/"+ztcIOT1), map[string]any{
		"catalogus": c1, "omschrijving": "Aanvraag", "concept": false,
		"beginGeldigheid": "2020-01-01", "eindeGeldigheid": "2021-12-31", "beginObject": "2020-01-01", "eindeObject": nil,
		"zaaktypen":    ztcAny("zaaktypen", ztcZT2),
		"besluittypen": ztcAny("besluittypen", ztcBT1),
		"trefwoord":    []any{},
		"omschrijvingGeneriek": map[string]any{"informatieobjecttypeOmschrijvingGeneriek": "", "definitieInformatieobjecttypeOmschrijvingGeneriek": "",
			"herkomstInformatieobjecttypeOmschrijvingGeneriek": "", "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "",
			"opmerkingInformatieobjecttypeOmschrijvingGeneriek": nil},
	})
	iot3 := g.ztcGet(t, admin, "/informatieobjecttypen/"+ztcIOT3)
	ztcFields(t, "informatieobjecttype IOT3", iot3, map[string]any{"concept": true, "zaaktypen": []any{}, "besluittypen": []any{}})
	if og := iot3["omschrijvingGeneriek"].(map[string]any); og["informatieobjecttypeOmschrijvingGeneriek"] != "bijlage" {
		t.Errorf("omschrijvingGeneriek of IOT3: %v", og)
	}

	ztcFields(t, "besluittype BT1", g.ztcGet(t, admin, "/besluittypen/"+ztcBT1), map[string]any{
		"catalogus": c1, "omschrijving": "Besluit A", "concept": false, "reactietermijn": "P6W", "publicatietermijn": nil,
		"zaaktypen":                  ztcAny("zaaktypen", ztcZT2),
		"informatieobjecttypen":      ztcAny("informatieobjecttypen", ztcIOT2),
		"vastgelegdIn":               []any{"Aanvraag"},
		"resultaattypen":             ztcAny("resultaattypen", ztcRES1),
		"resultaattypenOmschrijving": []any{"Verleend"},
		"beginObject":                "2020-01-01", "eindeObject": nil, "eindeGeldigheid": nil,
	})
	ztcFields(t, "besluittype BT2", g.ztcGet(t, admin, "/besluittypen/"+ztcBT2), map[string]any{
		"concept": true, "zaaktypen": []any{}, "informatieobjecttypen": []any{}, "vastgelegdIn": []any{},
		"resultaattypen": []any{}, "resultaattypenOmschrijving": []any{},
	})

	zt2 := ztcURL("zaaktypen", ztcZT2)
	ztcFields(t, "statustype ST1", g.ztcGet(t, admin, "/statustypen/"+ztcST1), map[string]any{
		"zaaktype": zt2, "catalogus": c1, "zaaktypeIdentificatie": "ZT-1", "volgnummer": float64(1), "isEindstatus": false,
		"eigenschappen": ztcAny("eigenschappen", ztcEIG1), "doorlooptijd": nil, "toelichting": nil,
		"checklistitemStatustype": []any{map[string]any{"itemnaam": "compleet", "toelichting": nil, "vraagstelling": "Is het compleet?", "verplicht": true}},
		"beginGeldigheid":         "2022-01-01", "eindeGeldigheid": nil, "beginObject": "2020-01-01", "eindeObject": nil,
	})
	ztcFields(t, "statustype ST2", g.ztcGet(t, admin, "/statustypen/"+ztcST2), map[string]any{
		"isEindstatus": true, "doorlooptijd": "P5D", "eigenschappen": []any{}, "checklistitemStatustype": []any{},
	})
	ztcFields(t, "statustype ST3", g.ztcGet(t, admin, "/statustypen/"+ztcST3), map[string]any{
		"isEindstatus": true, "zaaktypeIdentificatie": "ZT-2",
	})
	ztcFields(t, "roltype ROL1", g.ztcGet(t, admin, "/roltypen/"+ztcROL1), map[string]any{
		"zaaktype": zt2, "zaaktypeIdentificatie": "ZT-1", "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator",
		"catalogus": c1, "beginGeldigheid": "2022-01-01", "eindeGeldigheid": nil,
	})
	ztcFields(t, "resultaattype RES1", g.ztcGet(t, admin, "/resultaattypen/"+ztcRES1), map[string]any{
		"zaaktype": zt2, "zaaktypeIdentificatie": "ZT-1", "omschrijving": "Verleend", "omschrijvingGeneriek": "Verleend",
		"selectielijstklasse": ztcResultaat, "archiefnominatie": "vernietigen", "archiefactietermijn": "P10Y",
		"brondatumArchiefprocedure": map[string]any{"afleidingswijze": "afgehandeld", "datumkenmerk": "", "einddatumBekend": false,
			"objecttype": "", "registratie": "", "procestermijn": nil},
		"procesobjectaard": nil, "indicatieSpecifiek": nil, "procestermijn": nil, "catalogus": c1,
		"besluittypen":                     ztcAny("besluittypen", ztcBT1),
		"besluittypeOmschrijving":          []any{"Besluit A"},
		"informatieobjecttypen":            ztcAny("informatieobjecttypen", ztcIOT2),
		"informatieobjecttypeOmschrijving": []any{"Aanvraag"},
	})
	ztcFields(t, "eigenschap EIG1", g.ztcGet(t, admin, "/eigenschappen/"+ztcEIG1), map[string]any{
		"naam": "kenteken", "catalogus": c1, "zaaktype": zt2, "zaaktypeIdentificatie": "ZT-1",
		"statustype": ztcURL("statustypen", ztcST1), "toelichting": "",
		"specificatie": map[string]any{"groep": "", "formaat": "tekst", "lengte": "8", "kardinaliteit": "1", "waardenverzameling": []any{}},
	})
	ztcFields(t, "zaakobjecttype ZOT1", g.ztcGet(t, admin, "/zaakobjecttypen/"+ztcZOT1), map[string]any{
		"anderObjecttype": false, "objecttype": ztcObjecttype, "relatieOmschrijving": "betreft", "zaaktype": zt2,
		"zaaktypeIdentificatie": "ZT-1", "catalogus": c1, "statustypen": []any{}, "resultaattypen": []any{},
		"beginGeldigheid": "2022-01-01", "eindeGeldigheid": nil,
	})
	ztcFields(t, "zaaktype-informatieobjecttype ZIOT1", g.ztcGet(t, admin, "/zaaktype-informatieobjecttypen/"+ztcZIOT1), map[string]any{
		"zaaktype": zt2, "zaaktypeIdentificatie": "ZT-1", "catalogus": c1, "informatieobjecttype": "Aanvraag",
		"volgnummer": float64(1), "richting": "inkomend", "statustype": ztcURL("statustypen", ztcST2),
	})
	ztcFields(t, "zaaktype-informatieobjecttype ZIOT0", g.ztcGet(t, admin, "/zaaktype-informatieobjecttypen/"+ztcZIOT0), map[string]any{
		"zaaktype": ztcURL("zaaktypen", ztcZT1), "statustype": nil,
	})
}

// ztcDatumGeldigheid: GET /zaaktypen/{uuid}?datumGeldigheid shows the
// zaaktype as it is on that day.
func ztcDatumGeldigheid(t *testing.T, g *registry, admin string) {
	ztcFields(t, "ZT1 on 2021-06-01", g.ztcGet(t, admin, "/zaaktypen/"+ztcZT1+"?datumGeldigheid=2021-06-01"), map[string]any{
		"informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT1),
		"besluittypen":          ztcAny("besluittypen", ztcBT1),
	})
	ztcFields(t, "ZT1 on its last day", g.ztcGet(t, admin, "/zaaktypen/"+ztcZT1+"?datumGeldigheid=2021-12-31"), map[string]any{
		"informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT1),
	})
	ztcFields(t, "ZT2 on 2023-01-01", g.ztcGet(t, admin, "/zaaktypen/"+ztcZT2+"?datumGeldigheid=2023-01-01"), map[string]any{
		"statustypen":           ztcAny("statustypen", ztcST1, ztcST2),
		"informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT2),
	})
	// A zaaktype that is not valid on the day is not found then.
	ztcProblem(t, g.do("GET", ztcRoot+"/zaaktypen/"+ztcZT2+"?datumGeldigheid=2021-06-01", admin, nil), http.StatusNotFound, "")
	// The list resolves relations on its datumGeldigheid too.
	p := g.ztcList(t, admin, "/zaaktypen?identificatie=ZT-1&datumGeldigheid=2021-06-01")
	if len(p.Results) != 1 {
		t.Fatalf("%d results", len(p.Results))
	}
	ztcFields(t, "ZT1 listed on 2021-06-01", p.Results[0], map[string]any{
		"url": ztcURL("zaaktypen", ztcZT1), "informatieobjecttypen": ztcAny("informatieobjecttypen", ztcIOT1),
	})
	ztcFields(t, "IOT1 on 2021-06-01", g.ztcList(t, admin, "/informatieobjecttypen?datumGeldigheid=2021-06-01").Results[0], map[string]any{
		"zaaktypen": ztcAny("zaaktypen", ztcZT1),
	})
}

// ztcDetailPaths are one detail of every resource.
var ztcDetailPaths = []string{
	"/catalogussen/" + ztcC1, "/zaaktypen/" + ztcZT2, "/informatieobjecttypen/" + ztcIOT1, "/besluittypen/" + ztcBT1,
	"/statustypen/" + ztcST1, "/roltypen/" + ztcROL1, "/resultaattypen/" + ztcRES1, "/eigenschappen/" + ztcEIG1,
	"/zaakobjecttypen/" + ztcZOT1, "/zaaktype-informatieobjecttypen/" + ztcZIOT1,
}

func ztcETags(t *testing.T, g *registry, admin string) {
	for _, path := range ztcDetailPaths {
		t.Run(path[1:], func(t *testing.T) {
			get := g.do("GET", ztcRoot+path, admin, nil)
			expect(t, get, http.StatusOK)
			etag := get.Header.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			head := g.do("HEAD", ztcRoot+path, admin, nil)
			expect(t, head, http.StatusOK)
			if head.Header.Get("ETag") != etag || len(head.Body) != 0 || head.Header.Get("Content-Length") != get.Header.Get("Content-Length") {
				t.Errorf("HEAD: ETag %q (GET %q), %d body bytes, Content-Length %q", head.Header.Get("ETag"), etag, len(head.Body), head.Header.Get("Content-Length"))
			}
			for _, inm := range []string{etag, `"ander", ` + etag, "W/" + etag, "*"} {
				r := g.do("GET", ztcRoot+path, admin, nil, "If-None-Match", inm)
				expect(t, r, http.StatusNotModified)
				if len(r.Body) != 0 || r.Header.Get("ETag") != etag {
					t.Errorf("304 for %s: body %q, ETag %q", inm, r.Body, r.Header.Get("ETag"))
				}
			}
			expect(t, g.do("HEAD", ztcRoot+path, admin, nil, "If-None-Match", etag), http.StatusNotModified)
			expect(t, g.do("GET", ztcRoot+path, admin, nil, "If-None-Match", `"ander"`), http.StatusOK)
		})
	}
	a := g.do("GET", ztcRoot+"/zaaktypen/"+ztcZT1, admin, nil).Header.Get("ETag")
	b := g.do("GET", ztcRoot+"/zaaktypen/"+ztcZT1+"?datumGeldigheid=2021-06-01", admin, nil).Header.Get("ETag")
	if a == b {
		t.Error("different representations share an ETag")
	}
}

// ztcPatchedSchemas validates the bodies the harness exempts (see
// urlListDeviation) against the corrected 1.3.1 schemas.
func ztcPatchedSchemas(t *testing.T, g *registry, admin string) {
	doc := ztcPatchedSpec(t)
	for _, c := range []struct{ list, schema string }{
		{"/zaaktypen?status=alles", "ZaakType"},
		{"/zaaktypen?datumGeldigheid=2021-06-01", "ZaakType"},
		{"/informatieobjecttypen?status=alles", "InformatieObjectType"},
	} {
		for _, u := range g.ztcList(t, admin, c.list).urls() {
			r := g.do("GET", u[len(testBaseURL):], admin, nil)
			expect(t, r, http.StatusOK)
			ztcCheckPatched(t, doc, c.schema, r.Body)
		}
		r := g.do("GET", ztcRoot+c.list, admin, nil)
		var p struct{ Results []json.RawMessage }
		if err := json.Unmarshal(r.Body, &p); err != nil {
			t.Fatal(err)
		}
		for _, item := range p.Results {
			ztcCheckPatched(t, doc, c.schema, item)
		}
	}
}

// ztcScopes: zaaktypen are readable with catalogi.lezen, zaken.lezen or
// documenten.lezen (ztc-014), everything else with catalogi.lezen only.
func ztcScopes(t *testing.T, g *registry, admin string) {
	zrc := ztcLezer(t, g, admin, "ztc-zrc", map[string]any{"component": "zrc", "scopes": []string{"zaken.lezen"},
		"zaaktype": ztcURL("zaaktypen", ztcZT2), "maxVertrouwelijkheidaanduiding": "openbaar"})
	drc := ztcLezer(t, g, admin, "ztc-drc", map[string]any{"component": "drc", "scopes": []string{"documenten.lezen"},
		"informatieobjecttype": ztcURL("informatieobjecttypen", ztcIOT2), "maxVertrouwelijkheidaanduiding": "openbaar"})
	ztc := ztcLezer(t, g, admin, "ztc-ztc", map[string]any{"component": "ztc", "scopes": []string{"catalogi.lezen"}})
	schrijver := ztcLezer(t, g, admin, "ztc-schrijver", map[string]any{"component": "ztc", "scopes": []string{"catalogi.schrijven"}})
	for _, tok := range []string{zrc, drc, ztc} {
		expect(t, g.do("GET", ztcRoot+"/zaaktypen", tok, nil), http.StatusOK)
		expect(t, g.do("GET", ztcRoot+"/zaaktypen/"+ztcZT2, tok, nil), http.StatusOK)
		expect(t, g.do("HEAD", ztcRoot+"/zaaktypen/"+ztcZT2, tok, nil), http.StatusOK)
	}
	for _, path := range append([]string{"/catalogussen", "/statustypen"}, ztcDetailPaths...) {
		if path == "/zaaktypen/"+ztcZT2 {
			continue
		}
		expect(t, g.do("GET", ztcRoot+path, ztc, nil), http.StatusOK)
		for _, tok := range []string{zrc, drc, schrijver, ""} {
			expect(t, g.do("GET", ztcRoot+path, tok, nil), http.StatusForbidden)
		}
	}
	expect(t, g.do("GET", ztcRoot+"/zaaktypen", schrijver, nil), http.StatusForbidden)
}

// ztcRebuild: a rebuilt read model answers byte for byte the same.
func ztcRebuild(t *testing.T, g *registry, admin string) {
	paths := append([]string{"/zaaktypen?status=alles", "/catalogussen?page=2", "/zaaktype-informatieobjecttypen?status=alles"}, ztcDetailPaths...)
	before := map[string]string{}
	for _, p := range paths {
		r := g.do("GET", ztcRoot+p, admin, nil)
		expect(t, r, http.StatusOK)
		before[p] = string(r.Body)
	}
	if err := g.m.Runtime.Rebuild(context.Background(), "catalogi"); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if r := g.do("GET", ztcRoot+p, admin, nil); string(r.Body) != before[p] {
			t.Errorf("%s differs after a rebuild:\n%s\n%s", p, before[p], r.Body)
		}
	}
}
