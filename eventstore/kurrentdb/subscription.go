package kurrentdb

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
)

// batchSize is the most records the loop takes from a feed before it checks
// their streams and delivers them: catch-up fills batches, live events come
// one at a time.
const batchSize = 256

// record is one record of $all as a feed reports it. event is nil for a
// record that is never delivered (a system record); its position still
// moves the loop on.
type record struct {
	pos   eventstore.Position
	event *eventstore.RecordedEvent
}

// feed is one server subscription to $all. recv blocks for the next record;
// an error means the feed dropped. close ends the feed and unblocks recv.
type feed interface {
	recv() (record, error)
	close()
}

// source is what the subscription loop needs from the server, behind an
// interface so that tests can feed it failures and events.
type source interface {
	// open subscribes to $all after c.
	open(ctx context.Context, c cursor) (feed, error)
	// visible leaves out the events of deleted streams.
	visible(ctx context.Context, batch []eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error)
}

// backoff spaces resubscriptions: initial after the first failure, doubling
// up to max, and back to initial once a feed has moved the loop on.
type backoff struct {
	initial, max time.Duration
	sleep        func(ctx context.Context, d time.Duration) bool // false when ctx ended first
}

var defaultBackoff = backoff{initial: 100 * time.Millisecond, max: 5 * time.Second, sleep: sleepCtx}

func (b backoff) delay(failures int) time.Duration {
	d := b.initial
	for i := 0; i < failures && d < b.max; i++ {
		d *= 2
	}
	return min(d, b.max)
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// subscription is the eventstore.Subscription of a Store. One goroutine runs
// its loop; it ends on the subscription's context, Close or a permanent error.
type subscription struct {
	events chan eventstore.RecordedEvent
	cancel context.CancelFunc
	done   chan struct{}

	mu  sync.Mutex
	err error
}

var _ eventstore.Subscription = (*subscription)(nil)

// startSubscription runs the loop over src from c, starting with first when
// it is not nil. ended is called when the loop has ended.
func startSubscription(ctx context.Context, src source, c cursor, first feed, b backoff, log *slog.Logger, ended func()) *subscription {
	ctx, cancel := context.WithCancel(ctx)
	s := &subscription{events: make(chan eventstore.RecordedEvent), cancel: cancel, done: make(chan struct{})}
	l := &loop{src: src, backoff: b, log: log, out: s.events}
	go func() {
		defer ended()
		defer close(s.done)
		defer cancel()
		err := l.run(ctx, c, first)
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
		close(s.events)
	}()
	return s
}

// Events delivers the events in log order; it is closed when the
// subscription ends.
func (s *subscription) Events() <-chan eventstore.RecordedEvent { return s.events }

// Err tells why the subscription ended: nil after Close or a cancelled
// context, else the permanent error it stopped on.
func (s *subscription) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close ends the subscription and waits for its goroutine to end.
func (s *subscription) Close() error {
	s.cancel()
	<-s.done
	return nil
}

// loop delivers the records of successive feeds to out, resubscribing after
// the last record it handled whenever a feed drops.
type loop struct {
	src     source
	backoff backoff
	log     *slog.Logger
	out     chan<- eventstore.RecordedEvent
}

// run returns nil when ctx ends and the error when it meets a permanent one.
func (l *loop) run(ctx context.Context, c cursor, first feed) error {
	failures := 0
	for {
		moved, err := l.session(ctx, &c, first)
		first = nil
		if ctx.Err() != nil {
			return nil
		}
		if permanent(err) {
			return err
		}
		if moved {
			failures = 0
		}
		d := l.backoff.delay(failures)
		failures++
		l.log.Warn("kurrentdb: subscription dropped, resubscribing", "after", c.pos.String(), "in", d, "err", err)
		if !l.backoff.sleep(ctx, d) {
			return nil
		}
	}
}

type item struct {
	rec record
	err error
}

// session reads one feed (opening it unless f is given) until it drops and
// reports whether it moved c on.
func (l *loop) session(ctx context.Context, c *cursor, f feed) (moved bool, err error) {
	if f == nil {
		if f, err = l.src.open(ctx, *c); err != nil {
			return false, err
		}
	}
	fctx, cancel := context.WithCancel(ctx)
	items := make(chan item, batchSize)
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			r, err := f.recv()
			select {
			case items <- item{r, err}:
			case <-fctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	})
	defer func() {
		cancel()
		f.close()
		wg.Wait()
	}()
	for {
		var batch []item
		select {
		case it := <-items:
			batch = append(batch, it)
		case <-ctx.Done():
			return moved, ctx.Err()
		}
	drain:
		for len(batch) < batchSize && batch[len(batch)-1].err == nil {
			select {
			case it := <-items:
				batch = append(batch, it)
			default:
				break drain
			}
		}
		m, err := l.deliver(ctx, c, batch)
		moved = moved || m
		if err != nil {
			return moved, err
		}
	}
}

// deliver sends the events of batch that come after c and are still
// visible, and moves c past every record it handled. A failed visibility
// check leaves c where it was, so the records are read again.
func (l *loop) deliver(ctx context.Context, c *cursor, batch []item) (moved bool, err error) {
	var (
		events []eventstore.RecordedEvent
		end    = *c
	)
	for _, it := range batch {
		if it.err != nil {
			err = it.err
			break
		}
		if !end.passes(it.rec.pos) {
			continue // a feed may repeat the record it resumed after
		}
		end = cursor{pos: it.rec.pos, set: true}
		if it.rec.event != nil {
			events = append(events, *it.rec.event)
		}
	}
	events, verr := l.src.visible(ctx, events)
	if verr != nil {
		return false, verr
	}
	for _, e := range events {
		select {
		case l.out <- e:
			*c = cursor{pos: e.Position, set: true}
			moved = true
		case <-ctx.Done():
			return moved, ctx.Err()
		}
	}
	if *c != end {
		*c = end
		moved = true
	}
	return moved, err
}
