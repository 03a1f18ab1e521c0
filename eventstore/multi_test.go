package eventstore_test

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
)

// partByPart hides the AppendMulti of the store it embeds, as a backend
// without multi-stream transactions would.
type partByPart struct{ eventstore.Store }

func newEvent() eventstore.EventData {
	return eventstore.EventData{ID: uuid.NewString(), Type: "eventstore.test", SchemaVersion: 1, Data: []byte(`{}`)}
}

func newMemory(t *testing.T) *memory.Store {
	s := memory.New()
	t.Cleanup(func() { s.Close() })
	return s
}

// streamLen returns the number of events of stream (0 when it does not
// exist).
func streamLen(t *testing.T, s eventstore.Store, stream string) int {
	t.Helper()
	evs, err := s.ReadStream(t.Context(), stream, 0, 0)
	if errors.Is(err, eventstore.ErrStreamNotFound) {
		return 0
	}
	if err != nil {
		t.Fatalf("ReadStream(%s): %v", stream, err)
	}
	return len(evs)
}

func TestAppendMulti_PartByPart(t *testing.T) {
	mem := newMemory(t)
	s := partByPart{mem}
	if _, ok := eventstore.Store(s).(eventstore.MultiAppender); ok {
		t.Fatal("the test store must not be a MultiAppender")
	}
	if _, err := mem.Append(t.Context(), "c", eventstore.NoStream(), newEvent()); err != nil {
		t.Fatal(err)
	}
	res, err := eventstore.AppendMulti(t.Context(), s,
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent(), newEvent()}},
		eventstore.StreamAppend{Stream: "c", Expected: eventstore.Exact(0)},
		eventstore.StreamAppend{Stream: "b", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent()}},
	)
	if err != nil {
		t.Fatalf("AppendMulti: %v", err)
	}
	if len(res) != 3 {
		t.Fatalf("%d results, want 3", len(res))
	}
	if res[0].Revision != 1 || res[1].Revision != 0 || res[2].Revision != 0 {
		t.Fatalf("revisions %d, %d, %d, want 1, 0, 0", res[0].Revision, res[1].Revision, res[2].Revision)
	}
	log, err := s.ReadAll(t.Context(), eventstore.Start, 0)
	if err != nil {
		t.Fatal(err)
	}
	var streams []string
	for _, ev := range log {
		streams = append(streams, ev.StreamID)
	}
	if got := len(log); got != 4 || streams[1] != "a" || streams[2] != "a" || streams[3] != "b" {
		t.Fatalf("log streams %v, want [c a a b]", streams)
	}
	if res[0].Position != log[2].Position || res[2].Position != log[3].Position {
		t.Fatalf("result positions %s, %s, want %s, %s", res[0].Position, res[2].Position, log[2].Position, log[3].Position)
	}
}

func TestAppendMulti_PartByPartKeepsEarlierParts(t *testing.T) {
	s := partByPart{newMemory(t)}
	if _, err := s.Append(t.Context(), "b", eventstore.NoStream(), newEvent()); err != nil {
		t.Fatal(err)
	}
	res, err := eventstore.AppendMulti(t.Context(), s,
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent()}},
		eventstore.StreamAppend{Stream: "b", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent()}},
		eventstore.StreamAppend{Stream: "c", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent()}},
	)
	if !errors.Is(err, eventstore.ErrWrongExpectedRevision) || !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("err = %v, want ErrWrongExpectedRevision", err)
	}
	if res != nil {
		t.Fatalf("results %v after an error, want none", res)
	}
	if n := streamLen(t, s, "a"); n != 1 {
		t.Fatalf("the part before the refused one left %d events, want 1 (appended part by part)", n)
	}
	if n := streamLen(t, s, "b"); n != 1 {
		t.Fatalf("the refused stream has %d events, want 1", n)
	}
	if n := streamLen(t, s, "c"); n != 0 {
		t.Fatalf("the part after the refused one left %d events, want none", n)
	}
}

func TestAppendMulti_MultiAppenderIsAtomic(t *testing.T) {
	s := newMemory(t)
	if _, err := s.Append(t.Context(), "b", eventstore.NoStream(), newEvent()); err != nil {
		t.Fatal(err)
	}
	_, err := eventstore.AppendMulti(t.Context(), s,
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent()}},
		eventstore.StreamAppend{Stream: "b", Expected: eventstore.NoStream(), Events: []eventstore.EventData{newEvent()}},
	)
	if !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
		t.Fatalf("err = %v, want ErrWrongExpectedRevision", err)
	}
	if n := streamLen(t, s, "a"); n != 0 {
		t.Fatalf("the part before the refused one left %d events, want none (atomic)", n)
	}
	if n := streamLen(t, s, "b"); n != 1 {
		t.Fatalf("the refused stream has %d events, want 1", n)
	}
}

func TestAppendMulti_NoParts(t *testing.T) {
	for name, s := range map[string]eventstore.Store{"MultiAppender": newMemory(t), "PartByPart": partByPart{newMemory(t)}} {
		t.Run(name, func(t *testing.T) {
			res, err := eventstore.AppendMulti(t.Context(), s)
			if err != nil || len(res) != 0 {
				t.Fatalf("AppendMulti() = %v, %v, want no results and no error", res, err)
			}
		})
	}
}
