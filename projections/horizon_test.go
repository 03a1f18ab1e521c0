package projections_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/pgtest"
	"github.com/zaakregister/zaakregister/projections"
)

// holdTransaction opens a transaction with a transaction id on its own
// connection until the test ends, and returns its backend's pid.
func holdTransaction(t *testing.T) int {
	t.Helper()
	ctx := context.Background()
	tx, err := pgtest.Pool(t).Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback(ctx) }) //nolint:errcheck // only held open
	var (
		pid int
		xid string
	)
	if err := tx.QueryRow(ctx, `SELECT pg_backend_pid(), pg_current_xact_id()::text`).Scan(&pid, &xid); err != nil {
		t.Fatal(err)
	}
	return pid
}

// TestOldestTransaction: a transaction left open is found, or one older
// than it (other tests share the server).
func TestOldestTransaction(t *testing.T) {
	f := newFixture(t)
	pid := holdTransaction(t)
	time.Sleep(100 * time.Millisecond)
	h, ok, err := projections.OldestTransaction(context.Background(), f.pool)
	if err != nil || !ok {
		t.Fatalf("OldestTransaction = %v, %v, %v; want the open transaction", h, ok, err)
	}
	if h.PID != pid && h.Age < 100*time.Millisecond {
		t.Fatalf("oldest transaction %s; want pid %d or an older one", h, pid)
	}
}

// TestWaiter_TimeoutNamesOldestTransaction: a wait that ends before the
// projections got there tells which transaction holds the log back.
func TestWaiter_TimeoutNamesOldestTransaction(t *testing.T) {
	f := newFixture(t)
	holdTransaction(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := projections.NewWaiter(f.pool).Wait(ctx, eventstore.Position{Commit: 1 << 40}, "autorisaties")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "oldest running transaction: database") {
		t.Fatalf("Wait = %v; want the deadline with the oldest running transaction", err)
	}
}
