package zgw

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
)

var (
	numberType          = reflect.TypeFor[json.Number]()
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
)

// decoder walks a generic JSON tree along a Go type, collecting wrong types
// and unknown fields with their JSON paths and dropping read-only fields.
type decoder struct {
	readOnly map[string]bool
	problems domain.Problems
}

// nulls refuses every string and object key anywhere in v, the nested
// JSON the domain keeps as it is included, that holds a NUL character:
// PostgreSQL's text and jsonb cannot store one, so such a value would pass
// into the log and stop at the read model. The reference implementation
// refuses them too (Django REST framework's ProhibitNullCharactersValidator).
func (d *decoder) nulls(v any, path string) {
	refuse := func(path string) {
		d.problems.Add(nameOf(path), "null_characters_not_allowed", "Null-tekens zijn niet toegestaan.")
	}
	switch x := v.(type) {
	case string:
		if strings.ContainsRune(x, 0) {
			refuse(path)
		}
	case []any:
		for i, item := range x {
			d.nulls(item, join(path, strconv.Itoa(i)))
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if strings.ContainsRune(k, 0) {
				refuse(path)
				continue
			}
			d.nulls(x[k], join(path, k))
		}
	}
}

// walk checks v against t at path (the invalidParam name; field is the
// same path without list indices, for readOnly) and returns v without
// read-only fields.
func (d *decoder) walk(v any, t reflect.Type, path, field string) any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		return nil // null leaves the zero value; required fields are the domain's
	}
	switch {
	case t == rawMessageType:
		return v // any JSON: the caller validates it (against a schema)
	case t == numberType:
		if _, ok := v.(json.Number); !ok {
			d.wrongType(path, "getal", v)
		}
		return v
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		if _, ok := v.(string); !ok {
			d.wrongType(path, "tekst (base64)", v)
		} else {
			d.checkUnmarshal(v, t, path)
		}
		return v
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		d.checkUnmarshal(v, t, path)
		return v
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		if _, ok := v.(string); !ok {
			d.wrongType(path, "tekst", v)
		} else {
			d.checkUnmarshal(v, t, path)
		}
		return v
	}
	switch t.Kind() {
	case reflect.Interface:
		return v
	case reflect.String:
		if _, ok := v.(string); !ok {
			d.wrongType(path, "tekst", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			d.wrongType(path, "boolean", v)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := v.(json.Number); !ok {
			d.wrongType(path, "geheel getal", v)
		} else if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			d.problems.Add(nameOf(path), "invalid", "Geen geldig geheel getal binnen het toegestane bereik.")
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n, ok := v.(json.Number); !ok {
			d.wrongType(path, "geheel getal", v)
		} else if _, err := strconv.ParseUint(string(n), 10, t.Bits()); err != nil {
			d.problems.Add(nameOf(path), "invalid", "Geen geldig positief geheel getal binnen het toegestane bereik.")
		}
	case reflect.Float32, reflect.Float64:
		if n, ok := v.(json.Number); !ok {
			d.wrongType(path, "getal", v)
		} else if _, err := strconv.ParseFloat(string(n), t.Bits()); err != nil {
			d.problems.Add(nameOf(path), "invalid", "Geen geldig getal.")
		}
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			d.wrongType(path, "lijst", v)
			return v
		}
		for i := range list {
			list[i] = d.walk(list[i], t.Elem(), join(path, strconv.Itoa(i)), field)
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			d.wrongType(path, "object", v)
			return v
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			obj[k] = d.walk(obj[k], t.Elem(), join(path, k), join(field, k))
		}
	case reflect.Struct:
		return d.walkStruct(v, t, path, field)
	default:
		d.problems.Add(nameOf(path), "invalid", "Dit veld kan niet gezet worden.")
	}
	return v
}

func (d *decoder) walkStruct(v any, t reflect.Type, path, field string) any {
	obj, ok := v.(map[string]any)
	if !ok {
		d.wrongType(path, "object", v)
		return v
	}
	fields := jsonFields(t)
	// Sorted, so that the same body always gets the same invalidParams.
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		item := obj[k]
		f, ok := fields[k]
		switch {
		case d.readOnly[join(field, k)]:
			delete(obj, k)
		case !ok:
			d.problems.Add(nameOf(join(path, k)), "unknown-field", "Dit veld is onbekend.")
		default:
			obj[k] = d.walk(item, f, join(path, k), join(field, k))
		}
	}
	return obj
}

// checkUnmarshal lets a type with its own decoding judge its value, so the
// fault is reported at the right path.
func (d *decoder) checkUnmarshal(v any, t reflect.Type, path string) {
	raw, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(raw, reflect.New(t).Interface())
	}
	if err != nil {
		d.problems.Add(nameOf(path), "invalid", "Ongeldige waarde.")
	}
}

func (d *decoder) wrongType(path, want string, got any) {
	d.problems.Add(nameOf(path), "invalid", fmt.Sprintf("Ongeldig type: verwacht %s, ontvangen %s.", want, jsonKind(got)))
}

// nameOf is the invalidParam name of a path; the document itself is
// "nonFieldErrors", as in the reference implementation.
func nameOf(path string) string {
	if path == "" {
		return "nonFieldErrors"
	}
	return path
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "tekst"
	case bool:
		return "boolean"
	case json.Number:
		return "getal"
	case []any:
		return "lijst"
	case map[string]any:
		return "object"
	}
	return "null"
}

// jsonFields maps the JSON names of t's fields, including promoted fields
// of embedded structs, to their types, as encoding/json names them.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for _, f := range reflect.VisibleFields(t) {
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				continue // its fields are visible on their own
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := out[name]; !dup || len(f.Index) == 1 {
			out[name] = f.Type
		}
	}
	return out
}
