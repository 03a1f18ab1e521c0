package commands

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/zgw"
)

// change is a decoded write body: the fields of a POST or PUT, or for a
// PATCH the raw body, to be laid over the current state once it is
// loaded.
type change[T any] struct {
	body     T
	raw      []byte
	partial  bool
	readOnly []string
}

// decodeChange decodes the body of r strictly into T (unknown fields and
// wrong types refused, readOnly fields accepted and ignored), checks it
// against the request schema of the operation in the OAS (checkOAS) and
// keeps the raw body of a PATCH (partial).
func decodeChange[T any](r *http.Request, partial bool, readOnly ...string) (change[T], error) {
	c := change[T]{partial: partial, readOnly: readOnly}
	if r.Body == nil {
		r.Body = http.NoBody
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, zgw.MaxBodyBytes+1))
	if err != nil {
		return c, &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "De request body kon niet gelezen worden."}
	}
	c.raw = raw
	r.Body = io.NopCloser(bytes.NewReader(raw))
	if _, err := decodeBody(r, &c.body, readOnly...); err != nil {
		return c, err
	}
	return c, checkOAS(r, raw, readOnly)
}

// checkOAS checks the raw JSON body of r, which decoded, against the
// request schema the OAS gives its operation: what the domain does not
// check itself (an enum value, the format of a URL, a maximum length, a
// pattern) is refused as the reference implementation refuses it. Which
// fields must be there, and not null or empty, is the domain's to say,
// with its own codes (Django runs no validator on an empty value either:
// a GET answers "" for an unset objectTypeOverige, and a PUT of it back
// must pass); readOnly fields are left out, and so are those checked against
// their own schemas with their own field names (ownSchemas).
func checkOAS(r *http.Request, raw []byte, readOnly []string) error {
	op := zgw.OperationFrom(r.Context())
	if op == nil {
		return nil
	}
	var body any
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil // decodeBody accepted it: an empty body, which has no fields
	}
	var p domain.Problems
	for _, bp := range op.CheckRequestBody(body, slices.Concat(readOnly, ownSchemas)...) {
		if bp.Keyword == "required" || bp.Keyword == "nullable" || bp.Value == "" {
			continue
		}
		p.Add(cmp.Or(bp.Field, "nonFieldErrors"), oasCode(bp), bp.Reason)
	}
	return p.Err()
}

// oasCode is the invalidParams code of a schema violation, as the
// reference implementation (Django REST framework, vng-api-common) names
// it: "bad-url" for a URL that is not one, else by the keyword that
// failed, "invalid" where none fits better.
func oasCode(bp oas.BodyProblem) string {
	if bp.Keyword == "format" && bp.Format == "uri" {
		return "bad-url"
	}
	return cmp.Or(oasCodes[bp.Keyword], "invalid")
}

// ownSchemas are the fields checkOAS leaves to their own checks.
var ownSchemas = []string{"zaakgeometrie", "betrokkeneIdentificatie", "objectIdentificatie"}

// oasCodes are the invalidParams codes of schema keywords, as Django REST
// framework names them.
var oasCodes = map[string]string{
	"enum": "invalid_choice", "maxLength": "max_length", "minLength": "min_length",
	"maximum": "max_value", "minimum": "min_value", "maxItems": "max_length", "minItems": "min_length",
}

// over returns the new state: the body for a POST or PUT; for a PATCH the
// fields sent laid over old, where a field sent as null clears it. The
// body was checked by decodeChange, so only the merge can fail here.
func (c change[T]) over(old T) (T, error) {
	if !c.partial {
		return c.body, nil
	}
	base, err := json.Marshal(old)
	if err != nil {
		return old, err
	}
	var merged, sent map[string]json.RawMessage
	if err := json.Unmarshal(base, &merged); err != nil {
		return old, err
	}
	if err := json.Unmarshal(c.raw, &sent); err != nil {
		return old, err
	}
	for _, f := range c.readOnly {
		delete(sent, f)
	}
	maps.Copy(merged, sent)
	doc, err := json.Marshal(merged)
	if err != nil {
		return old, err
	}
	var out T
	err = json.Unmarshal(doc, &out)
	return out, err
}
