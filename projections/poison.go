package projections

import (
	"context"
	"errors"
	"net"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// isPoison tells an event the projection cannot apply (bad data, a bug)
// from trouble with the database: only the first kind is parked. An outage
// is retried for as long as it lasts, so it never skips an event.
func isPoison(err error) bool {
	var ae *applyError
	if !errors.As(err, &ae) {
		return false
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
		return false
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code[:2] {
		case "08", "53", "57", "58", "40": // connection, resources, operator, system, rollback
			return false
		}
	}
	var connErr *pgconn.ConnectError
	return !errors.As(err, &connErr)
}

// poisonSink is the watermill publisher of the poison middleware: it records
// the failing event of a message in projection_poison, moves the checkpoint
// past it, and applies the rest of the message's batch.
type poisonSink struct{ r *Runtime }

var _ message.Publisher = poisonSink{}

func (s poisonSink) Publish(_ string, msgs ...*message.Message) error {
	for _, msg := range msgs {
		name := msg.Metadata.Get(middleware.PoisonedHandlerKey)
		reason := msg.Metadata.Get(middleware.ReasonForPoisonedKey)
		p, ok := s.r.projections[name]
		if !ok {
			// A listener: the event cannot be recovered in process; it is
			// logged and the listener moves on.
			s.r.log.Error("listener skipped an event", "listener", name, "error", reason)
			continue
		}
		if err := s.park(msg.Context(), p, BatchFrom(msg), reason); err != nil {
			return err
		}
	}
	return nil
}

func (s poisonSink) park(ctx context.Context, p Projection, batch Batch, reason string) error {
	done, err := ReadCheckpoint(ctx, s.r.pool, p.Name())
	if err != nil {
		return err
	}
	for i, ev := range batch {
		if !done.Less(ev.Position) {
			continue
		}
		err := pgx.BeginFunc(ctx, s.r.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `INSERT INTO projection_poison
				(name, stream_id, revision, commit_pos, prepare_pos, event_type, error) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
				p.Name(), ev.StreamID, ev.Revision, ev.Position.Commit, ev.Position.Prepare, ev.Type, reason); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `UPDATE projection_checkpoints SET commit_pos = $2, prepare_pos = $3, updated_at = now() WHERE name = $1`,
				p.Name(), ev.Position.Commit, ev.Position.Prepare)
			return err
		})
		if err != nil {
			return err
		}
		s.r.log.Error("projection parked a poison event", "projection", p.Name(), "stream", ev.StreamID,
			"revision", ev.Revision, "type", ev.Type, "error", reason)
		s.r.metrics.poisoned(p.Name())
		s.r.waiter.park(p.Name(), ev.Position)
		for _, rest := range batch[i+1:] {
			if err := s.r.apply(ctx, p, p.Schema(), p.Name(), Batch{rest}); err != nil {
				if !isPoison(err) {
					return err
				}
				return s.park(ctx, p, Batch{rest}, err.Error())
			}
		}
		return nil
	}
	return nil
}

// Close implements message.Publisher; the sink holds nothing of its own.
func (poisonSink) Close() error { return nil }
