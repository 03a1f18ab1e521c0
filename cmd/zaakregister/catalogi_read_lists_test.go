package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCatalogiRead runs every read of the Catalogi API against one seeded
// catalogue; every response is also validated against the OAS by the
// harness.
func TestCatalogiRead(t *testing.T) {
	g := startRegistry(t)
	admin := g.superuser()
	seedCatalogi(t, g)
	t.Run("Filters", func(t *testing.T) { ztcFilters(t, g, admin) })
	t.Run("Pagination", func(t *testing.T) { ztcPagination(t, g, admin) })
	t.Run("BadFilters", func(t *testing.T) { ztcBadFilters(t, g, admin) })
	t.Run("Details", func(t *testing.T) { ztcDetails(t, g, admin) })
	t.Run("DatumGeldigheid", func(t *testing.T) { ztcDatumGeldigheid(t, g, admin) })
	t.Run("ETag", func(t *testing.T) { ztcETags(t, g, admin) })
	t.Run("PatchedSchemas", func(t *testing.T) { ztcPatchedSchemas(t, g, admin) })
	t.Run("ztc014Scopes", func(t *testing.T) { ztcScopes(t, g, admin) })
	t.Run("RebuildIdentical", func(t *testing.T) { ztcRebuild(t, g, admin) })
}

// ztcQ escapes a URL for a query string.
func ztcQ(s string) string { return url.QueryEscape(s) }

func ztcFilters(t *testing.T, g *registry, admin string) {
	foreign := "https://elders.example/catalogi/api/v1/catalogussen/" + ztcC1
	cases := []struct {
		path       string
		collection string
		ids        []string
	}{
		{"/catalogussen?domein=ABC", "catalogussen", []string{ztcC1}},
		{"/catalogussen?domein__in=ABC,XYZ", "catalogussen", []string{ztcC1, ztcC2}},
		{"/catalogussen?rsin=111222333", "catalogussen", []string{ztcC2}},
		{"/catalogussen?rsin__in=123456782,111222333", "catalogussen", []string{ztcC1, ztcC2}},
		{"/catalogussen?domein=NEE", "catalogussen", nil},

		{"/zaaktypen", "zaaktypen", []string{ztcZT1, ztcZT2, ztcZT4}},
		{"/zaaktypen?status=definitief", "zaaktypen", []string{ztcZT1, ztcZT2, ztcZT4}},
		{"/zaaktypen?status=alles", "zaaktypen", []string{ztcZT1, ztcZT2, ztcZT3, ztcZT4}},
		{"/zaaktypen?status=concept", "zaaktypen", []string{ztcZT3}},
		{"/zaaktypen?catalogus=" + ztcQ(ztcURL("catalogussen", ztcC2)), "zaaktypen", []string{ztcZT4}},
		{"/zaaktypen?catalogus=" + ztcQ(foreign), "zaaktypen", nil},
		{"/zaaktypen?identificatie=ZT-1", "zaaktypen", []string{ztcZT1, ztcZT2}},
		{"/zaaktypen?trefwoorden=bouw", "zaaktypen", []string{ztcZT2}},
		{"/zaaktypen?trefwoorden=bouw&status=alles", "zaaktypen", []string{ztcZT2, ztcZT3}},
		{"/zaaktypen?trefwoorden=bouw,wonen", "zaaktypen", []string{ztcZT2}},
		{"/zaaktypen?trefwoorden=bouw&trefwoorden=wonen", "zaaktypen", []string{ztcZT2}},
		{"/zaaktypen?trefwoorden=bouw,nee", "zaaktypen", nil},
		{"/zaaktypen?datumGeldigheid=2021-06-01", "zaaktypen", []string{ztcZT1, ztcZT4}},
		{"/zaaktypen?datumGeldigheid=2021-12-31", "zaaktypen", []string{ztcZT1, ztcZT4}},
		{"/zaaktypen?datumGeldigheid=2022-01-01", "zaaktypen", []string{ztcZT2, ztcZT4}},
		{"/zaaktypen?datumGeldigheid=2019-12-31", "zaaktypen", nil},

		{"/informatieobjecttypen", "informatieobjecttypen", []string{ztcIOT1, ztcIOT2}},
		{"/informatieobjecttypen?status=alles", "informatieobjecttypen", []string{ztcIOT1, ztcIOT2, ztcIOT3}},
		{"/informatieobjecttypen?status=concept", "informatieobjecttypen", []string{ztcIOT3}},
		{"/informatieobjecttypen?omschrijving=Aanvraag", "informatieobjecttypen", []string{ztcIOT1, ztcIOT2}},
		{"/informatieobjecttypen?datumGeldigheid=2021-06-01", "informatieobjecttypen", []string{ztcIOT1}},
		{"/informatieobjecttypen?datumGeldigheid=2022-06-01", "informatieobjecttypen", []string{ztcIOT2}},
		{"/informatieobjecttypen?catalogus=" + ztcQ(ztcURL("catalogussen", ztcC1)), "informatieobjecttypen", []string{ztcIOT1, ztcIOT2}},
		{"/informatieobjecttypen?catalogus=" + ztcQ(ztcURL("catalogussen", ztcC2)), "informatieobjecttypen", nil},

		{"/besluittypen", "besluittypen", []string{ztcBT1}},
		{"/besluittypen?status=alles", "besluittypen", []string{ztcBT1, ztcBT2}},
		{"/besluittypen?omschrijving=" + ztcQ("Besluit B") + "&status=alles", "besluittypen", []string{ztcBT2}},
		{"/besluittypen?zaaktypen=" + ztcQ(ztcURL("zaaktypen", ztcZT2)), "besluittypen", []string{ztcBT1}},
		{"/besluittypen?zaaktypen=" + ztcQ(ztcURL("zaaktypen", ztcZT3)) + "&status=alles", "besluittypen", []string{ztcBT2}},
		{"/besluittypen?zaaktypen=" + ztcQ(ztcURL("zaaktypen", ztcZT4)), "besluittypen", nil},
		{"/besluittypen?informatieobjecttypen=" + ztcQ(ztcURL("informatieobjecttypen", ztcIOT1)), "besluittypen", []string{ztcBT1}},
		{"/besluittypen?informatieobjecttypen=" + ztcQ(ztcURL("informatieobjecttypen", ztcIOT3)), "besluittypen", nil},
		{"/besluittypen?datumGeldigheid=2019-06-01", "besluittypen", nil},
		{"/besluittypen?datumGeldigheid=2020-01-01", "besluittypen", []string{ztcBT1}},
		{"/besluittypen?catalogus=" + ztcQ(ztcURL("catalogussen", ztcC1)), "besluittypen", []string{ztcBT1}},

		{"/statustypen", "statustypen", []string{ztcST1, ztcST2}},
		{"/statustypen?status=alles", "statustypen", []string{ztcST1, ztcST2, ztcST3}},
		{"/statustypen?status=concept", "statustypen", []string{ztcST3}},
		{"/statustypen?zaaktype=" + ztcQ(ztcURL("zaaktypen", ztcZT2)), "statustypen", []string{ztcST1, ztcST2}},
		{"/statustypen?zaaktype=" + ztcQ(ztcURL("zaaktypen", ztcZT3)), "statustypen", nil},
		{"/statustypen?zaaktypeIdentificatie=ZT-1", "statustypen", []string{ztcST1, ztcST2}},
		{"/statustypen?datumGeldigheid=2021-06-01", "statustypen", nil},
		{"/statustypen?datumGeldigheid=2022-06-01", "statustypen", []string{ztcST1, ztcST2}},

		{"/roltypen", "roltypen", []string{ztcROL1}},
		{"/roltypen?status=alles", "roltypen", []string{ztcROL1, ztcROL2}},
		{"/roltypen?omschrijvingGeneriek=initiator", "roltypen", []string{ztcROL1}},
		{"/roltypen?omschrijvingGeneriek=behandelaar", "roltypen", nil},
		{"/roltypen?omschrijvingGeneriek=behandelaar&status=alles", "roltypen", []string{ztcROL2}},
		{"/roltypen?zaaktypeIdentificatie=ZT-2&status=concept", "roltypen", []string{ztcROL2}},
		{"/roltypen?datumGeldigheid=2022-01-01", "roltypen", []string{ztcROL1}},

		{"/resultaattypen", "resultaattypen", []string{ztcRES1}},
		{"/resultaattypen?zaaktype=" + ztcQ(ztcURL("zaaktypen", ztcZT2)), "resultaattypen", []string{ztcRES1}},
		{"/resultaattypen?zaaktype_identificatie=ZT-1", "resultaattypen", []string{ztcRES1}},
		{"/resultaattypen?status=concept", "resultaattypen", nil},
		{"/resultaattypen?datum_geldigheid=2021-01-01", "resultaattypen", nil},
		{"/resultaattypen?datum_geldigheid=2023-01-01", "resultaattypen", []string{ztcRES1}},

		{"/eigenschappen", "eigenschappen", []string{ztcEIG1}},
		{"/eigenschappen?zaaktype=" + ztcQ(ztcURL("zaaktypen", ztcZT1)), "eigenschappen", nil},
		{"/eigenschappen?zaaktypeIdentificatie=ZT-1", "eigenschappen", []string{ztcEIG1}},
		{"/eigenschappen?status=alles", "eigenschappen", []string{ztcEIG1}},
		{"/eigenschappen?datumGeldigheid=2022-01-01", "eigenschappen", []string{ztcEIG1}},

		{"/zaakobjecttypen", "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?anderObjecttype=false", "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?anderObjecttype=true", "zaakobjecttypen", nil},
		{"/zaakobjecttypen?catalogus=" + ztcQ(ztcURL("catalogussen", ztcC1)), "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?catalogus=" + ztcQ(ztcURL("catalogussen", ztcC2)), "zaakobjecttypen", nil},
		{"/zaakobjecttypen?datumBeginGeldigheid=2022-01-01", "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?datumBeginGeldigheid=2022-01-02", "zaakobjecttypen", nil},
		{"/zaakobjecttypen?datumEindeGeldigheid=2022-01-01", "zaakobjecttypen", nil},
		{"/zaakobjecttypen?datumGeldigheid=2022-01-01", "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?datumGeldigheid=2021-01-01", "zaakobjecttypen", nil},
		{"/zaakobjecttypen?objecttype=" + ztcQ(ztcObjecttype), "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?objecttype=" + ztcQ("https://objecttypen.example/api/v2/objecttypes/2"), "zaakobjecttypen", nil},
		{"/zaakobjecttypen?relatieOmschrijving=betreft", "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?zaaktype=" + ztcQ(ztcURL("zaaktypen", ztcZT2)), "zaakobjecttypen", []string{ztcZOT1}},
		{"/zaakobjecttypen?zaaktypeIdentificatie=ZT-2", "zaakobjecttypen", nil},

		{"/zaaktype-informatieobjecttypen", "zaaktype-informatieobjecttypen", []string{ztcZIOT0, ztcZIOT1}},
		{"/zaaktype-informatieobjecttypen?status=alles", "zaaktype-informatieobjecttypen", []string{ztcZIOT0, ztcZIOT1, ztcZIOT2}},
		{"/zaaktype-informatieobjecttypen?status=concept", "zaaktype-informatieobjecttypen", []string{ztcZIOT2}},
		{"/zaaktype-informatieobjecttypen?zaaktype=" + ztcQ(ztcURL("zaaktypen", ztcZT2)), "zaaktype-informatieobjecttypen", []string{ztcZIOT1}},
		{"/zaaktype-informatieobjecttypen?informatieobjecttype=Aanvraag", "zaaktype-informatieobjecttypen", []string{ztcZIOT0, ztcZIOT1}},
		{"/zaaktype-informatieobjecttypen?informatieobjecttype=" + ztcQ(ztcURL("informatieobjecttypen", ztcIOT1)), "zaaktype-informatieobjecttypen", []string{ztcZIOT0, ztcZIOT1}},
		{"/zaaktype-informatieobjecttypen?informatieobjecttype=" + ztcQ(ztcURL("informatieobjecttypen", ztcIOT3)) + "&status=alles", "zaaktype-informatieobjecttypen", []string{ztcZIOT2}},
		{"/zaaktype-informatieobjecttypen?informatieobjecttype=" + ztcQ("https://elders.example/informatieobjecttypen/"+ztcIOT1), "zaaktype-informatieobjecttypen", nil},
		{"/zaaktype-informatieobjecttypen?richting=inkomend", "zaaktype-informatieobjecttypen", []string{ztcZIOT0, ztcZIOT1}},
		{"/zaaktype-informatieobjecttypen?richting=uitgaand&status=alles", "zaaktype-informatieobjecttypen", []string{ztcZIOT2}},
	}
	for _, c := range cases {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			p := g.ztcList(t, admin, c.path)
			ztcWant(t, c.path, p.urls(), c.collection, c.ids...)
			if p.Count != len(c.ids) {
				t.Errorf("count %d, want %d", p.Count, len(c.ids))
			}
		})
	}
}

func ztcPagination(t *testing.T, g *registry, admin string) {
	first := g.ztcList(t, admin, "/catalogussen")
	if first.Count != 102 || len(first.Results) != 100 || first.Previous != nil ||
		first.Next == nil || *first.Next != testBaseURL+ztcRoot+"/catalogussen?page=2" {
		t.Fatalf("page 1: count %d, %d results, next %v, previous %v", first.Count, len(first.Results), first.Next, first.Previous)
	}
	ztcWant(t, "first of page 1", first.urls()[:2], "catalogussen", ztcC1, ztcC2)
	one := g.ztcList(t, admin, "/catalogussen?page=1")
	if strings.Join(one.urls(), " ") != strings.Join(first.urls(), " ") {
		t.Error("?page=1 differs from no page")
	}
	second := g.ztcList(t, admin, "/catalogussen?page=2")
	if second.Count != 102 || len(second.Results) != 2 || second.Next != nil ||
		second.Previous == nil || *second.Previous != testBaseURL+ztcRoot+"/catalogussen?page=1" {
		t.Fatalf("page 2: count %d, %d results, next %v, previous %v", second.Count, len(second.Results), second.Next, second.Previous)
	}
	// Filters travel along in next and previous.
	filtered := g.ztcList(t, admin, "/catalogussen?domein__in=ABC,XYZ&page=1")
	if filtered.Next != nil || filtered.Count != 2 {
		t.Fatalf("filtered page: %+v", filtered)
	}
	if beyond := g.ztcList(t, admin, "/catalogussen?page=3"); len(beyond.Results) != 0 {
		t.Fatalf("page 3 has %d results", len(beyond.Results))
	}
	for _, path := range []string{"/zaaktypen", "/informatieobjecttypen", "/besluittypen", "/statustypen", "/roltypen",
		"/resultaattypen", "/eigenschappen", "/zaakobjecttypen", "/zaaktype-informatieobjecttypen"} {
		if p := g.ztcList(t, admin, path+"?page=1"); p.Count == 0 || p.Next != nil || p.Previous != nil {
			t.Errorf("%s?page=1: %d results, next %v, previous %v", path, p.Count, p.Next, p.Previous)
		}
	}
}

func ztcBadFilters(t *testing.T, g *registry, admin string) {
	cases := []struct{ path, param string }{
		{"/catalogussen?page=0", "page"},
		{"/catalogussen?page=twee", "page"},
		{"/catalogussen?onbekend=1", "onbekend"},
		{"/zaaktypen?status=fout", "status"},
		{"/zaaktypen?datumGeldigheid=2021-13-01", "datumGeldigheid"},
		{"/zaaktypen?datumGeldigheid=gisteren", "datumGeldigheid"},
		{"/zaaktypen?datumGeldigheid=2021-02-30", "datumGeldigheid"},
		{"/zaaktypen?catalogus=geen-url", "catalogus"},
		{"/zaaktypen?catalogus=" + ztcQ("/catalogi/api/v1/catalogussen/"+ztcC1), "catalogus"},
		{"/zaaktypen/" + ztcZT2 + "?datumGeldigheid=morgen", "datumGeldigheid"},
		{"/informatieobjecttypen?catalogus=" + ztcQ("://"), "catalogus"},
		{"/informatieobjecttypen?status=alle", "status"},
		{"/informatieobjecttypen?datumGeldigheid=1-1-2022", "datumGeldigheid"},
		{"/besluittypen?zaaktypen=zaaktype-1", "zaaktypen"},
		{"/besluittypen?informatieobjecttypen=Aanvraag", "informatieobjecttypen"},
		{"/besluittypen?catalogus=x", "catalogus"},
		{"/besluittypen?datumGeldigheid=x", "datumGeldigheid"},
		{"/besluittypen?status=x", "status"},
		{"/statustypen?zaaktype=x", "zaaktype"},
		{"/statustypen?status=x", "status"},
		{"/statustypen?datumGeldigheid=x", "datumGeldigheid"},
		{"/roltypen?omschrijvingGeneriek=baas", "omschrijvingGeneriek"},
		{"/roltypen?zaaktype=x", "zaaktype"},
		{"/roltypen?datumGeldigheid=x", "datumGeldigheid"},
		{"/resultaattypen?datum_geldigheid=2021-02-30", "datum_geldigheid"},
		{"/resultaattypen?datumGeldigheid=2021-01-01", "datumGeldigheid"},
		{"/resultaattypen?zaaktype=x", "zaaktype"},
		{"/resultaattypen?status=x", "status"},
		{"/eigenschappen?datumGeldigheid=20210101", "datumGeldigheid"},
		{"/eigenschappen?zaaktype=x", "zaaktype"},
		{"/zaakobjecttypen?anderObjecttype=misschien", "anderObjecttype"},
		{"/zaakobjecttypen?datumBeginGeldigheid=x", "datumBeginGeldigheid"},
		{"/zaakobjecttypen?datumEindeGeldigheid=x", "datumEindeGeldigheid"},
		{"/zaakobjecttypen?objecttype=geen-url", "objecttype"},
		{"/zaakobjecttypen?catalogus=x", "catalogus"},
		{"/zaaktype-informatieobjecttypen?richting=zijwaarts", "richting"},
		{"/zaaktype-informatieobjecttypen?zaaktype=x", "zaaktype"},
		{"/zaaktype-informatieobjecttypen?informatieobjecttype=" + ztcQ("http://[::1"), "informatieobjecttype"},
		{"/zaaktype-informatieobjecttypen?status=x", "status"},
	}
	for _, c := range cases {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			ztcProblem(t, g.do("GET", ztcRoot+c.path, admin, nil), http.StatusBadRequest, c.param)
		})
	}
	t.Run("AllFaultsAtOnce", func(t *testing.T) {
		r := g.do("GET", ztcRoot+"/zaakobjecttypen?anderObjecttype=x&datumGeldigheid=y&objecttype=z", admin, nil)
		for _, name := range []string{"anderObjecttype", "datumGeldigheid", "objecttype"} {
			ztcProblem(t, r, http.StatusBadRequest, name)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		for _, path := range []string{"/zaaktypen/" + ztcBT1, "/zaaktypen/geen-uuid", "/statustypen/" + ztcZT2,
			"/zaaktype-informatieobjecttypen/" + ztcST1} {
			ztcProblem(t, g.do("GET", ztcRoot+path, admin, nil), http.StatusNotFound, "")
			expect(t, g.do("HEAD", ztcRoot+path, admin, nil), http.StatusNotFound)
		}
	})
}
