package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

// TestAppendMulti_FailureReleasesTheConnection: a multi-stream append that
// PostgreSQL refuses halfway (metadata jsonb cannot hold a NUL) or whose
// expectation fails leaves nothing behind and rolls back, so that its
// connection goes back to the pool fit for use (pgxpool would close one
// left in a transaction): on a pool of one connection, the server process
// stays the same and the next appends see no trace of the failed ones.
func TestAppendMulti_FailureReleasesTheConnection(t *testing.T) {
	cfg, err := pgxpool.ParseConfig(pgtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxConns = 1
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	s := postgres.New(pool)
	t.Cleanup(func() { s.Close() })
	ctx := t.Context()
	backend := func() (pid int) {
		t.Helper()
		if err := pool.QueryRow(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
			t.Fatal(err)
		}
		return pid
	}
	pid := backend()

	bad := event("bad")
	bad.Metadata.Toelichting = "nul\x00byte"
	_, err = s.AppendMulti(ctx,
		eventstore.StreamAppend{Stream: "first", Expected: eventstore.NoStream(), Events: []eventstore.EventData{event("a")}},
		eventstore.StreamAppend{Stream: "second", Expected: eventstore.NoStream(), Events: []eventstore.EventData{bad}})
	if err == nil || errors.Is(err, domain.ErrConflict) {
		t.Fatalf("AppendMulti with a NUL in jsonb: err = %v, want a database error", err)
	}
	if _, err := s.Append(ctx, "taken", eventstore.NoStream(), event("taken")); err != nil {
		t.Fatal(err)
	}
	_, err = s.AppendMulti(ctx,
		eventstore.StreamAppend{Stream: "first", Expected: eventstore.NoStream(), Events: []eventstore.EventData{event("a")}},
		eventstore.StreamAppend{Stream: "taken", Expected: eventstore.NoStream(), Events: []eventstore.EventData{event("b")}})
	if !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
		t.Fatalf("AppendMulti on a taken stream: err = %v, want the conflict", err)
	}
	res, err := s.AppendMulti(ctx,
		eventstore.StreamAppend{Stream: "first", Expected: eventstore.NoStream(), Events: []eventstore.EventData{event("a")}},
		eventstore.StreamAppend{Stream: "second", Expected: eventstore.NoStream(), Events: []eventstore.EventData{event("c")}})
	if err != nil || len(res) != 2 || res[0].Revision != 0 || res[1].Revision != 0 {
		t.Fatalf("AppendMulti after the failures: %v, %v; want both streams new", res, err)
	}
	if got := backend(); got != pid {
		t.Fatalf("the failed appends cost the connection: server process %d, then %d", pid, got)
	}
	var open int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`).Scan(&open); err != nil || open != 0 {
		t.Fatalf("%d connections idle in a transaction (%v)", open, err)
	}
}
