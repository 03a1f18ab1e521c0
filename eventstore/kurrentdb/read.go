package kurrentdb

import (
	"context"
	"errors"
	"io"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/eventstore"
)

// ReadAll asks the server for pages of records between these sizes (the
// limit, where it lies between them); system records and deleted streams'
// events are left out afterwards.
const (
	minReadAllPage = 128
	maxReadAllPage = 4096
)

// readAll reads up to limit events after c, paging through $all.
func readAll(ctx context.Context, client *kdb.Client, c cursor, limit int) ([]eventstore.RecordedEvent, error) {
	size := uint64(min(max(limit, minReadAllPage), maxReadAllPage))
	var out []eventstore.RecordedEvent
	for len(out) < limit {
		recs, n, err := readAllPage(ctx, client, c, size)
		if err != nil {
			return nil, err
		}
		start := c
		// Check the streams of only as many events as the limit still
		// needs, and of more when some of them turn out hidden.
		for len(recs) > 0 && len(out) < limit {
			var events []eventstore.RecordedEvent
			i := 0
			for ; i < len(recs) && len(events) < limit-len(out); i++ {
				if recs[i].event != nil {
					events = append(events, *recs[i].event)
				}
			}
			visible, err := hideDeleted(ctx, client, events)
			if err != nil {
				return nil, err
			}
			out = append(out, visible...)
			c, recs = cursor{pos: recs[i-1].pos, set: true}, recs[i:]
		}
		if n < size || c == start {
			break // the end of $all
		}
	}
	return out, nil
}

// readAllPage reads up to size records of $all from c on and returns those
// after c, and how many the server sent.
func readAllPage(ctx context.Context, client *kdb.Client, c cursor, size uint64) ([]record, uint64, error) {
	var (
		recs []record
		n    uint64
	)
	err := collect(ctx, client, func(cl *kdb.Client) (*kdb.ReadStream, error) {
		return cl.ReadAll(ctx, kdb.ReadAllOptions{Direction: kdb.Forwards, From: c.from()}, size)
	}, func(r *kdb.RecordedEvent) error {
		n++
		rec, err := toRecord(r)
		if err == nil && c.passes(rec.pos) {
			recs = append(recs, rec)
		}
		return err
	})
	return recs, n, err
}

// collect opens a read with open and passes each of its records to each,
// until the end of the read or the first error.
func collect(ctx context.Context, client *kdb.Client, open func(*kdb.Client) (*kdb.ReadStream, error), each func(*kdb.RecordedEvent) error) error {
	rs, err := open(client)
	if err != nil {
		return err
	}
	defer rs.Close()
	for {
		ev, err := rs.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if r := ev.OriginalEvent(); r != nil {
			if err := each(r); err != nil {
				return err
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}
