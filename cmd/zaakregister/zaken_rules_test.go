package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/zaakregister/zaakregister/referentielijsten"
)

// atoi reads a number the test wrote itself.
func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// zrcClient registers client id with one zrc autorisatie for zaaktype up to
// maxVA with scopes, and returns its token.
func (e *zrcEnv) zrcClient(t *testing.T, id, zaaktype, maxVA string, scopes ...string) string {
	t.Helper()
	e.g.cli("client", "add", id, "--secret", "s-"+id)
	expect(t, e.g.do("POST", acRoot+"/applicaties", e.admin, map[string]any{
		"clientIds": []string{id}, "label": "Applicatie " + id, "autorisaties": []map[string]any{{
			"component": "zrc", "scopes": scopes, "zaaktype": zaaktype, "maxVertrouwelijkheidaanduiding": maxVA,
		}}}), http.StatusCreated)
	return token(t, id, "s-"+id)
}

// problem fails unless r has status and, when name is given, an
// invalidParam name with code.
func problem(t *testing.T, r response, status int, name, code string) {
	t.Helper()
	expect(t, r, status)
	if name != "" {
		if got := invalidParam(t, r, name); got != code {
			t.Fatalf("invalidParam %s: code %q, want %q: %s", name, got, code, r.Body)
		}
	}
}

// with returns a copy of body with the extra fields set.
func with(body map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range body {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// count returns the count of a paginated Zaken list.
func (e *zrcEnv) count(t *testing.T, path, tok string) int {
	t.Helper()
	r := e.do("GET", path, tok, nil)
	expect(t, r, http.StatusOK)
	var p struct{ Count int }
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatal(err)
	}
	return p.Count
}

func TestZaken_Rules(t *testing.T) {
	e := startZaken(t, 2)
	a, zt := e.admin, e.zt[0]
	zaak := func(t *testing.T, kv ...any) map[string]any {
		t.Helper()
		return e.created(t, "/zaken", a, with(zaakBody(zt), kv...))
	}

	t.Run("zrc001_zaaktype", func(t *testing.T) {
		processen, _ := realisticSelectielijst(t)
		concept, err := newZtcClient(t, e.g.url, a).create(context.Background(), "zaaktypen",
			zaaktypeVoor(e.catalogus, "CONCEPT-1", "2024-01-01", processen[0].procestype))
		if err != nil {
			t.Fatal(err)
		}
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "zaaktype", concept)), 400, "zaaktype", "not-published")
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "zaaktype", testBaseURL+catalogiRoot+"/zaaktypen/"+lastSegment(zt.statustypen[0]))), 400, "zaaktype", "does_not_exist")
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "zaaktype", "https://elders.example/zaaktypen/1")), 400, "zaaktype", "bad-url")
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "zaaktype", nil)), 400, "zaaktype", "required")
	})

	t.Run("zrc002_identificatie", func(t *testing.T) {
		first := zaak(t, "identificatie", "MIJN-1")
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "identificatie", "MIJN-1")), 400, "identificatie", "identificatie-niet-uniek")
		zaak(t, "identificatie", "MIJN-1", "bronorganisatie", "000000000")
		expect(t, e.do("DELETE", zrcPath(first["url"].(string)), a, nil), http.StatusNoContent)
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "identificatie", "MIJN-1")), 400, "identificatie", "identificatie-niet-uniek")
		problem(t, e.do("PATCH", zrcPath(zaak(t)["url"].(string)), a, map[string]any{"identificatie": "ANDERS"}), 400, "identificatie", "wijzigen-niet-toegelaten")
		// Concurrent creates without identificatie all get their own.
		var mu sync.Mutex
		seen := map[string]bool{}
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := e.g.do("POST", zrcRoot+"/zaken", a, zaakBody(zt), "Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326")
				if r.Status != http.StatusCreated {
					t.Errorf("concurrent create: %d %s", r.Status, r.Body)
					return
				}
				var v struct{ Identificatie string }
				_ = json.Unmarshal(r.Body, &v)
				mu.Lock()
				defer mu.Unlock()
				if seen[v.Identificatie] {
					t.Errorf("identificatie %s handed out twice", v.Identificatie)
				}
				seen[v.Identificatie] = true
			}()
		}
		wg.Wait()
	})

	t.Run("zrc006_authorisation", func(t *testing.T) {
		own := zaak(t, "vertrouwelijkheidaanduiding", "zaakvertrouwelijk")
		secret := zaak(t, "vertrouwelijkheidaanduiding", "geheim")
		other := e.created(t, "/zaken", a, zaakBody(e.zt[1]))
		tok := e.zrcClient(t, "behandelaar", zt.url, "zaakvertrouwelijk",
			"zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen")
		expect(t, e.do("GET", zrcPath(own["url"].(string)), tok, nil), http.StatusOK)
		problem(t, e.do("GET", zrcPath(secret["url"].(string)), tok, nil), 403, "", "")
		problem(t, e.do("GET", zrcPath(other["url"].(string)), tok, nil), 403, "", "")
		problem(t, e.do("PATCH", zrcPath(other["url"].(string)), tok, map[string]any{"toelichting": "x"}), 403, "", "")
		problem(t, e.do("POST", "/zaken", tok, zaakBody(e.zt[1])), 403, "", "")
		problem(t, e.do("POST", "/zaken", tok, with(zaakBody(zt), "vertrouwelijkheidaanduiding", "geheim")), 403, "", "")
		problem(t, e.do("POST", "/rollen", tok, map[string]any{"zaak": other["url"], "betrokkeneType": "medewerker",
			"roltype": e.zt[1].roltypen[1], "roltoelichting": "x"}), 403, "", "")
		e.created(t, "/zaken", tok, zaakBody(zt))
		for _, path := range []string{"/zaken", "/zaken?zaaktype=" + e.zt[1].url} {
			r := e.do("GET", path, tok, nil)
			expect(t, r, http.StatusOK)
			if strings.Contains(string(r.Body), secret["url"].(string)) || strings.Contains(string(r.Body), other["url"].(string)) {
				t.Fatalf("GET %s shows a zaak the client may not read", path)
			}
		}
		// Open Zaak's 2026 fixes: _zoek and expand must filter as the list does.
		zoek := e.do("POST", "/zaken/_zoek", tok, map[string]any{"zaaktype__in": []string{zt.url, e.zt[1].url}})
		expect(t, zoek, http.StatusOK)
		if strings.Contains(string(zoek.Body), other["url"].(string)) || strings.Contains(string(zoek.Body), secret["url"].(string)) {
			t.Fatal("_zoek shows a zaak the client may not read")
		}
		deel := e.created(t, "/zaken", a, with(zaakBody(e.zt[1]), "hoofdzaak", own["url"]))
		exp := e.do("GET", zrcPath(own["url"].(string))+"?expand=deelzaken", tok, nil)
		expect(t, exp, http.StatusOK)
		if strings.Contains(string(exp.Body), `"identificatie":"`+deel["identificatie"].(string)+`"`) {
			t.Fatal("expand shows a deelzaak the client may not read")
		}
	})

	t.Run("zrc007_closing", func(t *testing.T) {
		z := zaak(t)
		eind := zt.statustypen[len(zt.statustypen)-1]
		sluit := map[string]any{"zaak": z["url"], "statustype": eind, "datumStatusGezet": "2026-11-21T08:00:00Z"}
		problem(t, e.do("POST", "/statussen", a, sluit), 400, "nonFieldErrors", "resultaat-does-not-exist")
		doc := e.docs.add("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", e.iots["Aanvraag"], nil, "definitief")
		e.created(t, "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"], "informatieobject": doc})
		e.created(t, "/resultaten", a, map[string]any{"zaak": z["url"], "resultaattype": zt.resultaattypen[0]})
		problem(t, e.do("POST", "/statussen", a, sluit), 400, "nonFieldErrors", "indicatiegebruiksrecht-unset")
		no := false
		e.docs.add("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", e.iots["Aanvraag"], &no, "definitief")
		e.created(t, "/statussen", a, sluit)
		got := e.do("GET", zrcPath(z["url"].(string)), a, nil).json(t)
		if got["einddatum"] != "2026-11-21" {
			t.Fatalf("einddatum %v", got["einddatum"])
		}
		tok := e.zrcClient(t, "sluiter", zt.url, "zeer_geheim", "zaken.lezen", "zaken.bijwerken", "zaken.statussen.toevoegen")
		problem(t, e.do("PATCH", zrcPath(z["url"].(string)), tok, map[string]any{"toelichting": "na sluiten"}), 403, "", "")
		problem(t, e.do("POST", "/rollen", tok, map[string]any{"zaak": z["url"], "betrokkeneType": "medewerker",
			"roltype": zt.roltypen[1], "roltoelichting": "x"}), 403, "", "")
		forced := e.zrcClient(t, "forceerder", zt.url, "zeer_geheim", "zaken.lezen", "zaken.geforceerd-bijwerken")
		expect(t, e.do("PATCH", zrcPath(z["url"].(string)), forced, map[string]any{"toelichting": "na sluiten"}), 200)
	})

	t.Run("zrc008_heropenen", func(t *testing.T) {
		z := zaak(t)
		aanmaker := e.zrcClient(t, "aanmaker", zt.url, "zeer_geheim", "zaken.lezen", "zaken.aanmaken")
		first := map[string]any{"zaak": z["url"], "statustype": zt.statustypen[0], "datumStatusGezet": "2026-11-02T08:00:00Z"}
		e.created(t, "/statussen", aanmaker, first)
		problem(t, e.do("POST", "/statussen", aanmaker, with(first, "statustype", zt.statustypen[1])), 403, "", "")
		e.created(t, "/resultaten", a, map[string]any{"zaak": z["url"], "resultaattype": zt.resultaattypen[0]})
		e.created(t, "/statussen", a, with(first, "statustype", zt.statustypen[len(zt.statustypen)-1]))
		toevoeger := e.zrcClient(t, "toevoeger", zt.url, "zeer_geheim", "zaken.lezen", "zaken.statussen.toevoegen")
		problem(t, e.do("POST", "/statussen", toevoeger, with(first, "statustype", zt.statustypen[1])), 403, "", "")
		heropener := e.zrcClient(t, "heropener", zt.url, "zeer_geheim", "zaken.lezen", "zaken.heropenen")
		e.created(t, "/statussen", heropener, with(first, "statustype", zt.statustypen[1], "datumStatusGezet", "2026-11-03T08:00:00Z"))
		got := e.do("GET", zrcPath(z["url"].(string)), a, nil).json(t)
		if got["einddatum"] != nil || got["archiefnominatie"] != nil || got["archiefactiedatum"] != nil {
			t.Fatalf("reopened zaak keeps %v %v %v", got["einddatum"], got["archiefnominatie"], got["archiefactiedatum"])
		}
	})

	t.Run("zrc009_vertrouwelijkheidaanduiding", func(t *testing.T) {
		if v := zaak(t)["vertrouwelijkheidaanduiding"]; v != "openbaar" {
			t.Fatalf("copied from the zaaktype: %v", v)
		}
		if v := zaak(t, "vertrouwelijkheidaanduiding", "geheim")["vertrouwelijkheidaanduiding"]; v != "geheim" {
			t.Fatalf("the client's value: %v", v)
		}
	})

	t.Run("zrc010_communicatiekanaal", func(t *testing.T) {
		var kanalen struct{ Results []struct{ URL string } }
		if err := json.Unmarshal(e.g.do("GET", selectielijstRoot+"/communicatiekanalen", "", nil).Body, &kanalen); err != nil || len(kanalen.Results) == 0 {
			t.Fatalf("communicatiekanalen: %v", err)
		}
		zaak(t, "communicatiekanaal", kanalen.Results[0].URL)
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "communicatiekanaal",
			testBaseURL+selectielijstRoot+"/communicatiekanalen/00000000-0000-4000-8000-000000000000")), 400, "communicatiekanaal", "bad-url")
	})

	t.Run("zrc011_relevanteAndereZaken", func(t *testing.T) {
		other := zaak(t)
		zaak(t, "relevanteAndereZaken", []map[string]any{{"url": other["url"], "aardRelatie": "vervolg"}})
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "relevanteAndereZaken", []map[string]any{
			{"url": other["url"], "aardRelatie": "vervolg"},
			{"url": testBaseURL + zrcRoot + "/zaken/00000000-0000-4000-8000-000000000000", "aardRelatie": "bijdrage"}})),
			400, "relevanteAndereZaken.1.url", "bad-url")
	})

	t.Run("zrc012_gegevensgroepen", func(t *testing.T) {
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "verlenging", map[string]any{"reden": "drukte"})), 400, "verlenging.duur", "invalid")
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "opschorting", map[string]any{"indicatie": true})), 400, "opschorting.reden", "required")
		z := zaak(t, "opschorting", nil, "verlenging", map[string]any{"reden": "drukte", "duur": "P5D"})
		if v, _ := z["verlenging"].(map[string]any); v["duur"] != "P5D" {
			t.Fatalf("verlenging %v", z["verlenging"])
		}
		if o, _ := z["opschorting"].(map[string]any); o == nil || o["indicatie"] != false {
			t.Fatalf("opschorting, not sent, is still the nested structure: %v", z["opschorting"])
		}
	})

	t.Run("zrc013_hoofdzaak_zrc023_deelzaken", func(t *testing.T) {
		hoofd := zaak(t)
		deel := zaak(t, "hoofdzaak", hoofd["url"])
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "hoofdzaak", deel["url"])), 400, "hoofdzaak", "deelzaak-als-hoofdzaak")
		problem(t, e.do("PATCH", zrcPath(hoofd["url"].(string)), a, map[string]any{"hoofdzaak": hoofd["url"]}), 400, "hoofdzaak", "self-forbidden")
		got := e.do("GET", zrcPath(hoofd["url"].(string)), a, nil).json(t)
		if d, _ := got["deelzaken"].([]any); len(d) != 1 || d[0] != deel["url"] {
			t.Fatalf("deelzaken %v", got["deelzaken"])
		}
		rol := e.created(t, "/rollen", a, map[string]any{"zaak": deel["url"], "betrokkeneType": "medewerker",
			"roltype": zt.roltypen[1], "roltoelichting": "Behandelaar", "betrokkeneIdentificatie": map[string]any{"identificatie": "m1"}})
		expect(t, e.do("DELETE", zrcPath(hoofd["url"].(string)), a, nil), http.StatusNoContent)
		for _, u := range []string{hoofd["url"].(string), deel["url"].(string), rol["url"].(string)} {
			expect(t, e.do("GET", zrcPath(u), a, nil), http.StatusNotFound)
		}
		if trail := e.do("GET", zrcPath(deel["url"].(string))+"/audittrail", a, nil); string(trail.Body) != "[]" {
			t.Fatalf("audittrail of a deleted zaak: %d %s", trail.Status, trail.Body)
		}
		if n := e.count(t, "/rollen?zaak="+deel["url"].(string), a); n != 0 {
			t.Fatalf("%d rollen left of a deleted deelzaak", n)
		}
	})

	t.Run("zrc014_betaling_zrc015_producten", func(t *testing.T) {
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "betalingsindicatie", "nvt", "laatsteBetaaldatum", "2026-11-01T10:00:00Z")),
			400, "laatsteBetaaldatum", "betaling-nvt")
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "productenOfDiensten", []string{"https://producten.example/1"})),
			400, "productenOfDiensten.0", "invalid-products-services")
	})

	t.Run("zrc016_zrc018_zrc019_zrc020_types_of_the_zaaktype", func(t *testing.T) {
		z := zaak(t)
		other := e.zt[1]
		problem(t, e.do("POST", "/statussen", a, map[string]any{"zaak": z["url"], "statustype": other.statustypen[0],
			"datumStatusGezet": "2026-11-02T08:00:00Z"}), 400, "statustype", "zaaktype-mismatch")
		problem(t, e.do("POST", "/rollen", a, map[string]any{"zaak": z["url"], "betrokkeneType": "medewerker",
			"roltype": other.roltypen[0], "roltoelichting": "x"}), 400, "roltype", "zaaktype-mismatch")
		problem(t, e.do("POST", zrcPath(z["url"].(string))+"/zaakeigenschappen", a, map[string]any{"zaak": z["url"],
			"eigenschap": other.eigenschappen[0], "waarde": "x"}), 400, "eigenschap", "zaaktype-mismatch")
		problem(t, e.do("POST", "/resultaten", a, map[string]any{"zaak": z["url"], "resultaattype": other.resultaattypen[0]}),
			400, "resultaattype", "zaaktype-mismatch")
	})

	yes := true
	t.Run("zrc003_informatieobject_resolves", func(t *testing.T) {
		z := zaak(t)
		problem(t, e.do("POST", "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"],
			"informatieobject": e.docs.URL + "/documenten/api/v1/enkelvoudiginformatieobjecten/onbekend"}), 400, "informatieobject", "bad-url")
		problem(t, e.do("POST", "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"],
			"informatieobject": "geen url"}), 400, "informatieobject", "bad-url")
	})

	t.Run("zrc004_zaakinformatieobject_keeps_its_relation", func(t *testing.T) {
		z := zaak(t)
		linked := e.docs.add("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", e.iots["Aanvraag"], &yes, "definitief")
		other := e.docs.add("3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a", e.iots["Aanvraag"], &yes, "definitief")
		zio := e.created(t, "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"], "informatieobject": linked})
		if zio["aardRelatieWeergave"] != "Hoort bij, omgekeerd: kent" || zio["registratiedatum"] == nil {
			t.Fatalf("aardRelatieWeergave %v registratiedatum %v", zio["aardRelatieWeergave"], zio["registratiedatum"])
		}
		problem(t, e.do("PATCH", zrcPath(zio["url"].(string)), a, map[string]any{"informatieobject": other}), 400, "informatieobject", "wijzigen-niet-toegelaten")
		problem(t, e.do("PATCH", zrcPath(zio["url"].(string)), a, map[string]any{"zaak": zaak(t)["url"]}), 400, "zaak", "wijzigen-niet-toegelaten")
	})

	t.Run("zrc005_zaakinformatieobject_once_and_only_before_archiving", func(t *testing.T) {
		z := zaak(t)
		doc := e.docs.add("4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b", e.iots["Aanvraag"], &yes, "definitief")
		e.created(t, "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"], "informatieobject": doc})
		problem(t, e.do("POST", "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"], "informatieobject": doc}), 400, "nonFieldErrors", "unique")
		gearchiveerd := zaak(t, "archiefstatus", "gearchiveerd", "archiefnominatie", "vernietigen", "archiefactiedatum", "2040-01-01")
		problem(t, e.do("POST", "/zaakinformatieobjecten", a, map[string]any{"zaak": gearchiveerd["url"], "informatieobject": doc}),
			400, "nonFieldErrors", "zaak-archiefstatus-invalid")
	})

	t.Run("zrc017_informatieobjecttype_of_the_zaaktype", func(t *testing.T) {
		z := zaak(t)
		notLinked := ""
		for _, u := range e.iots {
			if !slices.Contains(zt.informatieobjecttypen, u) {
				notLinked = u
				break
			}
		}
		doc := e.docs.add("1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", notLinked, &yes, "definitief")
		problem(t, e.do("POST", "/zaakinformatieobjecten", a, map[string]any{"zaak": z["url"], "informatieobject": doc}),
			400, "nonFieldErrors", "missing-zaaktype-informatieobjecttype-relation")
	})

	t.Run("zrc021_archiefactiedatum", func(t *testing.T) {
		k := -1
		for i, r := range zt.resultaten {
			if r.afleidingswijze == "afgehandeld" {
				k = i
			}
		}
		if k < 0 {
			t.Skip("no resultaattype with afleidingswijze afgehandeld in this catalogue")
		}
		z := zaak(t)
		e.created(t, "/resultaten", a, map[string]any{"zaak": z["url"], "resultaattype": zt.resultaattypen[k]})
		e.created(t, "/statussen", a, map[string]any{"zaak": z["url"], "statustype": zt.statustypen[len(zt.statustypen)-1],
			"datumStatusGezet": "2026-11-21T08:00:00Z"})
		rt := e.g.do("GET", strings.TrimPrefix(zt.resultaattypen[k], testBaseURL), a, nil).json(t)
		got := e.do("GET", zrcPath(z["url"].(string)), a, nil).json(t)
		if got["archiefnominatie"] != rt["archiefnominatie"] || got["archiefactiedatum"] == nil {
			t.Fatalf("archiving: zaak %v %v, resultaattype %v %v", got["archiefnominatie"], got["archiefactiedatum"],
				rt["archiefnominatie"], rt["archiefactietermijn"])
		}
	})

	t.Run("zrc026_startdatumBewaartermijn", func(t *testing.T) {
		// Closing with an afgehandeld resultaattype: the brondatum is the
		// einddatum, and it starts the bewaartermijn of a zaak to be
		// destroyed; a zaak kept for good has none.
		destroyed := 0
		for k, r := range zt.resultaten {
			if r.afleidingswijze != "afgehandeld" {
				continue
			}
			z := zaak(t)
			e.created(t, "/resultaten", a, map[string]any{"zaak": z["url"], "resultaattype": zt.resultaattypen[k]})
			e.created(t, "/statussen", a, map[string]any{"zaak": z["url"], "statustype": zt.statustypen[len(zt.statustypen)-1],
				"datumStatusGezet": "2026-11-21T08:00:00Z"})
			got := e.do("GET", zrcPath(z["url"].(string)), a, nil).json(t)
			want := any(nil)
			if got["archiefnominatie"] == "vernietigen" {
				want = "2026-11-21"
				destroyed++
			}
			if got["startdatumBewaartermijn"] != want {
				t.Fatalf("archiefnominatie %v: startdatumBewaartermijn %v, want %v", got["archiefnominatie"], got["startdatumBewaartermijn"], want)
			}
		}
		if destroyed == 0 {
			t.Fatal("no afgehandeld resultaattype to be destroyed in this catalogue")
		}
	})

	t.Run("zrc021_herberekening", func(t *testing.T) {
		// A zaaktype of a procestype with a resultaat whose procestermijn
		// is a date to be set: its resultaattype takes the brondatum from
		// the zaakeigenschap "einddatum".
		processen, omschrijvingen := realisticSelectielijst(t)
		var met []realisticProces
		for _, p := range processen {
			if slices.ContainsFunc(p.resultaten[:], func(r referentielijsten.Resultaat) bool {
				return r.Procestermijn == referentielijsten.ProcestermijnVastTeLeggenDatum
			}) {
				met = append(met, p)
			}
		}
		if len(met) == 0 {
			t.Fatal("the Selectielijst has no resultaat with procestermijn vast_te_leggen_datum")
		}
		seeder := &realisticSeeder{c: newZtcClient(t, e.g.url, a), processen: met, omschrijvingen: omschrijvingen,
			cat: &realisticCatalogue{catalogus: e.catalogus, iots: e.iots}}
		typ, err := seeder.zaaktype(context.Background(), 1000, realisticBegin)
		if err == nil {
			err = seeder.publish(context.Background(), []*seededZaaktype{typ})
		}
		if err != nil {
			t.Fatal(err)
		}
		k := slices.IndexFunc(typ.resultaten, func(r seededResultaat) bool { return r.afleidingswijze == "eigenschap" })
		z := e.created(t, "/zaken", a, zaakBody(typ))
		zp := zrcPath(z["url"].(string))
		eig := e.created(t, zp+"/zaakeigenschappen", a, map[string]any{"zaak": z["url"], "eigenschap": typ.eigenschappen[1], "waarde": "2030-01-01"})
		e.created(t, "/resultaten", a, map[string]any{"zaak": z["url"], "resultaattype": typ.resultaattypen[k]})
		e.created(t, "/statussen", a, map[string]any{"zaak": z["url"], "statustype": typ.statustypen[len(typ.statustypen)-1],
			"datumStatusGezet": "2026-11-21T08:00:00Z"})
		before, _ := e.do("GET", zp, a, nil).json(t)["archiefactiedatum"].(string)
		if !strings.HasPrefix(before, "20") {
			t.Fatalf("archiefactiedatum at closing: %q", before)
		}
		expect(t, e.do("PATCH", zrcPath(eig["url"].(string)), a, map[string]any{"waarde": "2031-01-01"}), http.StatusOK)
		after, _ := e.do("GET", zp, a, nil).json(t)["archiefactiedatum"].(string)
		if after[:4] != fmt.Sprint(atoi(before[:4])+1) || after[4:] != before[4:] {
			t.Fatalf("archiefactiedatum %q after the eigenschap moved a year, was %q", after, before)
		}
	})

	t.Run("zrc022_archiefstatus", func(t *testing.T) {
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(zt), "archiefstatus", "gearchiveerd")), 400, "archiefnominatie", "archiefnominatie-not-set")
		zaak(t, "archiefstatus", "gearchiveerd", "archiefnominatie", "vernietigen", "archiefactiedatum", "2040-01-01")
	})
}

// TestZaken_CRS checks the Accept-Crs and Content-Crs headers of the
// /zaken endpoints (RULES 2.6).
func TestZaken_CRS(t *testing.T) {
	e := startZaken(t, 1)
	a := e.admin
	body := zaakBody(e.zt[0])
	problem(t, e.g.do("POST", zrcRoot+"/zaken", a, body, "Content-Crs", "EPSG:4326"), 412, "", "")
	problem(t, e.g.do("POST", zrcRoot+"/zaken", a, body, "Accept-Crs", "EPSG:4326"), 412, "", "")
	problem(t, e.g.do("GET", zrcRoot+"/zaken", a, nil, "Accept-Crs", "EPSG:28992"), 406, "", "")
	r := e.g.do("GET", zrcRoot+"/zaken", a, nil, "Accept-Crs", "EPSG:4326")
	expect(t, r, 200)
	if r.Header.Get("Content-Crs") != "EPSG:4326" {
		t.Fatalf("Content-Crs %q", r.Header.Get("Content-Crs"))
	}
	z := e.created(t, "/zaken", a, body)
	expect(t, e.g.do("DELETE", zrcRoot+zrcPath(z["url"].(string)), a, nil), http.StatusNoContent)
}

// TestZaken_Geo stores a zaakgeometrie and finds it with _zoek within a
// polygon, not within the polygon's hole.
func TestZaken_Geo(t *testing.T) {
	e := startZaken(t, 1)
	a := e.admin
	z := e.created(t, "/zaken", a, with(zaakBody(e.zt[0]), "zaakgeometrie", map[string]any{"type": "Point", "coordinates": []float64{4.9, 52.37}}))
	square := [][]float64{{4.0, 52.0}, {6.0, 52.0}, {6.0, 53.0}, {4.0, 53.0}, {4.0, 52.0}}
	hole := [][]float64{{4.8, 52.3}, {5.0, 52.3}, {5.0, 52.4}, {4.8, 52.4}, {4.8, 52.3}}
	find := func(rings ...[][]float64) int {
		r := e.do("POST", "/zaken/_zoek", a, map[string]any{"zaakgeometrie": map[string]any{"within": map[string]any{"type": "Polygon", "coordinates": rings}}})
		expect(t, r, 200)
		var p struct{ Count int }
		_ = json.Unmarshal(r.Body, &p)
		return p.Count
	}
	if n := find(square); n != 1 {
		t.Fatalf("within the square: %d", n)
	}
	if n := find(square, hole); n != 0 {
		t.Fatalf("within the square with the point in its hole: %d", n)
	}
	perceel := [][]float64{{5.1, 52.1}, {5.2, 52.1}, {5.2, 52.2}, {5.1, 52.1}}
	vlak := e.created(t, "/zaken", a, with(zaakBody(e.zt[0]), "zaakgeometrie", map[string]any{"type": "Polygon", "coordinates": [][][]float64{perceel}}))
	if n := find(square, hole); n != 1 {
		t.Fatalf("the polygon within the square: %d", n)
	}
	if g, _ := vlak["zaakgeometrie"].(map[string]any); g["type"] != "Polygon" {
		t.Fatalf("zaakgeometrie %v", vlak["zaakgeometrie"])
	}
	for _, bad := range []map[string]any{
		{"type": "Point", "coordinates": "hier"},
		{"type": "Polygon", "coordinates": [][][]float64{{{5.1, 52.1}, {5.2, 52.1}, {5.2, 52.2}}}},
		{"type": "Cirkel", "coordinates": []float64{5, 52}},
	} {
		problem(t, e.do("POST", "/zaken", a, with(zaakBody(e.zt[0]), "zaakgeometrie", bad)), 400, "zaakgeometrie", "invalid")
	}
	if n := e.count(t, "/zaken", a); n != 2 {
		t.Fatalf("a refused zaak was stored: %d zaken", n)
	}
	_ = z
}

// TestZaken_BadInput sends what clients get wrong; every answer is a 4xx
// problem and nothing is stored.
func TestZaken_BadInput(t *testing.T) {
	e := startZaken(t, 1)
	a, zt := e.admin, e.zt[0]
	z := e.created(t, "/zaken", a, zaakBody(zt))
	cases := []struct {
		name, method, path string
		body               any
		status             int
		param              string
	}{
		{"wrong type", "POST", "/zaken", with(zaakBody(zt), "startdatum", 20261101), 400, "startdatum"},
		{"bad date", "POST", "/zaken", with(zaakBody(zt), "startdatum", "2026-13-01"), 400, "startdatum"},
		{"bad rsin", "POST", "/zaken", with(zaakBody(zt), "bronorganisatie", "123456789"), 400, "bronorganisatie"},
		{"not an object", "POST", "/zaken", "[1,2]", 400, ""},
		{"broken json", "POST", "/zaken", `{"zaaktype":`, 400, ""},
		{"huge body", "POST", "/zaken", `{"omschrijving":"` + strings.Repeat("x", 3<<20) + `"}`, 413, ""},
		{"bsn type", "POST", "/rollen", map[string]any{"zaak": z["url"], "betrokkeneType": "natuurlijk_persoon", "roltype": zt.roltypen[0],
			"roltoelichting": "x", "betrokkeneIdentificatie": map[string]any{"inpBsn": 123456782}}, 400, "betrokkeneIdentificatie.inpBsn"},
		{"bsn too long", "POST", "/rollen", map[string]any{"zaak": z["url"], "betrokkeneType": "natuurlijk_persoon", "roltype": zt.roltypen[0],
			"roltoelichting": "x", "betrokkeneIdentificatie": map[string]any{"inpBsn": "1234567890"}}, 400, "betrokkeneIdentificatie.inpBsn"},
		{"unknown betrokkeneType", "POST", "/rollen", map[string]any{"zaak": z["url"], "betrokkeneType": "robot", "roltype": zt.roltypen[0],
			"roltoelichting": "x"}, 400, "betrokkeneType"},
		{"adres without huisnummer", "POST", "/zaakobjecten", map[string]any{"zaak": z["url"], "objectType": "adres",
			"objectIdentificatie": map[string]any{"identificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B"}}, 400, "objectIdentificatie.huisnummer"},
		{"zaak elsewhere", "POST", "/statussen", map[string]any{"zaak": "https://elders.example/zaken/1", "statustype": zt.statustypen[0],
			"datumStatusGezet": "2026-11-02T08:00:00Z"}, 400, "zaak"},
		{"unknown zaak", "POST", "/resultaten", map[string]any{"zaak": testBaseURL + zrcRoot + "/zaken/00000000-0000-4000-8000-000000000000",
			"resultaattype": zt.resultaattypen[0]}, 400, "zaak"},
		{"besluit no url", "POST", zrcPath(z["url"].(string)) + "/besluiten", map[string]any{"besluit": "-"}, 400, "besluit"},
		{"unknown objectType", "POST", "/zaakobjecten", map[string]any{"zaak": z["url"], "objectType": "zeer_geheim",
			"objectTypeOverige": "boom"}, 400, "objectType"},
		{"objectTypeOverige pattern", "POST", "/zaakobjecten", map[string]any{"zaak": z["url"], "objectType": "overige",
			"objectTypeOverige": "-1"}, 400, "objectTypeOverige"},
		{"null character", "POST", "/zaken", with(zaakBody(zt), "opschorting", map[string]any{"indicatie": false, "reden": "\x00"}),
			400, "opschorting.reden"},
		{"null character in a betrokkeneIdentificatie", "POST", "/rollen", map[string]any{"zaak": z["url"], "betrokkeneType": "medewerker",
			"roltype": zt.roltypen[0], "roltoelichting": "x", "betrokkeneIdentificatie": map[string]any{"identificatie": "a\x00"}},
			400, "betrokkeneIdentificatie.identificatie"},
		{"omschrijving too long", "POST", "/zaken", with(zaakBody(zt), "omschrijving", strings.Repeat("x", 81)), 400, "omschrijving"},
		{"not a uuid", "GET", "/zaken/niet-een-uuid", nil, 404, ""},
		{"unknown query parameter", "GET", "/zaken?onbekend=1", nil, 400, ""},
		{"bad page", "GET", "/zaken?page=0", nil, 400, ""},
		{"bad date filter", "GET", "/zaken?startdatum__gt=gisteren", nil, 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := e.do(c.method, c.path, a, c.body)
			if r.Status != c.status || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
				t.Fatalf("status %d (%s), want %d problem: %.300s", r.Status, r.Header.Get("Content-Type"), c.status, r.Body)
			}
			if c.param != "" && invalidParam(t, r, c.param) == "" {
				t.Fatalf("no invalidParam %s: %.500s", c.param, r.Body)
			}
		})
	}
	for _, tok := range []string{"niet.een.jwt", token(t, "admin", "verkeerd"), "a" + token(t, "admin", "geheim")} {
		r := e.do("GET", "/zaken", tok, nil)
		if r.Status != 401 && r.Status != 403 {
			t.Fatalf("malformed JWT: %d", r.Status)
		}
	}
	if n := e.count(t, "/zaken", a); n != 1 {
		t.Fatalf("%d zaken after refused writes, want 1", n)
	}
	if n := e.count(t, "/rollen", a); n != 0 {
		t.Fatalf("%d rollen after refused writes", n)
	}
}
