package oastest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
)

// fakeTB records failures instead of failing, to prove that Validate fails
// a test. Only Errorf is implemented; Validate calls nothing else.
type fakeTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

const (
	root    = "/autorisaties/api/v1"
	appUUID = "6f2a5b1c-8d3e-4f70-9a1b-2c3d4e5f6a7b"
	appURL  = "http://localhost:8000/autorisaties/api/v1/applicaties/" + appUUID
	okApp   = `{"url":"` + appURL + `","clientIds":["zaakregister"],"label":"Zaakregister","heeftAlleAutorisaties":false,` +
		`"autorisaties":[{"component":"zrc","scopes":["zaken.lezen"],"zaaktype":"http://localhost:8000/catalogi/api/v1/zaaktypen/` + appUUID + `","maxVertrouwelijkheidaanduiding":"openbaar"}]}`
	okProblem = `{"type":"http://localhost:8000/ref/fouten/NotFound/","code":"not_found","title":"Niet gevonden.","status":404,"detail":"Niet gevonden.","instance":"urn:uuid:` + appUUID + `"}`
)

// response is a canned answer of the handler under test.
type response struct {
	status      int
	contentType string
	version     string // API-version; "-" = none
	header      map[string]string
	body        string
}

func (c response) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	if c.version != "-" {
		w.Header().Set("API-version", c.version)
	}
	if c.contentType != "" {
		w.Header().Set("Content-Type", c.contentType)
	}
	for k, v := range c.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(c.status)
	_, _ = w.Write([]byte(c.body))
}

func TestValidate(t *testing.T) {
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	const js, problem = "application/json", "application/problem+json"
	tests := []struct {
		name     string
		method   string
		path     string
		response response
		wantErr  string // "" = must pass
	}{
		{"ValidDetail", "GET", "/applicaties/" + appUUID, response{200, js, "1.0.0", nil, okApp}, ""},
		{"ValidList", "GET", "/applicaties?page=1", response{200, js, "1.0.0", nil, `{"count":1,"next":null,"previous":null,"results":[` + okApp + `]}`}, ""},
		{"ValidCreate", "POST", "/applicaties", response{201, js, "1.0.0", map[string]string{"Location": appURL}, okApp}, ""},
		{"ValidDelete", "DELETE", "/applicaties/" + appUUID, response{204, "", "1.0.0", nil, ""}, ""},
		{"ValidNotFoundProblem", "GET", "/applicaties/" + appUUID, response{404, problem, "1.0.0", nil, okProblem}, ""},
		{"ValidUnknownPathProblem", "GET", "/onbekend", response{404, problem, "1.0.0", nil, okProblem}, ""},
		{"PlumbingStatusUndeclared", "GET", "/applicaties/" + appUUID, response{400, problem, "1.0.0", nil,
			`{"type":"t","code":"invalid","title":"Ongeldige invoer.","status":400,"detail":"d","instance":"urn:uuid:x","invalidParams":[{"name":"nonFieldErrors","code":"unknown-parameters","reason":"Onbekende query parameters: x"}]}`}, ""},
		{"OpenAPIDocumentNotChecked", "GET", "/openapi.yaml", response{200, "application/yaml", "-", nil, "openapi: 3.0.0"}, ""},

		{"MissingRequiredField", "GET", "/applicaties/" + appUUID, response{200, js, "1.0.0", nil, `{"url":"` + appURL + `","clientIds":[]}`}, `property "label" is missing`},
		{"WrongEnum", "GET", "/applicaties/" + appUUID, response{200, js, "1.0.0", nil, strings.Replace(okApp, `"zrc"`, `"xyz"`, 1)}, "autorisaties.0.component"},
		{"NullNotNullable", "GET", "/applicaties/" + appUUID, response{200, js, "1.0.0", nil, strings.Replace(okApp, `"label":"Zaakregister"`, `"label":null`, 1)}, "label"},
		{"URIFormat", "GET", "/applicaties/" + appUUID, response{200, js, "1.0.0", nil, strings.Replace(okApp, appURL, "applicaties/1", 1)}, "not an absolute http(s) URL"},
		{"WrongType", "GET", "/applicaties/" + appUUID, response{200, js, "1.0.0", nil, strings.Replace(okApp, `"heeftAlleAutorisaties":false`, `"heeftAlleAutorisaties":"nee"`, 1)}, "heeftAlleAutorisaties"},
		{"ListNextNotURI", "GET", "/applicaties", response{200, js, "1.0.0", nil, `{"count":1,"next":"pagina 2","previous":null,"results":[]}`}, "next"},
		{"StatusNotDeclared", "GET", "/applicaties", response{404, problem, "1.0.0", nil, okProblem}, "status 404 is not declared"},
		{"MissingAPIVersion", "GET", "/applicaties/" + appUUID, response{200, js, "-", nil, okApp}, "header API-version"},
		{"WrongAPIVersion", "GET", "/applicaties/" + appUUID, response{200, js, "1.1.0", nil, okApp}, `want "1.0.0"`},
		{"WrongContentType", "GET", "/applicaties/" + appUUID, response{200, "text/html", "1.0.0", nil, okApp}, "text/html"},
		{"ProblemAsJSON", "GET", "/applicaties/" + appUUID, response{404, js, "1.0.0", nil, okProblem}, "application/json"},
		{"ProblemMissingFields", "GET", "/applicaties/" + appUUID, response{404, problem, "1.0.0", nil, `{"code":"not_found"}`}, `property "title" is missing`},
		{"UndeclaredProblemMissingFields", "GET", "/applicaties/" + appUUID, response{500, problem, "1.0.0", nil, `{"detail":"boom"}`}, "missing"},
		{"ValidationProblemWithoutInvalidParams", "POST", "/applicaties", response{400, problem, "1.0.0", nil, okProblem}, "invalidParams"},
		{"BodyOn204", "DELETE", "/applicaties/" + appUUID, response{204, js, "1.0.0", nil, "{}"}, "no body"},
		{"MissingLocation", "POST", "/applicaties", response{201, js, "1.0.0", nil, okApp}, "Location is missing"},
		{"UnknownPathWithSuccess", "GET", "/onbekend", response{200, js, "1.0.0", nil, "{}"}, "does not have"},
		{"304WithoutIfNoneMatch", "GET", "/applicaties/" + appUUID, response{304, "", "1.0.0", map[string]string{"ETag": `"x"`}, ""}, "If-None-Match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftb := &fakeTB{}
			h := oastest.Validate(ftb, spec, root, tt.response)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, root+tt.path, nil))
			if rec.Code != tt.response.status || rec.Body.String() != tt.response.body {
				t.Errorf("response not passed through: %d %q", rec.Code, rec.Body.String())
			}
			switch {
			case tt.wantErr == "" && len(ftb.errors) > 0:
				t.Errorf("valid response failed the test:\n%s", strings.Join(ftb.errors, "\n"))
			case tt.wantErr != "" && len(ftb.errors) == 0:
				t.Errorf("invalid response passed; want a failure mentioning %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(ftb.errors[0], tt.wantErr):
				t.Errorf("failure does not mention %q:\n%s", tt.wantErr, ftb.errors[0])
			}
		})
	}
}

func TestValidate_OutsideRootNotChecked(t *testing.T) {
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/elders", root + "extra", "/metrics"} {
		ftb := &fakeTB{}
		h := oastest.Validate(ftb, spec, root, response{418, "text/plain", "-", nil, "x"})
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", target, nil))
		if len(ftb.errors) > 0 {
			t.Errorf("%s checked: %s", target, ftb.errors)
		}
	}
}

func TestValidateExcept_BodyDeviation(t *testing.T) {
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	dev := oastest.BodyDeviations{"applicatie_consumer": "the standard's text and Open Zaak return one Applicatie"}
	tests := []struct {
		name     string
		response response
		wantErr  string
	}{
		{"ObjectAccepted", response{200, "application/json", "1.0.0", nil, okApp}, ""},
		{"ContentTypeStillChecked", response{200, "text/plain", "1.0.0", nil, okApp}, "text/plain"},
		{"ErrorsStillChecked", response{404, "application/problem+json", "1.0.0", nil, `{}`}, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftb := &fakeTB{}
			h := oastest.ValidateExcept(ftb, spec, root, tt.response, dev)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", root+"/applicaties/consumer?clientId=x", nil))
			switch {
			case tt.wantErr == "" && len(ftb.errors) > 0:
				t.Errorf("failed: %s", ftb.errors)
			case tt.wantErr != "" && (len(ftb.errors) == 0 || !strings.Contains(ftb.errors[0], tt.wantErr)):
				t.Errorf("want a failure mentioning %q, got %q", tt.wantErr, ftb.errors)
			}
		})
	}
}

func TestValidate_MessageIsReadable(t *testing.T) {
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	ftb := &fakeTB{}
	h := oastest.Validate(ftb, spec, root, response{200, "application/json", "1.0.0", nil, `{"url":"` + appURL + `","clientIds":[]}`})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", root+"/applicaties/"+appUUID, nil))
	if len(ftb.errors) != 1 {
		t.Fatalf("%d failures, want 1", len(ftb.errors))
	}
	for _, want := range []string{"GET " + root + "/applicaties/" + appUUID, "-> 200", "applicatie_read", "autorisaties-1.0.0", "body: {"} {
		if !strings.Contains(ftb.errors[0], want) {
			t.Errorf("message lacks %q:\n%s", want, ftb.errors[0])
		}
	}
}

func TestValidate_ZakenHEADAndConditional(t *testing.T) {
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	const path = "/zaken/api/v1/zaken/" + appUUID
	headers := map[string]string{"ETag": `"abc"`, "Content-Crs": "EPSG:4326"}
	tests := []struct {
		name     string
		method   string
		response response
		wantErr  string
	}{
		{"HEADWithHeaders", "HEAD", response{200, "application/json", "1.5.1", headers, ""}, ""},
		{"HEADNotFoundFromGET", "HEAD", response{404, "application/problem+json", "1.5.1", nil, ""}, ""},
		{"HEADWithoutETag", "HEAD", response{200, "application/json", "1.5.1", map[string]string{"Content-Crs": "EPSG:4326"}, ""}, "ETag is missing"},
		{"HEADWithBody", "HEAD", response{200, "application/json", "1.5.1", headers, "{}"}, "no body"},
		{"NotModified", "GET", response{304, "", "1.5.1", map[string]string{"ETag": `"abc"`}, ""}, ""},
		{"NotModifiedWithoutETag", "GET", response{304, "", "1.5.1", nil, ""}, "without ETag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftb := &fakeTB{}
			h := oastest.Validate(ftb, spec, "/zaken/api/v1", tt.response)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(tt.method, path, nil))
			switch {
			case tt.wantErr == "" && len(ftb.errors) > 0:
				t.Errorf("valid response failed:\n%s", strings.Join(ftb.errors, "\n"))
			case tt.wantErr != "" && (len(ftb.errors) == 0 || !strings.Contains(ftb.errors[0], tt.wantErr)):
				t.Errorf("want a failure mentioning %q, got %q", tt.wantErr, ftb.errors)
			}
		})
	}
}

func TestValidateDeviating_StatusDeviation(t *testing.T) {
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	path := root + "/applicaties/" + appUUID
	dev := oastest.StatusDeviations{"applicatie_read": {Answered: 203, Declared: 200, Reason: "test"}}
	tests := []struct {
		name     string
		response response
		wantErr  string
	}{
		{"MappedStatusCheckedAsDeclared", response{203, "application/json", "1.0.0", nil, okApp}, ""},
		{"MappedStatusBodyStillChecked", response{203, "application/json", "1.0.0", nil, `{"url": 1}`}, "url"},
		{"OtherStatusStillUndeclared", response{202, "application/json", "1.0.0", nil, okApp}, "not declared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftb := &fakeTB{}
			h := oastest.ValidateDeviating(ftb, spec, root, tt.response, nil, dev)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
			switch {
			case tt.wantErr == "" && len(ftb.errors) > 0:
				t.Errorf("failed: %s", ftb.errors)
			case tt.wantErr != "" && (len(ftb.errors) == 0 || !strings.Contains(ftb.errors[0], tt.wantErr)):
				t.Errorf("want a failure mentioning %q, got %q", tt.wantErr, ftb.errors)
			}
		})
	}
}

func TestValidateDeviating_NoContentForDeclaredBody(t *testing.T) {
	spec, err := oas.Load("catalogi-1.3.1")
	if err != nil {
		t.Fatal(err)
	}
	const root = "/catalogi/api/v1"
	dev := oastest.StatusDeviations{"besluittype_destroy": {Answered: 204, Declared: 200, Reason: "test"}}
	for name, tc := range map[string]struct {
		body    string
		wantErr string
	}{
		"EmptyAccepted":    {"", ""},
		"BodyStillRefused": {`{"x":1}`, "no body"},
	} {
		t.Run(name, func(t *testing.T) {
			ftb := &fakeTB{}
			h := oastest.ValidateDeviating(ftb, spec, root, response{204, "", "1.3.1", nil, tc.body}, nil, dev)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("DELETE", root+"/besluittypen/"+appUUID, nil))
			switch {
			case tc.wantErr == "" && len(ftb.errors) > 0:
				t.Errorf("failed: %s", ftb.errors)
			case tc.wantErr != "" && (len(ftb.errors) == 0 || !strings.Contains(ftb.errors[0], tc.wantErr)):
				t.Errorf("want a failure mentioning %q, got %q", tc.wantErr, ftb.errors)
			}
		})
	}
}
