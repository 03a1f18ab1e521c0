package postgres

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Subscribe delivers every event after position after, in ReadAll order:
// it reads the log in pages until it has caught up, then waits for a
// wake-up (a local commit, a NOTIFY from another process, or the poll
// interval) and reads again. The subscription ends when ctx is cancelled,
// when it is closed, when the store is closed (Err is nil in those cases), or
// after reads failed several times in a row (Err tells why). Subscribe fails
// only after Close.
func (s *Store) Subscribe(ctx context.Context, after eventstore.Position) (eventstore.Subscription, error) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(s.ctx, cancel)
	sub := &subscription{
		events: make(chan eventstore.RecordedEvent, s.cfg.pageSize),
		done:   make(chan struct{}),
		cancel: cancel,
	}
	release := s.listen()
	started := s.goStart(func() {
		defer close(sub.done)
		defer close(sub.events)
		defer release()
		defer stop()
		defer cancel()
		sub.setErr(s.follow(ctx, sub.events, after))
	})
	if !started {
		release()
		stop()
		cancel()
		return nil, errClosed
	}
	return sub, nil
}

// Retries after a wake-up whose events are not yet below xmin: the first
// after retryDelay, then doubling up to retryCap, giving up (until the next
// wake-up or poll) after maxRetries attempts without progress, about a
// second. xmin is that of the whole server, so any write transaction on any
// of its databases holds the log back while it runs.
const (
	retryDelay  = time.Millisecond
	retryCap    = 64 * time.Millisecond
	maxRetries  = 20
	maxFailures = 4 // consecutive failed reads before the subscription ends
)

// follow is the body of a subscription.
func (s *Store) follow(ctx context.Context, out chan<- eventstore.RecordedEvent, pos eventstore.Position) error {
	poll := time.NewTicker(s.cfg.pollInterval)
	defer poll.Stop()
	retries, failures := 0, 0
	var gaveUp eventstore.Position // the latest position retries gave up on
	for {
		wake, latest := s.hub.wait()
		progressed, err := s.deliver(ctx, out, &pos)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			failures++
			if failures >= maxFailures {
				return fmt.Errorf("subscription after %s: %w", pos, err)
			}
			if !sleep(ctx, time.Duration(failures)*100*time.Millisecond) {
				return nil
			}
			continue
		}
		failures = 0
		if progressed {
			retries = 0
		}
		// A commit we know of is not visible yet: an older transaction is
		// still open. It usually ends within milliseconds. (Or the events
		// were deleted meanwhile: hence the limit, and no second try for
		// the same position.)
		if pos.Less(latest) && latest != gaveUp {
			if retries < maxRetries {
				if !sleep(ctx, min(retryDelay<<retries, retryCap)) {
					return nil
				}
				retries++
				continue
			}
			gaveUp = latest
		}
		retries = 0
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-poll.C:
		}
	}
}

// deliver sends the events after *pos until a short page shows it caught up,
// advancing *pos past each event sent.
func (s *Store) deliver(ctx context.Context, out chan<- eventstore.RecordedEvent, pos *eventstore.Position) (progressed bool, err error) {
	for {
		events, err := s.readShared(ctx, *pos)
		if err != nil {
			return progressed, err
		}
		for _, ev := range events {
			select {
			case out <- ev:
				*pos = ev.Position
				progressed = true
			case <-ctx.Done():
				return progressed, ctx.Err()
			}
		}
		if len(events) < s.cfg.pageSize {
			return progressed, nil
		}
	}
}

// readShared is ReadAll of a page after pos, one query for all the
// subscriptions that ask for the same page at once: a commit wakes every
// subscription of the process (one per projection and listener), and those
// that are caught up all read from the same position. A subscription that
// joins a read already under way may miss an event committed meanwhile;
// follow then sees that it is behind the latest commit it knows of, and reads
// again.
func (s *Store) readShared(ctx context.Context, pos eventstore.Position) ([]eventstore.RecordedEvent, error) {
	ch := s.reads.DoChan(pos.String(), func() (any, error) {
		rctx, cancel := context.WithTimeout(s.ctx, time.Minute)
		defer cancel()
		return s.ReadAll(rctx, pos, s.cfg.pageSize)
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.([]eventstore.RecordedEvent), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// subscription is the handle returned by Subscribe.
type subscription struct {
	events chan eventstore.RecordedEvent
	done   chan struct{}
	cancel context.CancelFunc

	mu  sync.Mutex
	err error
}

// Events delivers the events in log order and is closed when the
// subscription ends.
func (s *subscription) Events() <-chan eventstore.RecordedEvent { return s.events }

// Err tells why the subscription ended: nil after Close or a cancelled
// context, the read error otherwise.
func (s *subscription) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *subscription) setErr(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = err
}

// Close ends the subscription and waits until its goroutine has stopped.
// Events not yet received are dropped. It returns nil.
func (s *subscription) Close() error {
	s.cancel()
	<-s.done
	return nil
}
