package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/zaakregister/zaakregister/clients"
	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/kurrentdb"
	"github.com/zaakregister/zaakregister/eventstore/metrics"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/eventstore/upcast"
	"github.com/zaakregister/zaakregister/localpg"
	"github.com/zaakregister/zaakregister/migrations"
	"github.com/zaakregister/zaakregister/projections"
	"github.com/zaakregister/zaakregister/readapi"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/server"
	"github.com/zaakregister/zaakregister/zgw"
)

// Main is the running registry: storage, projections and HTTP server. The
// end-to-end tests drive the same struct.
type Main struct {
	Config Config
	Log    *slog.Logger

	Pool     *pgxpool.Pool
	Store    eventstore.Store
	Runtime  *projections.Runtime
	Registry *prometheus.Registry
	Clients  *clients.Store
	Handler  http.Handler

	closers  []func()
	listener net.Listener
	server   *http.Server
	done     <-chan error
	purged   chan struct{} // closed when the retention purge loop ended
	cancel   context.CancelFunc
}

// openStorage connects to PostgreSQL (starting the private one when no
// DATABASE_URL is set), applies migrations and opens the event store.
func (m *Main) openStorage(ctx context.Context) error {
	url := m.Config.DatabaseURL
	if url == "" {
		u, release, err := localpg.Ensure(ctx, m.Config.DataDir, m.Log)
		if err != nil {
			return fmt.Errorf("private PostgreSQL (set DATABASE_URL to use another): %w", err)
		}
		m.closers = append(m.closers, release)
		url = u
	}
	pcfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	// The read models' queries are short and indexed; PostgreSQL's JIT
	// compiles some of them for longer than they run (a catalogue list:
	// 1.5 s with JIT, 0.24 s without).
	pcfg.ConnConfig.RuntimeParams["jit"] = "off"
	// pgxpool's default (4 on a 2-core machine) is less than what the
	// projections alone hold: each keeps a connection for its lock. A
	// pool_max_conns in DATABASE_URL still decides.
	if !strings.Contains(url, "pool_max_conns") {
		pcfg.MaxConns = defaultMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	m.closers = append(m.closers, pool.Close)
	m.Pool = pool
	if err := pool.Ping(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if m.Config.Migrate {
		applied, err := migrations.Apply(ctx, pool)
		if err != nil {
			return err
		}
		for _, name := range applied {
			m.Log.Info("migration applied", "migration", name)
		}
	} else if pending, err := migrations.Pending(ctx, pool); err == nil && len(pending) > 0 {
		return fmt.Errorf("pending migrations %v: run `zaakregister migrate` or start without --no-migrate", pending)
	}
	m.Clients = &clients.Store{Pool: pool, TTL: m.Config.SecretTTL}
	m.Registry = prometheus.NewRegistry()
	m.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	backend := "postgres"
	switch es := m.Config.EventStore; {
	case es == "" || es == "postgres":
		s := postgres.New(pool)
		m.closers = append(m.closers, func() { s.Close() })
		m.Store = s
	case strings.Contains(es, "://"):
		// Every scheme of the KurrentDB client (kurrentdb, kurrent, kdb,
		// esdb, each also +discover); the client rejects others.
		s, err := kurrentdb.New(ctx, es, kurrentdb.WithLogger(m.Log))
		if err != nil {
			return fmt.Errorf("event store: %w", err)
		}
		m.closers = append(m.closers, func() { s.Close() })
		m.Store = s
		backend = "kurrentdb"
	default:
		return fmt.Errorf("ZAAKREGISTER_EVENTSTORE: want postgres or a kurrentdb:// URL, got %q", es)
	}
	m.Store = metrics.Wrap(m.Store, backend, m.Registry)
	// Events of an earlier schema version are read as the current one;
	// URLs in version-1 events under the base URL or an alias are this
	// registry's (docs/decisions.md).
	m.Store = upcast.Wrap(m.Store, upcast.Registries(append([]string{m.Config.BaseURL}, m.Config.Aliases...),
		autorisaties.Events(), catalogi.Events(), zaken.Events()))
	m.Runtime = projections.New(pool, m.Store, m.Log, projections.NewMetrics(m.Registry), projections.Config{})
	m.Runtime.Add(projections.Autorisaties{})
	m.Runtime.Add(projections.Catalogi{})
	m.Runtime.Add(projections.Zaken{})
	return nil
}

// defaultMaxConns is the pool size unless DATABASE_URL sets pool_max_conns:
// the projections' lock connections, the projections' writes and the HTTP
// requests, well within PostgreSQL's default of 100 connections.
const defaultMaxConns = 32

// Open prepares everything Start needs.
func (m *Main) Open(ctx context.Context) error {
	if err := m.openStorage(ctx); err != nil {
		return err
	}
	rights := &readapi.RightsCache{Source: &readapi.Autorisaties{Pool: m.Pool}}
	catalogiCache := &zgw.ResponseCache{TTL: 5 * time.Minute}
	expandCache := &readapi.ExpandCache{TTL: 5 * time.Minute}
	// The zaak details with what they expand: a zaak's answers are
	// forgotten when an event changes it, all of them when the catalogue
	// or the rights change.
	zakenCache := &zgw.ResponseCache{Max: 5000, TTL: 5 * time.Minute}
	catalogiVersie := new(atomic.Uint64)
	m.Runtime.Listen(projections.AfterProjection{
		ListenerName: "catalogicache", Projection: "catalogi", Prefix: "catalogi.",
		Waiter: m.Runtime.Waiter(), Do: func(eventstore.RecordedEvent) {
			catalogiCache.Flush()
			expandCache.Flush()
			zakenCache.Flush()
			catalogiVersie.Add(1)
		},
	})
	m.Runtime.Listen(projections.AfterProjection{
		ListenerName: "zakencache", Projection: "zaken", Prefix: "zaken.",
		Waiter: m.Runtime.Waiter(), Do: func(ev eventstore.RecordedEvent) { zakenCache.Forget(readapi.ZaakCacheTags(ev)...) },
	})
	lijsten, err := referentielijsten.Load()
	if err != nil {
		return err
	}
	resolver, err := refs.New(refs.Options{AllowPrivate: m.Config.AllowPrivateRefs})
	if err != nil {
		return err
	}
	selectielijst := &referentielijsten.Source{Lijsten: lijsten, Root: referentielijsten.Root, Builtin: true, Resolver: resolver}
	if m.Config.ReferentielijstenURL != "" {
		selectielijst = &referentielijsten.Source{Root: m.Config.ReferentielijstenURL, Resolver: resolver}
	}
	m.Runtime.Listen(projections.AfterProjection{
		ListenerName: "rightscache", Projection: "autorisaties", Prefix: "autorisaties.applicatie.",
		Waiter: m.Runtime.Waiter(), Do: func(eventstore.RecordedEvent) { rights.Flush(); zakenCache.Flush() },
	})
	h, err := server.New(server.Config{
		BaseURL: m.Config.BaseURL, Aliases: m.Config.Aliases, StrictBodies: m.Config.StrictBodies, Pool: m.Pool, Store: m.Store, Waiter: m.Runtime.Waiter(),
		WaitFor: map[string][]string{"autorisaties": {"autorisaties", "rightscache"}, "catalogi": {"catalogi", "catalogicache"},
			"zaken": {"zaken", "zakencache"}},
		Secrets: m.Clients, Rights: rights, Registry: m.Registry, Log: m.Log,
		WaitTimeout: m.Config.WaitTimeout, JWTMaxAge: m.Config.JWTMaxAge, JWTLeeway: m.Config.JWTLeeway,
		Lijsten: lijsten, Selectielijst: selectielijst, CatalogiCache: catalogiCache, ExpandCache: expandCache, ZakenCache: zakenCache, CatalogiVersie: catalogiVersie,
		Resolver: resolver,
	})
	if err != nil {
		return err
	}
	m.Handler = h
	return nil
}

// Start runs the projections and starts listening; it returns once both run.
func (m *Main) Start(ctx context.Context) error {
	ctx, m.cancel = context.WithCancel(ctx)
	var err error
	if m.done, err = m.Runtime.Start(ctx, 30*time.Second); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return err
	}
	m.listener = ln
	m.server = newHTTPServer(m.Config.HTTP, m.Handler)
	go func() {
		if err := m.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error("http server", "error", err)
		}
	}()
	m.Log.Info("serving", "addr", ln.Addr().String(), "url", m.Config.BaseURL)
	purged := make(chan struct{})
	m.purged = purged
	go func() {
		defer close(purged)
		m.vernietigingLoop(ctx, m.vernietiging(m.Runtime.Waiter()))
	}()
	return nil
}

// newHTTPServer is the server serve runs, with limits against clients that
// hold a connection open by sending slowly (slowloris):
//
//   - the request line and headers must arrive within ReadHeader;
//   - a request body may pause for at most BodyIdle (zgw.BodyIdle), however
//     long it takes in all: a multi-gigabyte document that arrives at a
//     steady rate must not be cut off, so the whole request is bounded only
//     by Read, which is 0 (none) by default;
//   - a kept-alive connection waits at most Idle for its next request.
//
// Write is 0 (none) by default for the same reason: net/http's WriteTimeout
// runs from the start of the request, so it would also bound the upload of
// a large body, the wait for the read models and the download of a large
// document. Answers are small today and the handlers bound their own work
// (read your writes waits ZAAKREGISTER_WRITE_WAIT); a client that stops
// reading a large answer is for the Documenten API's downloads to bound,
// with a write deadline extended per write as zgw.BodyIdle does for reads.
func newHTTPServer(l HTTPLimits, h http.Handler) *http.Server {
	return &http.Server{
		Handler:           zgw.BodyIdle(l.BodyIdle, l.Read, h),
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
	}
}

// vernietigingInterval is how often serve runs the retention purge of the
// event history of deleted zaken (docs/retention.md).
const vernietigingInterval = time.Hour

// vernietiging is the retention purge with the configured term; waiter is
// nil where no projections run in this process (the CLI).
func (m *Main) vernietiging(waiter commands.Waiter) *commands.Vernietiging {
	return &commands.Vernietiging{
		Base: commands.Base{Store: m.Store, Waiter: waiter, WaitTimeout: m.Config.WaitTimeout,
			Clock: domain.SystemClock{}, Log: m.Log},
		Pool: m.Pool, Bewaartermijn: m.Config.ZakenBewaartermijn,
	}
}

// vernietigingLoop runs the purge at once and then every
// vernietigingInterval until ctx ends. Run itself lets one process purge
// at a time; a failed run is logged and tried again at the next tick.
func (m *Main) vernietigingLoop(ctx context.Context, v *commands.Vernietiging) {
	tick := time.NewTicker(vernietigingInterval)
	defer tick.Stop()
	for {
		n, err := v.Run(ctx)
		switch {
		case errors.Is(err, commands.ErrVernietigingBezig):
			m.Log.Debug("another process is destroying the event history of deleted zaken")
		case err != nil && ctx.Err() == nil:
			m.Log.Error("vernietiging of deleted zaken failed", "error", err)
		case n > 0:
			m.Log.Info("event histories of deleted zaken destroyed", "zaken", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Addr is where Start listens.
func (m *Main) Addr() string { return m.listener.Addr().String() }

// Run starts and serves until ctx ends, then shuts down gracefully:
// in-flight requests (and so in-flight writes) finish first.
func (m *Main) Run(ctx context.Context) error {
	if err := m.Start(ctx); err != nil {
		return err
	}
	select {
	case <-ctx.Done():
	case err := <-m.done:
		return fmt.Errorf("projections stopped: %w", err)
	}
	return m.shutdown()
}

func (m *Main) shutdown() error {
	sctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownWait)
	defer cancel()
	var err error
	if m.server != nil {
		err = m.server.Shutdown(sctx)
		m.server = nil
	}
	if m.cancel != nil {
		m.cancel()
		<-m.done
		if m.purged != nil {
			<-m.purged
			m.purged = nil
		}
		m.cancel = nil
	}
	return err
}

// Close stops everything Open started, in reverse order.
func (m *Main) Close() {
	m.shutdown() //nolint:errcheck // closing anyway
	for i := len(m.closers) - 1; i >= 0; i-- {
		m.closers[i]()
	}
	m.closers = nil
}
