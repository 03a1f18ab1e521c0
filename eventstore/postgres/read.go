package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

const eventColumns = `seq, tx_id, stream_id, revision, event_id, event_type, schema_version, data, metadata`

// ReadStream returns up to limit events of stream from revision from
// (inclusive), oldest first; limit <= 0 means no limit. It reads committed
// events directly: the row lock of the append orders a stream's revisions,
// so no commit-order care is needed. A stream without events, or a deleted
// one, gives eventstore.ErrStreamNotFound; reading past the end of an
// existing stream gives no events and no error.
func (s *Store) ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+` FROM events
		WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
		stream, clampRevision(from), sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("read stream %q: %w", stream, err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, fmt.Errorf("read stream %q: %w", stream, err)
	}
	if len(events) > 0 {
		return events, nil
	}
	_, deleted, found, err := streamState(ctx, s.pool, stream)
	switch {
	case err != nil:
		return nil, fmt.Errorf("read stream %q: %w", stream, err)
	case !found || deleted:
		return nil, fmt.Errorf("read stream %q: %w", stream, eventstore.ErrStreamNotFound)
	}
	return events, nil
}

// ReadAll returns up to limit events that come after position after, in
// commit order; limit <= 0 means no limit. Only events of transactions older
// than every transaction still running are returned, so a later call never
// finds an event before one it already returned: a transaction that is still
// open holds back the events committed after it started, until it ends. That
// holds for write transactions on any database of the server (xids are
// server-wide), so an event may show up a few milliseconds after its Append
// returned.
func (s *Store) ReadAll(ctx context.Context, after eventstore.Position, limit int) ([]eventstore.RecordedEvent, error) {
	// The row comparison is one index condition on events_log.
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+` FROM events
		WHERE (tx_id, seq) > ($1::xid8, $2::bigint)
		AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
		ORDER BY tx_id, seq LIMIT $3`,
		after.Commit, clampRevision(after.Prepare), sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("read all after %s: %w", after, err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, fmt.Errorf("read all after %s: %w", after, err)
	}
	return events, nil
}

func scanEvents(rows pgx.Rows) ([]eventstore.RecordedEvent, error) {
	defer rows.Close()
	// Grown as rows come: a live subscription's read usually finds one
	// event, and a slice sized for the page would be garbage at once.
	var events []eventstore.RecordedEvent
	var (
		rev  int64
		id   pgtype.UUID
		meta []byte
	)
	for rows.Next() {
		var ev eventstore.RecordedEvent
		var data []byte
		if err := rows.Scan(&ev.Position.Prepare, &ev.Position.Commit, &ev.StreamID, &rev, &id,
			&ev.Type, &ev.SchemaVersion, &data, &meta); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(meta, &ev.Metadata); err != nil {
			return nil, fmt.Errorf("event %s/%d metadata: %w", ev.StreamID, rev, err)
		}
		ev.Revision = uint64(rev)
		ev.ID = uuid.UUID(id.Bytes).String()
		ev.Data = data
		events = append(events, ev)
	}
	return events, rows.Err()
}

// sqlLimit maps "no limit" to a LIMIT that never bites.
func sqlLimit(limit int) int64 {
	if limit <= 0 {
		return math.MaxInt64
	}
	return int64(limit)
}

// clampRevision keeps an unsigned value inside bigint.
func clampRevision(v uint64) int64 {
	if v > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(v)
}

// Delete removes stream when expected holds: its events are deleted and its
// streams row stays as a tombstone, so that later appends fail with
// eventstore.ErrStreamDeleted and ReadStream gives
// eventstore.ErrStreamNotFound. Deleting a stream that has no events, with
// Any or NoStream, leaves a tombstone too. It returns
// eventstore.ErrWrongExpectedRevision when expected does not hold and
// eventstore.ErrStreamDeleted when the stream is already deleted.
func (s *Store) Delete(ctx context.Context, stream string, expected eventstore.ExpectedRevision) error {
	// Separate statements, not one CTE: the DELETE must run with a snapshot
	// taken after the row lock, or it would miss events committed just
	// before the lock was granted.
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rev, deleted, found, err := lockStream(ctx, tx, stream)
		if err != nil {
			return err
		}
		if !found {
			if !expected.Check(0, false) {
				return refusal(ctx, tx, "delete", stream, expected)
			}
			tag, err := tx.Exec(ctx, `INSERT INTO streams (stream_id, revision, deleted) VALUES ($1, -1, true)
				ON CONFLICT (stream_id) DO NOTHING`, stream)
			if err != nil || tag.RowsAffected() == 1 {
				return err
			}
			// A first append won the race: judge the stream it created.
			if rev, deleted, _, err = lockStream(ctx, tx, stream); err != nil {
				return err
			}
		}
		switch {
		case deleted:
			return fmt.Errorf("delete %q: %w", stream, eventstore.ErrStreamDeleted)
		case !expected.Check(uint64(max(rev, 0)), true):
			return refusal(ctx, tx, "delete", stream, expected)
		}
		if _, err := tx.Exec(ctx, `UPDATE streams SET deleted = true WHERE stream_id = $1`, stream); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM events WHERE stream_id = $1`, stream)
		return err
	})
	var refused *domain.Error
	if errors.As(err, &refused) {
		return err
	}
	if err != nil {
		return translate("delete", stream, err)
	}
	return nil
}

// lockStream reads the streams row under a row lock, so that no append to
// the stream commits until the delete does.
func lockStream(ctx context.Context, tx pgx.Tx, stream string) (rev int64, deleted, found bool, err error) {
	err = tx.QueryRow(ctx, `SELECT revision, deleted FROM streams WHERE stream_id = $1 FOR UPDATE`, stream).Scan(&rev, &deleted)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, false, nil
	}
	return rev, deleted, err == nil, err
}
