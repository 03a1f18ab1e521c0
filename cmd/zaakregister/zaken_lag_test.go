package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/pgtest"
	"github.com/zaakregister/zaakregister/zgw"
)

// TestZaken_WriteNotYetReadable: a write the read models do not show
// within ZAAKREGISTER_WRITE_WAIT answers 500 with code nog-niet-leesbaar
// (a create with the Location of the new zaak), not a 404 for the zaak it
// just created or an update's old state, and nothing is lost: once the
// projections catch up, the zaak reads as written. The lag is the real
// one of DESIGN.md rule 2: a write transaction elsewhere on the server,
// open before the write, keeps the log from being read past it.
func TestZaken_WriteNotYetReadable(t *testing.T) {
	// The catalogue and the zaak are written with the default wait: with a
	// short one they could run into a transaction another package's test
	// holds on the same server for a moment. The held writes go to a
	// second process of the installation that waits 300 ms.
	seeded := startZaken(t, 1)
	zt, a := seeded.zt[0], seeded.admin
	zaak := seeded.created(t, "/zaken", a, zaakBody(zt))["url"].(string)
	t.Setenv("ZAAKREGISTER_WRITE_WAIT", "300ms")
	e := &zrcEnv{g: openRegistryOn(t, seeded.g.dbURL, true), admin: a}

	notYetReadable := func(r response) {
		t.Helper()
		expect(t, r, http.StatusInternalServerError)
		p := r.json(t)
		if p["code"] != zgw.CodeNotYetReadable || p["status"] != float64(500) {
			t.Fatalf("problem %v, want code %s", p, zgw.CodeNotYetReadable)
		}
		if d, _ := p["detail"].(string); !strings.HasPrefix(d, "De wijziging is opgeslagen (positie ") {
			t.Errorf("detail %q does not say the change is stored, and where", d)
		}
	}

	_, release := pgtest.HoldTransaction(t, e.g.dbURL)
	body := zaakBody(zt)
	body["omschrijving"] = "Aangemaakt terwijl de projecties wachten"
	r := e.do("POST", "/zaken", a, body)
	notYetReadable(r)
	nieuw := r.Header.Get("Location")
	if nieuw == "" {
		t.Fatal("a create that is stored but not yet readable has no Location")
	}
	r = e.do("PATCH", zrcPath(zaak), a, map[string]any{"omschrijving": "Gewijzigd terwijl de projecties wachten"})
	notYetReadable(r)
	if loc := r.Header.Get("Location"); loc != "" {
		t.Errorf("an update names Location %q", loc)
	}
	release()

	for url, want := range map[string]string{nieuw: "Aangemaakt terwijl de projecties wachten",
		zaak: "Gewijzigd terwijl de projecties wachten"} {
		deadline := time.Now().Add(10 * time.Second)
		for {
			r := e.do("GET", zrcPath(url), a, nil)
			if r.Status == http.StatusOK && r.json(t)["omschrijving"] == want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("GET %s after the hold: %d %s, want omschrijving %q", url, r.Status, r.Body, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
