package zgw_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// apiRequest is a request inside the test API, as API.Middleware leaves it.
func apiRequest(method, target string) *http.Request {
	req := httptest.NewRequest(method, target, nil)
	return req.WithContext(zgw.WithAPI(req.Context(), &zgw.API{Name: "autorisaties", Root: root, BaseURL: baseURL}))
}

var instancePattern = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestWriteError(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		status   int
		typeName string
		code     string
		title    string
		detail   string
	}{
		{"Invalid", domain.Invalid("label", "required", "Dit veld is vereist."), 400, "ValidationError", "invalid", "Ongeldige invoer.", "Ongeldige invoer."},
		{"NotFound", domain.NotFound("Applicatie niet gevonden."), 404, "NotFound", "not_found", "Niet gevonden.", "Applicatie niet gevonden."},
		{"Conflict", domain.Conflict("unique", "Bestaat al."), 409, "Conflict", "unique", "Er is een conflict met de huidige toestand van de resource.", "Bestaat al."},
		{"Forbidden", domain.Forbidden("permission_denied", ""), 403, "PermissionDenied", "permission_denied", "U heeft geen toestemming om deze actie uit te voeren.", "U heeft geen toestemming om deze actie uit te voeren."},
		{"Unauthenticated", &domain.Error{Kind: domain.KindUnauthenticated, Code: "jwt-expired", Detail: "Verlopen."}, 403, "NotAuthenticated", "jwt-expired", "Authenticatiegegevens zijn niet opgegeven of ongeldig.", "Verlopen."},
		{"PreconditionFailed", &domain.Error{Kind: domain.KindPreconditionFailed, Detail: "'Accept-Crs' header ontbreekt"}, 412, "PreconditionFailed", "precondition_failed", "Niet voldaan aan een voorwaarde van het verzoek.", "'Accept-Crs' header ontbreekt"},
		{"NotAcceptable", &domain.Error{Kind: domain.KindNotAcceptable}, 406, "NotAcceptable", "not_acceptable", "Kan niet voldoen aan de opgegeven Accept header.", "Kan niet voldoen aan de opgegeven Accept header."},
		{"Gone", &domain.Error{Kind: domain.KindGone}, 410, "Gone", "gone", "De resource is niet langer beschikbaar.", "De resource is niet langer beschikbaar."},
		{"UnsupportedMedia", &domain.Error{Kind: domain.KindUnsupportedMedia}, 415, "UnsupportedMediaType", "unsupported_media_type", "Niet-ondersteund mediatype in het verzoek.", "Niet-ondersteund mediatype in het verzoek."},
		{"TooLarge", &domain.Error{Kind: domain.KindTooLarge}, 413, "RequestEntityTooLarge", "too_large", "Het verzoek is te groot.", "Het verzoek is te groot."},
		{"WrappedDomainError", fmt.Errorf("load applicatie: %w", domain.NotFound("Weg.")), 404, "NotFound", "not_found", "Niet gevonden.", "Weg."},
		{"OtherErrorIsGeneric500", errors.New("pq: relation \"applicaties\" does not exist"), 500, "APIException", "error", "Er is een serverfout opgetreden.", "Er is een serverfout opgetreden."},
		{"UnknownKindIs500", &domain.Error{Kind: 99, Code: "x"}, 500, "APIException", "error", "Er is een serverfout opgetreden.", "Er is een serverfout opgetreden."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			zgw.WriteError(rec, apiRequest("GET", root+"/applicaties"), tt.err)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
			p := problem(t, rec)
			want := zgw.Problem{Type: baseURL + "/ref/fouten/" + tt.typeName + "/", Code: tt.code, Title: tt.title, Status: tt.status, Detail: tt.detail, Instance: p.Instance}
			if tt.status == 400 {
				want.InvalidParams = []zgw.ProblemInvalidParam{{Name: "label", Code: "required", Reason: "Dit veld is vereist."}}
			}
			if fmt.Sprint(p) != fmt.Sprint(want) {
				t.Errorf("problem\n got %+v\nwant %+v", p, want)
			}
			if !instancePattern.MatchString(p.Instance) {
				t.Errorf("instance %q is no urn:uuid of a UUID4", p.Instance)
			}
			if tt.status != 400 && strings.Contains(rec.Body.String(), "invalidParams") {
				t.Errorf("invalidParams outside a 400: %s", rec.Body)
			}
			if strings.Contains(rec.Body.String(), "pq:") {
				t.Errorf("internal error leaked: %s", rec.Body)
			}
		})
	}
}

func TestWriteError_ValidationWithoutParamsHasEmptyInvalidParams(t *testing.T) {
	rec := httptest.NewRecorder()
	zgw.WriteError(rec, apiRequest("POST", root+"/applicaties"), &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "JSON parse error."})
	if !strings.Contains(rec.Body.String(), `"invalidParams":[]`) {
		t.Errorf("ValidatieFout requires invalidParams: %s", rec.Body)
	}
}

func TestWriteError_InternalErrorLoggedWithRequestID(t *testing.T) {
	logs := &syncBuffer{}
	h := zgw.RequestIDs(zgw.AccessLog(slog.New(slog.NewJSONHandler(logs, nil)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		zgw.WriteError(w, r, errors.New("disk on fire"))
	})))
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("X-Request-ID", "req-500")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	line := lastLog(t, logs, "disk on fire")
	p := problem(t, rec)
	if line["request_id"] != "req-500" || line["instance"] != p.Instance || line["level"] != "ERROR" {
		t.Errorf("log line %v, problem instance %s", line, p.Instance)
	}
	if strings.Contains(rec.Body.String(), "disk") {
		t.Errorf("internal error leaked: %s", rec.Body)
	}
}

func TestWriteError_HEADHasNoBody(t *testing.T) {
	rec := httptest.NewRecorder()
	zgw.WriteError(rec, apiRequest("HEAD", root+"/applicaties/x"), domain.NotFound("weg"))
	if rec.Code != 404 || rec.Body.Len() != 0 {
		t.Errorf("%d with %d bytes", rec.Code, rec.Body.Len())
	}
}
