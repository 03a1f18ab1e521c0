package projections

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Horizon is the oldest transaction running on the PostgreSQL server. The
// PostgreSQL event log is read only below it (DESIGN.md rule 2: events are
// read in commit order, below the oldest transaction id still running), so
// the events committed after it began wait until it ends, whichever
// database of the server it runs in. When a write waits for the read
// models in vain, this is the first suspect.
type Horizon struct {
	Database string
	PID      int // 0 for a prepared transaction
	Age      time.Duration
	State    string
	Query    string
}

func (h Horizon) String() string {
	return fmt.Sprintf("database %q, pid %d, open %s, %s: %q", h.Database, h.PID, h.Age.Round(time.Millisecond), h.State, h.Query)
}

// OldestTransaction returns the transaction with the oldest transaction id
// running on the server of pool, other than the caller's own, and false
// when none holds one. Without the pg_read_all_stats role PostgreSQL hides
// the transactions of other roles.
func OldestTransaction(ctx context.Context, pool *pgxpool.Pool) (Horizon, bool, error) {
	var (
		h   Horizon
		age float64
	)
	err := pool.QueryRow(ctx, `SELECT d, pid, age, state, query FROM (
			SELECT coalesce(datname, '') AS d, pid, extract(epoch FROM now() - xact_start)::float8 AS age,
				coalesce(state, '') AS state, left(coalesce(query, ''), 200) AS query, backend_xid AS xid
			FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
			UNION ALL
			SELECT database, 0, extract(epoch FROM now() - prepared)::float8, 'prepared', gid, transaction
			FROM pg_prepared_xacts) t
		ORDER BY age(xid) DESC LIMIT 1`).Scan(&h.Database, &h.PID, &age, &h.State, &h.Query)
	if errors.Is(err, pgx.ErrNoRows) {
		return Horizon{}, false, nil
	}
	h.Age = time.Duration(age * float64(time.Second))
	return h, err == nil, err
}

// lagError is the error of a wait that ended before the projections got
// there, with the oldest transaction on the server when the waiter can
// tell it.
func (w *Waiter) lagError(ctx context.Context) error {
	err := ctx.Err()
	if w.pool == nil || !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	if h, ok, herr := OldestTransaction(lctx, w.pool); herr == nil && ok {
		return fmt.Errorf("%w (oldest running transaction: %s)", err, h)
	}
	return err
}
