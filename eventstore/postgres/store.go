// Package postgres is the PostgreSQL backend of the event store: the default
// for single-node and small installations.
//
// The log is read in commit order, the way watermill-sql does it: every row
// records its writing transaction (tx_id, an xid8) and readers only see rows
// whose transaction is older than the oldest transaction still running
// (pg_snapshot_xmin(pg_current_snapshot())), ordered by (tx_id, seq). A reader
// that ordered by seq alone would skip an event whose transaction took its
// sequence number early but committed late.
//
// An append is one statement (one round trip, one implicit transaction) that
// bumps the stream's row in the streams table and inserts the events, so that
// the row lock serialises writers of one stream and the expected revision is
// checked against the latest committed state. AppendMulti appends to several
// streams in one transaction, in two round trips.
//
// Subscriptions catch up in pages and then wait for a wake-up: an in-process
// broadcast after each local commit, a LISTEN/NOTIFY message for commits made
// by other processes, and a periodic poll as a fallback. Append sends its
// NOTIFY right after the commit, coalesced (see WithNotifyInTransaction for
// why); AppendTx sends it from inside the caller's transaction. A woken
// subscription that cannot see the commit yet, because an older transaction
// is still open, retries within milliseconds.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/singleflight"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Store is the PostgreSQL event store. It is safe for concurrent use. It does
// not own the pool; Close stops its subscriptions and background work only.
type Store struct {
	pool *pgxpool.Pool
	cfg  config
	id   string // marks this store's own NOTIFY messages
	from string // " " + id, the suffix of those messages' payload

	ctx    context.Context // cancelled by Close
	cancel context.CancelFunc

	hub      hub
	notifier notifier

	mu         sync.Mutex
	closed     bool
	wg         sync.WaitGroup // every goroutine the store started
	listeners  int            // subscriptions that need the LISTEN connection
	stopListen context.CancelFunc
	reads      singleflight.Group // reads of subscriptions, by position
}

var _ eventstore.Store = (*Store)(nil)

type config struct {
	pageSize     int
	pollInterval time.Duration
	channel      string
	notifyInTx   bool
}

// Option changes a default of New.
type Option func(*config)

// WithPageSize sets how many events a subscription reads per query while it
// catches up (default 500).
func WithPageSize(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.pageSize = n
		}
	}
}

// WithPollInterval sets how often an idle subscription looks for new events
// when no wake-up arrives (default 500ms). It bounds the delay of events
// whose NOTIFY was lost, for example while the LISTEN connection reconnects.
func WithPollInterval(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.pollInterval = d
		}
	}
}

// WithChannel sets the LISTEN/NOTIFY channel (default "zaakregister_events").
// Every process sharing a database must use the same channel.
func WithChannel(name string) Option {
	return func(c *config) {
		if name != "" {
			c.channel = name
		}
	}
}

// WithNotifyInTransaction makes Append call pg_notify inside its own
// transaction instead of right after the commit. PostgreSQL serialises the
// commits of all notifying transactions on one lock that is held across the
// WAL flush, so this costs about half the throughput of concurrent writers;
// the default (notify after commit, coalesced) loses only a wake-up, never an
// event, if the process dies between commit and notify: the poll covers it.
func WithNotifyInTransaction() Option {
	return func(c *config) { c.notifyInTx = true }
}

// New returns a store on pool, whose database must have the migrations
// applied. It starts no goroutine until the first Append or Subscribe.
func New(pool *pgxpool.Pool, opts ...Option) *Store {
	cfg := config{pageSize: 500, pollInterval: 500 * time.Millisecond, channel: "zaakregister_events"}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	id := uuid.NewString()
	s := &Store{pool: pool, cfg: cfg, id: id, from: " " + id, ctx: ctx, cancel: cancel}
	s.notifier.store = s
	return s
}

// Close ends every subscription of the store, stops its background
// goroutines and waits for them. The pool stays open. Close is idempotent and
// returns nil.
func (s *Store) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
	return nil
}

// goStart runs f in a goroutine that Close waits for, unless the store is
// closed, in which case it reports false.
func (s *Store) goStart(f func()) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
	return true
}

// errClosed is returned by Subscribe after Close.
var errClosed = errors.New("postgres event store: closed")

// translate turns the driver's unique violation on a stream key into the
// contract's conflict; every other error is wrapped as it is.
func translate(op, stream string, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" &&
		(pgErr.ConstraintName == "events_pkey" || pgErr.ConstraintName == "streams_pkey") {
		return fmt.Errorf("%s %q: concurrent write: %w", op, stream, eventstore.ErrWrongExpectedRevision)
	}
	return fmt.Errorf("%s %q: %w", op, stream, err)
}
