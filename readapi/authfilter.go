package readapi

import (
	"fmt"

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
	*args = append(*args, f.types, f.maxima)
	t, m := len(*args)-1, len(*args)
	if rankCol == "" {
		return fmt.Sprintf("%s = ANY($%d::text[])", typeCol, t)
	}
	return fmt.Sprintf("EXISTS (SELECT 1 FROM unnest($%d::text[], $%d::int[]) AS g(t, m) WHERE g.t = %s AND %s <= g.m)",
		t, m, typeCol, rankCol)
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
