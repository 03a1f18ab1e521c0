package main

import (
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestZaken_DeepNestingCostsLittle replays the finding of the security
// review: a client with only zaken.lezen sends _zoek bodies of lists
// nested 9,990 deep, 64 at once. Each cost 101 MB before; now each is a
// 400 parse_error problem that costs about what its 20 KB body does.
func TestZaken_DeepNestingCostsLittle(t *testing.T) {
	g := startRegistry(t)
	admin := g.superuser()
	g.cli("client", "add", "lezer", "--secret", "s")
	expect(t, g.do("POST", acRoot+"/applicaties", admin, zaakLezer("lezer")), http.StatusCreated)
	lezer := token(t, "lezer", "s")
	body := `{"uuid__in":` + strings.Repeat("[", 9990) + strings.Repeat("]", 9990) + `}`

	const parallel = 64
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	answers := make([]response, parallel)
	var wg sync.WaitGroup
	for i := range parallel {
		wg.Go(func() {
			answers[i] = g.do("POST", zrcRoot+"/zaken/_zoek", lezer, body, "Content-Crs", "EPSG:4326", "Accept-Crs", "EPSG:4326")
		})
	}
	wg.Wait()
	runtime.ReadMemStats(&after)
	for _, r := range answers {
		if r.Status != http.StatusBadRequest || r.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(string(r.Body), `"parse_error"`) {
			t.Fatalf("status %d %s: %.200s", r.Status, r.Header.Get("Content-Type"), r.Body)
		}
	}
	// The client's side (64 bodies sent, 64 answers read) is in the
	// figure too; the server's 101 MB a request would be 6.4 GB.
	if n := after.TotalAlloc - before.TotalAlloc; n > parallel<<20 {
		t.Errorf("%d requests allocated %d MB", parallel, n>>20)
	}
}
