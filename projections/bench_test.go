package projections_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
	"github.com/zaakregister/zaakregister/projections"
)

// BenchmarkCatchUp measures how fast the runtime replays a log of 100,000
// events (reported as events/s): "applicaties" are all applicatie creations
// that the autorisaties read model inserts; "foreign" are events of another
// context that it only checkpoints past, which is the runtime's own cost.
func BenchmarkCatchUp(b *testing.B) {
	b.Run("applicaties", func(b *testing.B) { benchCatchUp(b, "") })
	b.Run("foreign", func(b *testing.B) { benchCatchUp(b, "zaken.zaak.aangemaakt") })
}

func benchCatchUp(b *testing.B, eventType string) {
	const total = 100_000
	pool, store := benchStore(b)
	ctx := context.Background()
	batch := make([]eventstore.EventData, 0, 100)
	var last eventstore.Position
	for i := 0; i < total; i += 100 {
		batch = batch[:0]
		for j := 0; j < 100; j++ {
			id := uuid.NewString()
			ev := event(b, created(id, i+j))
			if eventType != "" {
				ev.Type = eventType
			}
			batch = append(batch, ev)
		}
		res, err := store.Append(ctx, "bench-"+uuid.NewString(), eventstore.NoStream(), batch...)
		if err != nil {
			b.Fatal(err)
		}
		last = res.Position
	}
	b.ResetTimer()
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if _, err := pool.Exec(ctx, `TRUNCATE ac.applicaties; DELETE FROM projection_checkpoints`); err != nil {
			b.Fatal(err)
		}
		rt := projections.New(pool, store, quiet, nil, projections.Config{})
		rt.Add(projections.Autorisaties{})
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		b.StartTimer()
		start := time.Now()
		go func() { done <- rt.Run(rctx, nil) }()
		wctx, wcancel := context.WithTimeout(ctx, 5*time.Minute)
		if err := rt.Waiter().Wait(wctx, last, "autorisaties"); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		b.StopTimer()
		wcancel()
		cancel()
		<-done
	}
	b.ReportMetric(float64(total*b.N)/elapsed.Seconds(), "events/s")
}

// BenchmarkWriteToReadable measures the time from an append until the
// projection has made it readable, the bound a write waits for.
func BenchmarkWriteToReadable(b *testing.B) {
	pool, store := benchStore(b)
	rt := projections.New(pool, store, quiet, nil, projections.Config{})
	rt.Add(projections.Autorisaties{})
	ctx, cancel := context.WithCancel(context.Background())
	done, err := rt.Start(ctx, 30*time.Second)
	if err != nil {
		cancel()
		b.Fatal(err)
	}
	defer func() { cancel(); <-done }()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := uuid.NewString()
		start := time.Now()
		res, err := store.Append(ctx, "autorisaties.applicatie-"+id, eventstore.NoStream(), event(b, created(id, i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := rt.Waiter().Wait(ctx, res.Position, "autorisaties"); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

func benchStore(b *testing.B) (*pgxpool.Pool, *postgres.Store) {
	b.Helper()
	pool := pgtest.Pool(b)
	store := postgres.New(pool)
	b.Cleanup(func() { store.Close() })
	return pool, store
}

// BenchmarkRawInsertBaseline is the baseline for BenchmarkCatchUp in the
// same run: PostgreSQL itself inserting 100,000 rows of the applicaties
// shape in one server-side loop, with no client, log or checkpoint at all.
func BenchmarkRawInsertBaseline(b *testing.B) {
	pool, _ := benchStore(b)
	ctx := context.Background()
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		if _, err := pool.Exec(ctx, `TRUNCATE ac.applicaties`); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := pool.Exec(ctx, `DO $$ BEGIN FOR i IN 1..100000 LOOP
			INSERT INTO ac.applicaties VALUES (gen_random_uuid(), ARRAY['client-'||i], 'App '||i, true, '[]', i, i);
			END LOOP; END $$`); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(100_000*b.N)/elapsed.Seconds(), "rows/s")
}
