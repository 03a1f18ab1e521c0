package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"
	"time"

	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/projections"
)

func projectionsCommand(ctx context.Context, cfg Config, logger *slog.Logger, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: projections status | projections rebuild NAME|all", errUsage)
	}
	return withDatabase(ctx, cfg, logger, func(m *Main) error {
		var names []string
		for _, p := range m.Runtime.Projections() {
			names = append(names, p.Name())
		}
		switch args[0] {
		case "status":
			st, err := projections.Statuses(ctx, m.Pool, m.Store, names)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "PROJECTION\tCHECKPOINT\tLAG (events)\tPOISONED\tUPDATED")
			for _, s := range st {
				lag := fmt.Sprint(s.Lag)
				if s.LagCapped {
					lag = ">=" + lag
				}
				updated := "never"
				if !s.Updated.IsZero() {
					updated = s.Updated.UTC().Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", s.Name, s.Checkpoint, lag, s.Poisoned, updated)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			// The log is read below the oldest running transaction of the
			// server: one left open anywhere holds every projection back.
			h, ok, err := projections.OldestTransaction(ctx, m.Pool)
			if err != nil || !ok {
				return err
			}
			_, err = fmt.Fprintf(out, "oldest running transaction (the log is read below it): %s\n", h)
			return err
		case "rebuild":
			if len(args) != 2 {
				return fmt.Errorf("%w: projections rebuild NAME|all (projections: %v)", errUsage, names)
			}
			targets := []string{args[1]}
			if args[1] == "all" {
				targets = names
			}
			for _, name := range targets {
				start := time.Now()
				if err := m.Runtime.Rebuild(ctx, name); err != nil {
					return err
				}
				fmt.Fprintf(out, "rebuilt %s in %s\n", name, time.Since(start).Round(time.Millisecond))
			}
			return nil
		}
		return fmt.Errorf("%w: unknown projections command %q", errUsage, args[0])
	})
}

func clientCommand(ctx context.Context, cfg Config, logger *slog.Logger, args []string, out io.Writer) error {
	if len(args) < 2 || (args[0] != "add" && args[0] != "remove") {
		return fmt.Errorf("%w: client add CLIENT_ID --secret SECRET [--superuser] | client remove CLIENT_ID [--secret SECRET]", errUsage)
	}
	action, clientID := args[0], args[1]
	fs := flag.NewFlagSet("client", flag.ContinueOnError)
	secret := fs.String("secret", "", "the client's JWT secret")
	superuser := fs.Bool("superuser", false, "also create an applicatie with heeftAlleAutorisaties")
	if err := fs.Parse(args[2:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return withDatabase(ctx, cfg, logger, func(m *Main) error {
		if action == "remove" {
			n, err := m.Clients.Remove(ctx, clientID, *secret)
			if err == nil {
				// Running servers keep their cached copy until it runs out
				// (their ZAAKREGISTER_SECRET_CACHE, presumably this one).
				fmt.Fprintf(out, "removed %d secret(s) of %s; running servers accept them for up to %s more (ZAAKREGISTER_SECRET_CACHE)\n",
					n, clientID, m.Clients.CacheTTL())
			}
			return err
		}
		if *secret == "" {
			return fmt.Errorf("%w: --secret is required", errUsage)
		}
		if err := m.Clients.Add(ctx, clientID, *secret); err != nil {
			return err
		}
		fmt.Fprintf(out, "client %s: secret stored\n", clientID)
		if !*superuser {
			return nil
		}
		h := &commands.Autorisaties{Base: commands.Base{Store: m.Store, Clock: domain.SystemClock{}, Log: logger}}
		owner, err := h.ClientIDOwner(ctx, clientID)
		if err != nil {
			return err
		}
		if owner != "" {
			fmt.Fprintf(out, "client %s already belongs to applicatie %s\n", clientID, owner)
			return nil
		}
		id, err := h.CreateApplicatie(ctx, eventstore.Metadata{ClientID: "zaakregister-cli"}, autorisaties.Gegevens{
			ClientIDs: []string{clientID}, Label: clientID, HeeftAlleAutorisaties: true,
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "applicatie %s created with heeftAlleAutorisaties for %s\n", id, clientID)
		return nil
	})
}

// zakenCommand runs one retention purge of the event history of deleted
// zaken (docs/retention.md) and prints how many it destroyed. The zaken
// projection of a running serve fills its work list.
func zakenCommand(ctx context.Context, cfg Config, logger *slog.Logger, args []string, out io.Writer) error {
	if len(args) != 1 || args[0] != "vernietig" {
		return fmt.Errorf("%w: zaken vernietig", errUsage)
	}
	return withDatabase(ctx, cfg, logger, func(m *Main) error {
		n, err := m.vernietiging(nil).Run(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "destroyed the event history of %d deleted zaken (retention term %s)\n", n, cfg.ZakenBewaartermijn)
		return nil
	})
}
