package readapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaakZoek is the body of POST /zaken/_zoek, the schema ZaakZoek of the
// Zaken API 1.5.1: the filters of GET /zaken as JSON fields (the __in ones
// as arrays, the __isnull ones as booleans), uuid__in and the geo filter
// zaakgeometrie, and expand as GET /zaken takes it in its query.
type zaakZoek struct {
	Zaakgeometrie                *geoWithin `json:"zaakgeometrie"`
	UUIDIn                       []string   `json:"uuid__in"`
	Identificatie                string     `json:"identificatie"`
	Bronorganisatie              string     `json:"bronorganisatie"`
	BronorganisatieIn            []string   `json:"bronorganisatie__in"`
	Zaaktype                     string     `json:"zaaktype"`
	ZaaktypeIn                   []string   `json:"zaaktype__in"`
	Archiefnominatie             string     `json:"archiefnominatie"`
	ArchiefnominatieIn           []string   `json:"archiefnominatie__in"`
	Archiefactiedatum            string     `json:"archiefactiedatum"`
	ArchiefactiedatumIsnull      *bool      `json:"archiefactiedatum__isnull"`
	ArchiefactiedatumLt          string     `json:"archiefactiedatum__lt"`
	ArchiefactiedatumGt          string     `json:"archiefactiedatum__gt"`
	Archiefstatus                string     `json:"archiefstatus"`
	ArchiefstatusIn              []string   `json:"archiefstatus__in"`
	Startdatum                   string     `json:"startdatum"`
	StartdatumGt                 string     `json:"startdatum__gt"`
	StartdatumGte                string     `json:"startdatum__gte"`
	StartdatumLt                 string     `json:"startdatum__lt"`
	StartdatumLte                string     `json:"startdatum__lte"`
	Registratiedatum             string     `json:"registratiedatum"`
	RegistratiedatumGt           string     `json:"registratiedatum__gt"`
	RegistratiedatumLt           string     `json:"registratiedatum__lt"`
	Einddatum                    string     `json:"einddatum"`
	EinddatumIsnull              *bool      `json:"einddatum__isnull"`
	EinddatumGt                  string     `json:"einddatum__gt"`
	EinddatumLt                  string     `json:"einddatum__lt"`
	EinddatumGepland             string     `json:"einddatumGepland"`
	EinddatumGeplandGt           string     `json:"einddatumGepland__gt"`
	EinddatumGeplandLt           string     `json:"einddatumGepland__lt"`
	UiterlijkeEinddatumAfdoening string     `json:"uiterlijkeEinddatumAfdoening"`
	UiterlijkeEinddatumGt        string     `json:"uiterlijkeEinddatumAfdoening__gt"`
	UiterlijkeEinddatumLt        string     `json:"uiterlijkeEinddatumAfdoening__lt"`
	RolBetrokkeneType            string     `json:"rol__betrokkeneType"`
	RolBetrokkene                string     `json:"rol__betrokkene"`
	RolOmschrijvingGeneriek      string     `json:"rol__omschrijvingGeneriek"`
	MaxVertrouwelijkheid         string     `json:"maximaleVertrouwelijkheidaanduiding"`
	RolNPInpBsn                  string     `json:"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"`
	RolNPAnpIdentificatie        string     `json:"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie"`
	RolNPInpANummer              string     `json:"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer"`
	RolNNPInnNnpID               string     `json:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"`
	RolNNPAnnIdentificatie       string     `json:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie"`
	RolVestigingsNummer          string     `json:"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer"`
	RolMedewerkerIdentificatie   string     `json:"rol__betrokkeneIdentificatie__medewerker__identificatie"`
	RolOEHIdentificatie          string     `json:"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie"`
	Expand                       string     `json:"expand"`
	Ordering                     string     `json:"ordering"`
}

// geoWithin is the schema GeoWithin: Within is any GeoJSON geometry,
// decoded generically and checked by checkGeoJSON.
type geoWithin struct {
	Within any `json:"within"`
}

// bodyParams are the filter values of a zaakZoek by their JSON names:
// strings and booleans as single values, arrays as __in values. An empty
// string counts as absent, as in a query; an empty array is given, and
// matches nothing.
type bodyParams struct {
	one  map[string]string
	many map[string][]string
}

func (b bodyParams) value(name string) string { return b.one[name] }

func (b bodyParams) values(name string) ([]string, bool) {
	vs, ok := b.many[name]
	return vs, ok
}

// params returns the filter values of z; zaakgeometrie is not among them.
func (z *zaakZoek) params() bodyParams {
	p := bodyParams{one: map[string]string{}, many: map[string][]string{}}
	v := reflect.ValueOf(z).Elem()
	for _, f := range reflect.VisibleFields(v.Type()) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch x := v.FieldByIndex(f.Index).Interface().(type) {
		case string:
			p.one[name] = x
		case *bool:
			if x != nil {
				p.one[name] = strconv.FormatBool(*x)
			}
		case []string:
			if x != nil {
				p.many[name] = x
			}
		}
	}
	return p
}

// Search handles POST /zaken/_zoek (operationId zaak__zoek, scope
// zaken.lezen): the ZaakZoek body decoded strictly (an unknown field or a
// value of the wrong type is a 400), then answered exactly as GET /zaken
// answers its query, paginated by the page query parameter and always
// AND-ed with the principal's RightsFilter (zrc-006). An empty body object
// is a 400 empty_search_body, as in the reference implementation. An
// invalid zaakgeometrie.within is a 400 on that name.
func (s Zaken) Search(w http.ResponseWriter, r *http.Request) {
	var body zaakZoek
	if err := zgw.DecodeJSON(r, &body); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	if reflect.ValueOf(body).IsZero() {
		zgw.WriteError(w, r, domain.Invalid("nonFieldErrors", "empty_search_body", "Zoekparameters moeten opgegeven worden."))
		return
	}
	f := newZakenFilter(r.Context(), body.params())
	if err := s.within(r.Context(), f, "zaakgeometrie.within", body.Zaakgeometrie); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	s.list(w, r, f, body.Expand)
}

// within adds the geo filter of g: zaken whose geometrie lies within the
// GeoJSON geometry g.Within (ST_Within: a point on the boundary or in a
// hole is not within). A geometry that is no GeoJSON, or one PostGIS
// finds invalid (a self-intersecting polygon), is recorded as a problem
// on name; only a failing database is returned as an error.
func (s Zaken) within(ctx context.Context, f *zakenFilter, name string, g *geoWithin) error {
	switch {
	case g == nil:
		return nil
	case g.Within == nil:
		f.p.Add(name, "required", "Dit veld is vereist.")
		return nil
	}
	if reason := zgw.CheckGeoJSON(g.Within); reason != "" {
		f.p.Add(name, "invalid", "Ongeldige GeoJSON-geometrie: "+reason)
		return nil
	}
	geojson, err := json.Marshal(g.Within)
	if err != nil {
		return fmt.Errorf("zaken _zoek: encode within: %w", err)
	}
	var valid bool
	var reason string
	err = s.Pool.QueryRow(ctx, `SELECT ST_IsValid(g), coalesce(ST_IsValidReason(g), '')
		FROM (SELECT ST_GeomFromGeoJSON($1::text) AS g) q`, string(geojson)).Scan(&valid, &reason)
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && (pgErr.Code == "XX000" || strings.HasPrefix(pgErr.Code, "22")):
		// PostGIS reports the GeoJSON it cannot read as an internal error
		// (or, for a value out of range, as a data exception).
		f.p.Add(name, "invalid", "Ongeldige GeoJSON-geometrie.")
	case err != nil:
		return fmt.Errorf("zaken _zoek: check within: %w", err)
	case !valid:
		f.p.Add(name, "invalid", "Ongeldige geometrie: "+reason+".")
	default:
		f.add("ST_Within(z.geometrie, ST_SetSRID(ST_GeomFromGeoJSON(%s::text), 4326))", string(geojson))
	}
	return nil
}
