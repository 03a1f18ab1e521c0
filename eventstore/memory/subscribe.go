package memory

import (
	"context"
	"errors"
	"sync"

	"github.com/zaakregister/zaakregister/eventstore"
)

// pageSize is how many events a subscription copies per lock.
const pageSize = 256

// errClosed is returned by Subscribe after Close.
var errClosed = errors.New("memory event store: closed")

// Subscribe delivers every event after position after, in ReadAll order,
// until ctx is cancelled, the subscription is closed or the store is closed.
// It fails only after Close.
func (s *Store) Subscribe(ctx context.Context, after eventstore.Position) (eventstore.Subscription, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errClosed
	}
	ctx, cancel := context.WithCancel(ctx)
	sub := &subscription{events: make(chan eventstore.RecordedEvent, 128), done: make(chan struct{}), cancel: cancel}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(sub.done)
		defer close(sub.events)
		defer cancel()
		s.follow(ctx, sub.events, after)
	}()
	return sub, nil
}

// follow sends the log from pos on, waiting for appends once caught up.
func (s *Store) follow(ctx context.Context, out chan<- eventstore.RecordedEvent, pos eventstore.Position) {
	for {
		s.mu.RLock()
		wake := s.wake
		page := copyEvents(s.log[s.index(pos):], pageSize)
		s.mu.RUnlock()
		for _, ev := range page {
			select {
			case out <- ev:
				pos = ev.Position
			case <-ctx.Done():
				return
			case <-s.done:
				return
			}
		}
		if len(page) == pageSize {
			continue
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return
		case <-s.done:
			return
		}
	}
}

// subscription is the handle returned by Subscribe.
type subscription struct {
	events chan eventstore.RecordedEvent
	done   chan struct{}
	cancel context.CancelFunc
	once   sync.Once
}

// Events delivers the events in log order; it is closed when the
// subscription ends.
func (s *subscription) Events() <-chan eventstore.RecordedEvent { return s.events }

// Err is always nil: an in-memory subscription only ends by request.
func (s *subscription) Err() error { return nil }

// Close ends the subscription and waits for its goroutine. It returns nil.
func (s *subscription) Close() error {
	s.once.Do(s.cancel)
	<-s.done
	return nil
}
