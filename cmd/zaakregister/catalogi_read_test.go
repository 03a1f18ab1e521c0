package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/oas"
)

// The reads of the Catalogi API are tested on a catalogue seeded straight
// into the log (the write endpoints come separately), decided by the domain
// aggregates as the command handlers decide it. Dates lie far enough in
// the past and future that "today" is always between them.

const ztcRoot = "/catalogi/api/v1"

// Identities of the seeded catalogue.
const (
	ztcC1    = "c1000000-0000-4000-8000-000000000001" // ABC: everything below unless said
	ztcC2    = "c2000000-0000-4000-8000-000000000002" // XYZ: one zaaktype
	ztcIOT1  = "10000000-0000-4000-8000-000000000001" // Aanvraag 2020-01-01..2021-12-31, published
	ztcIOT2  = "10000000-0000-4000-8000-000000000002" // Aanvraag 2022-01-01.., published
	ztcIOT3  = "10000000-0000-4000-8000-000000000003" // Bijlage, concept
	ztcBT1   = "b0000000-0000-4000-8000-000000000001" // Besluit A, published, informatieobjecttypen [Aanvraag]
	ztcBT2   = "b0000000-0000-4000-8000-000000000002" // Besluit B, concept
	ztcZT1   = "20000000-0000-4000-8000-000000000001" // ZT-1 v1 2020-01-01..2021-12-31, published
	ztcZT2   = "20000000-0000-4000-8000-000000000002" // ZT-1 v2 2022-01-01.., published, all sub-types
	ztcZT3   = "20000000-0000-4000-8000-000000000003" // ZT-2, concept
	ztcZT4   = "20000000-0000-4000-8000-000000000004" // ZT-9 in XYZ, published
	ztcST1   = "50000000-0000-4000-8000-000000000001" // ZT2 volgnummer 1
	ztcST2   = "50000000-0000-4000-8000-000000000002" // ZT2 volgnummer 2, eindstatus
	ztcST3   = "50000000-0000-4000-8000-000000000003" // ZT3
	ztcROL1  = "60000000-0000-4000-8000-000000000001" // ZT2 initiator
	ztcROL2  = "60000000-0000-4000-8000-000000000002" // ZT3 behandelaar
	ztcRES1  = "70000000-0000-4000-8000-000000000001" // ZT2 Verleend, besluittype and iot by URL
	ztcEIG1  = "80000000-0000-4000-8000-000000000001" // ZT2, statustype ST1
	ztcZOT1  = "90000000-0000-4000-8000-000000000001" // ZT2
	ztcZIOT0 = "a0000000-0000-4000-8000-000000000000" // ZT1 Aanvraag
	ztcZIOT1 = "a0000000-0000-4000-8000-000000000001" // ZT2 Aanvraag, statustype ST2
	ztcZIOT2 = "a0000000-0000-4000-8000-000000000002" // ZT3 Bijlage (concept)

	ztcObjecttype = "https://objecttypen.example/api/v2/objecttypes/1"
	ztcProcestype = "https://selectielijst.example/api/v1/procestypen/1"
	ztcResultaat  = "https://selectielijst.example/api/v1/resultaten/1"
	ztcElders     = "https://elders.example/catalogi/api/v1/zaaktypen/1"
)

// ztcURL is the URL the registry gives object id in collection.
func ztcURL(collection, id string) string { return testBaseURL + ztcRoot + "/" + collection + "/" + id }

// ztcSeeder appends decisions to the log of a running registry.
type ztcSeeder struct {
	t    *testing.T
	g    *registry
	last eventstore.Position
}

// on returns the function that appends a decision on stream: use it as
// s.on(stream)(aggregate.Decide(...)).
func (s *ztcSeeder) on(stream string) func([]domain.Event, error) {
	return func(events []domain.Event, err error) {
		s.t.Helper()
		if err != nil {
			s.t.Fatalf("seed %s: %v", stream, err)
		}
		s.append(stream, events...)
	}
}

func (s *ztcSeeder) append(stream string, events ...domain.Event) {
	s.t.Helper()
	var data []eventstore.EventData
	for _, e := range events {
		d, err := eventstore.Encode(e, eventstore.Metadata{ClientID: "seed", Time: time.Now().UTC()})
		if err != nil {
			s.t.Fatal(err)
		}
		data = append(data, d)
	}
	if len(data) == 0 {
		return
	}
	res, err := s.g.m.Store.Append(context.Background(), stream, eventstore.Any(), data...)
	if err != nil {
		s.t.Fatalf("append %s: %v", stream, err)
	}
	s.last = res.Position
}

// wait returns once the catalogi projection has every appended event.
func (s *ztcSeeder) wait() {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.g.m.Runtime.Waiter().Wait(ctx, s.last, "catalogi"); err != nil {
		s.t.Fatalf("catalogi projection: %v", err)
	}
}

func ztcZaaktype(catalogus, identificatie, begin string) catalogi.ZaaktypeGegevens {
	return catalogi.ZaaktypeGegevens{
		Catalogus: catalogus, Identificatie: identificatie, Omschrijving: "Vergunning " + identificatie,
		Vertrouwelijkheidaanduiding: catalogi.Openbaar, Doel: "doel", Aanleiding: "aanleiding",
		IndicatieInternOfExtern: catalogi.ExternGeinitieerd, HandelingInitiator: "aanvragen",
		Onderwerp: "Vergunning", HandelingBehandelaar: "behandelen", Doorlooptijd: "P30D",
		SelectielijstProcestype: ztcProcestype, Referentieproces: catalogi.Referentieproces{Naam: "ref"},
		Verantwoordelijke: "team", BeginGeldigheid: catalogi.MustDate(begin), Versiedatum: catalogi.MustDate(begin),
	}
}

// publishDirect publishes z without the checks of Publish: a version
// without sub-types, as an imported catalogue may have.
func (s *ztcSeeder) publishDirect(z *catalogi.Zaaktype) {
	e := catalogi.ZaaktypeGepubliceerd{UUID: z.UUID(), ZaaktypeGegevens: z.Gegevens()}
	z.Apply(e)
	s.append(catalogi.ZaaktypeStream(z.UUID()), e)
}

// seedCatalogi seeds the catalogue the constants describe, plus paging
// catalogussen (P000..P099) to fill more than one page.
func seedCatalogi(t *testing.T, g *registry) {
	s := &ztcSeeder{t: t, g: g}
	aanvraag := catalogi.Verwijzingen{"Aanvraag": {Catalogus: ztcC1}}

	s.on(catalogi.CatalogusStream(ztcC1))(catalogi.NewCatalogus(ztcC1).Create(catalogi.CatalogusGegevens{
		Domein: "ABC", Rsin: "123456782", ContactpersoonBeheerNaam: "Beheer", ContactpersoonBeheerEmailadres: "beheer@example.nl",
		Naam: "Catalogus ABC", Versie: "1", BegindatumVersie: catalogi.MustDate("2020-01-01")}))
	s.on(catalogi.CatalogusStream(ztcC2))(catalogi.NewCatalogus(ztcC2).Create(catalogi.CatalogusGegevens{
		Domein: "XYZ", Rsin: "111222333", ContactpersoonBeheerNaam: "Beheer"}))

	iot := func(id, omschrijving, begin string, publish bool, einde string) {
		a := catalogi.NewInformatieobjecttype(id)
		stream := catalogi.InformatieobjecttypeStream(id)
		g := catalogi.InformatieobjecttypeGegevens{Catalogus: ztcC1, Omschrijving: omschrijving,
			Vertrouwelijkheidaanduiding: catalogi.Openbaar, Informatieobjectcategorie: "brief", BeginGeldigheid: catalogi.MustDate(begin)}
		if !publish {
			g.OmschrijvingGeneriek = &catalogi.InformatieobjecttypeOmschrijvingGeneriek{InformatieobjecttypeOmschrijvingGeneriek: "bijlage",
				DefinitieInformatieobjecttypeOmschrijvingGeneriek: "def", HerkomstInformatieobjecttypeOmschrijvingGeneriek: "intern",
				HierarchieInformatieobjecttypeOmschrijvingGeneriek: "h"}
		}
		s.on(stream)(a.Create(g))
		if publish {
			s.on(stream)(a.Publish())
		}
		if einde != "" {
			s.on(stream)(a.Beeindig(catalogi.MustDate(einde)))
		}
	}
	iot(ztcIOT1, "Aanvraag", "2020-01-01", true, "2021-12-31")
	iot(ztcIOT2, "Aanvraag", "2022-01-01", true, "")
	iot(ztcIOT3, "Bijlage", "2022-01-01", false, "")

	bt1 := catalogi.NewBesluittype(ztcBT1)
	s.on(catalogi.BesluittypeStream(ztcBT1))(bt1.Create(catalogi.BesluittypeGegevens{Catalogus: ztcC1, Omschrijving: "Besluit A",
		Informatieobjecttypen: []string{"Aanvraag"}, Reactietermijn: "P6W", BeginGeldigheid: catalogi.MustDate("2020-01-01")}, aanvraag))
	s.on(catalogi.BesluittypeStream(ztcBT1))(bt1.Publish())
	s.on(catalogi.BesluittypeStream(ztcBT2))(catalogi.NewBesluittype(ztcBT2).Create(catalogi.BesluittypeGegevens{
		Catalogus: ztcC1, Omschrijving: "Besluit B", BeginGeldigheid: catalogi.MustDate("2020-01-01")}, nil))

	besluitA := catalogi.ZaaktypeFeiten{Besluittypen: catalogi.Verwijzingen{"Besluit A": {Catalogus: ztcC1}}}
	zt1 := catalogi.NewZaaktype(ztcZT1)
	g1 := ztcZaaktype(ztcC1, "ZT-1", "2020-01-01")
	g1.Besluittypen = []string{"Besluit A"}
	s.on(catalogi.ZaaktypeStream(ztcZT1))(zt1.Create(g1, besluitA))
	s.on(catalogi.ZaaktypeStream(ztcZT1))(zt1.AddZaaktypeInformatieobjecttype(ztcZIOT0, catalogi.ZaaktypeInformatieobjecttypeGegevens{
		Informatieobjecttype: "Aanvraag", Volgnummer: 1, Richting: catalogi.Inkomend}, aanvraag, false))
	s.publishDirect(zt1)
	s.on(catalogi.ZaaktypeStream(ztcZT1))(zt1.Beeindig(catalogi.MustDate("2021-12-31")))

	s.seedZT2()
	s.seedZT3()

	zt4 := catalogi.NewZaaktype(ztcZT4)
	s.on(catalogi.ZaaktypeStream(ztcZT4))(zt4.Create(ztcZaaktype(ztcC2, "ZT-9", "2020-01-01"), catalogi.ZaaktypeFeiten{}))
	s.publishDirect(zt4)

	for i := range 100 {
		id := fmt.Sprintf("cf000000-0000-4000-8000-%012d", i)
		s.append(catalogi.CatalogusStream(id), catalogi.CatalogusAangemaakt{UUID: id, CatalogusGegevens: catalogi.CatalogusGegevens{
			Domein: fmt.Sprintf("P%03d", i), Rsin: fmt.Sprintf("%09d", i), ContactpersoonBeheerNaam: "Paging"}})
	}
	s.wait()
}

// seedZT2 is ZT-1 version 2 with one sub-type of every kind.
func (s *ztcSeeder) seedZT2() {
	z := catalogi.NewZaaktype(ztcZT2)
	on := s.on(catalogi.ZaaktypeStream(ztcZT2))
	g := ztcZaaktype(ztcC1, "ZT-1", "2022-01-01")
	g.Besluittypen, g.Deelzaaktypen, g.Trefwoorden = []string{"Besluit A"}, []string{"ZT-2"}, []string{"bouw", "wonen"}
	g.Servicenorm = "P10D"
	g.GerelateerdeZaaktypen = []catalogi.ZaaktypenRelatie{{Zaaktype: "ZT-2", AardRelatie: catalogi.Vervolg}, {Zaaktype: ztcElders, AardRelatie: catalogi.Bijdrage, Toelichting: "elders"}}
	g.Broncatalogus = &catalogi.Broncatalogus{URL: "https://bron.example/catalogi/api/v1/catalogussen/1", Domein: "BRON", Rsin: "123456782"}
	g.Bronzaaktype = &catalogi.Bronzaaktype{URL: "https://bron.example/catalogi/api/v1/zaaktypen/1", Identificatie: "B-1", Omschrijving: "Bron"}
	on(z.Create(g, catalogi.ZaaktypeFeiten{Besluittypen: catalogi.Verwijzingen{"Besluit A": {Catalogus: ztcC1}},
		Deelzaaktypen: catalogi.Verwijzingen{"ZT-2": {Catalogus: ztcC1, Concept: true}}}))
	on(z.AddStatustype(ztcST1, catalogi.StatustypeGegevens{Omschrijving: "Ontvangen", Volgnummer: 1,
		ChecklistitemStatustype: []catalogi.CheckListItem{{Itemnaam: "compleet", Vraagstelling: "Is het compleet?", Verplicht: true}}}, false))
	on(z.AddStatustype(ztcST2, catalogi.StatustypeGegevens{Omschrijving: "Afgehandeld", Volgnummer: 2, Doorlooptijd: "P5D"}, false))
	on(z.AddRoltype(ztcROL1, catalogi.RoltypeGegevens{Omschrijving: "Aanvrager", OmschrijvingGeneriek: catalogi.Initiator}, false))
	btURL, iotURL := ztcURL("besluittypen", ztcBT1), ztcURL("informatieobjecttypen", ztcIOT2)
	on(z.AddResultaattype(ztcRES1, catalogi.ResultaattypeGegevens{Omschrijving: "Verleend",
		Resultaattypeomschrijving: "https://referentielijsten.example/api/v1/resultaattypeomschrijvingen/1",
		Selectielijstklasse:       ztcResultaat, Besluittypen: []string{btURL}, Informatieobjecttypen: []string{iotURL},
		BrondatumArchiefprocedure: &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}},
		catalogi.ResultaattypeFeiten{
			Selectielijstklasse:   catalogi.SelectielijstResultaat{URL: ztcResultaat, ProcestypeURL: ztcProcestype, Waardering: "vernietigen", Bewaartermijn: "P10Y"},
			OmschrijvingGeneriek:  "Verleend",
			Besluittypen:          catalogi.Verwijzingen{btURL: {Catalogus: ztcC1}},
			Informatieobjecttypen: catalogi.Verwijzingen{iotURL: {Catalogus: ztcC1}},
		}, false))
	on(z.AddEigenschap(ztcEIG1, catalogi.EigenschapGegevens{Naam: "kenteken", Definitie: "Het kenteken",
		Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Tekst, Lengte: "8", Kardinaliteit: "1"}, Statustype: ztcST1}, false))
	on(z.UpdateStatustype(ztcST1, catalogi.StatustypeGegevens{Omschrijving: "Ontvangen", Volgnummer: 1,
		ChecklistitemStatustype: []catalogi.CheckListItem{{Itemnaam: "compleet", Vraagstelling: "Is het compleet?", Verplicht: true}},
		Eigenschappen:           []string{ztcEIG1}}, catalogi.ActieUpdate, false))
	on(z.AddZaakobjecttype(ztcZOT1, catalogi.ZaakobjecttypeGegevens{Objecttype: ztcObjecttype, RelatieOmschrijving: "betreft"}, false))
	on(z.AddZaaktypeInformatieobjecttype(ztcZIOT1, catalogi.ZaaktypeInformatieobjecttypeGegevens{Informatieobjecttype: "Aanvraag",
		Volgnummer: 1, Richting: catalogi.Inkomend, Statustype: ztcST2}, catalogi.Verwijzingen{"Aanvraag": {Catalogus: ztcC1}}, false))
	on(z.Publish(catalogi.PublicatieFeiten{Besluittypen: catalogi.Verwijzingen{"Besluit A": {Catalogus: ztcC1}},
		Informatieobjecttypen: catalogi.Verwijzingen{"Aanvraag": {Catalogus: ztcC1}}}))
}

// seedZT3 is ZT-2, a concept referring to the concept Besluit B and Bijlage.
func (s *ztcSeeder) seedZT3() {
	z := catalogi.NewZaaktype(ztcZT3)
	on := s.on(catalogi.ZaaktypeStream(ztcZT3))
	g := ztcZaaktype(ztcC1, "ZT-2", "2022-01-01")
	g.Besluittypen, g.Trefwoorden = []string{"Besluit B"}, []string{"bouw"}
	on(z.Create(g, catalogi.ZaaktypeFeiten{Besluittypen: catalogi.Verwijzingen{"Besluit B": {Catalogus: ztcC1, Concept: true}}}))
	on(z.AddStatustype(ztcST3, catalogi.StatustypeGegevens{Omschrijving: "Nieuw", Volgnummer: 1}, false))
	on(z.AddRoltype(ztcROL2, catalogi.RoltypeGegevens{Omschrijving: "Behandelaar", OmschrijvingGeneriek: catalogi.Behandelaar}, false))
	on(z.AddZaaktypeInformatieobjecttype(ztcZIOT2, catalogi.ZaaktypeInformatieobjecttypeGegevens{Informatieobjecttype: "Bijlage",
		Volgnummer: 1, Richting: catalogi.Uitgaand}, catalogi.Verwijzingen{"Bijlage": {Catalogus: ztcC1, Concept: true}}, false))
}

// ztcLezer registers client id with an applicatie holding autorisatie a
// and returns its token.
func ztcLezer(t *testing.T, g *registry, admin, id string, a map[string]any) string {
	t.Helper()
	g.cli("client", "add", id, "--secret", "s-"+id)
	expect(t, g.do("POST", acRoot+"/applicaties", admin, map[string]any{
		"clientIds": []string{id}, "label": id, "autorisaties": []map[string]any{a}}), http.StatusCreated)
	return token(t, id, "s-"+id)
}

// ztcPage is a decoded paginated list.
type ztcPage struct {
	Count    int              `json:"count"`
	Next     *string          `json:"next"`
	Previous *string          `json:"previous"`
	Results  []map[string]any `json:"results"`
}

func (p ztcPage) urls() []string {
	var out []string
	for _, r := range p.Results {
		out = append(out, r["url"].(string))
	}
	return out
}

// ztcList GETs a list and decodes it, failing unless it answers 200.
func (g *registry) ztcList(t *testing.T, tok, path string) ztcPage {
	t.Helper()
	r := g.do("GET", ztcRoot+path, tok, nil)
	expect(t, r, http.StatusOK)
	var p ztcPage
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// ztcWant fails unless got lists exactly the objects ids of collection,
// in order.
func ztcWant(t *testing.T, what string, got []string, collection string, ids ...string) {
	t.Helper()
	want := make([]string, 0, len(ids))
	for _, id := range ids {
		want = append(want, ztcURL(collection, id))
	}
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

// ztcURLs reads a list of URLs out of a decoded body field.
func ztcURLs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// ztcPatchedSpec is the Catalogi 1.3.1 specification with the two properties
// fixed that the file declares as string while the reference
// implementation (and 1.3.2) answer with a list of URLs: ZaakType
// informatieobjecttypen and InformatieObjectType zaaktypen. The end-to-end
// harness skips the bodies of the four operations with these schemas;
// ztcCheckPatched validates them here against everything else.
func ztcPatchedSpec(t *testing.T) *openapi3.T {
	t.Helper()
	raw, err := oas.Raw("catalogi-1.3.1")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(raw)
	if err != nil {
		t.Fatal(err)
	}
	urls := openapi3.NewArraySchema().WithItems(openapi3.NewStringSchema().WithFormat("uri"))
	urls.ReadOnly = true
	doc.Components.Schemas["ZaakType"].Value.Properties["informatieobjecttypen"] = urls.NewRef()
	doc.Components.Schemas["InformatieObjectType"].Value.Properties["zaaktypen"] = urls.NewRef()
	return doc
}

// ztcCheckPatched validates body against schema of the patched specification.
func ztcCheckPatched(t *testing.T, doc *openapi3.T, schema string, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	if err := doc.Components.Schemas[schema].Value.VisitJSON(v, openapi3.MultiErrors(), openapi3.VisitAsResponse()); err != nil {
		t.Errorf("%s does not match the (patched) 1.3.1 schema: %v\n%s", schema, err, body)
	}
}

// ztcProblem fails unless r is a problem with an invalidParam named name.
func ztcProblem(t *testing.T, r response, status int, name string) {
	t.Helper()
	expect(t, r, status)
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
		t.Errorf("Content-Type %q", r.Header.Get("Content-Type"))
	}
	if name != "" && invalidParam(t, r, name) == "" {
		t.Errorf("no invalidParams entry %q: %s", name, r.Body)
	}
}
