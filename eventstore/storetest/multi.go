package storetest

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// testAppendMulti checks the contract of eventstore.MultiAppender, for the
// backends that are one.
func testAppendMulti(t *testing.T, newStore func(t *testing.T) eventstore.Store) {
	if _, ok := newStore(t).(eventstore.MultiAppender); !ok {
		t.Skip("SKIP: this backend is not a MultiAppender; writers append part by part (eventstore.AppendMulti)")
	}
	t.Run("AllParts", func(t *testing.T) { testMultiAllParts(t, newStore(t)) })
	t.Run("RefusedPartAppendsNothing", func(t *testing.T) { testMultiRefused(t, newStore(t)) })
	t.Run("CheckOnlyPart", func(t *testing.T) { testMultiCheckOnly(t, newStore(t)) })
	t.Run("ConcurrentOneWins", func(t *testing.T) { testMultiConcurrentOneWins(t, newStore(t)) })
	t.Run("StreamOrderInLog", func(t *testing.T) { testMultiStreamOrder(t, newStore(t)) })
	t.Run("Subscribe", func(t *testing.T) { testMultiSubscribe(t, newStore(t)) })
}

// part is one stream's part of a multi-stream append.
func part(stream string, expected eventstore.ExpectedRevision, evs ...eventstore.EventData) eventstore.StreamAppend {
	return eventstore.StreamAppend{Stream: stream, Expected: expected, Events: evs}
}

// appendMulti calls the AppendMulti of s, which the suite has checked to be
// a MultiAppender.
func appendMulti(t *testing.T, s eventstore.Store, parts ...eventstore.StreamAppend) ([]eventstore.AppendResult, error) {
	t.Helper()
	return s.(eventstore.MultiAppender).AppendMulti(t.Context(), parts...)
}

func mustAppendMulti(t *testing.T, s eventstore.Store, parts ...eventstore.StreamAppend) []eventstore.AppendResult {
	t.Helper()
	res, err := appendMulti(t, s, parts...)
	if err != nil {
		t.Fatalf("AppendMulti(%s): %v", describe(parts), err)
	}
	if len(res) != len(parts) {
		t.Fatalf("AppendMulti(%s) gave %d results, want one per part", describe(parts), len(res))
	}
	return res
}

// describe lists parts as "stream (expected, n events)".
func describe(parts []eventstore.StreamAppend) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprintf("%s (%s, %d events)", p.Stream, p.Expected, len(p.Events))
	}
	return strings.Join(s, ", ")
}

// streamHas fails unless stream holds exactly n events (n = 0: the stream
// does not exist, ReadStream gives ErrStreamNotFound).
func streamHas(t *testing.T, s eventstore.Store, stream string, n int) []eventstore.RecordedEvent {
	t.Helper()
	got, err := s.ReadStream(t.Context(), stream, 0, 0)
	if n == 0 {
		if !errors.Is(err, eventstore.ErrStreamNotFound) {
			t.Fatalf("stream %s has %d events (err %v), want none (ErrStreamNotFound)", stream, len(got), err)
		}
		return nil
	}
	if err != nil || len(got) != n {
		t.Fatalf("stream %s has %d events (err %v), want %d", stream, len(got), err, n)
	}
	return got
}

// ofStream returns the events of stream in log, in log order.
func ofStream(log []eventstore.RecordedEvent, stream string) []eventstore.RecordedEvent {
	var out []eventstore.RecordedEvent
	for _, ev := range log {
		if ev.StreamID == stream {
			out = append(out, ev)
		}
	}
	return out
}

func testMultiAllParts(t *testing.T, s eventstore.Store) {
	mustAppend(t, s, "multi-c", eventstore.NoStream(), event("c-setup"))
	parts := []eventstore.StreamAppend{
		part("multi-a", eventstore.NoStream(), batch("a", 1)...),
		part("multi-b", eventstore.NoStream(), batch("b", 2)...),
		part("multi-c", eventstore.Exact(0), batch("c", 1)...),
	}
	res := mustAppendMulti(t, s, parts...)

	log := theLog(t, s, 5)
	if len(log) != 5 {
		t.Fatalf("the log holds %d events, want 5", len(log))
	}
	ascending(t, log)
	// After the setup event: the events of A, then B, then C, one after
	// the other.
	k := 1
	for _, p := range parts {
		for _, ev := range p.Events {
			if got := log[k]; got.ID != ev.ID || got.StreamID != p.Stream {
				t.Fatalf("log event %d is %s of %s, want %s of %s (the parts' events in part order)", k, got.ID, got.StreamID, ev.ID, p.Stream)
			}
			k++
		}
	}

	for i, p := range parts {
		existing := 0
		if p.Stream == "multi-c" {
			existing = 1
		}
		got := streamHas(t, s, p.Stream, existing+len(p.Events))
		sameEvents(t, got, ofStream(log, p.Stream))
		for j, ev := range p.Events {
			if g := got[existing+j]; g.ID != ev.ID || g.Revision != uint64(existing+j) {
				t.Fatalf("%s event %d is %s at revision %d, want %s at %d", p.Stream, existing+j, g.ID, g.Revision, ev.ID, existing+j)
			}
		}
		last := got[len(got)-1]
		if res[i].Revision != last.Revision || res[i].Position != last.Position {
			t.Fatalf("result %d (%s) = revision %d at %s, the stream's last event is at %d/%s",
				i, p.Stream, res[i].Revision, res[i].Position, last.Revision, last.Position)
		}
	}
}

func testMultiRefused(t *testing.T, s eventstore.Store) {
	invalid := event("invalid")
	invalid.ID = "not-a-uuid"
	cases := []struct {
		name     string
		setup    func(t *testing.T, target string) int // events left in target
		expected eventstore.ExpectedRevision
		event    eventstore.EventData
		want     func(t *testing.T, err error)
		named    bool // the error names the refused stream
	}{
		{
			name: "NoStreamOnExisting",
			setup: func(t *testing.T, target string) int {
				mustAppend(t, s, target, eventstore.NoStream(), batch("setup", 2)...)
				return 2
			},
			expected: eventstore.NoStream(), event: event("refused"), want: isConflict, named: true,
		},
		{
			name: "ExactWrongRevision",
			setup: func(t *testing.T, target string) int {
				mustAppend(t, s, target, eventstore.NoStream(), batch("setup", 2)...)
				return 2
			},
			expected: eventstore.Exact(0), event: event("refused"), want: isConflict, named: true,
		},
		{
			name:     "StreamExistsOnMissing",
			setup:    func(t *testing.T, target string) int { return 0 },
			expected: eventstore.StreamExists(), event: event("refused"), want: isConflict, named: true,
		},
		{
			name: "Deleted",
			setup: func(t *testing.T, target string) int {
				mustAppend(t, s, target, eventstore.NoStream(), event("setup"))
				if err := s.Delete(t.Context(), target, eventstore.Exact(0)); err != nil {
					t.Fatalf("Delete: %v", err)
				}
				return 0
			},
			expected: eventstore.Any(), event: event("refused"), named: true,
			want: func(t *testing.T, err error) {
				t.Helper()
				if !errors.Is(err, eventstore.ErrStreamDeleted) {
					t.Fatalf("err = %v, want ErrStreamDeleted", err)
				}
			},
		},
		{
			name:     "InvalidEvent",
			setup:    func(t *testing.T, target string) int { return 0 },
			expected: eventstore.Any(), event: invalid,
			want: func(t *testing.T, err error) {
				t.Helper()
				if !errors.Is(err, domain.ErrInvalid) {
					t.Fatalf("err = %v, want a domain.ErrInvalid", err)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			prefix := "refused-" + c.name
			existing, target := prefix+"-existing", prefix+"-target"
			mustAppend(t, s, existing, eventstore.NoStream(), event("existing-0"))
			left := c.setup(t, target)
			_, err := appendMulti(t, s,
				part(prefix+"-new", eventstore.NoStream(), event("new")),
				part(existing, eventstore.Exact(0), batch("existing", 2)...),
				part(prefix+"-any", eventstore.Any(), batch("any", 2)...),
				part(target, c.expected, event("good"), c.event),
			)
			c.want(t, err)
			if c.named && !strings.Contains(err.Error(), target) {
				t.Fatalf("err = %v, does not name the refused stream %s", err, target)
			}
			streamHas(t, s, prefix+"-new", 0)
			streamHas(t, s, prefix+"-any", 0)
			streamHas(t, s, existing, 1)
			streamHas(t, s, target, left)
		})
	}
}

func testMultiCheckOnly(t *testing.T, s eventstore.Store) {
	mustAppend(t, s, "check-existing", eventstore.NoStream(), batch("existing", 3)...)
	t.Run("FailingRefuses", func(t *testing.T) {
		for _, expected := range []eventstore.ExpectedRevision{eventstore.Exact(0), eventstore.NoStream()} {
			_, err := appendMulti(t, s,
				part("check-fail-new", eventstore.NoStream(), event("new")),
				part("check-existing", expected),
			)
			isConflict(t, err)
			if !strings.Contains(err.Error(), "check-existing") {
				t.Fatalf("err = %v, does not name the refused stream check-existing", err)
			}
		}
		_, err := appendMulti(t, s,
			part("check-fail-new", eventstore.NoStream(), event("new")),
			part("check-missing", eventstore.StreamExists()),
		)
		isConflict(t, err)
		streamHas(t, s, "check-fail-new", 0)
		streamHas(t, s, "check-missing", 0)
		streamHas(t, s, "check-existing", 3)
	})
	t.Run("HoldingAppendsTheOthers", func(t *testing.T) {
		res := mustAppendMulti(t, s,
			part("check-ok-a", eventstore.NoStream(), batch("a", 2)...),
			part("check-existing", eventstore.Exact(2)),
			part("check-ok-b", eventstore.NoStream(), event("b")),
		)
		if res[1].Revision != 2 {
			t.Fatalf("result of the check-only part = revision %d, want the stream's last revision 2", res[1].Revision)
		}
		for _, want := range []struct {
			part   int
			stream string
			n      int
		}{{0, "check-ok-a", 2}, {2, "check-ok-b", 1}} {
			got := streamHas(t, s, want.stream, want.n)
			if r, last := res[want.part], got[len(got)-1]; r.Revision != last.Revision || r.Position != last.Position {
				t.Fatalf("result %d = %d/%s, the last event of %s is at %d/%s", want.part, r.Revision, r.Position, want.stream, last.Revision, last.Position)
			}
		}
		streamHas(t, s, "check-existing", 3)
	})
}

func testMultiConcurrentOneWins(t *testing.T, s eventstore.Store) {
	const writers = 8
	errs := race(writers, func(i int) error {
		_, err := appendMulti(t, s,
			part("reservation", eventstore.NoStream(), event(fmt.Sprintf("reservation-%d", i))),
			part(fmt.Sprintf("zaak-%d", i), eventstore.NoStream(), event(fmt.Sprintf("zaak-%d", i))),
		)
		return err
	})
	winner := -1
	for i, err := range errs {
		if err == nil {
			if winner >= 0 {
				t.Fatalf("writers %d and %d both won", winner, i)
			}
			winner = i
			continue
		}
		isConflict(t, err)
	}
	if winner < 0 {
		t.Fatalf("none of %d writers won", writers)
	}
	reservation := streamHas(t, s, "reservation", 1)
	if want := fmt.Sprintf(`{"label":"reservation-%d"}`, winner); string(reservation[0].Data) != want {
		t.Fatalf("reservation holds %s, want the winner's %s", reservation[0].Data, want)
	}
	for i := range writers {
		n := 0
		if i == winner {
			n = 1
		}
		streamHas(t, s, fmt.Sprintf("zaak-%d", i), n)
	}
}

func testMultiStreamOrder(t *testing.T, s eventstore.Store) {
	const writers, each = 4, 10
	const b = "order-b"
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := range each {
				if _, err := s.Append(t.Context(), b, eventstore.Any(), event(fmt.Sprintf("single-%d-%d", i, j))); err != nil {
					t.Errorf("Append(%s, any): %v", b, err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for j := range each {
				label := fmt.Sprintf("multi-%d-%d", i, j)
				if _, err := appendMulti(t, s,
					part(fmt.Sprintf("order-a-%d-%d", i, j), eventstore.NoStream(), event(label)),
					part(b, eventstore.Any(), event(label)),
				); err != nil {
					t.Errorf("AppendMulti(order-a-%d-%d, %s): %v", i, j, b, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	const total = writers*each + writers*each*2
	log := theLog(t, s, total)
	if len(log) != total {
		t.Fatalf("the log holds %d events, want %d", len(log), total)
	}
	ascending(t, log)
	var rev uint64
	for k, ev := range log {
		if ev.StreamID != b {
			// The event of an A part is followed by its B part's.
			if k+1 == len(log) || log[k+1].StreamID != b || string(log[k+1].Data) != string(ev.Data) {
				t.Fatalf("log event %d (%s, %s) is not followed by the event of its %s part", k, ev.StreamID, ev.Data, b)
			}
			continue
		}
		if ev.Revision != rev {
			t.Fatalf("event %d of %s in log order (log event %d, %s) has revision %d: the log and the stream disagree on the order",
				rev, b, k, ev.Data, ev.Revision)
		}
		rev++
	}
	if rev != writers*each*2 {
		t.Fatalf("%s has %d events in the log, want %d", b, rev, writers*each*2)
	}
}

func testMultiSubscribe(t *testing.T, s eventstore.Store) {
	mustAppend(t, s, "sub-multi-c", eventstore.NoStream(), event("c-setup"))
	sub := subscribe(t, t.Context(), s, eventstore.Start)
	got := receive(t, sub, 1)
	parts := []eventstore.StreamAppend{
		part("sub-multi-a", eventstore.NoStream(), batch("a", 2)...),
		part("sub-multi-b", eventstore.NoStream(), event("b")),
		part("sub-multi-c", eventstore.Exact(0), batch("c", 2)...),
	}
	mustAppendMulti(t, s, parts...)
	live := receive(t, sub, 5)
	k := 0
	for _, p := range parts {
		for _, ev := range p.Events {
			if live[k].ID != ev.ID || live[k].StreamID != p.Stream {
				t.Fatalf("delivered event %d is %s of %s, want %s of %s (the parts' events in part order)", k, live[k].ID, live[k].StreamID, ev.ID, p.Stream)
			}
			k++
		}
	}
	sameEvents(t, append(got, live...), theLog(t, s, 6))
	ascending(t, live)
}
