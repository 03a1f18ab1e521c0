package readapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// filter builds the WHERE clause of a Catalogi read from the request's
// query parameters. Arguments $1 and $2 are reserved: the date relations
// are resolved on (today, or datumGeldigheid) and the datumGeldigheid of
// the request (NULL without one). Every invalid value is collected in p, so
// that one 400 names them all; an empty value counts as absent.
type filter struct {
	r     *http.Request
	args  []any
	where []string
	p     domain.Problems
}

// filter returns the filter of r with nothing parsed yet.
func (c *Catalogi) filter(r *http.Request) *filter {
	return &filter{r: r, args: []any{c.today().Time(), nil}}
}

// arg adds an argument and returns its placeholder.
func (f *filter) arg(v any) string {
	f.args = append(f.args, v)
	return placeholder(len(f.args))
}

// add adds a condition; %s in cond are replaced by the placeholders of args.
func (f *filter) add(cond string, args ...any) {
	ph := make([]any, len(args))
	for i, a := range args {
		ph[i] = f.arg(a)
	}
	f.where = append(f.where, fmt.Sprintf(cond, ph...))
}

// sql returns " WHERE ..." with every condition and extra, or "".
func (f *filter) sql(extra ...string) string {
	conds := append(slices.Clone(f.where), extra...)
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

func (f *filter) value(name string) string { return f.r.URL.Query().Get(name) }

// text filters col on equality with parameter name.
func (f *filter) text(name, col string) {
	if v := f.value(name); v != "" {
		f.add(col+" = %s", v)
	}
}

// textIn filters col on membership of the comma-separated parameter name
// (the __in convention).
func (f *filter) textIn(name, col string) {
	if v := f.value(name); v != "" {
		f.add(col+" = ANY(%s::text[])", strings.Split(v, ","))
	}
}

// choice filters col on parameter name, which must be one of allowed.
func (f *filter) choice(name, col string, allowed ...string) {
	v := f.value(name)
	switch {
	case v == "":
	case !slices.Contains(allowed, v):
		f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze.", v))
	default:
		f.add(col+" = %s", v)
	}
}

// boolean filters col on parameter name: true or false (also 1, 0, True,
// False, as the reference implementation takes them).
func (f *filter) boolean(name, col string) {
	switch v := f.value(name); v {
	case "":
	case "true", "True", "1":
		f.where = append(f.where, col)
	case "false", "False", "0":
		f.where = append(f.where, "NOT "+col)
	default:
		f.p.Add(name, "invalid", "Voer een geldige booleaanse waarde in: true of false.")
	}
}

// status filters on the concept status (RULES 7): alles, concept, or
// definitief, the default; concept is the SQL expression that is true for a
// concept.
func (f *filter) status(name, concept string) {
	switch v := f.value(name); v {
	case "", "definitief":
		f.where = append(f.where, "NOT "+concept)
	case "concept":
		f.where = append(f.where, concept)
	case "alles":
	default:
		f.p.Add(name, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %q is geen beschikbare keuze; kies alles, concept of definitief.", v))
	}
}

// date returns the date in parameter name, if given and valid.
func (f *filter) date(name string) (catalogi.Date, bool) {
	v := f.value(name)
	if v == "" {
		return catalogi.Date{}, false
	}
	d, err := catalogi.ParseDate(v)
	if err != nil {
		f.p.Add(name, "invalid", "Voer een geldige datum in (JJJJ-MM-DD).")
		return d, false
	}
	return d, true
}

// exactDate filters col on equality with the date in parameter name.
func (f *filter) exactDate(name, col string) {
	if d, ok := f.date(name); ok {
		f.add(col+" = %s", d.Time())
	}
}

// geldigheid reads datumGeldigheid from parameter name: it becomes the
// date relations are resolved on ($1) and $2, and every object named by
// aliases must be valid on it (both ends inclusive).
func (f *filter) geldigheid(name string, aliases ...string) {
	d, ok := f.date(name)
	if !ok {
		return
	}
	f.args[0], f.args[1] = d.Time(), d.Time()
	for _, a := range aliases {
		f.where = append(f.where, validOn(a, "$2"))
	}
}

// resourceURL reads parameter name as the URL of an object in collection of
// this API and filters with cond, in which %s stands for its uuid. A value
// that is no absolute URL is a 400; the URL of anything else matches
// nothing.
func (f *filter) resourceURL(name, collection, cond string) {
	v := f.value(name)
	if v == "" || !f.validURL(name, v) {
		return
	}
	id, ok := zgw.ParseResourceURL(f.r.Context(), collection, v)
	if !ok {
		f.where = append(f.where, "FALSE")
		return
	}
	f.add(cond, id)
}

// validURL reports whether v is an absolute http(s) URL, the only kind
// the registry stores (domain.URLFault), else records a problem.
func (f *filter) validURL(name, v string) bool {
	if domain.URLFault(v) != "" {
		f.p.Add(name, "invalid", "Voer een geldige URL in.")
		return false
	}
	return true
}

// trefwoorden keeps objects whose col holds every trefwoord given, comma
// separated or as repeated parameters.
func (f *filter) trefwoorden(name, col string) {
	var all []string
	for _, v := range f.r.URL.Query()[name] {
		for _, t := range strings.Split(v, ",") {
			if t != "" {
				all = append(all, t)
			}
		}
	}
	if len(all) > 0 {
		f.add(col+" @> %s::text[]", all)
	}
}
