package projections

import (
	"context"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

const (
	zrContactmoment  = "https://klantinteractie.example/api/v1/contactmomenten/f1000000-0000-4000-8000-000000000001"
	zrContactmoment2 = "https://klantinteractie.example/api/v1/contactmomenten/f1000000-0000-4000-8000-000000000002"
	zrVerzoek        = "https://klantinteractie.example/api/v1/verzoeken/f2000000-0000-4000-8000-000000000001"
	zrVerzoek2       = "https://klantinteractie.example/api/v1/verzoeken/f2000000-0000-4000-8000-000000000002"

	zrZCM, zrZCMWeg = "b9000000-0000-4000-8000-000000000001", "b9000000-0000-4000-8000-000000000002"
	zrZV, zrZVWeg   = "ba000000-0000-4000-8000-000000000001", "ba000000-0000-4000-8000-000000000002"
	zrZaakD         = "a1000000-0000-4000-8000-000000000004" // deleted with its contactmoment and verzoek
)

// contactmomentenHistory is zakenHistory plus, on zaak A, a zaakcontactmoment
// and a zaakverzoek that stay and one of each that is deleted, and a zaak D
// with one of each that is deleted as a whole.
func contactmomentenHistory(t *testing.T) []streamEvents {
	t.Helper()
	r := &zakenRecorder{t: t, out: zakenHistory(t)}
	clock := domain.FixedClock{T: zrNow}
	geforceerd := zaken.Bevoegdheden{Geforceerd: true}

	a := zaken.NewZaak(zrZaakA, clock)
	for _, se := range r.out {
		if se.stream == zaken.ZaakStream(zrZaakA) {
			for _, e := range se.events {
				a.Apply(e)
			}
		}
	}
	sa := r.on(zaken.ZaakStream(zrZaakA))
	sa(a.AddZaakContactMoment(zrZCM, zaken.ZaakContactMomentGegevens{Contactmoment: zrContactmoment}, geforceerd))
	sa(a.AddZaakContactMoment(zrZCMWeg, zaken.ZaakContactMomentGegevens{Contactmoment: zrContactmoment2}, geforceerd))
	sa(a.DeleteZaakContactMoment(zrZCMWeg, geforceerd))
	sa(a.AddZaakVerzoek(zrZV, zaken.ZaakVerzoekGegevens{Verzoek: zrVerzoek}, geforceerd))
	sa(a.AddZaakVerzoek(zrZVWeg, zaken.ZaakVerzoekGegevens{Verzoek: zrVerzoek2}, geforceerd))
	sa(a.DeleteZaakVerzoek(zrZVWeg, geforceerd))

	d := zaken.NewZaak(zrZaakD, clock)
	sd := r.on(zaken.ZaakStream(zrZaakD))
	sd(d.Create(zrGegevens("ZAAK-D"), zakenFeiten(nil)))
	sd(d.AddZaakContactMoment("c9000000-0000-4000-8000-000000000001", zaken.ZaakContactMomentGegevens{Contactmoment: zrContactmoment}, geforceerd))
	sd(d.AddZaakVerzoek("ca000000-0000-4000-8000-000000000001", zaken.ZaakVerzoekGegevens{Verzoek: zrVerzoek}, geforceerd))
	sd(d.Delete(geforceerd))
	return r.out
}

func TestZaken_ContactMomentenVerzoekenRows(t *testing.T) {
	_, pool, _ := startZaken(t, contactmomentenHistory(t))
	ctx := context.Background()
	for _, c := range []struct{ table, col, uuid, ref string }{
		{"zaakcontactmomenten", "contactmoment", zrZCM, zrContactmoment},
		{"zaakverzoeken", "verzoek", zrZV, zrVerzoek},
	} {
		t.Run(c.table, func(t *testing.T) {
			var n int
			var id, zaak, ref, data string
			err := pool.QueryRow(ctx, `SELECT count(*) OVER (), uuid::text, zaak::text, `+c.col+`, data->>'`+c.col+`'
				FROM zrc.`+c.table).Scan(&n, &id, &zaak, &ref, &data)
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 || id != c.uuid || zaak != zrZaakA || ref != c.ref || data != c.ref {
				t.Errorf("%d rows; %s of %s: %s, data %s", n, id, zaak, ref, data)
			}
		})
	}
}

// TestZaken_ContactMomentenVerzoeken_zrc023: deleting a zaak removes its
// zaakcontactmomenten and zaakverzoeken.
func TestZaken_ContactMomentenVerzoeken_zrc023(t *testing.T) {
	_, pool, _ := startZaken(t, contactmomentenHistory(t))
	for _, table := range []string{"zaakcontactmomenten", "zaakverzoeken"} {
		var n int
		if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM zrc.`+table+` WHERE zaak = $1`, zrZaakD).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows of the deleted zaak", table, n)
		}
	}
}

func TestZaken_ContactMomentenVerzoekenReplayAndIdempotent(t *testing.T) {
	rt, pool, store := startZaken(t, contactmomentenHistory(t))
	live := dumpZRC(t, pool)
	for _, table := range []string{"zaakcontactmomenten", "zaakverzoeken"} {
		if _, ok := live[table]; !ok || live[table] == "[]" {
			t.Fatalf("%s is not in the dump or empty: %q", table, live[table])
		}
	}
	if err := rt.Rebuild(context.Background(), "zaken"); err != nil {
		t.Fatal(err)
	}
	for table, rows := range dumpZRC(t, pool) {
		if rows != live[table] {
			t.Errorf("rebuild: %s differs from the live read model:\n%s\n%s", table, rows, live[table])
		}
	}
	for table, rows := range dumpZRC(t, applyEachTwice(t, Zaken{}, store)) {
		if rows != live[table] {
			t.Errorf("%s after applying every event twice:\n%s\nwant\n%s", table, rows, live[table])
		}
	}
}
