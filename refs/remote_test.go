package refs

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// counted is an httptest server on 127.0.0.1 that counts the requests and
// connections it sees.
type counted struct {
	*httptest.Server
	calls atomic.Int64
	conns atomic.Int64
}

func serve(t *testing.T, h http.HandlerFunc) *counted {
	t.Helper()
	c := &counted{}
	c.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.calls.Add(1)
		h(w, r)
	}))
	c.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			c.conns.Add(1)
		}
	}
	c.Start()
	t.Cleanup(c.Close)
	return c
}

func jsonHandler(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}
}

func TestResolve_Remote(t *testing.T) {
	ctx := context.Background()
	const field = "selectielijstProcestype"
	open := func(t *testing.T, o Options) *Resolver { o.AllowPrivate = true; return mustNew(t, o) }

	t.Run("OK", func(t *testing.T) {
		var accept, crs string
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			accept, crs = r.Header.Get("Accept"), r.Header.Get("Accept-Crs")
			jsonHandler(`{"url":"x","omschrijving":"Procestype"}`)(w, r)
		})
		var zt zaaktype
		if err := open(t, Options{}).Resolve(ctx, field, srv.URL+"/procestypen/1", &zt); err != nil {
			t.Fatalf("Resolve: %v", err)
		}
		if zt.Omschrijving != "Procestype" || accept != "application/json" || crs != "EPSG:4326" {
			t.Fatalf("got %+v, Accept %q, Accept-Crs %q", zt, accept, crs)
		}
	})
	t.Run("NotFoundIsBadURL", func(t *testing.T) {
		srv := serve(t, http.NotFound)
		wantCode(t, open(t, Options{}).Resolve(ctx, field, srv.URL+"/x", nil), field, CodeBadURL)
	})
	t.Run("ConnectionRefusedIsBadURL", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{}`))
		srv.Close()
		wantCode(t, open(t, Options{}).Resolve(ctx, field, srv.URL+"/x", nil), field, CodeBadURL)
	})
	t.Run("RedirectChainEndingIn200", func(t *testing.T) {
		srv := redirector(t, MaxRedirects)
		if err := open(t, Options{}).Resolve(ctx, field, srv.URL+"/hop/0", nil); err != nil {
			t.Fatalf("Resolve after %d redirects: %v", MaxRedirects, err)
		}
	})
	t.Run("TooManyRedirects", func(t *testing.T) {
		srv := redirector(t, MaxRedirects+1)
		wantCode(t, open(t, Options{}).Resolve(ctx, field, srv.URL+"/hop/0", nil), field, CodeBadURL)
		if got := srv.calls.Load(); got != MaxRedirects+1 {
			t.Fatalf("server saw %d requests, want %d", got, MaxRedirects+1)
		}
	})
	t.Run("TimeoutIsBadURL", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		})
		start := time.Now()
		err := open(t, Options{Timeout: 100 * time.Millisecond}).Resolve(ctx, field, srv.URL, nil)
		wantCode(t, err, field, CodeBadURL)
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
			t.Fatalf("err = %v after %v, want a deadline after about 100ms", err, time.Since(start))
		}
	})
	t.Run("OversizeBody", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.(http.Flusher).Flush() // chunked: no Content-Length to go by
			fmt.Fprintf(w, `{"a":%q}`, strings.Repeat("x", 2000))
		})
		r := open(t, Options{MaxBytes: 1000})
		wantCode(t, r.Resolve(ctx, field, srv.URL, nil), field, CodeBadURL)
		big := serve(t, jsonHandler(fmt.Sprintf(`{"a":%q}`, strings.Repeat("x", 2000))))
		wantCode(t, r.Resolve(ctx, field, big.URL, nil), field, CodeBadURL)
	})
	t.Run("NonJSONIsBadURL", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html>login</html>")
		})
		wantCode(t, open(t, Options{}).Resolve(ctx, field, srv.URL, nil), field, CodeBadURL)
	})
	t.Run("ShapeMismatchIsInvalidResource", func(t *testing.T) {
		srv := serve(t, jsonHandler(`["not","an","object"]`))
		wantCode(t, open(t, Options{}).Resolve(ctx, field, srv.URL, &zaaktype{}), field, CodeInvalidResource)
	})
	t.Run("CredentialsPerHost", func(t *testing.T) {
		var got []string
		other := serve(t, func(w http.ResponseWriter, r *http.Request) {
			got = append(got, "other:"+r.Header.Get("Authorization"))
			jsonHandler(`{}`)(w, r)
		})
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			got = append(got, "first:"+r.Header.Get("Authorization"))
			http.Redirect(w, r, other.URL, http.StatusFound)
		})
		first := strings.TrimPrefix(srv.URL, "http://")
		r := open(t, Options{Credentials: func(host string) string {
			if host == first {
				return "Bearer first-token"
			}
			return ""
		}})
		if err := r.Resolve(ctx, field, srv.URL, nil); err != nil {
			t.Fatalf("Resolve: %v", err)
		}
		if strings.Join(got, ",") != "first:Bearer first-token,other:" {
			t.Fatalf("Authorization seen: %v", got)
		}
	})
}

// redirector answers /hop/i with a redirect to /hop/i+1 until hops, then 200.
func redirector(t *testing.T, hops int) *counted {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &i)
		if i < hops {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", i+1), http.StatusMovedPermanently)
			return
		}
		jsonHandler(`{}`)(w, r)
	})
}

func TestResolve_Cache(t *testing.T) {
	ctx := context.Background()
	t.Run("HitAvoidsSecondRequest", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{"omschrijving":"Melding"}`))
		r := mustNew(t, Options{AllowPrivate: true})
		for range 3 {
			var zt zaaktype
			if err := r.Resolve(ctx, "zaaktype", srv.URL+"/1", &zt); err != nil || zt.Omschrijving != "Melding" {
				t.Fatalf("Resolve: %+v, %v", zt, err)
			}
		}
		if n := srv.calls.Load(); n != 1 {
			t.Fatalf("server saw %d requests, want 1", n)
		}
	})
	t.Run("FreshSkipsTheCache", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{}`))
		r := mustNew(t, Options{AllowPrivate: true})
		_ = r.Resolve(ctx, "informatieobject", srv.URL, nil)
		_ = r.Resolve(Fresh(ctx), "informatieobject", srv.URL, nil)
		_ = r.Resolve(ctx, "informatieobject", srv.URL, nil)
		if n := srv.calls.Load(); n != 2 {
			t.Fatalf("server saw %d requests, want 2", n)
		}
	})
	t.Run("ExpiresAfterTTL", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{}`))
		r := mustNew(t, Options{AllowPrivate: true, CacheTTL: time.Minute})
		now := time.Now()
		r.cache.now = func() time.Time { return now }
		_ = r.Resolve(ctx, "zaaktype", srv.URL, nil)
		now = now.Add(time.Minute)
		_ = r.Resolve(ctx, "zaaktype", srv.URL, nil)
		if n := srv.calls.Load(); n != 2 {
			t.Fatalf("server saw %d requests, want 2", n)
		}
	})
	t.Run("FailuresAreNotCached", func(t *testing.T) {
		var fail atomic.Bool
		fail.Store(true)
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			if fail.Load() {
				http.NotFound(w, r)
				return
			}
			jsonHandler(`{}`)(w, r)
		})
		r := mustNew(t, Options{AllowPrivate: true})
		wantCode(t, r.Resolve(ctx, "zaaktype", srv.URL, nil), "zaaktype", CodeBadURL)
		fail.Store(false)
		if err := r.Resolve(ctx, "zaaktype", srv.URL, nil); err != nil {
			t.Fatalf("Resolve after the resource appeared: %v", err)
		}
	})
	t.Run("Disabled", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{}`))
		r := mustNew(t, Options{AllowPrivate: true, CacheTTL: -1})
		_ = r.Resolve(ctx, "zaaktype", srv.URL, nil)
		_ = r.Resolve(ctx, "zaaktype", srv.URL, nil)
		if n := srv.calls.Load(); n != 2 {
			t.Fatalf("server saw %d requests, want 2", n)
		}
	})
}

func TestResolve_ContextCancel(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	r := mustNew(t, Options{AllowPrivate: true, Timeout: time.Minute})

	t.Run("DuringRequest", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		err := r.Resolve(ctx, "zaaktype", srv.URL, nil)
		if !errors.Is(err, context.Canceled) || errors.Is(err, domain.ErrInvalid) {
			t.Fatalf("err = %v, want context.Canceled and no validation error", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Resolve took %v after cancel", d)
		}
	})
	t.Run("Before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		before := srv.calls.Load()
		if err := r.Resolve(ctx, "zaaktype", srv.URL+"/other", nil); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if srv.calls.Load() != before {
			t.Fatal("request sent with a cancelled context")
		}
	})
}
