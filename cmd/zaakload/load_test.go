package main

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"no values", nil, 50, 0},
		{"one value", ms(7), 99, 7 * time.Millisecond},
		{"median of an odd count", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"median of an even count is the lower middle", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p95 of 1..100", ms(hundred...), 95, 95 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p99 of ten values is the largest", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{"p100 is the largest", ms(1, 2, 3), 100, 3 * time.Millisecond},
		{"a tiny p is the smallest", ms(4, 5, 6), 0.1, 4 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

func TestParseMix(t *testing.T) {
	got, err := parseMix("list=40, deep=10,detail=30,create=0,close=10", runOperations...)
	if err != nil {
		t.Fatal(err)
	}
	want := []mixEntry{{"list", 40}, {"deep", 10}, {"detail", 30}, {"create", 0}, {"close", 10}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseMix = %v, want %v", got, want)
	}
	for _, bad := range []struct{ mix, complaint string }{
		{"", "want name=weight"},
		{"list", "want name=weight"},
		{"list=40,search=10", `unknown operation "search"`},
		{"list=40,list=10", "given twice"},
		{"list=-1", "whole number"},
		{"list=1.5", "whole number"},
		{"list=x", "whole number"},
		{"list=0,deep=0", "all weights are 0"},
	} {
		t.Run(bad.mix, func(t *testing.T) {
			_, err := parseMix(bad.mix, runOperations...)
			if err == nil || !strings.Contains(err.Error(), bad.complaint) {
				t.Errorf("parseMix(%q) = %v, want an error with %q", bad.mix, err, bad.complaint)
			}
		})
	}
}

func TestParseVmRSS(t *testing.T) {
	status := "Name:\tzaakregister\nVmPeak:\t  400000 kB\nVmRSS:\t  123456 kB\nThreads:\t12\n"
	got, err := parseVmRSS(strings.NewReader(status))
	if err != nil || got != 123456*1024 {
		t.Errorf("parseVmRSS = %d, %v; want %d", got, err, 123456*1024)
	}
	for _, bad := range []string{"Name:\tkthreadd\n", "VmRSS:\t12 MB\n", "VmRSS:\tveel kB\n"} {
		if _, err := parseVmRSS(strings.NewReader(bad)); err == nil {
			t.Errorf("parseVmRSS(%q): no error", bad)
		}
	}
}

// TestDrive runs a mix of fake operations and checks what drive counts:
// calls and errors per operation, in proportion to the weights, skipped
// calls apart, and nothing started after the duration.
func TestDrive(t *testing.T) {
	var calls atomic.Int64
	sleep := func(err error) func(context.Context, *rand.Rand) error {
		return func(context.Context, *rand.Rand) error {
			calls.Add(1)
			time.Sleep(time.Millisecond)
			return err
		}
	}
	ops := []operation{
		{name: "ok", weight: 3, do: sleep(nil)},
		{name: "fails", weight: 1, do: sleep(errors.New("boom"))},
		{name: "idle", weight: 1, do: sleep(errSkipped)},
	}
	start := time.Now()
	stats := drive(context.Background(), ops, 4, 200*time.Millisecond)
	if took := time.Since(start); took > time.Second {
		t.Errorf("drive took %v for a 200ms run", took)
	}
	ok, fails, idle := stats["ok"], stats["fails"], stats["idle"]
	if ok.count == 0 || ok.errors != 0 || len(ok.latencies) != ok.count {
		t.Errorf("ok: %d calls, %d errors, %d latencies", ok.count, ok.errors, len(ok.latencies))
	}
	if fails.errors != fails.count || fails.count == 0 || fails.sample != "boom" {
		t.Errorf("fails: %d calls, %d errors, sample %q", fails.count, fails.errors, fails.sample)
	}
	if idle.count != 0 || idle.skipped == 0 {
		t.Errorf("idle: %d calls, %d skipped; want only skipped", idle.count, idle.skipped)
	}
	if int64(ok.count+fails.count+idle.skipped) != calls.Load() {
		t.Errorf("counted %d calls, made %d", ok.count+fails.count+idle.skipped, calls.Load())
	}
	if r := float64(ok.count) / float64(fails.count); r < 1.5 || r > 6 {
		t.Errorf("ok/fails = %.1f, want about 3 (the weights)", r)
	}
	if ok.elapsed < 200*time.Millisecond {
		t.Errorf("elapsed %v, want at least the duration", ok.elapsed)
	}
}

func TestPageOf(t *testing.T) {
	for _, c := range []struct{ want, count, perPage, page int }{
		{0, 250, 100, 3},   // the last page
		{-1, 250, 100, 2},  // the middle one
		{-1, 1000, 100, 5}, // of 10 pages
		{7, 250, 100, 7},   // as asked
		{0, 0, 0, 1},       // an empty list
		{-1, 5, 100, 1},
	} {
		if got := pageOf(c.want, c.count, c.perPage); got != c.page {
			t.Errorf("pageOf(%d, %d, %d) = %d, want %d", c.want, c.count, c.perPage, got, c.page)
		}
	}
}
