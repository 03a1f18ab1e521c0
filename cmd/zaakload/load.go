package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// The load driver shared by run and baseline: concurrent workers pick
// operations by weight until the duration is over, and every call's
// latency is kept for the percentiles.

// operation is one kind of request of a mix.
type operation struct {
	name   string
	weight int
	// do performs one call; it returns errSkipped when it had nothing to
	// work on (no open zaak to close), which counts neither as a call nor
	// as an error.
	do func(ctx context.Context, rng *rand.Rand) error
}

// errSkipped reports a call that found nothing to do.
var errSkipped = errors.New("skipped")

// opStats are the figures of one operation.
type opStats struct {
	count, errors, skipped int
	latencies              []time.Duration // of every call, failed ones too
	sample                 string          // the first error
	elapsed                time.Duration   // of the drive that measured it
}

// merge adds the figures of o to s.
func (s *opStats) merge(o *opStats) {
	s.count += o.count
	s.errors += o.errors
	s.skipped += o.skipped
	s.latencies = append(s.latencies, o.latencies...)
	s.elapsed = max(s.elapsed, o.elapsed)
	if s.sample == "" {
		s.sample = o.sample
	}
}

// drive runs ops on concurrency workers for duration and returns the
// figures per operation name, each with the time the drive took (until
// the last in-flight call ended). No call starts after duration; calls
// cut short by ctx are not counted.
func drive(ctx context.Context, ops []operation, concurrency int, duration time.Duration) map[string]*opStats {
	total := 0
	for _, op := range ops {
		total += op.weight
	}
	result := map[string]*opStats{}
	for _, op := range ops {
		result[op.name] = &opStats{}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(duration)
	for w := range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), uint64(start.UnixNano())))
			mine := map[string]*opStats{}
			for _, op := range ops {
				mine[op.name] = &opStats{}
			}
			for ctx.Err() == nil && time.Now().Before(deadline) {
				op := pick(ops, total, rng)
				t0 := time.Now()
				err := op.do(ctx, rng)
				took := time.Since(t0)
				s := mine[op.name]
				switch {
				case ctx.Err() != nil:
				case errors.Is(err, errSkipped):
					s.skipped++
				default:
					s.count++
					s.latencies = append(s.latencies, took)
					if err != nil {
						s.errors++
						if s.sample == "" {
							s.sample = err.Error()
						}
					}
				}
			}
			mu.Lock()
			for name, s := range mine {
				result[name].merge(s)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	for _, s := range result {
		s.elapsed = elapsed
	}
	return result
}

// pick chooses an operation with probability weight/total.
func pick(ops []operation, total int, rng *rand.Rand) operation {
	n := rng.IntN(total)
	for _, op := range ops {
		if n < op.weight {
			return op
		}
		n -= op.weight
	}
	return ops[len(ops)-1]
}

// percentile returns the p-th percentile (0 < p <= 100) of sorted by the
// nearest-rank method: the smallest value with at least p% of the values
// at or below it; 0 for no values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// mixEntry is one name=weight of a mix.
type mixEntry struct {
	name   string
	weight int
}

// parseMix reads "list=40,deep=10,..." into its entries, in order. Every
// name must be one of known and appear once, every weight a whole number
// >= 0, and the weights must not all be 0.
func parseMix(s string, known ...string) ([]mixEntry, error) {
	var out []mixEntry
	total := 0
	for part := range strings.SplitSeq(s, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, fmt.Errorf("mix %q: want name=weight, got %q", s, part)
		}
		if !slices.Contains(known, name) {
			return nil, fmt.Errorf("mix %q: unknown operation %q (known: %s)", s, name, strings.Join(known, ", "))
		}
		if slices.ContainsFunc(out, func(e mixEntry) bool { return e.name == name }) {
			return nil, fmt.Errorf("mix %q: %q given twice", s, name)
		}
		w, err := strconv.Atoi(value)
		if err != nil || w < 0 {
			return nil, fmt.Errorf("mix %q: weight of %q must be a whole number >= 0", s, name)
		}
		out = append(out, mixEntry{name, w})
		total += w
	}
	if total == 0 {
		return nil, fmt.Errorf("mix %q: all weights are 0", s)
	}
	return out, nil
}

// report prints one line per operation in order: count, errors, req/s
// and the latency percentiles, with a total line when total is set (the
// operations ran together), then a sample of each operation's first error.
func report(out io.Writer, order []string, stats map[string]*opStats, total bool) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "op\tcount\terrors\treq/s\tp50\tp95\tp99\t")
	var all opStats
	for _, name := range order {
		s := stats[name]
		all.merge(s)
		line(tw, name, s)
	}
	if total && len(order) > 1 {
		line(tw, "total", &all)
	}
	tw.Flush()
	for _, name := range order {
		if s := stats[name]; s.skipped > 0 {
			fmt.Fprintf(out, "%s: %d calls skipped (nothing to work on)\n", name, s.skipped)
		}
		if s := stats[name]; s.sample != "" {
			fmt.Fprintf(out, "%s: first error: %s\n", name, s.sample)
		}
	}
}

// line prints the figures of one operation.
func line(w io.Writer, name string, s *opStats) {
	slices.Sort(s.latencies)
	rate := 0.0
	if s.elapsed > 0 {
		rate = float64(s.count) / s.elapsed.Seconds()
	}
	fmt.Fprintf(w, "%s\t%d\t%d\t%.1f\t%s\t%s\t%s\t\n", name, s.count, s.errors, rate,
		ms(percentile(s.latencies, 50)), ms(percentile(s.latencies, 95)), ms(percentile(s.latencies, 99)))
}

// ms formats d in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// rssStats summarises the resident memory samples of a process.
type rssStats struct {
	samples   int
	max, last int64 // bytes
	err       error // why sampling stopped early, if it did
}

// sampleRSS reads the VmRSS of pid every interval until the returned stop
// is called, which returns the summary.
func sampleRSS(pid int, interval time.Duration) (stop func() rssStats) {
	path := fmt.Sprintf("/proc/%d/status", pid)
	var s rssStats
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			rss, err := readVmRSS(path)
			if err != nil {
				s.err = err
				return
			}
			s.samples++
			s.max, s.last = max(s.max, rss), rss
			select {
			case <-tick.C:
			case <-done:
				return
			}
		}
	}()
	return func() rssStats {
		close(done)
		<-finished
		return s
	}
}

// readVmRSS reads the resident set size from a /proc/<pid>/status file.
func readVmRSS(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return parseVmRSS(f)
}

// parseVmRSS finds the "VmRSS:  123456 kB" line of a /proc status file
// and returns its value in bytes.
func parseVmRSS(r io.Reader) (int64, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("VmRSS: unexpected %q", rest)
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("VmRSS: %w", err)
		}
		return kb * 1024, nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("no VmRSS line (a kernel thread, or not Linux)")
}

// printRSS prints the memory summary of pid against limit bytes.
func printRSS(out io.Writer, pid int, s rssStats, limit int64) {
	if s.samples == 0 {
		fmt.Fprintf(out, "rss of pid %d: no samples: %v\n", pid, s.err)
		return
	}
	verdict := "within"
	if s.max > limit {
		verdict = "EXCEEDS"
	}
	fmt.Fprintf(out, "rss of pid %d: max %.1f MB, last %.1f MB over %d samples (%s the %d MB bound)\n",
		pid, mb(s.max), mb(s.last), s.samples, verdict, limit>>20)
	if s.err != nil {
		fmt.Fprintf(out, "rss sampling stopped early: %v\n", s.err)
	}
}

// mb converts bytes to MiB.
func mb(b int64) float64 { return float64(b) / (1 << 20) }
