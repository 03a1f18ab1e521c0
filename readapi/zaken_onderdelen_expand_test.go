package readapi

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/projections"
	"github.com/zaakregister/zaakregister/zgw"
)

// The expand tests use a catalogue of this registry (so that catalogi
// types can be expanded) and six zaken: X1 (ZT, openbaar) with every kind
// of sub-resource, deelzaken X2 (ZT) and X3 (ZT2) and relevanteAndereZaken
// X3 and X4; X4 (ZT) with hoofdzaak X5 (ZT, geheim); X6 (ZT) naming a
// relevante andere zaak elsewhere. The restricted client reads ZT up to
// intern: not X3 nor X5.
const (
	exCatalogus = "e0000000-0000-4000-8000-000000000001"
	exZT        = "e1000000-0000-4000-8000-000000000001"
	exZT2       = "e1000000-0000-4000-8000-000000000002"
	exST1       = "e2000000-0000-4000-8000-000000000001"
	exST2       = "e2000000-0000-4000-8000-000000000002"
	exRT        = "e3000000-0000-4000-8000-000000000001"
	exRST       = "e4000000-0000-4000-8000-000000000001"
	exEIG       = "e5000000-0000-4000-8000-000000000001"
	exZOT       = "e6000000-0000-4000-8000-000000000001"

	exX1 = "f1000000-0000-4000-8000-000000000001"
	exX2 = "f1000000-0000-4000-8000-000000000002"
	exX3 = "f1000000-0000-4000-8000-000000000003"
	exX4 = "f1000000-0000-4000-8000-000000000004"
	exX5 = "f1000000-0000-4000-8000-000000000005"
	exX6 = "f1000000-0000-4000-8000-000000000006"

	exS1   = "f2000000-0000-4000-8000-000000000001" // X1, ST1, gezetdoor exR1
	exS2   = "f2000000-0000-4000-8000-000000000002" // X1, ST2, current, gezetdoor exR3 (of X3)
	exR1   = "f3000000-0000-4000-8000-000000000001" // X1
	exR3   = "f3000000-0000-4000-8000-000000000003" // X3
	exRes  = "f4000000-0000-4000-8000-000000000001" // X1
	exE1   = "f5000000-0000-4000-8000-000000000001" // X1
	exO1   = "f6000000-0000-4000-8000-000000000001" // X1
	exZIO1 = "f7000000-0000-4000-8000-000000000001" // X1, status exS2

	exProces = "https://selectielijst.example/api/v1/procestypen/1"
	exResult = "https://selectielijst.example/api/v1/resultaten/1"
)

// exCat is the URL of id in collection of this registry's Catalogi API.
func exCat(collection, id string) string {
	return zkBase + catalogiRoot + "/" + collection + "/" + id
}

// exCatalogue decides the catalogue through the catalogi aggregates.
func exCatalogue(t *testing.T) []zkStream {
	t.Helper()
	var out []zkStream
	step := func(stream string) func([]domain.Event, error) {
		return func(events []domain.Event, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", stream, err)
			}
			out = append(out, zkStream{stream: stream, events: events})
		}
	}
	begin := catalogi.MustDate("2024-01-01")
	c := catalogi.NewCatalogus(exCatalogus)
	step(catalogi.CatalogusStream(exCatalogus))(c.Create(catalogi.CatalogusGegevens{Domein: "EXP", Rsin: zkRSIN,
		ContactpersoonBeheerNaam: "Beheer"}))
	for _, id := range []string{exZT, exZT2} {
		z, s := catalogi.NewZaaktype(id), catalogi.ZaaktypeStream(id)
		step(s)(z.Create(catalogi.ZaaktypeGegevens{
			Catalogus: exCatalogus, Identificatie: "ZT-" + id[len(id)-1:], Omschrijving: "Vergunning",
			Vertrouwelijkheidaanduiding: catalogi.Openbaar, Doel: "doel", Aanleiding: "aanleiding",
			IndicatieInternOfExtern: catalogi.ExternGeinitieerd, HandelingInitiator: "aanvragen",
			Onderwerp: "Vergunning", HandelingBehandelaar: "behandelen", Doorlooptijd: "P30D",
			SelectielijstProcestype: exProces, Referentieproces: catalogi.Referentieproces{Naam: "ref"},
			Verantwoordelijke: "team", BeginGeldigheid: begin, Versiedatum: begin,
		}, catalogi.ZaaktypeFeiten{}))
		if id != exZT {
			continue
		}
		step(s)(z.AddStatustype(exST1, catalogi.StatustypeGegevens{Omschrijving: "Ontvangen", Volgnummer: 1}, false))
		step(s)(z.AddStatustype(exST2, catalogi.StatustypeGegevens{Omschrijving: "In behandeling", Volgnummer: 2}, false))
		step(s)(z.AddRoltype(exRT, catalogi.RoltypeGegevens{Omschrijving: "Aanvrager", OmschrijvingGeneriek: catalogi.Initiator}, false))
		step(s)(z.AddResultaattype(exRST, catalogi.ResultaattypeGegevens{Omschrijving: "Verleend",
			Resultaattypeomschrijving: "https://referentielijsten.example/api/v1/resultaattypeomschrijvingen/1",
			Selectielijstklasse:       exResult,
			BrondatumArchiefprocedure: &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}},
			catalogi.ResultaattypeFeiten{
				Selectielijstklasse: catalogi.SelectielijstResultaat{URL: exResult, ProcestypeURL: exProces,
					Waardering: "vernietigen", Bewaartermijn: "P10Y"},
				OmschrijvingGeneriek: "Verleend"}, false))
		step(s)(z.AddEigenschap(exEIG, catalogi.EigenschapGegevens{Naam: "kenteken", Definitie: "def",
			Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Tekst, Lengte: "10", Kardinaliteit: "1"}}, false))
		step(s)(z.AddZaakobjecttype(exZOT, catalogi.ZaakobjecttypeGegevens{
			Objecttype: "https://objecttypen.example/api/v2/objecttypes/1", RelatieOmschrijving: "betreft"}, false))
	}
	return out
}

// exFeiten are the facts of zaaktype id of the catalogue for the zaken
// domain.
func exFeiten(id string, hoofdzaak *zaken.HoofdzaakFeit) zaken.Feiten {
	return zaken.Feiten{
		Zaaktype: zaken.ZaaktypeFeiten{
			URL: exCat("zaaktypen", id), Vertrouwelijkheidaanduiding: catalogi.Openbaar,
			Statustypen: map[string]zaken.StatustypeFeit{
				exCat("statustypen", exST1): {Volgnummer: 1}, exCat("statustypen", exST2): {Volgnummer: 2}},
			Resultaattypen: map[string]zaken.ResultaattypeFeit{exCat("resultaattypen", exRST): {
				Archiefnominatie: catalogi.Vernietigen, Archiefactietermijn: "P10Y",
				BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}}},
			Roltypen:        map[string]zaken.RoltypeFeit{exCat("roltypen", exRT): {Omschrijving: "Aanvrager", OmschrijvingGeneriek: "initiator"}},
			Eigenschappen:   map[string]zaken.EigenschapFeit{exCat("eigenschappen", exEIG): {Naam: "kenteken"}},
			Zaakobjecttypen: []string{exCat("zaakobjecttypen", exZOT)},
		},
		Hoofdzaak: hoofdzaak,
	}
}

// exHistory decides the zaken of the expand tests.
func exHistory(t *testing.T) []zkStream {
	t.Helper()
	r := &zkRecorder{t: t}
	clock, geen := domain.FixedClock{T: zkNow}, zaken.Bevoegdheden{}
	zaakURL := func(id string) string { return onURL("zaken", id) }
	g := func(identificatie, zaaktype, va string) zaken.ZaakGegevens {
		return zkGegevens(identificatie, zkRSIN, exCat("zaaktypen", zaaktype), va, "2025-01-01")
	}
	f, f2 := exFeiten(exZT, nil), exFeiten(exZT2, nil)

	x5, s5 := zaken.NewZaak(exX5, clock), r.on(exX5)
	s5(x5.Create(g("X-5", exZT, "geheim"), f))

	x1, s1 := zaken.NewZaak(exX1, clock), r.on(exX1)
	g1 := g("X-1", exZT, "openbaar")
	g1.RelevanteAndereZaken = []zaken.RelevanteZaak{{URL: zaakURL(exX3), AardRelatie: "vervolg"},
		{URL: strings.ToUpper(zaakURL(exX4)[:8]) + zaakURL(exX4)[8:], AardRelatie: "bijdrage"}}
	s1(x1.Create(g1, f))

	x3, s3 := zaken.NewZaak(exX3, clock), r.on(exX3)
	g3 := g("X-3", exZT2, "openbaar")
	g3.Hoofdzaak = zaakURL(exX1)
	s3(x3.Create(g3, exFeiten(exZT2, &zaken.HoofdzaakFeit{UUID: exX1})))
	s3(x3.AddRol(exR3, zaken.RolGegevens{BetrokkeneType: "medewerker", Roltype: exCat("roltypen", exRT),
		Roltoelichting: "x", BetrokkeneIdentificatie: json.RawMessage(`{"identificatie":"geheim"}`)}, f2, geen))

	s1(x1.AddRol(exR1, zaken.RolGegevens{BetrokkeneType: "medewerker", Roltype: exCat("roltypen", exRT),
		Roltoelichting: "x", BetrokkeneIdentificatie: json.RawMessage(`{"identificatie":"mw"}`)}, f, geen))
	fr := f
	fr.Gezetdoor = &zaken.RolFeit{Zaak: exX1, UUID: exR1}
	s1(x1.AddStatus(exS1, zaken.StatusGegevens{Statustype: exCat("statustypen", exST1), DatumStatusGezet: zkNow.Add(-time.Hour),
		Gezetdoor: onURL("rollen", exR1)}, fr, geen))
	// A gezetdoor that is a rol of another zaak, as builds before the
	// check of gezetdoor stored it: expand must still show it only to
	// whom may read that zaak.
	s1(func() ([]domain.Event, error) {
		events, err := x1.AddStatus(exS2, zaken.StatusGegevens{Statustype: exCat("statustypen", exST2), DatumStatusGezet: zkNow}, f, geen)
		if err == nil {
			st := events[0].(zaken.StatusAangemaakt)
			st.Gegevens.Gezetdoor = onURL("rollen", exR3)
			events[0] = st
		}
		return events, err
	}())
	s1(x1.AddResultaat(exRes, zaken.ResultaatGegevens{Resultaattype: exCat("resultaattypen", exRST)}, f, geen))
	s1(x1.AddZaakEigenschap(exE1, zaken.ZaakEigenschapGegevens{Eigenschap: exCat("eigenschappen", exEIG), Waarde: "AB"}, f, geen))
	s1(x1.AddZaakObject(exO1, zaken.ZaakObjectGegevens{ObjectType: "pand", Zaakobjecttype: exCat("zaakobjecttypen", exZOT),
		ObjectIdentificatie: json.RawMessage(`{"identificatie":"P"}`)}, f, geen))
	fz := f
	fz.Zaaktype.Informatieobjecttypen = []string{"https://ztc.example/iot/1"}
	fz.Informatieobjecten = map[string]zaken.InformatieobjectFeit{"https://drc.example/eio/1": {Informatieobjecttype: "https://ztc.example/iot/1"}}
	s1(x1.AddZaakInformatieObject(exZIO1, zaken.ZaakInformatieObjectGegevens{Informatieobject: "https://drc.example/eio/1",
		Status: onURL("statussen", exS2)}, fz, geen))

	x2, s2 := zaken.NewZaak(exX2, clock), r.on(exX2)
	g2 := g("X-2", exZT, "openbaar")
	g2.Hoofdzaak = zaakURL(exX1)
	s2(x2.Create(g2, exFeiten(exZT, &zaken.HoofdzaakFeit{UUID: exX1})))

	x4, s4 := zaken.NewZaak(exX4, clock), r.on(exX4)
	g4 := g("X-4", exZT, "openbaar")
	g4.Hoofdzaak = zaakURL(exX5)
	s4(x4.Create(g4, exFeiten(exZT, &zaken.HoofdzaakFeit{UUID: exX5})))

	x6, s6 := zaken.NewZaak(exX6, clock), r.on(exX6)
	g6 := g("X-6", exZT, "openbaar")
	g6.RelevanteAndereZaken = []zaken.RelevanteZaak{{URL: "https://elders.example/zaken/api/v1/zaken/" + exX1, AardRelatie: "vervolg"}}
	s6(x6.Create(g6, f))
	return r.out
}

// exProject projects the catalogue and the zaken through one runtime with
// the catalogi and zaken projections.
func exProject(t *testing.T) Zaken {
	t.Helper()
	pool, _, _ := zkRun(t, append(exCatalogue(t), append(exHistory(t), zkHistory(t)...)...), zkZaken, projections.Catalogi{})
	return Zaken{Pool: pool}
}

// exRestricted reads zaaktype ZT up to intern.
var exRestricted = &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{{Component: autorisaties.ZRC,
	Scopes: []string{"zaken.lezen"}, Zaaktype: exCat("zaaktypen", exZT), MaxVertrouwelijkheidaanduiding: "intern"}}}

// exRequest is a GET of path (below the Zaken API root) by a client with
// rights.
func exRequest(rights *autorisaties.Rights, path string) *http.Request {
	api := &zgw.API{Name: "zaken", Root: zkRoot, Component: autorisaties.ZRC, BaseURL: zkBase}
	ctx := zgw.WithPrincipal(zgw.WithAPI(context.Background(), api), &zgw.Principal{ClientID: "test", Rights: rights})
	return httptest.NewRequest(http.MethodGet, zkRoot+path, nil).WithContext(ctx)
}

// exExpand expands zaak id (read as Zaken.Read reads it) with the expand
// value, and returns the JSON of the one item, decoded.
func exExpand(t *testing.T, h Zaken, rights *autorisaties.Rights, id, expand string) (map[string]any, error) {
	t.Helper()
	r := exRequest(rights, "/zaken/"+id+"?expand="+url.QueryEscape(expand))
	z, err := h.one(r.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	items, err := h.expand(r, []zaak{z.wire(r.Context())})
	if err != nil {
		return nil, err
	}
	body, err := marshalPlain(items[0])
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	return out, nil
}

// exAt walks body along keys (object keys and, for arrays, indexes as
// "0", "1", ...).
func exAt(t *testing.T, body any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		switch v := body.(type) {
		case map[string]any:
			var ok bool
			if body, ok = v[k]; !ok {
				t.Fatalf("no %q in %v", k, v)
			}
		case []any:
			i := int(k[0] - '0')
			if i >= len(v) {
				t.Fatalf("no [%d] in %v", i, v)
			}
			body = v[i]
		default:
			t.Fatalf("cannot take %q of %v", k, body)
		}
	}
	return body
}

// exUUIDs are the uuids of the objects in a list, in order.
func exUUIDs(t *testing.T, list any) []string {
	t.Helper()
	out := []string{}
	for _, it := range list.([]any) {
		out = append(out, it.(map[string]any)["uuid"].(string))
	}
	return out
}

func TestZaken_zrc025_expand(t *testing.T) {
	h := exProject(t)
	all := "zaaktype,hoofdzaak,deelzaken,relevanteAndereZaken,eigenschappen,eigenschappen.eigenschap,rollen," +
		"rollen.roltype,rollen.statussen,rollen.zaak,status,status.statustype,status.gezetdoor,status.zaakinformatieobjecten," +
		"zaakinformatieobjecten,zaakinformatieobjecten.status,zaakobjecten,zaakobjecten.zaakobjecttype,resultaat," +
		"resultaat.resultaattype,resultaat.zaak"
	z, err := exExpand(t, h, zkSuperuser, exX1, all)
	if err != nil {
		t.Fatal(err)
	}
	e := exAt(t, z, "_expand").(map[string]any)
	keys := []string{"deelzaken", "eigenschappen", "hoofdzaak", "relevanteAndereZaken", "resultaat", "rollen", "status",
		"zaakinformatieobjecten", "zaakobjecten", "zaaktype"}
	if got := slices.Sorted(maps.Keys(e)); !slices.Equal(got, keys) {
		t.Errorf("_expand keys %v, want %v", got, keys)
	}
	str := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	checks := []struct {
		path []string
		want string
	}{
		{[]string{"zaaktype", "url"}, `"` + exCat("zaaktypen", exZT) + `"`},
		{[]string{"zaaktype", "statustypen"}, `["` + exCat("statustypen", exST1) + `","` + exCat("statustypen", exST2) + `"]`},
		{[]string{"hoofdzaak"}, `{}`},
		{[]string{"status", "uuid"}, `"` + exS2 + `"`},
		{[]string{"status", "_expand", "statustype", "omschrijving"}, `"In behandeling"`},
		{[]string{"status", "_expand", "statustype", "url"}, `"` + exCat("statustypen", exST2) + `"`},
		{[]string{"status", "_expand", "gezetdoor", "uuid"}, `"` + exR3 + `"`},
		{[]string{"status", "_expand", "zaakinformatieobjecten", "0", "uuid"}, `"` + exZIO1 + `"`},
		{[]string{"rollen", "0", "_expand", "roltype", "omschrijving"}, `"Aanvrager"`},
		{[]string{"rollen", "0", "_expand", "statussen", "0", "uuid"}, `"` + exS1 + `"`},
		{[]string{"rollen", "0", "_expand", "zaak", "uuid"}, `"` + exX1 + `"`},
		{[]string{"resultaat", "uuid"}, `"` + exRes + `"`},
		{[]string{"resultaat", "_expand", "resultaattype", "omschrijving"}, `"Verleend"`},
		{[]string{"resultaat", "_expand", "zaak", "identificatie"}, `"X-1"`},
		{[]string{"eigenschappen", "0", "_expand", "eigenschap", "naam"}, `"kenteken"`},
		{[]string{"zaakobjecten", "0", "_expand", "zaakobjecttype", "url"}, `"` + exCat("zaakobjecttypen", exZOT) + `"`},
		{[]string{"zaakinformatieobjecten", "0", "_expand", "status", "uuid"}, `"` + exS2 + `"`},
		{[]string{"zaakinformatieobjecten", "0", "_expand", "status", "zaak"}, `"` + onURL("zaken", exX1) + `"`},
	}
	for _, c := range checks {
		if got := str(exAt(t, e, c.path...)); got != c.want {
			t.Errorf("%s: %s, want %s", strings.Join(c.path, "."), got, c.want)
		}
	}
	if got := exUUIDs(t, e["deelzaken"]); !slices.Equal(got, []string{exX3, exX2}) {
		t.Errorf("deelzaken %v", got)
	}
	if got := exUUIDs(t, e["relevanteAndereZaken"]); !slices.Equal(got, []string{exX3, exX4}) {
		t.Errorf("relevanteAndereZaken %v", got)
	}
	// Only what was asked is expanded.
	for _, path := range [][]string{{"deelzaken", "0"}, {"zaaktype"}, {"eigenschappen", "0", "_expand", "eigenschap"}} {
		if v, ok := exAt(t, e, path...).(map[string]any)["_expand"]; ok {
			t.Errorf("%v has _expand %v", path, v)
		}
	}

	t.Run("empty relations", func(t *testing.T) {
		z, err := exExpand(t, h, zkSuperuser, exX2, "status,resultaat,rollen,deelzaken,hoofdzaak.status")
		if err != nil {
			t.Fatal(err)
		}
		want := `{"deelzaken":[],"hoofdzaak":{` // hoofdzaak is X1 with its status expanded
		if got := str(z["_expand"]); !strings.HasPrefix(got, want) || !strings.HasSuffix(got, `"resultaat":{},"rollen":[],"status":{}}`) {
			t.Errorf("_expand %s", got)
		}
		if got := str(exAt(t, z, "_expand", "hoofdzaak", "_expand", "status", "uuid")); got != `"`+exS2+`"` {
			t.Errorf("hoofdzaak.status %s", got)
		}
	})

	t.Run("none asked", func(t *testing.T) {
		z, err := exExpand(t, h, zkSuperuser, exX1, " , ")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := z["_expand"]; ok {
			t.Errorf("an _expand without expand: %v", z["_expand"])
		}
	})
}

// TestZaken_zrc026_expandRespectsRights checks that expand shows no zaak,
// nor anything of a zaak, the client may not read: such deelzaken and
// relevante andere zaken are left out, such a hoofdzaak or gezetdoor is {}.
func TestZaken_zrc026_expandRespectsRights(t *testing.T) {
	h := exProject(t)
	z, err := exExpand(t, h, exRestricted, exX1, "deelzaken,relevanteAndereZaken,status.gezetdoor,rollen.zaak")
	if err != nil {
		t.Fatal(err)
	}
	if got := exUUIDs(t, exAt(t, z, "_expand", "deelzaken")); !slices.Equal(got, []string{exX2}) {
		t.Errorf("deelzaken %v", got)
	}
	if got := exUUIDs(t, exAt(t, z, "_expand", "relevanteAndereZaken")); !slices.Equal(got, []string{exX4}) {
		t.Errorf("relevanteAndereZaken %v", got)
	}
	if got := exAt(t, z, "_expand", "status", "_expand", "gezetdoor"); len(got.(map[string]any)) != 0 {
		t.Errorf("gezetdoor, a rol of a zaak of another zaaktype: %v", got)
	}
	if got := exAt(t, z, "_expand", "rollen", "0", "_expand", "zaak", "uuid"); got != exX1 {
		t.Errorf("rollen.zaak %v", got)
	}
	z, err = exExpand(t, h, exRestricted, exX4, "hoofdzaak,hoofdzaak.rollen")
	if err != nil {
		t.Fatal(err)
	}
	if got := exAt(t, z, "_expand", "hoofdzaak"); len(got.(map[string]any)) != 0 {
		t.Errorf("a geheim hoofdzaak: %v", got)
	}
	// The superuser sees them all.
	z, err = exExpand(t, h, zkSuperuser, exX4, "hoofdzaak")
	if err != nil {
		t.Fatal(err)
	}
	if got := exAt(t, z, "_expand", "hoofdzaak", "identificatie"); got != "X-5" {
		t.Errorf("hoofdzaak for the superuser: %v", got)
	}
}

// TestZaken_zrc026_expandDepth checks that paths are cut at depth 3.
func TestZaken_zrc026_expandDepth(t *testing.T) {
	h := exProject(t)
	z, err := exExpand(t, h, zkSuperuser, exX1, "deelzaken.hoofdzaak.status.statustype,hoofdzaak.hoofdzaak")
	if err != nil {
		t.Fatal(err)
	}
	status := exAt(t, z, "_expand", "deelzaken", "1", "_expand", "hoofdzaak", "_expand", "status").(map[string]any)
	if status["uuid"] != exS2 {
		t.Errorf("the third level is not expanded: %v", status)
	}
	if v, ok := status["_expand"]; ok {
		t.Errorf("the third level is expanded further: %v", v)
	}
	if got := exAt(t, z, "_expand", "hoofdzaak"); len(got.(map[string]any)) != 0 {
		t.Errorf("X1 has no hoofdzaak: %v", got)
	}
}

// TestZaken_zrc027_expandInvalid checks that what cannot be expanded is a
// 404 (zrc-027), which the lists turn into a 400 naming expand.
func TestZaken_zrc027_expandInvalid(t *testing.T) {
	h := exProject(t)
	for _, expand := range []string{
		"kat", "status.kat", "zaaktype.catalogus", "zaakinformatieobjecten.informatieobject", "zaakobjecten.object",
		"status..statustype", "Status", "rollen,kat", "hoofdzaak.hoofdzaak.hoofdzaak.kat",
	} {
		_, err := exExpand(t, h, zkSuperuser, exX1, expand)
		var de *domain.Error
		if !errors.As(err, &de) {
			t.Fatalf("%s: %v", expand, err)
		}
		if de.Kind != domain.KindNotFound {
			t.Errorf("%s: %v, want not found", expand, err)
		}
		w := httptest.NewRecorder()
		zgw.WriteError(w, exRequest(zkSuperuser, "/zaken"), listExpandError(err))
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `"name":"expand"`) {
			t.Errorf("%s: %d %s", expand, w.Code, w.Body.String())
		}
	}
}

// TestZaken_zrc028_expandUnfetchable checks that a reference outside this
// registry fails the expansion rather than leaving it partial.
func TestZaken_zrc028_expandUnfetchable(t *testing.T) {
	h := exProject(t)
	for _, c := range []struct{ zaak, expand string }{
		{exX6, "relevanteAndereZaken"}, // elders.example
		{zk1, "zaaktype"},              // ztc.example
		{zk1, "status.statustype"},
	} {
		_, err := exExpand(t, h, zkSuperuser, c.zaak, c.expand)
		w := httptest.NewRecorder()
		zgw.WriteError(w, exRequest(zkSuperuser, "/zaken"), err)
		if w.Code != http.StatusNotFound {
			t.Errorf("%s %s: %d %s", c.zaak, c.expand, w.Code, w.Body.String())
		}
	}
	if _, err := exExpand(t, h, zkSuperuser, exX6, "rollen,status"); err != nil {
		t.Errorf("what is not asked is not fetched: %v", err)
	}
}

// exCounter counts the queries of a pool (n), the queries sent in
// batches (inBatch) and the batches.
type exCounter struct{ n, inBatch, batches atomic.Int64 }

func (c *exCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	return ctx
}

func (c *exCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *exCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.batches.Add(1)
	return ctx
}

func (c *exCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.inBatch.Add(1)
}

func (c *exCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// TestZaken_expandBatches checks that a page is expanded with one query
// per path, whatever the number of zaken on it, and that the queries of
// one level share a round trip: here deelzaken, rollen and status, then
// deelzaken.rollen; zaaktype and rollen.roltype are catalogi queries of
// their own.
func TestZaken_expandBatches(t *testing.T) {
	h := exProject(t)
	cfg := h.Pool.Config()
	counter := &exCounter{}
	cfg.ConnConfig.Tracer = counter
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	traced := Zaken{Pool: pool}
	r := exRequest(zkSuperuser, "/zaken?expand=rollen,rollen.roltype,deelzaken,deelzaken.rollen,status,zaaktype")
	var items []zaak
	for _, id := range []string{exX1, exX2, exX3, exX4, exX5, exX6} {
		z, err := h.one(r.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, z.wire(r.Context()))
	}
	n, inBatch, batches := counter.n.Load(), counter.inBatch.Load(), counter.batches.Load()
	out, err := traced.expand(r, items)
	if err != nil {
		t.Fatal(err)
	}
	n, inBatch, batches = counter.n.Load()-n, counter.inBatch.Load()-inBatch, counter.batches.Load()-batches
	if n+inBatch != 6 {
		t.Errorf("%d queries for 6 paths", n+inBatch)
	}
	if n+batches != 4 {
		t.Errorf("%d round trips (%d queries, %d batches), want 4", n+batches, n, batches)
	}
	if len(out) != len(items) {
		t.Errorf("%d items", len(out))
	}
}

// exDeviations are the faults the validation of expanded zaken accepts:
// those of onDeviations and two of the 1.5.1 file itself.
var exDeviations = oastest.Deviations{Faults: append(slices.Clone(onDeviations.Faults),
	oastest.FaultDeviation{
		Pattern: regexp.MustCompile(`_expand\.(hoofdzaak|status|resultaat): value matches more than one schema from "oneOf" \(matches schemas at indices \[0 1\]\)`),
		Reason: "ZaakEmbedded declares a single relation as oneOf [the object, EmptyObject], and EmptyObject is any object: " +
			"every expanded object matches both",
	},
	oastest.FaultDeviation{
		Pattern: regexp.MustCompile(`_expand\.zaaktype\.informatieobjecttypen: value must be a string \(value \[`),
		Reason:  "informatieobjecttypen is a URL list, declared string by the Catalogi 1.3.1 file (as for GET /zaaktypen)",
	},
)}

// TestZaken_expandOAS renders expanded zaken through a detail and a list
// handler and validates them against ZaakExpanded.
func TestZaken_expandOAS(t *testing.T) {
	h := exProject(t)
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	routes := chi.NewRouter()
	routes.Route(zkRoot, func(r chi.Router) {
		r.Get("/zaken/{uuid}", func(w http.ResponseWriter, r *http.Request) {
			z, err := h.one(r.Context(), zgw.PathUUID(r))
			if err != nil {
				zgw.WriteError(w, r, err)
				return
			}
			items, err := h.expand(r, []zaak{z.wire(r.Context())})
			if err != nil {
				zgw.WriteError(w, r, err)
				return
			}
			w.Header().Set("Content-Crs", "EPSG:4326")
			zgw.WriteJSONETag(w, r, http.StatusOK, items[0])
		})
		r.Get("/zaken", func(w http.ResponseWriter, r *http.Request) {
			var items []zaak
			for _, id := range []string{exX1, exX2, exX4} {
				z, err := h.one(r.Context(), id)
				if err != nil {
					t.Fatal(err)
				}
				items = append(items, z.wire(r.Context()))
			}
			out, err := h.expand(r, items)
			if err != nil {
				zgw.WriteError(w, r, err)
				return
			}
			w.Header().Set("Content-Crs", "EPSG:4326")
			zgw.WritePage(w, r, 1, pageSize, len(out), out)
		})
	})
	api := &zgw.API{Name: "zaken", Root: zkRoot, Component: autorisaties.ZRC, Spec: spec, BaseURL: zkBase}
	auth := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(zgw.WithPrincipal(r.Context(), &zgw.Principal{ClientID: "test", Rights: zkSuperuser})))
		})
	}
	srv := oastest.ValidateWith(t, spec, zkRoot, api.Handler(auth, routes), exDeviations)
	all := "zaaktype,hoofdzaak,deelzaken,relevanteAndereZaken,eigenschappen,rollen,rollen.roltype,rollen.statussen," +
		"status,status.statustype,status.gezetdoor,zaakinformatieobjecten,zaakobjecten,resultaat,resultaat.resultaattype"
	for _, path := range []string{"/zaken/" + exX1 + "?expand=" + url.QueryEscape(all), "/zaken/" + exX2 + "?expand=" + url.QueryEscape(all),
		"/zaken?expand=" + url.QueryEscape(all)} {
		w := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, zkRoot+path, nil)
		req.Header.Set("Accept-Crs", "EPSG:4326")
		srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"_expand":`) {
			t.Errorf("GET %s: %d %s", path, w.Code, w.Body.String())
		}
	}
}
