package main

import (
	"net/http"
	"testing"
)

// TestCatalogi_ExternalReferentielijsten: with ZAAKREGISTER_REFERENTIELIJSTEN_URL
// set, the Catalogi API validates selectielijst references against that
// API over HTTP (here: another registry's built-in one, on another port)
// and refuses those of its own built-in one.
func TestCatalogi_ExternalReferentielijsten(t *testing.T) {
	external := startRegistry(t)
	root := external.url + selectielijstRoot
	t.Setenv("ZAAKREGISTER_REFERENTIELIJSTEN_URL", root)
	t.Setenv("ZAAKREGISTER_REFS_ALLOW_PRIVATE", "true") // the other registry listens on loopback
	g := startRegistry(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "EXT")

	procestype := root + sl.procestype[len(testBaseURL+selectielijstRoot):]
	expect(t, g.do("POST", catalogiRoot+"/zaaktypen", admin, zaaktypeVoor(cat, "ZT-E", "2024-01-01", procestype)), http.StatusCreated)

	builtin := g.do("POST", catalogiRoot+"/zaaktypen", admin, zaaktypeVoor(cat, "ZT-B", "2024-01-01", sl.procestype))
	expect(t, builtin, http.StatusBadRequest)
	if code := invalidParam(t, builtin, "selectielijstProcestype"); code != "bad-url" {
		t.Fatalf("code %q: %s", code, builtin.Body)
	}
	missing := g.do("POST", catalogiRoot+"/zaaktypen", admin, zaaktypeVoor(cat, "ZT-M", "2024-01-01",
		root+"/procestypen/5b2d2a43-5c8a-4d6a-8f22-4d1f7a7e0c99"))
	expect(t, missing, http.StatusBadRequest)
	if code := invalidParam(t, missing, "selectielijstProcestype"); code != "bad-url" {
		t.Fatalf("code %q: %s", code, missing.Body)
	}
}

// TestCatalogi_ExternalReferentielijstenOnLoopbackRefused: without
// ZAAKREGISTER_REFS_ALLOW_PRIVATE a Referentielijsten API on a loopback
// address is never fetched (no server-side request forgery).
func TestCatalogi_ExternalReferentielijstenOnLoopbackRefused(t *testing.T) {
	external := startRegistry(t)
	root := external.url + selectielijstRoot
	t.Setenv("ZAAKREGISTER_REFERENTIELIJSTEN_URL", root)
	g := startRegistry(t)
	admin := g.superuser()
	sl := kiesSelectielijst(t)
	cat := g.catalogusVoor(admin, "SSRF")
	procestype := root + sl.procestype[len(testBaseURL+selectielijstRoot):]
	r := g.do("POST", catalogiRoot+"/zaaktypen", admin, zaaktypeVoor(cat, "ZT-S", "2024-01-01", procestype))
	expect(t, r, http.StatusBadRequest)
	if code := invalidParam(t, r, "selectielijstProcestype"); code != "bad-url" {
		t.Fatalf("code %q: %s", code, r.Body)
	}
}
