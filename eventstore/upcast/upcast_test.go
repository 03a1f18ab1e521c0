package upcast_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
	"github.com/zaakregister/zaakregister/eventstore/storetest"
	"github.com/zaakregister/zaakregister/eventstore/upcast"
)

// renamed upcasts test.oud v1 ({"naam"}) to v2 ({"name"}); data "kapot"
// cannot be upcast.
func renamed(ev *eventstore.RecordedEvent) error {
	if ev.Type != "test.oud" || ev.SchemaVersion != 1 {
		return nil
	}
	var v1 struct {
		Naam string `json:"naam"`
	}
	if err := json.Unmarshal(ev.Data, &v1); err != nil {
		return err
	}
	data, err := json.Marshal(map[string]string{"name": v1.Naam})
	ev.Data, ev.SchemaVersion = data, 2
	return err
}

// TestContract: the upcasting store keeps the contract.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) eventstore.Store { return upcast.Wrap(memory.New(), renamed) })
}

func event(id, typ string, version int, data string) eventstore.EventData {
	return eventstore.EventData{ID: id, Type: typ, SchemaVersion: version, Data: json.RawMessage(data)}
}

// TestUpcast_EveryRead: an event of an older version reads as the current
// one through ReadStream, ReadAll and a subscription; current events and
// other types pass unchanged; what is stored is not changed.
func TestUpcast_EveryRead(t *testing.T) {
	base := memory.New()
	s := upcast.Wrap(base, renamed)
	if _, ok := s.(eventstore.MultiAppender); !ok {
		t.Error("the wrapped memory store is no MultiAppender")
	}
	ctx := t.Context()
	if _, err := s.Append(ctx, "s", eventstore.NoStream(),
		event("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e01", "test.oud", 1, `{"naam":"a"}`),
		event("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e02", "test.oud", 2, `{"name":"b"}`),
		event("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e03", "test.ander", 1, `{"naam":"c"}`)); err != nil {
		t.Fatal(err)
	}
	want := []string{`2 {"name":"a"}`, `2 {"name":"b"}`, `1 {"naam":"c"}`}
	check := func(how string, events []eventstore.RecordedEvent) {
		t.Helper()
		var got []string
		for _, ev := range events {
			got = append(got, string(rune('0'+ev.SchemaVersion))+" "+string(ev.Data))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q, want %q", how, got, want)
		}
	}
	events, err := s.ReadStream(ctx, "s", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	check("ReadStream", events)
	if events, err = s.ReadAll(ctx, eventstore.Start, 10); err != nil {
		t.Fatal(err)
	}
	check("ReadAll", events)
	sub, err := s.Subscribe(ctx, eventstore.Start)
	if err != nil {
		t.Fatal(err)
	}
	var live []eventstore.RecordedEvent
	for len(live) < 3 {
		select {
		case ev := <-sub.Events():
			live = append(live, ev)
		case <-time.After(5 * time.Second):
			t.Fatalf("subscription delivered %d events", len(live))
		}
	}
	_ = sub.Close()
	check("Subscribe", live)
	if stored, _ := base.ReadStream(ctx, "s", 0, 1); string(stored[0].Data) != `{"naam":"a"}` || stored[0].SchemaVersion != 1 {
		t.Errorf("the stored event changed: v%d %s", stored[0].SchemaVersion, stored[0].Data)
	}
}

// TestUpcast_Failure: an event that cannot be upcast is an error of the
// read, and ends a subscription with it.
func TestUpcast_Failure(t *testing.T) {
	s := upcast.Wrap(memory.New(), renamed)
	ctx := t.Context()
	if _, err := s.Append(ctx, "s", eventstore.NoStream(), event("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e01", "test.oud", 1, `"kapot"`)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadStream(ctx, "s", 0, 10); err == nil || !strings.Contains(err.Error(), "test.oud v1") {
		t.Errorf("ReadStream: %v", err)
	}
	if _, err := s.ReadAll(ctx, eventstore.Start, 10); err == nil {
		t.Error("ReadAll: no error")
	}
	sub, err := s.Subscribe(ctx, eventstore.Start)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case _, open := <-sub.Events():
		var ute *json.UnmarshalTypeError
		if open || !errors.As(sub.Err(), &ute) {
			t.Errorf("open %v, Err %v", open, sub.Err())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("subscription did not end")
	}
}

// TestUpcast_SubscriptionBuffers: a subscription holds events ready, as a
// backend's own does, so that a consumer that drains what is ready into
// batches (projections.LogSubscriber) gets more than one at a time; an
// unbuffered one made the catch-up commit every event alone, 2.9 times
// slower.
func TestUpcast_SubscriptionBuffers(t *testing.T) {
	s := upcast.Wrap(memory.New(), renamed)
	ctx := t.Context()
	for i := range 10 {
		id := fmt.Sprintf("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e%02d", i)
		if _, err := s.Append(ctx, "s"+id, eventstore.NoStream(), event(id, "test.oud", 1, `{"naam":"a"}`)); err != nil {
			t.Fatal(err)
		}
	}
	sub, err := s.Subscribe(ctx, eventstore.Start)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	deadline := time.Now().Add(5 * time.Second)
	for len(sub.Events()) < 10 {
		if time.Now().After(deadline) {
			t.Fatalf("%d events ready after 5 s, want all 10", len(sub.Events()))
		}
		time.Sleep(10 * time.Millisecond)
	}
}
