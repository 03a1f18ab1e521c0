package readapi

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
)

// RightsFilter is the SQL condition that limits a list (or _zoek, or an
// expand) to what a client may see (zrc-006 and its equivalents): objects
// whose type is granted, with a vertrouwelijkheidaanduiding no higher than
// the grant's maximum. Every read of zaken, documenten and besluiten goes
// through it, so that no path can skip the check.
type RightsFilter struct {
	all    bool
	types  []string
	maxima []int
}

// NewRightsFilter derives the filter for component c and scopes from rights.
func NewRightsFilter(rights *autorisaties.Rights, c autorisaties.Component, scopes ...string) RightsFilter {
	all, grants := rights.Filter(c, scopes...)
	f := RightsFilter{all: all}
	for _, g := range grants {
		f.types = append(f.types, g.Type)
		max := autorisaties.Rank(g.MaxVertrouwelijkheidaanduiding)
		if g.MaxVertrouwelijkheidaanduiding == "" {
			max = len(autorisaties.Vertrouwelijkheidaanduidingen)
		}
		f.maxima = append(f.maxima, max)
	}
	return f
}

// SQL returns the condition on typeCol (the type URL) and rankCol (the
// rank of the vertrouwelijkheidaanduiding, autorisaties.Rank; pass "" for
// resources without one), appending its arguments to args.
func (f RightsFilter) SQL(typeCol, rankCol string, args *[]any) string {
	if rankCol == "" && !f.all && len(f.types) > 0 {
		*args = append(*args, f.types)
		return fmt.Sprintf("%s = ANY($%d::text[])", typeCol, len(*args))
	}
	return f.Bind(args)(TypeColumn(typeCol), rankCol)
}

// TypeIn writes the condition that a row's type is in types, an SQL
// text[] of type URLs.
type TypeIn func(types string) string

// TypeColumn is TypeIn for rows that hold their type URL in column col.
func TypeColumn(col string) TypeIn {
	return func(types string) string { return col + " = ANY(" + types + ")" }
}

// Bind appends the filter's arguments to args once and returns what writes
// its condition with them, on any type and rank columns (rankCol not ""):
// a query that tests the rights on two tables (the rows and their counts)
// passes its arguments once.
func (f RightsFilter) Bind(args *[]any) func(typeIn TypeIn, rankCol string) string {
	if f.all {
		return func(TypeIn, string) string { return "TRUE" }
	}
	if len(f.types) == 0 {
		return func(TypeIn, string) string { return "FALSE" }
	}
	// One "type in list and rank at most" per maximum: a client's grants
	// mostly share one, and PostgreSQL tests a type list per row far
	// faster than it joins a list of pairs.
	byMax := map[int][]string{}
	for i, t := range f.types {
		byMax[f.maxima[i]] = append(byMax[f.maxima[i]], t)
	}
	type group struct{ types, max string }
	var groups []group
	for _, m := range slices.Sorted(maps.Keys(byMax)) {
		*args = append(*args, byMax[m], m)
		groups = append(groups, group{fmt.Sprintf("$%d::text[]", len(*args)-1), fmt.Sprintf("$%d::int", len(*args))})
	}
	return func(typeIn TypeIn, rankCol string) string {
		var or []string
		for _, g := range groups {
			or = append(or, "("+typeIn(g.types)+" AND "+rankCol+" <= "+g.max+")")
		}
		return "(" + strings.Join(or, " OR ") + ")"
	}
}

// Allows reports whether one object passes the filter, for checks in Go
// (a detail GET answers 403 where a list leaves the object out).
func (f RightsFilter) Allows(typ, vertrouwelijkheidaanduiding string) bool {
	if f.all {
		return true
	}
	for i, t := range f.types {
		if t == typ && (vertrouwelijkheidaanduiding == "" || autorisaties.Rank(vertrouwelijkheidaanduiding) <= f.maxima[i]) {
			return true
		}
	}
	return false
}
