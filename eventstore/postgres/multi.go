package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

var _ eventstore.MultiAppender = (*Store)(nil)

// lockStreams takes the append lock of every stream of a multi-stream
// append, in one sorted order (so that two of them cannot deadlock), before
// the transaction writes anything: its transaction id, which orders the
// log, is then assigned after it holds all of them, as with Append (see
// streamLockCTE). The subquery sorts before the locks are taken.
const lockStreams = `SELECT count(pg_advisory_xact_lock(hashtextextended(s, 7265)))
	FROM (SELECT DISTINCT s FROM unnest($1::text[]) AS s ORDER BY s) AS sorted`

// AppendMulti appends parts in one transaction, in two round trips: the
// first sends BEGIN, the locks and every part's append statement at once;
// the second commits when every part's expectation held, and rolls back
// otherwise. A part without events reads its stream's state under the lock
// and only checks it. Naming a stream in two parts is invalid input.
func (s *Store) AppendMulti(ctx context.Context, parts ...eventstore.StreamAppend) (_ []eventstore.AppendResult, err error) {
	if len(parts) == 0 {
		return nil, nil
	}
	streams := make([]string, len(parts))
	last := -1 // the last part with events: it sends the NOTIFY in a transaction
	for i, p := range parts {
		if slices.Contains(streams[:i], p.Stream) {
			return nil, fmt.Errorf("append to %q: %w", p.Stream,
				domain.Invalid("stream", "invalid", "a multi-stream append names a stream once"))
		}
		streams[i] = p.Stream
		if len(p.Events) > 0 {
			last = i
		}
	}
	notify := s.cfg.notifyInTx
	batch := &pgx.Batch{}
	batch.Queue("BEGIN")
	batch.Queue(lockStreams, streams)
	for i, p := range parts {
		if len(p.Events) == 0 {
			batch.Queue(`SELECT revision, deleted FROM streams WHERE stream_id = $1`, p.Stream)
			continue
		}
		sql, args, err := s.statement(p.Stream, p.Expected, p.Events, notify && i == last, s.from)
		if err != nil {
			return nil, err
		}
		batch.Queue(sql, args...)
	}

	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("append to %q: %w", streams[0], err)
	}
	defer func() {
		pc := conn.Conn().PgConn()
		if !pc.IsClosed() && pc.TxStatus() != 'I' {
			if _, rerr := pc.Exec(context.WithoutCancel(ctx), "ROLLBACK").ReadAll(); rerr != nil {
				_ = pc.Close(context.WithoutCancel(ctx))
			}
		}
		conn.Release()
	}()
	results, refusedAt, err := readMulti(conn.Conn().SendBatch(ctx, batch), parts, notify, last)
	if err != nil {
		return nil, err
	}
	if refusedAt >= 0 {
		p := parts[refusedAt]
		if len(p.Events) == 0 {
			_, err := check(ctx, conn, p.Stream, p.Expected)
			return nil, err
		}
		return nil, refusal(ctx, conn, "append to", p.Stream, p.Expected)
	}
	if _, err := conn.Exec(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("append to %q: commit: %w", streams[0], err)
	}
	if last >= 0 {
		s.hub.reach(results[last].Position)
		if !notify {
			s.notifier.signal()
		}
	}
	return results, nil
}

// readMulti reads the answers to AppendMulti's first round trip: the
// results of the parts, or the index of the first part whose expectation
// failed.
func readMulti(br pgx.BatchResults, parts []eventstore.StreamAppend, notify bool, last int) (_ []eventstore.AppendResult, refusedAt int, err error) {
	defer func() {
		if cerr := br.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("append to %q: %w", parts[0].Stream, cerr)
		}
	}()
	if _, err := br.Exec(); err != nil {
		return nil, -1, fmt.Errorf("append to %q: begin: %w", parts[0].Stream, err)
	}
	if _, err := br.Exec(); err != nil {
		return nil, -1, fmt.Errorf("append to %q: lock: %w", parts[0].Stream, err)
	}
	results := make([]eventstore.AppendResult, len(parts))
	refusedAt = -1
	for i, p := range parts {
		if len(p.Events) == 0 {
			var rev int64
			var deleted bool
			err := br.QueryRow().Scan(&rev, &deleted)
			found := err == nil
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return nil, -1, fmt.Errorf("append to %q: read stream state: %w", p.Stream, err)
			}
			res, cerr := checked(p.Stream, p.Expected, rev, deleted, found)
			if cerr != nil && refusedAt < 0 {
				refusedAt = i
			}
			results[i] = res
			continue
		}
		res, err := scanAppend(br.QueryRow(), notify && i == last)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			if refusedAt < 0 {
				refusedAt = i
			}
		case err != nil:
			return nil, -1, translate("append to", p.Stream, err)
		}
		results[i] = res
	}
	return results, refusedAt, nil
}
