package kurrentdb

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"
	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// wireMetadata is the JSON user metadata of every event this backend writes.
// The embedded Metadata keeps its own field names; the $-prefixed fields are
// KurrentDB's conventions, read by its $by_correlation_id projection.
type wireMetadata struct {
	eventstore.Metadata
	SchemaVersion        int    `json:"schema_version"`
	KurrentCorrelationID string `json:"$correlationId,omitempty"`
	KurrentCausationID   string `json:"$causationId,omitempty"`
}

// errCorrupt marks a stored event this backend cannot read back. Retrying
// does not help, so a subscription ends on it.
var errCorrupt = errors.New("kurrentdb: undecodable event")

// toEventData checks the i-th event of an append as the other backends do
// (a UUID id, a type, JSON data), refusing types that start with "$" as
// well, and maps it to the client's form. Its refusals are domain.ErrInvalid
// errors.
func toEventData(i int, e eventstore.EventData) (kdb.EventData, error) {
	field := "events." + strconv.Itoa(i) + "."
	id, err := uuid.Parse(e.ID)
	if err != nil {
		return kdb.EventData{}, domain.Invalid(field+"id", "invalid", "event id is not a UUID")
	}
	if e.Type == "" {
		return kdb.EventData{}, domain.Invalid(field+"type", "required", "event type is empty")
	}
	if isSystemName(e.Type) {
		return kdb.EventData{}, domain.Invalid(field+"type", "invalid", "event types starting with $ are reserved for KurrentDB")
	}
	if !json.Valid(e.Data) {
		return kdb.EventData{}, domain.Invalid(field+"data", "invalid", "event data is not valid JSON")
	}
	meta, err := json.Marshal(wireMetadata{
		Metadata:             e.Metadata,
		SchemaVersion:        e.SchemaVersion,
		KurrentCorrelationID: e.Metadata.CorrelationID,
		KurrentCausationID:   e.Metadata.CausationID,
	})
	if err != nil {
		return kdb.EventData{}, fmt.Errorf("kurrentdb: metadata of event %s: %w", e.ID, err)
	}
	return kdb.EventData{
		EventID:     id,
		EventType:   e.Type,
		ContentType: kdb.ContentTypeJson,
		Data:        e.Data,
		Metadata:    meta,
	}, nil
}

// fromRecorded maps an event read from the server back to the contract's
// form. It returns an error wrapping errCorrupt when the metadata is not the
// JSON this backend writes.
func fromRecorded(r *kdb.RecordedEvent) (eventstore.RecordedEvent, error) {
	var meta wireMetadata
	if len(r.UserMetadata) > 0 {
		if err := json.Unmarshal(r.UserMetadata, &meta); err != nil {
			return eventstore.RecordedEvent{}, fmt.Errorf("%w: metadata of %s@%d: %w", errCorrupt, r.StreamID, r.EventNumber, err)
		}
	}
	var data json.RawMessage
	if len(r.Data) > 0 {
		data = json.RawMessage(r.Data)
	}
	return eventstore.RecordedEvent{
		EventData: eventstore.EventData{
			ID:            r.EventID.String(),
			Type:          r.EventType,
			SchemaVersion: meta.SchemaVersion,
			Data:          data,
			Metadata:      meta.Metadata,
		},
		StreamID: r.StreamID,
		Revision: r.EventNumber,
		Position: fromPosition(r.Position),
	}, nil
}

// fromPosition and toPosition convert between the server's position in $all
// and the contract's; both order by commit, then prepare position.
func fromPosition(p kdb.Position) eventstore.Position {
	return eventstore.Position{Commit: p.Commit, Prepare: p.Prepare}
}

func toPosition(p eventstore.Position) kdb.Position {
	return kdb.Position{Commit: p.Commit, Prepare: p.Prepare}
}

// cursor is a place to read $all after: the position of the last record
// handled, or, before any, the caller's position, where the zero position
// comes before every record (also one at 0/0).
type cursor struct {
	pos eventstore.Position
	set bool
}

func cursorAfter(p eventstore.Position) cursor {
	return cursor{pos: p, set: p != eventstore.Start}
}

// passes reports whether a record at pos comes strictly after c.
func (c cursor) passes(pos eventstore.Position) bool {
	return !c.set || c.pos.Less(pos)
}

// from is where the server starts reading for c; it includes c's own record,
// which the reader then skips.
func (c cursor) from() kdb.AllPosition {
	if !c.set {
		return kdb.Start{}
	}
	return toPosition(c.pos)
}

// streamState maps an expected revision to the client's stream state.
func streamState(e eventstore.ExpectedRevision) kdb.StreamState {
	switch {
	case e.IsNoStream():
		return kdb.NoStream{}
	case e.IsStreamExists():
		return kdb.StreamExists{}
	}
	if r, ok := e.Revision(); ok {
		return kdb.Revision(r)
	}
	return kdb.Any{}
}

// isSystemName reports whether a stream or event type name belongs to the
// server ($all bookkeeping, metadata, links, statistics, tombstones).
func isSystemName(name string) bool { return strings.HasPrefix(name, "$") }

// isSystem reports whether a record of $all is the server's own.
func isSystem(r *kdb.RecordedEvent) bool {
	return isSystemName(r.EventType) || isSystemName(r.StreamID)
}
