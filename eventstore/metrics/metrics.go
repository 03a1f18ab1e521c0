// Package metrics wraps any eventstore.Store with Prometheus series: the
// latency of every operation by backend and outcome, and the events
// appended and read.
package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Store is an instrumented eventstore.Store.
type Store struct {
	next     eventstore.Store
	backend  string
	latency  *prometheus.HistogramVec
	appended prometheus.Counter
	read     prometheus.Counter
}

var (
	_ eventstore.Store         = (*Store)(nil)
	_ eventstore.MultiAppender = (*multiStore)(nil)
)

// Wrap instruments next, labelled backend ("postgres", "kurrentdb"), and
// registers the series in reg. The result is an eventstore.MultiAppender
// exactly when next is one (its AppendMulti is observed as operation
// "append_multi"), so that eventstore.AppendMulti keeps choosing the atomic
// path through the wrapper, and never claims atomicity next lacks.
func Wrap(next eventstore.Store, backend string, reg prometheus.Registerer) eventstore.Store {
	s := newStore(next, backend, reg)
	if m, ok := next.(eventstore.MultiAppender); ok {
		return &multiStore{Store: s, multi: m}
	}
	return s
}

// newStore builds and registers the instrumented Store of next.
func newStore(next eventstore.Store, backend string, reg prometheus.Registerer) *Store {
	s := &Store{
		next: next, backend: backend,
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "zaakregister_eventstore_seconds", Help: "Latency of event-store operations.",
			ConstLabels: prometheus.Labels{"backend": backend},
			Buckets:     prometheus.ExponentialBuckets(0.0002, 2, 14),
		}, []string{"operation", "outcome"}),
		appended: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "zaakregister_eventstore_appended_events_total", Help: "Events appended.",
			ConstLabels: prometheus.Labels{"backend": backend},
		}),
		read: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "zaakregister_eventstore_read_events_total", Help: "Events read by ReadStream and ReadAll.",
			ConstLabels: prometheus.Labels{"backend": backend},
		}),
	}
	reg.MustRegister(s.latency, s.appended, s.read)
	return s
}

func (s *Store) observe(op string, start time.Time, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	s.latency.WithLabelValues(op, outcome).Observe(time.Since(start).Seconds())
}

// Append implements eventstore.Store.
func (s *Store) Append(ctx context.Context, stream string, expected eventstore.ExpectedRevision, events ...eventstore.EventData) (eventstore.AppendResult, error) {
	start := time.Now()
	res, err := s.next.Append(ctx, stream, expected, events...)
	s.observe("append", start, err)
	if err == nil {
		s.appended.Add(float64(len(events)))
	}
	return res, err
}

// ReadStream implements eventstore.Store.
func (s *Store) ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	start := time.Now()
	events, err := s.next.ReadStream(ctx, stream, from, limit)
	s.observe("read_stream", start, err)
	s.read.Add(float64(len(events)))
	return events, err
}

// ReadAll implements eventstore.Store.
func (s *Store) ReadAll(ctx context.Context, after eventstore.Position, limit int) ([]eventstore.RecordedEvent, error) {
	start := time.Now()
	events, err := s.next.ReadAll(ctx, after, limit)
	s.observe("read_all", start, err)
	s.read.Add(float64(len(events)))
	return events, err
}

// Subscribe implements eventstore.Store.
func (s *Store) Subscribe(ctx context.Context, after eventstore.Position) (eventstore.Subscription, error) {
	start := time.Now()
	sub, err := s.next.Subscribe(ctx, after)
	s.observe("subscribe", start, err)
	return sub, err
}

// Delete implements eventstore.Store.
func (s *Store) Delete(ctx context.Context, stream string, expected eventstore.ExpectedRevision) error {
	start := time.Now()
	err := s.next.Delete(ctx, stream, expected)
	s.observe("delete", start, err)
	return err
}

// multiStore is the instrumented Store of a backend that is an
// eventstore.MultiAppender.
type multiStore struct {
	*Store
	multi eventstore.MultiAppender
}

// AppendMulti implements eventstore.MultiAppender, counting the events of
// every part when the call succeeds.
func (s *multiStore) AppendMulti(ctx context.Context, parts ...eventstore.StreamAppend) ([]eventstore.AppendResult, error) {
	start := time.Now()
	res, err := s.multi.AppendMulti(ctx, parts...)
	s.observe("append_multi", start, err)
	if err == nil {
		n := 0
		for _, p := range parts {
			n += len(p.Events)
		}
		s.appended.Add(float64(n))
	}
	return res, err
}
