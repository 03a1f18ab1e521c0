package readapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// Zaken serves GET /zaken and GET /zaken/{uuid} of the Zaken API 1.5.1 from
// schema zrc. Every read is limited by the RightsFilter of the principal
// (component ZRC, scope zaken.lezen; zrc-006).
type Zaken struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// zaakColumns are the columns of one zaak as zaakWire scans them: the
// stored state, the current status and resultaat, the hoofdzaak and the
// uuids of the deelzaken and sub-resources, each in creation order.
const zaakColumns = `z.uuid::text, z.zaaktype, z.vertrouwelijkheidaanduiding, z.data,
	coalesce(z.status::text, ''), coalesce(z.resultaat::text, ''), coalesce(z.hoofdzaak_uuid::text, ''),
	array(SELECT d.uuid::text FROM zrc.zaken d WHERE d.hoofdzaak_uuid = z.uuid ORDER BY d.created_commit, d.created_prepare, d.uuid),
	array(SELECT s.uuid::text FROM zrc.zaakeigenschappen s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid),
	array(SELECT s.uuid::text FROM zrc.rollen s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid),
	array(SELECT s.uuid::text FROM zrc.zaakinformatieobjecten s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid),
	array(SELECT s.uuid::text FROM zrc.zaakobjecten s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid)`

// zaakRow is one zaak as read with zaakColumns.
type zaakRow struct {
	uuid, zaaktype, vertrouwelijkheid    string
	status, resultaat, hoofdzaak         string
	deelzaken, eigenschappen, rollen     []string
	zaakinformatieobjecten, zaakobjecten []string
	g                                    zaken.ZaakGegevens
}

// scanZaak reads one zaakRow with scan; extra destinations follow.
func scanZaak(scan func(dest ...any) error, extra ...any) (zaakRow, error) {
	var z zaakRow
	var data []byte
	dest := append([]any{&z.uuid, &z.zaaktype, &z.vertrouwelijkheid, &data, &z.status, &z.resultaat, &z.hoofdzaak,
		&z.deelzaken, &z.eigenschappen, &z.rollen, &z.zaakinformatieobjecten, &z.zaakobjecten}, extra...)
	if err := scan(dest...); err != nil {
		return z, err
	}
	if err := json.Unmarshal(data, &z.g); err != nil {
		return z, err
	}
	return z, nil
}

// zaak is the wire form of a Zaak (zaken-1.5.1), every field of the schema
// in its order.
type zaak struct {
	URL                          string                `json:"url"`
	UUID                         string                `json:"uuid"`
	Identificatie                string                `json:"identificatie"`
	Bronorganisatie              string                `json:"bronorganisatie"`
	Omschrijving                 string                `json:"omschrijving"`
	Toelichting                  string                `json:"toelichting"`
	Zaaktype                     string                `json:"zaaktype"`
	Registratiedatum             string                `json:"registratiedatum"`
	VerantwoordelijkeOrganisatie string                `json:"verantwoordelijkeOrganisatie"`
	Startdatum                   string                `json:"startdatum"`
	Einddatum                    *string               `json:"einddatum"`
	EinddatumGepland             *string               `json:"einddatumGepland"`
	UiterlijkeEinddatumAfdoening *string               `json:"uiterlijkeEinddatumAfdoening"`
	Publicatiedatum              *string               `json:"publicatiedatum"`
	Communicatiekanaal           string                `json:"communicatiekanaal"`
	ProductenOfDiensten          []string              `json:"productenOfDiensten"`
	Vertrouwelijkheidaanduiding  string                `json:"vertrouwelijkheidaanduiding"`
	Betalingsindicatie           string                `json:"betalingsindicatie"`
	BetalingsindicatieWeergave   string                `json:"betalingsindicatieWeergave"`
	LaatsteBetaaldatum           *time.Time            `json:"laatsteBetaaldatum"`
	Zaakgeometrie                json.RawMessage       `json:"zaakgeometrie"`
	Verlenging                   zaakVerlenging        `json:"verlenging"`
	Opschorting                  zaken.Opschorting     `json:"opschorting"`
	Selectielijstklasse          string                `json:"selectielijstklasse"`
	Hoofdzaak                    *string               `json:"hoofdzaak"`
	Deelzaken                    []string              `json:"deelzaken"`
	RelevanteAndereZaken         []zaken.RelevanteZaak `json:"relevanteAndereZaken"`
	Eigenschappen                []string              `json:"eigenschappen"`
	Rollen                       []string              `json:"rollen"`
	Status                       *string               `json:"status"`
	Zaakinformatieobjecten       []string              `json:"zaakinformatieobjecten"`
	Zaakobjecten                 []string              `json:"zaakobjecten"`
	Kenmerken                    []zaken.Kenmerk       `json:"kenmerken"`
	Archiefnominatie             *string               `json:"archiefnominatie"`
	Archiefstatus                string                `json:"archiefstatus"`
	Archiefactiedatum            *string               `json:"archiefactiedatum"`
	Resultaat                    *string               `json:"resultaat"`
	OpdrachtgevendeOrganisatie   string                `json:"opdrachtgevendeOrganisatie"`
	Processobjectaard            *string               `json:"processobjectaard"`
	StartdatumBewaartermijn      *string               `json:"startdatumBewaartermijn"`
	Processobject                zaken.Processobject   `json:"processobject"`
}

// zaakVerlenging is the gegevensgroep verlenging; an unset one is rendered
// with empty reden and null duur, as the reference implementation does
// (zrc-012: the gegevensgroepen are always present).
type zaakVerlenging struct {
	Reden string  `json:"reden"`
	Duur  *string `json:"duur"`
}

// betalingsindicatieWeergaven explain the betalingsindicatie values (the
// OAS's Uitleg bij mogelijke waarden).
var betalingsindicatieWeergaven = map[zaken.Betalingsindicatie]string{
	zaken.BetalingNvt:          "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
	zaken.BetalingNogNiet:      "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
	zaken.BetalingGedeeltelijk: "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
	zaken.BetalingGeheel:       "De met de zaak gemoeide kosten zijn geheel betaald.",
}

// wire returns the wire form of z, with absolute URLs of the API serving ctx.
func (z zaakRow) wire(ctx context.Context) zaak {
	g := z.g
	out := zaak{
		URL:                          zgw.ResourceURL(ctx, "zaken", z.uuid),
		UUID:                         z.uuid,
		Identificatie:                g.Identificatie,
		Bronorganisatie:              g.Bronorganisatie,
		Omschrijving:                 g.Omschrijving,
		Toelichting:                  g.Toelichting,
		Zaaktype:                     g.Zaaktype,
		Registratiedatum:             g.Registratiedatum.String(),
		VerantwoordelijkeOrganisatie: g.VerantwoordelijkeOrganisatie,
		Startdatum:                   g.Startdatum.String(),
		Einddatum:                    nullDate(g.Einddatum),
		EinddatumGepland:             nullDate(g.EinddatumGepland),
		UiterlijkeEinddatumAfdoening: nullDate(g.UiterlijkeEinddatumAfdoening),
		Publicatiedatum:              nullDate(g.Publicatiedatum),
		Communicatiekanaal:           g.Communicatiekanaal,
		ProductenOfDiensten:          strs(g.ProductenOfDiensten),
		Vertrouwelijkheidaanduiding:  string(g.Vertrouwelijkheidaanduiding),
		Betalingsindicatie:           string(g.Betalingsindicatie),
		BetalingsindicatieWeergave:   betalingsindicatieWeergaven[g.Betalingsindicatie],
		LaatsteBetaaldatum:           g.LaatsteBetaaldatum,
		Zaakgeometrie:                g.Zaakgeometrie,
		Verlenging:                   zaakVerlenging{},
		Selectielijstklasse:          g.Selectielijstklasse,
		Hoofdzaak:                    nullable(g.Hoofdzaak),
		Deelzaken:                    urls(ctx, "zaken", z.deelzaken),
		RelevanteAndereZaken:         g.RelevanteAndereZaken,
		Eigenschappen:                urls(ctx, "zaakeigenschappen", z.eigenschappen),
		Rollen:                       urls(ctx, "rollen", z.rollen),
		Status:                       optionalURL(ctx, "statussen", z.status),
		Zaakinformatieobjecten:       urls(ctx, "zaakinformatieobjecten", z.zaakinformatieobjecten),
		Zaakobjecten:                 urls(ctx, "zaakobjecten", z.zaakobjecten),
		Kenmerken:                    g.Kenmerken,
		Archiefnominatie:             nullable(string(g.Archiefnominatie)),
		Archiefstatus:                string(g.Archiefstatus),
		Archiefactiedatum:            nullDate(g.Archiefactiedatum),
		Resultaat:                    optionalURL(ctx, "resultaten", z.resultaat),
		OpdrachtgevendeOrganisatie:   g.OpdrachtgevendeOrganisatie,
		Processobjectaard:            nullable(g.Processobjectaard),
		StartdatumBewaartermijn:      nullDate(g.StartdatumBewaartermijn),
	}
	if len(out.Zaakgeometrie) == 0 || string(out.Zaakgeometrie) == "null" {
		out.Zaakgeometrie = json.RawMessage("null")
	}
	if g.Verlenging != nil {
		out.Verlenging = zaakVerlenging{Reden: g.Verlenging.Reden, Duur: nullable(g.Verlenging.Duur)}
	}
	if g.Opschorting != nil {
		out.Opschorting = *g.Opschorting
	}
	if g.Processobject != nil {
		out.Processobject = *g.Processobject
	}
	if z.hoofdzaak != "" {
		h := zgw.ResourceURL(ctx, "zaken", z.hoofdzaak)
		out.Hoofdzaak = &h
	}
	if out.RelevanteAndereZaken == nil {
		out.RelevanteAndereZaken = []zaken.RelevanteZaak{}
	}
	if out.Kenmerken == nil {
		out.Kenmerken = []zaken.Kenmerk{}
	}
	return out
}

// rights is the RightsFilter of the request's principal for reading zaken.
func (Zaken) rights(r *http.Request) RightsFilter {
	var rights *autorisaties.Rights
	if p := zgw.PrincipalFrom(r.Context()); p != nil {
		rights = p.Rights
	}
	return NewRightsFilter(rights, autorisaties.ZRC, "zaken.lezen")
}

// List handles GET /zaken: the filters of the OAS that zrc.zaken answers,
// ordering and pagination, always AND-ed with the principal's
// RightsFilter (zrc-006).
func (s Zaken) List(w http.ResponseWriter, r *http.Request) {
	f := newZakenFilter(r)
	f.text("identificatie", "z.identificatie")
	f.text("bronorganisatie", "z.bronorganisatie")
	f.textIn("bronorganisatie__in", "z.bronorganisatie")
	f.url("zaaktype", "z.zaaktype")
	f.urlIn("zaaktype__in", "z.zaaktype")
	nominaties := []string{"blijvend_bewaren", "vernietigen"}
	f.choice("archiefnominatie", "z.archiefnominatie", nominaties...)
	f.choiceIn("archiefnominatie__in", "z.archiefnominatie", nominaties...)
	f.dates("archiefactiedatum", "z.archiefactiedatum", true, "lt", "gt")
	f.isNull("archiefactiedatum__isnull", "z.archiefactiedatum")
	statussen := []string{"nog_te_archiveren", "gearchiveerd", "gearchiveerd_procestermijn_onbekend", "overgedragen"}
	f.choice("archiefstatus", "z.archiefstatus", statussen...)
	f.choiceIn("archiefstatus__in", "z.archiefstatus", statussen...)
	f.dates("startdatum", "z.startdatum", true, "gt", "gte", "lt", "lte")
	f.dates("registratiedatum", "z.registratiedatum", true, "gt", "lt")
	f.dates("einddatum", "z.einddatum", true, "gt", "lt")
	f.isNull("einddatum__isnull", "z.einddatum")
	f.dates("einddatumGepland", "z.einddatum_gepland", true, "gt", "lt")
	f.dates("uiterlijkeEinddatumAfdoening", "z.uiterlijke_einddatum_afdoening", true, "gt", "lt")
	f.maxVertrouwelijkheid("maximaleVertrouwelijkheidaanduiding", "z.vertrouwelijkheid_rank")
	f.rolChoice("rol__betrokkeneType", "betrokkene_type",
		"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "organisatorische_eenheid", "medewerker")
	f.rolURL("rol__betrokkene", "betrokkene")
	f.rolChoice("rol__omschrijvingGeneriek", "omschrijving_generiek", "adviseur", "behandelaar", "belanghebbende",
		"beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator")
	for name, col := range map[string]string{
		"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn":               "np_inp_bsn",
		"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie":     "np_anp_identificatie",
		"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer":          "np_inp_a_nummer",
		"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId":         "nnp_inn_nnp_id",
		"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": "nnp_ann_identificatie",
		"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer":             "vestigings_nummer",
		"rol__betrokkeneIdentificatie__medewerker__identificatie":               "medewerker_identificatie",
		"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie":  "organisatorische_eenheid_identificatie",
	} {
		f.rolText(name, col)
	}
	f.rollen("z.uuid")
	order := f.ordering("ordering")
	page, err := zgw.PageParam(r)
	if err != nil {
		f.p.Merge(err)
	}
	if err := f.p.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	rights := s.rights(r).SQL("z.zaaktype", "z.vertrouwelijkheid_rank", &f.args)
	limit, offset := f.arg(pageSize), f.arg(zgw.Offset(page, pageSize))
	rows, err := s.Pool.Query(r.Context(), `WITH page AS (SELECT z.uuid AS page_uuid, count(*) OVER () AS page_total
		FROM zrc.zaken z`+f.sql(rights)+` ORDER BY `+order+` LIMIT `+limit+` OFFSET `+offset+`)
		SELECT `+zaakColumns+`, page.page_total FROM page JOIN zrc.zaken z ON z.uuid = page.page_uuid
		ORDER BY `+order, f.args...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	defer rows.Close()
	results := []zaak{}
	count := 0
	for rows.Next() {
		z, err := scanZaak(rows.Scan, &count)
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		results = append(results, z.wire(r.Context()))
	}
	if err := rows.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Crs", "EPSG:4326")
	zgw.WritePage(w, r, page, pageSize, count, results)
}

// Read handles GET and HEAD /zaken/{uuid}: 404 for an unknown zaak, 403
// for one the principal may not read (zrc-006).
func (s Zaken) Read(w http.ResponseWriter, r *http.Request) {
	z, err := s.one(r.Context(), zgw.PathUUID(r))
	if err == nil && !s.rights(r).Allows(z.zaaktype, z.vertrouwelijkheid) {
		err = domain.Forbidden("permission_denied", "U heeft geen toestemming om deze actie uit te voeren.")
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Crs", "EPSG:4326")
	zgw.WriteJSONETag(w, r, http.StatusOK, z.wire(r.Context()))
}

// Render writes zaak uuid with status exactly as a GET shows it; the write
// endpoints, which check the rights themselves, answer with it. An unknown
// uuid is a 404. A GET or HEAD gets an ETag, a write's answer does not.
func (s Zaken) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	z, err := s.one(r.Context(), zgw.CanonicalUUID(uuid))
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Crs", "EPSG:4326")
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		zgw.WriteJSONETag(w, r, status, z.wire(r.Context()))
		return
	}
	zgw.WriteJSON(w, r, status, z.wire(r.Context()))
}

// one reads zaak id.
func (s Zaken) one(ctx context.Context, id string) (zaakRow, error) {
	if id == "" {
		return zaakRow{}, domain.NotFound("Niet gevonden.")
	}
	z, err := scanZaak(s.Pool.QueryRow(ctx, `SELECT `+zaakColumns+` FROM zrc.zaken z WHERE z.uuid = $1`, id).Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return z, domain.NotFound("Niet gevonden.")
	}
	return z, err
}
