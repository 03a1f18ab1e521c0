package projections

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Tx is the transaction a projection writes in. Exec queues statements and
// sends them in one round trip when the projection next reads or the batch
// commits, which is what makes catch-up fast; Query and QueryRow see every
// write queued before them.
type Tx struct {
	tx    querier
	batch *pgx.Batch
}

// querier is what Tx needs of the transaction: a pgx.Tx, or a pooled
// connection inside a transaction it began itself.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// Exec queues a statement. Its error, if any, fails the whole batch.
func (t *Tx) Exec(sql string, args ...any) {
	t.batch.Queue(sql, args...)
}

// Query runs a query after sending the queued statements.
func (t *Tx) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	return t.tx.Query(ctx, sql, args...)
}

// QueryRow runs a single-row query after sending the queued statements.
func (t *Tx) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	if err := t.flush(ctx); err != nil {
		return errRow{err}
	}
	return t.tx.QueryRow(ctx, sql, args...)
}

func (t *Tx) flush(ctx context.Context) error {
	if t.batch.Len() == 0 {
		return nil
	}
	b := t.batch
	t.batch = &pgx.Batch{}
	if err := t.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("projection writes: %w", err)
	}
	return nil
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// flushIfLarge bounds the statements held in memory during a big catch-up.
func (t *Tx) flushIfLarge(ctx context.Context) error {
	if t.batch.Len() < 1000 {
		return nil
	}
	return t.flush(ctx)
}
