package main

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// Config is everything the binary reads from its environment; the table in
// README.md lists the variables.
type Config struct {
	Addr        string        // ZAAKREGISTER_ADDR
	BaseURL     string        // ZAAKREGISTER_URL
	DatabaseURL string        // DATABASE_URL; empty starts a private PostgreSQL
	DataDir     string        // ZAAKREGISTER_DATA: folder of the private PostgreSQL
	EventStore  string        // ZAAKREGISTER_EVENTSTORE: "postgres" or a kurrentdb:// / esdb:// URL
	Migrate     bool          // ZAAKREGISTER_MIGRATE: apply pending migrations at start
	WaitTimeout time.Duration // ZAAKREGISTER_WRITE_WAIT: read-your-writes bound
	JWTMaxAge   time.Duration // ZAAKREGISTER_JWT_MAX_AGE
	JWTLeeway   time.Duration // ZAAKREGISTER_JWT_LEEWAY
	SecretTTL   time.Duration // ZAAKREGISTER_SECRET_CACHE
	LogLevel    string        // ZAAKREGISTER_LOG_LEVEL
	// ReferentielijstenURL is the root of an external Referentielijsten API
	// (ZAAKREGISTER_REFERENTIELIJSTEN_URL); empty uses the built-in one.
	ReferentielijstenURL string
	// AllowPrivateRefs lets reference URLs point at private and loopback
	// addresses (ZAAKREGISTER_REFS_ALLOW_PRIVATE); off by default against
	// server-side request forgery.
	AllowPrivateRefs bool
	// ZakenBewaartermijn is how long the event history of a deleted zaak is
	// kept before it is destroyed (ZAAKREGISTER_ZAKEN_BEWAARTERMIJN, a Go
	// duration, default 720h; 0 destroys it at the next purge); see
	// docs/retention.md.
	ZakenBewaartermijn time.Duration
	ShutdownWait       time.Duration // how long in-flight requests may finish on SIGTERM
	// HTTP holds the HTTP server's limits against slow clients; see
	// newHTTPServer.
	HTTP HTTPLimits
	// StrictBodies refuses request body fields an operation does not have
	// (ZAAKREGISTER_STRICT_BODIES), for client developers; by default they
	// are ignored, as the reference implementation ignores them.
	StrictBodies bool
	// Aliases are the registry's former base URLs
	// (ZAAKREGISTER_URL_ALIASES, comma-separated): URLs under them are
	// taken for this registry's own resources.
	Aliases []string
}

// HTTPLimits bound how long the HTTP server waits for a client. Each is a
// Go duration; 0 means no limit.
type HTTPLimits struct {
	// ReadHeader is how long a request's line and headers may take to
	// arrive (ZAAKREGISTER_HTTP_READ_HEADER_TIMEOUT, default 10s).
	ReadHeader time.Duration
	// BodyIdle is how long a request body may send nothing
	// (ZAAKREGISTER_HTTP_BODY_IDLE, default 30s): a body that keeps
	// arriving is read however long it takes.
	BodyIdle time.Duration
	// Idle is how long a kept-alive connection may wait for its next
	// request (ZAAKREGISTER_HTTP_IDLE_TIMEOUT, default 120s).
	Idle time.Duration
	// Read bounds a whole request, body included
	// (ZAAKREGISTER_HTTP_READ_TIMEOUT, default 0).
	Read time.Duration
	// Write bounds a whole exchange, from the start of the request to the
	// end of the answer (ZAAKREGISTER_HTTP_WRITE_TIMEOUT, default 0).
	Write time.Duration
}

// ConfigFromEnv reads the configuration; it fails on malformed values
// rather than guessing.
func ConfigFromEnv() (Config, error) {
	c := Config{
		Addr:         env("ZAAKREGISTER_ADDR", ":8000"),
		BaseURL:      env("ZAAKREGISTER_URL", "http://localhost:8000"),
		DatabaseURL:  os.Getenv("DATABASE_URL"),
		DataDir:      env("ZAAKREGISTER_DATA", ".data/postgres"),
		EventStore:   env("ZAAKREGISTER_EVENTSTORE", "postgres"),
		LogLevel:     env("ZAAKREGISTER_LOG_LEVEL", "info"),
		ShutdownWait: 15 * time.Second,
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	if err := baseURL(c.BaseURL); err != nil {
		return c, fmt.Errorf("ZAAKREGISTER_URL: %w", err)
	}
	for alias := range strings.SplitSeq(os.Getenv("ZAAKREGISTER_URL_ALIASES"), ",") {
		if alias = strings.TrimSuffix(strings.TrimSpace(alias), "/"); alias == "" {
			continue
		}
		if err := baseURL(alias); err != nil {
			return c, fmt.Errorf("ZAAKREGISTER_URL_ALIASES: %w", err)
		}
		c.Aliases = append(c.Aliases, alias)
	}
	c.ReferentielijstenURL = strings.TrimSuffix(os.Getenv("ZAAKREGISTER_REFERENTIELIJSTEN_URL"), "/")
	var err error
	if c.AllowPrivateRefs, err = strconv.ParseBool(env("ZAAKREGISTER_REFS_ALLOW_PRIVATE", "false")); err != nil {
		return c, fmt.Errorf("ZAAKREGISTER_REFS_ALLOW_PRIVATE: %w", err)
	}
	if c.StrictBodies, err = strconv.ParseBool(env("ZAAKREGISTER_STRICT_BODIES", "false")); err != nil {
		return c, fmt.Errorf("ZAAKREGISTER_STRICT_BODIES: %w", err)
	}
	if c.Migrate, err = strconv.ParseBool(env("ZAAKREGISTER_MIGRATE", "true")); err != nil {
		return c, fmt.Errorf("ZAAKREGISTER_MIGRATE: %w", err)
	}
	for _, d := range []struct {
		name, def string
		dst       *time.Duration
	}{
		{"ZAAKREGISTER_WRITE_WAIT", "5s", &c.WaitTimeout},
		{"ZAAKREGISTER_JWT_MAX_AGE", "1h", &c.JWTMaxAge},
		// ZGW clients and the standard's test tooling mint tokens whose iat
		// lies minutes ahead (docs/security.md).
		{"ZAAKREGISTER_JWT_LEEWAY", "5m", &c.JWTLeeway},
		{"ZAAKREGISTER_SECRET_CACHE", "5s", &c.SecretTTL},
		{"ZAAKREGISTER_ZAKEN_BEWAARTERMIJN", "720h", &c.ZakenBewaartermijn},
		{"ZAAKREGISTER_HTTP_READ_HEADER_TIMEOUT", "10s", &c.HTTP.ReadHeader},
		{"ZAAKREGISTER_HTTP_BODY_IDLE", "30s", &c.HTTP.BodyIdle},
		{"ZAAKREGISTER_HTTP_IDLE_TIMEOUT", "120s", &c.HTTP.Idle},
		{"ZAAKREGISTER_HTTP_READ_TIMEOUT", "0", &c.HTTP.Read},
		{"ZAAKREGISTER_HTTP_WRITE_TIMEOUT", "0", &c.HTTP.Write},
	} {
		if *d.dst, err = time.ParseDuration(env(d.name, d.def)); err != nil {
			return c, fmt.Errorf("%s: %w", d.name, err)
		}
		if *d.dst < 0 && strings.HasPrefix(d.name, "ZAAKREGISTER_HTTP_") {
			return c, fmt.Errorf("%s: %s is negative", d.name, *d.dst)
		}
	}
	if c.ZakenBewaartermijn < 0 {
		return c, fmt.Errorf("ZAAKREGISTER_ZAKEN_BEWAARTERMIJN: %s is negative", c.ZakenBewaartermijn)
	}
	return c, nil
}

// baseURL checks a base URL: an absolute http(s) URL with a host, and
// nothing after its path.
func baseURL(v string) error {
	u, err := url.Parse(v)
	if err != nil || domain.URLFault(v) != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%q is no absolute http(s) URL", v)
	}
	return nil
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
