package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"
)

// TestCatalogi_RealisticCatalogue writes a catalogue the size of a
// municipality's through the HTTP API, realisticClients clients at a time,
// with a new version of some zaaktypen, and reads all of it back. Every
// response is validated against the OAS by the harness.
func TestCatalogi_RealisticCatalogue(t *testing.T) {
	n := 100
	if testing.Short() {
		n = 10
	}
	g := startRegistry(t)
	c := newZtcClient(t, g.url, g.superuser())
	ctx := context.Background()
	cat := seedRealistic(ctx, t, c, n, func(stage string, cat *realisticCatalogue) {
		switch stage {
		case "concepts":
			wantZaaktypen(t, c, cat, "status=concept", cat.first)
			wantZaaktypen(t, c, cat, "", nil)
		case "published":
			wantZaaktypen(t, c, cat, "status=concept", nil)
			wantZaaktypen(t, c, cat, "", cat.first)
		case "new concepts":
			// A concept is not valid on any day yet: nothing has ended.
			wantZaaktypen(t, c, cat, "status=concept", cat.second)
			wantZaaktypen(t, c, cat, "datumGeldigheid="+realisticNewBegin, cat.first)
		}
	})
	versions := len(cat.second)
	all := n + versions

	t.Run("ZaaktypeLists", func(t *testing.T) {
		wantZaaktypen(t, c, cat, "", cat.all())
		wantZaaktypen(t, c, cat, "status=definitief", cat.all())
		wantZaaktypen(t, c, cat, "status=alles", cat.all())
		wantZaaktypen(t, c, cat, "status=concept", nil)
		wantZaaktypen(t, c, cat, "identificatie=ZT-001", []*seededZaaktype{cat.first[0], cat.second[0]})
		wantZaaktypen(t, c, cat, "identificatie=ZT-002", []*seededZaaktype{cat.first[1]})
	})
	t.Run("DatumGeldigheid", func(t *testing.T) {
		current := slices.Clone(cat.first)
		for k, z := range cat.second {
			current[k*realisticVersionEvery] = z
		}
		wantZaaktypen(t, c, cat, "datumGeldigheid="+realisticBegin, cat.first)
		wantZaaktypen(t, c, cat, "datumGeldigheid="+realisticPreviousEnd, cat.first)
		wantZaaktypen(t, c, cat, "datumGeldigheid="+realisticNewBegin, current)
		wantZaaktypen(t, c, cat, "datumGeldigheid=2023-12-31", nil)
	})
	t.Run("SubtypeCounts", func(t *testing.T) {
		for path, want := range map[string]int{
			"/statustypen":                    6 * all,
			"/statustypen?status=alles":       6 * all,
			"/roltypen":                       4 * all,
			"/resultaattypen":                 4 * all,
			"/eigenschappen":                  5 * all,
			"/zaaktype-informatieobjecttypen": 5 * all,
			"/informatieobjecttypen?catalogus=" + ztcQ(cat.catalogus): len(cat.iots),
			// On either day one version of each identificatie is valid.
			"/statustypen?datumGeldigheid=" + realisticPreviousEnd: 6 * n,
			"/statustypen?datumGeldigheid=" + realisticNewBegin:    6 * n,
			"/roltypen?datumGeldigheid=" + realisticNewBegin:       4 * n,
		} {
			var p listPage[struct{}]
			if err := c.get(ctx, catalogiRoot+path, &p); err != nil {
				t.Error(err)
			} else if p.Count != want {
				t.Errorf("GET %s: count %d, want %d", path, p.Count, want)
			}
		}
	})
	t.Run("Eindstatus", func(t *testing.T) {
		type statustype struct {
			URL, Zaaktype string
			Volgnummer    int
			IsEindstatus  bool
		}
		count, got, err := listAll[statustype](ctx, c, catalogiRoot+"/statustypen")
		if err != nil {
			t.Fatal(err)
		}
		if count != 6*all || len(got) != count {
			t.Fatalf("%d statustypen on the pages, count %d, want %d", len(got), count, 6*all)
		}
		perZaaktype := map[string]int{}
		for _, s := range got {
			perZaaktype[s.Zaaktype]++
			if s.IsEindstatus != (s.Volgnummer == len(realisticStatustypen)) {
				t.Errorf("statustype %s volgnummer %d: isEindstatus %v", s.URL, s.Volgnummer, s.IsEindstatus)
			}
		}
		for _, z := range cat.all() {
			if perZaaktype[z.url] != len(realisticStatustypen) {
				t.Errorf("zaaktype %s has %d statustypen", z.identificatie, perZaaktype[z.url])
			}
		}
	})
	t.Run("Details", func(t *testing.T) {
		versioned := map[string]bool{}
		for _, z := range cat.second {
			versioned[z.identificatie] = true
		}
		zs := cat.all()
		if err := inParallel(ctx, realisticClients, len(zs), func(ctx context.Context, i int) error {
			return checkZaaktype(ctx, c, zs[i], versioned[zs[i].identificatie])
		}); err != nil {
			t.Error(err)
		}
	})
}

// wantZaaktypen fails unless the zaaktypen of the catalogus that query
// selects are want, as count and on the pages (in any order: they were
// created concurrently).
func wantZaaktypen(t *testing.T, c *ztcClient, cat *realisticCatalogue, query string, want []*seededZaaktype) {
	t.Helper()
	path := catalogiRoot + "/zaaktypen?catalogus=" + ztcQ(cat.catalogus)
	if query != "" {
		path += "&" + query
	}
	count, got, err := listAll[struct{ URL string }](context.Background(), c, path)
	if err != nil {
		t.Fatal(err)
	}
	var gotURLs, wantURLs []string
	for _, z := range got {
		gotURLs = append(gotURLs, z.URL)
	}
	for _, z := range want {
		wantURLs = append(wantURLs, z.url)
	}
	missing, unexpected := 0, 0
	for _, u := range wantURLs {
		if !slices.Contains(gotURLs, u) {
			missing++
		}
	}
	for _, u := range gotURLs {
		if !slices.Contains(wantURLs, u) {
			unexpected++
		}
	}
	if count != len(want) || len(gotURLs) != len(want) || missing+unexpected > 0 {
		t.Errorf("GET %s: count %d, %d results, want %d zaaktypen: %d missing, %d unexpected",
			path, count, len(gotURLs), len(want), missing, unexpected)
	}
}

// zaaktypeDetail is what checkZaaktype reads of a zaaktype.
type zaaktypeDetail struct {
	Identificatie, BeginGeldigheid                                              string
	EindeGeldigheid                                                             *string
	Concept                                                                     bool
	Statustypen, Roltypen, Resultaattypen, Eigenschappen, Informatieobjecttypen []string
	Zaakobjecttypen, Besluittypen, Deelzaaktypen                                []string
}

// checkZaaktype checks that zaaktype version z reads back as seeded: its
// detail (today and on the days around the new version), its sub-type
// lists, the statustypen and resultaattypen filtered on it.
func checkZaaktype(ctx context.Context, c *ztcClient, z *seededZaaktype, versioned bool) error {
	path := catalogiPath(z.url)
	var d zaaktypeDetail
	if err := c.get(ctx, path, &d); err != nil {
		return err
	}
	einde := ""
	if z.begin == realisticBegin && versioned {
		einde = realisticPreviousEnd
	}
	errs := []error{sameSubtypes(z, d, "")}
	if d.Identificatie != z.identificatie || d.BeginGeldigheid != z.begin || d.Concept || deref(d.EindeGeldigheid) != einde {
		errs = append(errs, fmt.Errorf("%s: identificatie %s, begin %s, einde %q (want %q), concept %v",
			z.identificatie, d.Identificatie, d.BeginGeldigheid, deref(d.EindeGeldigheid), einde, d.Concept))
	}
	// On a day it is valid the zaaktype shows the same; on a day it is not,
	// it is not found.
	for _, day := range []string{realisticPreviousEnd, realisticNewBegin} {
		valid := day >= z.begin && (einde == "" || day <= einde)
		want := http.StatusNotFound
		if valid {
			want = http.StatusOK
		}
		body, err := c.send(ctx, "GET", path+"?datumGeldigheid="+day, nil, want)
		if err == nil && valid {
			var d zaaktypeDetail
			err = errors.Join(json.Unmarshal(body, &d), sameSubtypes(z, d, " on "+day))
		}
		errs = append(errs, err)
	}
	var statustypen listPage[struct{ URL string }]
	if err := c.get(ctx, catalogiRoot+"/statustypen?zaaktype="+ztcQ(z.url), &statustypen); err != nil {
		return errors.Join(append(errs, err)...)
	}
	errs = append(errs, sameList(z.identificatie+" /statustypen?zaaktype", urlsOf(statustypen.Results), z.statustypen))
	type resultaattype struct {
		URL, Selectielijstklasse, Archiefnominatie string
		BrondatumArchiefprocedure                  struct{ Afleidingswijze string }
	}
	var resultaattypen listPage[resultaattype]
	if err := c.get(ctx, catalogiRoot+"/resultaattypen?zaaktype="+ztcQ(z.url), &resultaattypen); err != nil {
		return errors.Join(append(errs, err)...)
	}
	var got []string
	for k, r := range resultaattypen.Results {
		got = append(got, r.URL)
		if k < len(z.resultaten) && (r.Selectielijstklasse != z.resultaten[k].selectielijstklasse || r.Archiefnominatie == "" ||
			r.BrondatumArchiefprocedure.Afleidingswijze != z.resultaten[k].afleidingswijze) {
			errs = append(errs, fmt.Errorf("%s resultaattype %d: %+v, want %+v", z.identificatie, k, r, z.resultaten[k]))
		}
	}
	errs = append(errs, sameList(z.identificatie+" /resultaattypen?zaaktype", got, z.resultaattypen))
	return errors.Join(errs...)
}

// sameSubtypes compares the sub-type lists of detail d with those seeded.
func sameSubtypes(z *seededZaaktype, d zaaktypeDetail, on string) error {
	what := z.identificatie + " " + z.begin + on + ": "
	return errors.Join(
		sameList(what+"statustypen", d.Statustypen, z.statustypen),
		sameList(what+"roltypen", d.Roltypen, z.roltypen),
		sameList(what+"resultaattypen", d.Resultaattypen, z.resultaattypen),
		sameList(what+"eigenschappen", d.Eigenschappen, z.eigenschappen),
		sameList(what+"informatieobjecttypen", d.Informatieobjecttypen, z.informatieobjecttypen),
		sameList(what+"zaakobjecttypen", d.Zaakobjecttypen, nil),
		sameList(what+"besluittypen", d.Besluittypen, nil),
		sameList(what+"deelzaaktypen", d.Deelzaaktypen, nil),
	)
}

// sameList is an error unless got and want hold the same, in order.
func sameList(what string, got, want []string) error {
	if len(got) == 0 && len(want) == 0 || slices.Equal(got, want) {
		return nil
	}
	return fmt.Errorf("%s:\n got %v\nwant %v", what, got, want)
}

func urlsOf(rs []struct{ URL string }) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.URL)
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
