package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/zgw"
)

// The catalogue of a seed: one catalogus per RSIN with published zaaktypen,
// each with six statustypen, four roltypen, four resultaattypen (with the
// Selectielijst resultaten of a 2017 procestype, whose archiving parameters
// they take) and five eigenschappen. All uuids derive from the RSIN and the
// zaaktype's number, so a second run finds and reuses what the first wrote
// and only adds the zaaktypen it lacks.

// seedNamespace is the namespace of the name-based uuids of the catalogue.
var seedNamespace = uuid.MustParse("6f1c54a0-5b7e-4c55-9d0e-7a4e3c2b9a10")

// seedUUID is the stable uuid of the catalogue object named by parts.
func seedUUID(parts ...string) string {
	return uuid.NewSHA1(seedNamespace, []byte(strings.Join(parts, "/"))).String()
}

// catalogiRoot is the API root of the Catalogi API in resource URLs.
const catalogiRoot = "/catalogi/api/v1"

// The content of every zaaktype.
var (
	onderwerpen = []string{"Omgevingsvergunning", "Evenementenvergunning", "Parkeervergunning",
		"Standplaatsvergunning", "Drank- en horecavergunning", "Kapvergunning", "Uitritvergunning", "Bijzondere bijstand",
		"Schuldhulpverlening", "Wmo-maatwerkvoorziening", "Leerlingenvervoer", "Kwijtschelding", "Bezwaar",
		"Klacht", "Melding openbare ruimte", "Subsidie", "Adreswijziging", "Naturalisatie", "Huwelijk",
		"Rijbewijs", "Reisdocument", "Inzageverzoek", "Handhavingsverzoek", "Gehandicaptenparkeerkaart",
		"Ondergrondse afvalcontainer"}
	handelingen   = []string{"aanvragen", "wijzigen", "verlengen", "intrekken"}
	statustypen   = []string{"Ontvangen", "In behandeling", "Aanvullende informatie gevraagd", "Advies gevraagd", "Besluit genomen", "Afgehandeld"}
	roltypen      = [][2]string{{"Aanvrager", "initiator"}, {"Behandelaar", "behandelaar"}, {"Beslisser", "beslisser"}, {"Belanghebbende", "belanghebbende"}}
	resultaten    = [][2]string{{"Verleend", "Toegekend"}, {"Geweigerd", "Afgewezen"}, {"Ingetrokken", "Ingetrokken"}, {"Buiten behandeling", "Afgewezen"}}
	vertrouwelijk = []catalogi.Vertrouwelijkheidaanduiding{catalogi.Openbaar, catalogi.BeperktOpenbaar, catalogi.Intern,
		catalogi.Zaakvertrouwelijk, catalogi.Vertrouwelijk}
	doorlooptijden = []struct {
		duur  string
		dagen int
	}{{"P8W", 56}, {"P26W", 182}, {"P2W", 14}, {"P12W", 84}}
	eigenschappen = []catalogi.EigenschapGegevens{
		{Naam: "aanvraagdatum", Definitie: "Datum van de aanvraag", Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Datum, Lengte: "8", Kardinaliteit: "1"}},
		{Naam: "einddatum", Definitie: "Datum waarop het product vervalt", Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Datum, Lengte: "8", Kardinaliteit: "1"}},
		{Naam: "kenmerk_aanvrager", Definitie: "Kenmerk van de aanvrager", Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Tekst, Lengte: "40", Kardinaliteit: "1"}},
		{Naam: "bedrag", Definitie: "Bedrag in euro", Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Getal, Lengte: "8,2", Kardinaliteit: "1"}},
		{Naam: "locatie", Definitie: "Adres of locatie", Specificatie: catalogi.EigenschapSpecificatie{Formaat: catalogi.Tekst, Lengte: "200", Kardinaliteit: "N"}},
	}
)

// zaaktypeBegin is the beginGeldigheid (and versiedatum) of every zaaktype.
var zaaktypeBegin = catalogi.MustDate("2024-01-01")

// seededZaaktype is a published zaaktype as zaken refer to it: the facts a
// zaak decision needs, keyed by the URLs the API writes, and those URLs in
// the order the zaken use them.
type seededZaaktype struct {
	url          string
	omschrijving string
	dagen        int // doorlooptijd in days
	feiten       zaken.Feiten
	// statustypen in volgnummer order; the last is the eindstatus.
	statustypen    []string
	roltypen       []string // as in roltypen: aanvrager, behandelaar, ...
	resultaattypen []string
	eigenschappen  map[string]string // naam -> URL
}

// selectielijst is what the resultaattypen draw on: the 2017 procestypen
// with at least four resultaten that have a waardering (the 2020 ones have
// no resultaten), and the generieke resultaattypeomschrijvingen.
type selectielijst struct {
	source         *referentielijsten.Source
	processen      []referentielijsten.Procestype
	resultaten     map[string][]referentielijsten.Resultaat // procestype uuid -> first four
	omschrijvingen map[string]string                        // omschrijving -> URL
}

// newSelectielijst reads the built-in lists as the registry serves them,
// with the references the log keeps to them (no base URL).
func newSelectielijst() (*selectielijst, error) {
	l, err := referentielijsten.Load()
	if err != nil {
		return nil, err
	}
	root := referentielijsten.Root
	s := &selectielijst{source: &referentielijsten.Source{Lijsten: l, Root: root, Builtin: true},
		resultaten: map[string][]referentielijsten.Resultaat{}, omschrijvingen: map[string]string{}}
	for _, p := range l.Procestypen(2017) {
		var rs []referentielijsten.Resultaat
		for _, r := range l.Resultaten(p.UUID) {
			if r.Waardering != "" {
				rs = append(rs, r)
			}
		}
		if len(rs) >= len(resultaten) {
			s.processen = append(s.processen, p)
			s.resultaten[p.UUID] = rs[:len(resultaten)]
		}
	}
	if len(s.processen) == 0 {
		return nil, fmt.Errorf("no 2017 procestype with %d resultaten in the Selectielijst", len(resultaten))
	}
	for _, o := range l.ResultaatTypeOmschrijvingen() {
		s.omschrijvingen[o.Omschrijving] = root + "/resultaattypeomschrijvingen/" + o.UUID
	}
	return s, nil
}

// brondatumFor is the brondatumArchiefprocedure a municipality sets for a
// selectielijstklasse with procestermijn p (ztc-003: afgehandeld for nihil,
// termijn for the estimated lifetime of the procesobject, never afgehandeld
// for the other procestermijnen).
func brondatumFor(p referentielijsten.Procestermijn) *catalogi.BrondatumArchiefprocedure {
	switch p {
	case referentielijsten.ProcestermijnIngeschatteBestaansduurProcesobject:
		return &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Termijn, Procestermijn: "P10Y"}
	case referentielijsten.ProcestermijnBestaansduurProcesobject:
		return &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.VervaldatumBesluit}
	case referentielijsten.ProcestermijnVastTeLeggenDatum:
		return &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.EigenschapAfleiding, Datumkenmerk: "einddatum"}
	case referentielijsten.ProcestermijnSamengevoegdMetBewaartermijn:
		return &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.IngangsdatumBesluit}
	}
	return &catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}
}

// catalogue builds the catalogue's URLs as the Catalogi API writes them.
type catalogue struct {
	catalogus string // uuid
	rsin      string
	sl        *selectielijst
}

// url is the URL of the resource id in collection of the Catalogi API.
func (c *catalogue) url(collection, id string) string {
	return zgw.ResourceRef(catalogiRoot, collection, id)
}

// ensureCatalogue writes the catalogus and zaaktypen 0..n-1 that the log
// does not have yet, publishes those still concept, and returns them all.
func ensureCatalogue(ctx context.Context, w *logWriter, cfg seedConfig) ([]*seededZaaktype, error) {
	sl, err := newSelectielijst()
	if err != nil {
		return nil, err
	}
	c := &catalogue{
		catalogus: seedUUID("catalogus", cfg.RSIN), rsin: cfg.RSIN, sl: sl,
	}
	cat := catalogi.NewCatalogus(c.catalogus)
	stream := catalogi.CatalogusStream(c.catalogus)
	expected, err := w.load(ctx, stream, catalogi.Decode, cat.Apply)
	if err != nil {
		return nil, err
	}
	if !cat.Exists() {
		events, err := cat.Create(catalogi.CatalogusGegevens{Domein: "LOAD", Rsin: cfg.RSIN,
			ContactpersoonBeheerNaam: "Team Informatiebeheer", Naam: "Zaaktypecatalogus zaakload"})
		if err != nil {
			return nil, err
		}
		if _, err := w.append(ctx, stream, expected, events); err != nil {
			return nil, err
		}
	}
	out := make([]*seededZaaktype, cfg.Zaaktypen)
	err = parallel(ctx, cfg.Workers, cfg.Zaaktypen, func(ctx context.Context, i int) error {
		z, err := c.ensureZaaktype(ctx, w, i)
		out[i] = z
		return err
	})
	return out, err
}

// ensureZaaktype writes zaaktype i with its sub-types unless the log has
// it, and publishes it unless it is published: the Versies stream first,
// as the command handler does, then the zaaktype's own stream.
func (c *catalogue) ensureZaaktype(ctx context.Context, w *logWriter, i int) (*seededZaaktype, error) {
	id := seedUUID("zaaktype", c.catalogus, strconv.Itoa(i))
	z := catalogi.NewZaaktype(id)
	stream := catalogi.ZaaktypeStream(id)
	expected, err := w.load(ctx, stream, catalogi.Decode, z.Apply)
	if err != nil {
		return nil, err
	}
	var events []domain.Event
	if !z.Exists() {
		if events, err = c.createZaaktype(ctx, z, i); err != nil {
			return nil, fmt.Errorf("zaaktype %d: %w", i, err)
		}
	}
	if z.IsConcept() {
		published, err := z.Publish(catalogi.PublicatieFeiten{})
		if err != nil {
			return nil, fmt.Errorf("zaaktype %d: publish: %w", i, err)
		}
		events = append(events, published...)
		vs := catalogi.NewVersies(catalogi.SoortZaaktype, c.catalogus, z.Identificatie())
		vexp, err := w.load(ctx, vs.Stream(), catalogi.Decode, vs.Apply)
		if err != nil {
			return nil, err
		}
		pub, err := vs.Publiceer(id, z.Periode())
		if err != nil {
			return nil, fmt.Errorf("zaaktype %d: publish: %w", i, err)
		}
		if pub.Beeindig != nil {
			return nil, fmt.Errorf("zaaktype %s: another published version without end exists in catalogus %s", z.Identificatie(), c.catalogus)
		}
		if _, err := w.append(ctx, vs.Stream(), vexp, pub.Events); err != nil {
			return nil, err
		}
	}
	if _, err := w.append(ctx, stream, expected, events); err != nil {
		return nil, err
	}
	return c.seeded(z, i)
}

// createZaaktype decides concept zaaktype i with all its sub-types.
func (c *catalogue) createZaaktype(ctx context.Context, z *catalogi.Zaaktype, i int) ([]domain.Event, error) {
	onderwerp := onderwerpen[i%len(onderwerpen)]
	omschrijving := onderwerp + " " + handelingen[i/len(onderwerpen)%len(handelingen)]
	if i >= len(onderwerpen)*len(handelingen) {
		omschrijving += fmt.Sprintf(" (%d)", i/(len(onderwerpen)*len(handelingen))+1)
	}
	proces := c.sl.processen[i%len(c.sl.processen)]
	var out []domain.Event
	add := func(events []domain.Event, err error) error {
		out = append(out, events...)
		return err
	}
	err := add(z.Create(catalogi.ZaaktypeGegevens{
		Catalogus: c.catalogus, Identificatie: fmt.Sprintf("ZT-%03d", i+1), Omschrijving: omschrijving,
		Vertrouwelijkheidaanduiding: vertrouwelijk[i%len(vertrouwelijk)],
		Doel:                        "Het afhandelen van een " + strings.ToLower(omschrijving) + ".",
		Aanleiding:                  "Een inwoner of bedrijf dient een verzoek in.",
		IndicatieInternOfExtern:     catalogi.ExternGeinitieerd,
		HandelingInitiator:          "Indienen", Onderwerp: onderwerp, HandelingBehandelaar: "Behandelen",
		Doorlooptijd:       doorlooptijden[i%len(doorlooptijden)].duur,
		VerlengingMogelijk: true, Verlengingstermijn: "P6W",
		SelectielijstProcestype: c.sl.source.Root + "/procestypen/" + proces.UUID,
		Referentieproces:        catalogi.Referentieproces{Naam: onderwerp},
		Verantwoordelijke:       "Team Vergunningen en Handhaving",
		BeginGeldigheid:         zaaktypeBegin, Versiedatum: zaaktypeBegin,
	}, catalogi.ZaaktypeFeiten{}))
	if err != nil {
		return nil, err
	}
	for k, naam := range statustypen {
		err := add(z.AddStatustype(seedUUID(z.UUID(), "statustype", strconv.Itoa(k)), catalogi.StatustypeGegevens{
			Omschrijving: naam, Volgnummer: k + 1, Statustekst: "Uw zaak heeft de status " + naam + ".",
			Informeren: k == 0 || k == len(statustypen)-1,
		}, false))
		if err != nil {
			return nil, err
		}
	}
	for k, r := range roltypen {
		err := add(z.AddRoltype(seedUUID(z.UUID(), "roltype", strconv.Itoa(k)), catalogi.RoltypeGegevens{
			Omschrijving: r[0], OmschrijvingGeneriek: catalogi.OmschrijvingGeneriek(r[1])}, false))
		if err != nil {
			return nil, err
		}
	}
	for k, r := range resultaten {
		sl := c.sl.resultaten[proces.UUID][k]
		klasse := c.sl.source.Root + "/resultaten/" + sl.UUID
		var f catalogi.ResultaattypeFeiten
		if f.Selectielijstklasse, err = c.sl.source.Resultaat(ctx, "selectielijstklasse", klasse); err != nil {
			return nil, err
		}
		omschrijving := c.sl.omschrijvingen[r[1]]
		if f.OmschrijvingGeneriek, err = c.sl.source.ResultaatTypeOmschrijving(ctx, "resultaattypeomschrijving", omschrijving); err != nil {
			return nil, err
		}
		err := add(z.AddResultaattype(seedUUID(z.UUID(), "resultaattype", strconv.Itoa(k)), catalogi.ResultaattypeGegevens{
			Omschrijving: r[0], Resultaattypeomschrijving: omschrijving, Selectielijstklasse: klasse,
			BrondatumArchiefprocedure: brondatumFor(sl.Procestermijn),
		}, f, false))
		if err != nil {
			return nil, err
		}
	}
	for k, e := range eigenschappen {
		if err := add(z.AddEigenschap(seedUUID(z.UUID(), "eigenschap", strconv.Itoa(k)), e, false)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// seeded returns the facts of published zaaktype i as zaken see them,
// read from the aggregate as the log has it.
func (c *catalogue) seeded(z *catalogi.Zaaktype, i int) (*seededZaaktype, error) {
	g := z.Gegevens()
	s := &seededZaaktype{url: c.url("zaaktypen", z.UUID()), omschrijving: g.Omschrijving,
		dagen: doorlooptijden[i%len(doorlooptijden)].dagen, eigenschappen: map[string]string{}}
	f := zaken.ZaaktypeFeiten{URL: s.url, Concept: z.IsConcept(), Vertrouwelijkheidaanduiding: g.Vertrouwelijkheidaanduiding,
		Statustypen: map[string]zaken.StatustypeFeit{}, Resultaattypen: map[string]zaken.ResultaattypeFeit{},
		Roltypen: map[string]zaken.RoltypeFeit{}, Eigenschappen: map[string]zaken.EigenschapFeit{},
		ProductenOfDiensten: g.ProductenOfDiensten}
	for _, id := range z.Statustypen() {
		st, _ := z.Statustype(id)
		u := c.url("statustypen", id)
		f.Statustypen[u] = zaken.StatustypeFeit{Volgnummer: st.Volgnummer, Eindstatus: z.IsEindstatus(id)}
		s.statustypen = append(s.statustypen, u)
	}
	for k := range roltypen {
		id := seedUUID(z.UUID(), "roltype", strconv.Itoa(k))
		rt, ok := z.Roltype(id)
		if !ok {
			return nil, fmt.Errorf("zaaktype %s has no roltype %s: not written by this tool", z.UUID(), id)
		}
		u := c.url("roltypen", id)
		f.Roltypen[u] = zaken.RoltypeFeit{Omschrijving: rt.Omschrijving, OmschrijvingGeneriek: string(rt.OmschrijvingGeneriek)}
		s.roltypen = append(s.roltypen, u)
	}
	for k := range resultaten {
		id := seedUUID(z.UUID(), "resultaattype", strconv.Itoa(k))
		rt, ok := z.Resultaattype(id)
		if !ok {
			return nil, fmt.Errorf("zaaktype %s has no resultaattype %s: not written by this tool", z.UUID(), id)
		}
		u := c.url("resultaattypen", id)
		feit := zaken.ResultaattypeFeit{Archiefnominatie: rt.Archiefnominatie, Archiefactietermijn: rt.Archiefactietermijn}
		if rt.BrondatumArchiefprocedure != nil {
			feit.BrondatumArchiefprocedure = *rt.BrondatumArchiefprocedure
		}
		f.Resultaattypen[u] = feit
		s.resultaattypen = append(s.resultaattypen, u)
	}
	for k := range eigenschappen {
		id := seedUUID(z.UUID(), "eigenschap", strconv.Itoa(k))
		e, ok := z.Eigenschap(id)
		if !ok {
			return nil, fmt.Errorf("zaaktype %s has no eigenschap %s: not written by this tool", z.UUID(), id)
		}
		u := c.url("eigenschappen", id)
		f.Eigenschappen[u] = zaken.EigenschapFeit{Naam: e.Naam}
		s.eigenschappen[e.Naam] = u
	}
	if len(s.statustypen) < 2 || f.Concept {
		return nil, fmt.Errorf("zaaktype %s is not a published zaaktype with statustypen", z.UUID())
	}
	s.feiten = zaken.Feiten{Zaaktype: f}
	return s, nil
}
