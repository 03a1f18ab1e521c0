package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

// noPoll is a poll interval longer than any test, so that only wake-ups can
// deliver live events.
const noPoll = time.Hour

// notifyModes are the two ways of sending the NOTIFY, with polling off.
var notifyModes = map[string][]postgres.Option{
	"NotifyAfterCommit":   {postgres.WithPollInterval(noPoll)},
	"NotifyInTransaction": {postgres.WithPollInterval(noPoll), postgres.WithNotifyInTransaction()},
}

// twoProcesses returns two stores on one database with pools of their own,
// as two registry processes would have.
func twoProcesses(t *testing.T, opts ...postgres.Option) (reader, writer *postgres.Store) {
	t.Helper()
	url := pgtest.New(t)
	open := func() *postgres.Store {
		pool, err := pgxpool.New(context.Background(), url)
		if err != nil {
			t.Fatalf("pool: %v", err)
		}
		t.Cleanup(pool.Close)
		s := postgres.New(pool, opts...)
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open()
}

// TestSubscribe_WokenByAppendMulti: with polling off, a multi-stream append
// wakes the subscriptions of another process (one NOTIFY, in the
// transaction or after the commit) and those of its own.
func TestSubscribe_WokenByAppendMulti(t *testing.T) {
	for name, opts := range notifyModes {
		t.Run(name, func(t *testing.T) {
			reader, writer := twoProcesses(t, opts...)
			remote := subscribe(t, reader, eventstore.Start)
			local := subscribe(t, writer, eventstore.Start)
			time.Sleep(200 * time.Millisecond) // let the LISTEN take effect
			for i := range 3 {
				res, err := writer.AppendMulti(t.Context(),
					eventstore.StreamAppend{Stream: "multi-a", Expected: eventstore.Any(), Events: []eventstore.EventData{event("a")}},
					eventstore.StreamAppend{Stream: "multi-b", Expected: eventstore.Any(), Events: []eventstore.EventData{event("b")}})
				if err != nil {
					t.Fatalf("AppendMulti: %v", err)
				}
				for _, sub := range []eventstore.Subscription{remote, local} {
					for part := range 2 {
						if ev := next(t, sub, 5*time.Second); ev.Position != res[part].Position {
							t.Fatalf("round %d part %d: event at %s, want %s", i, part, ev.Position, res[part].Position)
						}
					}
				}
			}
		})
	}
}

// TestSubscribe_WokenByOtherProcess checks the LISTEN/NOTIFY path: with
// polling off, an append in another process still reaches a subscriber.
func TestSubscribe_WokenByOtherProcess(t *testing.T) {
	for name, opts := range notifyModes {
		t.Run(name, func(t *testing.T) {
			reader, writer := twoProcesses(t, opts...)
			sub := subscribe(t, reader, eventstore.Start)
			time.Sleep(200 * time.Millisecond) // let the LISTEN take effect
			for i := range 3 {
				res, err := writer.Append(t.Context(), "remote", eventstore.Any(), event("remote"))
				if err != nil {
					t.Fatalf("Append: %v", err)
				}
				if ev := next(t, sub, 5*time.Second); ev.Position != res.Position {
					t.Fatalf("event %d at %s, want %s", i, ev.Position, res.Position)
				}
			}
		})
	}
}

// TestSubscribe_WokenByAppendTx: AppendTx cannot wake local subscriptions
// after the caller's commit, so its NOTIFY must reach its own process.
func TestSubscribe_WokenByAppendTx(t *testing.T) {
	pool := pgtest.Pool(t)
	s := postgres.New(pool, postgres.WithPollInterval(noPoll))
	t.Cleanup(func() { s.Close() })
	sub := subscribe(t, s, eventstore.Start)
	time.Sleep(200 * time.Millisecond)
	tx, err := pool.Begin(t.Context())
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	res, err := s.AppendTx(t.Context(), tx, "in-tx", eventstore.NoStream(), event("x"))
	if err != nil {
		t.Fatalf("AppendTx: %v", err)
	}
	if err := tx.Commit(t.Context()); err != nil {
		t.Fatalf("commit: %v", err)
	}
	if ev := next(t, sub, 5*time.Second); ev.Position != res.Position {
		t.Fatalf("event at %s, want %s", ev.Position, res.Position)
	}
}

// TestSubscribe_RetriesWhileOlderTransactionOpen: a subscriber woken by a
// commit that is not yet below xmin (an older transaction is open) must try
// again shortly, not wait for the next poll.
func TestSubscribe_RetriesWhileOlderTransactionOpen(t *testing.T) {
	pool := pgtest.Pool(t)
	s := postgres.New(pool, postgres.WithPollInterval(noPoll))
	t.Cleanup(func() { s.Close() })
	sub := subscribe(t, s, eventstore.Start)

	older, err := pool.Begin(t.Context())
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer older.Rollback(t.Context()) //nolint:errcheck // no-op after commit
	if _, err := older.Exec(t.Context(), `SELECT pg_current_xact_id()`); err != nil {
		t.Fatalf("take an xid: %v", err)
	}
	res, err := s.Append(t.Context(), "held-back", eventstore.NoStream(), event("x"))
	if err != nil {
		t.Fatalf("Append: %v", err)
	}
	quiet(t, sub, 30*time.Millisecond)
	if err := older.Commit(t.Context()); err != nil {
		t.Fatalf("commit: %v", err)
	}
	if ev := next(t, sub, 2*time.Second); ev.Position != res.Position {
		t.Fatalf("event at %s, want %s", ev.Position, res.Position)
	}
}

// TestAppend_UniqueViolationIsConflict: a unique violation on the stream key
// (here provoked by a row written behind the store's back) is reported as
// the contract's conflict, never as a raw driver error.
func TestAppend_UniqueViolationIsConflict(t *testing.T) {
	pool := pgtest.Pool(t)
	s := postgres.New(pool)
	if _, err := pool.Exec(t.Context(), `INSERT INTO events (stream_id, revision, event_id, event_type, schema_version, data, metadata)
		VALUES ('sneaky', 0, gen_random_uuid(), 't', 1, '{}', '{}')`); err != nil {
		t.Fatalf("insert: %v", err)
	}
	_, err := s.Append(t.Context(), "sneaky", eventstore.NoStream(), event("x"))
	if !errors.Is(err, eventstore.ErrWrongExpectedRevision) || !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("err = %v, want ErrWrongExpectedRevision", err)
	}
}

// TestAppend_DriverErrorIsNoConflict: a failure of the database is not a
// conflict, so callers do not retry a command that never ran.
func TestAppend_DriverErrorIsNoConflict(t *testing.T) {
	pool := pgtest.Pool(t)
	s := postgres.New(pool)
	if _, err := pool.Exec(t.Context(), `ALTER TABLE events ADD CONSTRAINT no_big CHECK (schema_version < 5)`); err != nil {
		t.Fatalf("alter: %v", err)
	}
	ev := event("x")
	ev.SchemaVersion = 9
	_, err := s.Append(t.Context(), "checked", eventstore.NoStream(), ev)
	if err == nil || errors.Is(err, domain.ErrConflict) {
		t.Fatalf("err = %v, want a plain error", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Append(ctx, "cancelled", eventstore.NoStream(), event("x")); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
