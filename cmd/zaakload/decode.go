package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/eventstore/upcast"
)

// decoders are the Decode functions of the contexts, by the prefix of the
// event types they know.
var decoders = map[string]func(string, []byte) (domain.Event, error){
	"autorisaties": autorisaties.Decode, "catalogi": catalogi.Decode, "zaken": zaken.Decode,
}

// decodeReport is what decodeLog measured.
type decodeReport struct {
	Events         int
	Bytes          int64
	Read, Decoding time.Duration
}

func decodeCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("decode", flag.ContinueOnError)
	dbURL := fs.String("database-url", os.Getenv("DATABASE_URL"), "PostgreSQL of the registry (default $DATABASE_URL)")
	limit := fs.Int("events", 1_000_000, "events to read from the start of the log")
	baseURL := fs.String("base-url", envOr("ZAAKREGISTER_URL", "http://localhost:8000"),
		"public base URL of the registry, for the events an earlier build wrote (default $ZAAKREGISTER_URL)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *dbURL == "" || *limit < 1 {
		return fmt.Errorf("%w: --database-url (or DATABASE_URL) and --events >= 1 are required", errUsage)
	}
	pool, err := openPool(ctx, *dbURL, 4)
	if err != nil {
		return err
	}
	defer pool.Close()
	store := postgres.New(pool)
	defer store.Close()
	up := upcast.Registries([]string{strings.TrimSuffix(*baseURL, "/")}, autorisaties.Events(), catalogi.Events(), zaken.Events())
	rep, err := decodeLog(ctx, store, *limit, up)
	if err != nil {
		return err
	}
	total := rep.Read + rep.Decoding
	fmt.Fprintf(out, "decode: %d events (%.1f MB of data) in %s: read %s, decode %s; %.0f events/s, decoding alone %.0f events/s\n",
		rep.Events, float64(rep.Bytes)/1e6, total.Round(time.Millisecond), rep.Read.Round(time.Millisecond),
		rep.Decoding.Round(time.Millisecond), float64(rep.Events)/total.Seconds(), float64(rep.Events)/rep.Decoding.Seconds())
	return nil
}

// decodeLog reads up to limit events of the log in the order projections
// read it, in pages of 1,000, and upcasts (up) and decodes each into its
// Go value as the projections and aggregates do; it times the reading and
// the decoding apart. An event no context can decode is an error.
func decodeLog(ctx context.Context, store eventstore.Store, limit int, up upcast.Func) (decodeReport, error) {
	var rep decodeReport
	after := eventstore.Start
	for rep.Events < limit {
		start := time.Now()
		page, err := store.ReadAll(ctx, after, min(1000, limit-rep.Events))
		rep.Read += time.Since(start)
		if err != nil {
			return rep, err
		}
		if len(page) == 0 {
			break
		}
		start = time.Now()
		for _, ev := range page {
			rep.Bytes += int64(len(ev.Data))
			if err := up(&ev); err != nil {
				return rep, err
			}
			context, _, _ := strings.Cut(ev.Type, ".")
			decode, ok := decoders[context]
			if !ok {
				return rep, fmt.Errorf("decode: no context for event type %q", ev.Type)
			}
			if _, err := decode(ev.Type, ev.Data); err != nil {
				return rep, fmt.Errorf("decode: event at %s: %w", ev.Position, err)
			}
		}
		rep.Decoding += time.Since(start)
		rep.Events += len(page)
		after = page[len(page)-1].Position
	}
	return rep, nil
}
