package metrics_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
	"github.com/zaakregister/zaakregister/eventstore/metrics"
	"github.com/zaakregister/zaakregister/eventstore/storetest"
)

// TestContract: the instrumented store still keeps the contract.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) eventstore.Store {
		return metrics.Wrap(memory.New(), "memory", prometheus.NewRegistry())
	})
}

func TestStore_CountsAppends(t *testing.T) {
	reg := prometheus.NewRegistry()
	s := metrics.Wrap(memory.New(), "memory", reg)
	ev := eventstore.EventData{ID: "0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e01", Type: "t", SchemaVersion: 1, Data: []byte(`{}`)}
	if _, err := s.Append(t.Context(), "s", eventstore.NoStream(), ev); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(t.Context(), "s", eventstore.NoStream(), ev); err == nil {
		t.Fatal("conflict not reported")
	}
	if n := testutil.CollectAndCount(reg, "zaakregister_eventstore_seconds"); n != 2 {
		t.Fatalf("%d latency series, want ok and error", n)
	}
}
