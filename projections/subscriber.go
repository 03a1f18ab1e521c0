package projections

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Batch is the payload of one watermill message: consecutive events of the
// log. During catch-up a message carries up to the subscriber's batch size,
// live usually one event; batching is what lets a projection commit many
// events per transaction.
type Batch []eventstore.RecordedEvent

type batchKey struct{}

// BatchFrom returns the events carried by msg.
func BatchFrom(msg *message.Message) Batch {
	b, _ := msg.Context().Value(batchKey{}).(Batch)
	return b
}

// StartFunc tells a LogSubscriber where a topic (a handler's name) resumes.
// It may block until the handler may run (single active instance).
type StartFunc func(ctx context.Context, topic string) (eventstore.Position, error)

// LogSubscriber exposes the event log as a watermill Subscriber: every topic
// is a reader of the whole log from the position its StartFunc returns.
// Delivery is in order, one message at a time; a nacked message is
// delivered again after a pause.
type LogSubscriber struct {
	store     eventstore.Store
	start     StartFunc
	batchSize int

	mu     sync.Mutex
	closed bool
	cancel []context.CancelFunc
	wg     sync.WaitGroup
}

var _ message.Subscriber = (*LogSubscriber)(nil)

// NewLogSubscriber returns a subscriber over store; batchSize bounds the
// events in one message.
func NewLogSubscriber(store eventstore.Store, start StartFunc, batchSize int) *LogSubscriber {
	if batchSize < 1 {
		batchSize = 1
	}
	return &LogSubscriber{store: store, start: start, batchSize: batchSize}
}

// Subscribe starts reading the log for topic.
func (s *LogSubscriber) Subscribe(ctx context.Context, topic string) (<-chan *message.Message, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, fmt.Errorf("log subscriber closed")
	}
	ctx, cancel := context.WithCancel(ctx)
	s.cancel = append(s.cancel, cancel)
	s.wg.Add(1)
	s.mu.Unlock()

	out := make(chan *message.Message)
	go func() {
		defer s.wg.Done()
		defer close(out)
		s.run(ctx, topic, out)
	}()
	return out, nil
}

func (s *LogSubscriber) run(ctx context.Context, topic string, out chan<- *message.Message) {
	for ctx.Err() == nil {
		from, err := s.start(ctx, topic)
		if err != nil {
			if !sleep(ctx, time.Second) {
				return
			}
			continue
		}
		if err := s.deliver(ctx, from, out); err != nil && ctx.Err() == nil {
			// The subscription failed (database restart, ...): resume from
			// the checkpoint after a pause.
			if !sleep(ctx, time.Second) {
				return
			}
		}
	}
}

func (s *LogSubscriber) deliver(ctx context.Context, from eventstore.Position, out chan<- *message.Message) error {
	sub, err := s.store.Subscribe(ctx, from)
	if err != nil {
		return err
	}
	defer sub.Close()
	events := sub.Events()
	for {
		var first eventstore.RecordedEvent
		var ok bool
		select {
		case first, ok = <-events:
			if !ok {
				if err := sub.Err(); err != nil {
					return err
				}
				return ctx.Err()
			}
		case <-ctx.Done():
			return nil
		}
		batch := Batch{first}
	drain:
		for len(batch) < s.batchSize {
			select {
			case ev, ok := <-events:
				if !ok {
					break drain
				}
				batch = append(batch, ev)
			default:
				break drain
			}
		}
		if !s.send(ctx, batch, out) {
			return nil
		}
	}
}

// send delivers batch until it is acked; it reports false when ctx ended.
func (s *LogSubscriber) send(ctx context.Context, batch Batch, out chan<- *message.Message) bool {
	last := batch[len(batch)-1]
	payload, _ := json.Marshal(map[string]any{"events": len(batch), "last": last.Position.String()})
	for {
		msg := message.NewMessage(watermill.NewUUID(), payload)
		msg.Metadata.Set("last_position", last.Position.String())
		msg.SetContext(context.WithValue(ctx, batchKey{}, batch))
		select {
		case out <- msg:
		case <-ctx.Done():
			return false
		}
		select {
		case <-msg.Acked():
			return true
		case <-msg.Nacked():
			if !sleep(ctx, 100*time.Millisecond) {
				return false
			}
		case <-ctx.Done():
			return false
		}
	}
}

// Close ends every subscription and waits for them.
func (s *LogSubscriber) Close() error {
	s.mu.Lock()
	s.closed = true
	for _, c := range s.cancel {
		c()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
