package storetest

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
)

func testSubscribe(t *testing.T, newStore func(t *testing.T) eventstore.Store) {
	t.Run("CatchUpThenLive", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "sub-a", eventstore.NoStream(), batch("old", 10)...)
		sub := subscribe(t, t.Context(), s, eventstore.Start)
		got := receive(t, sub, 10)
		mustAppend(t, s, "sub-b", eventstore.NoStream(), event("live-0"))
		mustAppend(t, s, "sub-a", eventstore.Exact(9), batch("live", 4)...)
		got = append(got, receive(t, sub, 5)...)
		sameEvents(t, got, theLog(t, s, 15))
		expectQuiet(t, sub, 100*time.Millisecond)
	})
	t.Run("FromPosition", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "sub-a", eventstore.NoStream(), batch("a", 6)...)
		all := theLog(t, s, 6)
		sub := subscribe(t, t.Context(), s, all[2].Position)
		sameEvents(t, receive(t, sub, 3), all[3:])
		expectQuiet(t, sub, 100*time.Millisecond)
	})
	t.Run("ResumeWithoutGapsOrDuplicates", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "sub-a", eventstore.NoStream(), batch("a", 20)...)
		first := subscribe(t, t.Context(), s, eventstore.Start)
		got := receive(t, first, 7)
		if err := first.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		mustAppend(t, s, "sub-b", eventstore.NoStream(), batch("b", 10)...)
		second := subscribe(t, t.Context(), s, got[len(got)-1].Position)
		got = append(got, receive(t, second, 23)...)
		mustAppend(t, s, "sub-a", eventstore.Exact(19), event("a-20"))
		got = append(got, receive(t, second, 1)...)
		sameEvents(t, got, theLog(t, s, 31))
	})
	t.Run("ConcurrentWriters", func(t *testing.T) {
		s := newStore(t)
		const writers, each = 4, 50
		sub := subscribe(t, t.Context(), s, eventstore.Start)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					stream := fmt.Sprintf("sub-w%d-%d", w, i%5)
					if _, err := s.Append(t.Context(), stream, eventstore.Any(), event("w")); err != nil {
						t.Errorf("Append: %v", err)
						return
					}
				}
			}()
		}
		got := receive(t, sub, writers*each)
		wg.Wait()
		ascending(t, got)
		sameEvents(t, got, theLog(t, s, writers*each))
	})
	t.Run("CloseEnds", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "sub-a", eventstore.NoStream(), event("a"))
		sub := subscribe(t, t.Context(), s, eventstore.Start)
		receive(t, sub, 1)
		if err := sub.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		expectEnded(t, sub)
		if err := sub.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
	})
	t.Run("CancelEnds", func(t *testing.T) {
		s := newStore(t)
		ctx, cancel := context.WithCancel(t.Context())
		sub := subscribe(t, ctx, s, eventstore.Start)
		cancel()
		expectEnded(t, sub)
	})
	t.Run("CloseWhileConsumerLags", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "sub-a", eventstore.NoStream(), batch("a", 1000)...)
		sub := subscribe(t, t.Context(), s, eventstore.Start)
		done := make(chan struct{})
		go func() { sub.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Fatal("Close blocked on an unread subscription")
		}
	})
	t.Run("NoGoroutineLeak", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "sub-a", eventstore.NoStream(), event("warm-up"))
		settle(t, 0)
		before := runtime.NumGoroutine()
		ctx, cancel := context.WithCancel(t.Context())
		var subs []eventstore.Subscription
		for range 5 {
			subs = append(subs, subscribe(t, ctx, s, eventstore.Start))
		}
		for _, sub := range subs {
			receive(t, sub, 1)
		}
		mustAppend(t, s, "sub-a", eventstore.Exact(0), event("live"))
		for _, sub := range subs {
			receive(t, sub, 1)
		}
		subs[0].Close()
		cancel()
		for _, sub := range subs {
			expectEnded(t, sub)
		}
		settle(t, before)
	})
}

// settle waits until no more than limit goroutines run (limit 0: until the
// count stops changing), failing after the wait limit.
func settle(t *testing.T, limit int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	last := -1
	for {
		n := runtime.NumGoroutine()
		if (limit == 0 && n == last) || (limit > 0 && n <= limit) {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines still run, want at most %d:\n%s", n, limit, buf[:runtime.Stack(buf, true)])
		}
		last = n
		time.Sleep(50 * time.Millisecond)
	}
}
