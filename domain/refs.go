package domain

import (
	"reflect"
	"sync"
)

// A struct field that holds a reference to a resource carries the tag
// ref:"<api>/<collection>" ("catalogi/zaaktypen"): its value is the
// resource's URL, which may be one of this registry or of another one; a
// field tagged ref:"url" always holds a URL of another registry. A string
// field and a list of strings can be tagged. The tags tell the one walk
// (MapRefs) where the references are, for the three conversions a
// reference goes through: from a request's URL to the form the log keeps,
// from that form to an answer's URL under the current base URL, and from
// an event written by an earlier build to the current form (see
// docs/decisions.md). Raw JSON (json.RawMessage) is the client's own and
// is never entered.

// RefExtern is the tag value of a field that always holds a URL of
// another registry.
const RefExtern = "url"

// MapRefs returns a copy of v in which every non-empty value of a field
// tagged ref is replaced by f(target, value), target being the tag's
// value. v itself is left as it was, also what it shares with the copy
// through pointers, slices and maps: a value read from a cache can be
// mapped safely. Types without ref fields are returned as they are, at the
// cost of one lookup.
func MapRefs[T any](v T, f func(target, value string) string) T {
	rv := reflect.ValueOf(&v).Elem()
	if out, changed := mapRefs(rv, "", f); changed {
		return out.Interface().(T)
	}
	return v
}

// mapRefs maps the references in v, target being the tag of the field v
// is (or is an element of), "" for none. It returns a new value and true
// when anything changed, else v and false; it never writes into v.
func mapRefs(v reflect.Value, target string, f func(target, value string) string) (reflect.Value, bool) {
	t := v.Type()
	if target == "" && !hasRefs(t) {
		return v, false
	}
	switch t.Kind() {
	case reflect.String:
		if target == "" || v.Len() == 0 {
			return v, false
		}
		s := f(target, v.String())
		if s == v.String() {
			return v, false
		}
		out := reflect.New(t).Elem()
		out.SetString(s)
		return out, true
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		elem, changed := mapRefs(v.Elem(), target, f)
		if !changed {
			return v, false
		}
		if t.Kind() == reflect.Interface {
			out := reflect.New(t).Elem()
			out.Set(elem)
			return out, true
		}
		out := reflect.New(t.Elem())
		out.Elem().Set(elem)
		return out, true
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return v, false
		}
		var out reflect.Value
		for i := range v.Len() {
			elem, changed := mapRefs(v.Index(i), target, f)
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = cloneList(v)
			}
			out.Index(i).Set(elem)
		}
		return orSame(out, v)
	case reflect.Map:
		if v.IsNil() {
			return v, false
		}
		var out reflect.Value
		for iter := v.MapRange(); iter.Next(); {
			elem, changed := mapRefs(iter.Value(), target, f)
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = reflect.MakeMapWithSize(t, v.Len())
				for it := v.MapRange(); it.Next(); {
					out.SetMapIndex(it.Key(), it.Value())
				}
			}
			out.SetMapIndex(iter.Key(), elem)
		}
		return orSame(out, v)
	case reflect.Struct:
		var out reflect.Value
		for i, f2 := range structFields(t) {
			if f2.skip {
				continue
			}
			field, changed := mapRefs(v.Field(i), f2.target, f)
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = reflect.New(t).Elem()
				out.Set(v)
			}
			out.Field(i).Set(field)
		}
		return orSame(out, v)
	}
	return v, false
}

func orSame(out, v reflect.Value) (reflect.Value, bool) {
	if out.IsValid() {
		return out, true
	}
	return v, false
}

// cloneList returns a copy of the slice or array v.
func cloneList(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Array {
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		return out
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(out, v)
	return out
}

// refField is what the walk needs of a struct field.
type refField struct {
	target string // the ref tag, "" for none
	skip   bool   // unexported, or raw JSON
}

var (
	fieldCache sync.Map // reflect.Type -> []refField
	refsCache  sync.Map // reflect.Type -> bool
	rawJSON    = reflect.TypeFor[interface{ MarshalJSON() ([]byte, error) }]()
)

func structFields(t reflect.Type) []refField {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]refField)
	}
	fs := make([]refField, t.NumField())
	for i := range fs {
		f := t.Field(i)
		fs[i] = refField{target: f.Tag.Get("ref"), skip: !f.IsExported() || isRaw(f.Type)}
	}
	fieldCache.Store(t, fs)
	return fs
}

// isRaw reports whether t is raw JSON, whose content is the client's: a
// byte slice with its own JSON encoding (json.RawMessage).
func isRaw(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && t.Implements(rawJSON)
}

// hasRefs reports whether a value of type t can hold a tagged reference.
func hasRefs(t reflect.Type) bool {
	if b, ok := refsCache.Load(t); ok {
		return b.(bool)
	}
	refsCache.Store(t, false) // a recursive type finds false while it is worked out
	var b bool
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		b = hasRefs(t.Elem())
	case reflect.Interface:
		b = true // what it holds is known only at run time
	case reflect.Struct:
		for i, f := range structFields(t) {
			if !f.skip && (f.target != "" || hasRefs(t.Field(i).Type)) {
				b = true
				break
			}
		}
	}
	refsCache.Store(t, b)
	return b
}
