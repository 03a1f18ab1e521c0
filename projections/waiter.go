package projections

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
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

// ParkedError is what Wait returns when a projection parked an event of
// the write waited for as poison: the event is in the log, but the read
// model does not have it.
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

// parkedElsewhere is parkedIn for projections active in another process:
// their poison is recorded in projection_poison in the same transaction
// that moves their checkpoint past it, so once a checkpoint shows pos,
// the table shows what was parked on the way.
func (w *Waiter) parkedElsewhere(ctx context.Context, pos eventstore.Position, names []string) error {
	if len(names) == 0 || w.pool == nil {
		return nil
	}
	var p ParkedError
	err := w.pool.QueryRow(ctx, `SELECT name, commit_pos, prepare_pos FROM projection_poison
		WHERE name = ANY($1) AND commit_pos = $2 AND prepare_pos <= $3 ORDER BY prepare_pos LIMIT 1`,
		names, pos.Commit, pos.Prepare).Scan(&p.Projection, &p.Position.Commit, &p.Position.Prepare)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &p
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
// event at pos, or ctx ends (its error is returned, with the oldest
// transaction on the server: see Horizon). Callers bound ctx.
// When a projection parked an event of the write as poison (one of the
// same commit, at or before pos), it returns a *ParkedError: this process
// remembers what its own projections parked, and asks projection_poison
// about those active in another process.
func (w *Waiter) Wait(ctx context.Context, pos eventstore.Position, names ...string) error {
	for {
		w.mu.Lock()
		changed := w.changed
		var remote, elsewhere []string
		reached := true
		for _, n := range names {
			if !w.active[n] {
				elsewhere = append(elsewhere, n)
			}
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
			if err := w.parkedIn(pos, names); err != nil {
				return err
			}
			return w.parkedElsewhere(ctx, pos, elsewhere)
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
			return w.lagError(ctx)
		}
	}
}
