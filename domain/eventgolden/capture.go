package eventgolden

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

// Stored is one event as the log keeps it: type name, schema version, and
// data and metadata byte for byte as stored.
type Stored struct {
	Type          string
	SchemaVersion int
	Data          []byte
	Metadata      []byte
}

// MetadataFile is the golden file, relative to domain/, of the metadata
// of the events, whose format is part of the log's contract too.
const MetadataFile = "testdata/metadata.v1.json"

// Capture writes the golden files of the event types listed (the Events
// of one or more contexts; a type's context is the folder
// domainDir/<context>) from events, in log order: per event type and
// schema version the data of the event with the most values filled (the
// first of equals), so that a flag only some events carry (a correctie, a
// geforceerde change) is in it; and the richest metadata to MetadataFile.
// Events of types not listed are left out. A file that exists is kept: a
// frozen version stays as written. When a listed event type has no event
// of its schema version, Capture fails, listing them, and writes nothing.
func Capture(t testing.TB, domainDir string, listed []domain.EventInfo, events []Stored) {
	t.Helper()
	type key struct {
		typ     string
		version int
	}
	best := map[key]Stored{}
	var order []key
	var meta []byte
	seen := map[key]bool{}
	for _, e := range events {
		k := key{e.Type, e.SchemaVersion}
		b, ok := best[k]
		if !ok {
			order = append(order, k)
		}
		if !ok || richness(t, e.Data) > richness(t, b.Data) {
			best[k] = e
		}
		if meta == nil || richness(t, e.Metadata) > richness(t, meta) {
			meta = e.Metadata
		}
		seen[k] = true
	}
	var missing []string
	types := map[string]bool{}
	for _, info := range listed {
		types[info.Type] = true
		if !seen[key{info.Type, info.Version}] {
			missing = append(missing, FileName(info.Type, info.Version))
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		t.Fatalf("no event of %d event types at their schema version was written, so no golden file was:\n\t%s", len(missing), strings.Join(missing, "\n\t"))
	}
	for _, k := range order {
		if types[k.typ] {
			writeNew(t, filepath.Join(domainDir, contextOf(k.typ), filepath.FromSlash(Dir), FileName(k.typ, k.version)), best[k].Data)
		}
	}
	writeNew(t, filepath.Join(domainDir, filepath.FromSlash(MetadataFile)), meta)
}

// writeNew writes data, indented by two spaces with its keys in the order
// stored, to path unless path exists.
func writeNew(t testing.TB, path string, data []byte) {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "  "); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out.WriteByte('\n')
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		t.Logf("kept %s", path)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Write(out.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// richness counts the keys, elements and filled values of a JSON document:
// the higher, the more of an event's fields its golden file shows.
func richness(t testing.TB, data []byte) int {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var count func(v any) int
	count = func(v any) int {
		switch v := v.(type) {
		case map[string]any:
			n := 0
			for _, x := range v {
				n += 1 + count(x)
			}
			return n
		case []any:
			n := 0
			for _, x := range v {
				n += 1 + count(x)
			}
			return n
		case string:
			if v != "" {
				return 1
			}
		case float64:
			return 1
		case bool:
			if v {
				return 1
			}
		}
		return 0
	}
	return count(v)
}
