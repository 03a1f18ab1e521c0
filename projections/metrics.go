package projections

import (
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the projection runtime's Prometheus series. A nil *Metrics
// records nothing.
type Metrics struct {
	events    *prometheus.CounterVec
	lastEvent *prometheus.GaugeVec
	handle    *prometheus.HistogramVec
	poison    *prometheus.CounterVec
}

// NewMetrics registers the series in reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zaakregister_projection_events_total", Help: "Events applied by a projection.",
		}, []string{"projection"}),
		lastEvent: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "zaakregister_projection_last_event_timestamp_seconds",
			Help: "Time of the newest event a projection applied; now minus this is its lag.",
		}, []string{"projection"}),
		handle: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "zaakregister_projection_handler_seconds", Help: "Time to handle one message (a batch of events).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}, []string{"handler", "outcome"}),
		poison: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zaakregister_projection_poison_total", Help: "Events parked as poison.",
		}, []string{"projection"}),
	}
	reg.MustRegister(m.events, m.lastEvent, m.handle, m.poison)
	return m
}

func (m *Metrics) applied(name string, batch Batch) {
	if m == nil {
		return
	}
	m.events.WithLabelValues(name).Add(float64(len(batch)))
	if t := batch[len(batch)-1].Metadata.Time; !t.IsZero() {
		m.lastEvent.WithLabelValues(name).Set(float64(t.UnixNano()) / 1e9)
	}
}

func (m *Metrics) poisoned(name string) {
	if m != nil {
		m.poison.WithLabelValues(name).Inc()
	}
}

// middleware is the watermill handler middleware that times every message.
func (m *Metrics) middleware(h message.HandlerFunc) message.HandlerFunc {
	return func(msg *message.Message) ([]*message.Message, error) {
		start := time.Now()
		out, err := h(msg)
		if m != nil {
			outcome := "ok"
			if err != nil {
				outcome = "error"
			}
			m.handle.WithLabelValues(message.HandlerNameFromCtx(msg.Context()), outcome).Observe(time.Since(start).Seconds())
		}
		return out, err
	}
}
