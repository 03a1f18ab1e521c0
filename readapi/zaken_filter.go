package readapi

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaakParams are the values the zaken filters read, by parameter name: the
// query string of GET /zaken or the JSON body of POST /zaken/_zoek, so that
// one piece of filter code serves both.
type zaakParams interface {
	// value returns a single value, "" when absent.
	value(name string) string
	// values returns the values of an __in filter and whether it was
	// given: comma-separated in a query, a JSON array in a body.
	values(name string) ([]string, bool)
}

// queryParams are the filters of a query string. An empty value counts as
// absent, as in the reference implementation.
type queryParams url.Values

func (q queryParams) value(name string) string { return url.Values(q).Get(name) }

func (q queryParams) values(name string) ([]string, bool) {
	v := q.value(name)
	if v == "" {
		return nil, false
	}
	return strings.Split(v, ","), true
}

// zakenFilter builds the WHERE clause of a zaken list on zrc.zaken z (the
// Zaken API 1.5.1 list filters). It reuses filter for arguments,
// conditions and problems, without its reserved date arguments
// (placeholders start at $1) and without its request: the values come
// from src, so filter's query-reading methods must not be called on it.
type zakenFilter struct {
	*filter
	ctx context.Context // of the request, for the URLs of this registry (zgw.LocalizeURL)
	src zaakParams
	// rol holds the rol__ conditions on zrc.rollen r; they are AND-ed in one
	// EXISTS, so that, as in the reference implementation, one rol must
	// meet them all.
	rol []string
}

// newZakenFilter returns an empty filter on the values of src, for the
// request of ctx.
func newZakenFilter(ctx context.Context, src zaakParams) *zakenFilter {
	return &zakenFilter{filter: &filter{}, ctx: ctx, src: src}
}

// value returns parameter name, "" when absent. A value PostgreSQL cannot
// take as text (a NUL byte, invalid UTF-8) is a 400 up front, so that no
// filter turns it into a 500.
func (f *zakenFilter) value(name string) string {
	v := f.src.value(name)
	if !f.validText(name, v) {
		return ""
	}
	return v
}

// values returns the values of the __in parameter name, checked as value
// checks one.
func (f *zakenFilter) values(name string) ([]string, bool) {
	vs, ok := f.src.values(name)
	for _, v := range vs {
		if !f.validText(name, v) {
			return nil, false
		}
	}
	return vs, ok
}

// validText reports whether v can be a text argument, else records a
// problem on name.
func (f *zakenFilter) validText(name, v string) bool {
	if !zgw.ValidText(v) {
		f.p.Add(name, "invalid", "Ongeldige tekens in de waarde.")
		return false
	}
	return true
}

// text filters col on equality with parameter name.
func (f *zakenFilter) text(name, col string) {
	if v := f.value(name); v != "" {
		f.add(col+" = %s", v)
	}
}

// textIn filters col on membership of the values of parameter name.
func (f *zakenFilter) textIn(name, col string) {
	if vs, ok := f.values(name); ok {
		f.add(col+" = ANY(%s::text[])", vs)
	}
}

// invalidChoice records that v is not one of the choices of name.
func (f *zakenFilter) invalidChoice(name, v string) {
	f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze.", v))
}

// choice filters col on parameter name, which must be one of allowed.
func (f *zakenFilter) choice(name, col string, allowed ...string) {
	switch v := f.value(name); {
	case v == "":
	case !slices.Contains(allowed, v):
		f.invalidChoice(name, v)
	default:
		f.add(col+" = %s", v)
	}
}

// choiceIn filters col on the values of parameter name, each one of
// allowed.
func (f *zakenFilter) choiceIn(name, col string, allowed ...string) {
	vs, ok := f.values(name)
	if !ok {
		return
	}
	for _, v := range vs {
		if !slices.Contains(allowed, v) {
			f.invalidChoice(name, v)
			return
		}
	}
	f.add(col+" = ANY(%s::text[])", vs)
}

// url filters col on equality with the absolute URL in parameter name.
func (f *zakenFilter) url(name, col string) {
	if v := f.value(name); v != "" && f.validURL(name, v) {
		f.add(col+" = %s", zgw.LocalizeURL(f.ctx, v))
	}
}

// urlIn filters col on the absolute URLs of parameter name.
func (f *zakenFilter) urlIn(name, col string) {
	vs, ok := f.values(name)
	if !ok {
		return
	}
	for _, v := range vs {
		if !f.validURL(name, v) {
			return
		}
	}
	local := make([]string, len(vs))
	for i, v := range vs {
		local[i] = zgw.LocalizeURL(f.ctx, v)
	}
	f.add(col+" = ANY(%s::text[])", local)
}

// uuidIn filters col on the UUIDs of parameter name.
func (f *zakenFilter) uuidIn(name, col string) {
	vs, ok := f.values(name)
	if !ok {
		return
	}
	ids := make([]string, 0, len(vs))
	for _, v := range vs {
		id, err := uuid.Parse(v)
		if err != nil || len(v) != 36 {
			f.p.Add(name, "invalid", fmt.Sprintf("%q is geen geldige UUID.", v))
			return
		}
		ids = append(ids, id.String())
	}
	f.add(col+" = ANY(%s::uuid[])", ids)
}

// boolean filters on cond (true) or NOT cond (false): true or false, also
// 1, 0, True, False, as the reference implementation takes them.
func (f *zakenFilter) boolean(name, cond string) {
	switch v := f.value(name); v {
	case "":
	case "true", "True", "1":
		f.where = append(f.where, cond)
	case "false", "False", "0":
		f.where = append(f.where, "NOT "+cond)
	default:
		f.p.Add(name, "invalid", "Voer een geldige booleaanse waarde in: true of false.")
	}
}

// isNull filters on col IS NULL (true) or IS NOT NULL (false).
func (f *zakenFilter) isNull(name, col string) {
	f.boolean(name, col+" IS NULL")
}

// dateOp filters col with op (=, <, <=, >, >=) against the date in
// parameter name.
func (f *zakenFilter) dateOp(name, col, op string) {
	v := f.value(name)
	if v == "" {
		return
	}
	d, err := catalogi.ParseDate(v)
	if err != nil {
		f.p.Add(name, "invalid", "Voer een geldige datum in (JJJJ-MM-DD).")
		return
	}
	f.add(col+" "+op+" %s::date", d.Time())
}

// dates adds the date filters of col: the exact one under name and the
// comparisons of suffixes (gt, gte, lt, lte) under name__suffix.
func (f *zakenFilter) dates(name, col string, exact bool, suffixes ...string) {
	if exact {
		f.dateOp(name, col, "=")
	}
	ops := map[string]string{"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
	for _, s := range suffixes {
		f.dateOp(name+"__"+s, col, ops[s])
	}
}

// maxVertrouwelijkheid keeps zaken whose vertrouwelijkheidaanduiding is at
// most the one in parameter name.
func (f *zakenFilter) maxVertrouwelijkheid(name, rankCol string) {
	switch v := f.value(name); {
	case v == "":
	case !slices.Contains(autorisaties.Vertrouwelijkheidaanduidingen, v):
		f.invalidChoice(name, v)
	default:
		f.add(rankCol+" <= %s::int", autorisaties.Rank(v))
	}
}

// rolText adds a rol__ condition r.col = value of parameter name.
func (f *zakenFilter) rolText(name, col string) {
	if v := f.value(name); v != "" {
		f.rol = append(f.rol, "r."+col+" = "+f.arg(v))
	}
}

// rolChoice is rolText restricted to allowed values.
func (f *zakenFilter) rolChoice(name, col string, allowed ...string) {
	switch v := f.value(name); {
	case v == "":
	case !slices.Contains(allowed, v):
		f.invalidChoice(name, v)
	default:
		f.rol = append(f.rol, "r."+col+" = "+f.arg(v))
	}
}

// rolURL is rolText for an absolute URL.
func (f *zakenFilter) rolURL(name, col string) {
	if v := f.value(name); v != "" && f.validURL(name, v) {
		f.rol = append(f.rol, "r."+col+" = "+f.arg(v))
	}
}

// rollen adds the EXISTS of the collected rol__ conditions, if any.
func (f *zakenFilter) rollen(zaakCol string) {
	if len(f.rol) > 0 {
		f.where = append(f.where, "EXISTS (SELECT 1 FROM zrc.rollen r WHERE r.zaak = "+zaakCol+" AND "+
			strings.Join(f.rol, " AND ")+")")
	}
}

// rolIdentificaties are the rol__betrokkeneIdentificatie__ filters and
// their columns in zrc.rollen.
var rolIdentificaties = map[string]string{
	"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn":               "np_inp_bsn",
	"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie":     "np_anp_identificatie",
	"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer":          "np_inp_a_nummer",
	"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId":         "nnp_inn_nnp_id",
	"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": "nnp_ann_identificatie",
	"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer":             "vestigings_nummer",
	"rol__betrokkeneIdentificatie__medewerker__identificatie":               "medewerker_identificatie",
	"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie":  "organisatorische_eenheid_identificatie",
}

// zaken adds every filter of GET /zaken and of the ZaakZoek body except
// zaakgeometrie (which only the body has; see within), in the names of the
// OAS. uuid__in is declared for the body only; the query of GET never has
// it, since undeclared query parameters are refused before List runs.
func (f *zakenFilter) zaken() {
	f.uuidIn("uuid__in", "z.uuid")
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
	for _, name := range slices.Sorted(maps.Keys(rolIdentificaties)) {
		f.rolText(name, rolIdentificaties[name])
	}
	f.rollen("z.uuid")
}

// zaaktypeOnly matches the conditions of the filters on zaaktype and
// vertrouwelijkheid alone (zaaktype, zaaktype__in,
// maximaleVertrouwelijkheidaanduiding).
var zaaktypeOnly = regexp.MustCompile(`^z\.(zaaktype|vertrouwelijkheid_rank) (=|<=) (ANY\()?\$[0-9]+(::[a-z]+(\[\])?)?\)?$`)

// onZaaktypeOnly reports whether every condition of f is on zaaktype or
// vertrouwelijkheid only, so that zrc.zaken_aantallen can count the list.
func (f *zakenFilter) onZaaktypeOnly() bool {
	for _, c := range f.where {
		if !zaaktypeOnly.MatchString(c) {
			return false
		}
	}
	return true
}

// zaakOrderings are the ordering fields of the zaken lists and their
// columns.
var zaakOrderings = map[string]string{
	"startdatum":        "z.startdatum",
	"einddatum":         "z.einddatum",
	"publicatiedatum":   "z.publicatiedatum",
	"archiefactiedatum": "z.archiefactiedatum",
	"registratiedatum":  "z.registratiedatum",
	"identificatie":     "z.identificatie",
}

// fromTheEnd tells how to read the page of pageSize rows after the first
// skip of count rows in order: as it is in the first half, and from the
// other end, in the reverse order, in the second, so that the last page
// skips nothing instead of nearly all. It returns the rows to skip and to
// take, and the order to read in.
func fromTheEnd(skip, count int, order string) (int, int, string) {
	if skip <= count/2 {
		return skip, pageSize, order
	}
	return max(count-skip-pageSize, 0), max(min(pageSize, count-skip), 0), reverseOrder(order)
}

// reverseOrder turns the ORDER BY of ordering around: every part the other
// direction, nulls included (ascending puts them last, descending first).
func reverseOrder(order string) string {
	parts := strings.Split(order, ", ")
	for i, p := range parts {
		if col, ok := strings.CutSuffix(p, " DESC"); ok {
			parts[i] = col
		} else {
			parts[i] = p + " DESC"
		}
	}
	return strings.Join(parts, ", ")
}

// ordering returns the ORDER BY of the ordering parameter (comma-separated
// fields, '-' for descending), always ending in the creation order.
func (f *zakenFilter) ordering(name string) string {
	var parts []string
	if v := f.value(name); v != "" {
		for _, field := range strings.Split(v, ",") {
			desc := strings.HasPrefix(field, "-")
			col, ok := zaakOrderings[strings.TrimPrefix(field, "-")]
			if !ok {
				f.invalidChoice(name, field)
				continue
			}
			if desc {
				col += " DESC"
			}
			parts = append(parts, col)
		}
	}
	return strings.Join(append(parts, createdOrder("z")), ", ")
}
