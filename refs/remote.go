package refs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"unicode/utf8"
)

// MaxRedirects is how many redirects a remote resolution follows.
const MaxRedirects = 5

var (
	errTooManyRedirects = errors.New("refs: too many redirects")
	errDowngrade        = errors.New("refs: redirect from https to http")
	errRefusedAddress   = errors.New("refs: address is not public")
	errBadRedirect      = errors.New("refs: invalid redirect target")
)

// fetchRemote GETs u, following redirects, and returns its JSON body.
func (r *Resolver) fetchRemote(ctx context.Context, field string, u *url.URL) (json.RawMessage, error) {
	target := u.String()
	if fresh, _ := ctx.Value(freshKey{}).(bool); !fresh {
		if body, ok := r.cache.get(target); ok {
			return body, nil
		}
	}
	unreachable := fmt.Sprintf("De URL %s kon niet worden opgehaald.", target)
	if err := r.checkLiteral(u); err != nil {
		return nil, badURL(field, unreachable, err)
	}

	tctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, badURL(field, unreachable, err)
	}
	req.Header.Set("Accept", "application/json")
	// The Zaken API answers 412 to a GET on a zaak without Accept-Crs
	// (RULES 2.6); other APIs ignore the header.
	req.Header.Set("Accept-Crs", "EPSG:4326")
	req.Header.Set("User-Agent", "zaakregister-refs")
	r.authorize(req)

	resp, err := r.client.Do(req)
	if err != nil {
		return nil, r.transportError(ctx, field, target, unreachable, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, badURL(field, fmt.Sprintf("De URL %s resulteerde in HTTP %d. Geef een geldige URL op.", target, resp.StatusCode),
			fmt.Errorf("refs: GET %s: status %d", target, resp.StatusCode))
	}
	if resp.ContentLength > r.maxBytes {
		return nil, r.tooLarge(field, target)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.maxBytes+1))
	if err != nil {
		return nil, r.transportError(ctx, field, target, unreachable, err)
	}
	if int64(len(body)) > r.maxBytes {
		return nil, r.tooLarge(field, target)
	}
	if !json.Valid(body) {
		return nil, badURL(field, fmt.Sprintf("De URL %s gaf geen JSON-antwoord.", target),
			fmt.Errorf("refs: GET %s: body is not JSON (Content-Type %q)", target, resp.Header.Get("Content-Type")))
	}
	r.cache.put(target, body)
	return body, nil
}

// transportError tells the end of the caller's context (cancelled, or its
// own deadline passed), returned wrapped, from everything else, including
// Options.Timeout, which is the URL's fault.
func (r *Resolver) transportError(ctx context.Context, field, target, unreachable string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("refs: GET %s: %w", target, context.Cause(ctx))
	}
	if errors.Is(err, errTooManyRedirects) {
		return badURL(field, fmt.Sprintf("De URL %s leidde tot meer dan %d doorverwijzingen.", target, MaxRedirects), err)
	}
	return badURL(field, unreachable, err)
}

func (r *Resolver) tooLarge(field, target string) error {
	return badURL(field, fmt.Sprintf("Het antwoord van de URL %s is groter dan %d bytes.", target, r.maxBytes),
		fmt.Errorf("refs: GET %s: body over %d bytes", target, r.maxBytes))
}

// authorize sets the Authorization header for req's host, or removes it.
func (r *Resolver) authorize(req *http.Request) {
	req.Header.Del("Authorization")
	if r.credentials == nil {
		return
	}
	if auth := r.credentials(req.URL.Host); auth != "" {
		req.Header.Set("Authorization", auth)
	}
}

// checkRedirect applies to every redirect target the rules of the first URL,
// and refuses a downgrade from https to http, which would expose a token
// and the answer in transit.
func (r *Resolver) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return errTooManyRedirects
	}
	u := req.URL
	if utf8.RuneCountInString(u.String()) > MaxURLLength || !validURL(u) {
		return fmt.Errorf("%w: %s", errBadRedirect, u.Redacted())
	}
	if via[0].URL.Scheme == "https" && u.Scheme == "http" {
		return errDowngrade
	}
	if err := r.checkLiteral(u); err != nil {
		return err
	}
	r.authorize(req)
	return nil
}

// checkLiteral refuses a URL whose host is a non-permitted IP literal before
// any connection is made. Hostnames are checked at dial time.
func (r *Resolver) checkLiteral(u *url.URL) error {
	addr, err := netip.ParseAddr(u.Hostname())
	if err != nil {
		return nil
	}
	port := uint64(80)
	if u.Scheme == "https" {
		port = 443
	}
	if p := u.Port(); p != "" {
		port, _ = strconv.ParseUint(p, 10, 16)
	}
	if !r.permit(netip.AddrPortFrom(addr, uint16(port))) {
		return fmt.Errorf("%w: %s", errRefusedAddress, u.Host)
	}
	return nil
}
