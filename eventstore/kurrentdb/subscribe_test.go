package kurrentdb

import (
	"slices"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
)

func subscribe(t *testing.T, s *Store, after eventstore.Position) eventstore.Subscription {
	t.Helper()
	sub, err := s.Subscribe(t.Context(), after)
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	t.Cleanup(func() { _ = sub.Close() })
	return sub
}

func ids(events ...eventstore.EventData) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

// quiet fails when the subscription delivers anything within a moment.
func quiet(t *testing.T, sub eventstore.Subscription) {
	t.Helper()
	select {
	case e := <-sub.Events():
		t.Fatalf("unexpected event %+v", e)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestStore_SubscribeCatchesUpThenGoesLive(t *testing.T) {
	_, s := openFake(t)
	e1, e2, e3 := event("A", 1), event("B", 2), event("C", 3)
	mustAppend(t, s, "zaak-1", eventstore.NoStream(), e1, e2)
	sub := subscribe(t, s, eventstore.Start)
	if got := take(t, sub, 2); !slices.Equal(got, ids(e1, e2)) {
		t.Fatalf("catch-up delivered %v", got)
	}
	res := mustAppend(t, s, "zaak-1", eventstore.Exact(1), e3)
	if got := take(t, sub, 1); !slices.Equal(got, ids(e3)) {
		t.Fatalf("live delivered %v", got)
	}
	quiet(t, sub)

	// A second subscription resumes strictly after a position.
	read, _ := s.ReadStream(t.Context(), "zaak-1", 0, 10)
	resumed := subscribe(t, s, read[0].Position)
	if got := take(t, resumed, 2); !slices.Equal(got, ids(e2, e3)) {
		t.Fatalf("resumed delivered %v", got)
	}
	after := subscribe(t, s, res.Position)
	quiet(t, after)
}

func TestStore_SubscribeLeavesOutDeletedStreams(t *testing.T) {
	_, s := openFake(t)
	mustAppend(t, s, "zaak-gone", eventstore.NoStream(), event("A", 1))
	kept := event("B", 2)
	mustAppend(t, s, "zaak-kept", eventstore.NoStream(), kept)
	if err := s.Delete(t.Context(), "zaak-gone", eventstore.Any()); err != nil {
		t.Fatal(err)
	}
	sub := subscribe(t, s, eventstore.Start)
	if got := take(t, sub, 1); !slices.Equal(got, ids(kept)) {
		t.Fatalf("delivered %v, want zaak-kept's event only", got)
	}
	quiet(t, sub)
}

// TestStore_SubscribeSurvivesServerRestarts stops the server twice: briefly,
// which the client rides out by itself, and for longer than the client's
// node discovery lasts, after which it closes itself and the store makes a
// new one. The subscription resumes each time, without duplicates.
func TestStore_SubscribeSurvivesServerRestarts(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts take a few seconds")
	}
	f, s := openFake(t)
	first := event("A", 0)
	mustAppend(t, s, "zaak-1", eventstore.NoStream(), first)
	sub := subscribe(t, s, eventstore.Start)
	take(t, sub, 1)
	for i, down := range []time.Duration{50 * time.Millisecond, 2 * time.Second} {
		f.stop()
		time.Sleep(down)
		f.start(t)
		e := event("B", i+1)
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, err := s.Append(t.Context(), "zaak-1", eventstore.Any(), e)
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("append after restart %d: %v", i, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		if got := take(t, sub, 1); !slices.Equal(got, ids(e)) {
			t.Fatalf("after restart %d delivered %v", i, got)
		}
	}
	quiet(t, sub)
}

func TestStore_CloseEndsSubscriptions(t *testing.T) {
	_, s := openFake(t)
	sub := subscribe(t, s, eventstore.Start)
	done := make(chan error)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return")
	}
	if _, ok := <-sub.Events(); ok || sub.Err() != nil {
		t.Errorf("after Store.Close: open=%v Err=%v", ok, sub.Err())
	}
}
