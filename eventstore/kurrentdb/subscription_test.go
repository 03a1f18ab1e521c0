package kurrentdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zaakregister/zaakregister/eventstore"
)

// session scripts one feed of a scriptedSource: open fails with openErr, or
// the feed yields records, then drops with dropErr, or, when dropErr is
// nil, blocks until closed.
type session struct {
	openErr error
	records []record
	dropErr error
}

// scriptedSource is a source whose feeds follow a script, one session per
// open; after the script every open gives a feed that waits to be closed.
type scriptedSource struct {
	mu       sync.Mutex
	sessions []session
	opens    []cursor
	live     int                                                                  // feeds opened and not yet closed
	hide     func([]eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error) // nil: all visible
}

func (s *scriptedSource) open(_ context.Context, c cursor) (feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opens = append(s.opens, c)
	var sess session
	if len(s.sessions) > 0 {
		sess, s.sessions = s.sessions[0], s.sessions[1:]
	}
	if sess.openErr != nil {
		return nil, sess.openErr
	}
	s.live++
	return &scriptedFeed{src: s, sess: sess, closed: make(chan struct{})}, nil
}

func (s *scriptedSource) visible(_ context.Context, batch []eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error) {
	s.mu.Lock()
	hide := s.hide
	s.mu.Unlock()
	if hide == nil {
		return batch, nil
	}
	return hide(batch)
}

func (s *scriptedSource) state() ([]cursor, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.opens), s.live
}

type scriptedFeed struct {
	src    *scriptedSource
	sess   session
	next   int
	once   sync.Once
	closed chan struct{}
}

func (f *scriptedFeed) recv() (record, error) {
	if f.next < len(f.sess.records) {
		f.next++
		return f.sess.records[f.next-1], nil
	}
	if f.sess.dropErr != nil {
		return record{}, f.sess.dropErr
	}
	<-f.closed
	return record{}, errors.New("feed closed")
}

func (f *scriptedFeed) close() {
	f.once.Do(func() {
		close(f.closed)
		f.src.mu.Lock()
		f.src.live--
		f.src.mu.Unlock()
	})
}

// rec is an event record at position n/n of stream s; sys is a system record.
func rec(s string, n uint64) record {
	p := eventstore.Position{Commit: n, Prepare: n}
	return record{pos: p, event: &eventstore.RecordedEvent{EventData: eventstore.EventData{ID: fmt.Sprint(n), Type: "T"}, StreamID: s, Position: p}}
}

func sys(n uint64) record { return record{pos: eventstore.Position{Commit: n, Prepare: n}} }

func at(n uint64) cursor { return cursor{pos: eventstore.Position{Commit: n, Prepare: n}, set: true} }

// clientErr is an error of the client with no code (Unknown): transient.
var clientErr = &kdb.Error{}

// sleeps records the back-off delays without waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) bool {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err() == nil
}

func (s *sleeps) got() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.d)
}

func start(t *testing.T, src source, c cursor) (*subscription, *sleeps) {
	t.Helper()
	sl := &sleeps{}
	b := backoff{initial: 100 * time.Millisecond, max: time.Second, sleep: sl.sleep}
	sub := startSubscription(t.Context(), src, c, nil, b, slog.New(slog.NewTextHandler(io.Discard, nil)), func() {})
	t.Cleanup(func() { _ = sub.Close() })
	return sub, sl
}

// take reads n events or fails after a while.
func take(t *testing.T, sub eventstore.Subscription, n int) []string {
	t.Helper()
	var ids []string
	for len(ids) < n {
		select {
		case e, ok := <-sub.Events():
			if !ok {
				t.Fatalf("subscription ended after %v: %v", ids, sub.Err())
			}
			ids = append(ids, e.ID)
		case <-time.After(5 * time.Second):
			t.Fatalf("got %v, waiting for %d events", ids, n)
		}
	}
	return ids
}

func TestLoop_ResumesAfterLastDeliveredWithoutDuplicates(t *testing.T) {
	src := &scriptedSource{sessions: []session{
		{records: []record{rec("a", 1), rec("a", 2), rec("b", 3)}, dropErr: status.Error(codes.Unavailable, "gone")},
		{openErr: clientErr},
		{records: []record{rec("b", 3), rec("a", 4), sys(5), rec("b", 6)}}, // repeats the record it resumed after
	}}
	sub, sl := start(t, src, cursor{})
	if got := take(t, sub, 5); !slices.Equal(got, []string{"1", "2", "3", "4", "6"}) {
		t.Fatalf("delivered %v", got)
	}
	opens, _ := src.state()
	if want := []cursor{{}, at(3), at(3)}; !slices.Equal(opens, want) {
		t.Errorf("opened at %v, want %v", opens, want)
	}
	if want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}; !slices.Equal(sl.got(), want) {
		t.Errorf("back-off %v, want %v", sl.got(), want)
	}
	if err := sub.Close(); err != nil || sub.Err() != nil {
		t.Fatalf("Close = %v, Err = %v", err, sub.Err())
	}
	if _, ok := <-sub.Events(); ok {
		t.Error("events still open after Close")
	}
	if _, live := src.state(); live != 0 {
		t.Errorf("%d feeds left open", live)
	}
}

func TestLoop_BackoffDoublesUpToMaxAndResetsAfterProgress(t *testing.T) {
	var script []session
	for range 6 {
		script = append(script, session{openErr: clientErr})
	}
	script = append(script, session{records: []record{rec("a", 1)}, dropErr: clientErr}, session{openErr: clientErr})
	src := &scriptedSource{sessions: script}
	sub, sl := start(t, src, cursor{})
	take(t, sub, 1)
	ms := time.Millisecond
	want := []time.Duration{100 * ms, 200 * ms, 400 * ms, 800 * ms, time.Second, time.Second, 100 * ms, 200 * ms}
	deadline := time.Now().Add(5 * time.Second)
	for len(sl.got()) < len(want) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got := sl.got()[:len(want)]; !slices.Equal(got, want) {
		t.Errorf("back-off %v, want %v", got, want)
	}
}

func TestLoop_ResumesAfterSystemAndHiddenRecords(t *testing.T) {
	src := &scriptedSource{
		sessions: []session{
			{records: []record{rec("a", 1), sys(2), rec("gone", 3)}, dropErr: clientErr},
			{records: []record{rec("a", 4)}},
		},
		hide: func(b []eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error) {
			return slices.DeleteFunc(b, func(e eventstore.RecordedEvent) bool { return e.StreamID == "gone" }), nil
		},
	}
	sub, _ := start(t, src, at(0))
	if got := take(t, sub, 2); !slices.Equal(got, []string{"1", "4"}) {
		t.Fatalf("delivered %v", got)
	}
	if opens, _ := src.state(); !slices.Equal(opens, []cursor{at(0), at(3)}) {
		t.Errorf("opened at %v, want after 0/0 and after the hidden record 3/3", opens)
	}
}

func TestLoop_FailedVisibilityCheckRereadsTheBatch(t *testing.T) {
	failed := false
	src := &scriptedSource{sessions: []session{
		{records: []record{rec("a", 1), rec("a", 2)}},
		{records: []record{rec("a", 1), rec("a", 2), rec("a", 3)}},
	}}
	src.hide = func(b []eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error) {
		if !failed {
			failed = true
			return nil, status.Error(codes.Unavailable, "lookup failed")
		}
		return b, nil
	}
	sub, _ := start(t, src, cursor{})
	if got := take(t, sub, 3); !slices.Equal(got, []string{"1", "2", "3"}) {
		t.Fatalf("delivered %v", got)
	}
	if opens, _ := src.state(); !slices.Equal(opens, []cursor{{}, {}}) {
		t.Errorf("opened at %v, want twice from the start", opens)
	}
}

func TestLoop_EndsOnPermanentError(t *testing.T) {
	corrupt := fmt.Errorf("%w: metadata of zaak-1@0", errCorrupt)
	src := &scriptedSource{sessions: []session{{records: []record{rec("a", 1)}, dropErr: corrupt}}}
	sub, sl := start(t, src, cursor{})
	take(t, sub, 1)
	select {
	case _, ok := <-sub.Events():
		if ok {
			t.Fatal("event after the permanent error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("subscription did not end")
	}
	if !errors.Is(sub.Err(), errCorrupt) || len(sl.got()) != 0 {
		t.Errorf("Err = %v after %v back-off, want the corrupt event at once", sub.Err(), sl.got())
	}
}

func TestLoop_StopsOnContextCancel(t *testing.T) {
	for name, script := range map[string][]session{
		"while live":        {{records: []record{rec("a", 1)}}},
		"while backing off": {{records: []record{rec("a", 1)}, dropErr: clientErr}},
	} {
		t.Run(name, func(t *testing.T) {
			src := &scriptedSource{sessions: script}
			ctx, cancel := context.WithCancel(t.Context())
			b := backoff{initial: time.Hour, max: time.Hour, sleep: sleepCtx}
			sub := startSubscription(ctx, src, cursor{}, nil, b, slog.New(slog.NewTextHandler(io.Discard, nil)), func() {})
			take(t, sub, 1)
			cancel()
			select {
			case <-sub.done:
			case <-time.After(5 * time.Second):
				t.Fatal("loop still running after cancel")
			}
			if _, ok := <-sub.Events(); ok || sub.Err() != nil {
				t.Errorf("after cancel: open=%v Err=%v", ok, sub.Err())
			}
			if _, live := src.state(); live != 0 {
				t.Errorf("%d feeds left open", live)
			}
		})
	}
}

func TestBackoff_Delay(t *testing.T) {
	b := backoff{initial: 100 * time.Millisecond, max: 5 * time.Second}
	for n, want := range []time.Duration{100, 200, 400, 800, 1600, 3200, 5000, 5000} {
		if got := b.delay(n); got != want*time.Millisecond {
			t.Errorf("delay(%d) = %v, want %v", n, got, want*time.Millisecond)
		}
	}
	if got := b.delay(1000); got != 5*time.Second {
		t.Errorf("delay(1000) = %v, want the cap", got)
	}
}
