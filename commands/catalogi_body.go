package commands

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
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

// decodeBody decodes the JSON body of r into dst like zgw.DecodeJSON
// (strict types, unknown fields refused, readOnly accepted and ignored) and
// returns the fields present. A PATCH needs them: a field sent as null
// clears it, a field not sent stays as it was, and the decoded struct
// alone cannot tell the two apart.
func decodeBody(r *http.Request, dst any, readOnly ...string) (fields, error) {
	if r.Body == nil {
		r.Body = http.NoBody
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, zgw.MaxBodyBytes+1))
	if err != nil {
		return nil, &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "De request body kon niet gelezen worden."}
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	if err := zgw.DecodeJSON(r, dst, readOnly...); err != nil {
		return nil, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return nil, domain.Invalid("nonFieldErrors", "invalid", "Ongeldige data: verwacht een object.")
	}
	present := fields{}
	for k := range top {
		present[k] = true
	}
	return present, nil
}

// decodeFor decodes the body of a POST, PUT (partial false: every field
// counts) or PATCH (partial true: only the fields sent count).
func decodeFor(r *http.Request, dst any, partial bool, readOnly ...string) (fields, error) {
	f, err := decodeBody(r, dst, readOnly...)
	if err != nil || !partial {
		return nil, err
	}
	return f, nil
}

// combine reports the faults found while resolving a request's references
// (refs) together with the domain's verdict (err): the domain's faults on
// fields that refs already names are left out, because a reference that
// did not resolve is reported once, as what went wrong with it. An error
// of another kind (not found, conflict, a failure) wins over both.
func combine(refs, err error) error {
	var de *domain.Error
	if err != nil && (!errors.As(err, &de) || de.Kind != domain.KindInvalid) {
		return err
	}
	if refs == nil {
		return err
	}
	var re *domain.Error
	if !errors.As(refs, &re) {
		return refs
	}
	var p domain.Problems
	named := map[string]bool{}
	for _, ip := range re.Params {
		named[ip.Name] = true
		p.Add(ip.Name, ip.Code, ip.Reason)
	}
	if de != nil {
		for _, ip := range de.Params {
			if !named[ip.Name] {
				p.Add(ip.Name, ip.Code, ip.Reason)
			}
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
