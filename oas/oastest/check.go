package oastest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/zaakregister/zaakregister/oas"
)

// plumbingStatuses are the error statuses the shared HTTP plumbing can
// answer on any operation, declared there or not: unknown query parameters
// (400), authentication and scopes (403), body limit (413), content type
// (415) and internal errors (500).
var plumbingStatuses = map[int]bool{400: true, 403: true, 413: true, 415: true, 500: true}

func (c *check) operation() []string {
	var faults []string
	if c.req.Method == http.MethodHead || c.status == http.StatusNoContent || c.status == http.StatusNotModified {
		if len(c.body) > 0 {
			faults = append(faults, fmt.Sprintf("a %s response with status %d must have no body", c.req.Method, c.status))
		}
	}
	if c.status == http.StatusNotModified {
		if _, ok := c.op.HeaderParams["If-None-Match"]; !ok {
			faults = append(faults, "304 for an operation that takes no If-None-Match")
		}
		if c.header.Get("ETag") == "" {
			faults = append(faults, "304 without ETag header")
		}
		return faults
	}

	resp := c.response()
	if resp == nil {
		if !plumbingStatuses[c.status] {
			return append(faults, fmt.Sprintf("status %d is not declared (declared: %s)", c.status, c.declared()))
		}
		if c.req.Method == http.MethodHead {
			return faults
		}
		return append(faults, c.problem()...)
	}
	faults = append(faults, c.requiredHeaders(resp)...)
	if c.req.Method == http.MethodHead || c.status == http.StatusNoContent {
		// No body to check (its absence was checked above); a 204 reaches
		// here only through a StatusDeviation for a declared 200.
		return faults
	}
	if len(resp.Content) == 0 {
		if len(c.body) > 0 {
			faults = append(faults, fmt.Sprintf("status %d declares no body, got %d bytes", c.status, len(c.body)))
		}
		return faults
	}
	skipBody := c.status < 300 && c.deviations[c.op.ID] != ""
	if mt, _, _ := mime.ParseMediaType(c.header.Get("Content-Type")); skipBody && resp.Content.Get(mt) == nil {
		faults = append(faults, fmt.Sprintf("content type %q is not declared", c.header.Get("Content-Type")))
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: c.req,
			Route: &routers.Route{
				Spec: c.spec.Doc(), Path: c.op.Path, PathItem: c.op.PathItem(),
				Method: c.op.Method, Operation: c.op.OpenAPI(),
			},
		},
		Status: c.declaredStatus(),
		Header: c.header,
		Options: &openapi3filter.Options{
			ExcludeResponseBody:     skipBody,
			IncludeResponseStatus:   true,
			MultiError:              true,
			SchemaValidationOptions: oas.FormatOptions(),
		},
	}
	input.SetBodyBytes(c.body)
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		faults = append(faults, describe(err)...)
	}
	return faults
}

// response returns the declared response for the status, for a HEAD also
// from the GET beside it (a HEAD declares only 200).
func (c *check) response() *openapi3.Response {
	if r := c.op.OpenAPI().Responses.Status(c.declaredStatus()); r != nil && r.Value != nil {
		return r.Value
	}
	if c.req.Method == http.MethodHead {
		if get, ok := c.spec.Operation(http.MethodGet, c.rel); ok {
			if r := get.OpenAPI().Responses.Status(c.status); r != nil && r.Value != nil {
				return r.Value
			}
		}
	}
	return nil
}

// declaredStatus is the status the specification declares for the
// response: c.status, unless a StatusDeviation maps it.
func (c *check) declaredStatus() int {
	if d, ok := c.statuses[c.op.ID]; ok && d.Answered == c.status {
		return d.Declared
	}
	return c.status
}

func (c *check) declared() string {
	var codes []string
	for code := range c.op.OpenAPI().Responses.Map() {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return strings.Join(codes, ", ")
}

// requiredHeaders checks that a success response carries the headers its
// specification declares: ETag, Location, Content-Crs are promises the
// standard makes (RULES 2.1, 2.4, 2.5, 2.6); optional X- headers aside.
func (c *check) requiredHeaders(resp *openapi3.Response) []string {
	if c.status < 200 || c.status > 299 {
		return nil
	}
	var faults []string
	for name := range resp.Headers {
		if strings.HasPrefix(strings.ToLower(name), "x-") {
			continue
		}
		if c.header.Get(name) == "" {
			faults = append(faults, fmt.Sprintf("declared header %s is missing", name))
		}
	}
	sort.Strings(faults)
	return faults
}

// problem validates an error response the operation does not declare
// against the specification's own Fout (or, for 400, ValidatieFout).
func (c *check) problem() []string {
	var faults []string
	if mt, _, _ := mime.ParseMediaType(c.header.Get("Content-Type")); mt != "application/problem+json" {
		faults = append(faults, fmt.Sprintf("an error response must be application/problem+json, got %q", c.header.Get("Content-Type")))
	}
	if c.req.Method == http.MethodHead {
		return faults
	}
	name := "Fout"
	if c.status == http.StatusBadRequest {
		name = "ValidatieFout"
	}
	ref := c.spec.Doc().Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return faults
	}
	var value any
	if err := json.Unmarshal(c.body, &value); err != nil {
		return append(faults, fmt.Sprintf("error body is no JSON: %v", err))
	}
	opts := append(oas.FormatOptions(), openapi3.MultiErrors(), openapi3.VisitAsResponse())
	if err := ref.Value.VisitJSON(value, opts...); err != nil {
		faults = append(faults, "error body does not match schema "+name+":")
		faults = append(faults, describe(err)...)
	}
	if status, _ := value.(map[string]any)["status"].(float64); int(status) != c.status {
		faults = append(faults, fmt.Sprintf("problem status is %v, response status %d", status, c.status))
	}
	return faults
}

// describe flattens kin-openapi's (multi-)errors into one line each.
func describe(err error) []string {
	var me openapi3.MultiError
	if errors.As(err, &me) {
		var out []string
		for _, e := range me {
			out = append(out, describe(e)...)
		}
		return out
	}
	var re *openapi3filter.ResponseError
	if errors.As(err, &re) {
		if re.Err == nil {
			return []string{re.Reason}
		}
		var inner []string
		for _, line := range describe(re.Err) {
			inner = append(inner, re.Reason+": "+line)
		}
		return inner
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		path := strings.Join(se.JSONPointer(), ".")
		if path == "" {
			path = "(body)"
		}
		return []string{fmt.Sprintf("%s: %s (value %s)", path, se.Reason, short(se.Value))}
	}
	return []string{err.Error()}
}

func short(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 120 {
		return string(b[:120]) + "..."
	}
	return string(b)
}
