package projections_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
	"github.com/zaakregister/zaakregister/projections"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type fixture struct {
	t     *testing.T
	pool  *pgxpool.Pool
	store *postgres.Store
}

func newFixture(t *testing.T) *fixture {
	pool := pgtest.Pool(t)
	store := postgres.New(pool)
	t.Cleanup(func() { store.Close() })
	return &fixture{t: t, pool: pool, store: store}
}

// start runs a runtime with the autorisaties projection until the test ends.
func (f *fixture) start(cfg projections.Config) *projections.Runtime {
	f.t.Helper()
	rt := projections.New(f.pool, f.store, quiet, nil, cfg)
	rt.Add(projections.Autorisaties{})
	ctx, cancel := context.WithCancel(context.Background())
	done, err := rt.Start(ctx, 30*time.Second)
	if err != nil {
		cancel()
		f.t.Fatalf("runtime: %v", err)
	}
	f.t.Cleanup(func() { cancel(); <-done })
	return rt
}

func event(t testing.TB, e domain.Event) eventstore.EventData {
	d, err := eventstore.Encode(e, eventstore.Metadata{ClientID: "test", Time: time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func created(id string, n int) autorisaties.ApplicatieAangemaakt {
	return autorisaties.ApplicatieAangemaakt{UUID: id, Gegevens: autorisaties.Gegevens{
		ClientIDs: []string{fmt.Sprintf("client-%d", n)}, Label: fmt.Sprintf("App %d", n), HeeftAlleAutorisaties: true,
	}}
}

// history appends n applicaties, changes every third and deletes every
// fifth; it returns the position of the last event.
func (f *fixture) history(n int) eventstore.Position {
	f.t.Helper()
	ctx := context.Background()
	var last eventstore.Position
	for i := 0; i < n; i++ {
		id := uuid.NewString()
		evs := []eventstore.EventData{event(f.t, created(id, i))}
		if i%3 == 0 {
			g := created(id, i).Gegevens
			g.Label += " gewijzigd"
			evs = append(evs, event(f.t, autorisaties.ApplicatieGewijzigd{UUID: id, Actie: "update", Gegevens: g}))
		}
		if i%5 == 0 {
			evs = append(evs, event(f.t, autorisaties.ApplicatieVerwijderd{UUID: id}))
		}
		res, err := f.store.Append(ctx, "autorisaties.applicatie-"+id, eventstore.NoStream(), evs...)
		if err != nil {
			f.t.Fatal(err)
		}
		last = res.Position
	}
	return last
}

// dump returns the read model as one canonical JSON text.
func (f *fixture) dump() string {
	f.t.Helper()
	var s string
	err := f.pool.QueryRow(context.Background(),
		`SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.uuid)::text, '[]') FROM ac.applicaties a`).Scan(&s)
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

func (f *fixture) wait(rt *projections.Runtime, pos eventstore.Position) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := rt.Waiter().Wait(ctx, pos, "autorisaties"); err != nil {
		f.t.Fatalf("projection did not reach %s: %v", pos, err)
	}
}

func (f *fixture) rows() int {
	var n int
	if err := f.pool.QueryRow(context.Background(), `SELECT count(*) FROM ac.applicaties`).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

func TestRuntime_ReplayTwiceIdentical(t *testing.T) {
	f := newFixture(t)
	rt := f.start(projections.Config{})
	f.wait(rt, f.history(300))
	live := f.dump()
	if want := 300 - 60; f.rows() != want {
		t.Fatalf("rows = %d, want %d", f.rows(), want)
	}
	for i := 0; i < 2; i++ {
		if err := rt.Rebuild(context.Background(), "autorisaties"); err != nil {
			t.Fatal(err)
		}
		if got := f.dump(); got != live {
			t.Fatalf("rebuild %d differs from the live read model", i+1)
		}
	}
}

func TestRuntime_RebuildWhileWriting(t *testing.T) {
	f := newFixture(t)
	rt := f.start(projections.Config{BatchSize: 50})
	f.history(200)
	var (
		wg      sync.WaitGroup
		stop    atomic.Bool
		written atomic.Int64
		last    atomic.Value
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1000; !stop.Load(); i++ {
			id := uuid.NewString()
			res, err := f.store.Append(context.Background(), "autorisaties.applicatie-"+id, eventstore.NoStream(), event(t, created(id, i)))
			if err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
			last.Store(res.Position)
		}
	}()
	for i := 0; i < 2; i++ {
		if err := rt.Rebuild(context.Background(), "autorisaties"); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	f.wait(rt, last.Load().(eventstore.Position))
	if want := 200 - 40 + int(written.Load()); f.rows() != want {
		t.Fatalf("rows = %d, want %d (written during rebuild: %d)", f.rows(), want, written.Load())
	}
}

// TestRuntime_OutOfOrderCommits: a transaction that started first but
// commits last must not be skipped by the projection.
func TestRuntime_OutOfOrderCommits(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rt := f.start(projections.Config{})
	first, err := f.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Rollback(ctx) //nolint:errcheck // committed below
	a := uuid.NewString()
	if _, err := f.store.AppendTx(ctx, first, "autorisaties.applicatie-"+a, eventstore.NoStream(), event(t, created(a, 1))); err != nil {
		t.Fatal(err)
	}
	b := uuid.NewString()
	resB, err := f.store.Append(ctx, "autorisaties.applicatie-"+b, eventstore.NoStream(), event(t, created(b, 2)))
	if err != nil {
		t.Fatal(err)
	}
	// B is committed but must wait behind the open A.
	time.Sleep(300 * time.Millisecond)
	if n := f.rows(); n != 0 {
		t.Fatalf("projection applied %d event(s) past an open transaction", n)
	}
	if err := first.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	f.wait(rt, resB.Position)
	if n := f.rows(); n != 2 {
		t.Fatalf("rows = %d, want 2: an event was skipped", n)
	}
}

func TestRuntime_PoisonIsParked(t *testing.T) {
	f := newFixture(t)
	rt := f.start(projections.Config{Retries: 1})
	ctx := context.Background()
	bad := eventstore.EventData{ID: uuid.NewString(), Type: autorisaties.TypeApplicatieAangemaakt, SchemaVersion: 1,
		Data: json.RawMessage(`{"uuid": "not-a-uuid", "clientIds": ["x"], "label": "x"}`)}
	res, err := f.store.Append(ctx, "autorisaties.applicatie-bad", eventstore.NoStream(), bad)
	if err != nil {
		t.Fatal(err)
	}
	// The write waiting for its event learns that the read model will not
	// have it; a write after it waits as usual.
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var parkedErr *projections.ParkedError
	if err := rt.Waiter().Wait(wctx, res.Position, "autorisaties"); !errors.As(err, &parkedErr) || parkedErr.Position != res.Position {
		t.Fatalf("waiting for the poison event: %v, want a ParkedError at %s", err, res.Position)
	}
	last := f.history(3)
	if err := rt.Waiter().Wait(wctx, last, "autorisaties"); err != nil {
		t.Fatalf("waiting for a later event: %v", err)
	}
	if n := f.rows(); n != 3-1 {
		t.Fatalf("rows = %d after a poison event", n)
	}
	var parked int
	if err := f.pool.QueryRow(ctx, `SELECT count(*) FROM projection_poison WHERE name = 'autorisaties' AND stream_id = 'autorisaties.applicatie-bad'`).Scan(&parked); err != nil {
		t.Fatal(err)
	}
	if parked != 1 {
		t.Fatalf("parked = %d, want 1", parked)
	}
	// A process where the projection is not active (a standby, or one
	// that serves the API only) learns it from projection_poison.
	standby := projections.NewWaiter(f.pool)
	if err := standby.Wait(wctx, res.Position, "autorisaties"); !errors.As(err, &parkedErr) || parkedErr.Position != res.Position {
		t.Fatalf("waiting for the poison event in another process: %v, want a ParkedError at %s", err, res.Position)
	}
	if err := standby.Wait(wctx, last, "autorisaties"); err != nil {
		t.Fatalf("waiting for a later event in another process: %v", err)
	}
	st, err := projections.Statuses(ctx, f.pool, f.store, []string{"autorisaties"})
	if err != nil || st[0].Poisoned != 1 || st[0].Lag != 0 {
		t.Fatalf("status = %+v, %v", st, err)
	}
}

// TestRuntime_OneActiveInstance: two processes on one database; one
// applies, the other stands by, and nothing is applied twice.
func TestRuntime_OneActiveInstance(t *testing.T) {
	f := newFixture(t)
	one := f.start(projections.Config{LockInterval: 50 * time.Millisecond})
	two := f.start(projections.Config{LockInterval: 50 * time.Millisecond})
	last := f.history(50)
	f.wait(one, last)
	f.wait(two, last) // the standby learns progress from the checkpoint
	var holders int
	if err := f.pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&holders); err != nil {
		t.Fatal(err)
	}
	if holders != 1 {
		t.Fatalf("%d instances hold the projection lock", holders)
	}
	if f.rows() != 40 {
		t.Fatalf("rows = %d, want 40", f.rows())
	}
}

// TestRuntime_SelectiveSkipsUnwantedEvents: events a Selective projection
// does not want move its position at once without a transaction; the
// checkpoint follows SkipCheckpoint later, and a wanted event moves it in
// its own transaction at once.
func TestRuntime_SelectiveSkipsUnwantedEvents(t *testing.T) {
	f := newFixture(t)
	rt := f.start(projections.Config{SkipCheckpoint: 3 * time.Second})
	ctx := context.Background()
	first := f.history(1)
	f.wait(rt, first)
	checkpoint := func() eventstore.Position {
		pos, err := projections.ReadCheckpoint(ctx, f.pool, "autorisaties")
		if err != nil {
			t.Fatal(err)
		}
		return pos
	}
	if checkpoint() != first {
		t.Fatalf("checkpoint %s after a wanted event at %s", checkpoint(), first)
	}
	var evs []eventstore.EventData
	for range 20 {
		evs = append(evs, eventstore.EventData{ID: uuid.NewString(), Type: "zaken.identificatie.uitgegeven", SchemaVersion: 1, Data: json.RawMessage(`{}`)})
	}
	res, err := f.store.Append(ctx, "elders-"+uuid.NewString(), eventstore.NoStream(), evs...)
	if err != nil {
		t.Fatal(err)
	}
	f.wait(rt, res.Position)
	if got := checkpoint(); got != first {
		t.Fatalf("checkpoint %s written at once for skipped events, want it still at %s", got, first)
	}
	deadline := time.Now().Add(10 * time.Second)
	for checkpoint() != res.Position {
		if time.Now().After(deadline) {
			t.Fatalf("checkpoint %s never followed the skipped events to %s", checkpoint(), res.Position)
		}
		time.Sleep(50 * time.Millisecond)
	}
	last := f.history(1)
	f.wait(rt, last)
	if got := checkpoint(); got != last {
		t.Fatalf("checkpoint %s after a wanted event at %s", got, last)
	}
}
