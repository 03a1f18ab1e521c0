// Package memory is an in-memory event store for unit tests of the packages
// that use eventstore.Store. It fulfils the same contract as the durable
// backends (the suite in eventstore/storetest checks it) and is safe for
// concurrent use, but keeps nothing across restarts.
package memory

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Store is the in-memory event store. Positions are {n, n} for the n-th
// event ever appended (from 1).
type Store struct {
	mu      sync.RWMutex
	log     []eventstore.RecordedEvent // in append order; deleted streams' events removed
	streams map[string]*stream
	next    uint64        // position counter
	wake    chan struct{} // closed and replaced on every append
	done    chan struct{} // closed by Close
	closed  bool
	wg      sync.WaitGroup // subscription goroutines
}

type stream struct {
	events  []eventstore.RecordedEvent
	deleted bool
}

var (
	_ eventstore.Store         = (*Store)(nil)
	_ eventstore.MultiAppender = (*Store)(nil)
)

// New returns an empty store.
func New() *Store {
	return &Store{streams: map[string]*stream{}, wake: make(chan struct{}), done: make(chan struct{})}
}

// Close ends every subscription and waits for them. It returns nil.
func (s *Store) Close() error {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

// Append adds events to the end of stream when expected holds. It returns
// eventstore.ErrWrongExpectedRevision when expected does not hold,
// eventstore.ErrStreamDeleted for a deleted stream, and a domain.ErrInvalid
// error for an event without a UUID, a type or valid JSON data. Appending no
// events only checks expected and returns the stream's last revision.
func (s *Store) Append(ctx context.Context, name string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	if err := ctx.Err(); err != nil {
		return eventstore.AppendResult{}, fmt.Errorf("append to %q: %w", name, err)
	}
	if err := validateEvents(name, events); err != nil {
		return eventstore.AppendResult{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.streams[name]
	if err := s.check("append to", name, st, expected); err != nil {
		return eventstore.AppendResult{}, err
	}
	res := s.write(name, st, events)
	if len(events) > 0 {
		s.notify()
	}
	return res, nil
}

// AppendMulti appends every part or none, under one lock: the events of the
// parts follow one another in the log in the order of the parts, and
// subscriptions are woken once. Every event is validated and every part's
// expectation checked, against the state before the call, before anything
// is appended; the first failure is returned as Append would return it for
// that part. A call that names a stream twice is refused with a
// domain.ErrInvalid error. A part without events only checks its
// expectation; its result is the stream's last revision. No parts: nil, nil.
func (s *Store) AppendMulti(ctx context.Context, parts ...eventstore.StreamAppend) ([]eventstore.AppendResult, error) {
	if len(parts) == 0 {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("append to %d streams: %w", len(parts), err)
	}
	seen := make(map[string]bool, len(parts))
	for _, p := range parts {
		if seen[p.Stream] {
			// As the PostgreSQL backend reports it.
			return nil, fmt.Errorf("append to %q: %w", p.Stream,
				domain.Invalid("stream", "invalid", "a multi-stream append names a stream once"))
		}
		seen[p.Stream] = true
	}
	for _, p := range parts {
		if err := validateEvents(p.Stream, p.Events); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range parts {
		if err := s.check("append to", p.Stream, s.streams[p.Stream], p.Expected); err != nil {
			return nil, err
		}
	}
	results := make([]eventstore.AppendResult, len(parts))
	appended := false
	for i, p := range parts {
		results[i] = s.write(p.Stream, s.streams[p.Stream], p.Events)
		appended = appended || len(p.Events) > 0
	}
	if appended {
		s.notify()
	}
	return results, nil
}

// validateEvents validates the events to append to stream name, wrapping the
// first failure as Append reports it.
func validateEvents(name string, events []eventstore.EventData) error {
	for i, ev := range events {
		if err := validate(i, ev); err != nil {
			return fmt.Errorf("append to %q: %w", name, err)
		}
	}
	return nil
}

// write appends events to stream name, whose state st (nil when the stream
// does not exist) has passed the check, and returns where the last one
// landed. Without events it returns the stream's last revision (zero for a
// stream that does not exist). It does not wake subscriptions; the caller
// holds the write lock.
func (s *Store) write(name string, st *stream, events []eventstore.EventData) eventstore.AppendResult {
	if len(events) == 0 {
		if st == nil {
			return eventstore.AppendResult{}
		}
		return eventstore.AppendResult{Revision: uint64(len(st.events) - 1)}
	}
	if st == nil {
		st = &stream{}
		s.streams[name] = st
	}
	var res eventstore.AppendResult
	for _, ev := range events {
		s.next++
		rec := eventstore.RecordedEvent{
			EventData: ev,
			StreamID:  name,
			Revision:  uint64(len(st.events)),
			Position:  eventstore.Position{Commit: s.next, Prepare: s.next},
		}
		rec.Data = slices.Clone(ev.Data)
		st.events = append(st.events, rec)
		s.log = append(s.log, rec)
		res = eventstore.AppendResult{Revision: rec.Revision, Position: rec.Position}
	}
	return res
}

// notify wakes the subscriptions waiting for appends; the caller holds the
// write lock.
func (s *Store) notify() {
	close(s.wake)
	s.wake = make(chan struct{})
}

// check tests expected against st (nil when the stream does not exist).
func (s *Store) check(op, name string, st *stream, expected eventstore.ExpectedRevision) error {
	if st != nil && st.deleted {
		return fmt.Errorf("%s %q: %w", op, name, eventstore.ErrStreamDeleted)
	}
	exists := st != nil && len(st.events) > 0
	var last uint64
	if exists {
		last = uint64(len(st.events) - 1)
	}
	if !expected.Check(last, exists) {
		if !exists {
			return fmt.Errorf("%s %q: expected %s, stream has no events: %w", op, name, expected, eventstore.ErrWrongExpectedRevision)
		}
		return fmt.Errorf("%s %q: expected %s, stream is at revision %d: %w", op, name, expected, last, eventstore.ErrWrongExpectedRevision)
	}
	return nil
}

// validate applies the rules of the PostgreSQL backend, so that tests on
// memory fail where production would.
func validate(i int, ev eventstore.EventData) error {
	field := "events." + strconv.Itoa(i) + "."
	if _, err := uuid.Parse(ev.ID); err != nil {
		return domain.Invalid(field+"id", "invalid", "event id is not a UUID")
	}
	if ev.Type == "" {
		return domain.Invalid(field+"type", "required", "event type is empty")
	}
	if !json.Valid(ev.Data) {
		return domain.Invalid(field+"data", "invalid", "event data is not valid JSON")
	}
	return nil
}

// ReadStream returns up to limit events of stream from revision from
// (inclusive); limit <= 0 means no limit. A stream without events or a
// deleted one gives eventstore.ErrStreamNotFound.
func (s *Store) ReadStream(ctx context.Context, name string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read stream %q: %w", name, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.streams[name]
	if st == nil || st.deleted || len(st.events) == 0 {
		return nil, fmt.Errorf("read stream %q: %w", name, eventstore.ErrStreamNotFound)
	}
	if from >= uint64(len(st.events)) {
		return []eventstore.RecordedEvent{}, nil
	}
	return copyEvents(st.events[from:], limit), nil
}

// ReadAll returns up to limit events after position after, in append order;
// limit <= 0 means no limit.
func (s *Store) ReadAll(ctx context.Context, after eventstore.Position, limit int) ([]eventstore.RecordedEvent, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read all after %s: %w", after, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return copyEvents(s.log[s.index(after):], limit), nil
}

// index returns the index in s.log of the first event after p.
func (s *Store) index(p eventstore.Position) int {
	return sort.Search(len(s.log), func(i int) bool { return p.Less(s.log[i].Position) })
}

func copyEvents(events []eventstore.RecordedEvent, limit int) []eventstore.RecordedEvent {
	if limit > 0 && len(events) > limit {
		events = events[:limit]
	}
	out := make([]eventstore.RecordedEvent, len(events))
	for i, ev := range events {
		ev.Data = slices.Clone(ev.Data)
		out[i] = ev
	}
	return out
}

// Delete removes stream when expected holds; see the PostgreSQL backend for
// the semantics, which are the same. It returns
// eventstore.ErrWrongExpectedRevision or eventstore.ErrStreamDeleted.
func (s *Store) Delete(ctx context.Context, name string, expected eventstore.ExpectedRevision) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete %q: %w", name, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.streams[name]
	if err := s.check("delete", name, st, expected); err != nil {
		return err
	}
	if st == nil {
		st = &stream{}
		s.streams[name] = st
	}
	st.deleted = true
	st.events = nil
	s.log = slices.DeleteFunc(s.log, func(ev eventstore.RecordedEvent) bool { return ev.StreamID == name })
	return nil
}
