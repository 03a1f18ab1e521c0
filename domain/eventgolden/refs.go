package eventgolden

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// CheckRefs runs, in the context whose package is the current directory,
// the check that every reference in its events is tagged (domain.MapRefs):
// in every golden file, each text value that is an absolute http(s) URL
// must sit in a field of the event's Go type tagged ref, or inside raw
// JSON (the client's own). An untagged URL field would keep the base URL
// of the registry in the log, and upcasting and rendering would miss it.
func CheckRefs(t *testing.T, decode Decoder) {
	t.Helper()
	entries, err := os.ReadDir(Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		eventType, _, ok := parseFileName(e.Name())
		if !ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(Dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		ev, err := decode(eventType, data)
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		paths := fieldPaths{}
		paths.collect(reflect.TypeOf(ev), "")
		var tree any
		if err := json.Unmarshal(data, &tree); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		for _, p := range untaggedURLs(tree, "", paths) {
			t.Errorf("%s: %s holds a URL, but its field has no ref tag", e.Name(), p)
		}
	}
}

// fieldPaths maps the JSON path of each field of a type (list elements as
// "[]", fields of embedded structs at their parent's level) to its kind:
// "ref" for a tagged one, "raw" for raw JSON, "" for the rest.
type fieldPaths map[string]string

func (p fieldPaths) collect(t reflect.Type, prefix string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			p[prefix] = "raw"
			return
		}
		if t.Kind() != reflect.Pointer {
			prefix += ".[]"
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for f := range fields(t) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			p.collect(f.Type, prefix)
			continue
		}
		if name == "" {
			name = f.Name
		}
		path := strings.TrimPrefix(prefix+"."+name, ".")
		if f.Tag.Get("ref") != "" {
			p[path] = "ref"
			p[path+".[]"] = "ref"
			continue
		}
		p.collect(f.Type, path)
	}
}

// fields are the exported fields of struct type t, embedded ones as such.
func fields(t reflect.Type) func(func(reflect.StructField) bool) {
	return func(yield func(reflect.StructField) bool) {
		for i := range t.NumField() {
			if f := t.Field(i); (f.IsExported() || f.Anonymous) && !yield(f) {
				return
			}
		}
	}
}

// untaggedURLs returns the paths in tree of http(s) URLs outside tagged
// fields and raw JSON.
func untaggedURLs(tree any, path string, paths fieldPaths) []string {
	switch paths[strings.TrimPrefix(path, ".")] {
	case "ref", "raw":
		return nil
	}
	var out []string
	switch v := tree.(type) {
	case string:
		if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			out = append(out, strings.TrimPrefix(path, "."))
		}
	case []any:
		for _, item := range v {
			out = append(out, untaggedURLs(item, path+".[]", paths)...)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = append(out, untaggedURLs(v[k], path+"."+k, paths)...)
		}
	}
	return out
}
