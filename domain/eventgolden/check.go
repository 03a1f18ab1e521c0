package eventgolden

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

// Decoder is a context's Decode: the stored type name and data of an event
// back to its Go value.
type Decoder func(eventType string, data []byte) (domain.Event, error)

// Check runs the golden-file test of the context whose package is the
// current directory (as in its own test) with its Decode:
//   - Decode handles exactly the event types the package declares (Types);
//   - every golden file decodes to an event of its file's type and schema
//     version, and that event encodes back to the same JSON (compared as
//     values: key order and spacing aside, a renamed, dropped or added
//     field fails);
//   - every declared event type has a golden file of the schema version
//     its Go type has now.
func Check(t *testing.T, decode Decoder) {
	t.Helper()
	files, err := parsePackage(".")
	if err != nil {
		t.Fatal(err)
	}
	declared := typeConstants(files)
	if len(declared) == 0 {
		t.Fatal("the package declares no event types (string constants named Type...)")
	}
	named, err := decodeTypes(files, declared)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]bool{}
	for _, v := range declared {
		types[v] = true
	}
	for _, typ := range sortedKeys(types) {
		if !slices.Contains(named, typ) {
			t.Errorf("Decode does not name event type %s", typ)
		}
	}
	for _, typ := range named {
		if !types[typ] {
			t.Errorf("Decode accepts %s, which is no Type constant of the package", typ)
		}
	}

	entries, err := os.ReadDir(Dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	golden := map[string]bool{}
	for _, entry := range entries {
		name := entry.Name()
		typ, version, ok := parseFileName(name)
		switch {
		case entry.IsDir() || !ok:
			t.Errorf("%s/%s is not named <event type>.v<schema version>.json", Dir, name)
			continue
		case !types[typ]:
			t.Errorf("%s/%s: the package declares no event type %s", Dir, name, typ)
			continue
		}
		golden[name] = true
		t.Run(name, func(t *testing.T) { checkFile(t, decode, filepath.Join(Dir, name), typ, version) })
	}

	for _, typ := range sortedKeys(types) {
		// The schema version an event type is written with now is its Go
		// type's; any payload gives the Go type.
		e, err := decode(typ, []byte("{}"))
		if err != nil {
			t.Errorf("Decode refuses declared event type %s: %v", typ, err)
			continue
		}
		if name := FileName(typ, e.SchemaVersion()); !golden[name] {
			t.Errorf("%s has no golden file of its schema version %d: %s/%s (see cmd/zaakregister's TestEventGolden_Capture)",
				typ, e.SchemaVersion(), Dir, name)
		}
	}
}

// checkFile checks one golden file of eventType at version.
func checkFile(t *testing.T, decode Decoder, path, eventType string, version int) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := decode(eventType, data)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if e.EventType() != eventType || e.SchemaVersion() != version {
		t.Errorf("decoded as %s version %d, want %s version %d", e.EventType(), e.SchemaVersion(), eventType, version)
	}
	again, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	var stored, encoded any
	if err := json.Unmarshal(data, &stored); err != nil {
		t.Fatalf("golden file: %v", err)
	}
	if err := json.Unmarshal(again, &encoded); err != nil {
		t.Fatal(err)
	}
	if d := diff("", stored, encoded); len(d) > 0 {
		t.Errorf("the event encodes to other JSON than stored:\n\t%s", strings.Join(d, "\n\t"))
	}
}

// diff lists where encoded differs from stored, by JSON path.
func diff(path string, stored, encoded any) []string {
	at := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch s := stored.(type) {
	case map[string]any:
		e, ok := encoded.(map[string]any)
		if !ok {
			break
		}
		keys := map[string]bool{}
		for k := range s {
			keys[k] = true
		}
		for k := range e {
			keys[k] = true
		}
		var out []string
		for _, k := range sortedKeys(keys) {
			sv, inStored := s[k]
			ev, inEncoded := e[k]
			switch {
			case !inEncoded:
				out = append(out, fmt.Sprintf("%s: stored, no longer encoded", at(k)))
			case !inStored:
				out = append(out, fmt.Sprintf("%s: encoded, not in the stored event", at(k)))
			default:
				out = append(out, diff(at(k), sv, ev)...)
			}
		}
		return out
	case []any:
		e, ok := encoded.([]any)
		if !ok || len(e) != len(s) {
			break
		}
		var out []string
		for i := range s {
			out = append(out, diff(at(strconv.Itoa(i)), s[i], e[i])...)
		}
		return out
	}
	if reflect.DeepEqual(stored, encoded) {
		return nil
	}
	if path == "" {
		path = "(the event)"
	}
	return []string{fmt.Sprintf("%s: stored %s, encoded %s", path, show(stored), show(encoded))}
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
