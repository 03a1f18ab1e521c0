package readapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
)

// zakenFilter builds the WHERE clause of GET /zaken on zrc.zaken z (the
// Zaken API 1.5.1 list filters). It reuses filter without its reserved
// date arguments: placeholders start at $1.
type zakenFilter struct {
	*filter
	// rol holds the rol__ conditions on zrc.rollen r; they are AND-ed in one
	// EXISTS, so that, as in the reference implementation, one rol must
	// meet them all.
	rol []string
}

// newZakenFilter returns the filter of r. A parameter value PostgreSQL
// cannot take as text (a NUL byte, invalid UTF-8) is a 400 up front, so
// that no filter turns it into a 500.
func newZakenFilter(r *http.Request) *zakenFilter {
	f := &zakenFilter{filter: &filter{r: r}}
	for name, values := range r.URL.Query() {
		for _, v := range values {
			if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				f.p.Add(name, "invalid", "Ongeldige tekens in de waarde.")
				break
			}
		}
	}
	return f
}

// choiceIn filters col on the comma-separated parameter name, each value one
// of allowed.
func (f *zakenFilter) choiceIn(name, col string, allowed ...string) {
	v := f.value(name)
	if v == "" {
		return
	}
	values := strings.Split(v, ",")
	for _, x := range values {
		if !slices.Contains(allowed, x) {
			f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze.", x))
			return
		}
	}
	f.add(col+" = ANY(%s::text[])", values)
}

// url filters col on equality with the absolute URL in parameter name.
func (f *zakenFilter) url(name, col string) {
	if v := f.value(name); v != "" && f.validURL(name, v) {
		f.add(col+" = %s", v)
	}
}

// urlIn filters col on the comma-separated absolute URLs in parameter name.
func (f *zakenFilter) urlIn(name, col string) {
	v := f.value(name)
	if v == "" {
		return
	}
	values := strings.Split(v, ",")
	for _, x := range values {
		if !f.validURL(name, x) {
			return
		}
	}
	f.add(col+" = ANY(%s::text[])", values)
}

// dateOp filters col with op (=, <, <=, >, >=) against the date in
// parameter name.
func (f *zakenFilter) dateOp(name, col, op string) {
	if d, ok := f.date(name); ok {
		f.add(col+" "+op+" %s::date", d.Time())
	}
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

// isNull filters on col IS NULL (true) or IS NOT NULL (false).
func (f *zakenFilter) isNull(name, col string) {
	f.boolean(name, col+" IS NULL")
}

// maxVertrouwelijkheid keeps zaken whose vertrouwelijkheidaanduiding is at
// most the one in parameter name.
func (f *zakenFilter) maxVertrouwelijkheid(name, rankCol string) {
	v := f.value(name)
	switch {
	case v == "":
	case !slices.Contains(autorisaties.Vertrouwelijkheidaanduidingen, v):
		f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze.", v))
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
	v := f.value(name)
	switch {
	case v == "":
	case !slices.Contains(allowed, v):
		f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze.", v))
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

// zaakOrderings are the ordering fields of GET /zaken and their columns.
var zaakOrderings = map[string]string{
	"startdatum":        "z.startdatum",
	"einddatum":         "z.einddatum",
	"publicatiedatum":   "z.publicatiedatum",
	"archiefactiedatum": "z.archiefactiedatum",
	"registratiedatum":  "z.registratiedatum",
	"identificatie":     "z.identificatie",
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
				f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze.", field))
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
