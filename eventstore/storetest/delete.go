package storetest

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

func testDelete(t *testing.T, s eventstore.Store) {
	mustAppend(t, s, "del-keep", eventstore.NoStream(), event("keep-0"))
	mustAppend(t, s, "del-gone", eventstore.NoStream(), batch("gone", 3)...)
	mustAppend(t, s, "del-keep", eventstore.Exact(0), event("keep-1"))

	t.Run("WrongExpectedRevision", func(t *testing.T) {
		for _, expected := range []eventstore.ExpectedRevision{eventstore.Exact(1), eventstore.NoStream()} {
			isConflict(t, s.Delete(t.Context(), "del-gone", expected))
		}
		isConflict(t, s.Delete(t.Context(), "del-nobody", eventstore.StreamExists()))
		if got, err := s.ReadStream(t.Context(), "del-gone", 0, 0); err != nil || len(got) != 3 {
			t.Fatalf("a refused delete changed the stream: %d events, err %v", len(got), err)
		}
	})
	if err := s.Delete(t.Context(), "del-gone", eventstore.Exact(2)); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	t.Run("ReadStreamNotFound", func(t *testing.T) {
		_, err := s.ReadStream(t.Context(), "del-gone", 0, 0)
		if !errors.Is(err, eventstore.ErrStreamNotFound) {
			t.Fatalf("ReadStream of a deleted stream: err = %v, want ErrStreamNotFound", err)
		}
	})
	t.Run("GoneFromReadAll", func(t *testing.T) {
		all := theLog(t, s, 2)
		if len(all) != 2 {
			t.Fatalf("ReadAll gave %d events, want the 2 of the kept stream", len(all))
		}
		for _, ev := range all {
			if ev.StreamID != "del-keep" {
				t.Fatalf("ReadAll still gives an event of %s", ev.StreamID)
			}
		}
	})
	t.Run("AppendFails", func(t *testing.T) {
		for _, expected := range []eventstore.ExpectedRevision{
			eventstore.Any(), eventstore.NoStream(), eventstore.StreamExists(), eventstore.Exact(2),
		} {
			_, err := s.Append(t.Context(), "del-gone", expected, event("again"))
			if !errors.Is(err, eventstore.ErrStreamDeleted) {
				t.Fatalf("Append(%s) to a deleted stream: err = %v, want ErrStreamDeleted", expected, err)
			}
			var de *domain.Error
			if !errors.As(err, &de) || de.Kind != domain.KindGone {
				t.Fatalf("Append to a deleted stream: err = %v, want a domain error of kind gone", err)
			}
		}
	})
	t.Run("DeleteAgainFails", func(t *testing.T) {
		if err := s.Delete(t.Context(), "del-gone", eventstore.Any()); !errors.Is(err, eventstore.ErrStreamDeleted) {
			t.Fatalf("second Delete: err = %v, want ErrStreamDeleted", err)
		}
	})
	t.Run("OtherStreamsUntouched", func(t *testing.T) {
		got, err := s.ReadStream(t.Context(), "del-keep", 0, 0)
		if err != nil || len(got) != 2 {
			t.Fatalf("kept stream: %d events, err %v", len(got), err)
		}
		mustAppend(t, s, "del-keep", eventstore.Exact(1), event("keep-2"))
	})
	t.Run("SubscribeSkipsDeleted", func(t *testing.T) {
		sub := subscribe(t, t.Context(), s, eventstore.Start)
		for _, ev := range receive(t, sub, 3) {
			if ev.StreamID != "del-keep" {
				t.Fatalf("subscription delivered an event of %s", ev.StreamID)
			}
		}
	})
}
