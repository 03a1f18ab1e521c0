package zgw_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/zgw"
)

func TestResponseCache(t *testing.T) {
	calls := 0
	status := http.StatusOK
	body := `{"n":1}`
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if status != http.StatusOK {
			w.WriteHeader(status)
			return
		}
		zgw.WriteJSONETag(w, r, http.StatusOK, map[string]int{"n": calls})
	})
	c := &zgw.ResponseCache{}
	cached := c.Middleware(func(r *http.Request) string { return r.URL.String() })(h)
	get := func(method, url string, header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, url, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		cached.ServeHTTP(rec, req)
		return rec
	}

	first := get("GET", "/a")
	if first.Body.String() != body || calls != 1 {
		t.Fatalf("first: %q, %d calls", first.Body, calls)
	}
	second := get("GET", "/a")
	if second.Body.String() != body || calls != 1 || second.Header().Get("ETag") != first.Header().Get("ETag") {
		t.Fatalf("second was not served from the cache: %q, %d calls", second.Body, calls)
	}
	if r := get("GET", "/a", "If-None-Match", first.Header().Get("ETag")); r.Code != http.StatusNotModified || r.Body.Len() != 0 {
		t.Fatalf("If-None-Match: %d %q", r.Code, r.Body)
	}
	if r := get("HEAD", "/a"); r.Code != http.StatusOK || r.Body.Len() != 0 || r.Header().Get("ETag") == "" {
		t.Fatalf("HEAD: %d %q", r.Code, r.Body)
	}
	if r := get("GET", "/b"); calls != 2 || r.Body.String() != `{"n":2}` {
		t.Fatalf("another key shared an entry: %q", r.Body)
	}
	c.Flush()
	if r := get("GET", "/a"); calls != 3 || r.Body.String() != `{"n":3}` {
		t.Fatalf("after Flush: %q, %d calls", r.Body, calls)
	}
	status = http.StatusNotFound
	get("GET", "/c")
	get("GET", "/c")
	if calls != 5 {
		t.Fatalf("a 404 was cached: %d calls", calls)
	}
	if r := get("POST", "/a"); r.Code != http.StatusNotFound || calls != 6 {
		t.Fatalf("a POST was answered from the cache")
	}

	short := &zgw.ResponseCache{TTL: time.Nanosecond}
	expired := short.Middleware(func(r *http.Request) string { return r.URL.String() })(h)
	status = http.StatusOK
	before := calls
	for i := 0; i < 2; i++ {
		expired.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/ttl", nil))
		time.Sleep(time.Millisecond)
	}
	if calls != before+2 {
		t.Fatalf("an answer past its TTL was served from the cache")
	}
}

// TestResponseCache_Forget: Forget drops the answers that named a tag
// (CacheDependsOn) and keeps the others; an answer rendered while a Forget
// happens is not kept.
func TestResponseCache_Forget(t *testing.T) {
	calls := map[string]int{}
	var during func()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls[r.URL.Path]++
		zgw.CacheDependsOn(r.Context(), r.URL.Query()["tag"]...)
		if during != nil {
			during()
		}
		zgw.WriteJSON(w, r, http.StatusOK, map[string]int{"n": calls[r.URL.Path]})
	})
	c := &zgw.ResponseCache{}
	cached := c.Middleware(func(r *http.Request) string { return r.URL.String() })(h)
	get := func(url string) {
		cached.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", url, nil))
	}
	get("/a?tag=x&tag=y")
	get("/b?tag=y")
	get("/c?tag=z")
	c.Forget("x")
	get("/a?tag=x&tag=y")
	get("/b?tag=y")
	get("/c?tag=z")
	if calls["/a"] != 2 || calls["/b"] != 1 || calls["/c"] != 1 {
		t.Fatalf("after Forget(x): %v, want only /a rendered again", calls)
	}
	c.Forget("y")
	get("/a?tag=x&tag=y")
	get("/b?tag=y")
	get("/c?tag=z")
	if calls["/a"] != 3 || calls["/b"] != 2 || calls["/c"] != 1 {
		t.Fatalf("after Forget(y): %v", calls)
	}
	during = func() { c.Forget("other") }
	get("/d")
	during = nil
	get("/d")
	if calls["/d"] != 2 {
		t.Fatalf("an answer rendered during a Forget was kept: %v", calls)
	}
}

// TestResponseCache_NoCache: a request with Cache-Control: no-cache gets an
// answer rendered afresh, which then replaces the cached one.
func TestResponseCache_NoCache(t *testing.T) {
	calls := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		zgw.WriteJSON(w, r, http.StatusOK, map[string]int{"n": calls})
	})
	cached := (&zgw.ResponseCache{}).Middleware(func(r *http.Request) string { return r.URL.String() })(h)
	get := func(header ...string) string {
		req := httptest.NewRequest("GET", "/a", nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		cached.ServeHTTP(rec, req)
		return rec.Body.String()
	}
	for i, c := range []struct {
		header []string
		want   string
	}{
		{nil, `{"n":1}`},
		{nil, `{"n":1}`},
		{[]string{"Cache-Control", "max-age=0, No-Cache"}, `{"n":2}`},
		{nil, `{"n":2}`},
		{[]string{"Pragma", "no-cache"}, `{"n":3}`},
		{[]string{"Cache-Control", "max-age=0"}, `{"n":3}`},
	} {
		if got := get(c.header...); got != c.want {
			t.Fatalf("%d (%v): %s, want %s", i, c.header, got, c.want)
		}
	}
}
