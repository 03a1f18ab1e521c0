package projections

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Config tunes the runtime; the zero value gives the defaults.
type Config struct {
	BatchSize    int           // events per transaction during catch-up (default 500)
	Retries      int           // retries of a failing batch before it is poisoned (default 5)
	LockInterval time.Duration // how often a standby instance tries to become active (default 2s)
	// SkipCheckpoint is how long a Selective projection waits before it
	// writes the checkpoint of batches it had no use for (default 1s).
	SkipCheckpoint time.Duration
}

func (c *Config) defaults() {
	if c.BatchSize <= 0 {
		c.BatchSize = 500
	}
	if c.Retries <= 0 {
		c.Retries = 5
	}
	if c.LockInterval <= 0 {
		c.LockInterval = 2 * time.Second
	}
	if c.SkipCheckpoint <= 0 {
		c.SkipCheckpoint = time.Second
	}
}

// Runtime runs projections and listeners on a watermill router.
type Runtime struct {
	pool        *pgxpool.Pool
	store       eventstore.Store
	log         *slog.Logger
	cfg         Config
	metrics     *Metrics
	waiter      *Waiter
	projections map[string]Projection
	order       []string
	listeners   []Listener

	mu      sync.Mutex
	locks   map[string]*pgxpool.Conn
	skipped map[string]*pendingCheckpoint
}

// New returns a runtime that reads store and writes read models in pool.
// metrics may be nil.
func New(pool *pgxpool.Pool, store eventstore.Store, logger *slog.Logger, metrics *Metrics, cfg Config) *Runtime {
	cfg.defaults()
	return &Runtime{
		pool: pool, store: store, log: logger, cfg: cfg, metrics: metrics,
		waiter:      NewWaiter(pool),
		projections: map[string]Projection{},
		locks:       map[string]*pgxpool.Conn{},
		skipped:     map[string]*pendingCheckpoint{},
	}
}

// Add registers a durable projection; call before Run.
func (r *Runtime) Add(p Projection) {
	r.projections[p.Name()] = p
	r.order = append(r.order, p.Name())
}

// Listen registers an in-process listener; call before Run.
func (r *Runtime) Listen(l Listener) { r.listeners = append(r.listeners, l) }

// Waiter returns the read-your-writes waiter fed by this runtime.
func (r *Runtime) Waiter() *Waiter { return r.waiter }

// Projections returns the registered projections in registration order.
func (r *Runtime) Projections() []Projection {
	out := make([]Projection, 0, len(r.order))
	for _, n := range r.order {
		out = append(out, r.projections[n])
	}
	return out
}

// Start runs r (Run) in a goroutine until ctx ends and returns once its
// handlers run. It returns the error that ended Run before that, or an
// error when they do not run within limit. done delivers Run's outcome once
// ctx has ended.
func (r *Runtime) Start(ctx context.Context, limit time.Duration) (done <-chan error, err error) {
	running := make(chan struct{})
	result := make(chan error, 1)
	go func() { result <- r.Run(ctx, running) }()
	select {
	case <-running:
		return result, nil
	case err := <-result:
		return nil, fmt.Errorf("projections: %w", err)
	case <-time.After(limit):
		return result, fmt.Errorf("projections did not start within %s", limit)
	}
}

// Run builds the watermill router and runs every handler until ctx ends.
// running, if not nil, is closed once the handlers run.
func (r *Runtime) Run(ctx context.Context, running chan<- struct{}) error {
	router, err := message.NewRouter(message.RouterConfig{CloseTimeout: 10 * time.Second}, watermill.NewSlogLogger(r.log))
	if err != nil {
		return fmt.Errorf("projections: router: %w", err)
	}
	poison, err := middleware.PoisonQueueWithFilter(poisonSink{r}, "poison", isPoison)
	if err != nil {
		return err
	}
	router.AddMiddleware(
		r.metrics.middleware,
		poison,
		middleware.Retry{
			MaxRetries: r.cfg.Retries, InitialInterval: 50 * time.Millisecond,
			MaxInterval: 2 * time.Second, Multiplier: 2, Logger: watermill.NewSlogLogger(r.log),
		}.Middleware,
		middleware.Recoverer,
	)
	durable := NewLogSubscriber(r.store, r.startDurable, r.cfg.BatchSize)
	for _, name := range r.order {
		p := r.projections[name]
		router.AddConsumerHandler(name, name, durable, r.projectionHandler(p))
	}
	if len(r.listeners) > 0 {
		start, err := r.listenerStart(ctx)
		if err != nil {
			return err
		}
		live := NewLogSubscriber(r.store, func(context.Context, string) (eventstore.Position, error) { return start, nil }, r.cfg.BatchSize)
		for _, l := range r.listeners {
			router.AddConsumerHandler(l.Name(), l.Name(), live, r.listenerHandler(l))
			// Every process runs its own listeners: a write waits for
			// them here, never by polling a checkpoint they do not have.
			r.waiter.setActive(l.Name(), true)
		}
	}
	if running != nil {
		go func() {
			select {
			case <-router.Running():
				close(running)
			case <-ctx.Done():
			}
		}()
	}
	err = router.Run(ctx)
	r.writeAllSkipped()
	r.releaseLocks()
	return err
}

// listenerStart is where listeners begin: they hold no state from before
// this process, so the oldest durable checkpoint is early enough.
func (r *Runtime) listenerStart(ctx context.Context) (eventstore.Position, error) {
	var start eventstore.Position
	for i, name := range r.order {
		pos, err := ReadCheckpoint(ctx, r.pool, name)
		if err != nil {
			return start, err
		}
		if i == 0 || pos.Less(start) {
			start = pos
		}
	}
	return start, nil
}

func (r *Runtime) projectionHandler(p Projection) message.NoPublishHandlerFunc {
	return func(msg *message.Message) error {
		batch := BatchFrom(msg)
		err := r.apply(msg.Context(), p, p.Schema(), p.Name(), batch)
		if err == nil || len(batch) == 1 {
			return err
		}
		// Isolate the failing event: apply one at a time; those before it
		// stay committed and the retry starts at the failing one.
		for _, ev := range batch {
			if err := r.apply(msg.Context(), p, p.Schema(), p.Name(), Batch{ev}); err != nil {
				return err
			}
		}
		return nil
	}
}

func (r *Runtime) listenerHandler(l Listener) message.NoPublishHandlerFunc {
	return func(msg *message.Message) error {
		batch := BatchFrom(msg)
		for _, ev := range batch {
			if err := l.Handle(msg.Context(), ev); err != nil {
				return &applyError{ev: ev, err: err}
			}
		}
		r.waiter.advance(l.Name(), batch[len(batch)-1].Position)
		return nil
	}
}

// apply runs batch through p in one transaction that also moves the
// checkpoint named checkpoint; events at or before the checkpoint are
// skipped, which makes redelivery harmless and keeps a second active
// instance from applying anything twice. A batch a Selective projection
// has no use for costs no transaction (see skip).
func (r *Runtime) apply(ctx context.Context, p Projection, schema, checkpoint string, batch Batch) error {
	last := batch[len(batch)-1]
	if wantsAny(p, batch) {
		if err := r.applyLive(ctx, p, schema, checkpoint, batch); err != nil {
			return err
		}
		if c, ok := p.(Committer); ok {
			c.Committed(batch)
		}
	} else {
		r.skip(checkpoint, last.Position)
	}
	r.waiter.advance(checkpoint, last.Position)
	r.metrics.applied(checkpoint, batch)
	return nil
}

// wantsAny reports whether p has a use for any event of batch.
func wantsAny(p Projection, batch Batch) bool {
	s, ok := p.(Selective)
	if !ok {
		return true
	}
	for _, ev := range batch {
		if s.Wants(ev.Type) {
			return true
		}
	}
	return false
}

// pendingCheckpoint is where a projection's skipped batches have brought
// it, to be written when its timer fires.
type pendingCheckpoint struct {
	pos   eventstore.Position
	timer *time.Timer
}

// skip passes a batch a projection has no use for. Its position moves in
// process at once (the waiter) and in the checkpoint table SkipCheckpoint
// later, one write for all batches skipped meanwhile; a transaction of the
// projection in between writes it anyway. A restart before that write
// reads the skipped events again, and skips them again.
func (r *Runtime) skip(checkpoint string, pos eventstore.Position) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.skipped[checkpoint]
	if p == nil {
		p = &pendingCheckpoint{}
		r.skipped[checkpoint] = p
	}
	p.pos = pos
	if p.timer == nil {
		p.timer = time.AfterFunc(r.cfg.SkipCheckpoint, func() { r.writeSkipped(checkpoint) })
	}
}

// writeSkipped writes a pending checkpoint. The update only moves the
// checkpoint forward, so it never undoes a projection transaction.
func (r *Runtime) writeSkipped(checkpoint string) {
	r.mu.Lock()
	p := r.skipped[checkpoint]
	pos := p.pos
	p.timer = nil
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.pool.Exec(ctx, `UPDATE public.projection_checkpoints SET commit_pos = $2, prepare_pos = $3, updated_at = now()
		WHERE name = $1 AND (commit_pos, prepare_pos) < ($2, $3)`, checkpoint, pos.Commit, pos.Prepare); err != nil {
		r.log.Warn("checkpoint of skipped events not written", "projection", checkpoint, "error", err)
	}
}

// writeAllSkipped writes the pending checkpoints at once, when the runtime
// stops.
func (r *Runtime) writeAllSkipped() {
	r.mu.Lock()
	var due []string
	for name, p := range r.skipped {
		if p.timer != nil && p.timer.Stop() {
			due = append(due, name)
		}
	}
	r.mu.Unlock()
	for _, name := range due {
		r.writeSkipped(name)
	}
}

// applyLive applies batch in two round trips, which is what a write waits
// for: the first begins the transaction, sets it up and locks the
// checkpoint (a simple-protocol query of three statements), the second
// sends the projection's writes, the checkpoint and COMMIT. After an error
// the transaction is rolled back; a connection that cannot say so is
// closed.
func (r *Runtime) applyLive(ctx context.Context, p Projection, schema, checkpoint string, batch Batch) (err error) {
	conn, err := r.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer func() {
		pc := conn.Conn().PgConn()
		if err != nil && !pc.IsClosed() && pc.TxStatus() != 'I' {
			if _, rerr := pc.Exec(context.WithoutCancel(ctx), "ROLLBACK").ReadAll(); rerr != nil {
				_ = pc.Close(context.WithoutCancel(ctx))
			}
		}
		conn.Release()
	}()
	setup := fmt.Sprintf(`BEGIN; SELECT set_config('search_path', %s, true), set_config('synchronous_commit', 'off', true);
		SELECT commit_pos, prepare_pos FROM public.projection_checkpoints WHERE name = %s FOR UPDATE`,
		quoteLiteral(pgx.Identifier{schema}.Sanitize()), quoteLiteral(checkpoint))
	results, err := conn.Conn().PgConn().Exec(ctx, setup).ReadAll()
	if err != nil {
		return fmt.Errorf("checkpoint %s: %w", checkpoint, err)
	}
	var done eventstore.Position
	if len(results) != 3 || len(results[2].Rows) != 1 {
		return fmt.Errorf("checkpoint %s: not found", checkpoint)
	}
	row := results[2].Rows[0]
	if done.Commit, err = strconv.ParseUint(string(row[0]), 10, 64); err == nil {
		done.Prepare, err = strconv.ParseUint(string(row[1]), 10, 64)
	}
	if err != nil {
		return fmt.Errorf("checkpoint %s: %w", checkpoint, err)
	}
	ptx := &Tx{tx: conn, batch: &pgx.Batch{}}
	if err := applyEvents(ctx, ptx, p, checkpoint, done, batch); err != nil {
		return err
	}
	ptx.Exec("COMMIT")
	if err := ptx.flush(ctx); err != nil {
		return &applyError{ev: batch[len(batch)-1], err: err}
	}
	return nil
}

// quoteLiteral quotes s as an SQL string literal.
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// applyTx applies batch within tx, as a rebuild does.
func (r *Runtime) applyTx(ctx context.Context, tx pgx.Tx, p Projection, schema, checkpoint string, batch Batch) error {
	// One round trip: the transaction's settings (SET LOCAL) with the
	// checkpoint, locked.
	var done eventstore.Position
	var set1, set2 string
	err := tx.QueryRow(ctx, `SELECT set_config('search_path', $2, true), set_config('synchronous_commit', 'off', true),
		commit_pos, prepare_pos FROM public.projection_checkpoints WHERE name = $1 FOR UPDATE`,
		checkpoint, pgx.Identifier{schema}.Sanitize()).Scan(&set1, &set2, &done.Commit, &done.Prepare)
	if err != nil {
		return fmt.Errorf("checkpoint %s: %w", checkpoint, err)
	}
	ptx := &Tx{tx: tx, batch: &pgx.Batch{}}
	if err := applyEvents(ctx, ptx, p, checkpoint, done, batch); err != nil {
		return err
	}
	if err := ptx.flush(ctx); err != nil {
		return &applyError{ev: batch[len(batch)-1], err: err}
	}
	return nil
}

// applyEvents applies the events of batch after done that p wants and
// queues the move of the checkpoint past the last event after done.
func applyEvents(ctx context.Context, ptx *Tx, p Projection, checkpoint string, done eventstore.Position, batch Batch) error {
	var last eventstore.Position
	sel, _ := p.(Selective)
	for _, ev := range batch {
		if !done.Less(ev.Position) {
			continue
		}
		last = ev.Position
		if sel != nil && !sel.Wants(ev.Type) {
			continue
		}
		if err := p.Apply(ctx, ptx, ev); err != nil {
			return &applyError{ev: ev, err: err}
		}
		if err := ptx.flushIfLarge(ctx); err != nil {
			return &applyError{ev: ev, err: err}
		}
	}
	if last != (eventstore.Position{}) {
		ptx.Exec(`UPDATE public.projection_checkpoints SET commit_pos = $2, prepare_pos = $3, updated_at = now() WHERE name = $1`,
			checkpoint, last.Commit, last.Prepare)
	}
	return nil
}

// applyError names the event a projection failed on.
type applyError struct {
	ev  eventstore.RecordedEvent
	err error
}

func (e *applyError) Error() string {
	return fmt.Sprintf("event %s@%d (%s, %s): %v", e.ev.StreamID, e.ev.Revision, e.ev.Type, e.ev.Position, e.err)
}

func (e *applyError) Unwrap() error { return e.err }

// ReadCheckpoint returns where projection name is (Start when it never ran).
func ReadCheckpoint(ctx context.Context, pool *pgxpool.Pool, name string) (eventstore.Position, error) {
	var pos eventstore.Position
	err := pool.QueryRow(ctx, `SELECT commit_pos, prepare_pos FROM projection_checkpoints WHERE name = $1`, name).
		Scan(&pos.Commit, &pos.Prepare)
	if errors.Is(err, pgx.ErrNoRows) {
		return eventstore.Start, nil
	}
	return pos, err
}
