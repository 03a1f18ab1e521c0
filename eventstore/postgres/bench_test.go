package postgres_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

// The benchmarks compare Append with the cheapest durable write there is: a
// raw single-row INSERT through pgx into a table with the columns and
// indexes of events, on an identically configured pool of a fresh database.
// Every operation writes one event of a realistic size; streams get 10
// events each, so Append runs both its first-append and its exact-revision
// paths. Run: go test ./eventstore/postgres -run XXX -bench . -benchtime 3s

const streamLength = 10

var (
	benchData = json.RawMessage(`{"url":"https://zaken.example.nl/zaken/api/v1/zaken/0b7e4c3a-5f2d-4e8b-9a61-3c2d1e0f9a8b",` +
		`"identificatie":"ZAAK-2024-0000001","bronorganisatie":"002220647","omschrijving":"Aanvraag omgevingsvergunning",` +
		`"zaaktype":"https://catalogi.example.nl/catalogi/api/v1/zaaktypen/7b9e","startdatum":"2024-05-01"}`)
	benchMeta = eventstore.Metadata{ClientID: "zaaksysteem", UserID: "u123", UserRepresentation: "Jan de Vries", RequestID: "r-1"}
	benchRun  atomic.Int64 // keeps stream names unique across b.N rounds
)

func benchPool(b *testing.B) *pgxpool.Pool {
	cfg, err := pgxpool.ParseConfig(pgtest.New(b))
	if err != nil {
		b.Fatal(err)
	}
	cfg.MaxConns = 20 // 16 writers and the store's notifier; pgx's default is 4 here
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pool.Close)
	return pool
}

// writeFunc writes the n-th event (from 0) of a writer's sequence.
type writeFunc func(ctx context.Context, stream string, n int) error

// runWriters runs b.N writes over writers goroutines and reports events/s.
func runWriters(b *testing.B, writers int, write writeFunc) {
	run := benchRun.Add(1)
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	b.ResetTimer()
	start := time.Now()
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				if next.Add(1) > int64(b.N) {
					return
				}
				stream := fmt.Sprintf("bench-%d-%d-%d", run, w, n/streamLength)
				if err := write(context.Background(), stream, n); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
}

func benchEvent() eventstore.EventData {
	return eventstore.EventData{ID: uuid.NewString(), Type: "zaken.zaak.gewijzigd", SchemaVersion: 1, Data: benchData, Metadata: benchMeta}
}

// BenchmarkAppend measures Append with the default after-commit NOTIFY and,
// under notifyInTx/, with WithNotifyInTransaction.
func BenchmarkAppend(b *testing.B) {
	for _, mode := range []struct {
		name string
		opts []postgres.Option
	}{{"", nil}, {"notifyInTx/", []postgres.Option{postgres.WithNotifyInTransaction()}}} {
		s := postgres.New(benchPool(b), mode.opts...)
		b.Cleanup(func() { s.Close() })
		write := func(ctx context.Context, stream string, n int) error {
			expected := eventstore.NoStream()
			if r := n % streamLength; r > 0 {
				expected = eventstore.Exact(uint64(r - 1))
			}
			ev := benchEvent()
			ev.Metadata.Time = time.Now().UTC()
			_, err := s.Append(ctx, stream, expected, ev)
			return err
		}
		b.Run(mode.name+"single", func(b *testing.B) { runWriters(b, 1, write) })
		b.Run(mode.name+"concurrent16", func(b *testing.B) { runWriters(b, 16, write) })
	}
}

// BenchmarkRawInsert is the baseline: one autocommitted INSERT per event.
func BenchmarkRawInsert(b *testing.B) {
	pool := benchPool(b)
	if _, err := pool.Exec(context.Background(), `CREATE TABLE raw_events (LIKE events INCLUDING ALL)`); err != nil {
		b.Fatal(err)
	}
	write := func(ctx context.Context, stream string, n int) error {
		ev := benchEvent()
		ev.Metadata.Time = time.Now().UTC()
		meta, err := json.Marshal(ev.Metadata)
		if err != nil {
			return err
		}
		_, err = pool.Exec(ctx, `INSERT INTO raw_events (stream_id, revision, event_id, event_type, schema_version, data, metadata)
			VALUES ($1, $2, $3, $4, $5, $6::text::json, $7::text::jsonb)`,
			stream, int64(n%streamLength), pgtype.UUID{Bytes: uuid.MustParse(ev.ID), Valid: true}, ev.Type, int32(ev.SchemaVersion), string(ev.Data), string(meta))
		return err
	}
	b.Run("single", func(b *testing.B) { runWriters(b, 1, write) })
	b.Run("concurrent16", func(b *testing.B) { runWriters(b, 16, write) })
}
