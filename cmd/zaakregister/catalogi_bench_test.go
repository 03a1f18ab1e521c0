package main

import (
	"context"
	"net/http"
	"path"
	"sync/atomic"
	"testing"
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
	g := openRegistry(b, false)
	m := g.m
	c := newZtcClient(b, g.url, g.superuser())
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
