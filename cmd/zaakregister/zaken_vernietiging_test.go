package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// TestZakenVernietig: `zaakregister zaken vernietig` destroys the event
// history of a zaak deleted through the API once the retention term (here
// 0) has passed, leaves a live zaak alone, records the destruction and
// prints the count; a second run destroys nothing.
func TestZakenVernietig(t *testing.T) {
	e := startZaken(t, 1)
	ctx := context.Background()
	weg := lastSegment(e.created(t, "/zaken", e.admin, zaakBody(e.zt[0]))["url"].(string))
	blijft := lastSegment(e.created(t, "/zaken", e.admin, zaakBody(e.zt[0]))["url"].(string))
	expect(t, e.do("DELETE", "/zaken/"+weg, e.admin, nil), http.StatusNoContent)
	events, err := e.g.m.Store.ReadStream(ctx, zaken.ZaakStream(weg), 0, 1000)
	if err != nil {
		t.Fatalf("the deleted zaak's events before the purge: %v", err)
	}

	// The default term keeps the deleted zaak's history.
	if out := e.g.cli("zaken", "vernietig"); !strings.Contains(out, " 0 deleted zaken (retention term 720h0m0s)") {
		t.Fatalf("output %q", out)
	}
	t.Setenv("ZAAKREGISTER_ZAKEN_BEWAARTERMIJN", "0")
	if out := e.g.cli("zaken", "vernietig"); !strings.Contains(out, " 1 deleted zaken") {
		t.Fatalf("output %q", out)
	}
	if _, err := e.g.m.Store.ReadStream(ctx, zaken.ZaakStream(weg), 0, 1); !errors.Is(err, eventstore.ErrStreamNotFound) {
		t.Fatalf("the deleted zaak's stream after the purge: %v", err)
	}
	if _, err := e.g.m.Store.ReadStream(ctx, zaken.ZaakStream(blijft), 0, 1); err != nil {
		t.Fatalf("the live zaak's stream: %v", err)
	}
	expect(t, e.do("GET", "/zaken/"+blijft, e.admin, nil), http.StatusOK)
	expect(t, e.do("GET", "/zaken/"+weg, e.admin, nil), http.StatusNotFound)

	// The serve process's projection keeps the record.
	var aantal int
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := e.g.m.Pool.QueryRow(ctx, `SELECT aantal_events FROM zrc.vernietigingen WHERE zaak = $1`, weg).Scan(&aantal)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no record in zrc.vernietigingen: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if aantal != len(events) {
		t.Fatalf("record of %d events, want %d", aantal, len(events))
	}
	if out := e.g.cli("zaken", "vernietig"); !strings.Contains(out, " 0 deleted zaken") {
		t.Fatalf("second run: %q", out)
	}
	if err := run(ctx, []string{"zaken"}, &bytes.Buffer{}); !errors.Is(err, errUsage) {
		t.Fatalf("zaken without a subcommand: %v", err)
	}
}

func TestConfig_ZakenBewaartermijn(t *testing.T) {
	cases := []struct {
		value string
		want  time.Duration
		err   bool
	}{
		{"", 720 * time.Hour, false},
		{"0", 0, false},
		{"2160h", 2160 * time.Hour, false},
		{"-1h", 0, true},
		{"30d", 0, true},
	}
	for _, c := range cases {
		t.Setenv("ZAAKREGISTER_ZAKEN_BEWAARTERMIJN", c.value)
		cfg, err := ConfigFromEnv()
		if (err != nil) != c.err || (!c.err && cfg.ZakenBewaartermijn != c.want) {
			t.Errorf("%q: %s, %v", c.value, cfg.ZakenBewaartermijn, err)
		}
	}
}
