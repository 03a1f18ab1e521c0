// Package pgtest gives tests a real, empty PostgreSQL database with all
// migrations applied. The server comes from ZAAKREGISTER_TEST_DATABASE_URL
// (a URL whose user may create databases); without it, the local server on
// 127.0.0.1:5432 (trust authentication, as Debian's development setups and
// CI have it); without that, a private server started from the installed
// PostgreSQL binaries in a folder under the system's temp folder, left
// running for the next test process. Every call creates a fresh database
// cloned from a migrated template, so tests never share state.
package pgtest

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/localpg"
	"github.com/zaakregister/zaakregister/migrations"
)

// EnvURL names the variable that points tests at a PostgreSQL server.
const EnvURL = "ZAAKREGISTER_TEST_DATABASE_URL"

// DefaultURL is used when EnvURL is unset: the local server as Debian sets it
// up for development (trust authentication on 127.0.0.1).
const DefaultURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

var (
	serverOnce sync.Once
	serverURL  string
	serverErr  error
)

// ServerURL returns the admin URL of the test server, starting a private
// one when no other is configured or reachable.
func ServerURL() (string, error) {
	serverOnce.Do(func() {
		if u := os.Getenv(EnvURL); u != "" {
			serverURL = u
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if c, err := pgx.Connect(ctx, DefaultURL); err == nil {
			c.Close(ctx)
			serverURL = DefaultURL
			return
		}
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("zaakregister-pgtest-%d", os.Getuid()))
		ctx, cancel = context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		// The server outlives this process on purpose: the next test
		// package reuses it instead of paying for initdb again.
		serverURL, _, serverErr = localpg.Ensure(ctx, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	})
	return serverURL, serverErr
}

// New returns the URL of a fresh migrated database, dropped when tb ends.
func New(tb testing.TB) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	admin, err := ServerURL()
	if err != nil {
		tb.Fatalf("pgtest: no PostgreSQL server: %v (set %s)", err, EnvURL)
	}
	templateOnce.Do(func() { templateName, templateErr = makeTemplate(ctx, admin) })
	if templateErr != nil {
		tb.Fatalf("pgtest: template database: %v (set %s to a PostgreSQL server)", templateErr, EnvURL)
	}
	name := "zrtest_" + strings.ReplaceAll(uuid.NewString(), "-", "")[:16]
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatalf("pgtest: connect %s: %v", EnvURL, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, templateName)); err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name)) //nolint:errcheck // best effort
	})
	return withDatabase(admin, name)
}

// Pool returns a pool on a fresh migrated database, closed when tb ends.
func Pool(tb testing.TB) *pgxpool.Pool {
	tb.Helper()
	pool, err := pgxpool.New(context.Background(), New(tb))
	if err != nil {
		tb.Fatalf("pgtest: pool: %v", err)
	}
	tb.Cleanup(pool.Close)
	return pool
}

// HoldTransaction opens a transaction that has a transaction id, on its own
// connection to dbURL, and keeps it open until release is called or tb
// ends; it returns the transaction's backend pid. While it is open, the
// PostgreSQL event log is read no further than where it began, in every
// database of the server (DESIGN.md rule 2): the way to make the read
// models lag for real.
func HoldTransaction(tb testing.TB, dbURL string) (pid int, release func()) {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		tb.Fatalf("pgtest: hold: %v", err)
	}
	var once sync.Once
	release = func() { once.Do(func() { conn.Close(ctx) }) } //nolint:errcheck // closing ends the transaction
	tb.Cleanup(release)
	if _, err := conn.Exec(ctx, `BEGIN`); err != nil {
		tb.Fatalf("pgtest: hold: %v", err)
	}
	if err := conn.QueryRow(ctx, `SELECT pg_backend_pid(), pg_current_xact_id()::text`).Scan(&pid, new(string)); err != nil {
		tb.Fatalf("pgtest: hold: %v", err)
	}
	return pid, release
}

// makeTemplate returns the migrated template of the embedded migrations,
// one per set of migrations and shared by every test process and run: its
// name carries a hash of them. The first process to need it builds it
// under another name and renames it when it is complete, under an advisory
// lock, so that another process never clones half a template. Templates of
// other migration sets, and test databases of runs that were killed more
// than two hours ago, are dropped on the way. (A template per process
// outlived its process: runs left hundreds behind.)
func makeTemplate(ctx context.Context, admin string) (string, error) {
	ms, err := migrations.All()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, m := range ms {
		fmt.Fprintf(h, "%s\x00%s\x00", m.Name, m.SQL)
	}
	name := fmt.Sprintf("zrtmpl_%x", h.Sum(nil)[:8])
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	const lock = 0x7a72746d706c // "zrtmpl"
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lock); err != nil {
		return "", err
	}
	defer conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, lock) //nolint:errcheck // the connection closes anyway
	dropStale(ctx, conn, name)
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil || exists {
		return name, err
	}
	building := name + "_building"
	if _, err := conn.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, building)); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s`, building)); err != nil {
		return "", err
	}
	pool, err := pgxpool.New(ctx, withDatabase(admin, building))
	if err != nil {
		return "", err
	}
	_, err = migrations.Apply(ctx, pool)
	pool.Close()
	if err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, fmt.Sprintf(`ALTER DATABASE %s RENAME TO %s`, building, name)); err != nil {
		return "", err
	}
	return name, nil
}

// dropStale drops the templates of other migration sets that nobody uses,
// and test databases left more than two hours ago by runs that were killed
// before their cleanup.
func dropStale(ctx context.Context, conn *pgx.Conn, keep string) {
	rows, err := conn.Query(ctx, `SELECT datname FROM pg_database
		WHERE datname <> $1 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = pg_database.datname)
		AND (datname LIKE 'zrtmpl_%' OR (datname LIKE 'zrtest_%'
			AND (pg_stat_file('base/'||oid||'/PG_VERSION', true)).modification < now() - interval '2 hours'))`, keep)
	if err != nil {
		return
	}
	names, _ := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, n := range names {
		conn.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s`, n)) //nolint:errcheck // best effort
	}
}

func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}
