package autorisaties

import "strings"

// Component is an API of the ZGW standard, as named in an Autorisatie.
type Component string

// The components an Autorisatie can name.
const (
	AC  Component = "ac"
	NRC Component = "nrc"
	ZRC Component = "zrc"
	ZTC Component = "ztc"
	DRC Component = "drc"
	BRC Component = "brc"
)

// Components lists every valid component in the order of the standard.
var Components = []Component{AC, NRC, ZRC, ZTC, DRC, BRC}

// Valid reports whether c is one of the standard's components.
func (c Component) Valid() bool {
	for _, k := range Components {
		if c == k {
			return true
		}
	}
	return false
}

// Vertrouwelijkheidaanduidingen in rising order of confidentiality.
var Vertrouwelijkheidaanduidingen = []string{
	"openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk",
	"vertrouwelijk", "confidentieel", "geheim", "zeer_geheim",
}

// Rank returns the position of a vertrouwelijkheidaanduiding in the order of
// the standard (openbaar = 0), or -1 for an unknown value.
func Rank(vertrouwelijkheidaanduiding string) int {
	for i, v := range Vertrouwelijkheidaanduidingen {
		if v == vertrouwelijkheidaanduiding {
			return i
		}
	}
	return -1
}

// scopeComponent is the component whose API defines a scope, by its prefix;
// "audittrails.lezen" and unknown prefixes belong to no single component.
func scopeComponent(scope string) Component {
	prefix, _, _ := strings.Cut(scope, ".")
	switch prefix {
	case "zaken":
		return ZRC
	case "catalogi":
		return ZTC
	case "documenten":
		return DRC
	case "besluiten":
		return BRC
	case "autorisaties":
		return AC
	case "notificaties":
		return NRC
	}
	return ""
}

// Grant is one type a client may see, and the highest
// vertrouwelijkheidaanduiding it may see of it ("" when the component has
// none, as for besluiten).
type Grant struct {
	Type                           string
	MaxVertrouwelijkheidaanduiding string
}

// Rights are what one applicatie may do; the HTTP layer asks them for every
// request. The zero value may do nothing.
type Rights struct {
	ApplicatieUUID        string
	Label                 string
	HeeftAlleAutorisaties bool
	Autorisaties          []Autorisatie
}

// grants reports whether a grants one of scopes for component c. A scope of
// another API counts too (ztc-014: zaken.lezen on a zrc autorisatie reads
// the catalogue); a shared scope such as audittrails.lezen only counts on an
// autorisatie of c itself.
func (a Autorisatie) grants(c Component, scopes []string) bool {
	for _, want := range scopes {
		for _, have := range a.Scopes {
			if have != want {
				continue
			}
			if a.Component == c {
				return true
			}
			if sc := scopeComponent(want); sc != "" && sc != c && sc == a.Component {
				return true
			}
		}
	}
	return false
}

// HasScope reports whether the applicatie holds any of scopes for component
// c, for at least one type. It is the operation-level check; object-level
// checks use Allows.
func (r *Rights) HasScope(c Component, scopes ...string) bool {
	if r == nil {
		return false
	}
	if r.HeeftAlleAutorisaties || len(scopes) == 0 {
		return true
	}
	for _, a := range r.Autorisaties {
		if a.grants(c, scopes) {
			return true
		}
	}
	return false
}

// Allows reports whether the applicatie holds one of scopes for component c
// on an object of type typ with vertrouwelijkheidaanduiding va (zrc-006 and
// its equivalents in the other APIs). For components without type-bound
// autorisaties typ and va are ignored.
func (r *Rights) Allows(c Component, typ, va string, scopes ...string) bool {
	if r == nil {
		return false
	}
	if r.HeeftAlleAutorisaties {
		return true
	}
	for _, a := range r.Autorisaties {
		if !a.grants(c, scopes) {
			continue
		}
		t := a.typeFor(c)
		if t == "" && !typeBound(c) {
			return true
		}
		if t != typ {
			continue
		}
		if va == "" || a.MaxVertrouwelijkheidaanduiding == "" || Rank(va) <= Rank(a.MaxVertrouwelijkheidaanduiding) {
			return true
		}
	}
	return false
}

// Filter returns the types (with their highest vertrouwelijkheidaanduiding)
// whose objects the applicatie may list with one of scopes, or all=true when
// it may list everything. Lists and _zoek use it to filter at the source.
// When a type is granted twice, the most permissive grant wins.
func (r *Rights) Filter(c Component, scopes ...string) (all bool, grants []Grant) {
	if r == nil {
		return false, nil
	}
	if r.HeeftAlleAutorisaties {
		return true, nil
	}
	index := map[string]int{}
	for _, a := range r.Autorisaties {
		if !a.grants(c, scopes) {
			continue
		}
		t := a.typeFor(c)
		if t == "" {
			if !typeBound(c) {
				return true, nil
			}
			continue
		}
		if i, ok := index[t]; ok {
			if Rank(a.MaxVertrouwelijkheidaanduiding) > Rank(grants[i].MaxVertrouwelijkheidaanduiding) {
				grants[i].MaxVertrouwelijkheidaanduiding = a.MaxVertrouwelijkheidaanduiding
			}
			continue
		}
		index[t] = len(grants)
		grants = append(grants, Grant{Type: t, MaxVertrouwelijkheidaanduiding: a.MaxVertrouwelijkheidaanduiding})
	}
	return false, grants
}

// typeBound reports whether autorisaties of c are per type.
func typeBound(c Component) bool { return c == ZRC || c == DRC || c == BRC }

// typeFor returns the type an autorisatie of c is bound to.
func (a Autorisatie) typeFor(c Component) string {
	if a.Component != c {
		// A scope of another API (ztc-014) is not bound to this API's types.
		return ""
	}
	switch c {
	case ZRC:
		return a.Zaaktype
	case DRC:
		return a.Informatieobjecttype
	case BRC:
		return a.Besluittype
	}
	return ""
}
