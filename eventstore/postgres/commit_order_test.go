package postgres_test

import (
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

// TestReadAll_OutOfOrderCommit is the PostgreSQL side of the contract that a
// reader never skips an event: transaction A takes the lower transaction id,
// transaction B commits first, and no reader may deliver B before A commits,
// because a reader that had passed B would never come back for A.
func TestReadAll_OutOfOrderCommit(t *testing.T) {
	cases := []struct {
		name          string
		appendBeforeB bool // A inserts before B (lower seq too) or after (higher seq)
	}{
		{"AInsertsFirst", true},
		{"AInsertsAfterBCommits", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pool := pgtest.Pool(t)
			s := postgres.New(pool, postgres.WithPollInterval(50*time.Millisecond))
			t.Cleanup(func() { s.Close() })
			ctx := t.Context()

			early, err := s.Append(ctx, "order-0", eventstore.NoStream(), event("before both"))
			if err != nil {
				t.Fatalf("Append: %v", err)
			}
			sub := subscribe(t, s, eventstore.Start)
			if ev := next(t, sub, 5*time.Second); ev.Position != early.Position {
				t.Fatalf("first event at %s, want %s", ev.Position, early.Position)
			}

			txA, err := pool.Begin(ctx)
			if err != nil {
				t.Fatalf("begin A: %v", err)
			}
			defer txA.Rollback(ctx) //nolint:errcheck // no-op after commit
			var xidA uint64
			if err := txA.QueryRow(ctx, `SELECT pg_current_xact_id()`).Scan(&xidA); err != nil {
				t.Fatalf("xid of A: %v", err)
			}
			var resA eventstore.AppendResult
			appendA := func() {
				if resA, err = s.AppendTx(ctx, txA, "order-a", eventstore.NoStream(), event("A")); err != nil {
					t.Fatalf("AppendTx A: %v", err)
				}
			}
			if c.appendBeforeB {
				appendA()
			}
			resB, err := s.Append(ctx, "order-b", eventstore.NoStream(), event("B"))
			if err != nil {
				t.Fatalf("Append B: %v", err)
			}
			if !c.appendBeforeB {
				appendA()
			}
			if resA.Position.Commit != xidA || !resA.Position.Less(resB.Position) {
				t.Fatalf("A at %s (xid %d), B at %s: want A's transaction before B's", resA.Position, xidA, resB.Position)
			}

			// B is committed, but A is open: nobody may see B yet.
			quiet(t, sub, 300*time.Millisecond)
			if got, err := s.ReadAll(ctx, early.Position, 10); err != nil || len(got) != 0 {
				t.Fatalf("ReadAll while A is open: %d events, err %v; want none", len(got), err)
			}
			if got, err := s.ReadStream(ctx, "order-b", 0, 10); err != nil || len(got) != 1 {
				t.Fatalf("ReadStream of B: %d events, err %v; a committed stream reads at once", len(got), err)
			}

			if err := txA.Commit(ctx); err != nil {
				t.Fatalf("commit A: %v", err)
			}
			if ev := next(t, sub, 5*time.Second); ev.Position != resA.Position {
				t.Fatalf("after A commits the subscription gives %s first, want A at %s", ev.Position, resA.Position)
			}
			if ev := next(t, sub, 5*time.Second); ev.Position != resB.Position {
				t.Fatalf("then %s, want B at %s", ev.Position, resB.Position)
			}
			// Other transactions on the server may hold the log back a moment.
			var got []eventstore.RecordedEvent
			for deadline := time.Now().Add(5 * time.Second); len(got) < 2 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
				if got, err = s.ReadAll(ctx, early.Position, 10); err != nil {
					t.Fatalf("ReadAll: %v", err)
				}
			}
			if len(got) != 2 || got[0].Position != resA.Position || got[1].Position != resB.Position {
				t.Fatalf("ReadAll after A commits: %d events; want A then B", len(got))
			}
		})
	}
}

// TestAppendTx_Rollback leaves no trace: no event, no stream.
func TestAppendTx_Rollback(t *testing.T) {
	pool := pgtest.Pool(t)
	s := postgres.New(pool)
	ctx := t.Context()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	if _, err := s.AppendTx(ctx, tx, "rolled-back", eventstore.NoStream(), event("x")); err != nil {
		t.Fatalf("AppendTx: %v", err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatalf("rollback: %v", err)
	}
	if got, _ := s.ReadAll(ctx, eventstore.Start, 10); len(got) != 0 {
		t.Fatalf("ReadAll after rollback: %d events", len(got))
	}
	if _, err := s.Append(ctx, "rolled-back", eventstore.NoStream(), event("y")); err != nil {
		t.Fatalf("Append(NoStream) after rollback: %v", err)
	}
}
