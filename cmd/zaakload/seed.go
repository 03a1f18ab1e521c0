package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/eventstore/upcast"
	"github.com/zaakregister/zaakregister/migrations"
	"github.com/zaakregister/zaakregister/projections"
)

// seedConfig is what one seed run writes, and where.
type seedConfig struct {
	DatabaseURL string
	// BaseURL is the registry's public base URL (ZAAKREGISTER_URL). The
	// events written hold no base URL (docs/decisions.md); a catalogue an
	// earlier build seeded holds URLs under it, which are read as this
	// registry's.
	BaseURL   string
	Zaken     int
	Zaaktypen int
	Workers   int
	// Batch is how many zaken one transaction writes.
	Batch int
	// RSIN is the bronorganisatie of the zaken and the catalogus.
	RSIN string
	// Seed makes the contents of zaak number i reproducible; the uuids and
	// identificaties are new on every run.
	Seed uint64
	Log  *slog.Logger
}

// seedReport are the figures of a seed run.
type seedReport struct {
	Zaken          int
	Events         int64 // every event appended, catalogue and reservations included
	Write, CatchUp time.Duration
}

// seedCommand parses the flags of seed and runs it.
func seedCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	cfg := seedConfig{Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	fs.StringVar(&cfg.DatabaseURL, "database-url", os.Getenv("DATABASE_URL"), "PostgreSQL of the registry (default $DATABASE_URL)")
	fs.StringVar(&cfg.BaseURL, "base-url", envOr("ZAAKREGISTER_URL", "http://localhost:8000"), "public base URL of the registry (default $ZAAKREGISTER_URL)")
	fs.IntVar(&cfg.Zaken, "zaken", 1_000_000, "zaken to write")
	fs.IntVar(&cfg.Zaaktypen, "zaaktypen", 100, "published zaaktypen in the catalogus (existing ones are reused)")
	fs.IntVar(&cfg.Workers, "workers", 8, "concurrent writers")
	fs.IntVar(&cfg.Batch, "batch", 100, "zaken per transaction")
	fs.StringVar(&cfg.RSIN, "rsin", "002220647", "bronorganisatie of the zaken and rsin of the catalogus")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed of the zaken's contents")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if cfg.DatabaseURL == "" {
		return fmt.Errorf("%w: --database-url (or DATABASE_URL) is required", errUsage)
	}
	if cfg.Zaken < 0 || cfg.Zaaktypen < 1 || cfg.Workers < 1 || cfg.Batch < 1 {
		return fmt.Errorf("%w: --zaken >= 0, --zaaktypen, --workers and --batch >= 1", errUsage)
	}
	_, err := seed(ctx, cfg, out)
	return err
}

// seed writes the catalogue (or finds it from an earlier run), then the
// zaken, then runs the projections in process until they have caught up.
func seed(ctx context.Context, cfg seedConfig, out io.Writer) (seedReport, error) {
	var rep seedReport
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	pool, err := openPool(ctx, cfg.DatabaseURL, cfg.Workers+4)
	if err != nil {
		return rep, err
	}
	defer pool.Close()
	if _, err := migrations.Apply(ctx, pool); err != nil {
		return rep, err
	}
	store := postgres.New(pool)
	defer store.Close()
	w := &logWriter{store: store, pool: pool, upcast: upcast.Registries([]string{cfg.BaseURL},
		autorisaties.Events(), catalogi.Events(), zaken.Events())}

	start := time.Now()
	cat, err := ensureCatalogue(ctx, w, cfg)
	if err != nil {
		return rep, fmt.Errorf("catalogue: %w", err)
	}
	fmt.Fprintf(out, "catalogue: %d published zaaktypen (%d events written) in %v\n",
		len(cat), w.events.Load(), time.Since(start).Round(time.Millisecond))

	if err := writeZaken(ctx, w, cat, cfg, out); err != nil {
		return rep, err
	}
	rep.Zaken, rep.Events, rep.Write = cfg.Zaken, w.events.Load(), time.Since(start)
	fmt.Fprintf(out, "written: %d zaken, %d events in %v (%.0f events/s, %.0f zaken/s)\n", rep.Zaken, rep.Events,
		rep.Write.Round(time.Millisecond), float64(rep.Events)/rep.Write.Seconds(), float64(rep.Zaken)/rep.Write.Seconds())

	if rep.CatchUp, err = catchUp(ctx, pool, store, w.lastPosition(), cfg.Log); err != nil {
		return rep, err
	}
	fmt.Fprintf(out, "projections caught up in %v (%.0f events/s of this seed)\n",
		rep.CatchUp.Round(time.Millisecond), float64(rep.Events)/rep.CatchUp.Seconds())
	return rep, nil
}

// catchUp runs the projections of `zaakregister serve` in process until
// each has processed last. When a serving registry holds the projections,
// this runtime stands by and the wait follows the checkpoints instead.
func catchUp(ctx context.Context, pool *pgxpool.Pool, store eventstore.Store, last eventstore.Position, log *slog.Logger) (time.Duration, error) {
	rt := projections.New(pool, store, log, nil, projections.Config{})
	rt.Add(projections.Autorisaties{})
	rt.Add(projections.Catalogi{})
	rt.Add(projections.Zaken{})
	var names []string
	for _, p := range rt.Projections() {
		names = append(names, p.Name())
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- rt.Run(ctx, nil) }()
	waited := make(chan error, 1)
	go func() { waited <- rt.Waiter().Wait(ctx, last, names...) }()
	select {
	case err := <-waited:
		took := time.Since(start)
		cancel()
		<-done
		return took, err
	case err := <-done:
		if err == nil {
			err = ctx.Err()
		}
		return 0, fmt.Errorf("projections stopped: %w", err)
	}
}

// logWriter appends decisions to the event store and keeps what seed
// reports: the events written and the last position reached.
type logWriter struct {
	store *postgres.Store
	pool  *pgxpool.Pool
	// upcast reads an event an earlier build wrote (a catalogue seeded
	// before) as the current version of its type.
	upcast upcast.Func
	events atomic.Int64

	mu   sync.Mutex
	last eventstore.Position
}

// encode turns decided events into what the store appends, with the
// metadata of this tool as the actor.
func (w *logWriter) encode(events []domain.Event) ([]eventstore.EventData, error) {
	meta := eventstore.Metadata{ClientID: "zaakload", Toelichting: "zaakload seed", Time: time.Now().UTC()}
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

// append writes events, if any, to stream in their own transaction.
func (w *logWriter) append(ctx context.Context, stream string, expected eventstore.ExpectedRevision, events []domain.Event) (eventstore.AppendResult, error) {
	return w.appendTx(ctx, nil, stream, expected, events)
}

// appendTx writes events, if any, to stream inside tx, or in their own
// transaction when tx is nil.
func (w *logWriter) appendTx(ctx context.Context, tx pgx.Tx, stream string, expected eventstore.ExpectedRevision, events []domain.Event) (eventstore.AppendResult, error) {
	if len(events) == 0 {
		return eventstore.AppendResult{}, nil
	}
	data, err := w.encode(events)
	if err != nil {
		return eventstore.AppendResult{}, err
	}
	var res eventstore.AppendResult
	if tx == nil {
		res, err = w.store.Append(ctx, stream, expected, data...)
	} else {
		res, err = w.store.AppendTx(ctx, tx, stream, expected, data...)
	}
	if err != nil {
		return res, err
	}
	w.events.Add(int64(len(data)))
	w.mu.Lock()
	if w.last.Less(res.Position) {
		w.last = res.Position
	}
	w.mu.Unlock()
	return res, nil
}

// lastPosition is the latest position an append reached.
func (w *logWriter) lastPosition() eventstore.Position {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last
}

// load replays stream into apply, as the command handlers do, and returns
// the expected revision of the next append.
func (w *logWriter) load(ctx context.Context, stream string, decode func(string, []byte) (domain.Event, error), apply func(domain.Event)) (eventstore.ExpectedRevision, error) {
	expected := eventstore.NoStream()
	var from uint64
	for {
		events, err := w.store.ReadStream(ctx, stream, from, 1000)
		if errors.Is(err, eventstore.ErrStreamNotFound) {
			return expected, nil
		}
		if err != nil {
			return expected, err
		}
		for _, re := range events {
			if err := w.upcast(&re); err != nil {
				return expected, err
			}
			e, err := decode(re.Type, re.Data)
			if err != nil {
				return expected, err
			}
			apply(e)
			expected, from = eventstore.Exact(re.Revision), re.Revision+1
		}
		if len(events) < 1000 {
			return expected, nil
		}
	}
}

// openPool connects with room for conns connections and, as the registry
// does, PostgreSQL's JIT off.
func openPool(ctx context.Context, url string, conns int) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	cfg.ConnConfig.RuntimeParams["jit"] = "off"
	if int32(conns) > cfg.MaxConns {
		cfg.MaxConns = int32(conns)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database: %w", err)
	}
	return pool, nil
}

// envOr returns the environment variable name, or def when it is unset.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// parallel calls do(i) for i in [0, n) on at most workers goroutines and
// returns the first error; after an error no new call starts.
func parallel(ctx context.Context, workers, n int, do func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := do(ctx, i); err != nil {
					cancel(err)
				}
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}
