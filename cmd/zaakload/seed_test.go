package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/pgtest"
)

const testBaseURL = "http://zaakload.test"

// TestSeed seeds a small data set twice into a fresh database and checks
// the zrc read model the projections built from it: every zaak with its
// statussen, rollen and zaakeigenschappen, about half of them closed, the
// catalogue reused by the second run and no identificatie handed out
// twice (zrc-002).
func TestSeed(t *testing.T) {
	n, zaaktypen := 200, 3
	if testing.Short() {
		n = 60
	}
	url := pgtest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	cfg := seedConfig{DatabaseURL: url, BaseURL: testBaseURL + "/", Zaken: n, Zaaktypen: zaaktypen, Workers: 4,
		Batch: 16, RSIN: "002220647", Seed: 1, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var out bytes.Buffer
	rep, err := seed(ctx, cfg, &out)
	if err != nil {
		t.Fatalf("seed: %v\n%s", err, out.String())
	}
	t.Log(out.String())
	if rep.Zaken != n || rep.Events < int64(n*8) || rep.CatchUp <= 0 {
		t.Errorf("report %+v: want %d zaken, at least %d events and a catch-up time", rep, n, n*8)
	}
	for _, want := range []string{"catalogue: 3 published zaaktypen", "written: ", "projections caught up in "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	count := func(query string, args ...any) int {
		t.Helper()
		var c int
		if err := pool.QueryRow(ctx, query, args...).Scan(&c); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return c
	}
	zaaktypeLike, statustypeLike := testBaseURL+catalogiRoot+"/zaaktypen/%", testBaseURL+catalogiRoot+"/statustypen/%"
	checks := []struct {
		name, query string
		want        int
		args        []any
	}{
		{"zaken", `SELECT count(*) FROM zrc.zaken`, n, nil},
		{"zaken without a status", `SELECT count(*) FROM zrc.zaken z WHERE NOT EXISTS (SELECT 1 FROM zrc.statussen s WHERE s.zaak = z.uuid)`, 0, nil},
		{"zaken with more than 3 statussen", `SELECT count(*) FROM zrc.zaken z WHERE (SELECT count(*) FROM zrc.statussen s WHERE s.zaak = z.uuid) > 3`, 0, nil},
		{"zaken whose status column is not their last status", `SELECT count(*) FROM zrc.zaken z
			WHERE z.status IS NULL OR NOT EXISTS (SELECT 1 FROM zrc.statussen s WHERE s.uuid = z.status AND s.indicatie_laatst_gezette_status)`, 0, nil},
		{"zaken without two rollen", `SELECT count(*) FROM zrc.zaken z WHERE (SELECT count(*) FROM zrc.rollen r WHERE r.zaak = z.uuid) <> 2`, 0, nil},
		{"zaken without two zaakeigenschappen", `SELECT count(*) FROM zrc.zaken z WHERE (SELECT count(*) FROM zrc.zaakeigenschappen e WHERE e.zaak = z.uuid) <> 2`, 0, nil},
		{"closed zaken without a resultaat", `SELECT count(*) FROM zrc.zaken WHERE einddatum IS NOT NULL AND resultaat IS NULL`, 0, nil},
		{"open zaken with a resultaat", `SELECT count(*) FROM zrc.zaken WHERE einddatum IS NULL AND resultaat IS NOT NULL`, 0, nil},
		{"zaken of another zaaktype URL", `SELECT count(*) FROM zrc.zaken WHERE zaaktype NOT LIKE $1`, 0, []any{zaaktypeLike}},
		{"statussen of another statustype URL", `SELECT count(*) FROM zrc.statussen WHERE statustype NOT LIKE $1`, 0, []any{statustypeLike}},
		{"zaaktypen used", `SELECT count(DISTINCT zaaktype) FROM zrc.zaken`, zaaktypen, nil},
		{"published zaaktypen in ztc", `SELECT count(*) FROM ztc.zaaktypen WHERE NOT concept`, zaaktypen, nil},
		{"poisoned events", `SELECT count(*) FROM projection_poison`, 0, nil},
	}
	for _, c := range checks {
		if got := count(c.query, c.args...); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	if closed := count(`SELECT count(*) FROM zrc.zaken WHERE einddatum IS NOT NULL`); closed < n/4 || closed > 3*n/4 {
		t.Errorf("%d of %d zaken closed, want about half", closed, n)
	}
	if bsn := count(`SELECT count(*) FROM zrc.rollen WHERE betrokkene_type = 'natuurlijk_persoon' AND np_inp_bsn ~ '^[0-9]{9}$'`); bsn == 0 {
		t.Error("no rol of a natuurlijk persoon with an inpBsn")
	}
	if kinds := count(`SELECT count(DISTINCT betrokkene_type) FROM zrc.rollen`); kinds < 3 {
		t.Errorf("%d betrokkeneTypes among the rollen, want a mix", kinds)
	}

	out.Reset()
	if _, err := seed(ctx, cfg, &out); err != nil {
		t.Fatalf("second seed: %v\n%s", err, out.String())
	}
	if got := count(`SELECT count(*) FROM zrc.zaken`); got != 2*n {
		t.Errorf("after the second seed: %d zaken, want %d", got, 2*n)
	}
	if got := count(`SELECT count(DISTINCT identificatie) FROM zrc.zaken WHERE identificatie ~ '^ZAAK-[0-9]{4}-[0-9]{10}$'`); got != 2*n {
		t.Errorf("after the second seed: %d distinct generated identificaties, want %d", got, 2*n)
	}
	if got := count(`SELECT count(*) FROM ztc.zaaktypen`); got != zaaktypen {
		t.Errorf("after the second seed: %d zaaktypen, want the %d of the first reused", got, zaaktypen)
	}
	if !strings.Contains(out.String(), "catalogue: 3 published zaaktypen (0 events written)") {
		t.Errorf("second seed wrote catalogue events:\n%s", out.String())
	}
}
