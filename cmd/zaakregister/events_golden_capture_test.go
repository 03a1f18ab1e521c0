package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/eventgolden"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/referentielijsten"
)

// TestEventGolden_Capture writes the golden files of the event log (see
// domain/eventgolden): it drives a registry through the HTTP API until it
// has written every event type the autorisaties, catalogi and zaken
// contexts list in their Events (all but one: zaken.rol.gewijzigd, which
// no request writes, see rolGewijzigd), with as many fields filled as the
// rules allow, then reads the events table as stored and hands it to
// eventgolden.Capture, which writes per event type and schema version the
// data of its richest event to
// domain/<context>/testdata/events/<type>.v<version>.json and the richest
// metadata to domain/testdata/metadata.v1.json. It never overwrites a
// file, and it fails, writing nothing, when an event type did not occur.
//
// Run it when a schema version is added:
//
//	ZAAKREGISTER_GOLDEN_CAPTURE=1 go test -count=1 -run TestEventGolden_Capture ./cmd/zaakregister
func TestEventGolden_Capture(t *testing.T) {
	if os.Getenv("ZAAKREGISTER_GOLDEN_CAPTURE") != "1" {
		t.Skip("writes golden files; set ZAAKREGISTER_GOLDEN_CAPTURE=1 to run it")
	}
	start := time.Now()
	t.Setenv("ZAAKREGISTER_REFS_ALLOW_PRIVATE", "true") // the documenten stand-in is on loopback
	g := startRegistry(t)
	c := &goldenRun{t: t, g: g, tok: g.superuser(), docs: newDocumenten(t), sl: goldenLijsten(t)}
	cat := c.catalogi()
	c.autorisaties(cat)
	c.zaken(cat)
	events, last := readEventLog(t, g, 0)
	// The purge deletes the deleted zaak's events, read above, and records it.
	t.Setenv("ZAAKREGISTER_ZAKEN_BEWAARTERMIJN", "0")
	if out := g.cli("zaken", "vernietig"); !strings.Contains(out, " 1 deleted zaken") {
		t.Fatalf("zaken vernietig: %q", out)
	}
	purge, _ := readEventLog(t, g, last)
	listed := slices.Concat(autorisaties.Events(), catalogi.Events(), zaken.Events())
	eventgolden.Capture(t, filepath.Join("..", "..", "domain"), listed, append(events, purge...))
	t.Logf("captured in %v", time.Since(start).Round(time.Millisecond))
}

// goldenRun drives the registry with the superuser's token; every write
// carries an X-Audit-Toelichting, so that the metadata shows one.
type goldenRun struct {
	t    *testing.T
	g    *registry
	tok  string
	docs *documenten
	sl   goldenSelectielijst
}

func (c *goldenRun) send(method, url string, body any, want int) map[string]any {
	c.t.Helper()
	path := strings.TrimPrefix(url, testBaseURL)
	header := []string{"X-Audit-Toelichting", "Vastgelegd voor de golden files van het event log"}
	if strings.HasPrefix(path, zrcRoot) {
		header = append(header, "Accept-Crs", "EPSG:4326", "Content-Crs", "EPSG:4326")
	}
	r := c.g.do(method, path, c.tok, body, header...)
	expect(c.t, r, want)
	if len(r.Body) == 0 {
		return nil
	}
	return r.json(c.t)
}

func (c *goldenRun) create(path string, body map[string]any) string {
	c.t.Helper()
	return c.send("POST", path, body, http.StatusCreated)["url"].(string)
}

// put, patch, remove and publish send a change of the resource at url.
func (c *goldenRun) put(url string, body map[string]any) { c.t.Helper(); c.send("PUT", url, body, 200) }
func (c *goldenRun) patch(url string, body map[string]any) {
	c.t.Helper()
	c.send("PATCH", url, body, 200)
}
func (c *goldenRun) remove(url string) { c.t.Helper(); c.send("DELETE", url, nil, 204) }
func (c *goldenRun) publish(url string) {
	c.t.Helper()
	c.send("POST", url+"/publish", map[string]any{}, 200)
}

// goldenSelectielijst are the Referentielijsten URLs the capture uses: a
// 2017 procestype with a resultaat of procestermijn nihil (a zaak closes
// with it) and one of another procestermijn that the afleidingswijze
// ander_datumkenmerk allows.
type goldenSelectielijst struct {
	procestype, nihil, ander, omschrijving, kanaal string
}

func goldenLijsten(t *testing.T) goldenSelectielijst {
	l, err := referentielijsten.Load()
	if err != nil {
		t.Fatal(err)
	}
	root := testBaseURL + selectielijstRoot
	for _, p := range l.Procestypen(2017) {
		var sl goldenSelectielijst
		for _, r := range l.Resultaten(p.UUID) {
			switch r.Procestermijn {
			case referentielijsten.ProcestermijnNihil:
				if r.Waardering == referentielijsten.WaarderingVernietigen {
					sl.nihil = root + "/resultaten/" + r.UUID
				}
			case referentielijsten.ProcestermijnVastTeLeggenDatum, referentielijsten.ProcestermijnBestaansduurProcesobject:
				sl.ander = root + "/resultaten/" + r.UUID
			}
		}
		if sl.nihil != "" && sl.ander != "" {
			sl.procestype = root + "/procestypen/" + p.UUID
			sl.omschrijving = root + "/resultaattypeomschrijvingen/" + l.ResultaatTypeOmschrijvingen()[0].UUID
			sl.kanaal = root + "/communicatiekanalen/" + l.Communicatiekanalen()[0].UUID
			return sl
		}
	}
	t.Fatal("no 2017 procestype with the resultaten the capture needs")
	return goldenSelectielijst{}
}

// goldenCatalogus is what the zaken and autorisaties of the capture use.
type goldenCatalogus struct {
	aanvraag, besluittype string
	zt                    goldenZaaktype
}

// goldenZaaktype is a zaaktype with its sub-types.
type goldenZaaktype struct {
	url, ontvangen, afgehandeld, aanvrager, behandelaar, verleend, geweigerd, tekst, datum, zaakobjecttype, ziot string
}

const goldenProduct = "https://producten.example/api/v1/producten/8d5b8e8a-3f4e-4b8e-9d0a-1c2b3d4e5f60"

// catalogi writes every catalogi event: a catalogus; versioned types that
// are created, published, followed by a new version (which ends the
// first), corrected and deleted by force; and sub-types created, corrected
// and deleted on a published zaaktype.
func (c *goldenRun) catalogi() goldenCatalogus {
	cat := c.create(catalogiRoot+"/catalogussen", map[string]any{"domein": "GOUD", "rsin": "002220647",
		"contactpersoonBeheerNaam": "Team Informatiebeheer", "contactpersoonBeheerTelefoonnummer": "0201234567",
		"contactpersoonBeheerEmailadres": "informatiebeheer@gemeente.example", "naam": "Zaaktypecatalogus gemeente",
		"versie": "2024.1", "begindatumVersie": "2024-01-01"})
	iot := func(omschrijving, begin string) string {
		return c.create(catalogiRoot+"/informatieobjecttypen", map[string]any{"catalogus": cat, "omschrijving": omschrijving,
			"vertrouwelijkheidaanduiding": "zaakvertrouwelijk", "informatieobjectcategorie": "brief",
			"trefwoord": []string{"aanvraag", "vergunning"}, "beginGeldigheid": begin,
			"omschrijvingGeneriek": map[string]any{
				"informatieobjecttypeOmschrijvingGeneriek":           "Aanvraag",
				"definitieInformatieobjecttypeOmschrijvingGeneriek":  "Een verzoek om een besluit",
				"herkomstInformatieobjecttypeOmschrijvingGeneriek":   "DSP",
				"hierarchieInformatieobjecttypeOmschrijvingGeneriek": "Aanvraag",
				"opmerkingInformatieobjecttypeOmschrijvingGeneriek":  "Ook een aanvulling"}})
	}
	bt := func(omschrijving, begin string) string {
		return c.create(catalogiRoot+"/besluittypen", map[string]any{"catalogus": cat, "omschrijving": omschrijving,
			"omschrijvingGeneriek": "Vergunningsbesluit", "besluitcategorie": "Besluit op aanvraag", "reactietermijn": "P6W",
			"publicatieIndicatie": true, "publicatietekst": "Verleende vergunningen worden gepubliceerd.",
			"publicatietermijn": "P2W", "toelichting": "Besluit op een aanvraag", "informatieobjecttypen": []string{"Besluit"},
			"beginGeldigheid": begin})
	}
	out := goldenCatalogus{aanvraag: iot("Aanvraag", "2024-01-01")}
	c.publish(out.aanvraag)
	c.publish(iot("Besluit", "2024-01-01"))
	out.besluittype = bt("Vergunningsbesluit", "2024-01-01")
	c.publish(out.besluittype)
	c.publish(c.zaaktype(cat, out, "ZT-DEEL", "2024-01-01", nil).url)
	out.zt = c.zaaktype(cat, out, "ZT-GOUD", "2024-01-01", []string{"ZT-DEEL"})
	c.publish(out.zt.url)

	// Versions: the second ends the first; a correctie of the second by
	// force; its sub-types created, corrected and deleted by force; then
	// the second deleted by force.
	c.publish(iot("Advies", "2024-01-01"))
	advies2 := iot("Advies", "2025-01-01")
	c.publish(advies2)
	c.patch(advies2, map[string]any{"trefwoord": []string{"advies", "welstand"}})
	c.remove(advies2)
	c.publish(bt("Besluit op bezwaar", "2024-01-01"))
	bezwaar2 := bt("Besluit op bezwaar", "2025-01-01")
	c.publish(bezwaar2)
	c.patch(bezwaar2, map[string]any{"toelichting": "Besluit op een bezwaarschrift"})
	c.remove(bezwaar2)
	c.publish(c.zaaktype(cat, out, "ZT-VERSIES", "2024-01-01", nil).url)
	v2 := c.zaaktype(cat, out, "ZT-VERSIES", "2025-01-01", nil)
	c.publish(v2.url)
	c.patch(v2.url, map[string]any{"toelichting": "Gecorrigeerde toelichting"})
	extra := c.subtypen(v2.url, out, "2025-01-01", 3, "Extra")
	for _, u := range []string{extra.ontvangen, extra.aanvrager, extra.geweigerd, extra.tekst, extra.zaakobjecttype} {
		c.patch(u, map[string]any{"eindeGeldigheid": "2030-12-31"})
	}
	c.patch(extra.ziot, map[string]any{"richting": "intern"})
	for _, u := range []string{extra.ontvangen, extra.aanvrager, extra.geweigerd, extra.tekst, extra.zaakobjecttype, extra.ziot} {
		c.remove(u)
	}
	c.remove(v2.url)
	return out
}

// zaaktype creates concept identificatie with every field filled and its
// sub-types.
func (c *goldenRun) zaaktype(cat string, out goldenCatalogus, identificatie, begin string, deelzaaktypen []string) goldenZaaktype {
	body := zaaktypeVoor(cat, identificatie, begin, c.sl.procestype, "Vergunningsbesluit")
	for k, v := range map[string]any{
		"omschrijvingGeneriek": "Vergunningverlening", "toelichting": "Aanvragen om een omgevingsvergunning",
		"vertrouwelijkheidaanduiding": "zaakvertrouwelijk", "servicenorm": "P8W", "doorlooptijd": "P8W",
		"opschortingEnAanhoudingMogelijk": true, "verlengingMogelijk": true, "verlengingstermijn": "P6W",
		"trefwoorden": []string{"bouwen", "vergunning"}, "publicatieIndicatie": true,
		"publicatietekst": "De aanvraag wordt gepubliceerd.", "verantwoordingsrelatie": []string{"Omgevingswet"},
		"productenOfDiensten": []string{goldenProduct}, "verantwoordelijke": "Team Vergunningen",
		"referentieproces": map[string]any{"naam": "Vergunningverlening", "link": "https://referentieprocessen.example/vergunningverlening"},
		"broncatalogus": map[string]any{"url": "https://bron.example/catalogi/api/v1/catalogussen/0d4c9f8e-2b3a-4c5d-8e7f-6a5b4c3d2e1f",
			"domein": "BRON", "rsin": "002220647"},
		"bronzaaktype": map[string]any{"url": "https://bron.example/catalogi/api/v1/zaaktypen/1e5d0a9f-3c4b-4d6e-9f80-7b6c5d4e3f2a",
			"identificatie": "BRON-ZT-1", "omschrijving": "Omgevingsvergunning (bron)"},
	} {
		body[k] = v
	}
	if deelzaaktypen != nil {
		body["deelzaaktypen"] = deelzaaktypen
		body["gerelateerdeZaaktypen"] = []map[string]any{{"zaaktype": deelzaaktypen[0], "aardRelatie": "bijdrage",
			"toelichting": "Het advies draagt bij aan de vergunning"}}
	}
	url := c.create(catalogiRoot+"/zaaktypen", body)
	z := c.subtypen(url, out, begin, 1, "")
	z.url = url
	return z
}

// subtypen creates a full set of sub-types of zaaktype zt, with volgnummers
// from volgnummer on and omschrijvingen with suffix.
func (c *goldenRun) subtypen(zt string, out goldenCatalogus, begin string, volgnummer int, suffix string) goldenZaaktype {
	sub := func(collection string, body map[string]any) string {
		body["zaaktype"] = zt
		return c.create(catalogiRoot+"/"+collection, body)
	}
	statustype := func(omschrijving string, volgnummer int, eigenschappen []string) string {
		return sub("statustypen", map[string]any{"omschrijving": omschrijving + suffix, "omschrijvingGeneriek": omschrijving,
			"statustekst": "Uw aanvraag is " + strings.ToLower(omschrijving) + ".", "volgnummer": volgnummer, "informeren": true,
			"doorlooptijd": "P5D", "toelichting": "Status " + omschrijving, "eigenschappen": eigenschappen, "beginGeldigheid": begin,
			"checklistitemStatustype": []map[string]any{{"itemnaam": "Volledig", "toelichting": "Alle stukken zijn er",
				"vraagstelling": "Is de aanvraag volledig?", "verplicht": true}}})
	}
	var z goldenZaaktype
	z.datum = sub("eigenschappen", map[string]any{"naam": "vervaldatum" + suffix, "definitie": "Datum waarop de vergunning vervalt",
		"specificatie": map[string]any{"formaat": "datum", "lengte": "8", "kardinaliteit": "1"}})
	z.ontvangen = statustype("Ontvangen", volgnummer, []string{z.datum})
	z.tekst = sub("eigenschappen", map[string]any{"naam": "omvang" + suffix, "definitie": "Omvang van het bouwwerk",
		"toelichting": "Klein of groot", "statustype": z.ontvangen, "beginGeldigheid": begin,
		"specificatie": map[string]any{"groep": "Bouwwerk", "formaat": "tekst", "lengte": "10", "kardinaliteit": "1",
			"waardenverzameling": []string{"klein", "groot"}}})
	if suffix == "" {
		z.afgehandeld = statustype("Afgehandeld", volgnummer+1, []string{z.tekst})
	}
	z.aanvrager = sub("roltypen", map[string]any{"omschrijving": "Aanvrager" + suffix, "omschrijvingGeneriek": "initiator",
		"beginGeldigheid": begin})
	z.behandelaar = sub("roltypen", map[string]any{"omschrijving": "Behandelaar" + suffix, "omschrijvingGeneriek": "behandelaar"})
	resultaattype := func(omschrijving, klasse string, brondatum map[string]any) string {
		yes := true
		return sub("resultaattypen", map[string]any{"omschrijving": omschrijving + suffix, "resultaattypeomschrijving": c.sl.omschrijving,
			"selectielijstklasse": klasse, "toelichting": "Resultaat " + omschrijving, "archiefactietermijn": "P10Y",
			"brondatumArchiefprocedure": brondatum, "procesobjectaard": "Omgevingsvergunning", "indicatieSpecifiek": yes,
			"procestermijn": "P5Y", "besluittypen": []string{out.besluittype}, "informatieobjecttypen": []string{out.aanvraag},
			"beginGeldigheid": begin})
	}
	if suffix == "" {
		z.verleend = resultaattype("Verleend", c.sl.nihil, map[string]any{"afleidingswijze": "afgehandeld"})
	}
	z.geweigerd = resultaattype("Geweigerd", c.sl.ander, map[string]any{"afleidingswijze": "ander_datumkenmerk",
		"datumkenmerk": "vervaldatum", "einddatumBekend": true, "objecttype": "pand", "registratie": "BAG"})
	z.zaakobjecttype = sub("zaakobjecttypen", map[string]any{"anderObjecttype": false, "relatieOmschrijving": "Bouwlocatie",
		"objecttype": "https://objecttypen.example/api/v2/objecttypes/2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c", "beginGeldigheid": begin})
	iot := "Aanvraag"
	if suffix != "" {
		iot = "Besluit"
	}
	z.ziot = sub("zaaktype-informatieobjecttypen", map[string]any{"informatieobjecttype": iot, "volgnummer": volgnummer,
		"richting": "inkomend", "statustype": z.ontvangen})
	return z
}

// autorisaties writes every autorisaties event: an applicatie with grants
// bound to each kind of type, changed by PUT and by a PATCH that swaps a
// client id (released and claimed), then deleted.
func (c *goldenRun) autorisaties(cat goldenCatalogus) {
	body := map[string]any{"clientIds": []string{"golden-zaken", "golden-documenten"}, "label": "Zaaksysteem",
		"heeftAlleAutorisaties": false, "autorisaties": []map[string]any{
			{"component": "zrc", "scopes": []string{"zaken.lezen", "zaken.bijwerken"}, "zaaktype": cat.zt.url,
				"maxVertrouwelijkheidaanduiding": "vertrouwelijk"},
			{"component": "drc", "scopes": []string{"documenten.lezen"}, "informatieobjecttype": cat.aanvraag,
				"maxVertrouwelijkheidaanduiding": "zaakvertrouwelijk"},
			{"component": "brc", "scopes": []string{"besluiten.lezen"}, "besluittype": cat.besluittype},
		}}
	app := c.create(acRoot+"/applicaties", body)
	body["label"] = "Zaaksysteem Vergunningen"
	c.put(app, body)
	c.patch(app, map[string]any{"clientIds": []string{"golden-zaken", "golden-besluiten"}})
	c.remove(app)
}

// zaken writes every zaken event but the ZaakVernietigd of the purge: a
// zaak with every field and every kind of sub-resource, changed, closed,
// changed by force, reopened, closed again and deleted by force; its
// hoofdzaak has a generated identificatie.
func (c *goldenRun) zaken(cat goldenCatalogus) {
	zt := cat.zt
	hoofdzaak := c.create(zrcRoot+"/zaken", map[string]any{"bronorganisatie": "002220647", "verantwoordelijkeOrganisatie": "002220647",
		"zaaktype": zt.url, "startdatum": "2026-10-01", "omschrijving": "Bouwplan Dam"})
	body := map[string]any{"identificatie": "ZAAK-GOUD-0001", "bronorganisatie": "002220647", "omschrijving": "Omgevingsvergunning Dam 1",
		"toelichting": "Verbouwing van een winkelpand", "zaaktype": zt.url, "registratiedatum": "2026-11-02",
		"verantwoordelijkeOrganisatie": "002220647", "startdatum": "2026-11-01", "einddatumGepland": "2026-12-27",
		"uiterlijkeEinddatumAfdoening": "2027-01-24", "publicatiedatum": "2026-11-03", "communicatiekanaal": c.sl.kanaal,
		"productenOfDiensten": []string{goldenProduct}, "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
		"betalingsindicatie": "gedeeltelijk", "laatsteBetaaldatum": "2026-11-04T10:30:00Z",
		"zaakgeometrie":       map[string]any{"type": "Point", "coordinates": []float64{4.8932, 52.3731}},
		"verlenging":          map[string]any{"reden": "Advies van de welstandscommissie", "duur": "P14D"},
		"opschorting":         map[string]any{"indicatie": true, "reden": "Wachten op aanvullende gegevens"},
		"selectielijstklasse": c.sl.nihil, "hoofdzaak": hoofdzaak,
		"relevanteAndereZaken": []map[string]any{{"url": hoofdzaak, "aardRelatie": "onderwerp"}},
		"kenmerken":            []map[string]any{{"kenmerk": "OLO-1234567", "bron": "Omgevingsloket"}},
		"archiefnominatie":     "vernietigen", "archiefstatus": "nog_te_archiveren", "archiefactiedatum": "2037-11-01",
		"opdrachtgevendeOrganisatie": "002220647", "processobjectaard": "Omgevingsvergunning", "startdatumBewaartermijn": "2027-01-01",
		"processobject": map[string]any{"datumkenmerk": "vervaldatum", "identificatie": "OV-2026-0042",
			"objecttype": "omgevingsvergunning", "registratie": "Vergunningenregister"}}
	zaak := c.create(zrcRoot+"/zaken", body)
	body["omschrijving"] = "Omgevingsvergunning Dam 1-3"
	c.put(zaak, body)
	c.patch(zaak, map[string]any{"toelichting": "Verbouwing en uitbreiding van een winkelpand"})

	aanvrager := c.create(zrcRoot+"/rollen", map[string]any{"zaak": zaak, "roltype": zt.aanvrager,
		"betrokkene":     "https://personen.example/api/v1/ingeschrevenpersonen/999990019",
		"betrokkeneType": "natuurlijk_persoon", "afwijkendeNaamBetrokkene": "J. de Vries-Jansen",
		"roltoelichting": "Aanvrager van de vergunning", "indicatieMachtiging": "gemachtigde",
		"contactpersoonRol": map[string]any{"emailadres": "j.devries@example.nl", "functie": "Eigenaar",
			"telefoonnummer": "0612345678", "naam": "Jan de Vries"},
		"betrokkeneIdentificatie": map[string]any{"inpBsn": "999990019", "anpIdentificatie": "1234567890",
			"inpA_nummer": "1234567890", "geslachtsnaam": "Vries", "voorvoegselGeslachtsnaam": "de", "voorletters": "J",
			"voornamen": "Jan", "geslachtsaanduiding": "m", "geboortedatum": "1970-01-01",
			"verblijfsadres": map[string]any{"aoaIdentificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam",
				"gorOpenbareRuimteNaam": "Dam", "aoaPostcode": "1012JS", "aoaHuisnummer": 1, "aoaHuisletter": "A",
				"aoaHuisnummertoevoeging": "2", "inpLocatiebeschrijving": "Winkelpand"},
			"subVerblijfBuitenland": map[string]any{"lndLandcode": "5010", "lndLandnaam": "België",
				"subAdresBuitenland_1": "Grote Markt 1", "subAdresBuitenland_2": "1000 Brussel", "subAdresBuitenland_3": "Brabant"}}})
	behandelaar := c.create(zrcRoot+"/rollen", map[string]any{"zaak": zaak, "roltype": zt.behandelaar, "betrokkeneType": "medewerker",
		"roltoelichting": "Behandelaar", "betrokkeneIdentificatie": map[string]any{"identificatie": "m.jansen", "achternaam": "Jansen"}})
	ontvangen := c.create(zrcRoot+"/statussen", map[string]any{"zaak": zaak, "statustype": zt.ontvangen,
		"datumStatusGezet": "2026-11-02T09:00:00Z", "statustoelichting": "Aanvraag ontvangen via het Omgevingsloket", "gezetdoor": aanvrager})

	object := c.create(zrcRoot+"/zaakobjecten", map[string]any{"zaak": zaak, "objectType": "adres", "zaakobjecttype": zt.zaakobjecttype,
		"object": "https://bag.example/api/v2/adressen/0363200000123456", "relatieomschrijving": "Bouwlocatie",
		"objectIdentificatie": map[string]any{"identificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam",
			"gorOpenbareRuimteNaam": "Dam", "huisnummer": 1, "huisletter": "A", "huisnummertoevoeging": "2", "postcode": "1012JS"}})
	overige := map[string]any{"zaak": zaak, "objectType": "overige", "objectTypeOverige": "Boom", "zaakobjecttype": zt.zaakobjecttype,
		"object": "https://objecten.example/api/v2/objects/4c5d6e7f-8091-4a2b-8c3d-4e5f6a7b8c9d", "relatieomschrijving": "Te kappen boom",
		"objectTypeOverigeDefinitie": map[string]any{"url": "https://objecttypen.example/api/v2/objecttypes/2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c",
			"schema": ".jsonSchema", "objectData": ".record.data"},
		"objectIdentificatie": map[string]any{"overigeData": map[string]any{"soort": "linde", "stamomtrek": 120, "hoogte": 18,
			"plantjaar": 1965, "beheerder": "Stadsdeel Centrum", "standplaats": "Achtertuin Dam 1"}}}
	c.put(object, overige)
	c.patch(object, map[string]any{"relatieomschrijving": "Te kappen linde"})
	boom := c.create(zrcRoot+"/zaakobjecten", overige)

	eigenschappen := zrcPath(zaak) + "/zaakeigenschappen"
	tekst := c.create(zrcRoot+eigenschappen, map[string]any{"zaak": zaak, "eigenschap": zt.tekst, "waarde": "klein"})
	c.put(tekst, map[string]any{"zaak": zaak, "eigenschap": zt.tekst, "waarde": "groot"})
	datum := c.create(zrcRoot+eigenschappen, map[string]any{"zaak": zaak, "eigenschap": zt.datum, "waarde": "2031-11-01"})

	yes := true
	zio := func(id, titel string) string {
		doc := c.docs.add(id, cat.aanvraag, &yes, "definitief")
		return c.create(zrcRoot+"/zaakinformatieobjecten", map[string]any{"zaak": zaak, "informatieobject": doc, "titel": titel,
			"beschrijving": "Ingediend via het Omgevingsloket", "vernietigingsdatum": "2040-01-01T00:00:00Z", "status": ontvangen})
	}
	aanvraag := zio("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "Aanvraagformulier")
	tekening := zio("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "Bouwtekening")
	c.patch(aanvraag, map[string]any{"titel": "Aanvraagformulier omgevingsvergunning"})

	c.create(zrcRoot+"/klantcontacten", map[string]any{"zaak": zaak, "identificatie": "KC-2026-0001",
		"datumtijd": "2026-11-05T14:00:00Z", "kanaal": "telefoon", "onderwerp": "Vraag over de aanvraag",
		"toelichting": "De aanvrager vroeg naar de doorlooptijd"})
	besluit := c.create(zrcRoot+zrcPath(zaak)+"/besluiten", map[string]any{
		"besluit": "https://besluiten.example/besluiten/api/v1/besluiten/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"})
	contactmoment := c.create(zrcRoot+"/zaakcontactmomenten", map[string]any{"zaak": zaak,
		"contactmoment": "https://klantinteracties.example/api/v1/contactmomenten/8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"})
	verzoek := c.create(zrcRoot+"/zaakverzoeken", map[string]any{"zaak": zaak,
		"verzoek": "https://klantinteracties.example/api/v1/verzoeken/9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"})

	resultaat := c.create(zrcRoot+"/resultaten", map[string]any{"zaak": zaak, "resultaattype": zt.verleend, "toelichting": "Vergunning verleend"})
	c.put(resultaat, map[string]any{"zaak": zaak, "resultaattype": zt.geweigerd, "toelichting": "Vergunning geweigerd"})
	c.remove(resultaat)
	resultaat = c.create(zrcRoot+"/resultaten", map[string]any{"zaak": zaak, "resultaattype": zt.verleend, "toelichting": "Vergunning verleend"})

	eind := map[string]any{"zaak": zaak, "statustype": zt.afgehandeld, "datumStatusGezet": "2026-11-20T12:00:00Z",
		"statustoelichting": "Besluit verzonden", "gezetdoor": aanvrager}
	c.create(zrcRoot+"/statussen", eind)
	// Changes to the closed zaak, by force (the superuser has
	// zaken.geforceerd-bijwerken).
	c.patch(zaak, map[string]any{"toelichting": "Verbouwing en uitbreiding van een winkelpand, gecorrigeerd"})
	c.rolGewijzigd(zaak, aanvrager)
	c.patch(object, map[string]any{"relatieomschrijving": "Gekapte linde"})
	c.patch(tekst, map[string]any{"waarde": "klein"})
	c.patch(aanvraag, map[string]any{"beschrijving": "Ingediend via het Omgevingsloket, aangevuld"})
	c.patch(resultaat, map[string]any{"toelichting": "Vergunning verleend onder voorwaarden"})
	for _, u := range []string{behandelaar, boom, datum, tekening, besluit, contactmoment, verzoek, resultaat} {
		c.remove(u)
	}
	c.create(zrcRoot+"/resultaten", map[string]any{"zaak": zaak, "resultaattype": zt.verleend, "toelichting": "Vergunning verleend"})
	c.create(zrcRoot+"/statussen", map[string]any{"zaak": zaak, "statustype": zt.ontvangen, "datumStatusGezet": "2026-11-21T09:00:00Z",
		"statustoelichting": "Heropend na bezwaar", "gezetdoor": aanvrager})
	eind["datumStatusGezet"], eind["statustoelichting"] = "2026-11-28T12:00:00Z", "Besluit op bezwaar verzonden"
	c.create(zrcRoot+"/statussen", eind)
	c.remove(zaak)
}

// rolGewijzigd changes rol of zaak through the domain and the real store:
// the Zaken API 1.5.1 has no PUT or PATCH of a rol, so no request writes a
// RolGewijzigd. As a command handler would, it loads the zaak, decides
// UpdateRol (by force: the zaak is closed) with the roltype as fact, and
// appends at the revision read.
func (c *goldenRun) rolGewijzigd(zaak, rol string) {
	c.t.Helper()
	ctx := context.Background()
	id, rolID := lastSegment(zaak), lastSegment(rol)
	stream := zaken.ZaakStream(id)
	history, err := c.g.m.Store.ReadStream(ctx, stream, 0, 10000)
	if err != nil {
		c.t.Fatal(err)
	}
	z := zaken.NewZaak(id, domain.SystemClock{})
	var g zaken.RolGegevens
	for _, r := range history {
		e, err := zaken.Decode(r.Type, r.Data)
		if err != nil {
			c.t.Fatal(err)
		}
		z.Apply(e)
		if a, ok := e.(zaken.RolAangemaakt); ok && a.UUID == rolID {
			g = a.Gegevens
		}
	}
	g.Roltoelichting, g.AfwijkendeNaamBetrokkene = "Aanvrager en eigenaar van het pand", "J. de Vries"
	f := zaken.Feiten{Zaaktype: zaken.ZaaktypeFeiten{Roltypen: map[string]zaken.RoltypeFeit{
		g.Roltype: {Omschrijving: g.Omschrijving, OmschrijvingGeneriek: g.OmschrijvingGeneriek}}}}
	events, err := z.UpdateRol(rolID, g, f, catalogi.ActieUpdate, zaken.Bevoegdheden{Geforceerd: true})
	if err != nil {
		c.t.Fatal(err)
	}
	meta := eventstore.Metadata{ClientID: "admin", UserID: "tester", UserRepresentation: "Test Er",
		Toelichting: "Vastgelegd voor de golden files van het event log", Time: time.Now().UTC()}
	data := make([]eventstore.EventData, len(events))
	for i, e := range events {
		if data[i], err = eventstore.Encode(e, meta); err != nil {
			c.t.Fatal(err)
		}
	}
	if _, err := c.g.m.Store.Append(ctx, stream, eventstore.Exact(history[len(history)-1].Revision), data...); err != nil {
		c.t.Fatal(err)
	}
}

// readEventLog reads the events table straight, as the log keeps it,
// from the row after seq on; it returns the events and the last row read.
func readEventLog(t *testing.T, g *registry, seq int64) ([]eventgolden.Stored, int64) {
	t.Helper()
	rows, err := g.m.Pool.Query(context.Background(), `SELECT seq, event_type, schema_version, data::text, metadata::text
		FROM events WHERE seq > $1 ORDER BY seq`, seq)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []eventgolden.Stored
	for rows.Next() {
		var e eventgolden.Stored
		var data, meta string
		if err := rows.Scan(&seq, &e.Type, &e.SchemaVersion, &data, &meta); err != nil {
			t.Fatal(err)
		}
		e.Data, e.Metadata = []byte(data), []byte(meta)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out, seq
}
