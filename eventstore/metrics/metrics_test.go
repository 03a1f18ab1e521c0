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

// TestWrap_KeepsMultiAppender: a wrapped MultiAppender stays one, its
// AppendMulti is observed as append_multi and its events counted.
func TestWrap_KeepsMultiAppender(t *testing.T) {
	reg := prometheus.NewRegistry()
	s := metrics.Wrap(memory.New(), "memory", reg)
	m, ok := s.(eventstore.MultiAppender)
	if !ok {
		t.Fatalf("Wrap(memory.New()) = %T, not an eventstore.MultiAppender", s)
	}
	ev := func(id string) eventstore.EventData {
		return eventstore.EventData{ID: id, Type: "t", SchemaVersion: 1, Data: []byte(`{}`)}
	}
	res, err := m.AppendMulti(t.Context(),
		eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{ev("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e01")}},
		eventstore.StreamAppend{Stream: "b", Expected: eventstore.NoStream(), Events: []eventstore.EventData{ev("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e02"), ev("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e03")}},
	)
	if err != nil || len(res) != 2 {
		t.Fatalf("AppendMulti: %d results, err %v", len(res), err)
	}
	if _, err := m.AppendMulti(t.Context(), eventstore.StreamAppend{Stream: "a", Expected: eventstore.NoStream(), Events: []eventstore.EventData{ev("0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e04")}}); err == nil {
		t.Fatal("conflict not reported")
	}
	if n := observations(t, reg, "append_multi", "ok"); n != 1 {
		t.Fatalf("append_multi ok latency has %d observations, want 1", n)
	}
	if n := observations(t, reg, "append_multi", "error"); n != 1 {
		t.Fatalf("append_multi error latency has %d observations, want 1", n)
	}
	if n := counterValue(t, reg, "zaakregister_eventstore_appended_events_total"); n != 3 {
		t.Fatalf("appended events = %v, want 3", n)
	}
}

// TestWrap_NoFalseMultiAppender: a backend that cannot append atomically to
// several streams does not become one by being wrapped.
func TestWrap_NoFalseMultiAppender(t *testing.T) {
	s := metrics.Wrap(plainStore{memory.New()}, "memory", prometheus.NewRegistry())
	if _, ok := s.(eventstore.MultiAppender); ok {
		t.Fatalf("Wrap of a store without AppendMulti = %T, claims to be an eventstore.MultiAppender", s)
	}
}

// plainStore hides the AppendMulti of the store it embeds.
type plainStore struct{ eventstore.Store }

// observations returns the sample count of the latency series of operation
// and outcome (0 when the series does not exist).
func observations(t *testing.T, reg *prometheus.Registry, operation, outcome string) uint64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "zaakregister_eventstore_seconds" {
			continue
		}
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["operation"] == operation && labels["outcome"] == outcome {
				return m.GetHistogram().GetSampleCount()
			}
		}
	}
	return 0
}

// counterValue returns the value of the counter name.
func counterValue(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name && len(f.GetMetric()) == 1 {
			return f.GetMetric()[0].GetCounter().GetValue()
		}
	}
	t.Fatalf("no counter %s", name)
	return 0
}
