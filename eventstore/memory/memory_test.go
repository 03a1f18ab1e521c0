package memory_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
	"github.com/zaakregister/zaakregister/eventstore/storetest"
)

// TestStore runs the contract suite.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) eventstore.Store {
		s := memory.New()
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func appendEvent() eventstore.EventData {
	return eventstore.EventData{ID: uuid.NewString(), Type: "memory.test", SchemaVersion: 1, Data: []byte(`{}`)}
}

// TestAppendMulti_SameStreamTwice: a call that names a stream twice is
// refused as invalid, before anything is appended.
func TestAppendMulti_SameStreamTwice(t *testing.T) {
	s := memory.New()
	defer s.Close()
	_, err := s.AppendMulti(t.Context(),
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{appendEvent()}},
		eventstore.StreamAppend{Stream: "b", Expected: eventstore.NoStream(), Events: []eventstore.EventData{appendEvent()}},
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.Any(), Events: []eventstore.EventData{appendEvent()}},
	)
	if !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), `"a"`) {
		t.Fatalf("err = %v, want a domain.ErrInvalid naming stream a", err)
	}
	for _, stream := range []string{"a", "b"} {
		if _, err := s.ReadStream(t.Context(), stream, 0, 0); !errors.Is(err, eventstore.ErrStreamNotFound) {
			t.Fatalf("ReadStream(%s) after a refused call: err = %v, want ErrStreamNotFound", stream, err)
		}
	}
}

// TestAppendMulti_InvalidEventNamesStream: an invalid event is reported as
// Append reports it, naming its stream and the event's field.
func TestAppendMulti_InvalidEventNamesStream(t *testing.T) {
	s := memory.New()
	defer s.Close()
	bad := appendEvent()
	bad.Type = ""
	_, err := s.AppendMulti(t.Context(),
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{appendEvent()}},
		eventstore.StreamAppend{Stream: "b", Expected: eventstore.NoStream(), Events: []eventstore.EventData{appendEvent(), bad}},
	)
	_, single := s.Append(t.Context(), "b", eventstore.NoStream(), appendEvent(), bad)
	if !errors.Is(err, domain.ErrInvalid) || single == nil || err.Error() != single.Error() {
		t.Fatalf("err = %v, want Append's %v", err, single)
	}
}

// TestAppendMulti_NoParts: nothing to do is not an error.
func TestAppendMulti_NoParts(t *testing.T) {
	s := memory.New()
	defer s.Close()
	if res, err := s.AppendMulti(t.Context()); res != nil || err != nil {
		t.Fatalf("AppendMulti() = %v, %v, want nil, nil", res, err)
	}
}
