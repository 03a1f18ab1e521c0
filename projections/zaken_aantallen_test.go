package projections

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// wantAantallen fails unless zrc.zaken_aantallen holds exactly the number
// of zaken per zaaktype and rank (rows at 0 aside).
func wantAantallen(t *testing.T, what string, pool *pgxpool.Pool) {
	t.Helper()
	var wrong, total int
	err := pool.QueryRow(context.Background(), `WITH kept AS (
			SELECT zaaktype, vertrouwelijkheid_rank, aantal FROM zrc.zaken_aantallen WHERE aantal <> 0),
		counted AS (
			SELECT zaaktype, vertrouwelijkheid_rank, count(*) AS aantal FROM zrc.zaken GROUP BY 1, 2)
		SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted) a) +
			(SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept) b),
			(SELECT coalesce(sum(aantal), 0) FROM kept)`).Scan(&wrong, &total)
	if err != nil {
		t.Fatal(err)
	}
	if wrong != 0 || total == 0 {
		t.Fatalf("%s: zaken_aantallen differs from the zaken in %d rows (total %d)", what, wrong, total)
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
