package postgres

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/zaakregister/zaakregister/eventstore"
)

// hub wakes idle subscriptions. It remembers the latest position known to
// be committed (from local appends and from NOTIFY payloads), so that a
// subscription that was woken but cannot see that position yet (it is not
// below the snapshot's xmin) knows to retry shortly instead of going back to
// sleep.
type hub struct {
	mu     sync.Mutex
	latest eventstore.Position
	ch     chan struct{} // closed on the next wake-up; nil when nobody waits
}

// wait returns a channel closed on the next wake-up, and the latest position
// known to be committed. Take it before reading so no wake-up is lost.
func (h *hub) wait() (<-chan struct{}, eventstore.Position) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ch == nil {
		h.ch = make(chan struct{})
	}
	return h.ch, h.latest
}

// latestPosition returns the latest position known to be committed.
func (h *hub) latestPosition() eventstore.Position {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.latest
}

// reach records a committed position and wakes the waiters.
func (h *hub) reach(p eventstore.Position) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.latest.Less(p) {
		h.latest = p
	}
	h.wakeLocked()
}

// wake wakes the waiters without news, for example after a reconnect.
func (h *hub) wake() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.wakeLocked()
}

func (h *hub) wakeLocked() {
	if h.ch != nil {
		close(h.ch)
		h.ch = nil
	}
}

// listen registers a subscription that needs to hear about commits of other
// processes. The first one starts the LISTEN connection; the returned release
// stops it again with the last one, so an idle store holds no connection.
func (s *Store) listen() (release func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return func() {}
	}
	s.listeners++
	if s.listeners == 1 {
		ctx, cancel := context.WithCancel(s.ctx)
		s.stopListen = cancel
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.runListener(ctx)
		}()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.listeners--
			if s.listeners == 0 && s.stopListen != nil {
				s.stopListen()
				s.stopListen = nil
			}
		})
	}
}

// runListener keeps a LISTEN connection until ctx ends, reconnecting with a
// growing pause. Subscriptions keep polling meanwhile, so a lost connection
// delays events by at most the poll interval.
func (s *Store) runListener(ctx context.Context) {
	pause := 100 * time.Millisecond
	for {
		heard := s.listenOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		s.hub.wake() // notifications may have been lost: read now
		if heard {
			pause = 100 * time.Millisecond
		}
		if !sleep(ctx, pause) {
			return
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// listenOnce listens on one connection until it fails or ctx ends, and
// reports whether the LISTEN took effect.
func (s *Store) listenOnce(ctx context.Context) bool {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig)
	if err != nil {
		return false
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		conn.Close(closeCtx) //nolint:errcheck // the connection is being dropped
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.cfg.channel}.Sanitize()); err != nil {
		return false
	}
	s.hub.wake() // commits made before LISTEN took effect sent no message to us
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true
		}
		s.heard(n.Payload)
	}
}

// heard handles a NOTIFY payload: "commit/prepare", followed by " " and the
// sending store's id when that store also woke its own subscriptions.
func (s *Store) heard(payload string) {
	pos, from, _ := strings.Cut(payload, " ")
	if from == s.id {
		return // our own subscriptions were woken at commit
	}
	p, err := eventstore.ParsePosition(pos)
	if err != nil {
		s.hub.wake()
		return
	}
	// Wake even when p is not new: the commit of an older transaction is
	// what makes the newer events below it visible.
	s.hub.reach(p)
}

// notifier tells other processes about local commits with pg_notify, after
// the commit and outside the appending transaction: PostgreSQL serialises
// the commits of notifying transactions, which would halve the throughput of
// concurrent appends. Signals that arrive while a message is being sent are
// coalesced into the next one, and messages are at least notifyGap apart.
type notifier struct {
	store   *Store
	pending atomic.Bool
	running atomic.Bool
}

// notifyGap bounds the extra transactions to 100 a second: each NOTIFY
// takes an xid and a commit, about a tenth of an append's cost. A lone
// commit is announced at once; under load, other processes hear of commits
// up to notifyGap late (their poll would be far later).
const notifyGap = 10 * time.Millisecond

// signal asks for a message; it never blocks the appender.
func (n *notifier) signal() {
	n.pending.Store(true)
	if n.running.CompareAndSwap(false, true) && !n.store.goStart(n.run) {
		n.running.Store(false)
	}
}

// run sends messages until no signal is pending; it is the only sender.
func (n *notifier) run() {
	for {
		for n.pending.Swap(false) {
			n.send()
			if !sleep(n.store.ctx, notifyGap) {
				n.running.Store(false)
				return
			}
		}
		n.running.Store(false)
		// A signal that came after the last Swap saw running=true and left
		// the work to us: take it back unless a new sender already did.
		if !n.pending.Load() || !n.running.CompareAndSwap(false, true) {
			return
		}
	}
}

func (n *notifier) send() {
	s := n.store
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	// An error loses a wake-up, not an event: the readers' poll covers it.
	payload := s.hub.latestPosition().String() + s.from
	// NOTIFY gives its transaction an xid, so its commit would wait for a WAL
	// flush of its own: a second fsync per append. The message is a hint, not
	// data, so it commits asynchronously.
	s.pool.Exec(ctx, `SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)`, //nolint:errcheck // see above
		s.cfg.channel, payload)
}

// sleep waits d and reports false when ctx ended first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
