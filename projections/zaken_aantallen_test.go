package projections

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/migrations"
)

// wantAantallen fails unless zrc.zaken_aantallen holds exactly the number
// of zaken per zaaktype and rank (rows at 0 aside).
func wantAantallen(t *testing.T, what string, pool *pgxpool.Pool) {
	t.Helper()
	wantCounts(t, what, pool, `SELECT zaaktype, vertrouwelijkheid_rank, aantal FROM zrc.zaken_aantallen`,
		`SELECT zaaktype, vertrouwelijkheid_rank, count(*) FROM zrc.zaken GROUP BY 1, 2`)
}

// wantCounts fails unless the rows of kept other than those with a count
// (the last column) of 0 are exactly the rows of counted, and not none.
func wantCounts(t *testing.T, what string, pool *pgxpool.Pool, kept, counted string) {
	t.Helper()
	var wrong, total int
	err := pool.QueryRow(context.Background(), `WITH kept AS (SELECT * FROM (`+kept+`) k WHERE k.aantal <> 0),
		counted AS (`+counted+`)
		SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted) a) +
			(SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept) b),
			(SELECT coalesce(sum(aantal), 0) FROM kept)`).Scan(&wrong, &total)
	if err != nil {
		t.Fatal(err)
	}
	if wrong != 0 || total == 0 {
		t.Fatalf("%s: %d rows differ from the counted ones (total %d)", what, wrong, total)
	}
}

// wantBlokken fails unless zrc.blokken cuts the creation order of every
// table into blocks that start one after the other, block 0 below every
// position, with at most size rows created into each (and the zaken into
// at least 2 blocks) and the rows between its start and the next one's as
// its aantal, and zrc.blokaantallen holds those rows per zaaktype and rank
// of their zaak.
func wantBlokken(t *testing.T, what string, pool *pgxpool.Pool, size int) {
	t.Helper()
	var counted []string
	for _, tabel := range blokTables {
		zaak := "o.zaak"
		if tabel == "zaken" {
			zaak = "o.uuid"
		}
		var blokken, wrong int
		err := pool.QueryRow(context.Background(), `WITH g AS (SELECT *, row_number() OVER w - 1 AS n,
				ROW(created_commit, created_prepare, uuid) AS van,
				lead(ROW(created_commit, created_prepare, uuid)) OVER w AS tot
				FROM zrc.blokken WHERE tabel = $1 WINDOW w AS (ORDER BY blok))
			SELECT count(*), count(*) FILTER (WHERE blok <> n OR aangemaakt > $2 OR NOT coalesce(tot > van, true)
				OR (blok = 0 AND van <> ROW(-1::bigint, -1::bigint, '00000000-0000-0000-0000-000000000000'::uuid))
				OR (SELECT count(*) FROM zrc.`+tabel+` o WHERE ROW(o.created_commit, o.created_prepare, o.uuid) >= g.van
					AND (g.tot IS NULL OR ROW(o.created_commit, o.created_prepare, o.uuid) < g.tot)) > aangemaakt
				OR aantal <> (SELECT count(*) FROM zrc.`+tabel+` o JOIN zrc.zaken z ON z.uuid = `+zaak+`
					WHERE ROW(o.created_commit, o.created_prepare, o.uuid) >= g.van
					AND (g.tot IS NULL OR ROW(o.created_commit, o.created_prepare, o.uuid) < g.tot)))
			FROM g`, tabel, size).Scan(&blokken, &wrong)
		if err != nil {
			t.Fatal(err)
		}
		if wrong != 0 || (tabel == "zaken" && blokken < 2) {
			t.Fatalf("%s: %s: %d of %d blocks out of order or too full", what, tabel, wrong, blokken)
		}
		counted = append(counted, `SELECT '`+tabel+`', g.blok, z.zaaktype, z.vertrouwelijkheid_rank, count(*)
			FROM (SELECT blok, ROW(created_commit, created_prepare, uuid) AS van,
				lead(ROW(created_commit, created_prepare, uuid)) OVER (ORDER BY blok) AS tot FROM zrc.blokken WHERE tabel = '`+tabel+`') g
			JOIN zrc.`+tabel+` o ON ROW(o.created_commit, o.created_prepare, o.uuid) >= g.van
				AND (g.tot IS NULL OR ROW(o.created_commit, o.created_prepare, o.uuid) < g.tot)
			JOIN zrc.zaken z ON z.uuid = `+zaak+`
			GROUP BY 1, 2, 3, 4`)
	}
	wantCounts(t, what, pool, `SELECT tabel, blok, zaaktype, vertrouwelijkheid_rank, aantal FROM zrc.blokaantallen`,
		strings.Join(counted, " UNION ALL "))
}

// TestZaken_Aantallen: the counts GET /zaken uses, in all and per block of
// the creation order, follow creates, changes of zaaktype or
// vertrouwelijkheidaanduiding and deletes, also after a rebuild and with
// every event applied twice.
func TestZaken_Aantallen(t *testing.T) {
	wantCountsKept(t, zakenHistory(t), wantAantallen)
}

// wantCountsKept projects history live, with every event applied twice
// and rebuilt, and checks the counts (want) and those of the blocks after
// each.
func wantCountsKept(t *testing.T, history []streamEvents, want func(t *testing.T, what string, pool *pgxpool.Pool)) {
	t.Helper()
	rt, pool, store := startZaken(t, history)
	check := func(what string, pool *pgxpool.Pool) {
		want(t, what, pool)
		wantBlokken(t, what, pool, testBlok)
	}
	check("live", pool)
	check("every event twice", applyEachTwice(t, Zaken{Blok: testBlok}, store))
	if err := rt.Rebuild(context.Background(), "zaken"); err != nil {
		t.Fatal(err)
	}
	check("rebuilt", pool)
}

// TestZaken_BlokkenIndexen: every table with blocks has an index that
// starts with its creation order, which a new row's block is found by
// (openBlokken reads the table's last position). Without one, every new
// row scans its whole table: zaakeigenschappen did until migration 0013.
func TestZaken_BlokkenIndexen(t *testing.T) {
	_, pool, _ := startZaken(t, nil)
	for _, table := range blokTables {
		var n int
		if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_index i
			WHERE i.indrelid = ('zrc.' || $1)::regclass AND i.indnatts >= 2
			AND (SELECT attname FROM pg_attribute WHERE attrelid = i.indrelid AND attnum = i.indkey[0]) = 'created_commit'
			AND (SELECT attname FROM pg_attribute WHERE attrelid = i.indrelid AND attnum = i.indkey[1]) = 'created_prepare'`,
			table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("zrc.%s has no index on (created_commit, created_prepare)", table)
		}
	}
}

// TestZaken_BlokkenMigration: migration 0012 cuts the zaken already there
// into blocks as the projection keeps them, and the projection goes on
// from there.
func TestZaken_BlokkenMigration(t *testing.T) {
	rt, pool, store := startZaken(t, zakenHistory(t))
	ctx := context.Background()
	// 20,000 more zaken before the history's (commit 0 lies below every
	// transaction), as copies of zaak A, then the migration once more on
	// what is there.
	_, err := pool.Exec(ctx, `INSERT INTO zrc.zaken SELECT (jsonb_populate_record(z, jsonb_build_object(
			'uuid', gen_random_uuid(), 'identificatie', 'KOPIE-' || i, 'created_commit', 0, 'created_prepare', i))).*
		FROM zrc.zaken z, generate_series(1, 20000) i WHERE z.uuid = $1;
		DROP TABLE zrc.blokken, zrc.blokaantallen;
		DELETE FROM schema_migrations WHERE version = 12`, pgx.QueryExecModeSimpleProtocol, zrZaakA)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := migrations.Apply(ctx, pool); err != nil {
		t.Fatal(err)
	}
	wantBlokken(t, "migrated", pool, 8192)
	var blokken int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM zrc.blokken WHERE tabel = 'zaken'`).Scan(&blokken); err != nil || blokken != 3 {
		t.Fatalf("%d blocks for 20,002 zaken (%v), want 3", blokken, err)
	}
	// A new zaak comes after all of them: the projection, with blocks of
	// testBlok, finds the last block full and opens the next one there.
	r := &zakenRecorder{t: t}
	r.reserve(zrZaakNieuw, "ZAAK-NIEUW")
	r.on(zaken.ZaakStream(zrZaakNieuw))(zaken.NewZaak(zrZaakNieuw, domain.FixedClock{T: zrNow}).Create(zrGegevens("ZAAK-NIEUW"), zakenFeiten(nil)))
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := rt.Waiter().Wait(wctx, appendHistory(t, store, r.out), "zaken"); err != nil {
		t.Fatal(err)
	}
	wantBlokken(t, "a zaak after the migration", pool, 8192)
	var start string
	if err := pool.QueryRow(ctx, `SELECT uuid::text FROM zrc.blokken WHERE tabel = 'zaken' AND blok = 3 AND aangemaakt = 1`).Scan(&start); err != nil || start != zrZaakNieuw {
		t.Fatalf("block 3 starts at %q (%v), want the new zaak", start, err)
	}
}

// wantOnderdelenAantallen fails unless zrc.onderdelen_aantallen holds
// exactly the number of sub-resources per table and per zaaktype and rank
// of their zaak (rows at 0 aside).
func wantOnderdelenAantallen(t *testing.T, what string, pool *pgxpool.Pool) {
	t.Helper()
	counted := make([]string, len(zakenTables))
	for i, table := range zakenTables {
		counted[i] = `SELECT '` + table + `', z.zaaktype, z.vertrouwelijkheid_rank, count(*)
			FROM zrc.` + table + ` o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3`
	}
	wantCounts(t, what, pool, `SELECT tabel, zaaktype, vertrouwelijkheid_rank, aantal FROM zrc.onderdelen_aantallen`,
		strings.Join(counted, " UNION ALL "))
}

// wantOnderdelenRechten fails unless every sub-resource row carries the
// zaaktype (as its number) and rank of its zaak (migration 0014).
func wantOnderdelenRechten(t *testing.T, what string, pool *pgxpool.Pool) {
	t.Helper()
	for _, table := range zakenTables {
		var rows, wrong int
		if err := pool.QueryRow(context.Background(), `SELECT count(*), count(*) FILTER (WHERE n.zaaktype IS DISTINCT FROM z.zaaktype
				OR o.vertrouwelijkheid_rank IS DISTINCT FROM z.vertrouwelijkheid_rank)
			FROM zrc.`+table+` o JOIN zrc.zaken z ON z.uuid = o.zaak
			LEFT JOIN zrc.zaaktype_nummers n ON n.nummer = o.zaaktype_nummer`).Scan(&rows, &wrong); err != nil {
			t.Fatal(err)
		}
		if wrong > 0 {
			t.Errorf("%s: %d of %d %s without the zaaktype and rank of their zaak", what, wrong, rows, table)
		}
	}
}

// zrZaakE has sub-resources when its vertrouwelijkheidaanduiding changes,
// twice, and loses one of them in between.
const zrZaakE = "a1000000-0000-4000-8000-000000000005"

// onderdelenHistory is zakenHistory with zaak E.
func onderdelenHistory(t *testing.T) []streamEvents {
	r := &zakenRecorder{t: t}
	clock := domain.FixedClock{T: zrNow}
	f := zakenFeiten(nil)
	geen := zaken.Bevoegdheden{}
	d := zaken.NewZaak(zrZaakE, clock)
	sd := r.on(zaken.ZaakStream(zrZaakE))
	sd(d.Create(zrGegevens("ZAAK-E"), f))
	rol, weg := "e3000000-0000-4000-8000-000000000001", "e3000000-0000-4000-8000-000000000002"
	sd(d.AddRol(rol, zrRol("medewerker", `{"identificatie":"mw-9"}`), f, geen))
	sd(d.AddRol(weg, zrRol("medewerker", `{"identificatie":"mw-8"}`), f, geen))
	sd(d.AddStatus("e1000000-0000-4000-8000-000000000001", zaken.StatusGegevens{Statustype: zrStStart,
		DatumStatusGezet: time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC)}, f, geen))
	sd(d.AddZaakObject("e4000000-0000-4000-8000-000000000001", zaken.ZaakObjectGegevens{ObjectType: "adres"}, f, geen))
	g := d.Gegevens()
	g.Vertrouwelijkheidaanduiding = catalogi.Geheim
	sd(d.Update(g, f, "partial_update", geen))
	sd(d.DeleteRol(weg, geen))
	g.Vertrouwelijkheidaanduiding = catalogi.Openbaar
	sd(d.Update(g, f, "partial_update", geen))
	return append(zakenHistory(t), r.out...)
}

// TestZaken_OnderdelenAantallen: the counts of the sub-resource lists
// follow creates, changes, deletes of sub-resources, a zaak that changes
// vertrouwelijkheidaanduiding and a zaak deleted with its sub-resources,
// also after a rebuild and with every event applied twice.
func TestZaken_OnderdelenAantallen(t *testing.T) {
	wantCountsKept(t, onderdelenHistory(t), wantOnderdelenAantallen)
}

// TestZaken_OnderdelenRechten: every sub-resource row carries the zaaktype
// and rank of its zaak through creates, a zaak that changes
// vertrouwelijkheidaanduiding and back, deletes, events applied twice and
// a rebuild; and migration 0014 gives them to the rows there are.
func TestZaken_OnderdelenRechten(t *testing.T) {
	wantCountsKept(t, onderdelenHistory(t), wantOnderdelenRechten)
	_, pool, _ := startZaken(t, onderdelenHistory(t))
	ctx := context.Background()
	var drop []string
	for _, table := range zakenTables {
		drop = append(drop, `ALTER TABLE zrc.`+table+` DROP COLUMN zaaktype_nummer, DROP COLUMN vertrouwelijkheid_rank`)
	}
	if _, err := pool.Exec(ctx, strings.Join(drop, "; ")+`; DROP TABLE zrc.zaaktype_nummers;
		DELETE FROM schema_migrations WHERE version = 14`, pgx.QueryExecModeSimpleProtocol); err != nil {
		t.Fatal(err)
	}
	if _, err := migrations.Apply(ctx, pool); err != nil {
		t.Fatal(err)
	}
	wantOnderdelenRechten(t, "migrated", pool)
	var rows int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM zrc.rollen WHERE zaaktype_nummer IS NOT NULL`).Scan(&rows); err != nil || rows == 0 {
		t.Fatalf("%d rollen with a zaaktype after the migration (%v)", rows, err)
	}
}
