package zgw

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// ResponseCache keeps the successful GET answers of one API in memory, for
// read models that change rarely and are read often (the catalogue). The
// owner flushes it, in every process, once the projection behind the API
// has applied a change; writes wait for that flush before they answer, so a
// client never reads its own write stale. Answers must not depend on the
// client (no per-client filtering) for an API to use it.
type ResponseCache struct {
	// Max bounds the entries; the cache starts over when it is full.
	Max int
	// TTL bounds how long an answer is served (0: until a flush). It is the
	// backstop for changes no event announces, such as a projection rebuilt
	// by another process after a fix in its rendering.
	TTL time.Duration

	mu         sync.RWMutex
	entries    map[string]cachedResponse
	generation uint64
}

type cachedResponse struct {
	header http.Header
	body   []byte
	at     time.Time
}

// Flush forgets every answer.
func (c *ResponseCache) Flush() {
	c.mu.Lock()
	c.entries = nil
	c.generation++
	c.mu.Unlock()
}

// Middleware answers GET and HEAD from the cache, under key(r) (which must
// capture everything the answer depends on besides the read model: path,
// query, the date of "today"...), and stores the 200 answers it did not
// have. It handles If-None-Match against the cached ETag itself.
func (c *ResponseCache) Middleware(key func(*http.Request) string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				next.ServeHTTP(w, r)
				return
			}
			k := key(r)
			c.mu.RLock()
			hit, ok := c.entries[k]
			gen := c.generation
			c.mu.RUnlock()
			if ok && (c.TTL <= 0 || time.Since(hit.at) < c.TTL) {
				hit.write(w, r)
				return
			}
			rec := &bodyRecorder{ResponseWriter: w, code: http.StatusOK}
			next.ServeHTTP(rec, r)
			if rec.code != http.StatusOK || r.Method != http.MethodGet {
				return
			}
			c.store(k, gen, cachedResponse{header: w.Header().Clone(), body: rec.body.Bytes(), at: time.Now()})
		})
	}
}

func (c *ResponseCache) store(k string, gen uint64, e cachedResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// A flush while rendering means the answer may predate it: keep it out.
	if c.generation != gen {
		return
	}
	max := c.Max
	if max <= 0 {
		max = 10_000
	}
	if c.entries == nil || len(c.entries) >= max {
		c.entries = map[string]cachedResponse{}
	}
	c.entries[k] = e
}

func (e cachedResponse) write(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for name, values := range e.header {
		h[name] = values
	}
	if etag := e.header.Get("ETag"); etag != "" && ifNoneMatch(r.Header.Values("If-None-Match"), etag) {
		h.Del("Content-Length")
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(e.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(e.body)
	}
}

// bodyRecorder passes an answer through while keeping a copy of its body.
type bodyRecorder struct {
	http.ResponseWriter
	code int
	body bytes.Buffer
}

func (r *bodyRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *bodyRecorder) Write(b []byte) (int, error) {
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}
