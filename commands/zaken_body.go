package commands

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
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
	bases    []string // the base URL and its aliases, for the references sent (zgw.BaseURLs)
}

// decodeChange decodes the body of r strictly into T (unknown fields and
// wrong types refused, readOnly fields accepted and ignored), refuses it
// at once when it breaks the request schema of the operation in the OAS
// (checkOAS) and keeps the raw body of a PATCH (partial).
func decodeChange[T any](r *http.Request, partial bool, readOnly ...string) (change[T], error) {
	c := change[T]{partial: partial, readOnly: readOnly, bases: zgw.BaseURLs(r.Context())}
	if r.Body == nil {
		r.Body = http.NoBody
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, zgw.MaxBodyBytes+1))
	if err != nil {
		return c, &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "De request body kon niet gelezen worden."}
	}
	c.raw = raw
	r.Body = io.NopCloser(bytes.NewReader(raw))
	d, err := decodeBody(r, &c.body, readOnly...)
	if err != nil {
		return c, err
	}
	return c, d.schema
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
	return domain.LocalizeRefs(c.bases, out), err
}
