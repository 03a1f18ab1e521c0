package zgw_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/zgw"
)

func TestAuthenticate(t *testing.T) {
	s := newStack(t)
	none, err := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"iss": "reader", "iat": now.Unix(), "client_id": "reader"}).
		SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	hs512, err := jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{"iss": "reader", "iat": now.Unix(), "client_id": "reader"}).
		SignedString([]byte("reader-secret"))
	if err != nil {
		t.Fatal(err)
	}
	claims := map[string]any{"iss": "reader", "iat": now.Unix(), "client_id": "reader"}
	rs256 := forge(map[string]any{"alg": "RS256", "typ": "JWT"}, claims, "reader-secret")
	unknownAlg := forge(map[string]any{"alg": "XS999", "typ": "JWT"}, claims, "reader-secret")

	tests := []struct {
		name   string
		header string // Authorization
		status int
		code   string
	}{
		{"NoToken", "", 403, zgw.CodeNotAuthenticated},
		{"OtherScheme", "Basic cmVhZGVyOnNlY3JldA==", 403, zgw.CodeNotAuthenticated},
		{"BearerWithoutToken", "Bearer", 403, zgw.CodeJWTDecodeError},
		{"MalformedToken", "Bearer abc.def", 403, zgw.CodeJWTDecodeError},
		{"GarbageSegments", "Bearer a.b.c", 403, zgw.CodeJWTDecodeError},
		{"AlgNone", "Bearer " + none, 403, zgw.CodeJWTDecodeError},
		{"HS512", "Bearer " + hs512, 403, zgw.CodeJWTDecodeError},
		{"RS256HeaderConfusion", "Bearer " + rs256, 403, zgw.CodeJWTDecodeError},
		{"UnknownAlg", "Bearer " + unknownAlg, 403, zgw.CodeJWTDecodeError},
		{"WrongSecret", "Bearer " + sign(t, "reader", "not-the-secret", nil), 403, zgw.CodeInvalidSignature},
		{"Expired", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"exp": now.Add(-2 * time.Minute).Unix()}), 403, zgw.CodeExpired},
		{"IatTooOld", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"iat": now.Add(-time.Hour - 2*time.Minute).Unix()}), 403, zgw.CodeExpired},
		{"IatFutureBeyondLeeway", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"iat": now.Add(2 * time.Minute).Unix()}), 403, zgw.CodeImmature},
		{"NbfFuture", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"nbf": now.Add(5 * time.Minute).Unix()}), 403, zgw.CodeImmature},
		{"IatAsString", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"iat": "gisteren"}), 403, zgw.CodeJWTDecodeError},
		{"MissingClientID", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"client_id": nil}), 403, zgw.CodeMissingClientID},
		{"MissingIss", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"iss": nil}), 403, zgw.CodeMissingClaim},
		{"MissingIat", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"iat": nil}), 403, zgw.CodeMissingClaim},
		{"UnknownClient", "Bearer " + sign(t, "stranger", "whatever", nil), 403, zgw.CodeInvalidClientID},
		{"MissingScope", "Bearer " + sign(t, "zaken", "zaken-secret", nil), 403, "permission_denied"},
		{"ClientWithoutApplicatie", "Bearer " + sign(t, "orphan", "orphan-secret", nil), 403, "permission_denied"},
		{"Reader", "Bearer " + sign(t, "reader", "reader-secret", nil), 200, ""},
		{"SuperuserHeeftAlleAutorisaties", "Bearer " + sign(t, "admin", "admin-secret", nil), 200, ""},
		{"SecondRotatedSecret", "Bearer " + sign(t, "rotating", "new-secret", nil), 200, ""},
		{"FirstRotatedSecret", "Bearer " + sign(t, "rotating", "old-secret", nil), 200, ""},
		{"IatFutureWithinLeeway", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"iat": now.Add(30 * time.Second).Unix()}), 200, ""},
		{"ExpInFuture", "Bearer " + sign(t, "reader", "reader-secret", map[string]any{"exp": now.Add(time.Minute).Unix()}), 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := s.do(t, "GET", root+"/applicaties/"+appUUID, "", nil, "Authorization", tt.header)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.code != "" {
				if p := problem(t, rec); p.Code != tt.code {
					t.Errorf("code %q, want %q (%s)", p.Code, tt.code, p.Detail)
				}
			}
		})
	}
}

func TestAuthenticate_Principal(t *testing.T) {
	var got *zgw.Principal
	h := zgw.Authenticate(zgw.AuthConfig{Secrets: testSecrets, Rights: testRights, Now: func() time.Time { return now }})(
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = zgw.PrincipalFrom(r.Context()) }))
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Authorization", "Bearer "+sign(t, "reader", "reader-secret", nil))
	h.ServeHTTP(httptest.NewRecorder(), req)
	if got == nil || got.ClientID != "reader" || got.UserID != "u1" || got.UserRepresentation != "U. Ser" || got.Rights != testRights["reader"] {
		t.Errorf("principal %+v", got)
	}
}

// failing is a store that is down.
type failing struct{}

func (failing) ClientSecrets(context.Context, string) ([]string, error) {
	return nil, errors.New("connection refused")
}

func (failing) Rights(context.Context, string) (*autorisaties.Rights, error) {
	return nil, errors.New("connection refused")
}

// notFound is a store that answers with the domain's not-found error.
type notFound struct{}

func (notFound) ClientSecrets(context.Context, string) ([]string, error) {
	return nil, domain.NotFound("onbekende client")
}

func TestAuthenticate_StoreErrors(t *testing.T) {
	tests := []struct {
		name   string
		cfg    zgw.AuthConfig
		status int
		code   string
	}{
		{"SecretsDownIs500", zgw.AuthConfig{Secrets: failing{}, Rights: testRights}, 500, "error"},
		{"RightsDownIs500", zgw.AuthConfig{Secrets: testSecrets, Rights: failing{}}, 500, "error"},
		{"SecretsNotFoundIsUnknownClient", zgw.AuthConfig{Secrets: notFound{}, Rights: testRights}, 403, zgw.CodeInvalidClientID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Now = func() time.Time { return now }
			h := zgw.Authenticate(tt.cfg)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Authorization", "Bearer "+sign(t, "reader", "reader-secret", nil))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if p := problem(t, rec); rec.Code != tt.status || p.Code != tt.code {
				t.Errorf("%d %q, want %d %q", rec.Code, p.Code, tt.status, tt.code)
			}
			if tt.status == 500 && strings.Contains(rec.Body.String(), "connection refused") {
				t.Errorf("internal error leaked: %s", rec.Body)
			}
		})
	}
}

// counting counts the lookups of the clients in the test stack.
type counting struct{ secrets, rights int }

func (c *counting) ClientSecrets(ctx context.Context, clientID string) ([]string, error) {
	c.secrets++
	return testSecrets.ClientSecrets(ctx, clientID)
}

func (c *counting) Rights(ctx context.Context, clientID string) (*autorisaties.Rights, error) {
	c.rights++
	return testRights.Rights(ctx, clientID)
}

// forgeRaw signs payload, bytes as they are (json.Marshal would repair
// what is no UTF-8), with HS256 and secret.
func forgeRaw(payload []byte, secret string) string {
	unsigned := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + base64.RawURLEncoding.EncodeToString(payload)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(unsigned))
	return unsigned + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// TestAuthenticate_UndecodableTokens: a token that is no JWS, or whose
// claims are of the wrong type or hold what no text value can (a NUL, bytes
// that are no UTF-8), is refused with 403 jwt-decode-error before a secret
// or a right is looked up, whether or not its signature holds: the
// unverified client_id goes to PostgreSQL in the lookup, and user_id and
// user_representation into the metadata of every event.
func TestAuthenticate_UndecodableTokens(t *testing.T) {
	hs256 := map[string]any{"alg": "HS256", "typ": "JWT"}
	valid := func(edit map[string]any) string { return sign(t, "reader", "reader-secret", edit) }
	seg := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	good := valid(nil)
	goodParts := strings.Split(good, ".")
	iat := fmt.Sprint(now.Unix())
	tests := []struct{ name, token string }{
		{"NULInClientIDAnySecret", sign(t, "x\x00", "wat-dan-ook", nil)},
		{"NULInClientIDUnsigned", seg(`{"alg":"HS256","typ":"JWT"}`) + "." + seg(`{"iss":"x","iat":`+iat+`,"client_id":"x\u0000"}`) + ".c2ln"},
		{"NULInIss", valid(map[string]any{"iss": "reader\x00"})},
		{"NULInUserID", valid(map[string]any{"user_id": "u\x001"})},
		{"NULInUserRepresentation", valid(map[string]any{"user_representation": "\x00"})},
		{"PayloadNoUTF8ClientID", forgeRaw([]byte(`{"iss":"reader","iat":`+iat+`,"client_id":"reader`+"\xff"+`"}`), "reader-secret")},
		{"PayloadNoUTF8UserID", forgeRaw([]byte(`{"iss":"reader","iat":`+iat+`,"client_id":"reader","user_id":"`+"\xc3\x28"+`"}`), "reader-secret")},
		{"ClientIDNumber", valid(map[string]any{"client_id": 5})},
		{"ClientIDList", valid(map[string]any{"client_id": []string{"reader"}})},
		{"ClientIDObject", valid(map[string]any{"client_id": map[string]any{"id": "reader"}})},
		{"IssNumber", valid(map[string]any{"iss": 7})},
		{"UserIDBool", valid(map[string]any{"user_id": true})},
		{"UserRepresentationList", valid(map[string]any{"user_representation": []int{1}})},
		{"ExpString", valid(map[string]any{"exp": "morgen"})},
		{"TwoParts", goodParts[0] + "." + goodParts[1]},
		{"FourParts", good + ".extra"},
		{"EmptyParts", ".."},
		{"HeaderNoBase64", "!!!." + goodParts[1] + "." + goodParts[2]},
		{"PayloadNoBase64", goodParts[0] + ".%%%." + goodParts[2]},
		{"SignatureNoBase64", goodParts[0] + "." + goodParts[1] + ".***"},
		{"PayloadNoJSON", goodParts[0] + "." + seg("geen json") + "." + goodParts[2]},
		{"PayloadJSONList", goodParts[0] + "." + seg(`["reader"]`) + "." + goodParts[2]},
		{"PayloadJSONString", goodParts[0] + "." + seg(`"reader"`) + "." + goodParts[2]},
		{"HeaderNoJSON", seg("{alg") + "." + goodParts[1] + "." + goodParts[2]},
		{"AlgNoneUnsigned", seg(`{"alg":"none"}`) + "." + goodParts[1] + "."},
		{"AlgNumber", forge(map[string]any{"alg": 256}, map[string]any{"iss": "reader", "iat": now.Unix(), "client_id": "reader"}, "reader-secret")},
		{"HugeGarbage", strings.Repeat("A", 512<<10) + "." + strings.Repeat("B", 512<<10) + ".C"},
		{"HugeNULClaim", forge(hs256, map[string]any{"iss": "reader", "iat": now.Unix(), "client_id": strings.Repeat("x", 256<<10) + "\x00"}, "reader-secret")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := &counting{}
			h := zgw.Authenticate(zgw.AuthConfig{Secrets: store, Rights: store, Leeway: time.Minute, Now: func() time.Time { return now }})(
				http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { t.Error("handler reached") }))
			req := httptest.NewRequest("POST", "/", strings.NewReader(`{}`))
			req.Header.Set("Authorization", "Bearer "+tt.token)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden || rec.Header().Get("Content-Type") != zgw.ProblemContentType {
				t.Fatalf("%d %s: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
			if p := problem(t, rec); p.Code != zgw.CodeJWTDecodeError {
				t.Errorf("code %q, want %q (%s)", p.Code, zgw.CodeJWTDecodeError, p.Detail)
			}
			if store.secrets+store.rights != 0 {
				t.Errorf("%d secret and %d rights lookups before the token was refused", store.secrets, store.rights)
			}
		})
	}
	// The same claims without a NUL pass: the check refuses no ordinary text.
	store := &counting{}
	h := zgw.Authenticate(zgw.AuthConfig{Secrets: store, Rights: store, Now: func() time.Time { return now }})(
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Authorization", "Bearer "+valid(map[string]any{"user_representation": "Zoë d'Éçluse \u2603 \U0001F600"}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent {
		t.Errorf("ordinary text refused: %d %s", rec.Code, rec.Body)
	}
}
