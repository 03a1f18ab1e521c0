// Package oastest checks in tests that what an API answers is what its
// OpenAPI specification promises: every response to a request under the
// API root is validated against the operation it belongs to.
package oastest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/oas"
)

// maxBodyInMessage bounds the response body quoted in a failure.
const maxBodyInMessage = 2000

// Validate wraps h so that every response to a request under root (the API
// root, "/autorisaties/api/v1") is validated against spec, and a mismatch
// fails t with a message naming the request, the operation and the fault.
// It checks:
//
//   - the API-version header, equal to the specification's version;
//   - that the status is declared for the operation. Besides the declared
//     ones it accepts 304 where the operation takes If-None-Match, the
//     statuses of the GET beside a HEAD, and the error statuses the shared
//     plumbing can answer on any operation (400, 403, 413, 415, 500) as
//     long as their body is a valid Fout or ValidatieFout;
//   - the Content-Type against the declared content, and the body against
//     its schema: required properties, nullable, enums, patterns, lengths
//     and the formats date, date-time, uri (absolute, or "" as the reference
//     implementation renders an unset URL), uuid, duration and email;
//   - the headers declared for a 2xx response (ETag, Location, Content-Crs,
//     ...) present, except optional X- headers; no body on HEAD, 204, 304.
//
// Requests for a path the specification does not have must get a problem
// response (404, 405, or 403 from authentication). The OpenAPI documents
// themselves ({root}/openapi.yaml, ...) are passed through unchecked.
// t.Errorf is the only method called on t, so Validate is safe in servers
// running on other goroutines.
func Validate(t testing.TB, spec *oas.Spec, root string, h http.Handler) http.Handler {
	return ValidateExcept(t, spec, root, h, nil)
}

// BodyDeviations names operations (by operationId) whose success body
// knowingly differs from the schema the specification declares, with the
// reason; for example applicatie_consumer, declared as an array while the
// standard's own text and the reference implementation return one
// Applicatie. Status, headers and content type are still checked.
type BodyDeviations map[string]string

// StatusDeviation is a success status the registry answers where the
// specification declares another, with the reason; the response is checked
// against what the specification declares for Declared. For example the
// Catalogi 1.3.1 file declares 200 for some creates and deletes, where the
// standard's general rule and the reference implementation answer 201 and 204.
type StatusDeviation struct {
	Answered int
	Declared int
	Reason   string
}

// StatusDeviations are StatusDeviation values by operationId.
type StatusDeviations map[string]StatusDeviation

// ValidateExcept is Validate, without checking the success bodies of the
// operations in deviations against their schema.
func ValidateExcept(t testing.TB, spec *oas.Spec, root string, h http.Handler, deviations BodyDeviations) http.Handler {
	return ValidateDeviating(t, spec, root, h, deviations, nil)
}

// ValidateDeviating is ValidateExcept that also accepts the given status
// deviations.
func ValidateDeviating(t testing.TB, spec *oas.Spec, root string, h http.Handler, deviations BodyDeviations, statuses StatusDeviations) http.Handler {
	return ValidateWith(t, spec, root, h, Deviations{Bodies: deviations, Statuses: statuses})
}

// FaultDeviation accepts the schema faults whose text matches Pattern (for
// example a pattern the specification puts on a field that is empty when
// unused), with the reason; the rest of the body is still checked.
type FaultDeviation struct {
	Pattern *regexp.Regexp
	Reason  string
}

// Deviations are everything a validation knowingly accepts.
type Deviations struct {
	Bodies   BodyDeviations
	Statuses StatusDeviations
	Faults   []FaultDeviation
}

// ValidateWith is Validate accepting the deviations d.
func ValidateWith(t testing.TB, spec *oas.Spec, root string, h http.Handler, d Deviations) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, under := strings.CutPrefix(r.URL.EscapedPath(), root)
		if !under || (rel != "" && rel[0] != '/') || isDocument(rel) {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		res := rec.Result()
		body := rec.Body.Bytes()

		c := check{spec: spec, req: r, rel: rel, status: res.StatusCode, header: res.Header, body: body, deviations: d.Bodies, statuses: d.Statuses}
		if faults := tolerate(c.run(), d.Faults); len(faults) > 0 {
			t.Errorf("%s", c.message(faults))
		}

		for k, vs := range res.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(res.StatusCode)
		_, _ = w.Write(body)
	})
}

// tolerate returns the faults no deviation accepts.
func tolerate(faults []string, accepted []FaultDeviation) []string {
	var out []string
	for _, f := range faults {
		if !slices.ContainsFunc(accepted, func(d FaultDeviation) bool { return d.Pattern.MatchString(f) }) {
			out = append(out, f)
		}
	}
	return out
}

func isDocument(rel string) bool {
	switch rel {
	case "/openapi.yaml", "/openapi.json", "/schema/openapi.yaml", "/schema/openapi.json":
		return true
	}
	return false
}

// check is the validation of one response.
type check struct {
	spec   *oas.Spec
	req    *http.Request
	rel    string
	status int
	header http.Header
	body   []byte
	op     *oas.Operation

	deviations BodyDeviations
	statuses   StatusDeviations
}

func (c *check) message(faults []string) string {
	var b strings.Builder
	opID := "no operation"
	if c.op != nil {
		opID = c.op.ID
	}
	fmt.Fprintf(&b, "oastest: %s %s -> %d (%s, %s) does not match the specification:",
		c.req.Method, c.req.URL.RequestURI(), c.status, opID, c.spec.Name())
	for _, f := range faults {
		b.WriteString("\n  - ")
		b.WriteString(f)
	}
	body := c.body
	if len(body) > maxBodyInMessage {
		body = append(bytes.Clone(body[:maxBodyInMessage]), "..."...)
	}
	fmt.Fprintf(&b, "\n  content-type: %q\n  body: %s", c.header.Get("Content-Type"), body)
	return b.String()
}

func (c *check) run() []string {
	var faults []string
	if got, want := c.header.Get("API-version"), c.spec.Version(); got != want {
		faults = append(faults, fmt.Sprintf("header API-version is %q, want %q", got, want))
	}
	op, ok := c.spec.Operation(c.req.Method, c.rel)
	if !ok {
		if c.status < 400 {
			return append(faults, fmt.Sprintf("status %d for an operation the specification does not have; want a problem response", c.status))
		}
		return append(faults, c.problem()...)
	}
	c.op = op
	return append(faults, c.operation()...)
}
