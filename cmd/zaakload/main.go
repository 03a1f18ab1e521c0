// Command zaakload measures the registry: it seeds a realistic data set
// through the event store, drives read/write mixes over HTTP and measures a
// raw PostgreSQL baseline on the same machine, so that figures can be
// reported as ratios (docs/benchmarks.md).
//
//	zaakload seed --database-url URL --zaken 1000000 --zaaktypen 100 [--workers N]
//	zaakload run --url URL --client-id ID --secret S [--concurrency 8] [--duration 30s] [--mix ...] [--pid PID]
//	zaakload baseline --database-url URL [--duration 10s] [--concurrency 8]
//	zaakload applicatie --url URL --client-id ADMIN --secret S --for ID [--zaaktypen 20]
//	zaakload decode --database-url URL [--events 1000000]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "zaakload:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage")

const usage = `usage:
  zaakload seed --database-url URL [--zaken 1000000] [--zaaktypen 100] [--workers N] [--base-url URL]
      seed a catalogue and zaken through the event store, then catch the projections up
  zaakload run --url URL --client-id ID --secret S [--concurrency 8] [--duration 30s]
      [--mix list=40,deep=10,detail=30,create=10,close=10] [--pid PID]
      drive a read/write mix over HTTP; --pid samples that process's resident memory
  zaakload baseline --database-url URL [--duration 10s] [--concurrency 8]
      raw pgx primary-key lookups on zrc.zaken and single-row inserts, for ratios
  zaakload applicatie --url URL --client-id ADMIN --secret S --for ID [--zaaktypen 20]
      an applicatie for client ID that may read the zaken of that many zaaktypen
  zaakload decode --database-url URL [--events 1000000]
      read that many events from the start of the log, upcast and decode each, timing both
Run "zaakload COMMAND -h" for every flag.`

// run dispatches to the subcommand named by args[0].
func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w\n%s", errUsage, usage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "seed":
		return seedCommand(ctx, rest, out)
	case "run":
		return runCommand(ctx, rest, out)
	case "baseline":
		return baselineCommand(ctx, rest, out)
	case "applicatie":
		return applicatieCommand(ctx, rest, out)
	case "decode":
		return decodeCommand(ctx, rest, out)
	case "help", "-h", "--help":
		fmt.Fprintln(out, usage)
		return nil
	}
	return fmt.Errorf("%w: unknown command %q\n%s", errUsage, cmd, usage)
}
