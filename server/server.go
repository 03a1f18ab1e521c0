// Package server assembles the registry's HTTP handler: one route table per
// API root, the platform middleware around them, health, readiness and
// metrics. cmd/zaakregister builds it; the end-to-end tests use it too.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/readapi"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// Config is what the handler needs.
type Config struct {
	BaseURL string
	// Aliases are former base URLs whose resource URLs are still taken
	// for this registry's (zgw.API.Aliases).
	Aliases []string
	// StrictBodies refuses unknown request body fields (zgw.API.StrictBodies).
	StrictBodies bool
	Pool         *pgxpool.Pool
	Store        eventstore.Store
	Waiter       commands.Waiter
	// WaitFor names, per API, the projections and listeners a write waits
	// for before it answers.
	WaitFor     map[string][]string
	Secrets     zgw.Secrets
	Rights      zgw.RightsSource
	Registry    *prometheus.Registry
	Log         *slog.Logger
	WaitTimeout time.Duration
	JWTMaxAge   time.Duration
	JWTLeeway   time.Duration
	// Lijsten is the built-in Referentielijsten data; Selectielijst answers
	// the Catalogi API's references to a Referentielijsten API.
	Lijsten       *referentielijsten.Lijsten
	Selectielijst *referentielijsten.Source
	// CatalogiCache, when set, keeps the Catalogi API's GET answers; the
	// caller flushes it after every change of the catalogi read model.
	CatalogiCache *zgw.ResponseCache
	// ExpandCache, when set, keeps the catalogi objects the Zaken API
	// expands; the caller flushes it after every change of the catalogi
	// read model.
	ExpandCache *readapi.ExpandCache
	// ZakenCache, when set, keeps the answers of GET /zaken/{uuid}; the
	// owner forgets a zaak's answers after each of its events and flushes
	// it with the catalogue and the rights.
	ZakenCache *zgw.ResponseCache
	// CatalogiVersie, when set, is bumped by the owner once the catalogi
	// read model has applied an event, in every process: the Zaken API
	// then reads a zaaktype's stream only after it moved.
	CatalogiVersie *atomic.Uint64
	// Resolver resolves references to other registries (documents).
	Resolver *refs.Resolver
}

// New returns the handler of every API root.
func New(cfg Config) (http.Handler, error) {
	r := chi.NewRouter()
	r.Use(zgw.RequestIDs, zgw.AccessLog(cfg.Log), zgw.Instrument(cfg.Registry), zgw.Recover)
	r.Method(http.MethodGet, "/healthz", zgw.Health(nil))
	r.Method(http.MethodGet, "/readyz", zgw.Health(func(ctx context.Context) error { return cfg.Pool.Ping(ctx) }))
	r.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{}))
	authenticate := zgw.Authenticate(zgw.AuthConfig{
		Secrets: cfg.Secrets, Rights: cfg.Rights, MaxAge: cfg.JWTMaxAge, Leeway: cfg.JWTLeeway,
	})
	base := commands.Base{Store: cfg.Store, Waiter: cfg.Waiter, WaitTimeout: cfg.WaitTimeout, Clock: domain.SystemClock{}, Log: cfg.Log}
	for _, api := range []func(Config, commands.Base) (*zgw.API, http.Handler, error){autorisatiesAPI, referentielijstenAPI, catalogiAPI, zakenAPI} {
		a, routes, err := api(cfg, base)
		if err != nil {
			return nil, err
		}
		r.Mount(a.Root, a.Handler(authenticate, routes))
	}
	r.NotFound(func(w http.ResponseWriter, req *http.Request) {
		zgw.WriteError(w, req, domain.NotFound(fmt.Sprintf("Geen API op %s.", req.URL.Path)))
	})
	return r, nil
}
