package main

import (
	"bytes"
	"context"
	"fmt"
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
	// The read models keep references without the base URL (docs/decisions.md).
	zaaktypeLike, statustypeLike := catalogiRoot+"/zaaktypen/%", catalogiRoot+"/statustypen/%"
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

	// zaakload decode reads and decodes the whole log, and only that.
	events := count(`SELECT count(*) FROM events`)
	out.Reset()
	if err := run(ctx, []string{"decode", "--database-url", url, "--events", "1000000"}, &out); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if want := fmt.Sprintf("decode: %d events", events); !strings.HasPrefix(out.String(), want) {
		t.Errorf("decode said %q, want it to start with %q", out.String(), want)
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

// seededPool seeds n zaken into a fresh database and opens a pool on it.
func seededPool(t *testing.T, ctx context.Context, n int) *pgxpool.Pool {
	t.Helper()
	url := pgtest.New(t)
	cfg := seedConfig{DatabaseURL: url, BaseURL: testBaseURL + "/", Zaken: n, Zaaktypen: 2, Workers: 2,
		Batch: 10, RSIN: "002220647", Seed: 1, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if _, err := seed(ctx, cfg, io.Discard); err != nil {
		t.Fatalf("seed: %v", err)
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// TestBaseline runs every baseline operation briefly on a small seed: each
// one succeeds at least once without errors, create-floor copies the
// events of a seeded create, and no scratch table is left behind.
func TestBaseline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool := seededPool(t, ctx, 20)
	floor, err := newCreateFloor(ctx, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(floor.zaak.data) < 500 || len(floor.reservering.data) == 0 || len(floor.zaak.metadata) == 0 {
		t.Errorf("create-floor copies events of %d and %d bytes, want those of a seeded create", len(floor.zaak.data), len(floor.reservering.data))
	}
	stats, err := baseline(ctx, pool, 2, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range baselineOperations {
		s := stats[op]
		if s == nil || s.count == 0 || s.errors > 0 {
			t.Errorf("%s: %+v, want calls and no errors", op, s)
		}
	}
	var left int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE tablename = ANY($1)`, scratchTables).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d scratch tables left behind", left)
	}
}

// TestCreateFloor checks that one create-floor call appends the two events
// of a create to two new streams and projects the zaak at their position.
func TestCreateFloor(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool := seededPool(t, ctx, 4)
	if err := createScratch(ctx, pool); err != nil {
		t.Fatal(err)
	}
	var zaakRow map[string]any
	if err := pool.QueryRow(ctx, `SELECT to_jsonb(z) FROM zrc.zaken z LIMIT 1`).Scan(&zaakRow); err != nil {
		t.Fatal(err)
	}
	floor, err := newCreateFloor(ctx, pool, zaakRow)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := floor.do(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	var events, streams, zaken, behind int
	err = pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM `+scratchEvents+`), (SELECT count(*) FROM `+scratchStreams+`),
		(SELECT count(*) FROM `+scratchZaken+` z JOIN `+scratchEvents+` e ON e.stream_id = 'zaken-' || z.uuid
			AND e.tx_id::text::bigint = z.created_commit AND e.seq = z.created_prepare AND e.event_type = 'zaken.zaak.aangemaakt'),
		(SELECT count(*) FROM `+scratchCheckpoints+` c WHERE (c.commit_pos, c.prepare_pos) <
			(SELECT max(created_commit), max(created_prepare) FROM `+scratchZaken+`))`).Scan(&events, &streams, &zaken, &behind)
	if err != nil {
		t.Fatal(err)
	}
	if events != 6 || streams != 6 || zaken != 3 || behind != 0 {
		t.Errorf("after 3 creates: %d events, %d streams, %d zaken at their event, %d checkpoints behind; want 6, 6, 3, 0",
			events, streams, zaken, behind)
	}
}
