package commands

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/zgw"
)

// zakenSpec is the Zaken API's OAS, whose schemas validate the nested
// objects the domain keeps as raw JSON: zaakgeometrie, the
// betrokkeneIdentificatie of a rol per betrokkeneType and the
// objectIdentificatie of a zaakobject per objectType.
func zakenSchemas() (openapi3.Schemas, error) {
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		return nil, err
	}
	return spec.Doc().Components.Schemas, nil
}

// checkSchema validates the JSON value raw of field against schema s and
// adds what is wrong to p. Null and absent values are the caller's
// business.
func checkSchema(p *domain.Problems, field string, s *openapi3.Schema, raw json.RawMessage) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		p.Add(field, "invalid", "Ongeldige JSON.")
		return
	}
	err := s.VisitJSON(v, openapi3.MultiErrors())
	var me openapi3.MultiError
	if !errors.As(err, &me) {
		me = openapi3.MultiError{err}
	}
	for _, e := range me {
		if e == nil {
			continue
		}
		name, reason := field, e.Error()
		var se *openapi3.SchemaError
		if errors.As(e, &se) {
			if ptr := se.JSONPointer(); len(ptr) > 0 {
				name = field + "." + strings.Join(ptr, ".")
			}
			reason = se.Reason
		}
		p.Add(name, "invalid", reason)
	}
}

// variantProperty returns the schema of property prop of the variant the
// discriminator of schema base maps value to (a rol's betrokkeneIdentificatie
// for its betrokkeneType, a zaakobject's objectIdentificatie for its
// objectType), or nil when the variant has none.
func variantProperty(schemas openapi3.Schemas, base, value, prop string) *openapi3.Schema {
	b := schemas[base]
	if b == nil || b.Value == nil || b.Value.Discriminator == nil {
		return nil
	}
	ref, ok := b.Value.Discriminator.Mapping[value]
	if !ok {
		return nil
	}
	variant := schemas[strings.TrimPrefix(ref.Ref, "#/components/schemas/")]
	if variant == nil || variant.Value == nil {
		return nil
	}
	return findProperty(variant.Value, prop)
}

// findProperty looks for prop in s and the parts of its allOf.
func findProperty(s *openapi3.Schema, prop string) *openapi3.Schema {
	if p := s.Properties[prop]; p != nil && p.Value != nil {
		return p.Value
	}
	for _, part := range s.AllOf {
		if part.Value == nil {
			continue
		}
		if found := findProperty(part.Value, prop); found != nil {
			return found
		}
	}
	return nil
}

// checkVariant validates raw, the value of prop, against the variant of
// base for discriminator value; a variant without prop accepts anything.
func checkVariant(p *domain.Problems, base, value, prop string, raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	schemas, err := zakenSchemas()
	if err != nil {
		return err
	}
	if s := variantProperty(schemas, base, value, prop); s != nil {
		checkSchema(p, prop, s, raw)
	}
	return nil
}

// checkNamedSchema validates raw, the value of field, against the Zaken
// OAS's component schema name; null or absent is not checked.
func checkNamedSchema(p *domain.Problems, field, name string, raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	schemas, err := zakenSchemas()
	if err != nil {
		return err
	}
	if s := schemas[name]; s != nil && s.Value != nil {
		checkSchema(p, field, s.Value, raw)
	}
	return nil
}

// checkGeometrie checks a zaakgeometrie as GeoJSON (RFC 7946): the OAS's
// GeoJSONGeometry is a oneOf without discriminator mapping that a Polygon
// matches twice, so the shape is checked in Go, as _zoek checks its within.
func checkGeometrie(p *domain.Problems, raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		p.Add("zaakgeometrie", "invalid", "Ongeldige JSON.")
		return
	}
	if reason := zgw.CheckGeoJSON(v); reason != "" {
		p.Add("zaakgeometrie", "invalid", "Ongeldige GeoJSON-geometrie: "+reason)
	}
}
