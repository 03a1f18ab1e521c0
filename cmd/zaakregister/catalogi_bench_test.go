package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"path"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/pgtest"
)

// benchParallelism multiplies GOMAXPROCS into the goroutines of
// b.RunParallel: the requests wait on the network and PostgreSQL, so more
// clients than CPUs keep the server busy.
const benchParallelism = 4

// BenchmarkCatalogiRead measures the reads a zaak system makes most against
// the realistic catalogue over HTTP on loopback, and beside them the
// primary-key lookup of a zaaktype row with pgx on the same database: the
// floor no read of a zaaktype can go below. The registry runs without
// response validation, as in production.
func BenchmarkCatalogiRead(b *testing.B) {
	ctx := context.Background()
	m := startBenchRegistry(b)
	c := newZtcClient(b, "http://"+m.Addr(), benchSuperuser(b, m))
	cat := seedRealistic(ctx, b, c, 100, nil)
	zaaktypen := cat.first

	b.Run("list", func(b *testing.B) {
		benchGet(b, c, func(int) string { return catalogiRoot + "/zaaktypen?page=1" })
	})
	b.Run("detail", func(b *testing.B) {
		benchGet(b, c, func(i int) string { return catalogiPath(zaaktypen[i%len(zaaktypen)].url) })
	})
	b.Run("statustypen-of-zaaktype", func(b *testing.B) {
		benchGet(b, c, func(i int) string {
			return catalogiRoot + "/statustypen?zaaktype=" + ztcQ(zaaktypen[i%len(zaaktypen)].url)
		})
	})
	b.Run("raw-pk-lookup", func(b *testing.B) {
		ids := make([]string, len(zaaktypen))
		for i, z := range zaaktypen {
			ids[i] = path.Base(z.url)
		}
		benchParallel(b, func(i int) error {
			var data []byte
			return m.Pool.QueryRow(ctx, `SELECT data FROM ztc.zaaktypen WHERE uuid = $1`, ids[i%len(ids)]).Scan(&data)
		})
	})
}

// benchGet GETs the path of each iteration, which must answer 200.
func benchGet(b *testing.B, c *ztcClient, pathOf func(i int) string) {
	benchParallel(b, func(i int) error {
		_, err := c.send(context.Background(), "GET", pathOf(i), nil, http.StatusOK)
		return err
	})
}

// benchParallel runs op over b.RunParallel, numbering the iterations
// across goroutines, and reports the rate in req/s.
func benchParallel(b *testing.B, op func(i int) error) {
	var next atomic.Int64
	b.SetParallelism(benchParallelism)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := op(int(next.Add(1))); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// startBenchRegistry is startRegistry without the response validation,
// which would otherwise be in the measured path.
func startBenchRegistry(tb testing.TB) *Main {
	tb.Helper()
	tb.Setenv("DATABASE_URL", pgtest.New(tb))
	tb.Setenv("ZAAKREGISTER_URL", testBaseURL)
	cfg, err := ConfigFromEnv()
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Addr = "127.0.0.1:0"
	m := &Main{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(func() { cancel(); m.Close() })
	if err := m.Open(ctx); err != nil {
		tb.Fatal(err)
	}
	if err := m.Start(ctx); err != nil {
		tb.Fatal(err)
	}
	return m
}

// benchSuperuser is registry.superuser for a registry of startBenchRegistry.
func benchSuperuser(tb testing.TB, m *Main) string {
	tb.Helper()
	if err := run(context.Background(), []string{"client", "add", "admin", "--secret", "geheim", "--superuser"}, io.Discard); err != nil {
		tb.Fatal(err)
	}
	tok := token(tb, "admin", "geheim")
	c := newZtcClient(tb, "http://"+m.Addr(), tok)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := c.send(context.Background(), "GET", acRoot+"/applicaties", nil, http.StatusOK)
		if err == nil {
			return tok
		}
		if time.Now().After(deadline) {
			tb.Fatalf("superuser not usable: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
