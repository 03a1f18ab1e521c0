package zgw

import (
	"cmp"
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
//
// The path to the value being walked is a stack of segments, pushed and
// popped on the way down and up; it becomes a string only when a problem
// is reported. Building it at every level instead made a deeply nested
// body cost memory quadratic in its depth.
type decoder struct {
	// readOnly are the read-only field paths, split at the dots.
	readOnly [][]string
	// strict refuses fields the target does not have; otherwise they are
	// dropped and counted in ignored, as Django REST framework ignores them.
	strict   bool
	ignored  int
	path     []segment
	problems domain.Problems
	reported int
}

// segment is one step of a path: an object key, or a list index.
type segment struct {
	key   string
	index int // -1 for a key
}

// maxProblems bounds the invalidParams of one body: past it, a body of a
// million wrong values would cost a million reports.
const maxProblems = 100

func newDecoder(readOnly []string) *decoder {
	d := &decoder{}
	for _, name := range readOnly {
		d.readOnly = append(d.readOnly, strings.Split(name, "."))
	}
	return d
}

func (d *decoder) push(key string, index int) { d.path = append(d.path, segment{key, index}) }
func (d *decoder) pop()                       { d.path = d.path[:len(d.path)-1] }

// add reports a problem at the current path.
func (d *decoder) add(code, reason string) {
	d.reported++
	if d.reported > maxProblems {
		return
	}
	d.problems.Add(d.name(), code, reason)
}

// name is the invalidParam name of the current path ("autorisaties.0.scopes");
// the document itself is "nonFieldErrors", as in the reference
// implementation.
func (d *decoder) name() string {
	var b strings.Builder
	for i, s := range d.path {
		if i > 0 {
			b.WriteByte('.')
		}
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(s.key)
		}
	}
	return cmp.Or(b.String(), "nonFieldErrors")
}

// isReadOnly reports whether key, inside the current path, is a read-only
// field; list indices do not count ("rollen.url" is the url of any rol).
func (d *decoder) isReadOnly(key string) bool {
	for _, name := range d.readOnly {
		if d.fieldIs(name, key) {
			return true
		}
	}
	return false
}

func (d *decoder) fieldIs(name []string, key string) bool {
	i := 0
	for _, s := range d.path {
		if s.index >= 0 {
			continue
		}
		if i >= len(name)-1 || name[i] != s.key {
			return false
		}
		i++
	}
	return i == len(name)-1 && name[i] == key
}

// nulls refuses every string and object key anywhere in v, the nested
// JSON the domain keeps as it is included, that holds a NUL character:
// PostgreSQL's text and jsonb cannot store one, so such a value would pass
// into the log and stop at the read model. The reference implementation
// refuses them too (Django REST framework's ProhibitNullCharactersValidator).
func (d *decoder) nulls(v any) {
	refuse := func() { d.add("null_characters_not_allowed", "Null-tekens zijn niet toegestaan.") }
	switch x := v.(type) {
	case string:
		if strings.ContainsRune(x, 0) {
			refuse()
		}
	case []any:
		for i, item := range x {
			d.push("", i)
			d.nulls(item)
			d.pop()
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if strings.ContainsRune(k, 0) {
				refuse()
				continue
			}
			d.push(k, -1)
			d.nulls(x[k])
			d.pop()
		}
	}
}

// walk checks v against t at the current path and returns v without
// read-only fields.
func (d *decoder) walk(v any, t reflect.Type) any {
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
			d.wrongType("getal", v)
		}
		return v
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		if _, ok := v.(string); !ok {
			d.wrongType("tekst (base64)", v)
		} else {
			d.checkUnmarshal(v, t)
		}
		return v
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		d.checkUnmarshal(v, t)
		return v
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		if _, ok := v.(string); !ok {
			d.wrongType("tekst", v)
		} else {
			d.checkUnmarshal(v, t)
		}
		return v
	}
	switch t.Kind() {
	case reflect.Interface:
		return v
	case reflect.String:
		if _, ok := v.(string); !ok {
			d.wrongType("tekst", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			d.wrongType("boolean", v)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := v.(json.Number); !ok {
			d.wrongType("geheel getal", v)
		} else if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			d.add("invalid", "Geen geldig geheel getal binnen het toegestane bereik.")
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n, ok := v.(json.Number); !ok {
			d.wrongType("geheel getal", v)
		} else if _, err := strconv.ParseUint(string(n), 10, t.Bits()); err != nil {
			d.add("invalid", "Geen geldig positief geheel getal binnen het toegestane bereik.")
		}
	case reflect.Float32, reflect.Float64:
		if n, ok := v.(json.Number); !ok {
			d.wrongType("getal", v)
		} else if _, err := strconv.ParseFloat(string(n), t.Bits()); err != nil {
			d.add("invalid", "Geen geldig getal.")
		}
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			d.wrongType("lijst", v)
			return v
		}
		for i := range list {
			d.push("", i)
			list[i] = d.walk(list[i], t.Elem())
			d.pop()
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			d.wrongType("object", v)
			return v
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			d.push(k, -1)
			obj[k] = d.walk(obj[k], t.Elem())
			d.pop()
		}
	case reflect.Struct:
		return d.walkStruct(v, t)
	default:
		d.add("invalid", "Dit veld kan niet gezet worden.")
	}
	return v
}

func (d *decoder) walkStruct(v any, t reflect.Type) any {
	obj, ok := v.(map[string]any)
	if !ok {
		d.wrongType("object", v)
		return v
	}
	fields := jsonFields(t)
	// Sorted, so that the same body always gets the same invalidParams.
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		item := obj[k]
		f, ok := fields[k]
		switch {
		case d.isReadOnly(k):
			delete(obj, k)
		case !ok && !d.strict:
			delete(obj, k)
			d.ignored++
		case !ok:
			d.push(k, -1)
			d.add("unknown-field", "Dit veld is onbekend.")
			d.pop()
		default:
			d.push(k, -1)
			obj[k] = d.walk(item, f)
			d.pop()
		}
	}
	return obj
}

// checkUnmarshal lets a type with its own decoding judge its value, so the
// fault is reported at the right path.
func (d *decoder) checkUnmarshal(v any, t reflect.Type) {
	raw, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(raw, reflect.New(t).Interface())
	}
	if err != nil {
		d.add("invalid", "Ongeldige waarde.")
	}
}

func (d *decoder) wrongType(want string, got any) {
	d.add("invalid", fmt.Sprintf("Ongeldig type: verwacht %s, ontvangen %s.", want, jsonKind(got)))
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
