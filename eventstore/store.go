// Package eventstore defines the one contract every event-store backend
// fulfils (PostgreSQL in eventstore/postgres, KurrentDB in
// eventstore/kurrentdb, in-memory in eventstore/memory) and the envelope of a
// stored event. The contract suite in eventstore/storetest is run by all of
// them.
package eventstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// Position is a place in the global log. Positions compare by Commit, then
// Prepare. The PostgreSQL backend puts the transaction id (xid8) in Commit and
// the row's sequence number in Prepare, so that the log is read in a
// commit-safe order; KurrentDB uses its own commit/prepare positions.
// The zero Position is before the first event.
type Position struct {
	Commit  uint64
	Prepare uint64
}

// Start is the position before the first event of the log.
var Start = Position{}

// Less reports whether p comes before o in the log.
func (p Position) Less(o Position) bool {
	if p.Commit != o.Commit {
		return p.Commit < o.Commit
	}
	return p.Prepare < o.Prepare
}

// String formats the position as "commit/prepare" (parsed by ParsePosition).
func (p Position) String() string { return fmt.Sprintf("%d/%d", p.Commit, p.Prepare) }

// ParsePosition reads the form written by Position.String.
func ParsePosition(s string) (Position, error) {
	var p Position
	if _, err := fmt.Sscanf(s, "%d/%d", &p.Commit, &p.Prepare); err != nil {
		return Position{}, fmt.Errorf("position %q: %w", s, err)
	}
	return p, nil
}

// ExpectedRevision is the optimistic-concurrency condition of an append.
type ExpectedRevision struct {
	kind     expectKind
	revision uint64
}

type expectKind int

const (
	expectAny expectKind = iota
	expectNoStream
	expectStreamExists
	expectExact
)

// Any appends whatever the stream's state.
func Any() ExpectedRevision { return ExpectedRevision{kind: expectAny} }

// NoStream appends only when the stream has no events yet.
func NoStream() ExpectedRevision { return ExpectedRevision{kind: expectNoStream} }

// StreamExists appends only when the stream has at least one event.
func StreamExists() ExpectedRevision { return ExpectedRevision{kind: expectStreamExists} }

// Exact appends only when the stream's last event has revision r (the first
// event of a stream has revision 0).
func Exact(r uint64) ExpectedRevision { return ExpectedRevision{kind: expectExact, revision: r} }

// IsAny, IsNoStream, IsStreamExists and Exact let backends switch on the
// condition without exposing its representation.
func (e ExpectedRevision) IsAny() bool          { return e.kind == expectAny }
func (e ExpectedRevision) IsNoStream() bool     { return e.kind == expectNoStream }
func (e ExpectedRevision) IsStreamExists() bool { return e.kind == expectStreamExists }

// Revision returns the exact revision and true when the condition is Exact.
func (e ExpectedRevision) Revision() (uint64, bool) { return e.revision, e.kind == expectExact }

// Check tells whether a stream whose last revision is current (exists=false
// for a stream without events) satisfies e; backends that check in Go use it.
func (e ExpectedRevision) Check(current uint64, exists bool) bool {
	switch e.kind {
	case expectNoStream:
		return !exists
	case expectStreamExists:
		return exists
	case expectExact:
		return exists && current == e.revision
	}
	return true
}

func (e ExpectedRevision) String() string {
	switch e.kind {
	case expectNoStream:
		return "no stream"
	case expectStreamExists:
		return "stream exists"
	case expectExact:
		return fmt.Sprintf("revision %d", e.revision)
	}
	return "any"
}

// Metadata is what the log keeps about who caused an event, and why.
type Metadata struct {
	ClientID           string    `json:"client_id,omitempty"`
	UserID             string    `json:"user_id,omitempty"`
	UserRepresentation string    `json:"user_representation,omitempty"`
	RequestID          string    `json:"request_id,omitempty"`
	CorrelationID      string    `json:"correlation_id,omitempty"`
	CausationID        string    `json:"causation_id,omitempty"`
	Toelichting        string    `json:"toelichting,omitempty"` // X-Audit-Toelichting
	Time               time.Time `json:"time"`
}

// EventData is an event to append. ID is a UUID chosen by the writer, which
// makes retried appends recognisable; Type is a stable constant.
type EventData struct {
	ID            string
	Type          string
	SchemaVersion int
	Data          json.RawMessage
	Metadata      Metadata
}

// RecordedEvent is an event as read back from the log.
type RecordedEvent struct {
	EventData
	StreamID string
	Revision uint64
	Position Position
}

// AppendResult tells where the last appended event landed.
type AppendResult struct {
	Revision uint64   // revision of the last event appended
	Position Position // global position of the last event appended
}

// Store is the contract of an event store.
type Store interface {
	// Append adds events to the end of stream when expected holds. It
	// returns ErrWrongExpectedRevision (a domain.ErrConflict) when it does
	// not, and ErrStreamDeleted when the stream was deleted.
	Append(ctx context.Context, stream string, expected ExpectedRevision, events ...EventData) (AppendResult, error)
	// ReadStream returns up to limit events of stream from revision from
	// (inclusive), oldest first. A stream without events or a deleted stream
	// gives ErrStreamNotFound.
	ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]RecordedEvent, error)
	// ReadAll returns up to limit events of the whole log that come after
	// position after, in commit order. Events of deleted streams are left out.
	ReadAll(ctx context.Context, after Position, limit int) ([]RecordedEvent, error)
	// Subscribe delivers every event after position after: first those
	// already in the log, then new ones as they are committed, in the same
	// order as ReadAll, until ctx is cancelled or Close is called.
	Subscribe(ctx context.Context, after Position) (Subscription, error)
	// Delete removes stream (its events disappear from ReadStream and
	// ReadAll, and later appends fail with ErrStreamDeleted) when expected
	// holds.
	Delete(ctx context.Context, stream string, expected ExpectedRevision) error
}

// Subscription is a live feed of the log.
type Subscription interface {
	// Events delivers events in log order. It is closed when the
	// subscription ends; Err then tells why (nil after Close or a
	// cancelled context).
	Events() <-chan RecordedEvent
	Err() error
	Close() error
}

// The errors of the contract. They are domain errors so that the HTTP layer
// translates them without knowing the store.
var (
	ErrWrongExpectedRevision = &domain.Error{Kind: domain.KindConflict, Code: "wrong-expected-revision", Detail: "the resource was changed concurrently; retry"}
	ErrStreamNotFound        = &domain.Error{Kind: domain.KindNotFound, Code: "stream-not-found", Detail: "stream not found"}
	ErrStreamDeleted         = &domain.Error{Kind: domain.KindGone, Code: "stream-deleted", Detail: "stream was deleted"}
)

// StreamAppend is one stream's part of a multi-stream append: events to add
// to Stream when Expected holds. A part without events only checks Expected.
type StreamAppend struct {
	Stream   string
	Expected ExpectedRevision
	Events   []EventData
}

// MultiAppender is a Store that appends to several streams in one atomic
// step: every part is appended or none is, and the events of the parts
// follow one another, contiguously, in the log in the order of the parts.
// It is how a decision that spans streams (a zaak and the reservation of its
// identificatie) is kept whole when the writer fails halfway.
//
// AppendMulti returns one AppendResult per part (for a part without events,
// the stream's last revision and no position). Every expectation is checked
// against the state before the call. When one fails it returns
// ErrWrongExpectedRevision or ErrStreamDeleted naming that part's stream,
// and appends nothing; so does an invalid event (a domain.ErrInvalid error),
// and a call that names a stream twice. No parts: nil, nil.
type MultiAppender interface {
	AppendMulti(ctx context.Context, parts ...StreamAppend) ([]AppendResult, error)
}

// AppendMulti appends parts to s in one atomic step when s is a
// MultiAppender (the PostgreSQL and in-memory backends), and otherwise one
// part after the other, stopping at the first error: the parts before it
// then stay appended. Writers that must survive that order the parts so
// that an earlier part alone is harmless (a reservation before what it
// reserves).
func AppendMulti(ctx context.Context, s Store, parts ...StreamAppend) ([]AppendResult, error) {
	if m, ok := s.(MultiAppender); ok {
		return m.AppendMulti(ctx, parts...)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	results := make([]AppendResult, 0, len(parts))
	for _, p := range parts {
		res, err := s.Append(ctx, p.Stream, p.Expected, p.Events...)
		if err != nil {
			return nil, err
		}
		results = append(results, res)
	}
	return results, nil
}
