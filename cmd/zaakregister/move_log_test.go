package main

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/migrations"
)

// TestMove_LogOfTheBuildBefore: the full case with its log as the build
// before issue 14 left it (schema version 1, every reference to a
// resource of this registry an absolute URL under testBaseURL), upgraded
// (the read models emptied as migration 0015 does, and built again from
// that log) and served at movedBaseURL. With testBaseURL for an alias it
// answers and takes writes as TestMove_FullCase has it. Without, the URLs
// under the former host stay absolute: they read as references to another
// registry (docs/decisions.md, "Upcasting events written before").
func TestMove_LogOfTheBuildBefore(t *testing.T) {
	c := buildMoveCase(t)
	c.e.g.m.Close() // the build before stops writing
	dbURL := c.e.g.dbURL
	rewriteAsVersion1(t, dbURL, testBaseURL)

	upgradeReadModels(t, dbURL)
	t.Setenv("ZAAKREGISTER_URL_ALIASES", "")
	unaware := openRegistryAt(t, dbURL, movedBaseURL, true)
	caughtUp(t, unaware)
	zaak := getAll(t, unaware, c.e.admin, []string{movePath(c.zaak)})[movePath(c.zaak)]
	var z struct {
		URL, Zaaktype, Hoofdzaak string
		RelevanteAndereZaken     []struct{ URL string }
	}
	if err := json.Unmarshal(zaak, &z); err != nil {
		t.Fatal(err)
	}
	if z.Zaaktype != c.zt.url || len(z.RelevanteAndereZaken) != 1 || z.RelevanteAndereZaken[0].URL != c.andere {
		t.Errorf("without the alias: zaaktype %s, relevanteAndereZaken %v; want the URLs the log holds, under the former host",
			z.Zaaktype, z.RelevanteAndereZaken)
	}
	// The zaak itself is this registry's, and so is its hoofdzaak, which
	// must be a zaak of this registry (zrc-013): the read model keeps the
	// uuid of the hoofdzaak, whatever host the log names
	// (projections.refUUID), though the audit trail still shows the URL
	// the log holds.
	if z.URL != movedURL(c.zaak) || z.Hoofdzaak != movedURL(c.hoofdzaak) {
		t.Errorf("without the alias: url %s, hoofdzaak %s; want them under the new host", z.URL, z.Hoofdzaak)
	}
	unaware.m.Close()

	upgradeReadModels(t, dbURL)
	t.Setenv("ZAAKREGISTER_URL_ALIASES", testBaseURL)
	g := openRegistryAt(t, dbURL, movedBaseURL, true)
	caughtUp(t, g)
	c.checkMoved(t, g)
}

// rewriteAsVersion1 rewrites every event of schema version 2 in the log at
// dbURL as the build before wrote it: version 1, with every reference to a
// resource of this registry (an absolute-path reference) an absolute URL
// under base. Each rewritten event upcasts back to the bytes it had.
func rewriteAsVersion1(t *testing.T, dbURL, base string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	infos := map[string]domain.EventInfo{}
	for _, info := range slices.Concat(autorisaties.Events(), catalogi.Events(), zaken.Events()) {
		infos[info.Type] = info
	}
	rows, err := conn.Query(ctx, `SELECT seq, event_type, data::text FROM events WHERE schema_version = 2 ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	type event struct {
		seq       int64
		typ, data string
	}
	events, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (event, error) {
		var e event
		return e, r.Scan(&e.seq, &e.typ, &e.data)
	})
	if err != nil {
		t.Fatal(err)
	}
	absolute := func(_, ref string) string {
		if strings.HasPrefix(ref, "/") {
			return base + ref
		}
		return ref
	}
	types := map[string]bool{}
	for _, e := range events {
		info, ok := infos[e.typ]
		if !ok || info.Version != 2 {
			t.Fatalf("event %d: type %s of version 2 is not listed at version 2", e.seq, e.typ)
		}
		v := reflect.New(reflect.TypeOf(info.New()))
		if err := json.Unmarshal([]byte(e.data), v.Interface()); err != nil {
			t.Fatalf("event %d %s: %v", e.seq, e.typ, err)
		}
		data, err := json.Marshal(domain.MapRefs(v.Elem().Interface(), absolute))
		if err != nil {
			t.Fatal(err)
		}
		if back, version, err := info.Upcast([]string{base}, 1, data); err != nil || version != 2 || string(back) != e.data {
			t.Fatalf("event %d %s: version 1 %s upcasts to version %d %s (%v), not to what was stored: %s",
				e.seq, e.typ, data, version, back, err, e.data)
		}
		if _, err := conn.Exec(ctx, `UPDATE events SET data = $1::json, schema_version = 1 WHERE seq = $2`, string(data), e.seq); err != nil {
			t.Fatal(err)
		}
		types[e.typ] = true
	}
	var left int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM events WHERE schema_version <> 1 OR data::text ~ '"/[a-z]+/api/v1/'`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 || len(events) == 0 {
		t.Fatalf("%d events rewritten; %d still of version 2 or with an absolute-path reference", len(events), left)
	}
	t.Logf("rewrote %d events of %d types as version 1", len(events), len(types))
}

// upgradeReadModels empties the read models and their checkpoints as
// migration 0015 does when the build that keeps references without the
// base URL starts on a database of the build before; the projections then
// build them again from the log.
func upgradeReadModels(t *testing.T, dbURL string) {
	t.Helper()
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(all, func(m migrations.Migration) bool { return m.Name == "0015_references_without_base_url.sql" })
	if i < 0 {
		t.Fatal("no migration 0015_references_without_base_url.sql")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, all[i].SQL); err != nil {
		t.Fatal(err)
	}
}

// caughtUp waits until every projection of g has processed the whole log,
// none parking an event as poison.
func caughtUp(t *testing.T, g *registry) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// The position of the last event appended, from the table itself: a
	// reader of the log sees only what lies below the oldest transaction
	// open on the server (DESIGN.md rule 2), and another package's test
	// may hold one open for a moment, so ReadAll could stop short of the
	// end and the wait below return early.
	var last eventstore.Position
	if err := g.m.Pool.QueryRow(ctx, `SELECT tx_id::text::bigint, seq FROM events ORDER BY tx_id DESC, seq DESC LIMIT 1`).
		Scan(&last.Commit, &last.Prepare); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range g.m.Runtime.Projections() {
		names = append(names, p.Name())
	}
	if err := g.m.Runtime.Waiter().Wait(ctx, last, names...); err != nil {
		t.Fatalf("projections %v did not catch up with the log: %v", names, err)
	}
	var poisoned int
	if err := g.m.Pool.QueryRow(ctx, `SELECT count(*) FROM projection_poison`).Scan(&poisoned); err != nil || poisoned != 0 {
		t.Fatalf("%d events parked as poison (%v)", poisoned, err)
	}
}
