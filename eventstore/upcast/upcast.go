// Package upcast wraps any eventstore.Store so that every event read from
// it, by ReadStream, ReadAll or a subscription, comes in the current
// schema version of its type. The log is append-only: an event written by
// an earlier build stays as it was stored, and is converted each time it
// is read (DESIGN.md rule 1). Everything that reads events (aggregates,
// projections, the audit trail) then knows only the current versions.
package upcast

import (
	"context"
	"fmt"
	"sync"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Func brings ev to the current schema version of its type, changing its
// Data and SchemaVersion in place; it leaves an event that is current, or
// of a type it does not know, as it is. An error means an event of a
// known type that cannot be converted.
type Func func(ev *eventstore.RecordedEvent) error

// Store is a Store whose reads are upcast.
type Store struct {
	next eventstore.Store
	up   Func
}

var (
	_ eventstore.Store         = (*Store)(nil)
	_ eventstore.MultiAppender = (*multiStore)(nil)
)

// Wrap returns next with every event read through up. The result is an
// eventstore.MultiAppender exactly when next is one.
func Wrap(next eventstore.Store, up Func) eventstore.Store {
	s := &Store{next: next, up: up}
	if m, ok := next.(eventstore.MultiAppender); ok {
		return &multiStore{Store: s, multi: m}
	}
	return s
}

// Append implements eventstore.Store: events are written as they are.
func (s *Store) Append(ctx context.Context, stream string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	return s.next.Append(ctx, stream, expected, events...)
}

// ReadStream implements eventstore.Store.
func (s *Store) ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	events, err := s.next.ReadStream(ctx, stream, from, limit)
	if err != nil {
		return events, err
	}
	return events, s.upcast(events)
}

// ReadAll implements eventstore.Store.
func (s *Store) ReadAll(ctx context.Context, after eventstore.Position, limit int) ([]eventstore.RecordedEvent, error) {
	events, err := s.next.ReadAll(ctx, after, limit)
	if err != nil {
		return events, err
	}
	return events, s.upcast(events)
}

// Delete implements eventstore.Store.
func (s *Store) Delete(ctx context.Context, stream string, expected eventstore.ExpectedRevision) error {
	return s.next.Delete(ctx, stream, expected)
}

func (s *Store) upcast(events []eventstore.RecordedEvent) error {
	for i := range events {
		if err := s.up(&events[i]); err != nil {
			ev := events[i]
			return fmt.Errorf("upcast: %s %s v%d at %s: %w", ev.ID, ev.Type, ev.SchemaVersion, ev.Position, err)
		}
	}
	return nil
}

// Subscribe implements eventstore.Store: a subscription whose events are
// upcast on their way. An event that cannot be upcast ends it, with the
// error in Err.
func (s *Store) Subscribe(ctx context.Context, after eventstore.Position) (eventstore.Subscription, error) {
	inner, err := s.next.Subscribe(ctx, after)
	if err != nil {
		return nil, err
	}
	// Buffered as a backend's own subscription is: a consumer that drains
	// what is ready into batches (projections.LogSubscriber) must find
	// more than one event there, or it commits each alone.
	sub := &subscription{inner: inner, events: make(chan eventstore.RecordedEvent, subscriptionBuffer), done: make(chan struct{})}
	go sub.run(ctx, s)
	return sub, nil
}

// subscriptionBuffer is how many upcast events a subscription holds ready.
const subscriptionBuffer = 1024

// subscription forwards the events of inner, upcast.
type subscription struct {
	inner  eventstore.Subscription
	events chan eventstore.RecordedEvent
	done   chan struct{} // closed by Close
	close  sync.Once
	err    error // set before events is closed
}

func (sub *subscription) run(ctx context.Context, s *Store) {
	defer close(sub.events)
	for ev := range sub.inner.Events() {
		batch := []eventstore.RecordedEvent{ev}
		if err := s.upcast(batch); err != nil {
			sub.err = err
			_ = sub.inner.Close()
			for range sub.inner.Events() { // let the inner subscription end
			}
			return
		}
		select {
		case sub.events <- batch[0]:
		case <-ctx.Done():
			_ = sub.inner.Close()
			for range sub.inner.Events() {
			}
			return
		case <-sub.done:
			for range sub.inner.Events() {
			}
			return
		}
	}
	sub.err = sub.inner.Err()
}

// Events implements eventstore.Subscription.
func (sub *subscription) Events() <-chan eventstore.RecordedEvent { return sub.events }

// Err implements eventstore.Subscription; it is meaningful once Events is
// closed.
func (sub *subscription) Err() error { return sub.err }

// Close implements eventstore.Subscription.
func (sub *subscription) Close() error {
	sub.close.Do(func() { close(sub.done) })
	return sub.inner.Close()
}

// multiStore is the Store of a backend that is an eventstore.MultiAppender.
type multiStore struct {
	*Store
	multi eventstore.MultiAppender
}

// AppendMulti implements eventstore.MultiAppender.
func (s *multiStore) AppendMulti(ctx context.Context, parts ...eventstore.StreamAppend) ([]eventstore.AppendResult, error) {
	return s.multi.AppendMulti(ctx, parts...)
}

// Registries returns the Func that upcasts the events of the types the
// registries list (each context's Events) with domain.EventInfo.Upcast,
// taking URLs under bases (the base URL and its aliases) for this
// registry's. Events of other types pass as they are.
func Registries(bases []string, registries ...[]domain.EventInfo) Func {
	byType := map[string]domain.EventInfo{}
	for _, events := range registries {
		for _, info := range events {
			byType[info.Type] = info
		}
	}
	return func(ev *eventstore.RecordedEvent) error {
		info, ok := byType[ev.Type]
		if !ok || ev.SchemaVersion == info.Version {
			return nil
		}
		data, version, err := info.Upcast(bases, ev.SchemaVersion, ev.Data)
		if err != nil {
			return err
		}
		ev.Data, ev.SchemaVersion = data, version
		return nil
	}
}
