package projections

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

type nopListener struct{}

func (nopListener) Name() string                                           { return "nop" }
func (nopListener) Handle(context.Context, eventstore.RecordedEvent) error { return nil }

// TestWaiter_ListenersAreLocal: every process runs its own listeners, so a
// write waiting for one waits in process; it must never poll a checkpoint
// (listeners have none), which under load cost a query every 2 ms per
// waiting write.
func TestWaiter_ListenersAreLocal(t *testing.T) {
	pool := pgtest.Pool(t)
	store := postgres.New(pool)
	t.Cleanup(func() { store.Close() })
	rt := New(pool, store, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, Config{})
	rt.Add(Autorisaties{})
	rt.Listen(nopListener{})
	ctx, cancel := context.WithCancel(context.Background())
	running := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- rt.Run(ctx, running) }()
	t.Cleanup(func() { cancel(); <-done })
	<-running
	rt.waiter.mu.Lock()
	active := rt.waiter.active["nop"]
	rt.waiter.mu.Unlock()
	if !active {
		t.Fatal("a listener counts as running in another process")
	}
}
