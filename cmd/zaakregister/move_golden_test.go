package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/migrations"
	"github.com/zaakregister/zaakregister/pgtest"
)

// goldenLog is the log of the case of TestEventGolden_Capture as the build
// before references without a base URL (2488906) wrote it under
// testBaseURL: 177 events of schema version 1 of 46 types. The other
// types of the case were in streams it deleted, which the log no longer
// holds; their golden files (domain/*/testdata/events) are checked by
// each context's TestEvents_Golden. The file is kept as it was written
// and never regenerated.
const goldenLog = "testdata/log-v1.jsonl"

// TestMove_GoldenLog: the frozen log of the build before, loaded into a
// new database, projects and renders under another base URL with the
// former one for an alias: every list and resource answers, no answer
// names the former host or shows a reference as the log keeps it, and a
// rebuild of every read model answers the same bytes.
func TestMove_GoldenLog(t *testing.T) {
	db := pgtest.New(t)
	types := loadLog(t, db, goldenLog)
	if len(types) != 46 {
		t.Fatalf("the log holds %d event types, want the 46 it was written with", len(types))
	}
	t.Setenv("ZAAKREGISTER_URL_ALIASES", testBaseURL)
	g := openRegistryAt(t, db, movedBaseURL, true)
	caughtUp(t, g)
	g.cli("client", "add", "admin", "--secret", "geheim") // the applicatie of admin is in the log
	tok := token(t, "admin", "geheim")

	paths := []string{acRoot + "/applicaties"}
	for _, list := range []string{catalogiRoot + "/catalogussen", catalogiRoot + "/zaaktypen?status=alles",
		catalogiRoot + "/statustypen?status=alles", catalogiRoot + "/roltypen?status=alles", catalogiRoot + "/resultaattypen?status=alles",
		catalogiRoot + "/eigenschappen?status=alles", catalogiRoot + "/zaakobjecttypen",
		catalogiRoot + "/zaaktype-informatieobjecttypen?status=alles", catalogiRoot + "/informatieobjecttypen?status=alles",
		catalogiRoot + "/besluittypen?status=alles", zrcRoot + "/zaken", zrcRoot + "/statussen", zrcRoot + "/rollen",
		zrcRoot + "/resultaten", zrcRoot + "/zaakobjecten", zrcRoot + "/zaakinformatieobjecten", zrcRoot + "/klantcontacten",
		zrcRoot + "/zaakcontactmomenten", zrcRoot + "/zaakverzoeken"} {
		paths = append(paths, list)
		for _, u := range listURLs(t, getAll(t, g, tok, []string{list})[list]) {
			paths = append(paths, movePath(u))
			if strings.HasPrefix(list, zrcRoot+"/zaken") {
				paths = append(paths, movePath(u)+"?expand="+moveExpand, movePath(u)+"/audittrail", movePath(u)+"/zaakeigenschappen",
					movePath(u)+"/besluiten")
			}
		}
	}
	before := getAll(t, g, tok, paths)
	for path, body := range before {
		if strings.Contains(string(body), "zaakregister.test") {
			t.Errorf("GET %s names the former host: %s", path, body)
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		walkStrings(v, "", func(at, s string) {
			if unrendered.MatchString(s) {
				t.Errorf("GET %s: %s is %s, a reference as the log keeps it", path, at, s)
			}
		})
	}
	if z := string(before[zrcRoot+"/zaken"]); !strings.Contains(z, `"zaaktype":"`+movedBaseURL+catalogiRoot+"/zaaktypen/") {
		t.Errorf("the zaken do not name their zaaktype under the new host: %s", z)
	}

	g.cli("projections", "rebuild", "all")
	after := getAll(t, openRegistryAt(t, db, movedBaseURL, true), tok, paths)
	for _, path := range paths {
		if string(after[path]) != string(before[path]) {
			t.Errorf("GET %s differs after a rebuild:\n%s\n%s", path, before[path], after[path])
		}
	}
}

// loadLog appends the events of file (one JSON object a line, in log
// order) to the log of database dbURL as they were stored, schema version
// and metadata included, and returns the event types it holds.
func loadLog(t *testing.T, dbURL, file string) map[string]bool {
	t.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := migrations.Apply(ctx, pool); err != nil {
		t.Fatal(err)
	}
	store := postgres.New(pool)
	defer store.Close()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	types := map[string]bool{}
	lines := bufio.NewScanner(f)
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		var e struct {
			Stream        string              `json:"stream"`
			Revision      uint64              `json:"revision"`
			ID            string              `json:"id"`
			Type          string              `json:"type"`
			SchemaVersion int                 `json:"schemaVersion"`
			Data          json.RawMessage     `json:"data"`
			Metadata      eventstore.Metadata `json:"metadata"`
		}
		if err := json.Unmarshal(lines.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		expected := eventstore.NoStream()
		if e.Revision > 0 {
			expected = eventstore.Exact(e.Revision - 1)
		}
		if _, err := store.Append(ctx, e.Stream, expected, eventstore.EventData{ID: e.ID, Type: e.Type,
			SchemaVersion: e.SchemaVersion, Data: e.Data, Metadata: e.Metadata}); err != nil {
			t.Fatalf("append %s %s: %v", e.Stream, e.Type, err)
		}
		types[e.Type] = true
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	return types
}

// listURLs returns the urls of the resources of a list answer, paginated
// or not (zaakinformatieobjecten).
func listURLs(t *testing.T, body []byte) []string {
	t.Helper()
	var page struct {
		Results []struct{ URL string }
	}
	var all []struct{ URL string }
	if json.Unmarshal(body, &all) != nil {
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		all = page.Results
	}
	var out []string
	for _, r := range all {
		out = append(out, r.URL)
	}
	return out
}
