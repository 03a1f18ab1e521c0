package readapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/zgw"
)

// The sub-resources of the tests, on top of zkHistory. zk1 (type A,
// intern), zk2 (type A, geheim), zk3 (type B, openbaar, closed) and zk4
// (type A, openbaar) as there.
const (
	onS1 = zkStatus                               // zk1, start, set first
	onS2 = "b1000000-0000-4000-8000-000000000002" // zk1, start, set last, gezetdoor onR2
	onS3 = "b1000000-0000-4000-8000-000000000003" // zk3, eind

	onRS1 = "b2000000-0000-4000-8000-000000000001" // zk1, onResType2
	onRS3 = zkResultaat                            // zk3, zkResType

	onR1 = zkRolNP                                // zk1 natuurlijk_persoon
	onR2 = zkRolMW                                // zk1 medewerker
	onR3 = "b3000000-0000-4000-8000-000000000003" // zk1 vestiging, contactpersoonRol
	onR4 = "b3000000-0000-4000-8000-000000000004" // zk4 organisatorische_eenheid, onRoltype2
	onR5 = "b3000000-0000-4000-8000-000000000005" // zk4 niet_natuurlijk_persoon
	onR6 = "b3000000-0000-4000-8000-000000000009" // zk2 niet_natuurlijk_persoon
	onR7 = "b3000000-0000-4000-8000-000000000007" // zk4 natuurlijk_persoon by URL only

	onO1 = "b4000000-0000-4000-8000-000000000001" // zk1 adres
	onO2 = "b4000000-0000-4000-8000-000000000002" // zk1 besluit
	onO3 = "b4000000-0000-4000-8000-000000000003" // zk4 overige
	onO4 = "b4000000-0000-4000-8000-000000000004" // zk2 pand

	onZ1 = "b5000000-0000-4000-8000-000000000001" // zk1 onDoc1, status onS2
	onZ2 = "b5000000-0000-4000-8000-000000000002" // zk4 onDoc2
	onZ3 = "b5000000-0000-4000-8000-000000000003" // zk2 onDoc3

	onE1 = "b6000000-0000-4000-8000-000000000001" // zk1
	onE2 = "b6000000-0000-4000-8000-000000000002" // zk2

	onK1 = "b7000000-0000-4000-8000-000000000001" // zk1
	onK2 = "b7000000-0000-4000-8000-000000000002" // zk2

	onB1 = "b8000000-0000-4000-8000-000000000001" // zk1
	onB2 = "b8000000-0000-4000-8000-000000000002" // zk2

	onRoltype2   = "https://ztc.example/catalogi/api/v1/roltypen/60000000-0000-4000-8000-000000000002"
	onResType2   = "https://ztc.example/catalogi/api/v1/resultaattypen/70000000-0000-4000-8000-000000000002"
	onEigenschap = "https://ztc.example/catalogi/api/v1/eigenschappen/80000000-0000-4000-8000-000000000001"
	onIOType     = "https://ztc.example/catalogi/api/v1/informatieobjecttypen/90000000-0000-4000-8000-000000000001"
	onDoc1       = "https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/c1000000-0000-4000-8000-000000000001"
	onDoc2       = "https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/c1000000-0000-4000-8000-000000000002"
	onDoc3       = "https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/c1000000-0000-4000-8000-000000000003"
	onBesluit1   = "https://brc.example/besluiten/api/v1/besluiten/d1000000-0000-4000-8000-000000000001"
	onBesluit2   = "https://brc.example/besluiten/api/v1/besluiten/d1000000-0000-4000-8000-000000000002"
	onPersoon    = "https://brp.example/personen/1"
)

// onURL is the URL of id in collection of the test API.
func onURL(collection, id string) string { return zkBase + zkRoot + "/" + collection + "/" + id }

// onFeiten are the facts of zaaktype A with everything the sub-resources
// of the tests refer to.
func onFeiten() zaken.Feiten {
	f := zkFeiten(zkZaaktypeA, nil)
	f.Zaaktype.Roltypen[onRoltype2] = zaken.RoltypeFeit{Omschrijving: "Initiator", OmschrijvingGeneriek: "initiator"}
	f.Zaaktype.Resultaattypen[onResType2] = f.Zaaktype.Resultaattypen[zkResType]
	f.Zaaktype.Eigenschappen = map[string]zaken.EigenschapFeit{onEigenschap: {Naam: "kenteken"}}
	f.Zaaktype.Informatieobjecttypen = []string{onIOType}
	f.Informatieobjecten = map[string]zaken.InformatieobjectFeit{
		onDoc1: {Informatieobjecttype: onIOType}, onDoc2: {Informatieobjecttype: onIOType}, onDoc3: {Informatieobjecttype: onIOType}}
	return f
}

// onAggregates rebuilds the zaken of history, so that tests can decide
// more on top of it.
func onAggregates(history []zkStream) map[string]*zaken.Zaak {
	out := map[string]*zaken.Zaak{}
	for _, se := range history {
		id := strings.TrimPrefix(se.stream, "zaken.zaak-")
		z, ok := out[id]
		if !ok {
			z = zaken.NewZaak(id, domain.FixedClock{T: zkNow})
			out[id] = z
		}
		for _, e := range se.events {
			z.Apply(e)
		}
	}
	return out
}

// onHistory is zkHistory with the sub-resources above.
func onHistory(t *testing.T) []zkStream {
	t.Helper()
	history := zkHistory(t)
	z := onAggregates(history)
	r := &zkRecorder{t: t, out: history}
	f, geen := onFeiten(), zaken.Bevoegdheden{}
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }

	s1, s2, s4 := r.on(zk1), r.on(zk2), r.on(zk4)
	fr := f
	fr.Gezetdoor = &zaken.RolFeit{Zaak: zk1, UUID: onR2}
	s1(z[zk1].AddStatus(onS2, zaken.StatusGegevens{Statustype: zkStStart, DatumStatusGezet: zkNow,
		Statustoelichting: "verder", Gezetdoor: onURL("rollen", strings.ToUpper(onR2))}, fr, geen))
	s1(z[zk1].AddResultaat(onRS1, zaken.ResultaatGegevens{Resultaattype: onResType2, Toelichting: "klaar"}, f, geen))
	s1(z[zk1].AddRol(onR3, zaken.RolGegevens{BetrokkeneType: "vestiging", Roltype: zkRoltype, Roltoelichting: "winkel",
		IndicatieMachtiging: "gemachtigde", ContactpersoonRol: raw(`{"naam":"Jan","emailadres":"jan@example.com","x":1}`),
		BetrokkeneIdentificatie: raw(`{"vestigingsNummer":"V-1","handelsnaam":["Bakkerij <De Korf>"],` +
			`"verblijfsadres":{"aoaIdentificatie":"0363200000000001","aoaHuisnummer":12},"onbekend":"weg"}`)}, f, geen))
	s4(z[zk4].AddRol(onR4, zaken.RolGegevens{BetrokkeneType: "organisatorische_eenheid", Roltype: onRoltype2,
		Roltoelichting: "x", BetrokkeneIdentificatie: raw(`{"identificatie":"OE-1","naam":"Burgerzaken"}`)}, f, geen))
	s4(z[zk4].AddRol(onR5, zaken.RolGegevens{BetrokkeneType: "niet_natuurlijk_persoon", Roltype: zkRoltype,
		Roltoelichting: "x", BetrokkeneIdentificatie: raw(`{"annIdentificatie":"ANN-1"}`)}, f, geen))
	s4(z[zk4].AddRol(onR7, zaken.RolGegevens{BetrokkeneType: "natuurlijk_persoon", Roltype: zkRoltype,
		Roltoelichting: "x", Betrokkene: onPersoon}, f, geen))

	s1(z[zk1].AddZaakObject(onO1, zaken.ZaakObjectGegevens{ObjectType: "adres", Object: "https://bag.example/adressen/1",
		Relatieomschrijving: "locatie", ObjectIdentificatie: raw(`{"identificatie":"A-1","huisnummer":5,"extra":"x"}`)}, f, geen))
	s1(z[zk1].AddZaakObject(onO2, zaken.ZaakObjectGegevens{ObjectType: "besluit", Object: onBesluit1}, f, geen))
	s4(z[zk4].AddZaakObject(onO3, zaken.ZaakObjectGegevens{ObjectType: "overige", ObjectTypeOverige: "parkeervak",
		ObjectTypeOverigeDefinitie: raw(`{"url":"https://objecttypen.example/1","schema":".jsonSchema","objectData":".record.data"}`),
		ObjectIdentificatie:        raw(`{"overigeData":{"vak":7,"zone":"A"}}`)}, f, geen))
	s2(z[zk2].AddZaakObject(onO4, zaken.ZaakObjectGegevens{ObjectType: "pand",
		ObjectIdentificatie: raw(`{"identificatie":"P-1"}`)}, f, geen))

	s1(z[zk1].AddZaakInformatieObject(onZ1, zaken.ZaakInformatieObjectGegevens{Informatieobject: onDoc1, Titel: "brief",
		Status: onURL("statussen", onS2)}, f, geen))
	s4(z[zk4].AddZaakInformatieObject(onZ2, zaken.ZaakInformatieObjectGegevens{Informatieobject: onDoc2}, f, geen))
	s2(z[zk2].AddZaakInformatieObject(onZ3, zaken.ZaakInformatieObjectGegevens{Informatieobject: onDoc3}, f, geen))

	s1(z[zk1].AddZaakEigenschap(onE1, zaken.ZaakEigenschapGegevens{Eigenschap: onEigenschap, Waarde: "AB-12-CD"}, f, geen))
	s2(z[zk2].AddZaakEigenschap(onE2, zaken.ZaakEigenschapGegevens{Eigenschap: onEigenschap, Waarde: "geheim"}, f, geen))

	s1(z[zk1].AddKlantContact(onK1, zaken.KlantContactGegevens{Identificatie: "KC-1", Datumtijd: zkNow, Kanaal: "telefoon"}, geen))
	s2(z[zk2].AddKlantContact(onK2, zaken.KlantContactGegevens{Datumtijd: zkNow}, geen))

	s1(z[zk1].AddZaakBesluit(onB1, zaken.ZaakBesluitGegevens{Besluit: onBesluit1}, geen))
	s2(z[zk2].AddZaakBesluit(onB2, zaken.ZaakBesluitGegevens{Besluit: onBesluit2}, geen))
	return r.out
}

// onDeviations are the faults the validation accepts, as the end-to-end
// tests of cmd/zaakregister do.
var onDeviations = oastest.Deviations{Faults: []oastest.FaultDeviation{{
	Pattern: regexp.MustCompile(`(^|\.)objectTypeOverige: string doesn't match the regular expression .* \(value ""\)$`),
	Reason:  "objectTypeOverige is \"\" unless objectType is overige, as the reference implementation answers",
}}}

// onAPI serves the sub-resource handlers over pool through the API
// middleware of the Zaken API 1.5.1, every response validated against the
// OAS.
type onAPI struct {
	t    *testing.T
	pool *pgxpool.Pool
	spec *oas.Spec
}

func newOnAPI(t *testing.T, history []zkStream) onAPI {
	t.Helper()
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	return onAPI{t: t, pool: zkProject(t, history).Pool, spec: spec}
}

// routes is the route table of the handlers under test.
func (a onAPI) routes() http.Handler {
	st, rs, rl := Statussen{a.pool}, Resultaten{a.pool}, Rollen{a.pool}
	zo, zio, ze := Zaakobjecten{a.pool}, Zaakinformatieobjecten{a.pool}, Zaakeigenschappen{a.pool}
	kc, zb := Klantcontacten{a.pool}, Zaakbesluiten{a.pool}
	router := chi.NewRouter()
	router.Route(zkRoot, func(r chi.Router) {
		for path, h := range map[string]interface {
			List(http.ResponseWriter, *http.Request)
			Read(http.ResponseWriter, *http.Request)
		}{"/statussen": st, "/resultaten": rs, "/rollen": rl, "/zaakobjecten": zo, "/zaakinformatieobjecten": zio,
			"/klantcontacten": kc, "/zaken/{zaak_uuid}/zaakeigenschappen": ze, "/zaken/{zaak_uuid}/besluiten": zb} {
			r.Get(path, h.List)
			r.Get(path+"/{uuid}", h.Read)
			r.Head(path+"/{uuid}", h.Read)
		}
	})
	return router
}

// do sends method path (below the API root) as a client with rights and
// decodes the JSON body, if any.
func (a onAPI) do(rights *autorisaties.Rights, method, path string, header ...string) (*httptest.ResponseRecorder, any) {
	a.t.Helper()
	api := &zgw.API{Name: "zaken", Root: zkRoot, Component: autorisaties.ZRC, Spec: a.spec, BaseURL: zkBase}
	authenticate := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(zgw.WithPrincipal(r.Context(), &zgw.Principal{ClientID: "test", Rights: rights})))
		})
	}
	h := oastest.ValidateWith(a.t, a.spec, zkRoot, api.Handler(authenticate, a.routes()), onDeviations)
	req := httptest.NewRequest(method, zkRoot+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var body any
	if w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			a.t.Fatalf("%s %s: %d %s: %v", method, path, w.Code, w.Body.String(), err)
		}
	}
	return w, body
}

// get is do for GET, failing unless the status is want.
func (a onAPI) get(rights *autorisaties.Rights, path string, want int) any {
	a.t.Helper()
	w, body := a.do(rights, http.MethodGet, path)
	if w.Code != want {
		a.t.Fatalf("GET %s: %d, want %d: %s", path, w.Code, want, w.Body.String())
	}
	return body
}

// onUUIDs returns the uuids of a list body (a page or a plain array),
// sorted.
func onUUIDs(t *testing.T, body any) []string {
	t.Helper()
	items, ok := body.([]any)
	if page, isPage := body.(map[string]any); isPage {
		items, ok = page["results"].([]any)
	}
	if !ok {
		t.Fatalf("no list in %v", body)
	}
	out := []string{}
	for _, it := range items {
		out = append(out, it.(map[string]any)["uuid"].(string))
	}
	slices.Sort(out)
	return out
}

// onSorted returns ids sorted, for comparison with onUUIDs.
func onSorted(ids ...string) []string {
	return slices.Sorted(slices.Values(append([]string{}, ids...)))
}

func TestZakenOnderdelen_ListFilters(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	q := url.QueryEscape
	zaak := func(id string) string { return q(onURL("zaken", id)) }
	cases := []struct {
		path string
		want []string
	}{
		{"/statussen", onSorted(onS1, onS2, onS3)},
		{"/statussen?zaak=" + zaak(zk1), onSorted(onS1, onS2)},
		{"/statussen?zaak=" + zaak(zk4), nil},
		{"/statussen?zaak=" + q("https://elders.example/zaken/api/v1/zaken/"+zk1), nil},
		{"/statussen?statustype=" + q(zkStEind), onSorted(onS3)},
		{"/statussen?statustype=" + q(zkStStart), onSorted(onS1, onS2)},
		{"/statussen?statustype=" + q("https://ztc.example/statustypen/x"), nil},
		{"/statussen?indicatieLaatstGezetteStatus=true", onSorted(onS2, onS3)},
		{"/statussen?indicatieLaatstGezetteStatus=false", onSorted(onS1)},
		{"/statussen?zaak=" + zaak(zk1) + "&indicatieLaatstGezetteStatus=1", onSorted(onS2)},

		{"/resultaten", onSorted(onRS1, onRS3)},
		{"/resultaten?zaak=" + zaak(zk3), onSorted(onRS3)},
		{"/resultaten?zaak=" + zaak(zk2), nil},
		{"/resultaten?resultaattype=" + q(zkResType), onSorted(onRS3)},
		{"/resultaten?resultaattype=" + q(onResType2), onSorted(onRS1)},
		{"/resultaten?resultaattype=" + q("https://ztc.example/resultaattypen/x"), nil},

		{"/rollen", onSorted(onR1, onR2, onR3, onR4, onR5, onR6, onR7)},
		{"/rollen?zaak=" + zaak(zk4), onSorted(onR4, onR5, onR7)},
		{"/rollen?zaak=" + zaak(zk3), nil},
		{"/rollen?betrokkene=" + q("https://medewerkers.example/1"), onSorted(onR2)},
		{"/rollen?betrokkene=" + q(onPersoon), onSorted(onR7)},
		{"/rollen?betrokkene=" + q("https://medewerkers.example/2"), nil},
		{"/rollen?betrokkeneType=vestiging", onSorted(onR3)},
		{"/rollen?betrokkeneType=niet_natuurlijk_persoon", onSorted(onR5, onR6)},
		{"/rollen?betrokkeneType=vestiging&zaak=" + zaak(zk4), nil},
		{"/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333", onSorted(onR1)},
		{"/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999999999", nil},
		{"/rollen?betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=A1", onSorted(onR1)},
		{"/rollen?betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=A2", nil},
		{"/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer=1234567890", onSorted(onR1)},
		{"/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer=1234567891", nil},
		{"/rollen?betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=999990019", onSorted(onR6)},
		{"/rollen?betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=111222333", nil},
		{"/rollen?betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie=ANN-1", onSorted(onR5)},
		{"/rollen?betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie=A1", nil},
		{"/rollen?betrokkeneIdentificatie__vestiging__vestigingsNummer=V-1", onSorted(onR3)},
		{"/rollen?betrokkeneIdentificatie__vestiging__vestigingsNummer=V-2", nil},
		{"/rollen?betrokkeneIdentificatie__organisatorischeEenheid__identificatie=OE-1", onSorted(onR4)},
		{"/rollen?betrokkeneIdentificatie__organisatorischeEenheid__identificatie=mw-1", nil},
		{"/rollen?betrokkeneIdentificatie__medewerker__identificatie=mw-1", onSorted(onR2)},
		{"/rollen?betrokkeneIdentificatie__medewerker__identificatie=OE-1", nil},
		{"/rollen?roltype=" + q(onRoltype2), onSorted(onR4)},
		{"/rollen?roltype=" + q("https://ztc.example/roltypen/x"), nil},
		{"/rollen?omschrijving=Initiator", onSorted(onR4)},
		{"/rollen?omschrijving=initiator", nil},
		{"/rollen?omschrijvingGeneriek=initiator", onSorted(onR4)},
		{"/rollen?omschrijvingGeneriek=adviseur", nil},

		{"/zaakobjecten", onSorted(onO1, onO2, onO3, onO4)},
		{"/zaakobjecten?zaak=" + zaak(zk4), onSorted(onO3)},
		{"/zaakobjecten?zaak=" + zaak(zk3), nil},
		{"/zaakobjecten?object=" + q(onBesluit1), onSorted(onO2)},
		{"/zaakobjecten?object=" + q(onBesluit2), nil},
		{"/zaakobjecten?objectType=adres", onSorted(onO1)},
		{"/zaakobjecten?objectType=wijk", nil},

		{"/zaakinformatieobjecten", onSorted(onZ1, onZ2, onZ3)},
		{"/zaakinformatieobjecten?zaak=" + zaak(zk1), onSorted(onZ1)},
		{"/zaakinformatieobjecten?zaak=" + zaak(zk3), nil},
		{"/zaakinformatieobjecten?informatieobject=" + q(onDoc2), onSorted(onZ2)},
		{"/zaakinformatieobjecten?informatieobject=" + q(onBesluit1), nil},

		{"/klantcontacten", onSorted(onK1, onK2)},
		{"/klantcontacten?zaak=" + zaak(zk2), onSorted(onK2)},
		{"/klantcontacten?zaak=" + zaak(zk4), nil},

		{"/zaken/" + zk1 + "/zaakeigenschappen", onSorted(onE1)},
		{"/zaken/" + zk3 + "/zaakeigenschappen", nil},
		{"/zaken/a1000000-0000-4000-8000-0000000000ff/zaakeigenschappen", nil},
		{"/zaken/" + zk1 + "/besluiten", onSorted(onB1)},
		{"/zaken/" + zk4 + "/besluiten", nil},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			body := a.get(zkSuperuser, c.path, http.StatusOK)
			if got := onUUIDs(t, body); !slices.Equal(got, append([]string{}, c.want...)) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if page, ok := body.(map[string]any); ok && int(page["count"].(float64)) != len(c.want) {
				t.Errorf("count %v, want %d", page["count"], len(c.want))
			}
		})
	}
}

// TestZakenOnderdelen_ListShape checks which lists the OAS paginates and
// which are plain arrays (RULES 2.2).
func TestZakenOnderdelen_ListShape(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	for path, paginated := range map[string]bool{
		"/statussen": true, "/resultaten": true, "/rollen": true, "/zaakobjecten": true, "/klantcontacten": true,
		"/zaakinformatieobjecten": false, "/zaken/" + zk1 + "/zaakeigenschappen": false, "/zaken/" + zk1 + "/besluiten": false,
	} {
		body := a.get(zkSuperuser, path, http.StatusOK)
		if _, isPage := body.(map[string]any); isPage != paginated {
			t.Errorf("%s: paginated %v, want %v", path, isPage, paginated)
		}
	}
}

func TestZakenOnderdelen_Pagination(t *testing.T) {
	r := &zkRecorder{t: t}
	const id = "a1000000-0000-4000-8000-0000000000c1"
	z, s := zaken.NewZaak(id, domain.FixedClock{T: zkNow}), r.on(id)
	s(z.Create(zkGegevens("P-1", zkRSIN, zkZaaktypeA, "openbaar", "2025-01-01"), zkFeiten(zkZaaktypeA, nil)))
	const n = pageSize + 5
	var all []string
	for i := range n {
		k := fmt.Sprintf("c7000000-0000-4000-8000-%012d", i)
		all = append(all, k)
		s(z.AddKlantContact(k, zaken.KlantContactGegevens{Datumtijd: zkNow}, zaken.Bevoegdheden{}))
	}
	// Klantcontacten the readers below may not see: of a zaak of the other
	// zaaktype, and of a geheime zaak.
	others := 0
	for i, o := range []struct{ id, zaaktype, aanduiding string }{
		{"a1000000-0000-4000-8000-0000000000c2", zkZaaktypeB, "openbaar"},
		{"a1000000-0000-4000-8000-0000000000c3", zkZaaktypeA, "geheim"},
	} {
		oz, os := zaken.NewZaak(o.id, domain.FixedClock{T: zkNow}), r.on(o.id)
		os(oz.Create(zkGegevens(fmt.Sprintf("P-%d", i+2), zkRSIN, o.zaaktype, o.aanduiding, "2025-01-01"), zkFeiten(o.zaaktype, nil)))
		for j := range 2 + i {
			os(oz.AddKlantContact(fmt.Sprintf("c8000000-0000-4000-8000-%06d%06d", i, j), zaken.KlantContactGegevens{Datumtijd: zkNow}, zaken.Bevoegdheden{}))
			others++
		}
	}
	a := newOnAPI(t, r.out)

	page := a.get(zkSuperuser, "/klantcontacten", http.StatusOK).(map[string]any)
	results := page["results"].([]any)
	if page["count"].(float64) != float64(n+others) || len(results) != pageSize || page["previous"] != nil ||
		results[0].(map[string]any)["uuid"] != all[0] {
		t.Errorf("page 1: count %v, %d results, previous %v", page["count"], len(results), page["previous"])
	}
	next, _ := page["next"].(string)
	if next != zkBase+zkRoot+"/klantcontacten?page=2" {
		t.Fatalf("next %q", next)
	}
	own := "/klantcontacten?zaak=" + onURL("zaken", id)
	page = a.get(zkSuperuser, strings.TrimPrefix(next, zkBase+zkRoot), http.StatusOK).(map[string]any)
	if got := onUUIDs(t, page); !slices.Equal(got[:n-pageSize], all[pageSize:]) || page["next"] != nil ||
		page["previous"] != zkBase+zkRoot+"/klantcontacten?page=1" {
		t.Errorf("page 2: %v, next %v, previous %v", got, page["next"], page["previous"])
	}
	page = a.get(zkSuperuser, own+"&page=3", http.StatusOK).(map[string]any)
	if got := onUUIDs(t, page); len(got) != 0 || page["count"].(float64) != n {
		t.Errorf("page 3: %v, count %v", got, page["count"])
	}
	// The count of a full page: without filters from the counts the
	// projection keeps, under the RightsFilter; with a filter, the rows
	// joined with their zaken.
	reader := func(zaaktype string) *autorisaties.Rights {
		return &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zaaktype, MaxVertrouwelijkheidaanduiding: "openbaar"}}}
	}
	for _, c := range []struct {
		rights *autorisaties.Rights
		path   string
		want   float64
	}{
		{zkSuperuser, own, n},
		{zkSuperuser, "/klantcontacten?page=3", n + float64(others)},
		{reader(zkZaaktypeA), "/klantcontacten", n},
		{reader(zkZaaktypeA), "/klantcontacten?page=3", n},
		{reader(zkZaaktypeB), "/klantcontacten", 2},
		{reader(zkZaaktypeB), "/klantcontacten?page=2", 2},
	} {
		if page := a.get(c.rights, c.path, http.StatusOK).(map[string]any); page["count"].(float64) != c.want {
			t.Errorf("%s: count %v, want %v", c.path, page["count"], c.want)
		}
	}
}

func TestZakenOnderdelen_BadValues(t *testing.T) {
	a := newOnAPI(t, nil)
	for _, path := range []string{
		"/statussen?zaak=geen-url", "/statussen?statustype=geen-url", "/statussen?indicatieLaatstGezetteStatus=misschien",
		"/statussen?page=0",
		"/resultaten?zaak=geen-url", "/resultaten?resultaattype=geen-url", "/resultaten?page=x",
		"/rollen?zaak=geen-url", "/rollen?betrokkene=geen-url", "/rollen?betrokkeneType=kat", "/rollen?roltype=geen-url",
		"/rollen?omschrijvingGeneriek=kat", "/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=%ff",
		"/rollen?omschrijving=a%00b", "/rollen?page=-1",
		"/zaakobjecten?zaak=geen-url", "/zaakobjecten?object=geen-url", "/zaakobjecten?objectType=kat",
		"/zaakobjecten?page=0",
		"/zaakinformatieobjecten?zaak=geen-url", "/zaakinformatieobjecten?informatieobject=geen-url",
		"/klantcontacten?zaak=geen-url", "/klantcontacten?page=0",
	} {
		t.Run(path, func(t *testing.T) {
			body := a.get(zkSuperuser, path, http.StatusBadRequest).(map[string]any)
			name := strings.SplitN(strings.SplitN(path, "?", 2)[1], "=", 2)[0]
			params, _ := body["invalidParams"].([]any)
			if len(params) != 1 || params[0].(map[string]any)["name"] != name {
				t.Errorf("invalidParams %v, want one for %s", params, name)
			}
		})
	}
	t.Run("several at once", func(t *testing.T) {
		body := a.get(zkSuperuser, "/rollen?betrokkeneType=kat&omschrijvingGeneriek=kat&zaak=x", http.StatusBadRequest)
		if params, _ := body.(map[string]any)["invalidParams"].([]any); len(params) != 3 {
			t.Errorf("invalidParams %v", params)
		}
	})
}

// onField returns the JSON of field of a decoded object.
func onField(t *testing.T, body any, field string) string {
	t.Helper()
	obj, ok := body.(map[string]any)
	if !ok {
		t.Fatalf("no object: %v", body)
	}
	v, ok := obj[field]
	if !ok {
		return "<absent>"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func TestZakenOnderdelen_Read(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	u := func(collection, id string) string { return `"` + onURL(collection, id) + `"` }
	cases := []struct {
		path  string
		field string
		want  string
	}{
		{"/statussen/" + onS2, "url", u("statussen", onS2)},
		{"/statussen/" + onS2, "zaak", u("zaken", zk1)},
		{"/statussen/" + onS2, "indicatieLaatstGezetteStatus", "true"},
		{"/statussen/" + onS2, "gezetdoor", u("rollen", strings.ToUpper(onR2))},
		{"/statussen/" + onS2, "zaakinformatieobjecten", "[" + u("zaakinformatieobjecten", onZ1) + "]"},
		{"/statussen/" + onS2, "datumStatusGezet", `"2025-03-10T12:00:00Z"`},
		{"/statussen/" + onS1, "indicatieLaatstGezetteStatus", "false"},
		{"/statussen/" + onS1, "zaakinformatieobjecten", "[]"},
		{"/statussen/" + onS1, "gezetdoor", `""`},

		{"/resultaten/" + onRS1, "toelichting", `"klaar"`},
		{"/resultaten/" + onRS1, "resultaattype", `"` + onResType2 + `"`},

		{"/rollen/" + onR2, "statussen", "[" + u("statussen", onS2) + "]"},
		{"/rollen/" + onR2, "betrokkeneIdentificatie", `{"achternaam":"","identificatie":"mw-1","voorletters":"","voorvoegselAchternaam":""}`},
		{"/rollen/" + onR1, "statussen", "[]"},
		{"/rollen/" + onR1, "contactpersoonRol", "null"},
		{"/rollen/" + onR1, "omschrijving", `"Behandelaar"`},
		{"/rollen/" + onR1, "registratiedatum", `"2025-03-10T12:00:00Z"`},
		{"/rollen/" + onR4, "betrokkeneIdentificatie", `{"identificatie":"OE-1","isGehuisvestIn":"","naam":"Burgerzaken"}`},
		{"/rollen/" + onR5, "betrokkeneIdentificatie", `{"annIdentificatie":"ANN-1","bezoekadres":"","innNnpId":"","innRechtsvorm":"","statutaireNaam":"","subVerblijfBuitenland":null}`},
		{"/rollen/" + onR7, "betrokkeneIdentificatie", "<absent>"},
		{"/rollen/" + onR7, "betrokkene", `"` + onPersoon + `"`},

		{"/zaakobjecten/" + onO1, "objectIdentificatie", `{"gorOpenbareRuimteNaam":"","huisletter":"","huisnummer":5,"huisnummertoevoeging":"","identificatie":"A-1","postcode":"","wplWoonplaatsNaam":""}`},
		{"/zaakobjecten/" + onO1, "objectTypeOverigeDefinitie", "null"},
		{"/zaakobjecten/" + onO1, "zaakobjecttype", `""`},
		{"/zaakobjecten/" + onO2, "objectIdentificatie", "<absent>"},
		{"/zaakobjecten/" + onO3, "objectIdentificatie", `{"overigeData":{"vak":7,"zone":"A"}}`},
		{"/zaakobjecten/" + onO3, "objectTypeOverigeDefinitie", `{"objectData":".record.data","schema":".jsonSchema","url":"https://objecttypen.example/1"}`},
		{"/zaakobjecten/" + onO3, "objectTypeOverige", `"parkeervak"`},

		{"/zaakinformatieobjecten/" + onZ1, "aardRelatieWeergave", `"Hoort bij, omgekeerd: kent"`},
		{"/zaakinformatieobjecten/" + onZ1, "status", u("statussen", onS2)},
		{"/zaakinformatieobjecten/" + onZ1, "titel", `"brief"`},
		{"/zaakinformatieobjecten/" + onZ1, "vernietigingsdatum", "null"},
		{"/zaakinformatieobjecten/" + onZ2, "status", "null"},

		{"/zaken/" + zk1 + "/zaakeigenschappen/" + onE1, "url", u("zaken/"+zk1+"/zaakeigenschappen", onE1)},
		{"/zaken/" + zk1 + "/zaakeigenschappen/" + onE1, "naam", `"kenteken"`},
		{"/zaken/" + zk1 + "/zaakeigenschappen/" + onE1, "waarde", `"AB-12-CD"`},
		{"/zaken/" + zk1 + "/zaakeigenschappen/" + onE1, "zaak", u("zaken", zk1)},

		{"/klantcontacten/" + onK1, "identificatie", `"KC-1"`},
		{"/klantcontacten/" + onK1, "kanaal", `"telefoon"`},
		{"/klantcontacten/" + onK1, "zaak", u("zaken", zk1)},

		{"/zaken/" + zk1 + "/besluiten/" + onB1, "url", u("zaken/"+zk1+"/besluiten", onB1)},
		{"/zaken/" + zk1 + "/besluiten/" + onB1, "besluit", `"` + onBesluit1 + `"`},
		{"/zaken/" + zk1 + "/besluiten/" + onB1, "zaak", "<absent>"},
	}
	for _, c := range cases {
		t.Run(c.path+"#"+c.field, func(t *testing.T) {
			body := a.get(zkSuperuser, c.path, http.StatusOK)
			if got := onField(t, body, c.field); got != c.want {
				t.Errorf("%s: %s, want %s", c.field, got, c.want)
			}
		})
	}

	t.Run("404", func(t *testing.T) {
		for _, path := range []string{
			"/statussen/b1000000-0000-4000-8000-0000000000ff", "/statussen/geen-uuid", "/resultaten/" + onS1,
			"/rollen/" + onO1, "/zaakobjecten/" + onR1, "/zaakinformatieobjecten/" + onE1, "/klantcontacten/" + onB1,
			"/zaken/" + zk4 + "/zaakeigenschappen/" + onE1, "/zaken/" + zk1 + "/zaakeigenschappen/" + onB1,
			"/zaken/" + zk4 + "/besluiten/" + onB1, "/zaken/geen-uuid/besluiten/" + onB1,
		} {
			if w, body := a.do(zkSuperuser, http.MethodGet, path); w.Code != http.StatusNotFound {
				t.Errorf("GET %s: %d %v", path, w.Code, body)
			}
		}
	})
}

// TestZakenOnderdelen_WireOrder checks a whole rol body: every property of
// the schema in its order, the polymorphic parts in their sub-schema, what
// the schema does not have left out, nothing HTML-escaped.
func TestZakenOnderdelen_WireOrder(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	w, _ := a.do(zkSuperuser, http.MethodGet, "/rollen/"+onR3)
	want := `{"url":"` + onURL("rollen", onR3) + `","uuid":"` + onR3 + `","zaak":"` + onURL("zaken", zk1) + `",` +
		`"betrokkene":"","betrokkeneType":"vestiging","afwijkendeNaamBetrokkene":"","roltype":"` + zkRoltype + `",` +
		`"omschrijving":"Behandelaar","omschrijvingGeneriek":"behandelaar","roltoelichting":"winkel",` +
		`"registratiedatum":"2025-03-10T12:00:00Z","indicatieMachtiging":"gemachtigde",` +
		`"contactpersoonRol":{"emailadres":"jan@example.com","functie":"","telefoonnummer":"","naam":"Jan"},` +
		`"statussen":[],"betrokkeneIdentificatie":{"vestigingsNummer":"V-1","handelsnaam":["Bakkerij <De Korf>"],` +
		`"verblijfsadres":{"aoaIdentificatie":"0363200000000001","wplWoonplaatsNaam":"","gorOpenbareRuimteNaam":"",` +
		`"aoaPostcode":"","aoaHuisnummer":12,"aoaHuisletter":"","aoaHuisnummertoevoeging":"","inpLocatiebeschrijving":""},` +
		`"subVerblijfBuitenland":null,"kvkNummer":""}}`
	if got := w.Body.String(); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
}

// TestZaken_zrc006_onderdelen checks that a client authorised for zaaktype
// A up to intern sees only the sub-resources of zk1 and zk4 in the lists
// and gets 403 on those of zk2 (geheim) and zk3 (zaaktype B).
func TestZaken_zrc006_onderdelen(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	rights := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "intern"},
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: zkZaaktypeB, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
	}}
	lists := map[string][]string{
		"/statussen":              onSorted(onS1, onS2),
		"/resultaten":             onSorted(onRS1),
		"/rollen":                 onSorted(onR1, onR2, onR3, onR4, onR5, onR7),
		"/zaakobjecten":           onSorted(onO1, onO2, onO3),
		"/zaakinformatieobjecten": onSorted(onZ1, onZ2),
		"/klantcontacten":         onSorted(onK1),
		"/rollen?zaak=" + url.QueryEscape(onURL("zaken", zk2)):         nil,
		"/statussen?statustype=" + url.QueryEscape(zkStEind):           nil,
		"/zaken/" + zk1 + "/zaakeigenschappen":                         onSorted(onE1),
		"/zaken/" + zk4 + "/besluiten":                                 nil,
		"/rollen?betrokkeneType=niet_natuurlijk_persoon":               onSorted(onR5),
		"/klantcontacten?zaak=" + url.QueryEscape(onURL("zaken", zk2)): nil,
	}
	for path, want := range lists {
		body := a.get(rights, path, http.StatusOK)
		if got := onUUIDs(t, body); !slices.Equal(got, append([]string{}, want...)) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
		if page, ok := body.(map[string]any); ok && int(page["count"].(float64)) != len(want) {
			t.Errorf("%s: count %v, want %d", path, page["count"], len(want))
		}
	}
	for path, want := range map[string]int{
		"/statussen/" + onS1: 200, "/statussen/" + onS3: 403,
		"/resultaten/" + onRS1: 200, "/resultaten/" + onRS3: 403,
		"/rollen/" + onR4: 200, "/rollen/" + onR6: 403,
		"/zaakobjecten/" + onO3: 200, "/zaakobjecten/" + onO4: 403,
		"/zaakinformatieobjecten/" + onZ2: 200, "/zaakinformatieobjecten/" + onZ3: 403,
		"/klantcontacten/" + onK1: 200, "/klantcontacten/" + onK2: 403,
		"/zaken/" + zk1 + "/zaakeigenschappen/" + onE1: 200, "/zaken/" + zk2 + "/zaakeigenschappen/" + onE2: 403,
		"/zaken/" + zk1 + "/besluiten/" + onB1: 200, "/zaken/" + zk2 + "/besluiten/" + onB2: 403,
		"/zaken/" + zk2 + "/zaakeigenschappen": 403, "/zaken/" + zk3 + "/zaakeigenschappen": 403,
		"/zaken/" + zk2 + "/besluiten": 403,
		// Unknown stays unknown: 404 before any rights are looked at.
		"/statussen/b1000000-0000-4000-8000-0000000000ff": 404,
	} {
		w, body := a.do(rights, http.MethodGet, path)
		if w.Code != want {
			t.Errorf("GET %s: %d, want %d", path, w.Code, want)
		}
		if want == 403 && onField(t, body, "code") != `"permission_denied"` {
			t.Errorf("GET %s: %v", path, body)
		}
	}
	if w, _ := a.do(rights, http.MethodHead, "/rollen/"+onR6); w.Code != 403 || w.Body.Len() != 0 {
		t.Errorf("HEAD of a forbidden rol: %d %q", w.Code, w.Body.String())
	}
}

func TestZakenOnderdelen_ETag(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	for _, path := range []string{
		"/statussen/" + onS1, "/resultaten/" + onRS1, "/rollen/" + onR1, "/zaakobjecten/" + onO1,
		"/zaakinformatieobjecten/" + onZ1, "/zaken/" + zk1 + "/zaakeigenschappen/" + onE1,
	} {
		t.Run(path, func(t *testing.T) {
			get, _ := a.do(zkSuperuser, http.MethodGet, path)
			etag := get.Header().Get("ETag")
			if get.Code != 200 || etag == "" {
				t.Fatalf("GET: %d, ETag %q", get.Code, etag)
			}
			head, _ := a.do(zkSuperuser, http.MethodHead, path)
			if head.Code != 200 || head.Header().Get("ETag") != etag || head.Body.Len() != 0 ||
				head.Header().Get("Content-Length") != get.Header().Get("Content-Length") {
				t.Errorf("HEAD: %d, ETag %q, %d bytes, headers %v", head.Code, head.Header().Get("ETag"), head.Body.Len(), head.Header())
			}
			if w, _ := a.do(zkSuperuser, http.MethodGet, path, "If-None-Match", `"ander", `+etag); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
				t.Errorf("If-None-Match with the ETag: %d", w.Code)
			}
			if w, _ := a.do(zkSuperuser, http.MethodGet, path, "If-None-Match", `"ander"`); w.Code != http.StatusOK {
				t.Errorf("If-None-Match with another ETag: %d", w.Code)
			}
		})
	}
	t.Run("differs per resource", func(t *testing.T) {
		w1, _ := a.do(zkSuperuser, http.MethodGet, "/statussen/"+onS1)
		w2, _ := a.do(zkSuperuser, http.MethodGet, "/statussen/"+onS2)
		if w1.Header().Get("ETag") == w2.Header().Get("ETag") {
			t.Error("two statussen share an ETag")
		}
	})
}

// TestZakenOnderdelen_Render checks the answers of the write endpoints: as
// the GET shows the resource, without ETag, and 404 for an unknown uuid.
func TestZakenOnderdelen_Render(t *testing.T) {
	a := newOnAPI(t, onHistory(t))
	cases := []struct {
		render func(http.ResponseWriter, *http.Request, int, string)
		id     string
		get    string
	}{
		{Statussen{a.pool}.Render, onS2, "/statussen/" + onS2},
		{Resultaten{a.pool}.Render, onRS1, "/resultaten/" + onRS1},
		{Rollen{a.pool}.Render, onR3, "/rollen/" + onR3},
		{Zaakobjecten{a.pool}.Render, onO3, "/zaakobjecten/" + onO3},
		{Zaakinformatieobjecten{a.pool}.Render, onZ1, "/zaakinformatieobjecten/" + onZ1},
		{Zaakeigenschappen{a.pool}.Render, onE1, "/zaken/" + zk1 + "/zaakeigenschappen/" + onE1},
		{Klantcontacten{a.pool}.Render, onK1, "/klantcontacten/" + onK1},
		{Zaakbesluiten{a.pool}.Render, onB1, "/zaken/" + zk1 + "/besluiten/" + onB1},
	}
	for _, c := range cases {
		t.Run(c.get, func(t *testing.T) {
			get, _ := a.do(zkSuperuser, http.MethodGet, c.get)
			api := &zgw.API{Root: zkRoot, BaseURL: zkBase}
			req := httptest.NewRequest(http.MethodPost, zkRoot+"/x", nil).WithContext(zgw.WithAPI(t.Context(), api))
			w := httptest.NewRecorder()
			c.render(w, req, http.StatusCreated, strings.ToUpper(c.id))
			if w.Code != http.StatusCreated || w.Body.String() != get.Body.String() || w.Header().Get("ETag") != "" {
				t.Errorf("%d, ETag %q\n%s\nwant\n%s", w.Code, w.Header().Get("ETag"), w.Body.String(), get.Body.String())
			}
			w = httptest.NewRecorder()
			c.render(w, req, http.StatusCreated, "b9000000-0000-4000-8000-000000000000")
			if w.Code != http.StatusNotFound {
				t.Errorf("unknown: %d", w.Code)
			}
		})
	}
}

// TestZakenOnderdelen_ShapeLenient checks that JSON of the wrong kind
// renders as the empty value instead of failing the response.
func TestZakenOnderdelen_ShapeLenient(t *testing.T) {
	cases := map[string]string{
		`{"aoaHuisnummer":"x","aoaIdentificatie":7,"wplWoonplaatsNaam":null}`: `{"aoaIdentificatie":"","wplWoonplaatsNaam":"","gorOpenbareRuimteNaam":"","aoaPostcode":"","aoaHuisnummer":0,"aoaHuisletter":"","aoaHuisnummertoevoeging":"","inpLocatiebeschrijving":""}`,
		`[1,2]`:                  `{"aoaIdentificatie":"","wplWoonplaatsNaam":"","gorOpenbareRuimteNaam":"","aoaPostcode":"","aoaHuisnummer":0,"aoaHuisletter":"","aoaHuisnummertoevoeging":"","inpLocatiebeschrijving":""}`,
		`{"aoaHuisnummer":"12"}`: `{"aoaIdentificatie":"","wplWoonplaatsNaam":"","gorOpenbareRuimteNaam":"","aoaPostcode":"","aoaHuisnummer":12,"aoaHuisletter":"","aoaHuisnummertoevoeging":"","inpLocatiebeschrijving":""}`,
	}
	for in, want := range cases {
		if got := string(shapeVerblijfsAdres.render([]byte(in))); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", in, got, want)
		}
	}
	if got := string(shapeRolVestiging.render([]byte(`{"handelsnaam":"geen lijst","verblijfsadres":"x"}`))); !strings.Contains(got, `"handelsnaam":[]`) || !strings.Contains(got, `"verblijfsadres":null`) {
		t.Errorf("vestiging: %s", got)
	}
	if got := string(shapeObjectOverige.render([]byte(`{"overigeData":[1]}`))); got != `{"overigeData":{}}` {
		t.Errorf("overige: %s", got)
	}
}

// TestZakenOnderdelen_PagesFromBothEnds: a page in the second half of a
// sub-resource list without filters is read from the other end; every
// page, for a superuser and under a RightsFilter, holds the sub-resources
// the principal may read in creation order, with their count.
func TestZakenOnderdelen_PagesFromBothEnds(t *testing.T) {
	r := &zkRecorder{t: t}
	clock := domain.FixedClock{T: zkNow}
	type zaak struct {
		id, zaaktype, aanduiding string
		z                        *zaken.Zaak
		record                   func([]domain.Event, error)
	}
	zs := []*zaak{
		{id: "a1000000-0000-4000-8000-0000000000d1", zaaktype: zkZaaktypeA, aanduiding: "openbaar"},
		{id: "a1000000-0000-4000-8000-0000000000d2", zaaktype: zkZaaktypeB, aanduiding: "openbaar"},
		{id: "a1000000-0000-4000-8000-0000000000d3", zaaktype: zkZaaktypeA, aanduiding: "geheim"},
	}
	for i, z := range zs {
		z.z, z.record = zaken.NewZaak(z.id, clock), r.on(z.id)
		z.record(z.z.Create(zkGegevens(fmt.Sprintf("B-%d", i), zkRSIN, z.zaaktype, z.aanduiding, "2025-01-01"), zkFeiten(z.zaaktype, nil)))
	}
	var all, visible []string // in creation order: every klantcontact, and those of the first zaak
	for i := range 250 {
		z := zs[i%len(zs)]
		if i%5 == 4 {
			z = zs[0]
		}
		k := fmt.Sprintf("c9000000-0000-4000-8000-%012d", i)
		z.record(z.z.AddKlantContact(k, zaken.KlantContactGegevens{Datumtijd: zkNow}, zaken.Bevoegdheden{}))
		all = append(all, k)
		if z == zs[0] {
			visible = append(visible, k)
		}
	}
	a := newOnAPI(t, r.out)
	reader := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "openbaar"}}}
	for _, c := range []struct {
		rights *autorisaties.Rights
		want   []string
	}{{zkSuperuser, all}, {reader, visible}} {
		for page := 1; page <= 4; page++ {
			want := c.want[min((page-1)*pageSize, len(c.want)):min(page*pageSize, len(c.want))]
			got := a.get(c.rights, fmt.Sprintf("/klantcontacten?page=%d", page), http.StatusOK).(map[string]any)
			if ids := onUUIDs(t, got); !slices.Equal(ids, want) || got["count"] != float64(len(c.want)) {
				t.Errorf("%d visible, page %d: count %v, %v, want %v", len(c.want), page, got["count"], ids, want)
			}
		}
	}
}
