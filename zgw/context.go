package zgw

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/oas"
)

// Principal is the authenticated client of a request: the claims of its
// JWT and the rights of its applicatie.
type Principal struct {
	ClientID           string
	UserID             string
	UserRepresentation string
	// Rights are nil for a client whose client id belongs to no applicatie;
	// such a client may do nothing.
	Rights *autorisaties.Rights
}

type ctxKey int

const (
	principalKey ctxKey = iota
	operationKey
	apiKey
	stateKey
	baseKey
)

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey, p)
}

// PrincipalFrom returns the principal Authenticate put in ctx, or nil.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey).(*Principal)
	return p
}

// WithOperation returns ctx carrying op; API.Middleware calls it, tests of
// handlers may too.
func WithOperation(ctx context.Context, op *oas.Operation) context.Context {
	return context.WithValue(ctx, operationKey, op)
}

// OperationFrom returns the OAS operation API.Middleware matched, or nil.
func OperationFrom(ctx context.Context) *oas.Operation {
	op, _ := ctx.Value(operationKey).(*oas.Operation)
	return op
}

// WithAPI returns ctx carrying a; URL helpers read BaseURL and Root from it.
func WithAPI(ctx context.Context, a *API) context.Context {
	return context.WithValue(ctx, apiKey, a)
}

// APIFrom returns the API serving the request, or nil outside one.
func APIFrom(ctx context.Context) *API {
	a, _ := ctx.Value(apiKey).(*API)
	return a
}

// BaseURL returns the public base URL (scheme and host, no trailing slash)
// of the API serving the request, or "" outside one.
func BaseURL(ctx context.Context) string {
	if b, ok := ctx.Value(baseKey).(string); ok {
		return b
	}
	if a := APIFrom(ctx); a != nil {
		return strings.TrimSuffix(a.BaseURL, "/")
	}
	return ""
}

// requestState is filled in by inner middleware (API, operation, client)
// and read by outer middleware (access log, metrics) after the request: a
// context only carries values inwards, so the outermost middleware that
// needs it creates it and the others write into the same struct.
type requestState struct {
	// ignoredFields counts the request body fields DecodeJSON ignored.
	ignoredFields int
	requestID     string
	api           string
	operation     string
	clientID      string
	logger        *slog.Logger
}

// state returns the request's state, creating it (and a new request
// carrying it) when no outer middleware did.
func state(r *http.Request) (*http.Request, *requestState) {
	if s, ok := r.Context().Value(stateKey).(*requestState); ok {
		return r, s
	}
	s := &requestState{}
	return r.WithContext(context.WithValue(r.Context(), stateKey, s)), s
}

func stateFrom(ctx context.Context) *requestState {
	s, _ := ctx.Value(stateKey).(*requestState)
	return s
}

// RequestID returns the id AssignRequestID gave the request, or "".
func RequestID(ctx context.Context) string {
	if s := stateFrom(ctx); s != nil {
		return s.requestID
	}
	return ""
}

// Logger returns the request's logger (with its request id) that AccessLog
// installed, or slog.Default() outside one.
func Logger(ctx context.Context) *slog.Logger {
	if s := stateFrom(ctx); s != nil && s.logger != nil {
		return s.logger
	}
	l := slog.Default()
	if id := RequestID(ctx); id != "" {
		l = l.With("request_id", id)
	}
	return l
}
