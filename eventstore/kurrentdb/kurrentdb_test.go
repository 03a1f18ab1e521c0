package kurrentdb

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/storetest"
)

// urlEnv names the KurrentDB server TestContract runs against.
const urlEnv = "ZAAKREGISTER_TEST_KURRENTDB_URL"

// TestContract runs the contract suite against a real KurrentDB server when
// ZAAKREGISTER_TEST_KURRENTDB_URL names one (docker compose up kurrentdb;
// kurrentdb://localhost:2113?tls=false). The server may be shared and
// hold other data: every test gets a namespaced view of its own (see
// namespaced).
func TestContract(t *testing.T) {
	url := os.Getenv(urlEnv)
	if url == "" {
		t.Skip("SKIP: KurrentDB contract suite: set " + urlEnv + "=kurrentdb://localhost:2113?tls=false to run it")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	s, err := New(ctx, url, WithLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	if err != nil {
		t.Fatalf("New(%s): %v", urlEnv, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	storetest.Run(t, func(t *testing.T) eventstore.Store { return newNamespaced(t, s) })
}

// TestContractFakeServer runs the contract suite through the real client
// against the in-process fake server, all tests sharing it through
// namespaced views as TestContract does. It checks this package's side of
// the contract (mapping, expected revisions, paging and filtering of $all,
// subscriptions, deletion) wherever no KurrentDB server is at hand; the
// server's side only TestContract checks.
func TestContractFakeServer(t *testing.T) {
	if raceDetector && !testing.Short() {
		t.Skip("SKIP: under the race detector the suite's 100,000-event volume test outlasts its 15 s wait; run with -short (10,000 events)")
	}
	f := newFakeServer(t)
	s, err := New(t.Context(), f.url(), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	storetest.Run(t, func(t *testing.T) eventstore.Store { return newNamespaced(t, s) })
}
