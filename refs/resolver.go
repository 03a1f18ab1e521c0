package refs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"slices"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// Defaults for the zero values of Options.
const (
	DefaultTimeout   = 5 * time.Second
	DefaultMaxBytes  = 1 << 20
	DefaultCacheTTL  = 60 * time.Second
	DefaultCacheSize = 1024
)

// Options configure a Resolver; the zero value of each field means its
// default.
type Options struct {
	// Local lists the registry's own collections, answered without HTTP.
	Local []Local
	// Transport replaces the guarded HTTP transport; for tests only. A
	// non-nil Transport bypasses the dial-time address guard: IP literals,
	// in the URL and in redirects, are still refused before the request,
	// hostnames are not.
	Transport http.RoundTripper
	// Timeout bounds one remote resolution, redirects and body included
	// (default DefaultTimeout).
	Timeout time.Duration
	// MaxBytes bounds a remote response body (default DefaultMaxBytes).
	MaxBytes int64
	// AllowPrivate lets the Resolver connect to loopback, private and other
	// non-public addresses. Leave it false in production unless the other
	// ZGW APIs live on the internal network; see the package comment.
	AllowPrivate bool
	// Credentials returns the Authorization header value (a ZGW JWT,
	// "Bearer ...") for host, as in URL.Host (with the port when the URL has
	// one), or "" for none. It is asked again for every redirect hop, so a
	// token never travels to another host. Optional.
	Credentials func(host string) (authorization string)
	// CacheTTL is how long a remote 200 answer is reused (default
	// DefaultCacheTTL); negative disables the cache. Failures and local
	// answers are never cached.
	CacheTTL time.Duration
	// CacheSize bounds the number of cached answers (default
	// DefaultCacheSize); the least recently used is dropped first.
	CacheSize int
}

// Resolver resolves reference URLs. It is safe for concurrent use.
type Resolver struct {
	local       []local
	client      *http.Client
	timeout     time.Duration
	maxBytes    int64
	credentials func(host string) string
	cache       *cache
	// permit decides whether an address may be connected to. It is read at
	// dial time, so tests in this package may replace it after New.
	permit func(netip.AddrPort) bool
}

// New returns a Resolver for opts. It fails when a Local entry has an
// unusable Prefix or no Fetch.
func New(opts Options) (*Resolver, error) {
	r := &Resolver{
		timeout:     opts.Timeout,
		maxBytes:    opts.MaxBytes,
		credentials: opts.Credentials,
	}
	if r.timeout <= 0 {
		r.timeout = DefaultTimeout
	}
	if r.maxBytes <= 0 {
		r.maxBytes = DefaultMaxBytes
	}
	allowPrivate := opts.AllowPrivate
	r.permit = func(ap netip.AddrPort) bool { return allowPrivate || Public(ap.Addr()) }

	for _, l := range opts.Local {
		parsed, err := parseLocal(l)
		if err != nil {
			return nil, err
		}
		r.local = append(r.local, parsed)
	}
	// The longest prefix wins when API roots are nested.
	slices.SortStableFunc(r.local, func(a, b local) int { return len(b.path) - len(a.path) })

	transport := opts.Transport
	if transport == nil {
		transport = newTransport(func(ap netip.AddrPort) bool { return r.permit(ap) })
	}
	r.client = &http.Client{Transport: transport, CheckRedirect: r.checkRedirect}

	ttl, size := opts.CacheTTL, opts.CacheSize
	if ttl == 0 {
		ttl = DefaultCacheTTL
	}
	if size <= 0 {
		size = DefaultCacheSize
	}
	if ttl > 0 {
		r.cache = newCache(ttl, size)
	}
	return r, nil
}

// Resolve validates rawURL, the value of request field field, fetches the
// resource it names (locally or remotely) and decodes its JSON into dst, a
// pointer as for json.Unmarshal; a nil dst only checks that the URL
// resolves. It returns a *domain.Error (possibly wrapped, test with
// errors.As) with code "invalid" and one invalidParam for field:
// CodeBadURL when the URL is malformed or does not end in 200 with JSON,
// CodeInvalidResource when the JSON does not fit dst. A cancelled or expired
// ctx yields the context's error; a failing Local.Fetch its error, wrapped.
func (r *Resolver) Resolve(ctx context.Context, field, rawURL string, dst any) error {
	body, err := r.fetch(ctx, field, rawURL)
	if err != nil {
		return err
	}
	if dst == nil {
		return nil
	}
	if err := json.Unmarshal(body, dst); err != nil {
		var bad *json.InvalidUnmarshalError
		if errors.As(err, &bad) {
			return fmt.Errorf("refs: decode %s into %T: %w", rawURL, dst, err)
		}
		return invalidResource(field, rawURL, err)
	}
	return nil
}

// Check resolves rawURL like Resolve and then asks ok whether the resource
// is of the expected kind (a zaaktype, not a besluittype); ok receives its
// own copy of the JSON. When ok says no, Check returns CodeInvalidResource
// on field. Other errors are those of Resolve.
func (r *Resolver) Check(ctx context.Context, field, rawURL string, ok func(json.RawMessage) bool) error {
	body, err := r.fetch(ctx, field, rawURL)
	if err != nil {
		return err
	}
	if !ok(slices.Clone(body)) {
		return invalidResource(field, rawURL, nil)
	}
	return nil
}

type freshKey struct{}

// Fresh returns ctx under which remote resolutions skip the cache (their
// answers still fill it): for facts a rule decides on at that moment, such
// as a document's indicatieGebruiksrecht when a zaak closes, which its
// client may have set a moment ago.
func Fresh(ctx context.Context) context.Context { return context.WithValue(ctx, freshKey{}, true) }

// fetch returns the JSON document rawURL names.
func (r *Resolver) fetch(ctx context.Context, field, rawURL string) (json.RawMessage, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("refs: resolve %s: %w", field, err)
	}
	u, err := Parse(field, rawURL)
	if err != nil {
		return nil, err
	}
	if l, id, ok := r.matchLocal(u); ok {
		return r.fetchLocal(ctx, field, u.String(), l, id)
	}
	return r.fetchRemote(ctx, field, u)
}

// invalidResource builds the CodeInvalidResource error, wrapping cause when
// there is one so that the logs see why.
func invalidResource(field, rawURL string, cause error) error {
	inv := domain.Invalid(field, CodeInvalidResource,
		fmt.Sprintf("De URL %s verwijst niet naar een geldige resource van het verwachte type.", rawURL))
	if cause == nil {
		return inv
	}
	return fmt.Errorf("%w: %w", inv, cause)
}
