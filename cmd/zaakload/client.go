package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// apiClient calls the registry as a ZGW client: a JWT signed with the
// client's secret (HS256), the CRS headers the Zaken API demands, and the
// body read to the end so connections are reused.
type apiClient struct {
	http             *http.Client
	base             string
	clientID, secret string

	mu     sync.Mutex
	token  string
	issued time.Time
}

// newAPIClient returns a client of the registry at base that keeps up to
// conns connections open.
func newAPIClient(base, clientID, secret string, conns int) *apiClient {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = conns
	return &apiClient{http: &http.Client{Transport: t, Timeout: time.Minute}, base: base, clientID: clientID, secret: secret}
}

// tokenAge is how long a token is reused; the registry accepts tokens up
// to an hour old (ZAAKREGISTER_JWT_MAX_AGE).
const tokenAge = 5 * time.Minute

// bearer returns a current token with the ZGW claims (RULES 3.1).
func (c *apiClient) bearer() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && time.Since(c.issued) < tokenAge {
		return c.token, nil
	}
	now := time.Now()
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"iss": c.clientID, "client_id": c.clientID, "iat": now.Unix(),
		"user_id": "zaakload", "user_representation": "zaakload",
	}).SignedString([]byte(c.secret))
	if err != nil {
		return "", err
	}
	c.token, c.issued = tok, now
	return tok, nil
}

// httpError is an answer with another status than the operation expects.
type httpError struct {
	method, path string
	status       int
	body         string
}

func (e *httpError) Error() string {
	return fmt.Sprintf("%s %s: %d %s: %s", e.method, e.path, e.status, http.StatusText(e.status), e.body)
}

// do sends method to target, a path below the base URL or a URL the
// registry wrote (only its path and query are used, so a registry whose
// public URL differs from --url still works), with body as JSON when not
// nil. An answer other than want is an *httpError with the start of its
// body; otherwise the body is decoded into out when not nil.
func (c *apiClient) do(ctx context.Context, method, target string, body any, want int, out any) error {
	return c.doWith(ctx, nil, method, target, body, want, out)
}

// doWith is do with extra request headers.
func (c *apiClient) doWith(ctx context.Context, header http.Header, method, target string, body any, want int, out any) error {
	path := target
	if strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://") {
		u, err := url.Parse(target)
		if err != nil {
			return err
		}
		path = u.RequestURI()
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	tok, err := c.bearer()
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if strings.HasPrefix(path, zakenRoot+"/zaken") {
		req.Header.Set("Accept-Crs", "EPSG:4326")
		req.Header.Set("Content-Crs", "EPSG:4326")
	}
	for name, values := range header {
		req.Header[name] = values
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		_, _ = io.Copy(io.Discard, resp.Body)
		return &httpError{method: method, path: path, status: resp.StatusCode, body: string(b)}
	}
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return nil
}
