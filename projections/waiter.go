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
	parked  map[string][]eventstore.Position // the latest maxParked per projection
	changed chan struct{}
}

// maxParked is the number of parked events per projection a waiter
// remembers, for the writes still waiting on them.
const maxParked = 256

// NewWaiter returns a waiter that polls checkpoints in pool when needed.
func NewWaiter(pool *pgxpool.Pool) *Waiter {
	return &Waiter{pool: pool, pos: map[string]eventstore.Position{}, active: map[string]bool{},
		parked: map[string][]eventstore.Position{}, changed: make(chan struct{})}
}

// ParkedError is what Wait returns when a projection of this process
// parked an event of the write waited for as poison: the event is in the
// log, but the read model does not have it.
type ParkedError struct {
	Projection string
	Position   eventstore.Position
}

func (e *ParkedError) Error() string {
	return "projection " + e.Projection + " parked the event at " + e.Position.String() + " as poison"
}

// Parked marks the error for callers that do not import this package.
func (e *ParkedError) Parked() bool { return true }

// park records that projection name parked the event at pos and moves it
// past it.
func (w *Waiter) park(name string, pos eventstore.Position) {
	w.mu.Lock()
	parked := append(w.parked[name], pos)
	w.parked[name] = parked[max(len(parked)-maxParked, 0):]
	w.mu.Unlock()
	w.advance(name, pos)
}

// parkedIn returns the error for an event of the write whose last event is
// at pos that one of names parked: one of the same commit (the write's
// transaction) at or before pos.
func (w *Waiter) parkedIn(pos eventstore.Position, names []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, n := range names {
		for _, p := range w.parked[n] {
			if p.Commit == pos.Commit && !pos.Less(p) {
				return &ParkedError{Projection: n, Position: p}
			}
		}
	}
	return nil
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
// When a projection of this process parked an event of the write as
// poison (one of the same commit, at or before pos), it returns a
// *ParkedError.
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
			return w.parkedIn(pos, names)
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
