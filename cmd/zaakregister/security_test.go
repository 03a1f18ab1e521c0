package main

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSecurity_UndecodableJWT: a token that is no JWS, or whose claims are
// of the wrong type or hold a NUL, is answered 403 problem+json
// jwt-decode-error on reads and writes, never 500 (issue 13, item 2): a
// NUL in client_id reached PostgreSQL in the secret lookup before any
// signature was checked, and one in user_id or user_representation the
// jsonb metadata of every event the client wrote.
func TestSecurity_UndecodableJWT(t *testing.T) {
	g := startRegistry(t)
	g.superuser() // client admin, secret geheim, heeftAlleAutorisaties
	now := time.Now().Unix()
	claims := func(edit map[string]any) map[string]any {
		c := map[string]any{"iss": "admin", "client_id": "admin", "iat": now, "user_id": "tester", "user_representation": "Test Er"}
		for k, v := range edit {
			c[k] = v
		}
		return c
	}
	valid := func(edit map[string]any) string { return signed(t, claims(edit), "HS256", "geheim") }
	seg := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	parts := strings.Split(valid(nil), ".")
	tokens := []struct{ name, token string }{
		{"NULInClientIDAnySecret", signed(t, claims(map[string]any{"client_id": "x\x00"}), "HS256", "wat-dan-ook")},
		{"NULInClientIDValidSecret", valid(map[string]any{"client_id": "admin\x00"})},
		{"NULInIss", valid(map[string]any{"iss": "admin\x00"})},
		{"NULInUserID", valid(map[string]any{"user_id": "\x00"})},
		{"NULInUserRepresentation", valid(map[string]any{"user_representation": "Test\x00Er"})},
		{"ClientIDNumber", valid(map[string]any{"client_id": 5})},
		{"ClientIDList", valid(map[string]any{"client_id": []string{"admin"}})},
		{"UserIDObject", valid(map[string]any{"user_id": map[string]any{}})},
		{"TwoParts", parts[0] + "." + parts[1]},
		{"FourParts", strings.Join(append(parts, parts[2]), ".")},
		{"PayloadNoBase64", parts[0] + ".%%%." + parts[2]},
		{"PayloadNoJSON", parts[0] + "." + seg("geen json") + "." + parts[2]},
		{"AlgNone", signed(t, claims(nil), "none", "")},
		{"HugeGarbage", strings.Repeat("A", 256<<10) + "." + parts[1] + "." + parts[2]},
	}
	for _, tc := range tokens {
		for _, req := range []struct{ method, path string }{
			{"GET", zrcRoot + "/zaken"},
			{"POST", zrcRoot + "/zaken"},
			{"POST", acRoot + "/applicaties"},
		} {
			t.Run(tc.name+"/"+req.method+req.path, func(t *testing.T) {
				var body any
				if req.method == "POST" {
					// A body the write would take, had the token been good.
					body = map[string]any{"clientIds": []string{tc.name}, "label": tc.name, "heeftAlleAutorisaties": true}
				}
				r := g.do(req.method, req.path, "", body, "Authorization", "Bearer "+tc.token,
					"Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326")
				expect(t, r, http.StatusForbidden)
				if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("Content-Type %q", ct)
				}
				if code := r.json(t)["code"]; code != "jwt-decode-error" {
					t.Fatalf("code %v, want jwt-decode-error: %s", code, r.Body)
				}
			})
		}
	}
	// Past net/http's header limit (1 MiB) the server itself refuses the
	// request, before any handler: a 4xx too.
	r := g.do("GET", zrcRoot+"/zaken", "", nil, "Authorization", "Bearer "+strings.Repeat("A", 2<<20))
	expect(t, r, http.StatusRequestHeaderFieldsTooLarge)
}

// TestHTTPLimits: the server cuts off clients that send slowly (issue 13,
// item 6), with the limits of the environment, and still reads a body that
// arrives steadily for longer than its idle limit.
func TestHTTPLimits(t *testing.T) {
	const limit = 300 * time.Millisecond
	for _, name := range []string{"ZAAKREGISTER_HTTP_READ_HEADER_TIMEOUT", "ZAAKREGISTER_HTTP_BODY_IDLE", "ZAAKREGISTER_HTTP_IDLE_TIMEOUT"} {
		t.Setenv(name, limit.String())
	}
	g := startRegistry(t)
	admin := g.superuser()
	addr := g.m.Addr()
	// bound is how soon after the limit passed the server must have acted.
	const bound = 2 * time.Second
	body := `{"clientIds":["traag"],"label":"Traag","heeftAlleAutorisaties":true}`
	post := func(tok string) string {
		h := "POST " + acRoot + "/applicaties HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\n" +
			fmt.Sprintf("Content-Length: %d\r\n", len(body))
		if tok != "" {
			h += "Authorization: Bearer " + tok + "\r\n"
		}
		return h + "\r\n"
	}

	t.Run("SlowHeadersClosed", func(t *testing.T) {
		c := dial(t, addr)
		c.send(t, "GET /healthz HTTP/1.1\r\nHost: "+addr+"\r\n") // and no end of the headers
		c.closedWithin(t, limit+bound)
	})
	t.Run("StalledBodyCutOff", func(t *testing.T) {
		c := dial(t, addr)
		c.send(t, post(admin)+body[:10]) // and nothing more
		resp := c.response(t, limit+bound)
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusRequestTimeout {
			t.Fatalf("status %d, want 400 or 408", resp.StatusCode)
		}
		c.closedWithin(t, bound)
	})
	t.Run("StalledUnreadBodyCutOff", func(t *testing.T) {
		// Turned away before its body is read (no token): net/http
		// discards the body before it answers, and must not wait for it.
		c := dial(t, addr)
		c.send(t, post("")+body[:10])
		resp := c.response(t, limit+bound)
		expectStatus(t, resp, http.StatusForbidden)
		c.closedWithin(t, bound)
	})
	t.Run("IdleConnectionClosed", func(t *testing.T) {
		c := dial(t, addr)
		c.send(t, "GET /healthz HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
		expectStatus(t, c.response(t, bound), http.StatusOK)
		c.closedWithin(t, limit+bound)
	})
	t.Run("SteadyBodyAccepted", func(t *testing.T) {
		c := dial(t, addr)
		c.send(t, post(admin))
		start := time.Now()
		chunk := (len(body) + 9) / 10
		for i := 0; i < len(body); i += chunk {
			time.Sleep(limit / 3)
			c.send(t, body[i:min(i+chunk, len(body))])
		}
		if took := time.Since(start); took < 2*limit {
			t.Fatalf("body sent in %s, want longer than the idle limit %s twice", took, limit)
		}
		expectStatus(t, c.response(t, bound+10*time.Second), http.StatusCreated)
	})
}

// TestConfigFromEnv_HTTPLimits: the limits default to what README says,
// are read from the environment and are never negative.
func TestConfigFromEnv_HTTPLimits(t *testing.T) {
	names := []string{"ZAAKREGISTER_HTTP_READ_HEADER_TIMEOUT", "ZAAKREGISTER_HTTP_BODY_IDLE",
		"ZAAKREGISTER_HTTP_IDLE_TIMEOUT", "ZAAKREGISTER_HTTP_READ_TIMEOUT", "ZAAKREGISTER_HTTP_WRITE_TIMEOUT"}
	for _, name := range names {
		t.Setenv(name, "")
	}
	cfg, err := ConfigFromEnv()
	if want := (HTTPLimits{ReadHeader: 10 * time.Second, BodyIdle: 30 * time.Second, Idle: 2 * time.Minute}); err != nil || cfg.HTTP != want {
		t.Fatalf("defaults %+v, %v; want %+v", cfg.HTTP, err, want)
	}
	t.Setenv("ZAAKREGISTER_HTTP_BODY_IDLE", "1m")
	t.Setenv("ZAAKREGISTER_HTTP_READ_TIMEOUT", "6h")
	if cfg, err := ConfigFromEnv(); err != nil || cfg.HTTP.BodyIdle != time.Minute || cfg.HTTP.Read != 6*time.Hour {
		t.Fatalf("%+v, %v", cfg.HTTP, err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			for value, ok := range map[string]bool{"0": true, "-1s": false, "30": false} {
				t.Setenv(name, value)
				if _, err := ConfigFromEnv(); (err == nil) != ok {
					t.Errorf("%s=%s: error %v", name, value, err)
				}
			}
		})
	}
}

// TestClientRemove_SecretCacheBound: a secret removed with `client remove`
// (another process) keeps working in a running server for at most
// ZAAKREGISTER_SECRET_CACHE, the bound README documents; after it the
// server refuses it.
func TestClientRemove_SecretCacheBound(t *testing.T) {
	const ttl = 200 * time.Millisecond
	t.Setenv("ZAAKREGISTER_SECRET_CACHE", ttl.String())
	g := startRegistry(t)
	tok := g.superuser() // the server now holds the secret in its cache
	g.cli("client", "remove", "admin")
	removed := time.Now()
	// Before the bound the token may still work (allowed, not required).
	r := g.do("GET", acRoot+"/applicaties", tok, nil)
	if r.Status != http.StatusOK && r.Status != http.StatusForbidden {
		t.Fatalf("right after the removal: status %d: %s", r.Status, r.Body)
	}
	time.Sleep(time.Until(removed.Add(ttl + 20*time.Millisecond)))
	r = g.do("GET", acRoot+"/applicaties", tok, nil)
	expect(t, r, http.StatusForbidden)
	if code := r.json(t)["code"]; code != "invalid-client-identifier" {
		t.Fatalf("code %v, want invalid-client-identifier", code)
	}
}

// rawConn is a client connection written by hand, to send slowly.
type rawConn struct {
	net.Conn
	r *bufio.Reader
}

func dial(t *testing.T, addr string) *rawConn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &rawConn{Conn: c, r: bufio.NewReader(c)}
}

func (c *rawConn) send(t *testing.T, s string) {
	t.Helper()
	if _, err := io.WriteString(c, s); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// response reads the answer to the request sent, waiting at most d.
func (c *rawConn) response(t *testing.T, d time.Duration) *http.Response {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(d))
	resp, err := http.ReadResponse(c.r, nil)
	if err != nil {
		t.Fatalf("no answer within %s: %v", d, err)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatalf("answer body: %v", err)
	}
	resp.Body.Close()
	return resp
}

// closedWithin fails unless the server closes the connection within d,
// sending nothing more.
func (c *rawConn) closedWithin(t *testing.T, d time.Duration) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(d))
	n, err := c.r.Read(make([]byte, 1))
	var ne net.Error
	switch {
	case n > 0:
		t.Fatalf("server sent more instead of closing")
	case errors.As(err, &ne) && ne.Timeout():
		t.Fatalf("connection still open after %s", d)
	case err == nil:
		t.Fatal("read returned nothing and no error")
	}
}

func expectStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("status %d, want %d", resp.StatusCode, want)
	}
}

// TestConfigFromEnv_Aliases: ZAAKREGISTER_URL_ALIASES lists former base
// URLs, comma-separated, trailing slashes dropped; one that is no absolute
// http(s) URL is refused, as a malformed ZAAKREGISTER_URL is.
func TestConfigFromEnv_Aliases(t *testing.T) {
	t.Setenv("ZAAKREGISTER_URL", "https://zaken.example.org/")
	t.Setenv("ZAAKREGISTER_URL_ALIASES", " http://10.0.0.5:8000/, ,https://old.example.org/registry")
	c, err := ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "https://zaken.example.org" || !slices.Equal(c.Aliases, []string{"http://10.0.0.5:8000", "https://old.example.org/registry"}) {
		t.Errorf("base %q, aliases %q", c.BaseURL, c.Aliases)
	}
	for _, bad := range []string{"ftp://old.example.org", "old.example.org", "http://old.example.org/?x=1"} {
		t.Setenv("ZAAKREGISTER_URL_ALIASES", bad)
		if _, err := ConfigFromEnv(); err == nil {
			t.Errorf("alias %q accepted", bad)
		}
	}
	t.Setenv("ZAAKREGISTER_URL_ALIASES", "")
	t.Setenv("ZAAKREGISTER_URL", "javascript:alert(1)")
	if _, err := ConfigFromEnv(); err == nil {
		t.Error("a base URL that is no http(s) URL accepted")
	}
}

// TestJWT_ClockSkew: by default a token whose iat lies minutes ahead, as
// ZGW clients and the standard's test tooling mint them (257 s), is
// accepted; one beyond the leeway of 5 minutes is jwt-immature.
func TestJWT_ClockSkew(t *testing.T) {
	g := startRegistry(t)
	g.superuser()
	for _, tt := range []struct {
		ahead  time.Duration
		status int
	}{{257 * time.Second, http.StatusOK}, {6 * time.Minute, http.StatusForbidden}} {
		tok := signed(t, map[string]any{"iss": "admin", "client_id": "admin", "iat": time.Now().Add(tt.ahead).Unix(),
			"user_id": "u", "user_representation": "U"}, "HS256", "geheim")
		r := g.do("GET", acRoot+"/applicaties", tok, nil)
		if r.Status != tt.status {
			t.Errorf("iat %s ahead: status %d, want %d: %s", tt.ahead, r.Status, tt.status, r.Body)
		}
		if tt.status == http.StatusForbidden && !strings.Contains(string(r.Body), `"jwt-immature"`) {
			t.Errorf("iat %s ahead: %s, want jwt-immature", tt.ahead, r.Body)
		}
	}
}

// TestBodies_UnknownFields: a body field the operation does not have (one
// of another Zaken version, say) is ignored, as Open Zaak ignores it, and
// counted in /metrics; with ZAAKREGISTER_STRICT_BODIES it is a 400
// unknown-field, for client developers.
func TestBodies_UnknownFields(t *testing.T) {
	body := `{"clientIds": ["a"], "label": "x", "heeftAlleAutorisaties": true, "extra": 1, "laatsteBetaalDatum": null}`
	g := startRegistry(t)
	admin := g.superuser()
	expect(t, g.do("POST", acRoot+"/applicaties", admin, body), http.StatusCreated)
	r := g.do("GET", "/metrics", "", nil)
	if !strings.Contains(string(r.Body), `zaakregister_http_ignored_fields_total{api="autorisaties",operation="applicatie_create"} 2`) {
		t.Errorf("/metrics does not count the 2 ignored fields:\n%s", grepLines(string(r.Body), "ignored_fields"))
	}

	t.Setenv("ZAAKREGISTER_STRICT_BODIES", "true")
	strict := openRegistryOn(t, g.dbURL, true)
	r = strict.do("POST", acRoot+"/applicaties", admin, strings.Replace(body, `"a"`, `"b"`, 1))
	expect(t, r, http.StatusBadRequest)
	if code := invalidParam(t, r, "extra"); code != "unknown-field" {
		t.Errorf("extra: code %q, want unknown-field", code)
	}
}

// grepLines returns the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if strings.Contains(line, sub) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
