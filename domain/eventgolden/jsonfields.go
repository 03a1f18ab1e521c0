package eventgolden

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
)

// ownEncoding tells whether values of t have their own JSON encoding.
func ownEncoding(t reflect.Type) bool {
	for _, i := range []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()} {
		if t.Implements(i) || reflect.PointerTo(t).Implements(i) {
			return true
		}
	}
	return false
}

// jsonField is one field of a struct as encoding/json writes it.
type jsonField struct {
	name      string
	typ       reflect.Type
	depth     int  // how deep in embedded structs it was declared
	tagged    bool // its name comes from a json tag
	omitEmpty bool
	asString  bool   // the ",string" option
	ref       string // the value of its ref tag (see domain.MapRefs)
}

// jsonFields returns the fields encoding/json writes for struct type t, in
// its order: those of embedded structs in their place, and of two fields
// with one name the shallower, or at equal depth the only tagged one (none
// when that does not decide).
func jsonFields(t reflect.Type) []jsonField {
	var all []jsonField
	var walk func(t reflect.Type, depth int, seen map[reflect.Type]bool)
	walk = func(t reflect.Type, depth int, seen map[reflect.Type]bool) {
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			ft := f.Type
			if f.Anonymous {
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name == "" && ft.Kind() == reflect.Struct {
					walk(ft, depth+1, seen)
					continue
				}
				if !f.IsExported() {
					continue
				}
			} else if !f.IsExported() {
				continue
			}
			jf := jsonField{name: name, typ: f.Type, depth: depth, tagged: name != "", ref: f.Tag.Get("ref")}
			if name == "" {
				jf.name = f.Name
			}
			for _, o := range strings.Split(opts, ",") {
				switch o {
				case "omitempty", "omitzero":
					jf.omitEmpty = true
				case "string":
					jf.asString = true
				}
			}
			all = append(all, jf)
		}
	}
	walk(t, 0, map[reflect.Type]bool{})

	byName := map[string][]jsonField{}
	for _, f := range all {
		byName[f.name] = append(byName[f.name], f)
	}
	var out []jsonField
	for _, f := range all {
		if dominant(byName[f.name]) == f {
			out = append(out, f)
		}
	}
	return out
}

// dominant is the field of fs, all of one name, that encoding/json writes,
// or the zero jsonField when it writes none of them.
func dominant(fs []jsonField) jsonField {
	depth := fs[0].depth
	for _, f := range fs {
		depth = min(depth, f.depth)
	}
	var top, tagged []jsonField
	for _, f := range fs {
		if f.depth == depth {
			top = append(top, f)
			if f.tagged {
				tagged = append(tagged, f)
			}
		}
	}
	switch {
	case len(top) == 1:
		return top[0]
	case len(tagged) == 1:
		return tagged[0]
	}
	return jsonField{}
}

// notes describes what else the catalogue says of f: whether it may be
// left out and whether it holds a reference.
func (f jsonField) notes() string {
	var out []string
	if f.omitEmpty {
		switch f.typ.Kind() {
		case reflect.Bool:
			out = append(out, "omitted when false")
		case reflect.Int, reflect.Int64, reflect.Uint64, reflect.Float64:
			out = append(out, "omitted when 0")
		default:
			out = append(out, "omitted when empty")
		}
	}
	if f.asString {
		out = append(out, "encoded as text")
	}
	list := f.typ.Kind() == reflect.Slice
	switch {
	case f.ref == domain.RefExtern && list:
		out = append(out, "URLs of other registries")
	case f.ref == domain.RefExtern:
		out = append(out, "URL of another registry")
	case f.ref != "" && list:
		out = append(out, fmt.Sprintf("references to `%s`", f.ref))
	case f.ref != "":
		out = append(out, fmt.Sprintf("reference to `%s`", f.ref))
	}
	return strings.Join(out, "; ")
}

// at is the JSON path of field name within path.
func at(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
