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
	if f.all {
		return "TRUE"
	}
	if len(f.types) == 0 {
		return "FALSE"
	}
	if rankCol == "" {
		*args = append(*args, f.types)
		return fmt.Sprintf("%s = ANY($%d::text[])", typeCol, len(*args))
	}
	// One "type in list and rank at most" per maximum: a client's grants
	// mostly share one, and PostgreSQL tests a type list per row far
	// faster than it joins a list of pairs.
	byMax := map[int][]string{}
	for i, t := range f.types {
		byMax[f.maxima[i]] = append(byMax[f.maxima[i]], t)
	}
	var or []string
	for _, m := range slices.Sorted(maps.Keys(byMax)) {
		*args = append(*args, byMax[m], m)
		or = append(or, fmt.Sprintf("(%s = ANY($%d::text[]) AND %s <= $%d::int)", typeCol, len(*args)-1, rankCol, len(*args)))
	}
	return "(" + strings.Join(or, " OR ") + ")"
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
