// Package storetest is the one contract suite that every event-store backend
// passes. A backend's test calls Run with a constructor of fresh, empty
// stores:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) eventstore.Store { return memory.New() })
//	}
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Run runs the contract suite. newStore must return an empty store of its
// own for every call; it may register cleanups on the t it is given.
func Run(t *testing.T, newStore func(t *testing.T) eventstore.Store) {
	t.Run("ExpectedRevision", func(t *testing.T) { testExpectedRevision(t, newStore(t)) })
	t.Run("InvalidEvent", func(t *testing.T) { testInvalidEvent(t, newStore(t)) })
	t.Run("ConcurrentAppends", func(t *testing.T) { testConcurrentAppends(t, newStore) })
	t.Run("MetadataRoundTrip", func(t *testing.T) { testMetadataRoundTrip(t, newStore(t)) })
	t.Run("ReadStream", func(t *testing.T) { testReadStream(t, newStore(t)) })
	t.Run("ReadAll", func(t *testing.T) { testReadAll(t, newStore(t)) })
	t.Run("Subscribe", func(t *testing.T) { testSubscribe(t, newStore) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, newStore(t)) })
	t.Run("Volume", func(t *testing.T) { testVolume(t, newStore(t)) })
	t.Run("AppendMulti", func(t *testing.T) { testAppendMulti(t, newStore) })
}

// waitLimit bounds every wait for a subscription, so that a broken backend
// fails the test instead of hanging it.
const waitLimit = 15 * time.Second

// event returns an event with a fresh id whose data carries label.
func event(label string) eventstore.EventData {
	data, _ := json.Marshal(map[string]string{"label": label})
	return eventstore.EventData{
		ID:            uuid.NewString(),
		Type:          "storetest.happened",
		SchemaVersion: 1,
		Data:          data,
		Metadata:      eventstore.Metadata{ClientID: "storetest", Time: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)},
	}
}

// batch returns n events labelled prefix-0 .. prefix-(n-1).
func batch(prefix string, n int) []eventstore.EventData {
	evs := make([]eventstore.EventData, n)
	for i := range evs {
		evs[i] = event(fmt.Sprintf("%s-%d", prefix, i))
	}
	return evs
}

func mustAppend(t *testing.T, s eventstore.Store, stream string, expected eventstore.ExpectedRevision, evs ...eventstore.EventData) eventstore.AppendResult {
	t.Helper()
	res, err := s.Append(t.Context(), stream, expected, evs...)
	if err != nil {
		t.Fatalf("Append(%q, %s, %d events): %v", stream, expected, len(evs), err)
	}
	return res
}

// readAll reads the whole log in pages of limit.
func readAll(t *testing.T, s eventstore.Store, after eventstore.Position, limit int) []eventstore.RecordedEvent {
	t.Helper()
	var all []eventstore.RecordedEvent
	for {
		page, err := s.ReadAll(t.Context(), after, limit)
		if err != nil {
			t.Fatalf("ReadAll(%s, %d): %v", after, limit, err)
		}
		all = append(all, page...)
		if len(page) < limit {
			return all
		}
		after = page[len(page)-1].Position
	}
}

// theLog reads the whole log, waiting until it holds at least want events:
// a backend may show a committed event to ReadAll a moment after Append
// returns (PostgreSQL waits until the older transactions of the whole
// server have ended).
func theLog(t *testing.T, s eventstore.Store, want int) []eventstore.RecordedEvent {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		all := readAll(t, s, eventstore.Start, 1000)
		if len(all) >= want || time.Now().After(deadline) {
			return all
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// receive takes n events from sub, failing when they do not come in time or
// the subscription ends early.
func receive(t *testing.T, sub eventstore.Subscription, n int) []eventstore.RecordedEvent {
	t.Helper()
	got := make([]eventstore.RecordedEvent, 0, n)
	timeout := time.NewTimer(waitLimit)
	defer timeout.Stop()
	for len(got) < n {
		select {
		case ev, ok := <-sub.Events():
			if !ok {
				t.Fatalf("subscription ended after %d of %d events: %v", len(got), n, sub.Err())
			}
			got = append(got, ev)
		case <-timeout.C:
			t.Fatalf("received %d of %d events within %s", len(got), n, waitLimit)
		}
	}
	return got
}

// expectQuiet fails when sub delivers an event within d.
func expectQuiet(t *testing.T, sub eventstore.Subscription, d time.Duration) {
	t.Helper()
	select {
	case ev, ok := <-sub.Events():
		if ok {
			t.Fatalf("unexpected event %s/%d at %s", ev.StreamID, ev.Revision, ev.Position)
		}
		t.Fatalf("subscription ended: %v", sub.Err())
	case <-time.After(d):
	}
}

// expectEnded fails unless sub's channel is closed within the wait limit
// with a nil Err.
func expectEnded(t *testing.T, sub eventstore.Subscription) {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case _, ok := <-sub.Events():
			if !ok {
				if err := sub.Err(); err != nil {
					t.Fatalf("Err after a requested end = %v, want nil", err)
				}
				return
			}
		case <-timeout:
			t.Fatalf("subscription still open after %s", waitLimit)
		}
	}
}

func subscribe(t *testing.T, ctx context.Context, s eventstore.Store, after eventstore.Position) eventstore.Subscription {
	t.Helper()
	sub, err := s.Subscribe(ctx, after)
	if err != nil {
		t.Fatalf("Subscribe(%s): %v", after, err)
	}
	t.Cleanup(func() { sub.Close() })
	return sub
}

// sameEvents fails unless got and want hold the same events in the same
// order, compared by id, stream, revision and position.
func sameEvents(t *testing.T, got, want []eventstore.RecordedEvent) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.StreamID != w.StreamID || g.Revision != w.Revision || g.Position != w.Position {
			t.Fatalf("event %d = %s %s/%d at %s, want %s %s/%d at %s",
				i, g.ID, g.StreamID, g.Revision, g.Position, w.ID, w.StreamID, w.Revision, w.Position)
		}
	}
}

// ascending fails unless the positions of events strictly increase.
func ascending(t *testing.T, events []eventstore.RecordedEvent) {
	t.Helper()
	for i := 1; i < len(events); i++ {
		if !events[i-1].Position.Less(events[i].Position) {
			t.Fatalf("position %d (%s) does not come after %s", i, events[i].Position, events[i-1].Position)
		}
	}
}

// race runs write(0) .. write(writers-1) in goroutines released at once
// and returns their errors by index.
func race(writers int, write func(i int) error) []error {
	errs := make([]error, writers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = write(i)
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// isConflict fails unless err is the contract's concurrency conflict.
func isConflict(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, eventstore.ErrWrongExpectedRevision) || !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("err = %v, want ErrWrongExpectedRevision (a domain.ErrConflict)", err)
	}
}
