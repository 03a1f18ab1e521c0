package refs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/zaakregister/zaakregister/domain"
)

// The invalidParam codes Resolve and Check return, as the reference
// implementations name them (RULES 2.4).
const (
	// CodeBadURL: the URL is malformed or does not end in HTTP 200 with JSON.
	CodeBadURL = domain.CodeBadURL
	// CodeInvalidResource: the resource found does not have the expected shape.
	CodeInvalidResource = "invalid-resource"
)

// MaxURLLength is the longest reference URL accepted, in characters; the
// ZGW schemas declare maxLength 1000 on URL fields.
const MaxURLLength = 1000

// Parse checks that rawURL is an absolute http or https URL of at most
// MaxURLLength characters, with a host, a valid port and no user info, and
// returns it without its fragment. Otherwise it returns a *domain.Error with
// CodeBadURL on field.
func Parse(field, rawURL string) (*url.URL, error) {
	if utf8.RuneCountInString(rawURL) > MaxURLLength {
		return nil, domain.Invalid(field, CodeBadURL,
			fmt.Sprintf("Zorg ervoor dat deze URL niet meer dan %d karakters bevat.", MaxURLLength))
	}
	u, err := url.Parse(rawURL)
	if err != nil || !validURL(u) {
		return nil, domain.Invalid(field, CodeBadURL, "Voer een geldige URL in.")
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// validURL is domain.HTTPURL without user info, which would send
// credentials the registry did not choose.
func validURL(u *url.URL) bool {
	return domain.HTTPURL(u) && u.User == nil
}

// badURL builds the CodeBadURL error, wrapping cause for the logs.
func badURL(field, reason string, cause error) error {
	inv := domain.Invalid(field, CodeBadURL, reason)
	if cause == nil {
		return inv
	}
	return fmt.Errorf("%w: %w", inv, cause)
}

// Local answers the URLs under Prefix from the registry's own read models,
// without HTTP and without the address guard.
type Local struct {
	// Prefix is the collection URL, e.g.
	// "http://localhost:8000/catalogi/api/v1/zaaktypen/". Scheme and host
	// match case-insensitively and with default ports ignored; the path
	// matches exactly.
	Prefix string
	// Fetch returns the resource's JSON for id, the URL path after Prefix
	// (usually a UUID; never empty). It returns an error matching
	// domain.ErrNotFound when there is no such resource, which Resolve
	// reports as CodeBadURL; any other error is a failure of the registry
	// and is returned wrapped, not as a validation error.
	Fetch func(ctx context.Context, id string) (json.RawMessage, error)
}

type local struct {
	scheme, host, path string
	fetch              func(ctx context.Context, id string) (json.RawMessage, error)
}

func parseLocal(l Local) (local, error) {
	u, err := url.Parse(l.Prefix)
	if err != nil || !validURL(u) || u.RawQuery != "" || u.Fragment != "" {
		return local{}, fmt.Errorf("refs: local prefix %q is not an absolute http(s) URL without query", l.Prefix)
	}
	if l.Fetch == nil {
		return local{}, fmt.Errorf("refs: local prefix %q has no Fetch", l.Prefix)
	}
	path := u.Path
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return local{scheme: u.Scheme, host: canonicalHost(u), path: path, fetch: l.Fetch}, nil
}

// canonicalHost lower-cases the host and drops the scheme's default port.
func canonicalHost(u *url.URL) string {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		return host
	}
	return net.JoinHostPort(host, port)
}

// matchLocal finds the Local that owns u and the id within it.
func (r *Resolver) matchLocal(u *url.URL) (local, string, bool) {
	if len(r.local) == 0 {
		return local{}, "", false
	}
	host := canonicalHost(u)
	for _, l := range r.local {
		if u.Scheme == l.scheme && host == l.host && strings.HasPrefix(u.Path, l.path) {
			return l, strings.TrimPrefix(u.Path, l.path), true
		}
	}
	return local{}, "", false
}

func (r *Resolver) fetchLocal(ctx context.Context, field, target string, l local, id string) (json.RawMessage, error) {
	notFound := fmt.Sprintf("De URL %s resulteerde in HTTP 404. Geef een geldige URL op.", target)
	if id == "" {
		return nil, badURL(field, notFound, nil)
	}
	body, err := l.fetch(ctx, id)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return nil, badURL(field, notFound, err)
	case err != nil:
		return nil, fmt.Errorf("refs: resolve %s locally: %w", target, err)
	case !json.Valid(body):
		return nil, fmt.Errorf("refs: local answer for %s is not JSON", target)
	}
	return body, nil
}
