package readapi

import (
	"fmt"
	"net/url"
	"slices"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

// TestZakenFilter_OnZaaktypeOnly: only lists filtered on zaaktype and
// vertrouwelijkheid alone are counted from zrc.zaken_aantallen; any other
// filter counts the zaken themselves.
func TestZakenFilter_OnZaaktypeOnly(t *testing.T) {
	zt := "https://zrc.test/catalogi/api/v1/zaaktypen/5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c01"
	for query, want := range map[string]bool{
		"":                              true,
		"zaaktype=" + zt:                true,
		"zaaktype__in=" + zt + "," + zt: true,
		"maximaleVertrouwelijkheidaanduiding=geheim":                     true,
		"zaaktype=" + zt + "&maximaleVertrouwelijkheidaanduiding=intern": true,
		"ordering=-startdatum":                                           true,
		"identificatie=ZAAK-1":                                           false,
		"bronorganisatie__in=002220647":                                  false,
		"startdatum__gt=2026-01-01":                                      false,
		"einddatum__isnull=true":                                         false,
		"rol__betrokkeneType=medewerker":                                 false,
		"zaaktype=" + zt + "&archiefstatus=gearchiveerd":                 false,
		"uuid__in=5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c01":                  false,
	} {
		values, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		f := newZakenFilter(t.Context(), queryParams(values))
		f.zaken()
		if err := f.p.Err(); err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		if got := f.onZaaktypeOnly(); got != want {
			t.Errorf("%q: onZaaktypeOnly %v, want %v (conditions %q)", query, got, want, f.where)
		}
	}
}

// TestZaken_CountUnderRights: a full page counted from zaken_aantallen
// counts only what the principal may read (zrc-006), as counting the zaken
// themselves does.
func TestZaken_CountUnderRights(t *testing.T) {
	r := &zkRecorder{t: t}
	clock := domain.FixedClock{T: zkNow}
	for i := range 120 {
		id := fmt.Sprintf("d0000000-0000-4000-8000-%012d", i)
		aanduiding := "openbaar"
		if i%10 == 0 {
			aanduiding = "geheim"
		}
		r.on(id)(zaken.NewZaak(id, clock).Create(zkGegevens(fmt.Sprintf("C-%03d", i), zkRSIN, zkZaaktypeA, aanduiding, "2025-01-01"),
			zkFeiten(zkZaaktypeA, nil)))
	}
	for i := range 3 {
		id := fmt.Sprintf("d1000000-0000-4000-8000-%012d", i)
		r.on(id)(zaken.NewZaak(id, clock).Create(zkGegevens(fmt.Sprintf("D-%03d", i), zkRSIN, zkZaaktypeB, "openbaar", "2025-01-01"),
			zkFeiten(zkZaaktypeB, nil)))
	}
	h := zkProject(t, r.out)
	rights := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "vertrouwelijk"},
	}}
	for path, want := range map[string]float64{
		"/zaken": 108, "/zaken?zaaktype=" + url.QueryEscape(zkZaaktypeA): 108,
		"/zaken?maximaleVertrouwelijkheidaanduiding=zeer_geheim": 108, "/zaken?page=2": 108,
	} {
		_, body := zkGet(t, h, rights, path)
		if body["count"] != want {
			t.Errorf("GET %s: count %v, want %v", path, body["count"], want)
		}
	}
	if _, body := zkGet(t, h, zkSuperuser, "/zaken"); body["count"] != float64(123) {
		t.Errorf("superuser: count %v, want 123", body["count"])
	}
}

// TestZaken_PagesFromBothEnds: a later page of a list counted from
// zaken_aantallen is read from the nearer end and, in the creation order
// when that still skips rows, from the block of zrc.blokken that holds it
// (blocks of 7 zaken here); every page, in every ordering and under the
// RightsFilter, holds what reading from the front gives (a filter on
// bronorganisatie forces that path here).
func TestZaken_PagesFromBothEnds(t *testing.T) {
	r := &zkRecorder{t: t}
	clock := domain.FixedClock{T: zkNow}
	for i := range 250 {
		id := fmt.Sprintf("e0000000-0000-4000-8000-%012d", i)
		zt, va := zkZaaktypeA, "openbaar"
		if i%3 == 0 {
			zt = zkZaaktypeB
		}
		if i%7 == 0 {
			va = "geheim"
		}
		start := fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
		r.on(id)(zaken.NewZaak(id, clock).Create(zkGegevens(fmt.Sprintf("E-%03d", i), zkRSIN, zt, va, start), zkFeiten(zt, nil)))
	}
	h := zkProject(t, r.out)
	narrow := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "intern"},
	}}
	for _, rights := range []*autorisaties.Rights{zkSuperuser, narrow} {
		for _, ordering := range []string{"", "&ordering=-startdatum", "&ordering=einddatum,-identificatie"} {
			for page := 1; page <= 4; page++ {
				query := fmt.Sprintf("/zaken?page=%d%s", page, ordering)
				_, got := zkGet(t, h, rights, query)
				_, want := zkGet(t, h, rights, query+"&bronorganisatie="+zkRSIN)
				if got["count"] != want["count"] || !slices.Equal(zkIdentificaties(t, got), zkIdentificaties(t, want)) {
					t.Errorf("GET %s: count %v %v, want %v %v", query, got["count"], zkIdentificaties(t, got), want["count"], zkIdentificaties(t, want))
				}
			}
		}
	}
}
