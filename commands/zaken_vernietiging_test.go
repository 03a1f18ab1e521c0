package commands

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
	"github.com/zaakregister/zaakregister/projections"
)

const (
	vnZaaktype = "https://ztc.example/catalogi/api/v1/zaaktypen/20000000-0000-4000-8000-000000000001"
	vnRoltype  = "https://ztc.example/catalogi/api/v1/roltypen/60000000-0000-4000-8000-000000000001"
	vnTerm     = 30 * 24 * time.Hour
)

var vnNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// vnEnv is an event store on a fresh database with the zaken projection
// running, and a purge on it at vnNow with a term of 30 days.
type vnEnv struct {
	t     *testing.T
	pool  *pgxpool.Pool
	store *postgres.Store
	rt    *projections.Runtime
	v     *Vernietiging
}

func newVnEnv(t *testing.T) *vnEnv {
	t.Helper()
	pool := pgtest.Pool(t)
	store := postgres.New(pool)
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	rt := projections.New(pool, store, log, nil, projections.Config{})
	rt.Add(projections.Zaken{})
	ctx, cancel := context.WithCancel(context.Background())
	done, err := rt.Start(ctx, 30*time.Second)
	if err != nil {
		cancel()
		t.Fatalf("runtime: %v", err)
	}
	t.Cleanup(func() { cancel(); <-done })
	v := &Vernietiging{Base: Base{Store: store, Waiter: rt.Waiter(), WaitTimeout: 30 * time.Second,
		Clock: domain.FixedClock{T: vnNow}, Log: log}, Pool: pool, Bewaartermijn: vnTerm}
	return &vnEnv{t: t, pool: pool, store: store, rt: rt, v: v}
}

// zaak appends the history of a zaak with a rol (personal data) through
// the aggregate, with its identificatie reservation, deleted at deleted
// unless that is zero, and waits until the projection has it.
func (e *vnEnv) zaak(id string, deleted time.Time) {
	e.t.Helper()
	ctx := context.Background()
	identificatie := "ZAAK-" + id[len(id)-6:]
	res := zaken.NewIdentificatieReservering(bron, identificatie)
	reserved, err := res.Reserveer(id)
	if err != nil {
		e.t.Fatal(err)
	}
	e.append(zaken.IdentificatieStream(bron, identificatie), deleted, reserved)
	f := zaken.Feiten{Zaaktype: zaken.ZaaktypeFeiten{URL: vnZaaktype, Vertrouwelijkheidaanduiding: catalogi.Zaakvertrouwelijk,
		Roltypen: map[string]zaken.RoltypeFeit{vnRoltype: {Omschrijving: "Aanvrager", OmschrijvingGeneriek: "initiator"}}}}
	z := zaken.NewZaak(id, domain.FixedClock{T: vnNow})
	var events []domain.Event
	decide := func(es []domain.Event, err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
		events = append(events, es...)
	}
	decide(z.Create(zaken.ZaakGegevens{Identificatie: identificatie, Bronorganisatie: bron, VerantwoordelijkeOrganisatie: bron,
		Zaaktype: vnZaaktype, Startdatum: catalogi.MustDate("2026-01-05")}, f))
	decide(z.AddRol(newUUID(), zaken.RolGegevens{BetrokkeneType: "natuurlijk_persoon", Roltype: vnRoltype, Roltoelichting: "aanvrager",
		BetrokkeneIdentificatie: json.RawMessage(`{"inpBsn":"111222333"}`)}, f, zaken.Bevoegdheden{}))
	at := vnNow.Add(-100 * 24 * time.Hour)
	if !deleted.IsZero() {
		at = deleted.Add(-time.Hour)
	}
	pos := e.append(zaken.ZaakStream(id), at, events)
	if !deleted.IsZero() {
		del, err := z.Delete(zaken.Bevoegdheden{})
		if err != nil {
			e.t.Fatal(err)
		}
		pos = e.append(zaken.ZaakStream(id), deleted, del)
	}
	e.wait(ctx, pos)
}

func (e *vnEnv) append(stream string, at time.Time, events []domain.Event) eventstore.Position {
	e.t.Helper()
	b := Base{Store: e.store, Clock: domain.FixedClock{T: at}}
	res, err := b.append(context.Background(), eventstore.Metadata{ClientID: "test"}, stream, eventstore.Any(), events)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.Position
}

func (e *vnEnv) wait(ctx context.Context, pos eventstore.Position) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := e.rt.Waiter().Wait(ctx, pos, "zaken"); err != nil {
		e.t.Fatalf("zaken projection did not reach %s: %v", pos, err)
	}
}

// stream returns the events of stream, nil when it has none.
func (e *vnEnv) stream(name string) []eventstore.RecordedEvent {
	e.t.Helper()
	events, err := e.store.ReadStream(context.Background(), name, 0, 1000)
	if errors.Is(err, eventstore.ErrStreamNotFound) {
		return nil
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return events
}

// records returns the records of destruction in the log.
func (e *vnEnv) records() []zaken.ZaakVernietigd {
	e.t.Helper()
	var out []zaken.ZaakVernietigd
	for _, ev := range e.stream(zaken.VernietigingenStream) {
		d, err := zaken.Decode(ev.Type, ev.Data)
		if err != nil {
			e.t.Fatal(err)
		}
		out = append(out, d.(zaken.ZaakVernietigd))
	}
	return out
}

// inLog counts the events of stream in the global log.
func (e *vnEnv) inLog(stream string) int {
	e.t.Helper()
	all, err := e.store.ReadAll(context.Background(), eventstore.Start, 100000)
	if err != nil {
		e.t.Fatal(err)
	}
	n := 0
	for _, ev := range all {
		if ev.StreamID == stream {
			n++
		}
	}
	return n
}

func (e *vnEnv) run(want int) {
	e.t.Helper()
	n, err := e.v.Run(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	if n != want {
		e.t.Fatalf("run destroyed %d zaken, want %d", n, want)
	}
}

func opgeslagen(events []eventstore.RecordedEvent) []zaken.OpgeslagenEvent {
	var out []zaken.OpgeslagenEvent
	for _, ev := range events {
		out = append(out, zaken.OpgeslagenEvent{ID: ev.ID, Type: ev.Type, Revision: ev.Revision, Data: ev.Data, Tijd: ev.Metadata.Time})
	}
	return out
}

const (
	vnOud    = "e1000000-0000-4000-8000-000000000001" // deleted 40 days ago
	vnRecent = "e1000000-0000-4000-8000-000000000002" // deleted yesterday
	vnLive   = "e1000000-0000-4000-8000-000000000003" // never deleted
	vnAnder  = "e1000000-0000-4000-8000-000000000004" // deleted 40 days ago too
)

// TestVernietiging_zrc023_Bewaartermijn: the history of a zaak deleted
// longer than the term ago is destroyed with one exact record; a zaak
// deleted more recently, a live zaak and the identificatie reservation
// stay; a second run does nothing.
func TestVernietiging_zrc023_Bewaartermijn(t *testing.T) {
	e := newVnEnv(t)
	e.zaak(vnOud, vnNow.Add(-40*24*time.Hour))
	e.zaak(vnRecent, vnNow.Add(-24*time.Hour))
	e.zaak(vnLive, time.Time{})
	oud := e.stream(zaken.ZaakStream(vnOud))
	recent, live := len(e.stream(zaken.ZaakStream(vnRecent))), len(e.stream(zaken.ZaakStream(vnLive)))
	reservering := zaken.IdentificatieStream(bron, "ZAAK-"+vnOud[len(vnOud)-6:])

	e.run(1)

	if got := e.stream(zaken.ZaakStream(vnOud)); got != nil {
		t.Fatalf("the old zaak's stream is still readable: %d events", len(got))
	}
	if n := e.inLog(zaken.ZaakStream(vnOud)); n != 0 {
		t.Fatalf("%d events of the old zaak still in the log", n)
	}
	if n := len(e.stream(zaken.ZaakStream(vnRecent))); n != recent {
		t.Fatalf("the recently deleted zaak has %d events, want %d", n, recent)
	}
	if n := len(e.stream(zaken.ZaakStream(vnLive))); n != live {
		t.Fatalf("the live zaak has %d events, want %d", n, live)
	}
	if len(e.stream(reservering)) != 1 {
		t.Fatal("the identificatie reservation was destroyed")
	}
	recs := e.records()
	want := zaken.ZaakVernietigd{Zaak: vnOud, Identificatie: "ZAAK-" + vnOud[len(vnOud)-6:], Bronorganisatie: bron, Zaaktype: vnZaaktype,
		VerwijderdOp: vnNow.Add(-40 * 24 * time.Hour), Bewaartermijn: vnTerm.String(), AantalEvents: len(oud),
		LaatsteRevisie: oud[len(oud)-1].Revision, SHA256: zaken.HistorieHash(opgeslagen(oud))}
	if len(recs) != 1 || !recs[0].VerwijderdOp.Equal(want.VerwijderdOp) {
		t.Fatalf("records %+v, want one of %+v", recs, want)
	}
	recs[0].VerwijderdOp = want.VerwijderdOp
	if recs[0] != want {
		t.Fatalf("record\n%+v\nwant\n%+v", recs[0], want)
	}
	// The read model has the record (the run waited for it) and only the
	// recent zaak left on the work list.
	var (
		count   int
		sum     string
		werk    []string
		vandaag time.Time
	)
	if err := e.pool.QueryRow(context.Background(), `SELECT aantal_events, sha256, vernietigd_op FROM zrc.vernietigingen WHERE zaak = $1`,
		vnOud).Scan(&count, &sum, &vandaag); err != nil {
		t.Fatalf("no record in zrc.vernietigingen: %v", err)
	}
	if count != want.AantalEvents || sum != want.SHA256 || !vandaag.Equal(vnNow) {
		t.Fatalf("zrc.vernietigingen: %d events, %s at %s", count, sum, vandaag)
	}
	rows, err := e.pool.Query(context.Background(), `SELECT uuid::text FROM zrc.verwijderde_zaken ORDER BY uuid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		werk = append(werk, id)
	}
	if fmt.Sprint(werk) != fmt.Sprint([]string{vnRecent}) {
		t.Fatalf("work list %v, want only the recent zaak", werk)
	}

	e.run(0)
	if n := len(e.records()); n != 1 {
		t.Fatalf("%d records after a second run, want 1", n)
	}
}

// TestVernietiging_LiveZaakNeverTouched: a live zaak that somehow is on the
// work list (here put there by hand) is skipped: its stream does not end
// with a ZaakVerwijderd.
func TestVernietiging_LiveZaakNeverTouched(t *testing.T) {
	e := newVnEnv(t)
	e.zaak(vnLive, time.Time{})
	live := len(e.stream(zaken.ZaakStream(vnLive)))
	if _, err := e.pool.Exec(context.Background(), `INSERT INTO zrc.verwijderde_zaken
		(uuid, identificatie, bronorganisatie, zaaktype, verwijderd_op, laatste_revisie) VALUES ($1, 'x', $2, $3, $4, 0)`,
		vnLive, bron, vnZaaktype, vnNow.Add(-365*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	e.run(0)
	if n := len(e.stream(zaken.ZaakStream(vnLive))); n != live {
		t.Fatalf("the live zaak has %d events, want %d", n, live)
	}
	if n := len(e.records()); n != 0 {
		t.Fatalf("%d records of a live zaak", n)
	}
}

// TestVernietiging_CrashBetweenRecordAndDelete: a run that stopped after
// appending the record (and whose record the projection already took off
// the work list) is finished by the next run, without a second record.
func TestVernietiging_CrashBetweenRecordAndDelete(t *testing.T) {
	e := newVnEnv(t)
	e.zaak(vnOud, vnNow.Add(-40*24*time.Hour))
	e.zaak(vnAnder, vnNow.Add(-40*24*time.Hour))
	oud := e.stream(zaken.ZaakStream(vnOud))
	record, err := zaken.Vernietig(vnOud, opgeslagen(oud), vnNow, vnTerm)
	if err != nil {
		t.Fatal(err)
	}
	e.wait(context.Background(), e.append(zaken.VernietigingenStream, vnNow, []domain.Event{record}))
	var n int
	if err := e.pool.QueryRow(context.Background(), `SELECT count(*) FROM zrc.verwijderde_zaken WHERE uuid = $1`, vnOud).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the recorded zaak is still on the work list (%d, %v): the crash is not simulated", n, err)
	}
	if e.stream(zaken.ZaakStream(vnOud)) == nil {
		t.Fatal("the stream is gone before the run")
	}

	e.run(2) // the unfinished one and the other old zaak

	if e.stream(zaken.ZaakStream(vnOud)) != nil || e.stream(zaken.ZaakStream(vnAnder)) != nil {
		t.Fatal("a stream was not deleted")
	}
	recs := e.records()
	if len(recs) != 2 || recs[0].Zaak != vnOud || recs[1].Zaak != vnAnder {
		t.Fatalf("records %+v, want one per zaak", recs)
	}
	e.run(0)
}

// TestVernietiging_Concurrent: purges running at the same time (the lock
// left out, as with two processes whose lock connection broke) destroy
// every due zaak once, with one record each.
func TestVernietiging_Concurrent(t *testing.T) {
	e := newVnEnv(t)
	var ids []string
	for i := range 6 {
		id := fmt.Sprintf("e2000000-0000-4000-8000-00000000000%d", i)
		ids = append(ids, id)
		e.zaak(id, vnNow.Add(-time.Duration(40+i)*24*time.Hour))
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int
	)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := e.v.run(context.Background())
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != len(ids) {
		t.Fatalf("the runs report %d destroyed, want %d", total, len(ids))
	}
	seen := map[string]int{}
	for _, r := range e.records() {
		seen[r.Zaak]++
	}
	for _, id := range ids {
		if seen[id] != 1 {
			t.Errorf("zaak %s has %d records", id, seen[id])
		}
		if e.stream(zaken.ZaakStream(id)) != nil {
			t.Errorf("zaak %s is not destroyed", id)
		}
	}
}

// TestVernietiging_OneProcessAtATime: while another process holds the
// purge lock, Run does nothing and says so.
func TestVernietiging_OneProcessAtATime(t *testing.T) {
	e := newVnEnv(t)
	e.zaak(vnOud, vnNow.Add(-40*24*time.Hour))
	ctx := context.Background()
	conn, err := e.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtext($1))`, vernietigingLock); err != nil {
		t.Fatal(err)
	}
	if n, err := e.v.Run(ctx); n != 0 || !errors.Is(err, ErrVernietigingBezig) {
		t.Fatalf("run while another process purges: %d, %v", n, err)
	}
	if e.stream(zaken.ZaakStream(vnOud)) == nil {
		t.Fatal("destroyed while another process held the lock")
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock(hashtext($1))`, vernietigingLock); err != nil {
		t.Fatal(err)
	}
	e.run(1)
}
