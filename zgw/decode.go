package zgw

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"unicode/utf8"

	"github.com/zaakregister/zaakregister/domain"
)

// MaxBodyBytes is the default limit on a JSON request body. Call sites that
// accept more (a document with inline content) use DecodeJSONLimit.
const MaxBodyBytes = 1 << 20

// MaxDepth is the deepest nesting of objects and lists a request body may
// have. The deepest the ZGW schemas need is a GeoJSON MultiPolygon in a
// GeometryCollection in a zaak's zaakgeometrie (8 levels); a body nested
// deeper is refused before it is parsed, so that its depth costs nothing.
const MaxDepth = 32

// DecodeJSON decodes the JSON request body into dst, a pointer to a struct
// (or map), strictly, and reports every fault at once as a *domain.Error:
//
//   - Content-Type other than application/json: KindUnsupportedMedia (415);
//   - body over MaxBodyBytes: KindTooLarge (413);
//   - malformed JSON, an empty body, data after the document or nesting
//     deeper than MaxDepth: 400 with code "parse_error";
//   - a value of the wrong JSON type: 400 "invalid" with an invalidParam
//     named by its camelCase path ("autorisaties.0.scopes"), code "invalid";
//   - a field dst does not have: ignored, as Django REST framework ignores
//     it, and counted (Instrument); refused with an invalidParam named by
//     its path with code "unknown-field" when the API has StrictBodies, or
//     outside an API.
//
// readOnly names fields that are accepted and ignored, because clients PUT
// back what they GET ("url", "uuid"); a dotted name ("rollen.url") applies
// to that field inside any element of a list. Enum values, required fields
// and formats are the domain's to check.
func DecodeJSON(r *http.Request, dst any, readOnly ...string) error {
	return DecodeJSONLimit(r, dst, MaxBodyBytes, readOnly...)
}

// DecodeJSONLimit is DecodeJSON with a body limit of limit bytes.
func DecodeJSONLimit(r *http.Request, dst any, limit int64, readOnly ...string) error {
	if rv := reflect.ValueOf(dst); rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("zgw: DecodeJSON needs a non-nil pointer, got %T", dst)
	}
	if err := checkContentType(r); err != nil {
		return err
	}
	if r.ContentLength > limit {
		return tooLarge(limit)
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "De request body kon niet gelezen worden."}
	}
	if int64(len(raw)) > limit {
		return tooLarge(limit)
	}
	if !utf8.Valid(raw) {
		// JSON is UTF-8 (RFC 8259), and PostgreSQL refuses anything else.
		return &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: "De request body is geen geldige UTF-8."}
	}
	if err := checkDepth(raw); err != nil {
		return err
	}
	tree, err := parse(raw)
	if err != nil {
		return err
	}
	if tree == nil {
		return domain.Invalid("nonFieldErrors", "invalid", "Ongeldige data: verwacht een object, ontvangen null.")
	}
	d := newDecoder(readOnly)
	a := APIFrom(r.Context())
	d.strict = a == nil || a.StrictBodies
	d.nulls(tree)
	tree = d.walk(tree, reflect.TypeOf(dst))
	if st := stateFrom(r.Context()); st != nil {
		st.ignoredFields += d.ignored
	}
	if err := d.problems.Err(); err != nil {
		return err
	}
	clean, err := json.Marshal(tree)
	if err != nil {
		return fmt.Errorf("zgw: re-encode request body: %w", err)
	}
	if err := json.Unmarshal(clean, dst); err != nil {
		// The walk checks every JSON type, so this is a value a custom
		// unmarshaller refused.
		name := "nonFieldErrors"
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			name = te.Field
		}
		return domain.Invalid(name, "invalid", "Ongeldige waarde.")
	}
	return nil
}

func checkContentType(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return &domain.Error{Kind: domain.KindUnsupportedMedia, Code: "unsupported_media_type",
			Detail: fmt.Sprintf("Ongeldige media type %q in het verzoek; verwacht application/json.", ct)}
	}
	return nil
}

func tooLarge(limit int64) error {
	return &domain.Error{Kind: domain.KindTooLarge, Code: "too_large",
		Detail: fmt.Sprintf("De request body is groter dan %d bytes.", limit)}
}

// checkDepth refuses raw when its objects and lists nest deeper than
// MaxDepth, in one pass over the bytes that allocates nothing. Malformed
// JSON passes: parse reports it.
func checkDepth(raw []byte) error {
	depth, inString, escaped := 0, false, false
	for _, c := range raw {
		switch {
		case escaped:
			escaped = false
		case inString:
			switch c {
			case '\\':
				escaped = true
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxDepth {
				return parseError(fmt.Sprintf("JSON parse error - de request body is dieper genest dan %d niveaus.", MaxDepth))
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// parse decodes raw into a generic tree with json.Number leaves and rejects
// anything but exactly one JSON document.
func parse(raw []byte) (any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, parseError("De request body is leeg.")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, parseError(fmt.Sprintf("JSON parse error - %s (positie %d).", se.Error(), se.Offset))
		}
		return nil, parseError("JSON parse error - " + err.Error() + ".")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, parseError("JSON parse error - extra data na het JSON-document.")
	}
	return tree, nil
}

func parseError(detail string) error {
	return &domain.Error{Kind: domain.KindInvalid, Code: "parse_error", Detail: detail}
}
