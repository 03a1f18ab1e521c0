package main

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/referentielijsten"
)

// A realistic municipal catalogue, seeded through the HTTP API by both
// TestCatalogi_RealisticCatalogue and BenchmarkCatalogiRead.
//
// The informatieobjecttypen are shared: a municipality keeps one list of
// document types in its catalogus (Aanvraag, Ontvangstbevestiging, Besluit,
// Advies, Machtiging, ...) and every zaaktype links the ones it uses, by
// omschrijving, through its zaaktype-informatieobjecttypen. Here each
// zaaktype links the three every process has and two of the seventeen
// others, so a new zaaktype version reuses them as it would in practice.

// Validity of the first versions, and of the new ones published later.
const (
	realisticBegin       = "2024-01-01"
	realisticNewBegin    = "2025-07-01"
	realisticPreviousEnd = "2025-06-30"
	// realisticVersionEvery: zaaktypen 0, 5, 10, ... get a new version.
	realisticVersionEvery = 5
	// realisticClients is how many clients write (and the test reads) at
	// once.
	realisticClients = 8
)

// Informatieobjecttypen of the catalogus: the three every zaaktype links
// first, then those a zaaktype picks two of.
var (
	realisticIOTAlgemeen = []string{"Aanvraag", "Ontvangstbevestiging", "Besluit"}
	realisticIOTOverig   = []string{"Bijlage bij aanvraag", "Tekening", "Situatieschets", "Advies", "Zienswijze",
		"Bezwaarschrift", "Machtiging", "Identiteitsbewijs", "Inkomensgegevens", "Rapportage", "Foto", "Correspondentie",
		"Verslag huisbezoek", "Beschikking", "Factuur", "Aanvullende gegevens", "Kennisgeving"}
)

// Zaaktypen are named onderwerp + handeling: 25 x 4 = 100 distinct names.
var (
	realisticOnderwerpen = []string{"Omgevingsvergunning", "Evenementenvergunning", "Parkeervergunning",
		"Standplaatsvergunning", "Drank- en horecavergunning", "Kapvergunning", "Uitritvergunning", "Bijzondere bijstand",
		"Schuldhulpverlening", "Wmo-maatwerkvoorziening", "Leerlingenvervoer", "Kwijtschelding", "Bezwaar",
		"Klacht", "Melding openbare ruimte", "Subsidie", "Adreswijziging", "Naturalisatie", "Huwelijk",
		"Rijbewijs", "Reisdocument", "Inzageverzoek", "Handhavingsverzoek", "Gehandicaptenparkeerkaart",
		"Ondergrondse afvalcontainer"}
	realisticHandelingen = []string{"aanvragen", "wijzigen", "verlengen", "intrekken"}
)

// The sub-types every zaaktype version gets.
var (
	realisticStatustypen = []string{"Ontvangen", "In behandeling", "Aanvullende informatie gevraagd",
		"Advies gevraagd", "Besluit genomen", "Afgehandeld"}
	realisticRoltypen = [][2]string{{"Aanvrager", "initiator"}, {"Behandelaar", "behandelaar"},
		{"Beslisser", "beslisser"}, {"Belanghebbende", "belanghebbende"}}
	// omschrijving and generieke resultaattypeomschrijving
	realisticResultaattypen = [][2]string{{"Verleend", "Toegekend"}, {"Geweigerd", "Afgewezen"},
		{"Ingetrokken", "Ingetrokken"}, {"Buiten behandeling gesteld", "Afgewezen"}}
	realisticEigenschappen = []map[string]any{
		{"naam": "aanvraagdatum", "definitie": "Datum van de aanvraag", "specificatie": map[string]any{"formaat": "datum", "lengte": "8", "kardinaliteit": "1"}},
		{"naam": "einddatum", "definitie": "Datum waarop het product vervalt", "specificatie": map[string]any{"formaat": "datum", "lengte": "8", "kardinaliteit": "1"}},
		{"naam": "kenmerk_aanvrager", "definitie": "Kenmerk van de aanvrager", "specificatie": map[string]any{"formaat": "tekst", "lengte": "40", "kardinaliteit": "1"}},
		{"naam": "bedrag", "definitie": "Bedrag in euro", "specificatie": map[string]any{"formaat": "getal", "lengte": "8,2", "kardinaliteit": "1"}},
		{"naam": "locatie", "definitie": "Adres of locatie", "specificatie": map[string]any{"formaat": "tekst", "lengte": "200", "kardinaliteit": "N"}},
	}
)

// realisticCatalogue is what seedRealistic created, as the reads must show
// it.
type realisticCatalogue struct {
	catalogus string
	iots      map[string]string // omschrijving -> url
	first     []*seededZaaktype // the first version of each identificatie
	second    []*seededZaaktype // the new versions, second[k] of first[k*realisticVersionEvery]
}

// all is every zaaktype version.
func (c *realisticCatalogue) all() []*seededZaaktype {
	return append(append([]*seededZaaktype{}, c.first...), c.second...)
}

// seededZaaktype is one zaaktype version with the URLs of its sub-types in
// creation order, which is also the order the detail lists them in.
type seededZaaktype struct {
	url, identificatie, begin                                   string
	statustypen, roltypen, resultaattypen, eigenschappen, ziots []string
	// informatieobjecttypen: URLs, in the volgnummer order of the ziots.
	informatieobjecttypen []string
	// resultaten: what each resultaattype was sent, in order.
	resultaten []seededResultaat
}

type seededResultaat struct{ selectielijstklasse, afleidingswijze string }

// realisticProces is a 2017 procestype of the built-in Selectielijst with
// four of its resultaten.
type realisticProces struct {
	procestype string
	resultaten [4]referentielijsten.Resultaat
}

// realisticSelectielijst returns every 2017 procestype with at least four
// resultaten that have a waardering (2020 procestypen have no resultaten),
// and the resultaattypeomschrijving URLs by omschrijving.
func realisticSelectielijst(tb testing.TB) ([]realisticProces, map[string]string) {
	tb.Helper()
	l, err := referentielijsten.Load()
	if err != nil {
		tb.Fatal(err)
	}
	root := testBaseURL + selectielijstRoot
	var out []realisticProces
	for _, p := range l.Procestypen(2017) {
		var rs []referentielijsten.Resultaat
		for _, r := range l.Resultaten(p.UUID) {
			if r.Waardering != "" {
				rs = append(rs, r)
			}
		}
		if len(rs) >= 4 {
			out = append(out, realisticProces{procestype: root + "/procestypen/" + p.UUID, resultaten: [4]referentielijsten.Resultaat(rs[:4])})
		}
	}
	omschrijvingen := map[string]string{}
	for _, o := range l.ResultaatTypeOmschrijvingen() {
		omschrijvingen[o.Omschrijving] = root + "/resultaattypeomschrijvingen/" + o.UUID
	}
	if len(out) == 0 {
		tb.Fatal("no 2017 procestype with four resultaten in the Selectielijst")
	}
	return out, omschrijvingen
}

// brondatumFor is the brondatumArchiefprocedure a municipality sets for a
// selectielijstklasse: ztc-003 demands afgehandeld for procestermijn nihil
// and termijn for the estimated lifetime of the procesobject, and forbids
// afgehandeld for the other procestermijnen.
func brondatumFor(p referentielijsten.Procestermijn) map[string]any {
	switch p {
	case referentielijsten.ProcestermijnIngeschatteBestaansduurProcesobject:
		return map[string]any{"afleidingswijze": "termijn", "procestermijn": "P10Y"}
	case referentielijsten.ProcestermijnBestaansduurProcesobject:
		return map[string]any{"afleidingswijze": "vervaldatum_besluit"}
	case referentielijsten.ProcestermijnVastTeLeggenDatum:
		return map[string]any{"afleidingswijze": "eigenschap", "datumkenmerk": "einddatum"}
	case referentielijsten.ProcestermijnSamengevoegdMetBewaartermijn:
		return map[string]any{"afleidingswijze": "ingangsdatum_besluit"}
	}
	return map[string]any{"afleidingswijze": "afgehandeld"}
}

// realisticSeeder writes the catalogue through one shared client.
type realisticSeeder struct {
	c              *ztcClient
	processen      []realisticProces
	omschrijvingen map[string]string
	cat            *realisticCatalogue
}

// seedRealistic seeds a catalogus with its informatieobjecttypen and n
// published zaaktypen with all their sub-types, then a new version of every
// realisticVersionEvery-th zaaktype, published, which ends its
// predecessor. checkpoint, when not nil, is called after each stage
// ("catalogus", "concepts", "published", "new concepts", "new published")
// and is not counted in the timings logged.
func seedRealistic(ctx context.Context, tb testing.TB, c *ztcClient, n int, checkpoint func(stage string, cat *realisticCatalogue)) *realisticCatalogue {
	tb.Helper()
	processen, omschrijvingen := realisticSelectielijst(tb)
	s := &realisticSeeder{c: c, processen: processen, omschrijvingen: omschrijvingen,
		cat: &realisticCatalogue{iots: map[string]string{}}}
	var (
		total    time.Duration
		requests int64
	)
	stage := func(name string, do func() error) {
		tb.Helper()
		start, before := time.Now(), c.requests.Load()
		if err := do(); err != nil {
			tb.Fatalf("seeding, %s: %v", name, err)
		}
		took := time.Since(start)
		total += took
		reqs := c.requests.Load() - before
		requests += reqs
		tb.Logf("seed %-13s %5d requests in %v (%.0f req/s)", name, reqs, took.Round(time.Millisecond), float64(reqs)/took.Seconds())
		if checkpoint != nil {
			checkpoint(name, s.cat)
		}
	}
	stage("catalogus", func() error { return s.catalogus(ctx) })
	stage("concepts", func() error {
		s.cat.first = make([]*seededZaaktype, n)
		return inParallel(ctx, realisticClients, n, func(ctx context.Context, i int) error {
			z, err := s.zaaktype(ctx, i, realisticBegin)
			s.cat.first[i] = z
			return err
		})
	})
	stage("published", func() error { return s.publish(ctx, s.cat.first) })
	versioned := (n + realisticVersionEvery - 1) / realisticVersionEvery
	stage("new concepts", func() error {
		s.cat.second = make([]*seededZaaktype, versioned)
		return inParallel(ctx, realisticClients, versioned, func(ctx context.Context, k int) error {
			z, err := s.zaaktype(ctx, k*realisticVersionEvery, realisticNewBegin)
			s.cat.second[k] = z
			return err
		})
	})
	stage("new published", func() error { return s.publish(ctx, s.cat.second) })
	tb.Logf("seeded %d zaaktypen (%d new versions): %d requests in %v (%.0f req/s), %d clients",
		n, versioned, requests, total.Round(time.Millisecond), float64(requests)/total.Seconds(), realisticClients)
	return s.cat
}

// catalogus creates the catalogus and its informatieobjecttypen, published.
func (s *realisticSeeder) catalogus(ctx context.Context) error {
	cat, err := s.c.create(ctx, "catalogussen", map[string]any{"domein": "GEM", "rsin": "002220647",
		"contactpersoonBeheerNaam": "Team Informatiebeheer", "naam": "Zaaktypecatalogus gemeente"})
	if err != nil {
		return err
	}
	s.cat.catalogus = cat
	namen := append(append([]string{}, realisticIOTAlgemeen...), realisticIOTOverig...)
	urls := make([]string, len(namen))
	err = inParallel(ctx, realisticClients, len(namen), func(ctx context.Context, i int) error {
		u, err := s.c.create(ctx, "informatieobjecttypen", map[string]any{"catalogus": cat, "omschrijving": namen[i],
			"vertrouwelijkheidaanduiding": []string{"openbaar", "zaakvertrouwelijk", "vertrouwelijk"}[i%3],
			"informatieobjectcategorie":   "document", "beginGeldigheid": realisticBegin})
		if err != nil {
			return err
		}
		urls[i] = u
		return s.c.publish(ctx, u)
	})
	for i, u := range urls {
		s.cat.iots[namen[i]] = u
	}
	return err
}

// zaaktype creates concept version begin of zaaktype i with its
// sub-types, in the order a beheerder enters them.
func (s *realisticSeeder) zaaktype(ctx context.Context, i int, begin string) (*seededZaaktype, error) {
	proces := s.processen[i%len(s.processen)]
	body := zaaktypeVoor(s.cat.catalogus, fmt.Sprintf("ZT-%03d", i+1), begin, proces.procestype)
	body["omschrijving"] = realisticOnderwerpen[i%len(realisticOnderwerpen)] + " " +
		realisticHandelingen[i/len(realisticOnderwerpen)%len(realisticHandelingen)]
	body["doorlooptijd"] = []string{"P8W", "P26W", "P2W", "P12W"}[i%4]
	body["verlengingMogelijk"], body["verlengingstermijn"] = true, "P6W"
	url, err := s.c.create(ctx, "zaaktypen", body)
	if err != nil {
		return nil, err
	}
	z := &seededZaaktype{url: url, identificatie: body["identificatie"].(string), begin: begin}
	add := func(list *[]string, collection string, body map[string]any) error {
		body["zaaktype"] = url
		u, err := s.c.create(ctx, collection, body)
		*list = append(*list, u)
		return err
	}
	for k, o := range realisticStatustypen {
		if err := add(&z.statustypen, "statustypen", map[string]any{"omschrijving": o, "volgnummer": k + 1,
			"statustekst": "Uw zaak heeft de status " + o + ".", "informeren": k == 0 || k == len(realisticStatustypen)-1}); err != nil {
			return z, err
		}
	}
	for _, r := range realisticRoltypen {
		if err := add(&z.roltypen, "roltypen", map[string]any{"omschrijving": r[0], "omschrijvingGeneriek": r[1]}); err != nil {
			return z, err
		}
	}
	for k, r := range realisticResultaattypen {
		sl := proces.resultaten[k]
		klasse := testBaseURL + selectielijstRoot + "/resultaten/" + sl.UUID
		brondatum := brondatumFor(sl.Procestermijn)
		z.resultaten = append(z.resultaten, seededResultaat{klasse, brondatum["afleidingswijze"].(string)})
		if err := add(&z.resultaattypen, "resultaattypen", map[string]any{"omschrijving": r[0],
			"resultaattypeomschrijving": s.omschrijvingen[r[1]], "selectielijstklasse": klasse,
			"brondatumArchiefprocedure": brondatum}); err != nil {
			return z, err
		}
	}
	for _, e := range realisticEigenschappen {
		if err := add(&z.eigenschappen, "eigenschappen", maps.Clone(e)); err != nil {
			return z, err
		}
	}
	overig := realisticIOTOverig
	links := []struct{ iot, richting, statustype string }{
		{"Aanvraag", "inkomend", ""},
		{"Ontvangstbevestiging", "uitgaand", z.statustypen[0]},
		{overig[2*i%len(overig)], "inkomend", ""},
		{overig[(2*i+1)%len(overig)], "intern", ""},
		{"Besluit", "uitgaand", z.statustypen[4]},
	}
	for k, l := range links {
		body := map[string]any{"informatieobjecttype": l.iot, "volgnummer": k + 1, "richting": l.richting}
		if l.statustype != "" {
			body["statustype"] = l.statustype
		}
		if err := add(&z.ziots, "zaaktype-informatieobjecttypen", body); err != nil {
			return z, err
		}
		z.informatieobjecttypen = append(z.informatieobjecttypen, s.cat.iots[l.iot])
	}
	return z, nil
}

// publish publishes the zaaktypen, realisticClients at a time.
func (s *realisticSeeder) publish(ctx context.Context, zs []*seededZaaktype) error {
	return inParallel(ctx, realisticClients, len(zs), func(ctx context.Context, i int) error {
		return s.c.publish(ctx, zs[i].url)
	})
}
