package commands

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/zgw"
)

// fields is the set of top-level fields a request body holds, null ones
// included. The nil set stands for a PUT or POST, where every field counts:
// one that is absent is empty.
type fields map[string]bool

// has reports whether field takes part in the write.
func (f fields) has(field string) bool { return f == nil || f[field] }

// set assigns v to *dst when f has field.
func set[T any](f fields, field string, dst *T, v T) {
	if f.has(field) {
		*dst = v
	}
}

// decoded is what decodeBody learnt of a request body.
type decoded struct {
	// fields are the top-level fields the body holds; nil where every
	// field counts (decodeFor of a POST or PUT).
	fields fields
	// schema holds the body's faults against the request schema of its
	// operation (checkOAS), nil when it fits. The Zaken API refuses them
	// at once; the Catalogi and Autorisaties APIs let the domain speak
	// first and report them on the fields it finds nothing wrong with
	// (combine), so that a field keeps the domain's own code.
	schema error
}

// decodeBody decodes the JSON body of r into dst like zgw.DecodeJSON
// (strict types, unknown fields refused, readOnly accepted and ignored)
// and returns the fields present and the body's schema faults. A PATCH
// needs the fields: a field sent as null clears it, a field not sent stays
// as it was, and the decoded struct alone cannot tell the two apart. The
// error is a body that cannot be decoded at all.
func decodeBody(r *http.Request, dst any, readOnly ...string) (decoded, error) {
	if r.Body == nil {
		r.Body = http.NoBody
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, zgw.MaxBodyBytes+1))
	if err != nil {
		return decoded{}, &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "De request body kon niet gelezen worden."}
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	if err := zgw.DecodeJSON(r, dst, readOnly...); err != nil {
		return decoded{}, err
	}
	// From here on a reference to a resource of this registry is kept as
	// the log keeps it (docs/decisions.md).
	v := reflect.ValueOf(dst).Elem()
	v.Set(reflect.ValueOf(zgw.LocalizeRefs(r.Context(), v.Interface())))
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return decoded{}, domain.Invalid("nonFieldErrors", "invalid", "Ongeldige data: verwacht een object.")
	}
	d := decoded{fields: fields{}, schema: checkOAS(r, raw, readOnly)}
	for k := range top {
		d.fields[k] = true
	}
	return d, nil
}

// decodeFor decodes the body of a POST, PUT (partial false: every field
// counts) or PATCH (partial true: only the fields sent count).
func decodeFor(r *http.Request, dst any, partial bool, readOnly ...string) (decoded, error) {
	d, err := decodeBody(r, dst, readOnly...)
	if !partial {
		d.fields = nil
	}
	return d, err
}

// checkOAS checks the raw JSON body of r, which decoded, against the
// request schema the OAS gives its operation: what the domain does not
// check itself (an enum value, the format of a URL, a maximum length, a
// pattern) is refused as the reference implementation refuses it. Which
// fields must be there, and not null or empty, is the domain's to say,
// with its own codes (Django runs no validator on an empty value either:
// a GET answers "" for an unset objectTypeOverige, and a PUT of it back
// must pass); readOnly fields are left out, nested ones too
// ("autorisaties.componentWeergave"), and so are those checked against
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
	seen := map[[2]string]bool{}
	for _, bp := range op.CheckRequestBody(body, slices.Concat(readOnly, ownSchemas)...) {
		if bp.Keyword == "required" || bp.Keyword == "nullable" || bp.Value == "" || within(bp.Field, readOnly) {
			continue
		}
		// A value that fits no branch of a oneOf or anyOf (an enum or a
		// blank one) fails each branch alike: report it once.
		name, code := cmp.Or(bp.Field, "nonFieldErrors"), oasCode(bp)
		if !seen[[2]string{name, code}] {
			seen[[2]string{name, code}] = true
			p.Add(name, code, bp.Reason)
		}
	}
	return p.Err()
}

// within reports whether field, a dotted path with list indices
// ("autorisaties.0.componentWeergave"), is one of names or lies under one;
// names leave the indices out, as zgw.DecodeJSON's readOnly does.
func within(field string, names []string) bool {
	var path []string
	for part := range strings.SplitSeq(field, ".") {
		if _, err := strconv.Atoi(part); err == nil {
			continue
		}
		path = append(path, part)
		if slices.Contains(names, strings.Join(path, ".")) {
			return true
		}
	}
	return false
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

// ownSchemas are the fields checkOAS leaves to their own checks: the
// GeoJSON of a zaak and the identificaties of a rol and a zaakobject, whose
// schema depends on their type (Zaken API). The Catalogi and Autorisaties
// schemas have none such.
var ownSchemas = []string{"zaakgeometrie", "betrokkeneIdentificatie", "objectIdentificatie"}

// oasCodes are the invalidParams codes of schema keywords, as Django REST
// framework names them.
var oasCodes = map[string]string{
	"enum": "invalid_choice", "maxLength": "max_length", "minLength": "min_length",
	"maximum": "max_value", "minimum": "min_value", "maxItems": "max_length", "minItems": "min_length",
}

// combine reports the faults of several sources in one answer, in order
// of precedence: the faults of a source on a field an earlier source
// already names are left out, so that each field is reported once, by the
// source that knows most about it. Callers pass the faults found while
// resolving the request's references (a reference that did not resolve is
// reported as what went wrong with it), then the domain's verdict, then,
// where they have them, the body's faults against the OAS (its own codes
// win over those of the schema). An error of another kind (not found,
// conflict, a failure) wins over all of them.
func combine(sources ...error) error {
	var faults []*domain.Error
	var last error
	for _, err := range slices.Backward(sources) {
		var de *domain.Error
		switch {
		case err == nil:
		case !errors.As(err, &de) || de.Kind != domain.KindInvalid:
			return err
		default:
			faults, last = append(faults, de), err
		}
	}
	if len(faults) < 2 {
		return last
	}
	var p domain.Problems
	named := map[string]bool{}
	for _, de := range slices.Backward(faults) {
		var here []string
		for _, ip := range de.Params {
			if !named[ip.Name] {
				p.Add(ip.Name, ip.Code, ip.Reason)
				here = append(here, ip.Name)
			}
		}
		for _, name := range here {
			named[name] = true
		}
	}
	return p.Err()
}

// gather merges a reference's fault into p; an error that is not a
// validation fault is returned.
func gather(p *domain.Problems, err error) error {
	if err == nil || p.Merge(err) {
		return nil
	}
	return err
}
