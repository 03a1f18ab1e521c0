// Command zaakregister is the registry: it serves the ZGW APIs and manages
// the database, the projections and the clients.
//
//	zaakregister serve [--no-migrate]
//	zaakregister migrate
//	zaakregister projections status
//	zaakregister projections rebuild NAME|all
//	zaakregister client add CLIENT_ID --secret SECRET [--superuser]
//	zaakregister client remove CLIENT_ID [--secret SECRET]
//	zaakregister zaken vernietig
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	// "Today" in the catalogue is a date in Europe/Amsterdam; embed the zone
	// database for machines and images without one.
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "zaakregister:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

const usage = `usage:
  zaakregister serve [--no-migrate]          serve all API roots
  zaakregister migrate                       apply pending migrations
  zaakregister projections status            checkpoint and lag of each projection
  zaakregister projections rebuild NAME|all  rebuild from the log, then switch over
  zaakregister client add CLIENT_ID --secret SECRET [--superuser]
  zaakregister client remove CLIENT_ID [--secret SECRET]
                                             running servers accept a removed secret for up to
                                             ZAAKREGISTER_SECRET_CACHE (5s) more
  zaakregister zaken vernietig               destroy the event history of zaken deleted
                                             longer than the retention term ago (docs/retention.md)
Configuration comes from the environment; see README.md.`

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w\n%s", errUsage, usage)
	}
	cfg, err := ConfigFromEnv()
	if err != nil {
		return err
	}
	logger := newLogger(cfg.LogLevel)
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		noMigrate := fs.Bool("no-migrate", false, "do not apply pending migrations at start")
		if err := fs.Parse(rest); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if *noMigrate {
			cfg.Migrate = false
		}
		m := &Main{Config: cfg, Log: logger}
		if err := m.Open(ctx); err != nil {
			m.Close()
			return err
		}
		defer m.Close()
		return m.Run(ctx)
	case "migrate":
		cfg.Migrate = true
		return withDatabase(ctx, cfg, logger, func(m *Main) error {
			fmt.Fprintln(out, "migrations up to date")
			return nil
		})
	case "projections":
		return projectionsCommand(ctx, cfg, logger, rest, out)
	case "client":
		return clientCommand(ctx, cfg, logger, rest, out)
	case "zaken":
		return zakenCommand(ctx, cfg, logger, rest, out)
	case "help", "-h", "--help":
		fmt.Fprintln(out, usage)
		return nil
	}
	return fmt.Errorf("%w: unknown command %q\n%s", errUsage, cmd, usage)
}

func newLogger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}

// withDatabase opens the database (and the event store) without serving,
// for the management commands.
func withDatabase(ctx context.Context, cfg Config, logger *slog.Logger, fn func(*Main) error) error {
	m := &Main{Config: cfg, Log: logger}
	defer m.Close()
	if err := m.openStorage(ctx); err != nil {
		return err
	}
	return fn(m)
}
