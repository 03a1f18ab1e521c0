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

// TestOldestTransaction: a transaction left open is found, or one older
// than it (other tests share the server).
func TestOldestTransaction(t *testing.T) {
	f := newFixture(t)
	pid, _ := pgtest.HoldTransaction(t, pgtest.New(t))
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
	pgtest.HoldTransaction(t, pgtest.New(t))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := projections.NewWaiter(f.pool).Wait(ctx, eventstore.Position{Commit: 1 << 40}, "autorisaties")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "oldest running transaction: database") {
		t.Fatalf("Wait = %v; want the deadline with the oldest running transaction", err)
	}
}
