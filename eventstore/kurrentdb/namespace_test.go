package kurrentdb

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/eventstore"
)

// namespaced is a fresh, empty view of a shared server, which the contract
// suite needs for every test: its streams carry a prefix of their own, and
// ReadAll and Subscribe show only those streams' events, starting after the
// last record of $all at its creation.
type namespaced struct {
	*Store
	prefix string
	floor  eventstore.Position
}

var _ eventstore.Store = (*namespaced)(nil)

func newNamespaced(t *testing.T, s *Store) *namespaced {
	t.Helper()
	client, err := s.conn.get()
	if err != nil {
		t.Fatal(err)
	}
	n := &namespaced{Store: s, prefix: "t" + strings.ReplaceAll(uuid.NewString(), "-", "") + "-"}
	err = collect(t.Context(), client, func(c *kdb.Client) (*kdb.ReadStream, error) {
		return c.ReadAll(t.Context(), kdb.ReadAllOptions{Direction: kdb.Backwards, From: kdb.End{}}, 1)
	}, func(r *kdb.RecordedEvent) error {
		n.floor = fromPosition(r.Position)
		return nil
	})
	if err != nil {
		t.Fatalf("end of $all: %v", err)
	}
	return n
}

func (n *namespaced) from(after eventstore.Position) eventstore.Position {
	if n.floor.Less(after) {
		return after
	}
	return n.floor
}

// own strips the prefix from e, and reports whether e is of this view.
func (n *namespaced) own(e *eventstore.RecordedEvent) bool {
	id, ok := strings.CutPrefix(e.StreamID, n.prefix)
	e.StreamID = id
	return ok
}

func (n *namespaced) Append(ctx context.Context, stream string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	return n.Store.Append(ctx, n.prefix+stream, expected, events...)
}

func (n *namespaced) ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	events, err := n.Store.ReadStream(ctx, n.prefix+stream, from, limit)
	for i := range events {
		n.own(&events[i])
	}
	return events, err
}

func (n *namespaced) ReadAll(ctx context.Context, after eventstore.Position, limit int) ([]eventstore.RecordedEvent, error) {
	var out []eventstore.RecordedEvent
	for pos := n.from(after); limit <= 0 || len(out) < limit; {
		page, err := n.Store.ReadAll(ctx, pos, 512)
		if err != nil {
			return nil, err
		}
		for _, e := range page {
			if n.own(&e) && (limit <= 0 || len(out) < limit) {
				out = append(out, e)
			}
		}
		if len(page) < 512 {
			break
		}
		pos = page[len(page)-1].Position
	}
	return out, nil
}

func (n *namespaced) Subscribe(ctx context.Context, after eventstore.Position) (eventstore.Subscription, error) {
	inner, err := n.Store.Subscribe(ctx, n.from(after))
	if err != nil {
		return nil, err
	}
	sub := &namespacedSub{inner: inner, out: make(chan eventstore.RecordedEvent), stop: make(chan struct{})}
	sub.wg.Go(func() {
		defer close(sub.out)
		for e := range inner.Events() {
			if !n.own(&e) {
				continue
			}
			select {
			case sub.out <- e:
			case <-sub.stop:
				return
			}
		}
	})
	return sub, nil
}

func (n *namespaced) Delete(ctx context.Context, stream string, expected eventstore.ExpectedRevision) error {
	return n.Store.Delete(ctx, n.prefix+stream, expected)
}

type namespacedSub struct {
	inner eventstore.Subscription
	out   chan eventstore.RecordedEvent
	stop  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
}

func (s *namespacedSub) Events() <-chan eventstore.RecordedEvent { return s.out }
func (s *namespacedSub) Err() error                              { return s.inner.Err() }

func (s *namespacedSub) Close() error {
	s.once.Do(func() { close(s.stop) })
	err := s.inner.Close()
	s.wg.Wait()
	return err
}
