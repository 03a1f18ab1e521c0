package kurrentdb

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/url"
	"sync"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Store is an eventstore.Store on a KurrentDB server or cluster. It is safe
// for concurrent use.
type Store struct {
	conn    *conn
	log     *slog.Logger
	backoff backoff

	life context.Context // ends the subscriptions on Close
	stop context.CancelFunc

	mu     sync.Mutex
	closed bool
	subs   sync.WaitGroup
}

var _ eventstore.Store = (*Store)(nil)

// Option changes how New builds a Store.
type Option func(*Store)

// WithLogger sends the store's and the client's warnings and errors (dropped
// subscriptions, lost connections) to log instead of slog.Default().
func WithLogger(log *slog.Logger) Option {
	return func(s *Store) {
		if log != nil {
			s.log = log
		}
	}
}

// New connects to the server named by connectionString, a KurrentDB
// connection string such as "kurrentdb://localhost:2113?tls=false" or
// "esdb://admin:changeit@node1:2113,node2:2113". It reads the end of $all
// once, within ctx, so that a wrong address, certificate or password shows
// here and not at the first write.
func New(ctx context.Context, connectionString string, opts ...Option) (*Store, error) {
	cfg, err := kdb.ParseConnectionString(connectionString)
	if err != nil {
		// A url.Error quotes the string, which may hold a password.
		if ue := (*url.Error)(nil); errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("kurrentdb: connection string: %w", err)
	}
	s := &Store{log: slog.Default(), backoff: defaultBackoff}
	for _, o := range opts {
		o(s)
	}
	if s.conn, err = newConn(cfg, s.log); err != nil {
		return nil, err
	}
	s.life, s.stop = context.WithCancel(context.Background())
	if err := s.ping(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// ping reads the last record of $all, which needs a reachable server and
// the right to read $all that ReadAll and Subscribe need anyway.
func (s *Store) ping(ctx context.Context) error {
	client, err := s.conn.get()
	if err != nil {
		return err
	}
	err = collect(ctx, client, func(c *kdb.Client) (*kdb.ReadStream, error) {
		return c.ReadAll(ctx, kdb.ReadAllOptions{Direction: kdb.Backwards, From: kdb.End{}}, 1)
	}, func(*kdb.RecordedEvent) error { return nil })
	if err != nil {
		s.conn.failed(client, err)
		return translate(ctx, "connect", reading, err)
	}
	return nil
}

// Close ends every subscription of the store, waits for them, and closes
// the connection. Later calls return ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.stop()
	s.subs.Wait()
	return s.conn.close()
}

// Append writes events to stream when expected holds, as one atomic write.
// It returns an error wrapping eventstore.ErrWrongExpectedRevision when
// expected does not hold, eventstore.ErrStreamDeleted when the stream was
// deleted, and a domain.ErrInvalid error for an event without a UUID, a type
// or JSON data, or for a stream name or event type starting with "$" (those
// are the server's). Appending no events only checks expected and returns
// the revision the server reports.
func (s *Store) Append(ctx context.Context, stream string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	if stream == "" || isSystemName(stream) {
		return eventstore.AppendResult{}, fmt.Errorf("kurrentdb: append to %q: %w", stream,
			domain.Invalid("stream", "invalid", "stream names that are empty or start with $ are not for events"))
	}
	data := make([]kdb.EventData, len(events))
	for i, e := range events {
		var err error
		if data[i], err = toEventData(i, e); err != nil {
			return eventstore.AppendResult{}, fmt.Errorf("kurrentdb: append to %s: %w", stream, err)
		}
	}
	client, err := s.conn.get()
	if err != nil {
		return eventstore.AppendResult{}, err
	}
	res, err := client.AppendToStream(ctx, stream, kdb.AppendToStreamOptions{StreamState: streamState(expected)}, data...)
	if err != nil {
		s.conn.failed(client, err)
		return eventstore.AppendResult{}, translate(ctx, fmt.Sprintf("append to %s expecting %s", stream, expected), writing, err)
	}
	return eventstore.AppendResult{
		Revision: res.NextExpectedVersion,
		Position: eventstore.Position{Commit: res.CommitPosition, Prepare: res.PreparePosition},
	}, nil
}

// ReadStream returns up to limit events of stream from revision from on;
// limit <= 0 means no limit. A stream that does not exist or was deleted
// gives an error wrapping eventstore.ErrStreamNotFound.
func (s *Store) ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	count := uint64(math.MaxInt64) // "all", as the official .NET client asks for it
	if limit > 0 {
		count = uint64(limit)
	}
	client, err := s.conn.get()
	if err != nil {
		return nil, err
	}
	var out []eventstore.RecordedEvent
	err = collect(ctx, client, func(c *kdb.Client) (*kdb.ReadStream, error) {
		return c.ReadStream(ctx, stream, kdb.ReadStreamOptions{Direction: kdb.Forwards, From: kdb.Revision(from)}, count)
	}, func(r *kdb.RecordedEvent) error {
		e, err := fromRecorded(r)
		out = append(out, e)
		return err
	})
	if err != nil {
		s.conn.failed(client, err)
		return nil, translate(ctx, fmt.Sprintf("read %s from %d", stream, from), reading, err)
	}
	return out, nil
}

// ReadAll returns up to limit events (limit <= 0: all) that come after
// position after, in the order of $all, without system records and without
// the events of deleted streams.
func (s *Store) ReadAll(ctx context.Context, after eventstore.Position, limit int) ([]eventstore.RecordedEvent, error) {
	if limit <= 0 {
		limit = math.MaxInt
	}
	client, err := s.conn.get()
	if err != nil {
		return nil, err
	}
	out, err := readAll(ctx, client, cursorAfter(after), limit)
	if err != nil {
		s.conn.failed(client, err)
		return nil, translate(ctx, "read $all after "+after.String(), reading, err)
	}
	return out, nil
}

// Subscribe delivers every event after position after, as ReadAll orders
// and filters them, first those in the log and then new ones, until ctx
// ends, the subscription or the store is closed, or a permanent error. It
// opens the first server subscription before it returns, so an unreachable
// server or a missing right shows in its error.
func (s *Store) Subscribe(ctx context.Context, after eventstore.Position) (eventstore.Subscription, error) {
	src := serverSource{s: s}
	c := cursorAfter(after)
	first, err := src.open(ctx, c)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		first.close()
		return nil, ErrClosed
	}
	s.subs.Add(1)
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(s.life, cancel)
	return startSubscription(ctx, src, c, first, s.backoff, s.log, func() {
		stop()
		cancel()
		s.subs.Done()
	}), nil
}

// Delete tombstones stream when expected holds: its events leave ReadStream
// and ReadAll, and later appends fail with eventstore.ErrStreamDeleted. It
// returns an error wrapping eventstore.ErrWrongExpectedRevision when
// expected does not hold and eventstore.ErrStreamDeleted when the stream was
// deleted before.
func (s *Store) Delete(ctx context.Context, stream string, expected eventstore.ExpectedRevision) error {
	client, err := s.conn.get()
	if err != nil {
		return err
	}
	if _, err = client.TombstoneStream(ctx, stream, kdb.TombstoneStreamOptions{StreamState: streamState(expected)}); err != nil {
		s.conn.failed(client, err)
		return translate(ctx, fmt.Sprintf("delete %s expecting %s", stream, expected), writing, err)
	}
	return nil
}
