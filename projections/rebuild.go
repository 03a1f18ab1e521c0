package projections

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Rebuild replays the whole log into a fresh copy of projection name's
// schema while the live projection keeps serving, then swaps the copy in:
// the final catch-up, the schema swap and the checkpoint happen in one
// transaction that holds the live checkpoint row, so no event is lost or
// applied twice and readers see either the old or the new read model.
func (r *Runtime) Rebuild(ctx context.Context, name string) error {
	p, ok := r.projections[name]
	if !ok {
		return fmt.Errorf("no projection %q", name)
	}
	shadow := p.Schema() + "_rebuild"
	work := name + "#rebuild"
	if err := r.prepareShadow(ctx, p.Schema(), shadow, work); err != nil {
		return fmt.Errorf("rebuild %s: %w", name, err)
	}
	// Catch up outside the swap transaction, in batches, until close to the
	// live checkpoint.
	pos := eventstore.Start
	for {
		live, err := ReadCheckpoint(ctx, r.pool, name)
		if err != nil {
			return err
		}
		events, err := r.store.ReadAll(ctx, pos, r.cfg.BatchSize)
		if err != nil {
			return err
		}
		events = upTo(events, live)
		if len(events) == 0 {
			break
		}
		if err := pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
			return r.applyTx(ctx, tx, p, shadow, work, events)
		}); err != nil {
			return fmt.Errorf("rebuild %s: %w", name, err)
		}
		pos = events[len(events)-1].Position
	}
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		var live eventstore.Position
		if err := tx.QueryRow(ctx, `SELECT commit_pos, prepare_pos FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, name).
			Scan(&live.Commit, &live.Prepare); err != nil {
			return err
		}
		for pos.Less(live) {
			events, err := r.store.ReadAll(ctx, pos, r.cfg.BatchSize)
			if err != nil {
				return err
			}
			events = upTo(events, live)
			if len(events) == 0 {
				break
			}
			if err := r.applyTx(ctx, tx, p, shadow, work, events); err != nil {
				return err
			}
			pos = events[len(events)-1].Position
		}
		old := pgx.Identifier{p.Schema() + "_old"}.Sanitize()
		_, err := tx.Exec(ctx, fmt.Sprintf(`DROP SCHEMA IF EXISTS %[1]s CASCADE;
			ALTER SCHEMA %[2]s RENAME TO %[1]s;
			ALTER SCHEMA %[3]s RENAME TO %[2]s;
			DROP SCHEMA %[1]s CASCADE;
			SET LOCAL search_path TO public`,
			old, pgx.Identifier{p.Schema()}.Sanitize(), pgx.Identifier{shadow}.Sanitize()), pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM projection_checkpoints WHERE name = $1`, work)
		return err
	})
}

// prepareShadow creates an empty copy of every table of schema (columns,
// defaults, indexes, constraints) in shadow and resets the work checkpoint.
func (r *Runtime) prepareShadow(ctx context.Context, schema, shadow, work string) error {
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, schema)
		if err != nil {
			return err
		}
		tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		sql := fmt.Sprintf(`DROP SCHEMA IF EXISTS %[1]s CASCADE; CREATE SCHEMA %[1]s;`, pgx.Identifier{shadow}.Sanitize())
		for _, t := range tables {
			sql += fmt.Sprintf(` CREATE TABLE %s (LIKE %s INCLUDING ALL);`,
				pgx.Identifier{shadow, t}.Sanitize(), pgx.Identifier{schema, t}.Sanitize())
		}
		if _, err := tx.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO projection_checkpoints (name) VALUES ($1)
			ON CONFLICT (name) DO UPDATE SET commit_pos = 0, prepare_pos = 0`, work)
		return err
	})
}

// upTo keeps the events at or before limit.
func upTo(events []eventstore.RecordedEvent, limit eventstore.Position) []eventstore.RecordedEvent {
	for i, ev := range events {
		if limit.Less(ev.Position) {
			return events[:i]
		}
	}
	return events
}
