// Package commands turns HTTP writes into commands: it decodes and validates
// a request, loads the aggregate from its stream, lets the domain decide,
// appends the resulting events with an expected revision, waits until the
// read models have them (read your writes) and answers with the same
// rendering as the GET.
package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// Waiter blocks until the named projections have processed pos.
type Waiter interface {
	Wait(ctx context.Context, pos eventstore.Position, names ...string) error
}

// Renderer writes a resource as the GET of the read API does.
type Renderer interface {
	Render(w http.ResponseWriter, r *http.Request, status int, uuid string)
}

// Base is what every command handler needs.
type Base struct {
	Store  eventstore.Store
	Waiter Waiter
	// WaitTimeout bounds how long a write waits for the read models before
	// it answers anyway (default 5s); see docs/read-your-writes.md.
	WaitTimeout time.Duration
	Clock       domain.Clock
	Log         *slog.Logger
}

// newUUID returns a new random (version 4) uuid.
func newUUID() string { return uuid.NewString() }

// load replays stream into apply; it returns the expected revision for the
// next append (NoStream for a stream without events).
func (b *Base) load(ctx context.Context, stream string, decode func(string, []byte) (domain.Event, error), apply func(domain.Event)) (eventstore.ExpectedRevision, error) {
	expected := eventstore.NoStream()
	var from uint64
	for {
		events, err := b.Store.ReadStream(ctx, stream, from, 1000)
		if errors.Is(err, eventstore.ErrStreamNotFound) {
			return expected, nil
		}
		if err != nil {
			return expected, err
		}
		for _, re := range events {
			e, err := decode(re.Type, re.Data)
			if err != nil {
				return expected, err
			}
			apply(e)
			expected = eventstore.Exact(re.Revision)
			from = re.Revision + 1
		}
		if len(events) < 1000 {
			return expected, nil
		}
	}
}

// append writes events to stream with metadata taken from the request.
func (b *Base) append(ctx context.Context, meta eventstore.Metadata, stream string, expected eventstore.ExpectedRevision, events []domain.Event) (eventstore.AppendResult, error) {
	data, err := b.encode(meta, events)
	if err != nil {
		return eventstore.AppendResult{}, err
	}
	return b.Store.Append(ctx, stream, expected, data...)
}

// part is one stream's share of a decision that spans streams.
type part struct {
	stream   string
	expected eventstore.ExpectedRevision
	events   []domain.Event
}

// appendParts writes the parts of one decision, atomically where the store
// can (see eventstore.AppendMulti), and returns one result per part.
func (b *Base) appendParts(ctx context.Context, meta eventstore.Metadata, parts ...part) ([]eventstore.AppendResult, error) {
	appends := make([]eventstore.StreamAppend, len(parts))
	for i, p := range parts {
		data, err := b.encode(meta, p.events)
		if err != nil {
			return nil, err
		}
		appends[i] = eventstore.StreamAppend{Stream: p.stream, Expected: p.expected, Events: data}
	}
	return eventstore.AppendMulti(ctx, b.Store, appends...)
}

// encode turns events into the store's form, with meta stamped with the
// time of the decision when it has none.
func (b *Base) encode(meta eventstore.Metadata, events []domain.Event) ([]eventstore.EventData, error) {
	if meta.Time.IsZero() {
		meta.Time = b.Clock.Now()
	}
	data := make([]eventstore.EventData, 0, len(events))
	for _, e := range events {
		d, err := eventstore.Encode(e, meta)
		if err != nil {
			return nil, err
		}
		data = append(data, d)
	}
	return data, nil
}

// Metadata is who asked for a change through r, and why.
func Metadata(r *http.Request) eventstore.Metadata {
	m := eventstore.Metadata{
		RequestID:   zgw.RequestID(r.Context()),
		Toelichting: r.Header.Get("X-Audit-Toelichting"),
	}
	m.CorrelationID = m.RequestID
	if p := zgw.PrincipalFrom(r.Context()); p != nil {
		m.ClientID, m.UserID, m.UserRepresentation = p.ClientID, p.UserID, p.UserRepresentation
	}
	return m
}

// await waits, bounded, until the projections have processed pos. A
// projection that parked an event of the write as poison (the waiter's
// error has a Parked method) is an internal error: the read model will not
// show the write. A wait that passes its bound is logged and answered as
// zgw.NotYetReadable: the write is in the log and the read model will
// catch up, but an answer rendered from it now would say the resource does
// not exist, or show its old state.
func (b *Base) await(parent context.Context, pos eventstore.Position, projections ...string) error {
	if b.Waiter == nil {
		return nil
	}
	timeout := b.WaitTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()
	err := b.Waiter.Wait(ctx, pos, projections...)
	var parked interface{ Parked() bool }
	if errors.As(err, &parked) && parked.Parked() {
		return fmt.Errorf("the write at %s is in the log but not in the read model: %w", pos, err)
	}
	if err == nil {
		return nil
	}
	if parent.Err() != nil {
		return parent.Err() // the client went away
	}
	b.Log.Warn("read model lags behind a write", "position", pos.String(), "projections", projections, "error", err)
	return &zgw.NotYetReadable{Detail: fmt.Sprintf("De wijziging is opgeslagen (positie %s), maar de leesmodellen hebben haar "+
		"niet binnen %s verwerkt. Lees de resource later opnieuw.", pos, timeout)}
}
