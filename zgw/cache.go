package zgw

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ResponseCache keeps successful GET answers in memory. The owner flushes
// it, in every process, once the projection behind the API has applied a
// change; writes wait for that flush before they answer, so a client never
// reads its own write stale. Answers that depend on the client must have
// the client in their key.
//
// A handler may name what its answer depends on (CacheDependsOn, for
// example the zaken it shows); Forget then drops only the answers that
// depend on a changed object, and the rest of the cache stays.
type ResponseCache struct {
	// Max bounds the entries; the cache starts over when it is full.
	Max int
	// TTL bounds how long an answer is served (0: until a flush). It is the
	// backstop for changes no event announces, such as a projection rebuilt
	// by another process after a fix in its rendering.
	TTL time.Duration

	mu         sync.RWMutex
	entries    map[string]cachedResponse
	byTag      map[string]map[string]struct{} // tag -> keys of the answers depending on it
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
	c.entries, c.byTag = nil, nil
	c.generation++
	c.mu.Unlock()
}

// Forget forgets the answers that depend on any of tags. Like Flush, it
// keeps out the answers being rendered meanwhile, which may predate it.
func (c *ResponseCache) Forget(tags ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	for _, tag := range tags {
		for k := range c.byTag[tag] {
			delete(c.entries, k)
		}
		delete(c.byTag, tag)
	}
}

// cacheTags collects what the answer being rendered depends on.
type cacheTags struct{ tags []string }

type cacheTagsKey struct{}

// CacheDependsOn records, for the ResponseCache answering r's context, that
// the answer depends on the objects named by tags (see Forget). Outside a
// cache it does nothing.
func CacheDependsOn(ctx context.Context, tags ...string) {
	if t, ok := ctx.Value(cacheTagsKey{}).(*cacheTags); ok {
		t.tags = append(t.tags, tags...)
	}
}

// Middleware answers GET and HEAD from the cache, under key(r) (which must
// capture everything the answer depends on besides the read model: path,
// query, the date of "today"...), and stores the 200 answers it did not
// have or was asked not to use (Cache-Control: no-cache). It handles
// If-None-Match against the cached ETag itself.
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
			if ok && (c.TTL <= 0 || time.Since(hit.at) < c.TTL) && !noCache(r) {
				hit.write(w, r)
				return
			}
			rec := &bodyRecorder{ResponseWriter: w, code: http.StatusOK}
			tags := &cacheTags{}
			next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), cacheTagsKey{}, tags)))
			if rec.code != http.StatusOK || r.Method != http.MethodGet {
				return
			}
			c.store(k, gen, cachedResponse{header: w.Header().Clone(), body: rec.body.Bytes(), at: time.Now()}, tags.tags)
		})
	}
}

// noCache reports whether r asks for an answer rendered afresh
// (Cache-Control: no-cache, or Pragma: no-cache of HTTP/1.0); the fresh
// answer replaces the cached one.
func noCache(r *http.Request) bool {
	for _, v := range r.Header.Values("Cache-Control") {
		for d := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(d), "no-cache") {
				return true
			}
		}
	}
	return strings.EqualFold(strings.TrimSpace(r.Header.Get("Pragma")), "no-cache")
}

func (c *ResponseCache) store(k string, gen uint64, e cachedResponse, tags []string) {
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
		c.entries, c.byTag = map[string]cachedResponse{}, map[string]map[string]struct{}{}
	}
	c.entries[k] = e
	for _, tag := range tags {
		keys := c.byTag[tag]
		if keys == nil {
			keys = map[string]struct{}{}
			c.byTag[tag] = keys
		}
		keys[k] = struct{}{}
	}
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
