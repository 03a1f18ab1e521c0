package readapi

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/jackc/pgx/v5/pgxpool"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
	"github.com/zaakregister/zaakregister/projections"
	"github.com/zaakregister/zaakregister/zgw"
)

const (
	zkRSIN      = "123456782"
	zkRSIN2     = "002220647"
	zkZaaktypeA = "https://ztc.example/catalogi/api/v1/zaaktypen/20000000-0000-4000-8000-00000000000a"
	zkZaaktypeB = "https://ztc.example/catalogi/api/v1/zaaktypen/20000000-0000-4000-8000-00000000000b"
	zkStStart   = "https://ztc.example/catalogi/api/v1/statustypen/50000000-0000-4000-8000-000000000001"
	zkStEind    = "https://ztc.example/catalogi/api/v1/statustypen/50000000-0000-4000-8000-000000000002"
	zkResType   = "https://ztc.example/catalogi/api/v1/resultaattypen/70000000-0000-4000-8000-000000000001"
	zkRoltype   = "https://ztc.example/catalogi/api/v1/roltypen/60000000-0000-4000-8000-000000000001"
	zkBase      = "https://zrc.test"
	zkRoot      = "/zaken/api/v1"

	zk1 = "a1000000-0000-4000-8000-000000000001" // type A, intern, with rollen and a status
	zk2 = "a1000000-0000-4000-8000-000000000002" // type A, geheim, other bronorganisatie
	zk3 = "a1000000-0000-4000-8000-000000000003" // type B, openbaar, closed
	zk4 = "a1000000-0000-4000-8000-000000000004" // type A, openbaar, deelzaak of 1

	zkStatus    = "b1000000-0000-4000-8000-000000000001"
	zkRolNP     = "b3000000-0000-4000-8000-000000000001"
	zkRolMW     = "b3000000-0000-4000-8000-000000000002"
	zkResultaat = "b2000000-0000-4000-8000-000000000003"
)

var zkNow = time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)

type zkStream struct {
	stream string
	events []domain.Event
	// meta is the metadata of the append; ClientID "test" and the time
	// now when zero.
	meta eventstore.Metadata
}

func zkFeiten(zaaktype string, hoofdzaak *zaken.HoofdzaakFeit) zaken.Feiten {
	return zaken.Feiten{
		Zaaktype: zaken.ZaaktypeFeiten{
			URL: zaaktype, Vertrouwelijkheidaanduiding: catalogi.Openbaar,
			Statustypen: map[string]zaken.StatustypeFeit{zkStStart: {Volgnummer: 1}, zkStEind: {Volgnummer: 2, Eindstatus: true}},
			Resultaattypen: map[string]zaken.ResultaattypeFeit{zkResType: {Archiefnominatie: catalogi.Vernietigen,
				Archiefactietermijn: "P10Y", BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}}},
			Roltypen: map[string]zaken.RoltypeFeit{zkRoltype: {Omschrijving: "Behandelaar", OmschrijvingGeneriek: "behandelaar"}},
		},
		Hoofdzaak: hoofdzaak,
	}
}

func zkGegevens(identificatie, rsin, zaaktype, va, start string) zaken.ZaakGegevens {
	return zaken.ZaakGegevens{Identificatie: identificatie, Bronorganisatie: rsin, VerantwoordelijkeOrganisatie: zkRSIN,
		Zaaktype: zaaktype, Vertrouwelijkheidaanduiding: catalogi.Vertrouwelijkheidaanduiding(va),
		Startdatum: catalogi.MustDate(start), Registratiedatum: catalogi.MustDate(start), Omschrijving: identificatie}
}

// zkRecorder collects decisions per stream, failing the test on an error.
type zkRecorder struct {
	t   *testing.T
	out []zkStream
}

func (r *zkRecorder) on(id string) func([]domain.Event, error) {
	return func(events []domain.Event, err error) {
		r.t.Helper()
		if err != nil {
			r.t.Fatalf("zaak %s: %v", id, err)
		}
		r.out = append(r.out, zkStream{stream: zaken.ZaakStream(id), events: events})
	}
}

// zkHistory decides the four zaken of the filter tests.
func zkHistory(t *testing.T) []zkStream {
	t.Helper()
	r := &zkRecorder{t: t}
	clock := domain.FixedClock{T: zkNow}
	geen := zaken.Bevoegdheden{}
	fa, fb := zkFeiten(zkZaaktypeA, nil), zkFeiten(zkZaaktypeB, nil)

	z1, s1 := zaken.NewZaak(zk1, clock), r.on(zk1)
	s1(z1.Create(zkGegevens("Z-1", zkRSIN, zkZaaktypeA, "intern", "2025-01-01"), fa))
	s1(z1.AddRol(zkRolNP, zaken.RolGegevens{BetrokkeneType: "natuurlijk_persoon", Roltype: zkRoltype, Roltoelichting: "x",
		BetrokkeneIdentificatie: json.RawMessage(`{"inpBsn":"111222333","anpIdentificatie":"A1","inpA_nummer":"1234567890"}`)}, fa, geen))
	s1(z1.AddRol(zkRolMW, zaken.RolGegevens{BetrokkeneType: "medewerker", Roltype: zkRoltype, Roltoelichting: "x",
		Betrokkene: "https://medewerkers.example/1", BetrokkeneIdentificatie: json.RawMessage(`{"identificatie":"mw-1"}`)}, fa, geen))
	s1(z1.AddStatus(zkStatus, zaken.StatusGegevens{Statustype: zkStStart, DatumStatusGezet: zkNow.Add(-time.Hour)}, fa, geen))

	z2, s2 := zaken.NewZaak(zk2, clock), r.on(zk2)
	g2 := zkGegevens("Z-2", zkRSIN2, zkZaaktypeA, "geheim", "2025-02-01")
	g2.EinddatumGepland = catalogi.MustDate("2025-06-01")
	g2.UiterlijkeEinddatumAfdoening = catalogi.MustDate("2025-07-01")
	s2(z2.Create(g2, fa))
	s2(z2.AddRol("b3000000-0000-4000-8000-000000000009", zaken.RolGegevens{BetrokkeneType: "niet_natuurlijk_persoon",
		Roltype: zkRoltype, Roltoelichting: "x", BetrokkeneIdentificatie: json.RawMessage(`{"innNnpId":"999990019"}`)}, fa, geen))

	z3, s3 := zaken.NewZaak(zk3, clock), r.on(zk3)
	s3(z3.Create(zkGegevens("Z-3", zkRSIN, zkZaaktypeB, "openbaar", "2025-03-01"), fb))
	s3(z3.AddResultaat(zkResultaat, zaken.ResultaatGegevens{Resultaattype: zkResType}, fb, geen))
	s3(z3.AddStatus("b1000000-0000-4000-8000-000000000003", zaken.StatusGegevens{Statustype: zkStEind,
		DatumStatusGezet: time.Date(2025, 3, 5, 9, 0, 0, 0, time.UTC)}, fb, geen))

	z4, s4 := zaken.NewZaak(zk4, clock), r.on(zk4)
	g4 := zkGegevens("Z-4", zkRSIN, zkZaaktypeA, "openbaar", "2025-01-15")
	g4.Hoofdzaak = zkBase + zkRoot + "/zaken/" + zk1
	g4.Verlenging = &zaken.Verlenging{Reden: "drukte", Duur: "P5D"}
	s4(z4.Create(g4, zkFeiten(zkZaaktypeA, &zaken.HoofdzaakFeit{UUID: zk1})))
	return r.out
}

// zkProject projects history into a fresh database through a real
// projections runtime with the zaken projection and returns the handlers.
// zkZaken is the zaken projection of these tests, with blocks of 7 rows
// in zrc.blokken, so that deep pages cross many.
var zkZaken = projections.Zaken{Blok: 7}

// Every list page after the first is found through the blocks.
func init() { blokkenVanaf = 1 }

func zkProject(t *testing.T, history []zkStream) Zaken {
	t.Helper()
	pool, _, _ := zkRun(t, history, zkZaken)
	return Zaken{Pool: pool, Gegevens: &GegevensCache{}}
}

// zkRun appends history to a PostgreSQL event store on a fresh database
// and projects it through a real runtime with projs, until the test ends;
// it returns once every projection has all of it.
func zkRun(t *testing.T, history []zkStream, projs ...projections.Projection) (*pgxpool.Pool, *postgres.Store, *projections.Runtime) {
	t.Helper()
	pool := pgtest.Pool(t)
	store := postgres.New(pool)
	t.Cleanup(func() { store.Close() })
	rt := projections.New(pool, store, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, projections.Config{})
	var names []string
	for _, p := range projs {
		rt.Add(p)
		names = append(names, p.Name())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done, err := rt.Start(ctx, 30*time.Second)
	if err != nil {
		cancel()
		t.Fatalf("runtime: %v", err)
	}
	t.Cleanup(func() { cancel(); <-done })
	var last eventstore.Position
	for _, se := range history {
		meta := se.meta
		if meta.ClientID == "" && meta.Time.IsZero() {
			meta = eventstore.Metadata{ClientID: "test", Time: time.Now().UTC()}
		}
		var data []eventstore.EventData
		for _, e := range se.events {
			d, err := eventstore.Encode(e, meta)
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
	wctx, wcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer wcancel()
	if err := rt.Waiter().Wait(wctx, last, names...); err != nil {
		t.Fatalf("projections did not reach %s: %v", last, err)
	}
	return pool, store, rt
}

var zkSuperuser = &autorisaties.Rights{HeeftAlleAutorisaties: true}

// zkGet calls GET path on a chi router serving h for a principal with
// rights, and decodes the JSON body.
func zkGet(t *testing.T, h Zaken, rights *autorisaties.Rights, path string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	return zkGetAt(t, h, rights, zkBase, path)
}

// zkGetAt is zkGet for a registry at base URL base.
func zkGetAt(t *testing.T, h Zaken, rights *autorisaties.Rights, base, path string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	router := chi.NewRouter()
	router.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := zgw.WithAPI(r.Context(), &zgw.API{Name: "zaken", Root: zkRoot, Component: autorisaties.ZRC, BaseURL: base})
			ctx = zgw.WithPrincipal(ctx, &zgw.Principal{ClientID: "test", Rights: rights})
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	})
	router.Route(zkRoot, func(r chi.Router) {
		r.Get("/zaken", h.List)
		r.Get("/zaken/{uuid}", h.Read)
	})
	w := httptest.NewRecorder()
	router.ServeHTTP(w, httptest.NewRequest(http.MethodGet, zkRoot+path, nil))
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("GET %s: %d %s: %v", path, w.Code, w.Body.String(), err)
	}
	return w, body
}

// zkIdentificaties lists the identificaties of a page, in order.
func zkIdentificaties(t *testing.T, body map[string]any) []string {
	t.Helper()
	results, ok := body["results"].([]any)
	if !ok {
		t.Fatalf("no results in %v", body)
	}
	out := []string{}
	for _, r := range results {
		out = append(out, r.(map[string]any)["identificatie"].(string))
	}
	return out
}

func TestZaken_ListFilters(t *testing.T) {
	h := zkProject(t, zkHistory(t))
	q := url.QueryEscape
	cases := []struct {
		query string
		want  []string
	}{
		{"", []string{"Z-1", "Z-2", "Z-3", "Z-4"}},
		{"identificatie=Z-2", []string{"Z-2"}},
		{"bronorganisatie=" + zkRSIN2, []string{"Z-2"}},
		{"bronorganisatie__in=" + zkRSIN2 + ",999999999", []string{"Z-2"}},
		{"zaaktype=" + q(zkZaaktypeB), []string{"Z-3"}},
		{"zaaktype__in=" + q(zkZaaktypeB+","+zkZaaktypeA), []string{"Z-1", "Z-2", "Z-3", "Z-4"}},
		{"archiefnominatie=vernietigen", []string{"Z-3"}},
		{"archiefnominatie__in=blijvend_bewaren,vernietigen", []string{"Z-3"}},
		{"archiefactiedatum=2035-03-05", []string{"Z-3"}},
		{"archiefactiedatum__lt=2035-03-06", []string{"Z-3"}},
		{"archiefactiedatum__gt=2035-03-05", []string{}},
		{"archiefactiedatum__isnull=true", []string{"Z-1", "Z-2", "Z-4"}},
		{"archiefactiedatum__isnull=false", []string{"Z-3"}},
		{"archiefstatus=nog_te_archiveren", []string{"Z-1", "Z-2", "Z-3", "Z-4"}},
		{"archiefstatus__in=gearchiveerd,overgedragen", []string{}},
		{"startdatum=2025-02-01", []string{"Z-2"}},
		{"startdatum__gt=2025-02-01", []string{"Z-3"}},
		{"startdatum__gte=2025-02-01", []string{"Z-2", "Z-3"}},
		{"startdatum__lt=2025-02-01", []string{"Z-1", "Z-4"}},
		{"startdatum__lte=2025-01-15", []string{"Z-1", "Z-4"}},
		{"registratiedatum=2025-01-15", []string{"Z-4"}},
		{"registratiedatum__gt=2025-01-15", []string{"Z-2", "Z-3"}},
		{"registratiedatum__lt=2025-01-15", []string{"Z-1"}},
		{"einddatum=2025-03-05", []string{"Z-3"}},
		{"einddatum__isnull=true", []string{"Z-1", "Z-2", "Z-4"}},
		{"einddatum__gt=2025-03-04", []string{"Z-3"}},
		{"einddatum__lt=2025-03-05", []string{}},
		{"einddatumGepland=2025-06-01", []string{"Z-2"}},
		{"einddatumGepland__gt=2025-05-01", []string{"Z-2"}},
		{"einddatumGepland__lt=2025-06-01", []string{}},
		{"uiterlijkeEinddatumAfdoening=2025-07-01", []string{"Z-2"}},
		{"uiterlijkeEinddatumAfdoening__gt=2025-07-01", []string{}},
		{"uiterlijkeEinddatumAfdoening__lt=2025-07-02", []string{"Z-2"}},
		{"maximaleVertrouwelijkheidaanduiding=openbaar", []string{"Z-3", "Z-4"}},
		{"maximaleVertrouwelijkheidaanduiding=intern", []string{"Z-1", "Z-3", "Z-4"}},
		{"rol__betrokkeneType=medewerker", []string{"Z-1"}},
		{"rol__betrokkeneType=niet_natuurlijk_persoon", []string{"Z-2"}},
		{"rol__betrokkene=" + q("https://medewerkers.example/1"), []string{"Z-1"}},
		{"rol__omschrijvingGeneriek=behandelaar", []string{"Z-1", "Z-2"}},
		{"rol__omschrijvingGeneriek=initiator", []string{}},
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333", []string{"Z-1"}},
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=A1", []string{"Z-1"}},
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer=1234567890", []string{"Z-1"}},
		{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=999990019", []string{"Z-2"}},
		{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie=x", []string{}},
		{"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer=x", []string{}},
		{"rol__betrokkeneIdentificatie__medewerker__identificatie=mw-1", []string{"Z-1"}},
		{"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie=x", []string{}},
		// One rol must meet every rol__ condition.
		{"rol__betrokkeneType=medewerker&rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333", []string{}},
		{"rol__betrokkeneType=natuurlijk_persoon&rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333", []string{"Z-1"}},
		{"zaaktype=" + q(zkZaaktypeA) + "&startdatum__gte=2025-01-15", []string{"Z-2", "Z-4"}},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			w, body := zkGet(t, h, zkSuperuser, "/zaken?"+c.query)
			if w.Code != http.StatusOK {
				t.Fatalf("%d %s", w.Code, w.Body.String())
			}
			got := zkIdentificaties(t, body)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if int(body["count"].(float64)) != len(c.want) {
				t.Errorf("count %v, want %d", body["count"], len(c.want))
			}
		})
	}
}

func TestZaken_Ordering(t *testing.T) {
	h := zkProject(t, zkHistory(t))
	cases := map[string][]string{
		"":                          {"Z-1", "Z-2", "Z-3", "Z-4"}, // creation order
		"ordering=startdatum":       {"Z-1", "Z-4", "Z-2", "Z-3"},
		"ordering=-startdatum":      {"Z-3", "Z-2", "Z-4", "Z-1"},
		"ordering=-identificatie":   {"Z-4", "Z-3", "Z-2", "Z-1"},
		"ordering=registratiedatum": {"Z-1", "Z-4", "Z-2", "Z-3"},
		"ordering=einddatum":        {"Z-3", "Z-1", "Z-2", "Z-4"}, // NULLS LAST, then creation
		"ordering=-einddatum":       {"Z-1", "Z-2", "Z-4", "Z-3"},
		"ordering=-archiefactiedatum,identificatie": {"Z-1", "Z-2", "Z-4", "Z-3"},
		"ordering=publicatiedatum":                  {"Z-1", "Z-2", "Z-3", "Z-4"},
	}
	for query, want := range cases {
		t.Run(query, func(t *testing.T) {
			w, body := zkGet(t, h, zkSuperuser, "/zaken?"+query)
			if w.Code != http.StatusOK {
				t.Fatalf("%d %s", w.Code, w.Body.String())
			}
			if got := zkIdentificaties(t, body); !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestZaken_BadValues(t *testing.T) {
	h := zkProject(t, nil)
	for _, query := range []string{
		"startdatum=gisteren", "startdatum__gt=2025-13-01", "startdatum__gte=x", "startdatum__lt=x", "startdatum__lte=x",
		"registratiedatum__gt=x", "registratiedatum__lt=x", "registratiedatum=x",
		"einddatum=x", "einddatum__gt=x", "einddatum__lt=x", "einddatum__isnull=misschien",
		"einddatumGepland=x", "einddatumGepland__gt=x", "einddatumGepland__lt=x",
		"uiterlijkeEinddatumAfdoening=x", "uiterlijkeEinddatumAfdoening__gt=x", "uiterlijkeEinddatumAfdoening__lt=x",
		"archiefactiedatum=x", "archiefactiedatum__lt=x", "archiefactiedatum__gt=x", "archiefactiedatum__isnull=x",
		"archiefnominatie=bewaren", "archiefnominatie__in=vernietigen,bewaren",
		"archiefstatus=weg", "archiefstatus__in=gearchiveerd,weg",
		"zaaktype=geen-url", "zaaktype__in=" + url.QueryEscape(zkZaaktypeA) + ",geen-url",
		"maximaleVertrouwelijkheidaanduiding=heel_geheim",
		"rol__betrokkeneType=kat", "rol__omschrijvingGeneriek=kat", "rol__betrokkene=geen-url",
		"ordering=omschrijving", "ordering=startdatum,-kat",
		"page=0", "page=x",
		"identificatie=a%00b", "rol__betrokkeneIdentificatie__medewerker__identificatie=%ff",
	} {
		t.Run(query, func(t *testing.T) {
			w, body := zkGet(t, h, zkSuperuser, "/zaken?"+query)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("%d %s", w.Code, w.Body.String())
			}
			params, _ := body["invalidParams"].([]any)
			name := strings.SplitN(query, "=", 2)[0]
			found := false
			for _, p := range params {
				found = found || p.(map[string]any)["name"] == name
			}
			if !found {
				t.Errorf("invalidParams %v does not name %s", params, name)
			}
		})
	}
	t.Run("several at once", func(t *testing.T) {
		_, body := zkGet(t, h, zkSuperuser, "/zaken?startdatum=x&archiefstatus=y")
		if params, _ := body["invalidParams"].([]any); len(params) != 2 {
			t.Errorf("invalidParams %v", params)
		}
	})
}

func TestZaken_Pagination(t *testing.T) {
	r := &zkRecorder{t: t}
	clock := domain.FixedClock{T: zkNow}
	const n = pageSize + 5
	for i := range n {
		id := fmt.Sprintf("c0000000-0000-4000-8000-%012d", i)
		z := zaken.NewZaak(id, clock)
		r.on(id)(z.Create(zkGegevens(fmt.Sprintf("P-%03d", i), zkRSIN, zkZaaktypeA, "openbaar", "2025-01-01"),
			zkFeiten(zkZaaktypeA, nil)))
	}
	h := zkProject(t, r.out)

	w, body := zkGet(t, h, zkSuperuser, "/zaken")
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	got := zkIdentificaties(t, body)
	if body["count"].(float64) != n || len(got) != pageSize || got[0] != "P-000" || body["previous"] != nil {
		t.Errorf("page 1: count %v, %d results from %s, previous %v", body["count"], len(got), got[0], body["previous"])
	}
	next, _ := body["next"].(string)
	if next != zkBase+zkRoot+"/zaken?page=2" {
		t.Fatalf("next %q", next)
	}
	_, body = zkGet(t, h, zkSuperuser, strings.TrimPrefix(next, zkBase+zkRoot))
	got = zkIdentificaties(t, body)
	if body["count"].(float64) != n || !slices.Equal(got, []string{"P-100", "P-101", "P-102", "P-103", "P-104"}) ||
		body["next"] != nil || body["previous"] != zkBase+zkRoot+"/zaken?page=1" {
		t.Errorf("page 2: count %v, %v, next %v, previous %v", body["count"], got, body["next"], body["previous"])
	}
	_, body = zkGet(t, h, zkSuperuser, "/zaken?page=2&ordering=-identificatie&identificatie__x=1")
	if got := zkIdentificaties(t, body); len(got) != 5 || got[0] != "P-004" {
		t.Errorf("page 2 descending: %v", got)
	}
}

// TestZaken_zrc006 checks that a client authorised for zaaktype A up to
// intern sees only those zaken in the list and gets 403 on the others.
func TestZaken_zrc006(t *testing.T) {
	h := zkProject(t, zkHistory(t))
	rights := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "intern"},
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: zkZaaktypeB, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
		{Component: autorisaties.DRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeB, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
	}}
	_, body := zkGet(t, h, rights, "/zaken")
	if got := zkIdentificaties(t, body); !slices.Equal(got, []string{"Z-1", "Z-4"}) || body["count"].(float64) != 2 {
		t.Errorf("list: %v, count %v", got, body["count"])
	}
	_, body = zkGet(t, h, rights, "/zaken?zaaktype="+url.QueryEscape(zkZaaktypeB))
	if got := zkIdentificaties(t, body); len(got) != 0 {
		t.Errorf("filter on a zaaktype not granted: %v", got)
	}
	for id, want := range map[string]int{zk1: 200, zk4: 200, zk2: 403, zk3: 403} {
		w, body := zkGet(t, h, rights, "/zaken/"+id)
		if w.Code != want {
			t.Errorf("GET %s: %d, want %d", id, w.Code, want)
		}
		if want == 403 && body["code"] != "permission_denied" {
			t.Errorf("GET %s: code %v", id, body["code"])
		}
	}
	_, body = zkGet(t, h, nil, "/zaken")
	if got := zkIdentificaties(t, body); len(got) != 0 {
		t.Errorf("a client without applicatie sees %v", got)
	}
	if w, _ := zkGet(t, h, nil, "/zaken/"+zk1); w.Code != 403 {
		t.Errorf("a client without applicatie reads a zaak: %d", w.Code)
	}
}

func TestZaken_Read(t *testing.T) {
	h := zkProject(t, zkHistory(t))
	u := func(collection, id string) string { return zkBase + zkRoot + "/" + collection + "/" + id }

	w, z := zkGet(t, h, zkSuperuser, "/zaken/"+strings.ToUpper(zk1))
	if w.Code != 200 || w.Header().Get("ETag") == "" || w.Header().Get("Content-Crs") != "EPSG:4326" {
		t.Fatalf("%d, headers %v", w.Code, w.Header())
	}
	check := func(field string, want any) {
		t.Helper()
		got, _ := json.Marshal(z[field])
		exp, _ := json.Marshal(want)
		if string(got) != string(exp) {
			t.Errorf("%s: %s, want %s", field, got, exp)
		}
	}
	check("url", u("zaken", zk1))
	check("uuid", zk1)
	check("identificatie", "Z-1")
	check("vertrouwelijkheidaanduiding", "intern")
	check("status", u("statussen", zkStatus))
	check("resultaat", nil)
	check("rollen", []string{u("rollen", zkRolNP), u("rollen", zkRolMW)})
	check("deelzaken", []string{u("zaken", zk4)})
	check("hoofdzaak", nil)
	check("eigenschappen", []string{})
	check("zaakobjecten", []string{})
	check("zaakinformatieobjecten", []string{})
	check("einddatum", nil)
	check("zaakgeometrie", nil)
	check("verlenging", nil)
	check("opschorting", map[string]any{"indicatie": false, "reden": ""})
	check("processobject", map[string]any{"datumkenmerk": "", "identificatie": "", "objecttype": "", "registratie": ""})
	check("kenmerken", []any{})
	check("relevanteAndereZaken", []any{})

	// Every property of the OAS Zaak schema is present.
	want := []string{"url", "uuid", "identificatie", "bronorganisatie", "omschrijving", "toelichting", "zaaktype",
		"registratiedatum", "verantwoordelijkeOrganisatie", "startdatum", "einddatum", "einddatumGepland",
		"uiterlijkeEinddatumAfdoening", "publicatiedatum", "communicatiekanaal", "productenOfDiensten",
		"vertrouwelijkheidaanduiding", "betalingsindicatie", "betalingsindicatieWeergave", "laatsteBetaaldatum",
		"zaakgeometrie", "verlenging", "opschorting", "selectielijstklasse", "hoofdzaak", "deelzaken",
		"relevanteAndereZaken", "eigenschappen", "rollen", "status", "zaakinformatieobjecten", "zaakobjecten",
		"kenmerken", "archiefnominatie", "archiefstatus", "archiefactiedatum", "resultaat",
		"opdrachtgevendeOrganisatie", "processobjectaard", "startdatumBewaartermijn", "processobject"}
	for _, k := range want {
		if _, ok := z[k]; !ok {
			t.Errorf("field %s missing", k)
		}
	}
	if len(z) != len(want) {
		t.Errorf("%d fields, want %d", len(z), len(want))
	}

	_, z = zkGet(t, h, zkSuperuser, "/zaken/"+zk3)
	check("resultaat", u("resultaten", zkResultaat))
	check("einddatum", "2025-03-05")
	check("archiefnominatie", "vernietigen")
	check("archiefactiedatum", "2035-03-05")

	_, z = zkGet(t, h, zkSuperuser, "/zaken/"+zk4)
	check("hoofdzaak", u("zaken", zk1))
	check("verlenging", map[string]any{"reden": "drukte", "duur": "P5D"})

	for _, path := range []string{"/zaken/a1000000-0000-4000-8000-0000000000ff", "/zaken/geen-uuid"} {
		if w, _ := zkGet(t, h, zkSuperuser, path); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d", path, w.Code)
		}
	}

	t.Run("Render", func(t *testing.T) {
		ctx := zgw.WithAPI(context.Background(), &zgw.API{Root: zkRoot, BaseURL: zkBase})
		r := httptest.NewRequest(http.MethodPost, zkRoot+"/zaken", nil).WithContext(ctx)
		w := httptest.NewRecorder()
		h.Render(w, r, http.StatusCreated, zk2)
		if w.Code != http.StatusCreated || !strings.Contains(w.Body.String(), `"identificatie":"Z-2"`) {
			t.Errorf("%d %s", w.Code, w.Body.String())
		}
	})
}
