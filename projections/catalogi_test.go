package projections

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

const (
	ctCatalogus = "c0000000-0000-4000-8000-000000000001"
	ctIOT       = "10000000-0000-4000-8000-000000000001"
	ctBT        = "b0000000-0000-4000-8000-000000000001"
	ctZT        = "20000000-0000-4000-8000-000000000001"
	ctZTWeg     = "20000000-0000-4000-8000-000000000002"
	ctStatus1   = "50000000-0000-4000-8000-000000000001"
	ctStatus2   = "50000000-0000-4000-8000-000000000002"
	ctRol       = "60000000-0000-4000-8000-000000000001"
	ctRolWeg    = "60000000-0000-4000-8000-000000000002"
	ctResultaat = "70000000-0000-4000-8000-000000000001"
	ctEig       = "80000000-0000-4000-8000-000000000001"
	ctZOT       = "90000000-0000-4000-8000-000000000001"
	ctZIOT      = "a0000000-0000-4000-8000-000000000001"
	ctProces    = "https://selectielijst.example/api/v1/procestypen/1"
	ctResultURL = "https://selectielijst.example/api/v1/resultaten/1"
)

// catalogiHistory decides a catalogue through the domain aggregates, as the
// command handlers do, and returns the events per stream in order: a
// catalogus, a published informatieobjecttype and besluittype, a published
// zaaktype with every kind of sub-type (one statustype changed, one roltype
// deleted) and a concept zaaktype deleted with its sub-types.
func catalogiHistory(t *testing.T) []streamEvents {
	t.Helper()
	var out []streamEvents
	// step(stream)(decision) records the events a decision on stream took.
	step := func(stream string) func([]domain.Event, error) {
		return func(events []domain.Event, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", stream, err)
			}
			out = append(out, streamEvents{stream, events})
		}
	}
	begin := catalogi.MustDate("2024-01-01")

	c := catalogi.NewCatalogus(ctCatalogus)
	step(catalogi.CatalogusStream(ctCatalogus))(c.Create(catalogi.CatalogusGegevens{Domein: "ABC", Rsin: "123456782", ContactpersoonBeheerNaam: "Beheer"}))

	iot := catalogi.NewInformatieobjecttype(ctIOT)
	step(catalogi.InformatieobjecttypeStream(ctIOT))(iot.Create(catalogi.InformatieobjecttypeGegevens{Catalogus: ctCatalogus,
		Omschrijving: "Aanvraag", Vertrouwelijkheidaanduiding: catalogi.Openbaar, Informatieobjectcategorie: "brief", BeginGeldigheid: begin}))
	step(catalogi.InformatieobjecttypeStream(ctIOT))(iot.Publish())
	versies := catalogi.NewVersies(catalogi.SoortInformatieobjecttype, ctCatalogus, "Aanvraag")
	pub, err := versies.Publiceer(ctIOT, iot.Periode())
	step(versies.Stream())(pub.Events, err)

	bt := catalogi.NewBesluittype(ctBT)
	step(catalogi.BesluittypeStream(ctBT))(bt.Create(catalogi.BesluittypeGegevens{Catalogus: ctCatalogus, Omschrijving: "Besluit A",
		Informatieobjecttypen: []string{"Aanvraag"}, BeginGeldigheid: begin},
		catalogi.Verwijzingen{"Aanvraag": {Catalogus: ctCatalogus}}))
	step(catalogi.BesluittypeStream(ctBT))(bt.Publish())

	btURL := "http://old.example/catalogi/api/v1/besluittypen/" + ctBT
	z := catalogi.NewZaaktype(ctZT)
	zs := catalogi.ZaaktypeStream(ctZT)
	step(zs)(z.Create(zaaktypeGegevens("ZT-1", begin), catalogi.ZaaktypeFeiten{
		Besluittypen: catalogi.Verwijzingen{"Besluit A": {Catalogus: ctCatalogus}}}))
	step(zs)(z.AddStatustype(ctStatus1, catalogi.StatustypeGegevens{Omschrijving: "Ontvangen", Volgnummer: 1}, false))
	step(zs)(z.AddStatustype(ctStatus2, catalogi.StatustypeGegevens{Omschrijving: "Afgehandeld", Volgnummer: 2}, false))
	step(zs)(z.UpdateStatustype(ctStatus1, catalogi.StatustypeGegevens{Omschrijving: "Ingediend", Volgnummer: 1}, catalogi.ActieUpdate, false))
	step(zs)(z.AddRoltype(ctRolWeg, catalogi.RoltypeGegevens{Omschrijving: "Weg", OmschrijvingGeneriek: catalogi.Adviseur}, false))
	step(zs)(z.AddRoltype(ctRol, catalogi.RoltypeGegevens{Omschrijving: "Aanvrager", OmschrijvingGeneriek: catalogi.Initiator}, false))
	step(zs)(z.DeleteRoltype(ctRolWeg, false))
	step(zs)(z.AddResultaattype(ctResultaat, catalogi.ResultaattypeGegevens{Omschrijving: "Verleend",
		Resultaattypeomschrijving: "https://referentielijsten.example/api/v1/resultaattypeomschrijvingen/1",
		Selectielijstklasse:       ctResultURL, Besluittypen: []string{btURL},
		BrondatumArchiefprocedure: &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}},
		catalogi.ResultaattypeFeiten{
			Selectielijstklasse:  catalogi.SelectielijstResultaat{URL: ctResultURL, ProcestypeURL: ctProces, Waardering: "vernietigen", Bewaartermijn: "P10Y"},
			OmschrijvingGeneriek: "Verleend", Besluittypen: catalogi.Verwijzingen{btURL: {Catalogus: ctCatalogus}},
		}, false))
	step(zs)(z.AddEigenschap(ctEig, catalogi.EigenschapGegevens{Naam: "kenteken", Definitie: "def",
		Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Tekst, Lengte: "10", Kardinaliteit: "1"}}, false))
	step(zs)(z.AddZaakobjecttype(ctZOT, catalogi.ZaakobjecttypeGegevens{
		Objecttype: "https://objecttypen.example/api/v2/objecttypes/1", RelatieOmschrijving: "betreft"}, false))
	step(zs)(z.AddZaaktypeInformatieobjecttype(ctZIOT, catalogi.ZaaktypeInformatieobjecttypeGegevens{
		Informatieobjecttype: "Aanvraag", Volgnummer: 1, Richting: catalogi.Inkomend},
		catalogi.Verwijzingen{"Aanvraag": {Catalogus: ctCatalogus}}, false))
	step(zs)(z.Publish(catalogi.PublicatieFeiten{
		Besluittypen:          catalogi.Verwijzingen{"Besluit A": {Catalogus: ctCatalogus}},
		Informatieobjecttypen: catalogi.Verwijzingen{"Aanvraag": {Catalogus: ctCatalogus}}}))

	weg := catalogi.NewZaaktype(ctZTWeg)
	ws := catalogi.ZaaktypeStream(ctZTWeg)
	step(ws)(weg.Create(zaaktypeGegevens("ZT-2", begin), catalogi.ZaaktypeFeiten{
		Besluittypen: catalogi.Verwijzingen{"Besluit A": {Catalogus: ctCatalogus}}}))
	step(ws)(weg.AddStatustype(uuid.NewString(), catalogi.StatustypeGegevens{Omschrijving: "Nieuw", Volgnummer: 1}, false))
	step(ws)(weg.AddRoltype(uuid.NewString(), catalogi.RoltypeGegevens{Omschrijving: "Rol", OmschrijvingGeneriek: catalogi.Behandelaar}, false))
	step(ws)(weg.Delete(false))
	return out
}

// fullHistory is catalogiHistory followed by laterHistory: every event
// type of the catalogi domain.
func fullHistory(t *testing.T) []streamEvents {
	first := catalogiHistory(t)
	return append(first, laterHistory(t, first)...)
}

type streamEvents struct {
	stream string
	events []domain.Event
}

func zaaktypeGegevens(identificatie string, begin catalogi.Date) catalogi.ZaaktypeGegevens {
	return catalogi.ZaaktypeGegevens{
		Catalogus: ctCatalogus, Identificatie: identificatie, Omschrijving: "Vergunning",
		Vertrouwelijkheidaanduiding: catalogi.Openbaar, Doel: "doel", Aanleiding: "aanleiding",
		IndicatieInternOfExtern: catalogi.ExternGeinitieerd, HandelingInitiator: "aanvragen",
		Onderwerp: "Vergunning", HandelingBehandelaar: "behandelen", Doorlooptijd: "P30D",
		SelectielijstProcestype: ctProces, Referentieproces: catalogi.Referentieproces{Naam: "ref"},
		Verantwoordelijke: "team", Besluittypen: []string{"Besluit A"}, Trefwoorden: []string{"bouw", "wonen"},
		BeginGeldigheid: begin, Versiedatum: begin,
	}
}

// appendHistory appends the history to store and returns the last position.
func appendHistory(t *testing.T, store eventstore.Store, history []streamEvents) eventstore.Position {
	t.Helper()
	var last eventstore.Position
	for _, se := range history {
		var data []eventstore.EventData
		for _, e := range se.events {
			d, err := eventstore.Encode(e, eventstore.Metadata{ClientID: "test", Time: time.Now().UTC()})
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, d)
		}
		if len(data) == 0 {
			continue
		}
		res, err := store.Append(context.Background(), se.stream, eventstore.Any(), data...)
		if err != nil {
			t.Fatalf("append %s: %v", se.stream, err)
		}
		last = res.Position
	}
	return last
}

var ztcTables = []string{"catalogussen", "zaaktypen", "informatieobjecttypen", "besluittypen", "statustypen",
	"roltypen", "resultaattypen", "eigenschappen", "zaakobjecttypen", "zaaktypeinformatieobjecttypen"}

// dumpZTC returns every table of schema ztc as canonical JSON, by table.
func dumpZTC(t *testing.T, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range ztcTables {
		var s string
		err := pool.QueryRow(context.Background(), `SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.uuid)::text, '[]') FROM ztc.`+table+` t`).Scan(&s)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = s
	}
	return out
}

// startCatalogi runs a runtime with the catalogi projection on a fresh
// database until the test ends.
func startCatalogi(t *testing.T) (*Runtime, *pgxpool.Pool, *postgres.Store) {
	t.Helper()
	return startRuntime(t, Config{}, func(rt *Runtime) { rt.Add(Catalogi{}) })
}

func waitFor(t *testing.T, rt *Runtime, pos eventstore.Position) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := rt.Waiter().Wait(ctx, pos, "catalogi"); err != nil {
		t.Fatalf("catalogi projection did not reach %s: %v", pos, err)
	}
}

func TestCatalogi_Rows(t *testing.T) {
	rt, pool, store := startCatalogi(t)
	waitFor(t, rt, appendHistory(t, store, catalogiHistory(t)))
	ctx := context.Background()

	counts := map[string]int{"catalogussen": 1, "zaaktypen": 1, "informatieobjecttypen": 1, "besluittypen": 1,
		"statustypen": 2, "roltypen": 1, "resultaattypen": 1, "eigenschappen": 1, "zaakobjecttypen": 1,
		"zaaktypeinformatieobjecttypen": 1}
	for table, want := range counts {
		var n int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM ztc.`+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows, want %d (the deleted zaaktype must take its sub-types along)", table, n, want)
		}
	}

	var (
		concept                   bool
		identificatie, begin      string
		einde                     *string
		trefwoorden, besluittypen []string
		btUUIDs                   []string
	)
	err := pool.QueryRow(ctx, `SELECT concept, identificatie, begin_geldigheid::text, einde_geldigheid::text, trefwoorden,
		besluittypen_omschrijvingen, besluittypen_uuids::text[] FROM ztc.zaaktypen WHERE uuid = $1`, ctZT).
		Scan(&concept, &identificatie, &begin, &einde, &trefwoorden, &besluittypen, &btUUIDs)
	if err != nil {
		t.Fatal(err)
	}
	if concept || identificatie != "ZT-1" || begin != "2024-01-01" || einde != nil ||
		!slices.Equal(trefwoorden, []string{"bouw", "wonen"}) || !slices.Equal(besluittypen, []string{"Besluit A"}) || len(btUUIDs) != 0 {
		t.Errorf("zaaktype row: concept %v %s %s %v %v %v %v", concept, identificatie, begin, einde, trefwoorden, besluittypen, btUUIDs)
	}

	var omschrijving string
	if err := pool.QueryRow(ctx, `SELECT data->>'omschrijving' FROM ztc.statustypen WHERE uuid = $1`, ctStatus1).Scan(&omschrijving); err != nil || omschrijving != "Ingediend" {
		t.Errorf("statustype after its change: %q, %v", omschrijving, err)
	}
	var rtNames, rtUUIDs []string
	if err := pool.QueryRow(ctx, `SELECT besluittypen_omschrijvingen, besluittypen_uuids::text[] FROM ztc.resultaattypen WHERE uuid = $1`, ctResultaat).
		Scan(&rtNames, &rtUUIDs); err != nil || len(rtNames) != 0 || !slices.Equal(rtUUIDs, []string{ctBT}) {
		t.Errorf("resultaattype by URL: names %v uuids %v, %v", rtNames, rtUUIDs, err)
	}
	var iotNaam *string
	var iotUUID *string
	if err := pool.QueryRow(ctx, `SELECT informatieobjecttype_omschrijving, informatieobjecttype_uuid::text FROM ztc.zaaktypeinformatieobjecttypen WHERE uuid = $1`, ctZIOT).
		Scan(&iotNaam, &iotUUID); err != nil || iotNaam == nil || *iotNaam != "Aanvraag" || iotUUID != nil {
		t.Errorf("zaaktype-informatieobjecttype reference: %v %v %v", iotNaam, iotUUID, err)
	}
	var iotConcept, btConcept bool
	if err := pool.QueryRow(ctx, `SELECT (SELECT concept FROM ztc.informatieobjecttypen), (SELECT concept FROM ztc.besluittypen)`).
		Scan(&iotConcept, &btConcept); err != nil || iotConcept || btConcept {
		t.Errorf("published types still concept: %v %v %v", iotConcept, btConcept, err)
	}
}

func TestCatalogi_ReplayTwiceIdentical(t *testing.T) {
	rt, pool, store := startCatalogi(t)
	waitFor(t, rt, appendHistory(t, store, fullHistory(t)))
	live := dumpZTC(t, pool)
	for i := 0; i < 2; i++ {
		if err := rt.Rebuild(context.Background(), "catalogi"); err != nil {
			t.Fatal(err)
		}
		for table, rows := range dumpZTC(t, pool) {
			if rows != live[table] {
				t.Fatalf("rebuild %d: %s differs from the live read model:\n%s\n%s", i+1, table, rows, live[table])
			}
		}
	}
}

// TestCatalogi_Idempotent: every event delivered twice in a row (as a retry
// after a lost commit acknowledgement would) leaves the same rows.
func TestCatalogi_Idempotent(t *testing.T) {
	rt, pool, store := startCatalogi(t)
	waitFor(t, rt, appendHistory(t, store, fullHistory(t)))
	want := dumpZTC(t, pool)

	twice := applyEachTwice(t, Catalogi{}, store)
	for table, rows := range dumpZTC(t, twice) {
		if rows != want[table] {
			t.Errorf("%s after applying every event twice:\n%s\nwant\n%s", table, rows, want[table])
		}
	}
}

func TestCatalogi_UnknownEventIsAnError(t *testing.T) {
	err := (Catalogi{}).Apply(context.Background(), &Tx{batch: &pgx.Batch{}},
		eventstore.RecordedEvent{EventData: eventstore.EventData{Type: "catalogi.catalogus.gewijzigd", Data: []byte(`{}`)}})
	if err == nil {
		t.Fatal("an unknown catalogi event was skipped silently")
	}
	if err := (Catalogi{}).Apply(context.Background(), &Tx{batch: &pgx.Batch{}},
		eventstore.RecordedEvent{EventData: eventstore.EventData{Type: "autorisaties.applicatie.aangemaakt"}}); err != nil {
		t.Fatalf("an event of another context: %v", err)
	}
}

func TestCatalogi_RefUUID(t *testing.T) {
	id := "b0000000-0000-4000-8000-000000000001"
	cases := []struct {
		ref  string
		want string
	}{
		{"https://ztc.example/catalogi/api/v1/besluittypen/" + id, id},
		{"https://ztc.example/catalogi/api/v1/besluittypen/" + id + "/", id},
		{"https://ztc.example/catalogi/api/v1/besluittypen/B0000000-0000-4000-8000-000000000001", id},
		{"https://ztc.example/catalogi/api/v1/zaaktypen/" + id, ""},
		{"https://ztc.example/catalogi/api/v1/besluittypen/" + id + "/publish", ""},
		{"https://ztc.example/catalogi/api/v1/besluittypen/123", ""},
		{"Besluit A", ""},
		{"besluittypen/" + id, ""},
	}
	for _, c := range cases {
		got, ok := refUUID(c.ref, "besluittypen")
		if got != c.want || ok != (c.want != "") {
			t.Errorf("refUUID(%q) = %q, %v; want %q", c.ref, got, ok, c.want)
		}
	}
	names, uuids := splitRefs(nil, "besluittypen")
	if names == nil || uuids == nil {
		t.Fatal("splitRefs must return empty lists, not nil: the columns are NOT NULL")
	}
}

// applyEachTwice applies every event of store's log twice in a row (as a
// retry after a lost commit acknowledgement would) to p on a fresh
// database, and returns that database.
func applyEachTwice(t *testing.T, p Projection, store eventstore.Store) *pgxpool.Pool {
	t.Helper()
	events, err := store.ReadAll(context.Background(), eventstore.Start, 10000)
	if err != nil {
		t.Fatal(err)
	}
	twice := pgtest.Pool(t)
	ctx := context.Background()
	err = pgx.BeginFunc(ctx, twice, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+p.Schema()); err != nil {
			return err
		}
		ptx := &Tx{tx: tx, batch: &pgx.Batch{}}
		for _, ev := range events {
			for range 2 {
				if err := p.Apply(ctx, ptx, ev); err != nil {
					return err
				}
			}
		}
		return ptx.flush(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
	return twice
}
