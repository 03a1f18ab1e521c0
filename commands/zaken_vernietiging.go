package commands

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Vernietiging destroys the event history of zaken deleted longer than
// Bewaartermijn ago (docs/retention.md): for each, a ZaakVernietigd record
// in zaken.vernietigingen, then the delete of the zaak's stream.
//
// It is safe to run in several processes at once, and after a crash. A
// record is appended at the revision of zaken.vernietigingen read just
// after the previous record's stream was seen deleted, so only the last
// record of that stream can have an unfinished delete; every run first
// finishes that one. A zaak is judged again from its stream after every
// lost append, so it never gets a second record.
type Vernietiging struct {
	Base
	// Pool holds the read model (zrc.verwijderde_zaken, zrc.vernietigingen)
	// and the advisory lock that keeps one purge running at a time.
	Pool          *pgxpool.Pool
	Bewaartermijn time.Duration
}

// vernietigingLock is the key of the session advisory lock Run holds.
const vernietigingLock = "zaakregister.zaken.vernietiging"

// maxPogingen bounds how often one zaak is judged again after another
// process appended a record first.
const maxPogingen = 10

// ErrVernietigingBezig is what Run returns, having done nothing, while
// another process is purging.
var ErrVernietigingBezig = domain.Conflict("vernietiging-bezig",
	"another process is destroying the event history of deleted zaken; try again later")

// Run destroys what is due and returns how many zaken it destroyed (a
// destruction a crashed run left unfinished, completed now, included).
// While another process is purging it returns ErrVernietigingBezig. It
// waits (bounded) until the zaken projection has the records.
func (v *Vernietiging) Run(ctx context.Context) (int, error) {
	// The lock lives on a connection of its own, outside the pool: the
	// projections hold pool connections for their locks already, and the
	// purge needs the pool for its work. Closing it releases the lock.
	conn, err := pgx.ConnectConfig(ctx, v.Pool.Config().ConnConfig.Copy())
	if err != nil {
		return 0, fmt.Errorf("vernietiging: lock connection: %w", err)
	}
	defer conn.Close(context.Background()) //nolint:errcheck // closing anyway
	var locked bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtext($1))`, vernietigingLock).Scan(&locked); err != nil {
		return 0, fmt.Errorf("vernietiging: lock: %w", err)
	}
	if !locked {
		return 0, ErrVernietigingBezig
	}
	return v.run(ctx)
}

// records is where the purge is in zaken.vernietigingen.
type records struct {
	expected eventstore.ExpectedRevision // of the next append
	next     uint64                      // revision to read from
}

// run is Run without the lock: correct on its own under concurrency.
func (v *Vernietiging) run(ctx context.Context) (int, error) {
	var rec records
	finished, err := v.readRecords(ctx, &rec, true)
	if err != nil {
		return 0, err
	}
	n := 0
	if finished {
		n++
	}
	due, err := v.due(ctx)
	if err != nil {
		return n, err
	}
	var pos eventstore.Position
	for _, zaak := range due {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		done, p, err := v.destroy(ctx, &rec, zaak)
		if err != nil {
			return n, err
		}
		if done {
			n, pos = n+1, p
		}
	}
	if n > 0 {
		return n, v.await(ctx, pos, "zaken")
	}
	return n, nil
}

// due returns the zaken the read model lists as deleted before the term.
// The list may lag behind the log; destroy judges each from its stream.
func (v *Vernietiging) due(ctx context.Context) ([]string, error) {
	cutoff := v.Clock.Now().Add(-v.Bewaartermijn)
	rows, err := v.Pool.Query(ctx, `SELECT uuid::text FROM zrc.verwijderde_zaken
		WHERE verwijderd_op <= $1 ORDER BY verwijderd_op, uuid`, cutoff)
	if err != nil {
		return nil, fmt.Errorf("vernietiging: work list: %w", err)
	}
	due, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("vernietiging: work list: %w", err)
	}
	return due, nil
}

// readRecords reads zaken.vernietigingen from rec.next to its end (from the
// read model's last record on the first call: a hint only, the log decides)
// and finishes the delete of its last record; it reports whether that
// delete was still to be done.
func (v *Vernietiging) readRecords(ctx context.Context, rec *records, first bool) (bool, error) {
	if first {
		var hint *int64
		if err := v.Pool.QueryRow(ctx, `SELECT max(record_revisie) FROM zrc.vernietigingen`).Scan(&hint); err != nil {
			return false, fmt.Errorf("vernietiging: records: %w", err)
		}
		*rec = records{expected: eventstore.NoStream()}
		if hint != nil {
			rec.next = uint64(*hint)
		}
	}
	var last *eventstore.RecordedEvent
	for {
		events, err := v.Store.ReadStream(ctx, zaken.VernietigingenStream, rec.next, 1000)
		if errors.Is(err, eventstore.ErrStreamNotFound) {
			break
		}
		if err != nil {
			return false, fmt.Errorf("vernietiging: records: %w", err)
		}
		if len(events) == 0 && first && last == nil && rec.next > 0 {
			rec.next = 0 // the hint was wrong: read the stream from its start
			continue
		}
		if len(events) == 0 {
			break
		}
		last = &events[len(events)-1]
		rec.expected, rec.next = eventstore.Exact(last.Revision), last.Revision+1
	}
	if last == nil {
		return false, nil
	}
	e, err := zaken.Decode(last.Type, last.Data)
	if err != nil {
		return false, err
	}
	record, ok := e.(zaken.ZaakVernietigd)
	if !ok {
		return false, fmt.Errorf("vernietiging: %s in %s", last.Type, zaken.VernietigingenStream)
	}
	deleted, err := v.deleteStream(ctx, record)
	if deleted {
		v.Log.Warn("vernietiging: finished the destruction an earlier run left unfinished", "zaak", record.Zaak)
	}
	return deleted, err
}

// destroy destroys the history of zaak when it is due and returns whether
// it did, with the record's position.
func (v *Vernietiging) destroy(ctx context.Context, rec *records, zaak string) (bool, eventstore.Position, error) {
	meta := eventstore.Metadata{ClientID: "zaakregister", UserRepresentation: "bewaarbeleid",
		Toelichting: "Bewaartermijn van de event-geschiedenis verstreken (docs/retention.md)"}
	for range maxPogingen {
		history, err := v.history(ctx, zaak)
		if errors.Is(err, eventstore.ErrStreamNotFound) {
			return false, eventstore.Position{}, nil // destroyed already
		}
		if err != nil {
			return false, eventstore.Position{}, err
		}
		record, err := zaken.Vernietig(zaak, history, v.Clock.Now(), v.Bewaartermijn)
		switch {
		case errors.Is(err, zaken.ErrBewaartermijnLoopt):
			return false, eventstore.Position{}, nil
		case errors.Is(err, zaken.ErrNietVerwijderd):
			v.Log.Error("vernietiging: skipped a zaak on the work list that is not deleted", "zaak", zaak, "error", err)
			return false, eventstore.Position{}, nil
		case err != nil:
			return false, eventstore.Position{}, fmt.Errorf("vernietiging: zaak %s: %w", zaak, err)
		}
		res, err := v.append(ctx, meta, zaken.VernietigingenStream, rec.expected, []domain.Event{record})
		if errors.Is(err, eventstore.ErrWrongExpectedRevision) {
			// Another process recorded first (maybe this very zaak):
			// finish its delete, then judge the zaak again.
			if _, err := v.readRecords(ctx, rec, false); err != nil {
				return false, eventstore.Position{}, err
			}
			continue
		}
		if err != nil {
			return false, eventstore.Position{}, fmt.Errorf("vernietiging: record of zaak %s: %w", zaak, err)
		}
		rec.expected, rec.next = eventstore.Exact(res.Revision), res.Revision+1
		if _, err := v.deleteStream(ctx, record); err != nil {
			return false, eventstore.Position{}, err
		}
		v.Log.Info("vernietiging: event history of a deleted zaak destroyed", "zaak", zaak,
			"events", record.AantalEvents, "sha256", record.SHA256)
		return true, res.Position, nil
	}
	return false, eventstore.Position{}, fmt.Errorf("vernietiging: zaak %s: %d concurrent purges in a row", zaak, maxPogingen)
}

// history reads the whole stream of zaak as the record needs it.
func (v *Vernietiging) history(ctx context.Context, zaak string) ([]zaken.OpgeslagenEvent, error) {
	var out []zaken.OpgeslagenEvent
	for {
		events, err := v.Store.ReadStream(ctx, zaken.ZaakStream(zaak), uint64(len(out)), 1000)
		if err != nil {
			return nil, err
		}
		for _, ev := range events {
			out = append(out, zaken.OpgeslagenEvent{ID: ev.ID, Type: ev.Type, Revision: ev.Revision, Data: ev.Data, Tijd: ev.Metadata.Time})
		}
		if len(events) < 1000 {
			return out, nil
		}
	}
}

// deleteStream deletes the stream a record describes, at the revision the
// record names, and reports whether this call deleted it; a stream deleted
// already (by another process) is done. A stream at another revision is an
// error that stops the purge: the record would not describe what was
// destroyed.
func (v *Vernietiging) deleteStream(ctx context.Context, record zaken.ZaakVernietigd) (bool, error) {
	err := v.Store.Delete(ctx, zaken.ZaakStream(record.Zaak), eventstore.Exact(record.LaatsteRevisie))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, eventstore.ErrStreamDeleted):
		return false, nil
	case errors.Is(err, eventstore.ErrWrongExpectedRevision):
		if _, rerr := v.Store.ReadStream(ctx, zaken.ZaakStream(record.Zaak), 0, 1); errors.Is(rerr, eventstore.ErrStreamNotFound) {
			return false, nil // a backend that reports a deleted stream this way
		}
	}
	return false, fmt.Errorf("vernietiging: delete the stream of zaak %s at revision %d: %w", record.Zaak, record.LaatsteRevisie, err)
}
