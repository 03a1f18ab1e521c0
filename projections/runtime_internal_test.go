package projections

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

// startUntilCleanup starts rt and stops it when the test ends.
func startUntilCleanup(t testing.TB, rt *Runtime) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done, err := rt.Start(ctx, 30*time.Second)
	if err != nil {
		cancel()
		t.Fatalf("runtime: %v", err)
	}
	t.Cleanup(func() { cancel(); <-done })
}

// startRuntime runs a runtime on a fresh database until the test ends,
// with what setup adds to it.
func startRuntime(t *testing.T, cfg Config, setup func(*Runtime)) (*Runtime, *pgxpool.Pool, *postgres.Store) {
	t.Helper()
	pool := pgtest.Pool(t)
	store := postgres.New(pool)
	t.Cleanup(func() { store.Close() })
	rt := New(pool, store, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, cfg)
	setup(rt)
	startUntilCleanup(t, rt)
	return rt, pool, store
}

type nopListener struct{}

func (nopListener) Name() string                                           { return "nop" }
func (nopListener) Handle(context.Context, eventstore.RecordedEvent) error { return nil }

// TestWaiter_ListenersAreLocal: every process runs its own listeners, so a
// write waiting for one waits in process; it must never poll a checkpoint
// (listeners have none), which under load cost a query every 2 ms per
// waiting write.
func TestWaiter_ListenersAreLocal(t *testing.T) {
	rt, _, _ := startRuntime(t, Config{}, func(rt *Runtime) {
		rt.Add(Autorisaties{})
		rt.Listen(nopListener{})
	})
	rt.waiter.mu.Lock()
	active := rt.waiter.active["nop"]
	rt.waiter.mu.Unlock()
	if !active {
		t.Fatal("a listener counts as running in another process")
	}
}

// sqlFout fails in the database on events of type "fout": the statement
// is queued and fails with the batch that commits.
type sqlFout struct{}

func (sqlFout) Name() string   { return "sqlfout" }
func (sqlFout) Schema() string { return "public" }
func (sqlFout) Apply(_ context.Context, tx *Tx, ev eventstore.RecordedEvent) error {
	if ev.Type == "fout" {
		tx.Exec(`SELECT 1 / 0`)
	}
	return nil
}

// TestRuntime_FailingBatchRollsBack: a batch that fails in the database is
// rolled back, its event parked after the retries, and the projection goes
// on with the next events on healthy connections.
func TestRuntime_FailingBatchRollsBack(t *testing.T) {
	rt, pool, store := startRuntime(t, Config{Retries: 1}, func(rt *Runtime) { rt.Add(sqlFout{}) })
	ctx := context.Background()
	var last eventstore.Position
	for i, typ := range []string{"goed", "fout", "goed"} {
		res, err := store.Append(ctx, fmt.Sprintf("s-%d", i), eventstore.NoStream(),
			eventstore.EventData{ID: uuid.NewString(), Type: typ, SchemaVersion: 1, Data: []byte(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		last = res.Position
	}
	wctx, wcancel := context.WithTimeout(ctx, 30*time.Second)
	defer wcancel()
	if err := rt.Waiter().Wait(wctx, last, "sqlfout"); err != nil {
		t.Fatalf("the projection did not get past the failing event: %v", err)
	}
	var parked int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM projection_poison WHERE name = 'sqlfout' AND stream_id = 's-1'`).Scan(&parked); err != nil {
		t.Fatal(err)
	}
	if parked != 1 {
		t.Fatalf("parked = %d, want 1", parked)
	}
	if pos, err := ReadCheckpoint(ctx, pool, "sqlfout"); err != nil || pos != last {
		t.Fatalf("checkpoint %s (%v), want %s", pos, err, last)
	}
}
