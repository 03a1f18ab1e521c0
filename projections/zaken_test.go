package projections

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
)

const (
	zrRSIN       = "123456782"
	zrZaaktype   = "https://ztc.example/catalogi/api/v1/zaaktypen/20000000-0000-4000-8000-000000000001"
	zrStStart    = "https://ztc.example/catalogi/api/v1/statustypen/50000000-0000-4000-8000-000000000001"
	zrStEind     = "https://ztc.example/catalogi/api/v1/statustypen/50000000-0000-4000-8000-000000000002"
	zrResType    = "https://ztc.example/catalogi/api/v1/resultaattypen/70000000-0000-4000-8000-000000000001"
	zrRoltype    = "https://ztc.example/catalogi/api/v1/roltypen/60000000-0000-4000-8000-000000000001"
	zrEigenschap = "https://ztc.example/catalogi/api/v1/eigenschappen/80000000-0000-4000-8000-000000000001"
	zrZOT        = "https://ztc.example/catalogi/api/v1/zaakobjecttypen/90000000-0000-4000-8000-000000000001"
	zrIOType     = "https://ztc.example/catalogi/api/v1/informatieobjecttypen/10000000-0000-4000-8000-000000000001"
	zrDocument   = "https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/d0000000-0000-4000-8000-000000000001"
	zrDocument2  = "https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/d0000000-0000-4000-8000-000000000002"
	zrBesluit    = "https://brc.example/besluiten/api/v1/besluiten/e0000000-0000-4000-8000-000000000001"
	zrBesluit2   = "https://brc.example/besluiten/api/v1/besluiten/e0000000-0000-4000-8000-000000000002"

	zrZaakA = "a1000000-0000-4000-8000-000000000001" // the full life: changed, closed, reopened
	zrZaakB = "a1000000-0000-4000-8000-000000000002" // deleted with all its sub-resources
	zrZaakC = "a1000000-0000-4000-8000-000000000003" // a deelzaak of A, closed

	// zrZaakNieuw comes after the history, in TestZaken_BlokkenMigration.
	zrZaakNieuw = "a1000000-0000-4000-8000-000000000004"

	// testBlok is the block size of zrc.blokken in these tests: the
	// history's three zaken fill more than one block.
	testBlok = 2

	zrStatus1, zrStatus2, zrStatus3 = "b1000000-0000-4000-8000-000000000001", "b1000000-0000-4000-8000-000000000002", "b1000000-0000-4000-8000-000000000003"
	zrResultaat, zrResultaatWeg     = "b2000000-0000-4000-8000-000000000001", "b2000000-0000-4000-8000-000000000002"
	zrRolNP, zrRolMW, zrRolNNP      = "b3000000-0000-4000-8000-000000000001", "b3000000-0000-4000-8000-000000000002", "b3000000-0000-4000-8000-000000000003"
	zrRolWeg                        = "b3000000-0000-4000-8000-000000000004"
	zrObject, zrObjectWeg           = "b4000000-0000-4000-8000-000000000001", "b4000000-0000-4000-8000-000000000002"
	zrEigensch, zrEigenschWeg       = "b5000000-0000-4000-8000-000000000001", "b5000000-0000-4000-8000-000000000002"
	zrZIO, zrZIOWeg                 = "b6000000-0000-4000-8000-000000000001", "b6000000-0000-4000-8000-000000000002"
	zrContact                       = "b7000000-0000-4000-8000-000000000001"
	zrZaakBesluit, zrZaakBesluitWeg = "b8000000-0000-4000-8000-000000000001", "b8000000-0000-4000-8000-000000000002"
)

var zrNow = time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)

// zakenFeiten is the zaaktype and documents as a command handler would
// have resolved them.
func zakenFeiten(hoofdzaak *zaken.HoofdzaakFeit) zaken.Feiten {
	ja := true
	return zaken.Feiten{
		Zaaktype: zaken.ZaaktypeFeiten{
			URL: zrZaaktype, Vertrouwelijkheidaanduiding: catalogi.Zaakvertrouwelijk,
			Statustypen: map[string]zaken.StatustypeFeit{zrStStart: {Volgnummer: 1}, zrStEind: {Volgnummer: 2, Eindstatus: true}},
			Resultaattypen: map[string]zaken.ResultaattypeFeit{zrResType: {Archiefnominatie: catalogi.Vernietigen,
				Archiefactietermijn: "P10Y", BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}}},
			Roltypen:              map[string]zaken.RoltypeFeit{zrRoltype: {Omschrijving: "Behandelaar", OmschrijvingGeneriek: "behandelaar"}},
			Eigenschappen:         map[string]zaken.EigenschapFeit{zrEigenschap: {Naam: "kenteken"}},
			Zaakobjecttypen:       []string{zrZOT},
			Informatieobjecttypen: []string{zrIOType},
		},
		Hoofdzaak: hoofdzaak,
		Informatieobjecten: map[string]zaken.InformatieobjectFeit{
			zrDocument:  {Informatieobjecttype: zrIOType, IndicatieGebruiksrecht: &ja},
			zrDocument2: {Informatieobjecttype: zrIOType, IndicatieGebruiksrecht: &ja},
		},
	}
}

func zrGegevens(identificatie string) zaken.ZaakGegevens {
	return zaken.ZaakGegevens{Identificatie: identificatie, Bronorganisatie: zrRSIN, VerantwoordelijkeOrganisatie: zrRSIN,
		Zaaktype: zrZaaktype, Startdatum: catalogi.MustDate("2025-01-01"), Omschrijving: "Aanvraag"}
}

func zrRol(betrokkeneType, identificatie string) zaken.RolGegevens {
	return zaken.RolGegevens{BetrokkeneType: betrokkeneType, Roltype: zrRoltype, Roltoelichting: "toelichting",
		BetrokkeneIdentificatie: json.RawMessage(identificatie)}
}

// zakenRecorder collects the decisions of a test history per stream.
type zakenRecorder struct {
	t   *testing.T
	out []streamEvents
}

// on returns a check that records the events a decision on stream took.
func (r *zakenRecorder) on(stream string) func([]domain.Event, error) {
	return func(events []domain.Event, err error) {
		r.t.Helper()
		if err != nil {
			r.t.Fatalf("%s: %v", stream, err)
		}
		r.out = append(r.out, streamEvents{stream, events})
	}
}

// reserve records the reservation of a zaak's identificatie, as the
// command handler does before creating it.
func (r *zakenRecorder) reserve(zaak, identificatie string) {
	res := zaken.NewIdentificatieReservering(zrRSIN, identificatie)
	r.on(zaken.IdentificatieStream(zrRSIN, identificatie))(res.Reserveer(zaak))
}

// zakenHistory decides three zaken through the aggregate: A goes through
// every kind of change and is closed and reopened, B gets one of every
// sub-resource and is deleted, C is a deelzaak of A and stays closed.
func zakenHistory(t *testing.T) []streamEvents {
	t.Helper()
	r := &zakenRecorder{t: t}
	clock := domain.FixedClock{T: zrNow}
	f := zakenFeiten(nil)
	geen := zaken.Bevoegdheden{}
	eind := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

	r.reserve(zrZaakA, "ZAAK-A")
	a := zaken.NewZaak(zrZaakA, clock)
	sa := r.on(zaken.ZaakStream(zrZaakA))
	sa(a.Create(zrGegevens("ZAAK-A"), f))
	g := a.Gegevens()
	g.Omschrijving, g.Vertrouwelijkheidaanduiding = "Gewijzigd", catalogi.Geheim
	g.EinddatumGepland = catalogi.MustDate("2025-06-01")
	sa(a.Update(g, f, "partial_update", geen))
	sa(a.AddRol(zrRolNP, zrRol("natuurlijk_persoon", `{"inpBsn":"111222333","anpIdentificatie":"A1","inpA_nummer":"1234567890"}`), f, geen))
	sa(a.AddRol(zrRolMW, zrRol("medewerker", `{"identificatie":"mw-1"}`), f, geen))
	sa(a.AddRol(zrRolNNP, zrRol("niet_natuurlijk_persoon", `{"innNnpId":"999990019"}`), f, geen))
	sa(a.AddRol(zrRolWeg, zrRol("vestiging", `{"vestigingsNummer":"000012345678"}`), f, geen))
	changed := zrRol("medewerker", `{"identificatie":"mw-2"}`)
	changed.Betrokkene = "https://medewerkers.example/2"
	sa(a.UpdateRol(zrRolMW, changed, f, "update", geen))
	sa(a.DeleteRol(zrRolWeg, geen))
	sa(a.AddZaakObject(zrObject, zaken.ZaakObjectGegevens{Object: "https://objecten.example/1", ObjectType: "adres"}, f, geen))
	sa(a.UpdateZaakObject(zrObject, zaken.ZaakObjectGegevens{Object: "https://objecten.example/1", ObjectType: "pand",
		Zaakobjecttype: zrZOT}, f, "update", geen))
	sa(a.AddZaakObject(zrObjectWeg, zaken.ZaakObjectGegevens{ObjectType: "overige", ObjectTypeOverige: "boom"}, f, geen))
	sa(a.DeleteZaakObject(zrObjectWeg, geen))
	sa(a.AddZaakEigenschap(zrEigensch, zaken.ZaakEigenschapGegevens{Eigenschap: zrEigenschap, Waarde: "AB-12-CD"}, f, geen))
	sa(a.UpdateZaakEigenschap(zrEigensch, zaken.ZaakEigenschapGegevens{Eigenschap: zrEigenschap, Waarde: "XY-34-ZZ"}, f, "update", geen))
	sa(a.AddZaakEigenschap(zrEigenschWeg, zaken.ZaakEigenschapGegevens{Eigenschap: zrEigenschap, Waarde: "weg"}, f, geen))
	sa(a.DeleteZaakEigenschap(zrEigenschWeg, geen))
	sa(a.AddZaakInformatieObject(zrZIO, zaken.ZaakInformatieObjectGegevens{Informatieobject: zrDocument, Titel: "Brief"}, f, geen))
	sa(a.UpdateZaakInformatieObject(zrZIO, zaken.ZaakInformatieObjectGegevens{Informatieobject: zrDocument, Titel: "Aanvraagbrief"}, f, "update", geen))
	sa(a.AddZaakInformatieObject(zrZIOWeg, zaken.ZaakInformatieObjectGegevens{Informatieobject: zrDocument2}, f, geen))
	sa(a.DeleteZaakInformatieObject(zrZIOWeg, geen))
	sa(a.AddKlantContact(zrContact, zaken.KlantContactGegevens{Identificatie: "KC-1", Datumtijd: zrNow, Kanaal: "telefoon"}, geen))
	sa(a.AddZaakBesluit(zrZaakBesluit, zaken.ZaakBesluitGegevens{Besluit: zrBesluit}, geen))
	sa(a.AddZaakBesluit(zrZaakBesluitWeg, zaken.ZaakBesluitGegevens{Besluit: zrBesluit2}, geen))
	sa(a.DeleteZaakBesluit(zrZaakBesluitWeg, geen))
	sa(a.AddStatus(zrStatus1, zaken.StatusGegevens{Statustype: zrStStart, DatumStatusGezet: eind.Add(-48 * time.Hour)}, f, geen))
	sa(a.AddResultaat(zrResultaatWeg, zaken.ResultaatGegevens{Resultaattype: zrResType}, f, geen))
	sa(a.DeleteResultaat(zrResultaatWeg, geen))
	sa(a.AddResultaat(zrResultaat, zaken.ResultaatGegevens{Resultaattype: zrResType}, f, geen))
	sa(a.UpdateResultaat(zrResultaat, zaken.ResultaatGegevens{Resultaattype: zrResType, Toelichting: "verleend"}, f, "update", geen))
	sa(a.AddStatus(zrStatus2, zaken.StatusGegevens{Statustype: zrStEind, DatumStatusGezet: eind}, f, geen))
	sa(a.AddStatus(zrStatus3, zaken.StatusGegevens{Statustype: zrStStart, DatumStatusGezet: eind.Add(time.Hour)}, f,
		zaken.Bevoegdheden{Heropenen: true}))

	r.reserve(zrZaakB, "ZAAK-B")
	b := zaken.NewZaak(zrZaakB, clock)
	sb := r.on(zaken.ZaakStream(zrZaakB))
	sb(b.Create(zrGegevens("ZAAK-B"), f))
	sb(b.AddRol("c3000000-0000-4000-8000-000000000001", zrRol("natuurlijk_persoon", `{"inpBsn":"111222333"}`), f, geen))
	sb(b.AddStatus("c1000000-0000-4000-8000-000000000001", zaken.StatusGegevens{Statustype: zrStStart, DatumStatusGezet: eind}, f, geen))
	sb(b.AddResultaat("c2000000-0000-4000-8000-000000000001", zaken.ResultaatGegevens{Resultaattype: zrResType}, f, geen))
	sb(b.AddZaakObject("c4000000-0000-4000-8000-000000000001", zaken.ZaakObjectGegevens{ObjectType: "adres"}, f, geen))
	sb(b.AddZaakEigenschap("c5000000-0000-4000-8000-000000000001", zaken.ZaakEigenschapGegevens{Eigenschap: zrEigenschap, Waarde: "x"}, f, geen))
	sb(b.AddZaakInformatieObject("c6000000-0000-4000-8000-000000000001", zaken.ZaakInformatieObjectGegevens{Informatieobject: zrDocument}, f, geen))
	sb(b.AddKlantContact("c7000000-0000-4000-8000-000000000001", zaken.KlantContactGegevens{Datumtijd: zrNow}, geen))
	sb(b.AddZaakBesluit("c8000000-0000-4000-8000-000000000001", zaken.ZaakBesluitGegevens{Besluit: zrBesluit}, geen))
	sb(b.Delete(geen))

	r.reserve(zrZaakC, "ZAAK-C")
	c := zaken.NewZaak(zrZaakC, clock)
	sc := r.on(zaken.ZaakStream(zrZaakC))
	gc := zrGegevens("ZAAK-C")
	gc.Hoofdzaak = "https://zrc.example/zaken/api/v1/zaken/" + zrZaakA
	sc(c.Create(gc, zakenFeiten(&zaken.HoofdzaakFeit{UUID: zrZaakA})))
	sc(c.AddResultaat("d2000000-0000-4000-8000-000000000001", zaken.ResultaatGegevens{Resultaattype: zrResType}, f, geen))
	sc(c.AddStatus("d1000000-0000-4000-8000-000000000001", zaken.StatusGegevens{Statustype: zrStEind, DatumStatusGezet: eind}, f, geen))
	return r.out
}

// zakenEventTypes are all event types of the zaken context.
var zakenEventTypes = []string{zaken.TypeZaakAangemaakt, zaken.TypeZaakGewijzigd, zaken.TypeZaakAfgesloten,
	zaken.TypeZaakHeropend, zaken.TypeZaakVerwijderd, zaken.TypeStatusAangemaakt, zaken.TypeResultaatAangemaakt,
	zaken.TypeResultaatGewijzigd, zaken.TypeResultaatVerwijderd, zaken.TypeRolAangemaakt, zaken.TypeRolGewijzigd,
	zaken.TypeRolVerwijderd, zaken.TypeZaakObjectAangemaakt, zaken.TypeZaakObjectGewijzigd, zaken.TypeZaakObjectVerwijderd,
	zaken.TypeZaakEigenschapAangemaakt, zaken.TypeZaakEigenschapGewijzigd, zaken.TypeZaakEigenschapVerwijderd,
	zaken.TypeZaakInformatieObjectAangemaakt, zaken.TypeZaakInformatieObjectGewijzigd,
	zaken.TypeZaakInformatieObjectVerwijderd, zaken.TypeKlantContactAangemaakt, zaken.TypeZaakBesluitAangemaakt,
	zaken.TypeZaakBesluitVerwijderd, zaken.TypeIdentificatieGereserveerd}

var zrcTables = append([]string{"zaken"}, zakenTables...)

// dumpZRC returns every table of schema zrc as canonical JSON, by table.
func dumpZRC(t *testing.T, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range zrcTables {
		var s string
		err := pool.QueryRow(context.Background(), `SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.uuid)::text, '[]') FROM zrc.`+table+` t`).Scan(&s)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = s
	}
	return out
}

// startZaken runs a runtime with the zaken projection on a fresh database
// until the test ends, applies history and waits until it is projected.
func startZaken(t *testing.T, history []streamEvents) (*Runtime, *pgxpool.Pool, *postgres.Store) {
	t.Helper()
	rt, pool, store := startRuntime(t, Config{}, func(rt *Runtime) { rt.Add(Zaken{Blok: testBlok}) })
	pos := appendHistory(t, store, history)
	wctx, wcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer wcancel()
	if err := rt.Waiter().Wait(wctx, pos, "zaken"); err != nil {
		t.Fatalf("zaken projection did not reach %s: %v", pos, err)
	}
	return rt, pool, store
}

func TestZaken_HistoryHasEveryEventType(t *testing.T) {
	seen := map[string]bool{}
	for _, se := range zakenHistory(t) {
		for _, e := range se.events {
			seen[e.EventType()] = true
		}
	}
	for _, typ := range zakenEventTypes {
		if !seen[typ] {
			t.Errorf("the test history has no %s", typ)
		}
	}
}

func TestZaken_Rows(t *testing.T) {
	_, pool, _ := startZaken(t, zakenHistory(t))
	ctx := context.Background()
	query := func(sql string, args []any, dest ...any) {
		t.Helper()
		if err := pool.QueryRow(ctx, sql, args...).Scan(dest...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}

	t.Run("zaak changed, closed and reopened", func(t *testing.T) {
		var (
			identificatie, aanduiding, archiefstatus, omschrijving string
			rank                                                   int
			einddatum, archiefnominatie, gepland                   *string
			status, resultaat                                      string
		)
		query(`SELECT identificatie, vertrouwelijkheidaanduiding, vertrouwelijkheid_rank, archiefstatus, data->>'omschrijving',
				einddatum::text, archiefnominatie, einddatum_gepland::text, status::text, resultaat::text
			FROM zrc.zaken WHERE uuid = $1`, []any{zrZaakA},
			&identificatie, &aanduiding, &rank, &archiefstatus, &omschrijving, &einddatum, &archiefnominatie, &gepland, &status, &resultaat)
		if identificatie != "ZAAK-A" || aanduiding != "geheim" || rank != autorisaties.Rank("geheim") ||
			archiefstatus != "nog_te_archiveren" || omschrijving != "Gewijzigd" || gepland == nil || *gepland != "2025-06-01" {
			t.Errorf("zaak A: %s %s %d %s %q %v", identificatie, aanduiding, rank, archiefstatus, omschrijving, gepland)
		}
		if einddatum != nil || archiefnominatie != nil {
			t.Errorf("reopened zaak keeps einddatum %v / archiefnominatie %v", einddatum, archiefnominatie)
		}
		if status != zrStatus3 || resultaat != zrResultaat {
			t.Errorf("current status %s, resultaat %s; want %s, %s", status, resultaat, zrStatus3, zrResultaat)
		}
	})

	t.Run("closed deelzaak", func(t *testing.T) {
		var einddatum, archiefnominatie, archiefactiedatum, hoofdzaak string
		query(`SELECT einddatum::text, archiefnominatie, archiefactiedatum::text, hoofdzaak_uuid::text
			FROM zrc.zaken WHERE uuid = $1`, []any{zrZaakC}, &einddatum, &archiefnominatie, &archiefactiedatum, &hoofdzaak)
		if einddatum != "2025-03-01" || archiefnominatie != "vernietigen" || archiefactiedatum != "2035-03-01" || hoofdzaak != zrZaakA {
			t.Errorf("zaak C: %s %s %s %s", einddatum, archiefnominatie, archiefactiedatum, hoofdzaak)
		}
	})

	t.Run("statussen", func(t *testing.T) {
		rows, err := pool.Query(ctx, `SELECT uuid::text, indicatie_laatst_gezette_status, (data->>'indicatieLaatstGezetteStatus')::boolean
			FROM zrc.statussen WHERE zaak = $1 ORDER BY created_commit, created_prepare`, zrZaakA)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var id string
			var col, data bool
			if err := rows.Scan(&id, &col, &data); err != nil {
				t.Fatal(err)
			}
			if col != data || col != (id == zrStatus3) {
				t.Errorf("status %s: indicatieLaatstGezetteStatus column %v, data %v", id, col, data)
			}
			got = append(got, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, []string{zrStatus1, zrStatus2, zrStatus3}) {
			t.Errorf("statussen in creation order: %v", got)
		}
	})

	t.Run("rollen", func(t *testing.T) {
		var bsn, anp, anummer, nnp, mw, betrokkene string
		var n int
		query(`SELECT count(*), max(np_inp_bsn), max(np_anp_identificatie), max(np_inp_a_nummer), max(nnp_inn_nnp_id),
				max(medewerker_identificatie), max(betrokkene)
			FROM zrc.rollen WHERE zaak = $1`, []any{zrZaakA}, &n, &bsn, &anp, &anummer, &nnp, &mw, &betrokkene)
		if n != 3 || bsn != "111222333" || anp != "A1" || anummer != "1234567890" || nnp != "999990019" ||
			mw != "mw-2" || betrokkene != "https://medewerkers.example/2" {
			t.Errorf("rollen of A: %d %s %s %s %s %s %s", n, bsn, anp, anummer, nnp, mw, betrokkene)
		}
		var vestiging, other int
		query(`SELECT count(vestigings_nummer), count(*) FILTER (WHERE medewerker_identificatie IS NOT NULL
				AND betrokkene_type <> 'medewerker') FROM zrc.rollen`, nil, &vestiging, &other)
		if vestiging != 0 || other != 0 {
			t.Errorf("deleted vestiging rol: %d, identificatie in the wrong column: %d", vestiging, other)
		}
		var omschrijving string
		query(`SELECT omschrijving_generiek FROM zrc.rollen WHERE uuid = $1`, []any{zrRolNP}, &omschrijving)
		if omschrijving != "behandelaar" {
			t.Errorf("omschrijvingGeneriek %q", omschrijving)
		}
	})

	t.Run("other sub-resources of A", func(t *testing.T) {
		var objectType, zot, waarde, titel, toelichting, contact, besluit string
		query(`SELECT (SELECT object_type FROM zrc.zaakobjecten WHERE zaak = $1),
				(SELECT zaakobjecttype FROM zrc.zaakobjecten WHERE zaak = $1),
				(SELECT data->>'waarde' FROM zrc.zaakeigenschappen WHERE zaak = $1),
				(SELECT data->>'titel' FROM zrc.zaakinformatieobjecten WHERE zaak = $1),
				(SELECT data->>'toelichting' FROM zrc.resultaten WHERE zaak = $1),
				(SELECT data->>'identificatie' FROM zrc.klantcontacten WHERE zaak = $1),
				(SELECT besluit FROM zrc.zaakbesluiten WHERE zaak = $1)`, []any{zrZaakA},
			&objectType, &zot, &waarde, &titel, &toelichting, &contact, &besluit)
		if objectType != "pand" || zot != zrZOT || waarde != "XY-34-ZZ" || titel != "Aanvraagbrief" ||
			toelichting != "verleend" || contact != "KC-1" || besluit != zrBesluit {
			t.Errorf("sub-resources of A: %s %s %s %s %s %s %s", objectType, zot, waarde, titel, toelichting, contact, besluit)
		}
	})

	t.Run("deleted zaak leaves nothing", func(t *testing.T) {
		for _, table := range zrcTables {
			col := "zaak"
			if table == "zaken" {
				col = "uuid"
			}
			var n int
			query(`SELECT count(*) FROM zrc.`+table+` WHERE `+col+` = $1`, []any{zrZaakB}, &n)
			if n != 0 {
				t.Errorf("%s: %d rows of the deleted zaak", table, n)
			}
		}
	})

	t.Run("one row per live resource", func(t *testing.T) {
		want := map[string]int{"zaken": 2, "statussen": 4, "resultaten": 2, "rollen": 3, "zaakobjecten": 1,
			"zaakeigenschappen": 1, "zaakinformatieobjecten": 1, "klantcontacten": 1, "zaakbesluiten": 1}
		for table, n := range want {
			var got int
			query(`SELECT count(*) FROM zrc.`+table, nil, &got)
			if got != n {
				t.Errorf("%s: %d rows, want %d", table, got, n)
			}
		}
	})
}

func TestZaken_ReplayTwiceIdentical(t *testing.T) {
	rt, pool, _ := startZaken(t, zakenHistory(t))
	live := dumpZRC(t, pool)
	for i := range 2 {
		if err := rt.Rebuild(context.Background(), "zaken"); err != nil {
			t.Fatal(err)
		}
		for table, rows := range dumpZRC(t, pool) {
			if rows != live[table] {
				t.Fatalf("rebuild %d: %s differs from the live read model:\n%s\n%s", i+1, table, rows, live[table])
			}
		}
	}
}

// TestZaken_Idempotent: every event delivered twice in a row (as a retry
// after a lost commit acknowledgement would) leaves the same rows.
func TestZaken_Idempotent(t *testing.T) {
	_, pool, store := startZaken(t, zakenHistory(t))
	want := dumpZRC(t, pool)

	twice := applyEachTwice(t, Zaken{}, store)
	for table, rows := range dumpZRC(t, twice) {
		if rows != want[table] {
			t.Errorf("%s after applying every event twice:\n%s\nwant\n%s", table, rows, want[table])
		}
	}
}

// TestZaken_VertrouwelijkheidRank: the rank column is autorisaties.Rank of
// the aanduiding, also after a change, so RightsFilter compares ranks.
func TestZaken_VertrouwelijkheidRank(t *testing.T) {
	clock := domain.FixedClock{T: zrNow}
	f := zakenFeiten(nil)
	var history []streamEvents
	ids := map[string]string{}
	for i, aanduiding := range autorisaties.Vertrouwelijkheidaanduidingen {
		id := "f0000000-0000-4000-8000-00000000000" + string(rune('0'+i))
		ids[id] = aanduiding
		z := zaken.NewZaak(id, clock)
		g := zrGegevens("ZAAK-R" + aanduiding)
		g.Vertrouwelijkheidaanduiding = catalogi.Vertrouwelijkheidaanduiding(aanduiding)
		events, err := z.Create(g, f)
		if err != nil {
			t.Fatal(err)
		}
		history = append(history, streamEvents{zaken.ZaakStream(id), events})
	}
	// The default comes from the zaaktype (zrc-009), and a change moves it.
	changed := "f0000000-0000-4000-8000-000000000009"
	z := zaken.NewZaak(changed, clock)
	created, err := z.Create(zrGegevens("ZAAK-R-default"), f)
	if err != nil {
		t.Fatal(err)
	}
	g := z.Gegevens()
	g.Vertrouwelijkheidaanduiding = catalogi.Openbaar
	updated, err := z.Update(g, f, "partial_update", zaken.Bevoegdheden{})
	if err != nil {
		t.Fatal(err)
	}
	history = append(history, streamEvents{zaken.ZaakStream(changed), append(created, updated...)})
	ids[changed] = "openbaar"

	_, pool, _ := startZaken(t, history)
	rows, err := pool.Query(context.Background(), `SELECT uuid::text, vertrouwelijkheidaanduiding, vertrouwelijkheid_rank FROM zrc.zaken`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var id, aanduiding string
		var rank int
		if err := rows.Scan(&id, &aanduiding, &rank); err != nil {
			t.Fatal(err)
		}
		n++
		if aanduiding != ids[id] || rank != autorisaties.Rank(aanduiding) || rank < 0 {
			t.Errorf("zaak %s: %s rank %d, want %s rank %d", id, aanduiding, rank, ids[id], autorisaties.Rank(ids[id]))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(ids) {
		t.Errorf("%d zaken, want %d", n, len(ids))
	}
}

func TestZaken_UnknownEventIsAnError(t *testing.T) {
	apply := func(typ string) error {
		return (Zaken{}).Apply(context.Background(), &Tx{batch: &pgx.Batch{}},
			eventstore.RecordedEvent{EventData: eventstore.EventData{Type: typ, Data: []byte(`{}`)}})
	}
	if err := apply("zaken.klantcontact.verwijderd"); err == nil {
		t.Fatal("an unknown zaken event was skipped silently")
	}
	if err := apply("catalogi.catalogus.aangemaakt"); err != nil {
		t.Fatalf("an event of another context: %v", err)
	}
	if err := apply(zaken.TypeIdentificatieGereserveerd); err != nil {
		t.Fatalf("a reservation event: %v", err)
	}
}

func TestZaken_RolKenmerken(t *testing.T) {
	cases := []struct {
		name string
		rol  zaken.RolGegevens
		want rolKenmerken
	}{
		{"natuurlijk persoon", zrRol("natuurlijk_persoon", `{"inpBsn":"1","anpIdentificatie":"","inpA_nummer":"3"}`),
			rolKenmerken{inpBsn: "1", inpANummer: "3"}},
		{"organisatorische eenheid", zrRol("organisatorische_eenheid", `{"identificatie":"OE"}`),
			rolKenmerken{organisatorischeEenheid: "OE"}},
		{"identificatie of another kind is ignored", zrRol("vestiging", `{"identificatie":"x","inpBsn":"1"}`), rolKenmerken{}},
		{"no identification", zrRol("medewerker", ``), rolKenmerken{}},
		{"not an object", zrRol("medewerker", `["x"]`), rolKenmerken{}},
		{"not a string", zrRol("medewerker", `{"identificatie":12}`), rolKenmerken{}},
	}
	for _, c := range cases {
		if got := rolKenmerkenVan(c.rol); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
