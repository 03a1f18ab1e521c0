package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
)

// testVolume appends 100,000 events (10,000 with -short) in batches spread
// over many streams and reads them all back in order, through ReadAll pages
// and through a subscription.
func testVolume(t *testing.T, s eventstore.Store) {
	total, batchSize, streams := 100_000, 500, 100
	if testing.Short() {
		total, streams = 10_000, 10
	}
	rounds := total / (batchSize * streams)
	want := make([]string, 0, total)
	for r := range rounds {
		for st := range streams {
			evs := batch(fmt.Sprintf("v%d-%d", st, r), batchSize)
			expected := eventstore.NoStream()
			if r > 0 {
				expected = eventstore.Exact(uint64(r*batchSize - 1))
			}
			mustAppend(t, s, fmt.Sprintf("volume-%d", st), expected, evs...)
			for _, ev := range evs {
				want = append(want, ev.ID)
			}
		}
	}

	all := theLog(t, s, total)
	if len(all) != total {
		t.Fatalf("ReadAll gave %d events, want %d", len(all), total)
	}
	for i, ev := range all {
		if ev.ID != want[i] {
			t.Fatalf("ReadAll event %d is %s, want %s", i, ev.ID, want[i])
		}
	}
	ascending(t, all)

	sub := subscribe(t, t.Context(), s, eventstore.Start)
	sameEvents(t, receive(t, sub, total), all)
	expectQuiet(t, sub, 50*time.Millisecond)
}
