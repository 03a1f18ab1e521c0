package projections

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
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

// TestZaken_Aantallen: the counts GET /zaken uses follow creates, changes
// of zaaktype or vertrouwelijkheidaanduiding and deletes, also after a
// rebuild and with every event applied twice.
func TestZaken_Aantallen(t *testing.T) {
	rt, pool, store := startZaken(t, zakenHistory(t))
	wantAantallen(t, "live", pool)
	wantAantallen(t, "every event twice", applyEachTwice(t, Zaken{}, store))
	if err := rt.Rebuild(context.Background(), "zaken"); err != nil {
		t.Fatal(err)
	}
	wantAantallen(t, "rebuilt", pool)
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
	rt, pool, store := startZaken(t, onderdelenHistory(t))
	wantOnderdelenAantallen(t, "live", pool)
	wantOnderdelenAantallen(t, "every event twice", applyEachTwice(t, Zaken{}, store))
	if err := rt.Rebuild(context.Background(), "zaken"); err != nil {
		t.Fatal(err)
	}
	wantOnderdelenAantallen(t, "rebuilt", pool)
}
