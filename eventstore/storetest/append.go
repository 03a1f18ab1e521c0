package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

func testExpectedRevision(t *testing.T, s eventstore.Store) {
	cases := []struct {
		name     string
		existing int // events in the stream before the append
		expected eventstore.ExpectedRevision
		appended int
		conflict bool
		wantRev  uint64
	}{
		{"Any/NewStream", 0, eventstore.Any(), 1, false, 0},
		{"Any/ExistingStream", 2, eventstore.Any(), 1, false, 2},
		{"Any/Batch", 2, eventstore.Any(), 3, false, 4},
		{"NoStream/NewStream", 0, eventstore.NoStream(), 1, false, 0},
		{"NoStream/NewStreamBatch", 0, eventstore.NoStream(), 3, false, 2},
		{"NoStream/ExistingStream", 1, eventstore.NoStream(), 1, true, 0},
		{"StreamExists/NewStream", 0, eventstore.StreamExists(), 1, true, 0},
		{"StreamExists/ExistingStream", 2, eventstore.StreamExists(), 1, false, 2},
		{"Exact/Current", 2, eventstore.Exact(1), 1, false, 2},
		{"Exact/CurrentBatch", 2, eventstore.Exact(1), 2, false, 3},
		{"Exact/Behind", 2, eventstore.Exact(0), 1, true, 0},
		{"Exact/Ahead", 2, eventstore.Exact(5), 1, true, 0},
		{"Exact/NewStream", 0, eventstore.Exact(0), 1, true, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stream := "expected-" + c.name
			if c.existing > 0 {
				mustAppend(t, s, stream, eventstore.NoStream(), batch("setup", c.existing)...)
			}
			res, err := s.Append(t.Context(), stream, c.expected, batch("append", c.appended)...)
			if c.conflict {
				isConflict(t, err)
				if c.existing == 0 {
					if _, err := s.ReadStream(t.Context(), stream, 0, 0); !errors.Is(err, eventstore.ErrStreamNotFound) {
						t.Fatalf("refused append created the stream: ReadStream err = %v", err)
					}
					return
				}
				got, err := s.ReadStream(t.Context(), stream, 0, 0)
				if err != nil || len(got) != c.existing {
					t.Fatalf("after a refused append the stream has %d events (err %v), want %d", len(got), err, c.existing)
				}
				return
			}
			if err != nil {
				t.Fatalf("Append(%s): %v", c.expected, err)
			}
			if res.Revision != c.wantRev {
				t.Fatalf("revision = %d, want %d", res.Revision, c.wantRev)
			}
			got, err := s.ReadStream(t.Context(), stream, 0, 0)
			if err != nil || len(got) != c.existing+c.appended {
				t.Fatalf("stream has %d events (err %v), want %d", len(got), err, c.existing+c.appended)
			}
			if last := got[len(got)-1]; last.Revision != res.Revision || last.Position != res.Position {
				t.Fatalf("last event at %d/%s, AppendResult says %d/%s", last.Revision, last.Position, res.Revision, res.Position)
			}
		})
	}
}

func testInvalidEvent(t *testing.T, s eventstore.Store) {
	bad := map[string]func(*eventstore.EventData){
		"IDNotUUID":   func(e *eventstore.EventData) { e.ID = "not-a-uuid" },
		"EmptyType":   func(e *eventstore.EventData) { e.Type = "" },
		"DataNotJSON": func(e *eventstore.EventData) { e.Data = json.RawMessage(`{"open":`) },
		"NoData":      func(e *eventstore.EventData) { e.Data = nil },
	}
	for name, spoil := range bad {
		t.Run(name, func(t *testing.T) {
			ev := event("bad")
			spoil(&ev)
			_, err := s.Append(t.Context(), "invalid-"+name, eventstore.Any(), event("good"), ev)
			if !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("err = %v, want a domain.ErrInvalid", err)
			}
			if _, err := s.ReadStream(t.Context(), "invalid-"+name, 0, 0); !errors.Is(err, eventstore.ErrStreamNotFound) {
				t.Fatalf("a refused batch left events behind: ReadStream err = %v", err)
			}
		})
	}
}

func testConcurrentAppends(t *testing.T, newStore func(t *testing.T) eventstore.Store) {
	const writers = 8
	race := func(t *testing.T, s eventstore.Store, stream string, expected eventstore.ExpectedRevision) {
		t.Helper()
		errs := race(writers, func(i int) error {
			_, err := s.Append(t.Context(), stream, expected, event(fmt.Sprintf("writer-%d", i)))
			return err
		})
		wins := 0
		for _, err := range errs {
			if err == nil {
				wins++
				continue
			}
			isConflict(t, err)
		}
		if wins != 1 {
			t.Fatalf("%d of %d writers won, want exactly 1", wins, writers)
		}
	}
	t.Run("NoStreamOneWins", func(t *testing.T) {
		s := newStore(t)
		race(t, s, "race-new", eventstore.NoStream())
		if got, err := s.ReadStream(t.Context(), "race-new", 0, 0); err != nil || len(got) != 1 {
			t.Fatalf("stream has %d events (err %v), want 1", len(got), err)
		}
	})
	t.Run("ExactOneWins", func(t *testing.T) {
		s := newStore(t)
		mustAppend(t, s, "race-exact", eventstore.NoStream(), event("first"))
		race(t, s, "race-exact", eventstore.Exact(0))
		if got, err := s.ReadStream(t.Context(), "race-exact", 0, 0); err != nil || len(got) != 2 {
			t.Fatalf("stream has %d events (err %v), want 2", len(got), err)
		}
	})
	t.Run("AnyAllWinInOrder", func(t *testing.T) {
		s := newStore(t)
		const each = 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range each {
					if _, err := s.Append(t.Context(), "race-any", eventstore.Any(), event(fmt.Sprintf("%d-%d", i, j))); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("Append(Any): %v", err)
		}
		got, err := s.ReadStream(t.Context(), "race-any", 0, 0)
		if err != nil || len(got) != writers*each {
			t.Fatalf("stream has %d events (err %v), want %d", len(got), err, writers*each)
		}
		for i, ev := range got {
			if ev.Revision != uint64(i) {
				t.Fatalf("event %d has revision %d", i, ev.Revision)
			}
		}
		ascending(t, got)
	})
}

func testMetadataRoundTrip(t *testing.T, s eventstore.Store) {
	want := eventstore.EventData{
		ID:            "0b7e4c3a-5f2d-4e8b-9a61-3c2d1e0f9a8b",
		Type:          "zaken.zaak.aangemaakt",
		SchemaVersion: 7,
		// Key order, spacing and escapes must survive byte for byte.
		Data: json.RawMessage(`{"z": 1,  "a": [1, 2.50, {"b": null}], "s": "\u00e9é\n"}`),
		Metadata: eventstore.Metadata{
			ClientID:           "client-1",
			UserID:             "user-1",
			UserRepresentation: "Jan de Vries",
			RequestID:          "req-1",
			CorrelationID:      "corr-1",
			CausationID:        "cause-1",
			Toelichting:        "Zaak aangemaakt via het zaaksysteem",
			Time:               time.Date(2024, 3, 31, 2, 30, 15, 123456789, time.FixedZone("CEST", 2*3600)),
		},
	}
	mustAppend(t, s, "roundtrip", eventstore.NoStream(), want)
	fromStream, err := s.ReadStream(t.Context(), "roundtrip", 0, 0)
	if err != nil || len(fromStream) != 1 {
		t.Fatalf("ReadStream: %d events, err %v", len(fromStream), err)
	}
	fromLog := theLog(t, s, 1)
	if len(fromLog) != 1 {
		t.Fatalf("ReadAll: %d events, want 1", len(fromLog))
	}
	for _, got := range []eventstore.RecordedEvent{fromStream[0], fromLog[0]} {
		if got.ID != want.ID || got.Type != want.Type || got.SchemaVersion != want.SchemaVersion {
			t.Fatalf("got id %s type %s version %d, want %s %s %d", got.ID, got.Type, got.SchemaVersion, want.ID, want.Type, want.SchemaVersion)
		}
		if string(got.Data) != string(want.Data) {
			t.Fatalf("data = %s, want %s byte for byte", got.Data, want.Data)
		}
		gm, wm := got.Metadata, want.Metadata
		if !gm.Time.Equal(wm.Time) {
			t.Fatalf("metadata time = %s, want %s", gm.Time, wm.Time)
		}
		gm.Time, wm.Time = time.Time{}, time.Time{}
		if gm != wm {
			t.Fatalf("metadata = %+v, want %+v", gm, wm)
		}
		if got.StreamID != "roundtrip" || got.Revision != 0 {
			t.Fatalf("stream %q revision %d, want roundtrip 0", got.StreamID, got.Revision)
		}
	}
}
