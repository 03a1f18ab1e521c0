package kurrentdb

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// stored is what the server gives back for d, written at stream@rev, pos.
func stored(d kdb.EventData, stream string, rev uint64, pos kdb.Position) *kdb.RecordedEvent {
	return &kdb.RecordedEvent{
		EventID: d.EventID, EventType: d.EventType, ContentType: "application/json",
		StreamID: stream, EventNumber: rev, Position: pos, Data: d.Data, UserMetadata: d.Metadata,
	}
}

func TestMapping_RoundTrip(t *testing.T) {
	in := eventstore.EventData{
		ID:            uuid.NewString(),
		Type:          "ZaakAangemaakt",
		SchemaVersion: 3,
		Data:          json.RawMessage(`{"identificatie":"ZAAK-1"}`),
		Metadata: eventstore.Metadata{
			ClientID: "c", UserID: "u", UserRepresentation: "U. Ser", RequestID: "r",
			CorrelationID: "corr", CausationID: "cause", Toelichting: "waarom",
			Time: time.Date(2025, 3, 1, 12, 30, 0, 123456789, time.FixedZone("CET", 3600)),
		},
	}
	d, err := toEventData(0, in)
	if err != nil {
		t.Fatal(err)
	}
	if d.ContentType != kdb.ContentTypeJson || d.EventType != in.Type || d.EventID.String() != in.ID {
		t.Errorf("client event = %+v", d)
	}
	var meta map[string]any
	if err := json.Unmarshal(d.Metadata, &meta); err != nil {
		t.Fatalf("metadata is not JSON: %v", err)
	}
	for k, want := range map[string]any{"schema_version": 3.0, "client_id": "c", "toelichting": "waarom", "$correlationId": "corr", "$causationId": "cause", "time": "2025-03-01T12:30:00.123456789+01:00"} {
		if meta[k] != want {
			t.Errorf("metadata[%q] = %v, want %v", k, meta[k], want)
		}
	}
	pos := kdb.Position{Commit: 4096, Prepare: 4000}
	out, err := fromRecorded(stored(d, "zaak-1", 7, pos))
	if err != nil {
		t.Fatal(err)
	}
	want := eventstore.RecordedEvent{EventData: in, StreamID: "zaak-1", Revision: 7, Position: eventstore.Position{Commit: 4096, Prepare: 4000}}
	if !out.Metadata.Time.Equal(in.Metadata.Time) {
		t.Errorf("time = %v, want %v", out.Metadata.Time, in.Metadata.Time)
	}
	out.Metadata.Time, want.Metadata.Time = time.Time{}, time.Time{}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("round trip = %+v\nwant %+v", out, want)
	}
}

func TestMapping_Defaults(t *testing.T) {
	d, err := toEventData(0, eventstore.EventData{ID: uuid.NewString(), Type: "T", Data: json.RawMessage("null")})
	if err != nil {
		t.Fatal(err)
	}
	out, err := fromRecorded(stored(d, "s", 0, kdb.Position{}))
	if err != nil || string(out.Data) != "null" || out.SchemaVersion != 0 || out.Metadata != (eventstore.Metadata{}) {
		t.Errorf("round trip of a bare event = %+v, %v", out, err)
	}
	foreign := &kdb.RecordedEvent{EventType: "T", StreamID: "s"} // written without metadata
	if out, err := fromRecorded(foreign); err != nil || out.Metadata != (eventstore.Metadata{}) {
		t.Errorf("event without metadata = %+v, %v", out, err)
	}
}

func TestMapping_Refusals(t *testing.T) {
	id, data := uuid.NewString(), json.RawMessage("{}")
	for name, e := range map[string]eventstore.EventData{
		"no id":       {Type: "T", Data: data},
		"bad id":      {ID: "zaak-1", Type: "T", Data: data},
		"no type":     {ID: id, Data: data},
		"system type": {ID: id, Type: "$metadata", Data: data},
		"no data":     {ID: id, Type: "T"},
		"bad data":    {ID: id, Type: "T", Data: json.RawMessage(`{"open":`)},
	} {
		if _, err := toEventData(3, e); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("%s: err = %v, want a domain.ErrInvalid", name, err)
		}
	}
	_, err := fromRecorded(&kdb.RecordedEvent{StreamID: "s", UserMetadata: []byte("not json")})
	if !errors.Is(err, errCorrupt) || !permanent(err) {
		t.Errorf("undecodable metadata = %v, want a permanent errCorrupt", err)
	}
}

func TestPosition_MappingKeepsOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var ps []kdb.Position
	for range 200 {
		c := r.Uint64N(50)
		ps = append(ps, kdb.Position{Commit: c, Prepare: c - min(c, r.Uint64N(3))})
	}
	ps = append(ps, kdb.Position{Commit: ^uint64(0), Prepare: ^uint64(0)})
	// KurrentDB orders $all by commit position, then prepare position.
	slices.SortFunc(ps, func(a, b kdb.Position) int {
		if a.Commit != b.Commit {
			return cmpU(a.Commit, b.Commit)
		}
		return cmpU(a.Prepare, b.Prepare)
	})
	for i, p := range ps {
		got := fromPosition(p)
		if toPosition(got) != p || got.Commit != p.Commit || got.Prepare != p.Prepare {
			t.Fatalf("position %v maps to %v", p, got)
		}
		if i > 0 && ps[i-1] != p && !fromPosition(ps[i-1]).Less(got) {
			t.Fatalf("%v sorts before %v in $all but not in the contract", ps[i-1], p)
		}
	}
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestCursor(t *testing.T) {
	start := cursorAfter(eventstore.Start)
	if start.set || start.from() != (kdb.Start{}) || !start.passes(eventstore.Position{}) {
		t.Errorf("cursor at Start = %+v: must read from the start and pass a record at 0/0", start)
	}
	c := cursorAfter(eventstore.Position{Commit: 10, Prepare: 8})
	if c.from() != (kdb.Position{Commit: 10, Prepare: 8}) {
		t.Errorf("from = %v", c.from())
	}
	for p, want := range map[eventstore.Position]bool{
		{Commit: 10, Prepare: 8}: false, // the record resumed after
		{Commit: 10, Prepare: 7}: false,
		{Commit: 9, Prepare: 9}:  false,
		{Commit: 10, Prepare: 9}: true,
		{Commit: 11, Prepare: 0}: true,
	} {
		if c.passes(p) != want {
			t.Errorf("passes(%v) = %v", p, !want)
		}
	}
}

func TestStreamState(t *testing.T) {
	for _, tt := range []struct {
		in   eventstore.ExpectedRevision
		want kdb.StreamState
	}{
		{eventstore.Any(), kdb.Any{}},
		{eventstore.NoStream(), kdb.NoStream{}},
		{eventstore.StreamExists(), kdb.StreamExists{}},
		{eventstore.Exact(0), kdb.Revision(0)},
		{eventstore.Exact(41), kdb.Revision(41)},
	} {
		if got := streamState(tt.in); got != tt.want {
			t.Errorf("streamState(%v) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestTranslate_OutsideTheClient(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := translate(ctx, "append", writing, &kdb.Error{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled call = %v, want context.Canceled", err)
	}
	plain := errors.New("boom")
	err := translate(context.Background(), "append", writing, plain)
	if !errors.Is(err, plain) || errors.Is(err, eventstore.ErrWrongExpectedRevision) || permanent(err) {
		t.Errorf("other error = %v, want it wrapped, transient and no contract error", err)
	}
	if translate(context.Background(), "x", reading, nil) != nil {
		t.Error("nil error translated")
	}
}

func TestIsSystem(t *testing.T) {
	for _, tt := range []struct {
		stream, typ string
		want        bool
	}{
		{"zaak-1", "ZaakAangemaakt", false},
		{"zaak-1", "$metadata", true},
		{"$$zaak-1", "$metadata", true},
		{"$ce-zaak", "$>", true},
		{"$stats-127.0.0.1:2113", "StatsCollected", true},
		{"zaak-$1", "Type$", false},
	} {
		if got := isSystem(&kdb.RecordedEvent{StreamID: tt.stream, EventType: tt.typ}); got != tt.want {
			t.Errorf("isSystem(%s, %s) = %v", tt.stream, tt.typ, got)
		}
	}
}
