package kurrentdb

import (
	"context"
	"errors"
	"io"
	"math"
	"sync"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/eventstore"
)

// lookupConcurrency bounds the stream reads one batch makes at once.
const lookupConcurrency = 8

// hideDeleted leaves out the events of batch that their stream no longer
// shows: KurrentDB keeps the events of deleted or truncated streams in $all
// until a scavenge. Visibility is always a suffix of a stream (a tombstone
// hides all, a soft delete or $tb/$maxCount/$maxAge a prefix), so one read
// per stream, from its lowest revision in the batch, tells which remain.
func hideDeleted(ctx context.Context, client *kdb.Client, batch []eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error) {
	if len(batch) == 0 {
		return batch, nil
	}
	lowest := make(map[string]uint64)
	for _, e := range batch {
		if r, ok := lowest[e.StreamID]; !ok || e.Revision < r {
			lowest[e.StreamID] = e.Revision
		}
	}
	first, err := firstVisibleAll(ctx, client, lowest)
	if err != nil {
		return nil, err
	}
	out := make([]eventstore.RecordedEvent, 0, len(batch))
	for _, e := range batch {
		if e.Revision >= first[e.StreamID] {
			out = append(out, e)
		}
	}
	return out, nil
}

// firstVisibleAll runs firstVisible for every stream of lowest, a few at a
// time; every goroutine ends with its read, which ctx bounds.
func firstVisibleAll(ctx context.Context, client *kdb.Client, lowest map[string]uint64) (map[string]uint64, error) {
	var (
		mu    sync.Mutex
		first = make(map[string]uint64, len(lowest))
		errs  []error
		wg    sync.WaitGroup
		slots = make(chan struct{}, lookupConcurrency)
	)
	for stream, from := range lowest {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			v, err := firstVisible(ctx, client, stream, from)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			first[stream] = v
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return first, nil
}

// firstVisible returns the first revision at or after from that stream
// still shows, or math.MaxUint64 when it shows none of them (deleted,
// tombstoned or truncated).
func firstVisible(ctx context.Context, client *kdb.Client, stream string, from uint64) (uint64, error) {
	rs, err := client.ReadStream(ctx, stream, kdb.ReadStreamOptions{Direction: kdb.Forwards, From: kdb.Revision(from)}, 1)
	if err != nil {
		if isHidden(err) {
			return math.MaxUint64, nil
		}
		return 0, err
	}
	defer rs.Close()
	ev, err := rs.Recv()
	switch {
	case errors.Is(err, io.EOF), isHidden(err):
		return math.MaxUint64, nil
	case err != nil:
		return 0, err
	}
	if rec := ev.OriginalEvent(); rec != nil {
		return rec.EventNumber, nil
	}
	return math.MaxUint64, nil
}
