package postgres_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/eventstore"
)

func event(label string) eventstore.EventData {
	data, _ := json.Marshal(map[string]string{"label": label})
	return eventstore.EventData{
		ID:            uuid.NewString(),
		Type:          "postgres.test",
		SchemaVersion: 1,
		Data:          data,
		Metadata:      eventstore.Metadata{Time: time.Now().UTC()},
	}
}

func subscribe(t *testing.T, s eventstore.Store, after eventstore.Position) eventstore.Subscription {
	t.Helper()
	sub, err := s.Subscribe(t.Context(), after)
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	t.Cleanup(func() { sub.Close() })
	return sub
}

// next returns the next event of sub within d.
func next(t *testing.T, sub eventstore.Subscription, d time.Duration) eventstore.RecordedEvent {
	t.Helper()
	select {
	case ev, ok := <-sub.Events():
		if !ok {
			t.Fatalf("subscription ended: %v", sub.Err())
		}
		return ev
	case <-time.After(d):
		t.Fatalf("no event within %s", d)
	}
	panic("unreachable")
}

// quiet fails when sub delivers an event within d.
func quiet(t *testing.T, sub eventstore.Subscription, d time.Duration) {
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
