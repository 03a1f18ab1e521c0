package storetest

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

func testReadStream(t *testing.T, s eventstore.Store) {
	a := batch("a", 5)
	mustAppend(t, s, "read-a", eventstore.NoStream(), a[:2]...)
	mustAppend(t, s, "read-b", eventstore.NoStream(), batch("b", 3)...)
	mustAppend(t, s, "read-a", eventstore.Exact(1), a[2])
	mustAppend(t, s, "read-a", eventstore.Exact(2), a[3:]...)

	cases := []struct {
		name        string
		from        uint64
		limit       int
		first, want int // first revision and number of events expected
	}{
		{"All", 0, 0, 0, 5},
		{"FromRevision", 3, 10, 3, 2},
		{"FromRevisionWithLimit", 1, 2, 1, 2},
		{"LimitLargerThanStream", 0, 100, 0, 5},
		{"FromLastRevision", 4, 0, 4, 1},
		{"PastTheEnd", 5, 10, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.ReadStream(t.Context(), "read-a", c.from, c.limit)
			if err != nil {
				t.Fatalf("ReadStream(from %d, limit %d): %v", c.from, c.limit, err)
			}
			if len(got) != c.want {
				t.Fatalf("got %d events, want %d", len(got), c.want)
			}
			for i, ev := range got {
				rev := c.first + i
				if ev.Revision != uint64(rev) || ev.ID != a[rev].ID || ev.StreamID != "read-a" {
					t.Fatalf("event %d: %s/%d id %s, want read-a/%d id %s", i, ev.StreamID, ev.Revision, ev.ID, rev, a[rev].ID)
				}
			}
			ascending(t, got)
		})
	}
	t.Run("UnknownStream", func(t *testing.T) {
		_, err := s.ReadStream(t.Context(), "read-nobody", 0, 10)
		if !errors.Is(err, eventstore.ErrStreamNotFound) || !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("err = %v, want ErrStreamNotFound (a domain.ErrNotFound)", err)
		}
	})
}

func testReadAll(t *testing.T, s eventstore.Store) {
	if got, err := s.ReadAll(t.Context(), eventstore.Start, 10); err != nil || len(got) != 0 {
		t.Fatalf("empty store: ReadAll gave %d events, err %v", len(got), err)
	}
	// Appends alternate between streams and between single events and
	// batches; the log must list them in append order.
	var want []eventstore.EventData
	var results []eventstore.AppendResult
	add := func(stream string, expected eventstore.ExpectedRevision, evs ...eventstore.EventData) {
		results = append(results, mustAppend(t, s, stream, expected, evs...))
		want = append(want, evs...)
	}
	add("all-x", eventstore.NoStream(), event("x0"))
	add("all-y", eventstore.NoStream(), batch("y", 3)...)
	add("all-x", eventstore.Exact(0), event("x1"))
	add("all-z", eventstore.Any(), batch("z", 2)...)
	add("all-y", eventstore.StreamExists(), event("y3"))

	all := theLog(t, s, len(want))
	if len(all) != len(want) {
		t.Fatalf("ReadAll gave %d events, want %d", len(all), len(want))
	}
	for i := range want {
		if all[i].ID != want[i].ID {
			t.Fatalf("event %d is %s, want %s: the log is not in append order", i, all[i].ID, want[i].ID)
		}
	}
	ascending(t, all)
	if last := all[len(all)-1].Position; last != results[len(results)-1].Position {
		t.Fatalf("last event at %s, last AppendResult at %s", last, results[len(results)-1].Position)
	}

	t.Run("AfterIsExclusive", func(t *testing.T) {
		for i := range all {
			got, err := s.ReadAll(t.Context(), all[i].Position, 1)
			if err != nil {
				t.Fatalf("ReadAll(%s): %v", all[i].Position, err)
			}
			if i == len(all)-1 {
				if len(got) != 0 {
					t.Fatalf("ReadAll after the last event gave %d events", len(got))
				}
				continue
			}
			if len(got) != 1 || got[0].ID != all[i+1].ID {
				t.Fatalf("ReadAll after event %d did not give event %d", i, i+1)
			}
		}
	})
	t.Run("Pages", func(t *testing.T) {
		for _, limit := range []int{1, 2, 3, 7} {
			sameEvents(t, readAll(t, s, eventstore.Start, limit), all)
		}
	})
	t.Run("NoLimit", func(t *testing.T) {
		got, err := s.ReadAll(t.Context(), all[1].Position, 0)
		if err != nil {
			t.Fatalf("ReadAll(limit 0): %v", err)
		}
		sameEvents(t, got, all[2:])
	})
}
