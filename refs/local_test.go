package refs

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

// roundTripFunc is a hand-written http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// noHTTP fails the test when any request goes out.
func noHTTP(t *testing.T) http.RoundTripper {
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		t.Errorf("unexpected HTTP request to %s", req.URL)
		return nil, errors.New("no HTTP in this test")
	})
}

// mustNew builds a Resolver or fails the test.
func mustNew(t *testing.T, opts Options) *Resolver {
	t.Helper()
	r, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return r
}

// wantCode asserts that err is a validation error with one invalidParam
// for field with code.
func wantCode(t *testing.T, err error, field, code string) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want a *domain.Error with %s", err, code)
	}
	if de.Kind != domain.KindInvalid || len(de.Params) != 1 || de.Params[0].Name != field || de.Params[0].Code != code {
		t.Fatalf("err = %v, want invalid %s: %s", err, field, code)
	}
}

type zaaktype struct {
	URL          string `json:"url"`
	Omschrijving string `json:"omschrijving"`
}

const zaaktypen = "http://localhost:8000/catalogi/api/v1/zaaktypen/"

func localResolver(t *testing.T) (*Resolver, *[]string) {
	var asked []string
	r := mustNew(t, Options{
		Transport: noHTTP(t),
		Local: []Local{
			{Prefix: "http://localhost:8000/catalogi/api/v1/", Fetch: func(ctx context.Context, id string) (json.RawMessage, error) {
				asked = append(asked, "root:"+id)
				return nil, domain.NotFound("no such thing")
			}},
			{Prefix: zaaktypen, Fetch: func(ctx context.Context, id string) (json.RawMessage, error) {
				asked = append(asked, id)
				switch id {
				case "4f1c":
					return json.RawMessage(`{"url":"` + zaaktypen + `4f1c","omschrijving":"Melding"}`), nil
				case "broken":
					return nil, errors.New("read model unavailable")
				}
				return nil, domain.NotFound("zaaktype " + id)
			}},
		},
	})
	return r, &asked
}

func TestResolve_Local(t *testing.T) {
	ctx := context.Background()

	t.Run("AnsweredWithoutHTTP", func(t *testing.T) {
		r, asked := localResolver(t)
		var zt zaaktype
		if err := r.Resolve(ctx, "zaaktype", zaaktypen+"4f1c", &zt); err != nil {
			t.Fatalf("Resolve: %v", err)
		}
		if zt.Omschrijving != "Melding" || strings.Join(*asked, ",") != "4f1c" {
			t.Fatalf("got %+v, asked %v", zt, *asked)
		}
	})
	t.Run("HostCaseAndDefaultPortIgnored", func(t *testing.T) {
		r := mustNew(t, Options{Transport: noHTTP(t), Local: []Local{{
			Prefix: "https://Registry.example.nl/catalogi/api/v1/zaaktypen",
			Fetch:  func(context.Context, string) (json.RawMessage, error) { return json.RawMessage(`{}`), nil },
		}}})
		if err := r.Resolve(ctx, "zaaktype", "https://registry.EXAMPLE.nl:443/catalogi/api/v1/zaaktypen/x#frag", nil); err != nil {
			t.Fatalf("Resolve: %v", err)
		}
	})
	t.Run("NotFoundIsBadURL", func(t *testing.T) {
		r, _ := localResolver(t)
		err := r.Resolve(ctx, "zaaktype", zaaktypen+"missing", &zaaktype{})
		wantCode(t, err, "zaaktype", CodeBadURL)
	})
	t.Run("EmptyIDIsBadURLWithoutFetch", func(t *testing.T) {
		r, asked := localResolver(t)
		wantCode(t, r.Resolve(ctx, "zaaktype", zaaktypen, nil), "zaaktype", CodeBadURL)
		if len(*asked) != 0 {
			t.Fatalf("Fetch asked for %v", *asked)
		}
	})
	t.Run("LongestPrefixWins", func(t *testing.T) {
		r, asked := localResolver(t)
		_ = r.Resolve(ctx, "x", zaaktypen+"4f1c", nil)
		_ = r.Resolve(ctx, "x", "http://localhost:8000/catalogi/api/v1/catalogussen/1", nil)
		if got := strings.Join(*asked, ","); got != "4f1c,root:catalogussen/1" {
			t.Fatalf("asked %s", got)
		}
	})
	t.Run("RegistryFailureIsNoValidationError", func(t *testing.T) {
		r, _ := localResolver(t)
		err := r.Resolve(ctx, "zaaktype", zaaktypen+"broken", nil)
		if err == nil || errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), "read model unavailable") {
			t.Fatalf("err = %v, want the wrapped read-model error", err)
		}
	})
	t.Run("ShapeMismatchIsInvalidResource", func(t *testing.T) {
		r, _ := localResolver(t)
		var wrong struct {
			Omschrijving int `json:"omschrijving"`
		}
		wantCode(t, r.Resolve(ctx, "zaaktype", zaaktypen+"4f1c", &wrong), "zaaktype", CodeInvalidResource)
	})
	t.Run("CheckRejectsOtherKind", func(t *testing.T) {
		r, _ := localResolver(t)
		isBesluittype := func(raw json.RawMessage) bool { return strings.Contains(string(raw), "/besluittypen/") }
		wantCode(t, r.Check(ctx, "besluittype", zaaktypen+"4f1c", isBesluittype), "besluittype", CodeInvalidResource)
		isZaaktype := func(raw json.RawMessage) bool { return strings.Contains(string(raw), "/zaaktypen/") }
		if err := r.Check(ctx, "zaaktype", zaaktypen+"4f1c", isZaaktype); err != nil {
			t.Fatalf("Check: %v", err)
		}
	})
}

func TestParse(t *testing.T) {
	for name, raw := range map[string]string{
		"Empty":        "",
		"Relative":     "/zaaktypen/1",
		"NoHost":       "http:///zaaktypen/1",
		"FTP":          "ftp://example.nl/x",
		"File":         "file:///etc/passwd",
		"Opaque":       "http:example.nl",
		"UserInfo":     "https://user:pw@example.nl/x",
		"BadPort":      "https://example.nl:99999/x",
		"PortZero":     "https://example.nl:0/x",
		"Space":        "https://exa mple.nl/x",
		"TooLong":      "https://example.nl/" + strings.Repeat("a", MaxURLLength),
		"JavaScript":   "javascript:alert(1)",
		"SchemeRelURL": "//example.nl/x",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("zaaktype", raw)
			wantCode(t, err, "zaaktype", CodeBadURL)
		})
	}
	t.Run("ExactlyMaxLengthAccepted", func(t *testing.T) {
		raw := "https://example.nl/" + strings.Repeat("é", MaxURLLength-len("https://example.nl/"))
		if _, err := Parse("zaaktype", raw); err != nil {
			t.Fatalf("Parse: %v", err)
		}
	})
}

func TestNew_RejectsBadLocal(t *testing.T) {
	fetch := func(context.Context, string) (json.RawMessage, error) { return nil, nil }
	for name, l := range map[string]Local{
		"RelativePrefix": {Prefix: "/catalogi/api/v1/", Fetch: fetch},
		"QueryInPrefix":  {Prefix: "http://localhost/x/?a=b", Fetch: fetch},
		"NoFetch":        {Prefix: "http://localhost/x/"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := New(Options{Local: []Local{l}}); err == nil {
				t.Fatal("New accepted", l.Prefix)
			}
		})
	}
}
