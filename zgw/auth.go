package zgw

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/golang-jwt/jwt/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
)

// Secrets looks up the shared JWT secrets of a client. A client may have
// several during a rotation; an unknown client yields no secrets or a
// KindNotFound *domain.Error. Any other error is a server fault (500).
type Secrets interface {
	ClientSecrets(ctx context.Context, clientID string) ([]string, error)
}

// RightsSource looks up what a client may do. Nil rights and a nil error
// mean the client id belongs to no applicatie (it may do nothing); a
// KindNotFound *domain.Error means the same. Any other error is a server
// fault (500).
type RightsSource interface {
	Rights(ctx context.Context, clientID string) (*autorisaties.Rights, error)
}

// AuthConfig configures Authenticate. Secrets and Rights are required.
type AuthConfig struct {
	Secrets Secrets
	Rights  RightsSource
	// MaxAge is how old a token (by its iat) may be; 0 means DefaultMaxAge,
	// as Open Zaak's JWT_EXPIRY.
	MaxAge time.Duration
	// Leeway tolerates clock skew between client and server on iat, exp and nbf.
	Leeway time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// DefaultMaxAge is the MaxAge used when AuthConfig leaves it 0.
const DefaultMaxAge = time.Hour

// The codes of authentication failures (all 403 with kind
// KindUnauthenticated, RULES 3.1; the reference implementations answer 403
// where the OAS also lists 401). The first five are the reference
// implementation's; the last three name faults it reports with generated
// codes ("jwt-expiredsignatureerror", ...).
const (
	// CodeNotAuthenticated: no Authorization header, or not a Bearer one.
	CodeNotAuthenticated = "not_authenticated"
	// CodeJWTDecodeError: the token is no well-formed JWS, is not signed
	// with HS256 (alg "none", HS512, RS256, ...: no algorithm confusion), or
	// has claims that are no text (a NUL, bytes that are no UTF-8).
	CodeJWTDecodeError = "jwt-decode-error"
	// CodeMissingClientID: the client_id claim is absent or empty.
	CodeMissingClientID = "missing-client-identifier"
	// CodeInvalidClientID: no secret is known for the client_id.
	CodeInvalidClientID = "invalid-client-identifier"
	// CodeInvalidSignature: no secret of the client verifies the signature.
	CodeInvalidSignature = "invalid-jwt-signature"
	// CodeMissingClaim: the required iss or iat claim is absent.
	CodeMissingClaim = "jwt-missing-claim"
	// CodeExpired: exp has passed, or iat is older than MaxAge.
	CodeExpired = "jwt-expired"
	// CodeImmature: iat or nbf lies in the future beyond the leeway.
	CodeImmature = "jwt-immature"
)

// claims are the ZGW JWT claims (RULES 3.1).
type claims struct {
	ClientID           string `json:"client_id"`
	UserID             string `json:"user_id"`
	UserRepresentation string `json:"user_representation"`
	jwt.RegisteredClaims
}

const hs256 = "HS256"

// Authenticate returns middleware that admits only requests with a valid
// ZGW JWT (RULES 3.1) and puts their Principal, with the rights of the
// client's applicatie, in the request context. Failures are answered with
// a 403 problem carrying one of the Code* codes above. It panics when
// cfg.Secrets or cfg.Rights is nil: that is a wiring fault.
func Authenticate(cfg AuthConfig) func(http.Handler) http.Handler {
	if cfg.Secrets == nil || cfg.Rights == nil {
		panic("zgw: AuthConfig needs Secrets and Rights")
	}
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = DefaultMaxAge
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	validator := jwt.NewValidator(
		jwt.WithLeeway(cfg.Leeway),
		jwt.WithTimeFunc(cfg.Now),
		jwt.WithIssuedAt(),
	)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p, err := cfg.authenticate(r, validator)
			if err != nil {
				WriteError(w, r, err)
				return
			}
			r, st := state(r)
			st.clientID = p.ClientID
			next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
		})
	}
}

func unauthenticated(code, detail string) error {
	return &domain.Error{Kind: domain.KindUnauthenticated, Code: code, Detail: detail}
}

func (cfg AuthConfig) authenticate(r *http.Request, validator *jwt.Validator) (*Principal, error) {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return nil, unauthenticated(CodeNotAuthenticated, "Authenticatiegegevens zijn niet opgegeven.")
	}
	token = strings.TrimSpace(token)

	// The token is decoded once: the claims are read unverified to find the
	// client's secrets, and nothing in them is trusted until the signature
	// over the same bytes verifies.
	var unverified claims
	tok, parts, err := jwt.NewParser().ParseUnverified(token, &unverified)
	if err != nil {
		return nil, unauthenticated(CodeJWTDecodeError, "JWT kon niet gedecodeerd worden. Mogelijk is er een fout gemaakt bij het kopiëren.")
	}
	if alg, _ := tok.Header["alg"].(string); alg != hs256 {
		return nil, unauthenticated(CodeJWTDecodeError, fmt.Sprintf("JWT is ondertekend met algoritme %q; alleen HS256 is toegestaan.", alg))
	}
	if err := textClaims(parts[1], &unverified); err != nil {
		return nil, err
	}
	if unverified.ClientID == "" {
		return nil, unauthenticated(CodeMissingClientID, "De claim `client_id` ontbreekt in de JWT.")
	}
	secrets, err := cfg.Secrets.ClientSecrets(r.Context(), unverified.ClientID)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return nil, fmt.Errorf("zgw: secrets of client %q: %w", unverified.ClientID, err)
	}
	c, err := verify(validator, parts, &unverified, secrets)
	if err != nil {
		return nil, err
	}
	if c.Issuer == "" {
		return nil, unauthenticated(CodeMissingClaim, "De claim `iss` ontbreekt in de JWT.")
	}
	if c.IssuedAt == nil {
		return nil, unauthenticated(CodeMissingClaim, "De claim `iat` ontbreekt in de JWT.")
	}
	if cfg.Now().Sub(c.IssuedAt.Time) > cfg.MaxAge+cfg.Leeway {
		return nil, unauthenticated(CodeExpired, fmt.Sprintf("De JWT is ouder dan %s (claim `iat`).", cfg.MaxAge))
	}
	rights, err := cfg.Rights.Rights(r.Context(), c.ClientID)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return nil, fmt.Errorf("zgw: rights of client %q: %w", c.ClientID, err)
	}
	return &Principal{ClientID: c.ClientID, UserID: c.UserID, UserRepresentation: c.UserRepresentation, Rights: rights}, nil
}

// textClaims refuses a token whose payload is no UTF-8 (RFC 7519 7.2), or
// whose claims read as text hold what no text value can (ValidText: a NUL
// character). It runs before anything is looked up: the unverified
// client_id goes to PostgreSQL in the secret lookup, user_id and
// user_representation into the metadata of every event the client writes,
// and iss is the other text claim read. encoding/json turns bytes that are
// no UTF-8 into U+FFFD, so those are caught in the payload itself.
func textClaims(payload string, c *claims) error {
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil || !utf8.Valid(raw) {
		return unauthenticated(CodeJWTDecodeError, "De JWT-payload is geen geldige UTF-8.")
	}
	for _, claim := range []struct{ name, value string }{
		{"iss", c.Issuer}, {"client_id", c.ClientID}, {"user_id", c.UserID}, {"user_representation", c.UserRepresentation},
	} {
		if !ValidText(claim.value) {
			return unauthenticated(CodeJWTDecodeError, fmt.Sprintf("De claim `%s` bevat ongeldige tekens.", claim.name))
		}
	}
	return nil
}

// verify checks the token's signature (parts as split by the parser)
// against each secret of the client in turn; the time claims are only
// judged once a signature verified, so a forged token learns nothing about
// them.
func verify(validator *jwt.Validator, parts []string, c *claims, secrets []string) (*claims, error) {
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, unauthenticated(CodeJWTDecodeError, "JWT kon niet gevalideerd worden.")
	}
	signed := parts[0] + "." + parts[1]
	known := false
	for _, secret := range secrets {
		if secret == "" {
			continue
		}
		known = true
		if jwt.SigningMethodHS256.Verify(signed, sig, []byte(secret)) != nil {
			continue
		}
		switch err := validator.Validate(c); {
		case err == nil:
			return c, nil
		case errors.Is(err, jwt.ErrTokenExpired):
			return nil, unauthenticated(CodeExpired, "De JWT is verlopen (claim `exp`).")
		case errors.Is(err, jwt.ErrTokenUsedBeforeIssued), errors.Is(err, jwt.ErrTokenNotValidYet):
			return nil, unauthenticated(CodeImmature, "De JWT is nog niet geldig (claim `iat` of `nbf` ligt in de toekomst).")
		default:
			return nil, unauthenticated(CodeJWTDecodeError, "JWT kon niet gevalideerd worden.")
		}
	}
	if !known {
		return nil, unauthenticated(CodeInvalidClientID, "De client identifier bestaat niet.")
	}
	return nil, unauthenticated(CodeInvalidSignature, "De client credentials zijn ongeldig.")
}
