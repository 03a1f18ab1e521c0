package zgw

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
)

// maxRequestIDLen bounds an X-Request-ID taken from a client.
const maxRequestIDLen = 128

// RequestIDs is middleware that gives every request an id: the
// client's X-Request-ID when it is a sane token (printable ASCII, at most
// 128 characters), else a new UUID. The id is echoed in the X-Request-ID
// response header, available as RequestID(ctx), logged with every line
// and, through the event metadata, kept with what the request caused.
func RequestIDs(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !validRequestID(id) {
			id = uuid.NewString()
		}
		r, st := state(r)
		st.requestID = id
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r)
	})
}

func validRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x21 || id[i] > 0x7e {
			return false
		}
	}
	return true
}

// AccessLog is middleware that logs one line per request to logger after
// it is served: method, path, status, size, duration, request id, API,
// operation and client id. 5xx log at error level. Handlers and WriteError
// log through Logger(ctx), which carries the request id.
func AccessLog(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			r, st := state(r)
			st.logger = logger.With("request_id", st.requestID)
			rec := &recorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			level := slog.LevelInfo
			if rec.status() >= 500 {
				level = slog.LevelError
			}
			st.logger.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", rec.status()),
				slog.Int64("bytes", rec.bytes),
				slog.Duration("duration", time.Since(start)),
				slog.String("api", st.api),
				slog.String("operation", st.operation),
				slog.String("client_id", st.clientID),
			)
		})
	}
}

// Instrument is middleware that records the duration of every request in
// the histogram zaakregister_http_request_duration_seconds, labelled by API,
// operation id and status code ("" labels for requests outside an API or
// operation), and counts in zaakregister_http_ignored_fields_total the
// request body fields DecodeJSON ignored. Registering twice on one
// registry reuses the series.
func Instrument(reg prometheus.Registerer) func(http.Handler) http.Handler {
	hist := register(reg, prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "zaakregister_http_request_duration_seconds",
		Help:    "Duration of ZGW API requests by API, operation and status.",
		Buckets: prometheus.DefBuckets,
	}, []string{"api", "operation", "status"}))
	ignored := register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "zaakregister_http_ignored_fields_total",
		Help: "Request body fields ignored because the operation does not have them, by API and operation.",
	}, []string{"api", "operation"}))
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			r, st := state(r)
			rec := &recorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			hist.WithLabelValues(st.api, st.operation, strconv.Itoa(rec.status())).Observe(time.Since(start).Seconds())
			if st.ignoredFields > 0 {
				ignored.WithLabelValues(st.api, st.operation).Add(float64(st.ignoredFields))
			}
		})
	}
}

// register registers c in reg, or returns the one registered before under
// the same name (a second handler on one registry, as in tests).
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if !errors.As(err, &are) {
			panic(fmt.Sprintf("zgw: register metrics: %v", err))
		}
		return are.ExistingCollector.(C)
	}
	return c
}

// Recover is middleware that turns a panic in a handler into a logged 500
// problem, so that no client input can take the process down.
// http.ErrAbortHandler is passed on, as net/http intends.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			Logger(r.Context()).ErrorContext(r.Context(), "panic", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			WriteError(w, r, fmt.Errorf("zgw: panic: %v", v))
		}()
		next.ServeHTTP(w, r)
	})
}

// Health serves liveness at ".../healthz" (200 while the process serves)
// and readiness at ".../readyz" (200 when ready returns nil within five
// seconds, else 503; the reason is logged, not shown). A nil ready is
// always ready.
func Health(ready func(ctx context.Context) error) http.Handler {
	if ready == nil {
		ready = func(context.Context) error { return nil }
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/healthz"):
			WriteJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
		case strings.HasSuffix(r.URL.Path, "/readyz"):
			ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
			defer cancel()
			if err := ready(ctx); err != nil {
				Logger(r.Context()).WarnContext(r.Context(), "not ready", "error", err)
				WriteJSON(w, r, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
				return
			}
			WriteJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
		default:
			http.NotFound(w, r)
		}
	})
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	code  int
	bytes int64
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
