package projections

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
)

// startDurable makes this process the active instance of projection topic:
// it blocks until a session-level advisory lock keyed by the projection's
// name is held on a dedicated connection, then returns the checkpoint. The
// lock keeps standby processes idle; correctness does not depend on it,
// because every batch locks the checkpoint row and skips what is done.
func (r *Runtime) startDurable(ctx context.Context, topic string) (eventstore.Position, error) {
	if _, err := r.pool.Exec(ctx, `INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING`, topic); err != nil {
		return eventstore.Position{}, fmt.Errorf("checkpoint %s: %w", topic, err)
	}
	r.mu.Lock()
	held := r.locks[topic]
	r.mu.Unlock()
	if held == nil || held.Conn().IsClosed() || held.Ping(ctx) != nil {
		if held != nil {
			r.waiter.setActive(topic, false)
			held.Release()
		}
		conn, err := r.acquireLock(ctx, topic)
		if err != nil {
			return eventstore.Position{}, err
		}
		r.mu.Lock()
		r.locks[topic] = conn
		r.mu.Unlock()
	}
	r.waiter.setActive(topic, true)
	r.log.Info("projection active", "projection", topic)
	return ReadCheckpoint(ctx, r.pool, topic)
}

func (r *Runtime) acquireLock(ctx context.Context, topic string) (*pgxpool.Conn, error) {
	logged := false
	for {
		conn, err := r.pool.Acquire(ctx)
		if err != nil {
			return nil, err
		}
		var ok bool
		err = conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtext('zaakregister.projection'), hashtext($1))`, topic).Scan(&ok)
		if err == nil && ok {
			return conn, nil
		}
		conn.Release()
		if err != nil {
			return nil, fmt.Errorf("projection lock %s: %w", topic, err)
		}
		if !logged {
			r.log.Info("projection standby: another instance is active", "projection", topic)
			logged = true
		}
		if !sleep(ctx, r.cfg.LockInterval) {
			return nil, ctx.Err()
		}
	}
}

// releaseLocks gives up every lock this process holds.
func (r *Runtime) releaseLocks() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for name, conn := range r.locks {
		// Returning the connection with its session lock would leak the lock
		// to the next user of the connection: close it instead.
		conn.Conn().Close(context.Background()) //nolint:errcheck // closing anyway
		conn.Release()
		r.waiter.setActive(name, false)
		delete(r.locks, name)
	}
}
