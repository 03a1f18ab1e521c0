package projections

import (
	"context"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Waiter lets a write wait until projections have processed its events
// (read your writes). Projections active in this process report their
// progress directly; for one active in another process the waiter polls its
// checkpoint.
type Waiter struct {
	pool *pgxpool.Pool

	mu      sync.Mutex
	pos     map[string]eventstore.Position
	active  map[string]bool
	changed chan struct{}
}

// NewWaiter returns a waiter that polls checkpoints in pool when needed.
func NewWaiter(pool *pgxpool.Pool) *Waiter {
	return &Waiter{pool: pool, pos: map[string]eventstore.Position{}, active: map[string]bool{}, changed: make(chan struct{})}
}

func (w *Waiter) advance(name string, pos eventstore.Position) {
	w.mu.Lock()
	if w.pos[name].Less(pos) {
		w.pos[name] = pos
	}
	close(w.changed)
	w.changed = make(chan struct{})
	w.mu.Unlock()
}

func (w *Waiter) setActive(name string, active bool) {
	w.mu.Lock()
	w.active[name] = active
	w.mu.Unlock()
}

// Wait blocks until every named projection or listener has processed the
// event at pos, or ctx ends (its error is returned). Callers bound ctx.
func (w *Waiter) Wait(ctx context.Context, pos eventstore.Position, names ...string) error {
	for {
		w.mu.Lock()
		changed := w.changed
		var remote []string
		reached := true
		for _, n := range names {
			if !w.pos[n].Less(pos) {
				continue
			}
			reached = false
			if !w.active[n] {
				remote = append(remote, n)
			}
		}
		w.mu.Unlock()
		if reached {
			return nil
		}
		poll := time.Duration(0)
		if len(remote) > 0 && w.pool != nil {
			for _, n := range remote {
				if p, err := ReadCheckpoint(ctx, w.pool, n); err == nil {
					w.advance(n, p)
				}
			}
			poll = 2 * time.Millisecond
		}
		var tick <-chan time.Time
		if poll > 0 {
			t := time.NewTimer(poll)
			tick = t.C
			defer t.Stop()
		}
		select {
		case <-changed:
		case <-tick:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
