package projections

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
)

// dumpVernietiging returns the two retention tables of schema zrc as
// canonical JSON, by table.
func dumpVernietiging(t *testing.T, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for table, key := range map[string]string{"verwijderde_zaken": "uuid", "vernietigingen": "zaak"} {
		var s string
		err := pool.QueryRow(context.Background(),
			`SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.`+key+`)::text, '[]') FROM zrc.`+table+` t`).Scan(&s)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = s
	}
	return out
}

// destroy does what the purge does to a deleted zaak (commands.Vernietiging):
// the record of its stream appended to zaken.vernietigingen, then, unless
// crash, the stream deleted. It returns the record and its position.
func destroy(t *testing.T, store *postgres.Store, zaak string, crash bool) (zaken.ZaakVernietigd, eventstore.Position) {
	t.Helper()
	ctx := context.Background()
	stream := zaken.ZaakStream(zaak)
	events, err := store.ReadStream(ctx, stream, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var history []zaken.OpgeslagenEvent
	for _, ev := range events {
		history = append(history, zaken.OpgeslagenEvent{ID: ev.ID, Type: ev.Type, Revision: ev.Revision, Data: ev.Data, Tijd: ev.Metadata.Time})
	}
	record, err := zaken.Vernietig(zaak, history, time.Now().UTC(), 0)
	if err != nil {
		t.Fatal(err)
	}
	data, err := eventstore.Encode(record, eventstore.Metadata{ClientID: "test", Time: time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := store.Append(ctx, zaken.VernietigingenStream, eventstore.Any(), data)
	if err != nil {
		t.Fatal(err)
	}
	if !crash {
		if err := store.Delete(ctx, stream, eventstore.Exact(record.LaatsteRevisie)); err != nil {
			t.Fatal(err)
		}
	}
	return record, res.Position
}

func waitZaken(t *testing.T, rt *Runtime, pos eventstore.Position) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := rt.Waiter().Wait(ctx, pos, "zaken"); err != nil {
		t.Fatalf("zaken projection did not reach %s: %v", pos, err)
	}
}

// TestZaken_zrc023_VerwijderdeZaken: a deleted zaak goes on the work list
// with the time of its ZaakVerwijderd; its ZaakVernietigd takes it off and
// leaves the record.
func TestZaken_zrc023_VerwijderdeZaken(t *testing.T) {
	rt, pool, store := startZaken(t, zakenHistory(t))
	ctx := context.Background()
	events, err := store.ReadStream(ctx, zaken.ZaakStream(zrZaakB), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	last := events[len(events)-1]
	var (
		identificatie, bron, zaaktype string
		op                            time.Time
		rev                           int64
	)
	err = pool.QueryRow(ctx, `SELECT identificatie, bronorganisatie, zaaktype, verwijderd_op, laatste_revisie
		FROM zrc.verwijderde_zaken WHERE uuid = $1`, zrZaakB).Scan(&identificatie, &bron, &zaaktype, &op, &rev)
	if err != nil {
		t.Fatalf("the deleted zaak B is not on the work list: %v", err)
	}
	// timestamptz keeps microseconds.
	if identificatie != "ZAAK-B" || bron != zrRSIN || zaaktype != zrZaaktype || op.Sub(last.Metadata.Time).Abs() >= time.Microsecond ||
		rev != int64(last.Revision) {
		t.Fatalf("work list row %s %s %s %s %d; want ZAAK-B at %s, revision %d", identificatie, bron, zaaktype, op, rev,
			last.Metadata.Time, last.Revision)
	}
	var n int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM zrc.verwijderde_zaken`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d zaken on the work list (%v), want only B: the live zaken A and C are not deleted", n, err)
	}

	record, pos := destroy(t, store, zrZaakB, false)
	waitZaken(t, rt, pos)
	got := dumpVernietiging(t, pool)
	if got["verwijderde_zaken"] != "[]" {
		t.Fatalf("B is still on the work list: %s", got["verwijderde_zaken"])
	}
	var (
		aantal int
		sum    string
		laatst int64
	)
	err = pool.QueryRow(ctx, `SELECT aantal_events, sha256, laatste_revisie, identificatie FROM zrc.vernietigingen WHERE zaak = $1`,
		zrZaakB).Scan(&aantal, &sum, &laatst, &identificatie)
	if err != nil {
		t.Fatalf("no record of B: %v", err)
	}
	if aantal != len(events) || sum != record.SHA256 || laatst != int64(last.Revision) || identificatie != "ZAAK-B" {
		t.Fatalf("record %d events, %s, revision %d, %s; want %d, %s, %d", aantal, sum, laatst, identificatie,
			len(events), record.SHA256, last.Revision)
	}
}

// TestZaken_VernietigingReplayTwiceIdentical: the retention tables survive
// a rebuild (it copies every table of zrc) with the same rows, both for a
// finished destruction (the zaak's events are gone from the log, its record
// stays) and for one interrupted between the record and the delete.
func TestZaken_VernietigingReplayTwiceIdentical(t *testing.T) {
	rt, pool, store := startZaken(t, zakenHistory(t))
	destroy(t, store, zrZaakB, false)

	// Zaak C deleted too, its destruction interrupted after the record.
	c := zaken.NewZaak(zrZaakC, domain.FixedClock{T: zrNow})
	ctx := context.Background()
	evs, err := store.ReadStream(ctx, zaken.ZaakStream(zrZaakC), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		e, err := zaken.Decode(ev.Type, ev.Data)
		if err != nil {
			t.Fatal(err)
		}
		c.Apply(e)
	}
	del, err := c.Delete(zaken.Bevoegdheden{Geforceerd: true})
	if err != nil {
		t.Fatal(err)
	}
	appendHistory(t, store, []streamEvents{{zaken.ZaakStream(zrZaakC), del}})
	_, pos := destroy(t, store, zrZaakC, true)
	waitZaken(t, rt, pos)

	live := dumpVernietiging(t, pool)
	if live["verwijderde_zaken"] != "[]" || live["vernietigingen"] == "[]" {
		t.Fatalf("before the rebuild: %v", live)
	}
	for i := range 2 {
		if err := rt.Rebuild(ctx, "zaken"); err != nil {
			t.Fatal(err)
		}
		for table, rows := range dumpVernietiging(t, pool) {
			if rows != live[table] {
				t.Fatalf("rebuild %d: %s differs from the live read model:\n%s\n%s", i+1, table, rows, live[table])
			}
		}
	}
}

// TestZaken_VernietigingIdempotent: every event delivered twice in a row
// leaves the same retention rows.
func TestZaken_VernietigingIdempotent(t *testing.T) {
	rt, pool, store := startZaken(t, zakenHistory(t))
	before := dumpVernietiging(t, pool)
	twice := applyEachTwice(t, Zaken{}, store)
	if got := dumpVernietiging(t, twice); got["verwijderde_zaken"] != before["verwijderde_zaken"] {
		t.Fatalf("work list after applying every event twice:\n%s\nwant\n%s", got["verwijderde_zaken"], before["verwijderde_zaken"])
	}

	_, pos := destroy(t, store, zrZaakB, false)
	waitZaken(t, rt, pos)
	want := dumpVernietiging(t, pool)
	twice = applyEachTwice(t, Zaken{}, store)
	for table, rows := range dumpVernietiging(t, twice) {
		if rows != want[table] {
			t.Errorf("%s after applying every event twice:\n%s\nwant\n%s", table, rows, want[table])
		}
	}
}
