package main

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// rolOp creates a rol of zaaktype zt on zaak and returns its URL.
func (e *zrcEnv) rolOp(t *testing.T, tok string, zt *seededZaaktype, zaak any) string {
	t.Helper()
	return e.created(t, "/rollen", tok, map[string]any{"zaak": zaak, "betrokkeneType": "medewerker",
		"roltype": zt.roltypen[0], "roltoelichting": "Behandelaar",
		"betrokkeneIdentificatie": map[string]any{"identificatie": "m1"}})["url"].(string)
}

// answer is a 400 problem without its instance, to compare two refusals.
func answer(t *testing.T, r response) map[string]any {
	t.Helper()
	expect(t, r, http.StatusBadRequest)
	p := r.json(t)
	delete(p, "instance")
	return p
}

// sameAnswer fails unless got and want are the same refusal: what a client
// learns from a link to a zaak it may not read must be what it learns
// from a link to one that does not exist.
func sameAnswer(t *testing.T, got, want response) {
	t.Helper()
	if g, w := answer(t, got), answer(t, want); !reflect.DeepEqual(g, w) {
		t.Fatalf("answer %v\nwant the answer for what does not exist: %v", g, w)
	}
}

// zrcClientWith registers client id with the given zrc autorisaties and
// returns its token.
func (e *zrcEnv) zrcClientWith(t *testing.T, id string, autorisaties ...map[string]any) string {
	t.Helper()
	for _, a := range autorisaties {
		a["component"] = "zrc"
	}
	e.g.cli("client", "add", id, "--secret", "s-"+id)
	expect(t, e.g.do("POST", acRoot+"/applicaties", e.admin, map[string]any{
		"clientIds": []string{id}, "label": "Applicatie " + id, "autorisaties": autorisaties}), http.StatusCreated)
	return token(t, id, "s-"+id)
}

// TestStatus_GezetdoorRolVanZelfdeZaak: a status's gezetdoor must be an
// existing rol of the status's own zaak, so that every reader can expand
// status.gezetdoor.
func TestStatus_GezetdoorRolVanZelfdeZaak(t *testing.T) {
	e := startZaken(t, 2)
	a, zt, ztB := e.admin, e.zt[0], e.zt[1]
	zaak := e.created(t, "/zaken", a, zaakBody(zt))
	andere := e.created(t, "/zaken", a, zaakBody(zt))
	geheim := e.created(t, "/zaken", a, zaakBody(ztB))
	eigen := e.rolOp(t, a, zt, zaak["url"])
	verwijderd := e.rolOp(t, a, zt, zaak["url"])
	expect(t, e.do("DELETE", zrcPath(verwijderd), a, nil), http.StatusNoContent)
	vanAndere := e.rolOp(t, a, zt, andere["url"])
	vanGeheim := e.rolOp(t, a, ztB, geheim["url"])
	nooit := testBaseURL + zrcRoot + "/rollen/00000000-0000-4000-8000-000000000000"
	tok := e.zrcClient(t, "statuszetter", zt.url, "zeer_geheim", "zaken.lezen", "zaken.statussen.toevoegen")

	status := func(gezetdoor any) map[string]any {
		return map[string]any{"zaak": zaak["url"], "statustype": zt.statustypen[0],
			"datumStatusGezet": "2026-11-02T10:00:00Z", "gezetdoor": gezetdoor}
	}
	for _, c := range []struct{ name, gezetdoor, code string }{
		{"RolVanAndereZaak", vanAndere, "zaak-mismatch"},
		{"RolDieNietBestaat", nooit, "bad-url"},
		{"VerwijderdeRol", verwijderd, "bad-url"},
		{"GeenRolURL", zaak["url"].(string), "bad-url"},
		{"URLElders", "https://elders.example/zaken/api/v1/rollen/00000000-0000-4000-8000-000000000000", "bad-url"},
	} {
		t.Run("Err"+c.name, func(t *testing.T) {
			problem(t, e.do("POST", "/statussen", tok, status(c.gezetdoor)), 400, "gezetdoor", c.code)
		})
	}
	t.Run("ErrRolVanZaakDieDeClientNietMagLezen", func(t *testing.T) {
		sameAnswer(t, e.do("POST", "/statussen", tok, status(vanGeheim)), e.do("POST", "/statussen", tok, status(nooit)))
	})
	t.Run("RolVanDezeZaak", func(t *testing.T) {
		e.created(t, "/statussen", tok, status(eigen))
		for _, reader := range []string{a, tok} {
			r := e.do("GET", zrcPath(zaak["url"].(string))+"?expand=status.gezetdoor", reader, nil)
			expect(t, r, http.StatusOK)
			var v struct {
				Expand struct {
					Status struct {
						Expand struct {
							Gezetdoor struct{ URL string } `json:"gezetdoor"`
						} `json:"_expand"`
					} `json:"status"`
				} `json:"_expand"`
			}
			if err := json.Unmarshal(r.Body, &v); err != nil || v.Expand.Status.Expand.Gezetdoor.URL != eigen {
				t.Fatalf("expand status.gezetdoor: %v %s", err, r.Body)
			}
		}
	})
}

// TestZaak_RelatieVereistLeesrecht: a write may link a zaak only to zaken
// the client may read (hoofdzaak, relevanteAndereZaken), and refuses a zaak
// it may not read exactly as one that does not exist.
func TestZaak_RelatieVereistLeesrecht(t *testing.T) {
	e := startZaken(t, 2)
	a, ztA, ztB := e.admin, e.zt[0], e.zt[1]
	schrijven := []string{"zaken.lezen", "zaken.aanmaken", "zaken.bijwerken"}
	tok := e.zrcClient(t, "koppelaar", ztA.url, "zaakvertrouwelijk", schrijven...)
	vanB := e.created(t, "/zaken", a, zaakBody(ztB))
	teGeheim := e.created(t, "/zaken", a, with(zaakBody(ztA), "vertrouwelijkheidaanduiding", "geheim"))
	leesbaar := e.created(t, "/zaken", a, zaakBody(ztA))
	nooit := testBaseURL + zrcRoot + "/zaken/00000000-0000-4000-8000-000000000000"
	eigen := e.created(t, "/zaken", tok, zaakBody(ztA))
	eigenPad := zrcPath(eigen["url"].(string))

	relaties := map[string]func(url any) []any{
		"hoofdzaak": func(url any) []any { return []any{"hoofdzaak", url} },
		"relevanteAndereZaken": func(url any) []any {
			return []any{"relevanteAndereZaken", []map[string]any{{"url": url, "aardRelatie": "vervolg"}}}
		},
	}
	writes := map[string]func(kv []any) response{
		"POST":  func(kv []any) response { return e.do("POST", "/zaken", tok, with(zaakBody(ztA), kv...)) },
		"PUT":   func(kv []any) response { return e.do("PUT", eigenPad, tok, with(zaakBody(ztA), kv...)) },
		"PATCH": func(kv []any) response { return e.do("PATCH", eigenPad, tok, with(map[string]any{}, kv...)) },
	}
	deelzaken := func(t *testing.T, z map[string]any) []any {
		t.Helper()
		d, _ := e.do("GET", zrcPath(z["url"].(string)), a, nil).json(t)["deelzaken"].([]any)
		return d
	}

	for veld, relatie := range relaties {
		for method, write := range writes {
			for naam, doel := range map[string]map[string]any{"ZaaktypeZonderRecht": vanB, "BovenMaxVertrouwelijkheid": teGeheim} {
				t.Run("Err"+naam+"/"+method+"/"+veld, func(t *testing.T) {
					sameAnswer(t, write(relatie(doel["url"])), write(relatie(nooit)))
					if d := deelzaken(t, doel); len(d) != 0 {
						t.Fatalf("the deelzaken of the zaak linked to changed: %v", d)
					}
				})
			}
		}
	}
	if got := e.do("GET", eigenPad, a, nil).json(t); got["hoofdzaak"] != nil || len(got["relevanteAndereZaken"].([]any)) != 0 {
		t.Fatalf("the refused writes changed the zaak: %v %v", got["hoofdzaak"], got["relevanteAndereZaken"])
	}

	t.Run("MetLeesrecht", func(t *testing.T) {
		for veld, relatie := range relaties {
			z := e.created(t, "/zaken", tok, with(zaakBody(ztA), relatie(leesbaar["url"])...))
			if veld == "hoofdzaak" && !reflect.DeepEqual(deelzaken(t, leesbaar), []any{z["url"]}) {
				t.Fatalf("deelzaken %v", deelzaken(t, leesbaar))
			}
		}
		// Read rights on zaaktype B are enough to link to a zaak of it.
		lezerB := e.zrcClientWith(t, "lezer-b",
			map[string]any{"scopes": schrijven, "zaaktype": ztA.url, "maxVertrouwelijkheidaanduiding": "zaakvertrouwelijk"},
			map[string]any{"scopes": []string{"zaken.lezen"}, "zaaktype": ztB.url, "maxVertrouwelijkheidaanduiding": "openbaar"})
		for _, relatie := range relaties {
			e.created(t, "/zaken", lezerB, with(zaakBody(ztA), relatie(vanB["url"])...))
		}
	})
	t.Run("Superuser", func(t *testing.T) {
		for _, relatie := range relaties {
			e.created(t, "/zaken", a, with(zaakBody(ztA), relatie(teGeheim["url"])...))
		}
		if d := deelzaken(t, teGeheim); len(d) != 1 {
			t.Fatalf("deelzaken %v", d)
		}
	})
	t.Run("BestaandeKoppelingBlijft", func(t *testing.T) {
		// A link someone with more rights made does not stop the client
		// from changing the zaak, nor from sending the link back.
		z := e.created(t, "/zaken", tok, zaakBody(ztA))
		pad := zrcPath(z["url"].(string))
		expect(t, e.do("PATCH", pad, a, map[string]any{"hoofdzaak": vanB["url"],
			"relevanteAndereZaken": []map[string]any{{"url": teGeheim["url"], "aardRelatie": "onderwerp"}}}), http.StatusOK)
		expect(t, e.do("PATCH", pad, tok, map[string]any{"toelichting": "bijgewerkt"}), http.StatusOK)
		expect(t, e.do("PUT", pad, tok, with(zaakBody(ztA), "hoofdzaak", vanB["url"],
			"relevanteAndereZaken", []map[string]any{{"url": teGeheim["url"], "aardRelatie": "onderwerp"}})), http.StatusOK)
	})
}
