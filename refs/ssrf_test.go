package refs

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestPublic classifies addresses only; nothing here connects anywhere.
func TestPublic(t *testing.T) {
	for _, tc := range []struct {
		addr   string
		public bool
	}{
		{"1.1.1.1", true},
		{"8.8.8.8", true},
		{"145.222.1.1", true},
		{"2606:4700:4700::1111", true},
		{"::ffff:1.1.1.1", true},
		{"64:ff9b::101:101", true}, // NAT64 of 1.1.1.1
		{"10.0.0.1", false},
		{"10.255.255.255", false},
		{"172.16.0.1", false},
		{"172.31.255.254", false},
		{"172.32.0.1", true}, // just outside 172.16.0.0/12
		{"192.168.1.1", false},
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"::1", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"169.254.169.254", false},
		{"169.254.0.1", false},
		{"100.64.0.1", false},
		{"100.127.255.254", false},
		{"100.128.0.1", true}, // just outside CGNAT
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"::", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"ff02::1", false},
		{"255.255.255.255", false},
		{"240.0.0.1", false},
		{"192.0.2.10", false},
		{"2001:db8::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:169.254.169.254", false},
		{"::127.0.0.1", false},         // IPv4-compatible
		{"64:ff9b::a00:1", false},      // NAT64 of 10.0.0.1
		{"64:ff9b::a9fe:a9fe", false},  // NAT64 of 169.254.169.254
		{"2002:7f00:1::1", false},      // 6to4 of 127.0.0.1
		{"2002:101:101::1", true},      // 6to4 of 1.1.1.1
		{"2001:0:4136:e378::1", false}, // Teredo
	} {
		t.Run(tc.addr, func(t *testing.T) {
			if got := Public(netip.MustParseAddr(tc.addr)); got != tc.public {
				t.Fatalf("Public(%s) = %v, want %v", tc.addr, got, tc.public)
			}
		})
	}
	if Public(netip.Addr{}) {
		t.Fatal("the zero Addr is public")
	}
}

// TestResolve_SSRF runs with AllowPrivate false against servers on
// 127.0.0.1, which must never see a connection.
func TestResolve_SSRF(t *testing.T) {
	ctx := context.Background()
	const field = "informatieobjecttype"

	t.Run("LoopbackLiteralRefusedWithoutConnecting", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{}`))
		r := mustNew(t, Options{})
		wantCode(t, r.Resolve(ctx, field, srv.URL+"/x", nil), field, CodeBadURL)
		if srv.calls.Load() != 0 || srv.conns.Load() != 0 {
			t.Fatalf("server saw %d requests, %d connections", srv.calls.Load(), srv.conns.Load())
		}
	})
	t.Run("HostnameRefusedAtDialTime", func(t *testing.T) {
		// "localhost" is no literal, so only the dialer's Control hook,
		// which sees the resolved address, can stop it.
		srv := serve(t, jsonHandler(`{}`))
		r := mustNew(t, Options{})
		err := r.Resolve(ctx, field, "http://localhost:"+port(t, srv.URL)+"/x", nil)
		wantCode(t, err, field, CodeBadURL)
		if !errors.Is(err, errRefusedAddress) {
			t.Fatalf("err = %v, want the dial guard's refusal", err)
		}
		if srv.calls.Load() != 0 || srv.conns.Load() != 0 {
			t.Fatalf("server saw %d requests, %d connections", srv.calls.Load(), srv.conns.Load())
		}
	})
	t.Run("RedirectToPrivateHostRefusedAtDialTime", func(t *testing.T) {
		// Both servers are on 127.0.0.1; permit stands in for "the
		// internal server is private, the first one public" by port.
		internal := serve(t, jsonHandler(`{"secret":true}`))
		public := serve(t, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://localhost:"+port(t, internal.URL)+"/admin", http.StatusFound)
		})
		r := mustNew(t, Options{})
		internalPort := uint16(mustAtoi(t, port(t, internal.URL)))
		r.permit = func(ap netip.AddrPort) bool { return ap.Port() != internalPort }
		err := r.Resolve(ctx, field, public.URL, nil)
		wantCode(t, err, field, CodeBadURL)
		if public.calls.Load() != 1 || internal.calls.Load() != 0 || internal.conns.Load() != 0 {
			t.Fatalf("public saw %d requests, internal %d requests and %d connections",
				public.calls.Load(), internal.calls.Load(), internal.conns.Load())
		}
	})
	t.Run("RedirectFromPublicHostToMetadataRefused", func(t *testing.T) {
		var seen []string
		r := mustNew(t, Options{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
			seen = append(seen, req.URL.String())
			return &http.Response{
				StatusCode: http.StatusFound, Request: req, Body: io.NopCloser(strings.NewReader("")),
				Header: http.Header{"Location": {"http://169.254.169.254/latest/meta-data/"}},
			}, nil
		})})
		wantCode(t, r.Resolve(ctx, field, "https://catalogi.example.nl/api/v1/informatieobjecttypen/1", nil), field, CodeBadURL)
		if len(seen) != 1 {
			t.Fatalf("transport saw %v, want only the first URL", seen)
		}
	})
	t.Run("RedirectDowngradeRefused", func(t *testing.T) {
		r := mustNew(t, Options{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
			if req.URL.Scheme == "http" {
				t.Errorf("followed the downgrade to %s", req.URL)
			}
			return &http.Response{
				StatusCode: http.StatusMovedPermanently, Request: req, Body: io.NopCloser(strings.NewReader("")),
				Header: http.Header{"Location": {"http://catalogi.example.nl/x"}},
			}, nil
		})})
		wantCode(t, r.Resolve(ctx, field, "https://catalogi.example.nl/x", nil), field, CodeBadURL)
	})
	t.Run("PrivateAllowedWhenConfigured", func(t *testing.T) {
		srv := serve(t, jsonHandler(`{}`))
		if err := mustNew(t, Options{AllowPrivate: true}).Resolve(ctx, field, srv.URL, nil); err != nil {
			t.Fatalf("Resolve: %v", err)
		}
	})
}

func port(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Port()
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
