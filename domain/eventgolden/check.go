package eventgolden

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

// Decoder is a context's Decode: the stored type name and data of an event
// back to its Go value.
type Decoder func(eventType string, data []byte) (domain.Event, error)

// Check runs the golden-file test of the context whose package is the
// current directory (as in its own test), with its Decode and its Events:
//   - the list names each type once, with its schema version, stream and
//     meaning, and a notification either complete (kanaal, resource and
//     actie) or absent; New gives a value of the type and version listed;
//   - Decode reads every listed type to a value of that Go type, and
//     refuses any other type: every golden file must be of a listed type;
//   - every golden file decodes to an event of its file's type and schema
//     version, and that event encodes back to the same JSON (compared as
//     values: key order and spacing aside, a renamed, dropped or added
//     field fails);
//   - every listed event type has a golden file of its schema version.
func Check(t *testing.T, decode Decoder, events []domain.EventInfo) {
	t.Helper()
	if len(events) == 0 {
		t.Fatal("the context lists no event types")
	}
	listed := map[string]domain.EventInfo{}
	for _, info := range events {
		if _, dup := listed[info.Type]; dup {
			t.Errorf("%s is listed twice", info.Type)
		}
		listed[info.Type] = info
		checkInfo(t, decode, info)
	}
	if e, err := decode("no.such.event-type", []byte("{}")); err == nil {
		t.Errorf("Decode accepts an event type nobody listed, as %T", e)
	}

	entries, err := os.ReadDir(Dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	golden := map[string]bool{}
	for _, entry := range entries {
		name := entry.Name()
		typ, version, ok := parseFileName(name)
		_, isListed := listed[typ]
		switch {
		case entry.IsDir() || !ok:
			t.Errorf("%s/%s is not named <event type>.v<schema version>.json", Dir, name)
			continue
		case !isListed:
			t.Errorf("%s/%s: the context lists no event type %s (see its Events)", Dir, name, typ)
			continue
		}
		golden[name] = true
		t.Run(name, func(t *testing.T) { checkFile(t, decode, filepath.Join(Dir, name), listed[typ], version) })
	}
	for _, typ := range sortedKeys(listed) {
		if name := FileName(typ, listed[typ].Version); !golden[name] {
			t.Errorf("%s has no golden file of its schema version %d: %s/%s (see cmd/zaakregister's TestEventGolden_Capture)",
				typ, listed[typ].Version, Dir, name)
		}
	}
}

// checkInfo checks one entry of a context's Events against its Go type and
// Decode.
func checkInfo(t *testing.T, decode Decoder, info domain.EventInfo) {
	t.Helper()
	switch {
	case info.Type == "" || info.Version < 1 || info.New == nil:
		t.Errorf("%q: an event type needs a name, a schema version of 1 or more and a New", info.Type)
		return
	case info.Stream == "" || info.Meaning == "":
		t.Errorf("%s: an event type needs a stream and a meaning", info.Type)
	case (info.Kanaal == "") != (info.Resource == "") || (info.Kanaal == "") != (info.Actie == ""):
		t.Errorf("%s: a notification needs kanaal, resource and actie, or none of them", info.Type)
	}
	zero := info.New()
	if zero.EventType() != info.Type || zero.SchemaVersion() != info.Version {
		t.Errorf("%s version %d: New gives a %T, which is %s version %d", info.Type, info.Version,
			zero, zero.EventType(), zero.SchemaVersion())
	}
	e, err := decode(info.Type, []byte("{}"))
	if err != nil {
		t.Errorf("Decode refuses listed event type %s: %v", info.Type, err)
		return
	}
	if reflect.TypeOf(e) != reflect.TypeOf(zero) {
		t.Errorf("Decode reads %s as a %T, New gives a %T", info.Type, e, zero)
	}
}

// checkFile checks one golden file of the event type of info at version.
// A file of an older version is upcast first (info.Upcast, with the base
// URL the files were captured under). Then no reference may hold that base
// URL, and the event must encode back to the file as stored: for an older
// version, with its references rendered under the base URL again.
func checkFile(t *testing.T, decode Decoder, path string, info domain.EventInfo, version int) {
	stored, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data, upcast, err := info.Upcast([]string{Base}, version, stored)
	if err != nil {
		t.Fatalf("upcast: %v", err)
	}
	e, err := decode(info.Type, data)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if e.EventType() != info.Type || e.SchemaVersion() != upcast {
		t.Errorf("decoded as %s version %d, want %s version %d", e.EventType(), e.SchemaVersion(), info.Type, upcast)
	}
	// No event of the current version holds this registry's base URL.
	domain.MapRefs(e, func(target, ref string) string {
		if target != domain.RefExtern && strings.HasPrefix(ref, Base+"/") {
			t.Errorf("version %d holds the URL %s, not the reference the log keeps", upcast, ref)
		}
		return ref
	})
	if version < info.Version {
		e = domain.MapRefs(e, func(_, ref string) string {
			if strings.HasPrefix(ref, "/") {
				return Base + ref
			}
			return ref
		})
	}
	again, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	var was, encoded any
	if err := json.Unmarshal(stored, &was); err != nil {
		t.Fatalf("golden file: %v", err)
	}
	if err := json.Unmarshal(again, &encoded); err != nil {
		t.Fatal(err)
	}
	if d := diff("", was, encoded); len(d) > 0 {
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
