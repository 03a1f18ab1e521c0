package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// querier is what an append needs of a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Append adds events to the end of stream when expected holds, in one
// statement: the streams row is inserted or bumped (and so locked) and the
// events are inserted with the revisions that follow. It returns
// eventstore.ErrWrongExpectedRevision when expected does not hold,
// eventstore.ErrStreamDeleted for a deleted stream, and a domain.ErrInvalid
// error for an event without a UUID, a type or valid JSON data. Appending no
// events only checks expected and returns the stream's last revision.
func (s *Store) Append(ctx context.Context, stream string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	res, err := s.append(ctx, s.pool, stream, expected, events, s.cfg.notifyInTx, s.from)
	if err != nil || len(events) == 0 {
		return res, err
	}
	s.hub.reach(res.Position)
	if !s.cfg.notifyInTx {
		s.notifier.signal()
	}
	return res, nil
}

// AppendTx is Append inside the caller's transaction, for code that must
// commit events together with other writes. The events become visible to
// readers when tx commits, and not before: a reader never passes them while
// tx is open, even if later transactions commit first. Subscriptions of every
// process are woken by a NOTIFY sent at commit. After an error tx is aborted
// unless the error is a conflict, a deleted stream or invalid input.
func (s *Store) AppendTx(ctx context.Context, tx pgx.Tx, stream string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	return s.append(ctx, tx, stream, expected, events, true, "")
}

// append runs the append statement on q. With notify it sends a NOTIFY at
// commit whose payload ends with from: Append, which wakes the local
// subscriptions itself, names its store there so that its listener skips the
// message; AppendTx cannot, as it does not see the commit.
func (s *Store) append(ctx context.Context, q querier, stream string, expected eventstore.ExpectedRevision, events []eventstore.EventData, notify bool, from string) (eventstore.AppendResult, error) {
	if len(events) == 0 {
		return check(ctx, q, stream, expected)
	}
	sql, args, err := s.statement(stream, expected, events, notify, from)
	if err != nil {
		return eventstore.AppendResult{}, err
	}
	res, err := scanAppend(q.QueryRow(ctx, sql, args...), notify)
	if errors.Is(err, pgx.ErrNoRows) {
		return eventstore.AppendResult{}, refusal(ctx, q, "append to", stream, expected)
	}
	if err != nil {
		return eventstore.AppendResult{}, translate("append to", stream, err)
	}
	return res, nil
}

// statement returns the append statement for events and its parameters.
func (s *Store) statement(stream string, expected eventstore.ExpectedRevision, events []eventstore.EventData, notify bool, from string) (string, []any, error) {
	args, err := appendArgs(stream, expected, events)
	if err != nil {
		return "", nil, fmt.Errorf("append to %q: %w", stream, err)
	}
	if notify {
		args = append(args, s.cfg.channel, from)
	}
	return appendStatements[kindOf(expected)][b2i(len(events) > 1)][b2i(notify)], args, nil
}

// scanAppend reads the row of an append statement: pgx.ErrNoRows when the
// expectation failed.
func scanAppend(row pgx.Row, notify bool) (eventstore.AppendResult, error) {
	var (
		res     eventstore.AppendResult
		rev     int64
		notNull bool
	)
	dest := []any{&rev, &res.Position.Commit, &res.Position.Prepare}
	if notify {
		dest = append(dest, &notNull)
	}
	if err := row.Scan(dest...); err != nil {
		return eventstore.AppendResult{}, err
	}
	res.Revision = uint64(rev)
	return res, nil
}

// appendArgs validates events and lays them out as the statement's
// parameters: one value per column for a single event, one array per column
// for a batch.
func appendArgs(stream string, expected eventstore.ExpectedRevision, events []eventstore.EventData) ([]any, error) {
	ids := make([]pgtype.UUID, len(events)) // not uuid.UUID: its driver.Valuer makes pgx encode it as text
	types := make([]string, len(events))
	versions := make([]int32, len(events))
	data := make([]string, len(events))
	meta := make([]string, len(events))
	for i, ev := range events {
		id, err := uuid.Parse(ev.ID)
		if err != nil {
			return nil, domain.Invalid(field(i, "id"), "invalid", "event id is not a UUID")
		}
		if ev.Type == "" {
			return nil, domain.Invalid(field(i, "type"), "required", "event type is empty")
		}
		if !json.Valid(ev.Data) {
			return nil, domain.Invalid(field(i, "data"), "invalid", "event data is not valid JSON")
		}
		m, err := json.Marshal(ev.Metadata)
		if err != nil {
			return nil, fmt.Errorf("event %d metadata: %w", i, err)
		}
		ids[i] = pgtype.UUID{Bytes: id, Valid: true}
		types[i], versions[i], data[i], meta[i] = ev.Type, int32(ev.SchemaVersion), string(ev.Data), string(m)
	}
	args := []any{stream, int64(len(events))}
	if len(events) == 1 {
		args = append(args, ids[0], types[0], versions[0], data[0], meta[0])
	} else {
		args = append(args, ids, types, versions, data, meta)
	}
	if r, ok := expected.Revision(); ok {
		args = append(args, int64(r))
	}
	return args, nil
}

func field(i int, name string) string { return "events." + strconv.Itoa(i) + "." + name }

// streamState reads the streams row; found is false when there is none.
func streamState(ctx context.Context, q querier, stream string) (rev int64, deleted, found bool, err error) {
	err = q.QueryRow(ctx, `SELECT revision, deleted FROM streams WHERE stream_id = $1`, stream).Scan(&rev, &deleted)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, false, nil
	}
	return rev, deleted, err == nil, err
}

// refusal explains why an append or a delete changed nothing.
func refusal(ctx context.Context, q querier, op, stream string, expected eventstore.ExpectedRevision) error {
	rev, deleted, found, err := streamState(ctx, q, stream)
	if err != nil {
		return fmt.Errorf("%s %q: read stream state: %w", op, stream, err)
	}
	return refused(op, stream, expected, rev, deleted, found)
}

// refused explains why expected fails on a stream in the given state.
func refused(op, stream string, expected eventstore.ExpectedRevision, rev int64, deleted, found bool) error {
	switch {
	case deleted:
		return fmt.Errorf("%s %q: %w", op, stream, eventstore.ErrStreamDeleted)
	case !found:
		return fmt.Errorf("%s %q: expected %s, stream has no events: %w", op, stream, expected, eventstore.ErrWrongExpectedRevision)
	}
	return fmt.Errorf("%s %q: expected %s, stream is at revision %d: %w", op, stream, expected, rev, eventstore.ErrWrongExpectedRevision)
}

// check is an append without events: it only tests expected.
func check(ctx context.Context, q querier, stream string, expected eventstore.ExpectedRevision) (eventstore.AppendResult, error) {
	rev, deleted, found, err := streamState(ctx, q, stream)
	if err != nil {
		return eventstore.AppendResult{}, fmt.Errorf("append to %q: read stream state: %w", stream, err)
	}
	return checked(stream, expected, rev, deleted, found)
}

// checked is the outcome of an append without events to a stream in the
// given state.
func checked(stream string, expected eventstore.ExpectedRevision, rev int64, deleted, found bool) (eventstore.AppendResult, error) {
	if deleted || !expected.Check(uint64(max(rev, 0)), found) {
		return eventstore.AppendResult{}, refused("append to", stream, expected, rev, deleted, found)
	}
	return eventstore.AppendResult{Revision: uint64(max(rev, 0))}, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
