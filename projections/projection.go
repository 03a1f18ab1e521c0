// Package projections runs the read models, the audit trail and (later) the
// notification dispatch on the event log, through a watermill router: the
// log is exposed as a watermill subscriber (LogSubscriber) and every
// projection is a watermill handler with recover, retry, poison and metrics
// middleware. A durable projection keeps its checkpoint in the same
// PostgreSQL transaction as its read-model writes, so it is exactly-once in
// effect, and it runs as one active instance across processes.
package projections

import (
	"context"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Projection is a durable read model in PostgreSQL.
type Projection interface {
	// Name identifies the projection in checkpoints, metrics and commands.
	Name() string
	// Schema is the PostgreSQL schema that holds the projection's tables
	// (created by a migration). The runtime sets search_path to it (or to
	// its rebuild copy) before Apply, so Apply uses unqualified table names.
	Schema() string
	// Apply applies one event inside tx. Events the projection does not
	// care about must be ignored without error. Apply must be deterministic:
	// a rebuild gives identical rows.
	Apply(ctx context.Context, tx *Tx, ev eventstore.RecordedEvent) error
}

// Listener is an in-process consumer of the log without a checkpoint, such
// as a cache that must forget what an event changed. Every process runs its
// own listeners.
type Listener interface {
	Name() string
	// Handle is called once per event, in log order.
	Handle(ctx context.Context, ev eventstore.RecordedEvent) error
}

// Selective is implemented by projections that care about some event
// types only. The runtime hands them only those, and a batch without any
// costs no read-model transaction: the projection's position moves on in
// process at once and its checkpoint follows Config.SkipCheckpoint later.
type Selective interface {
	Wants(eventType string) bool
}

// Committer is implemented by projections that want to know, in process,
// which events they committed (for example to invalidate a cache at once).
type Committer interface {
	Committed(events []eventstore.RecordedEvent)
}
