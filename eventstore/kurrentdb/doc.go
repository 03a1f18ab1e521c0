// Package kurrentdb is the KurrentDB (EventStoreDB) backend of
// eventstore.Store, for installations that outgrow one PostgreSQL machine. It
// talks to the server through the official gRPC client
// github.com/kurrent-io/KurrentDB-Client-Go and accepts its connection
// strings (kurrentdb://, kurrent://, kdb://, esdb://, each also +discover).
//
// # Mapping
//
// An eventstore.EventData becomes one KurrentDB event: ID (a UUID) is the
// event id, Type the event type, content type JSON, Data the payload byte for
// byte, and the user metadata a JSON object holding the fields of
// eventstore.Metadata plus "schema_version" (and KurrentDB's own
// "$correlationId"/"$causationId", for the server's correlation projection).
// Append checks events as the other backends do: an id that is not a UUID,
// an empty type or data that is not JSON is a domain.ErrInvalid error, and
// so are event types and stream names starting with "$", which belong to the
// server. Reading maps back: stream id, the event number as Revision, and the
// event's commit/prepare positions in $all as eventstore.Position{Commit,
// Prepare}, which order the same way. AppendResult carries the position the
// server reports for the write, that of its last event.
//
// Expected revisions map to stream states: Any, NoStream and StreamExists to
// the states of the same name, Exact(r) to revision r.
//
// The client's errors are translated at this edge: a wrong expected version
// (or stream revision conflict) becomes eventstore.ErrWrongExpectedRevision, a
// deleted or tombstoned stream eventstore.ErrStreamDeleted on writes and
// eventstore.ErrStreamNotFound on reads, a missing stream
// eventstore.ErrStreamNotFound; anything else is wrapped with its context.
//
// # Deletion, $all and limits
//
// Delete tombstones the stream (a hard delete, with the expected revision):
// the contract wants later appends to fail with ErrStreamDeleted, which a
// KurrentDB soft delete does not do (it lets the stream be written again). A
// tombstone is permanent: the stream name can never be used again.
//
// KurrentDB keeps the events of deleted streams in $all until a scavenge. So
// ReadAll and Subscribe ask the server, once per stream per batch, from which
// revision the stream is still visible, and leave the hidden events out;
// that costs one small read per distinct stream in a batch. They also leave
// out system records: event types and streams that start with "$". A limit
// of 0 or less means no limit, for ReadStream as for ReadAll.
//
// Positions are the server's own: a position taken from another backend
// (PostgreSQL checkpoints) means nothing here; rebuild projections when
// moving between backends. Servers before EventStoreDB 22.6 leave the
// position of events read from a stream (not from $all) empty; use
// EventStoreDB 22.6 or later, or KurrentDB.
//
// KurrentDB recognises a retried append by event ids: appending events whose
// ids were already written with the same expected revision succeeds again
// without writing them twice. Writers must give every new event a new id.
//
// Subscribe resubscribes by itself after a transient failure (the server
// restarting, a leader change, a dropped connection), from the last position
// it handled, with exponential back-off, and never delivers an event twice or
// out of order. It ends only on its context, Close, Store.Close, or a
// permanent error (access denied, an event it cannot decode), which Err then
// reports. When the client gives up on the server for good (it closes itself
// after failed discovery) the store replaces it with a new one on the next
// call.
package kurrentdb
