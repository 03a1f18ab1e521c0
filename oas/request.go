package oas

import (
	"errors"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// BodyProblem is one way a request body breaks the schema of its
// operation.
type BodyProblem struct {
	// Field is the dotted path of the value ("objectIdentificatie.huisnummer"),
	// "" for the body itself.
	Field string
	// Keyword is the schema keyword that failed: "enum", "maxLength",
	// "format", "type", "nullable", "required", "pattern", ...
	Keyword string
	// Format is the format of the schema that failed ("uri", "date"), if
	// any.
	Format string
	// Value is the value that broke the schema.
	Value any
	// Reason is kin-openapi's account of it.
	Reason string
}

// CheckRequestBody validates body, the decoded JSON of a request (as
// encoding/json decodes into any), against the application/json request
// schema of o, as a request: readOnly properties are not required, the
// ZGW string formats are checked (FormatOptions). skip names top-level
// properties left unchecked, for those a caller validates on its own
// terms. It returns nil when the body fits or o declares no such schema.
func (o *Operation) CheckRequestBody(body any, skip ...string) []BodyProblem {
	if o.op == nil || o.op.RequestBody == nil || o.op.RequestBody.Value == nil {
		return nil
	}
	mt := o.op.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return nil
	}
	if m, ok := body.(map[string]any); ok && len(skip) > 0 {
		rest := make(map[string]any, len(m))
		for k, v := range m {
			rest[k] = v
		}
		for _, k := range skip {
			delete(rest, k)
		}
		body = rest
	}
	opts := append(FormatOptions(), openapi3.MultiErrors(), openapi3.VisitAsRequest())
	err := mt.Schema.Value.VisitJSON(body, opts...)
	if err == nil {
		return nil
	}
	var me openapi3.MultiError
	if !errors.As(err, &me) {
		me = openapi3.MultiError{err}
	}
	var out []BodyProblem
	var walk func(errs openapi3.MultiError)
	walk = func(errs openapi3.MultiError) {
		for _, e := range errs {
			var nested openapi3.MultiError
			if errors.As(e, &nested) {
				walk(nested)
				continue
			}
			var se *openapi3.SchemaError
			if !errors.As(e, &se) {
				out = append(out, BodyProblem{Reason: e.Error()})
				continue
			}
			// Not se.Error(): it renders the whole schema as JSON, which
			// costs milliseconds for every problem of a large body, also
			// for those the caller goes on to ignore.
			p := BodyProblem{Field: strings.Join(se.JSONPointer(), "."), Keyword: se.SchemaField, Value: se.Value, Reason: se.Reason}
			if se.Schema != nil {
				p.Format = se.Schema.Format
			}
			out = append(out, p)
		}
	}
	walk(me)
	return out
}
