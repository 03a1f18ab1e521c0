package autorisaties

import (
	"fmt"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Autorisatie is one grant of scopes on one component, bound to a type for
// zrc, drc and brc.
type Autorisatie struct {
	Component                      Component `json:"component"`
	Scopes                         []string  `json:"scopes"`
	Zaaktype                       string    `json:"zaaktype,omitempty" ref:"catalogi/zaaktypen"`
	Informatieobjecttype           string    `json:"informatieobjecttype,omitempty" ref:"catalogi/informatieobjecttypen"`
	Besluittype                    string    `json:"besluittype,omitempty" ref:"catalogi/besluittypen"`
	MaxVertrouwelijkheidaanduiding string    `json:"maxVertrouwelijkheidaanduiding,omitempty"`
}

// Gegevens are the writable fields of an applicatie.
type Gegevens struct {
	ClientIDs             []string      `json:"clientIds"`
	Label                 string        `json:"label"`
	HeeftAlleAutorisaties bool          `json:"heeftAlleAutorisaties"`
	Autorisaties          []Autorisatie `json:"autorisaties"`
}

// Validate checks the fields of an applicatie against the OAS constraints
// and the rules ac-002 and ac-003. ac-001 (a client id belongs to one
// applicatie) spans applicaties and is enforced by the command handler
// through client-id claim streams.
func (g Gegevens) Validate() error {
	var p domain.Problems
	if len(g.ClientIDs) == 0 {
		p.Add("clientIds", "required", "Dit veld is vereist.")
	}
	seen := map[string]bool{}
	for i, id := range g.ClientIDs {
		name := fmt.Sprintf("clientIds.%d", i)
		switch {
		case id == "":
			p.Add(name, "blank", "Dit veld mag niet leeg zijn.")
		case len([]rune(id)) > 50:
			p.Add(name, "max_length", "Zorg ervoor dat dit veld niet meer dan 50 karakters bevat.")
		case seen[id]:
			// A fault of the list as a whole, named by the list as the
			// reference implementation names such faults.
			p.Add("clientIds", "unique", fmt.Sprintf("Client ID %q komt meer dan eens voor (%s).", id, name))
		}
		seen[id] = true
	}
	switch n := len([]rune(g.Label)); {
	case n == 0:
		p.Add("label", "required", "Dit veld is vereist.")
	case n > 100:
		p.Add("label", "max_length", "Zorg ervoor dat dit veld niet meer dan 100 karakters bevat.")
	}
	// ac-002
	if g.HeeftAlleAutorisaties && len(g.Autorisaties) > 0 {
		p.Add("nonFieldErrors", "ambiguous-authorizations-specified",
			"Either autorisaties or heeftAlleAutorisaties can be specified, not both.")
	}
	if !g.HeeftAlleAutorisaties && len(g.Autorisaties) == 0 {
		p.Add("nonFieldErrors", "missing-authorizations",
			"Either autorisaties or heeftAlleAutorisaties must be specified.")
	}
	for i, a := range g.Autorisaties {
		a.validate(fmt.Sprintf("autorisaties.%d", i), &p)
	}
	return p.Err()
}

func (a Autorisatie) validate(prefix string, p *domain.Problems) {
	if !a.Component.Valid() {
		p.Add(prefix+".component", "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", a.Component))
		return
	}
	if len(a.Scopes) == 0 {
		p.Add(prefix+".scopes", "required", "Dit veld is vereist.")
	}
	for j, s := range a.Scopes {
		if !KnownScope(s) {
			p.Add(fmt.Sprintf("%s.scopes.%d", prefix, j), "invalid-scope", fmt.Sprintf("%q is geen scope van de ZGW API's.", s))
		}
	}
	if a.MaxVertrouwelijkheidaanduiding != "" && Rank(a.MaxVertrouwelijkheidaanduiding) < 0 {
		p.Add(prefix+".maxVertrouwelijkheidaanduiding", "invalid_choice",
			fmt.Sprintf("%q is geen geldige keuze.", a.MaxVertrouwelijkheidaanduiding))
	}
	typeField, typeValue := a.typeField()
	for _, f := range []struct{ name, value string }{
		{"zaaktype", a.Zaaktype}, {"informatieobjecttype", a.Informatieobjecttype}, {"besluittype", a.Besluittype},
	} {
		if f.value == "" {
			continue
		}
		if f.name != typeField {
			p.Add(prefix+"."+f.name, "invalid", fmt.Sprintf("%s hoort niet bij component %s.", f.name, a.Component))
			continue
		}
		if code := domain.RefFault(f.value); code != "" {
			p.Add(prefix+"."+f.name, code, "Voer een geldige URL in.")
		} else if len(f.value) > 1000 {
			p.Add(prefix+"."+f.name, "invalid", "Voer een geldige URL in.")
		}
	}
	if a.MaxVertrouwelijkheidaanduiding != "" && a.Component != ZRC && a.Component != DRC {
		p.Add(prefix+".maxVertrouwelijkheidaanduiding", "invalid",
			fmt.Sprintf("maxVertrouwelijkheidaanduiding hoort niet bij component %s.", a.Component))
	}
	// ac-003: type-bound components with their own API's scopes need the type
	// (and, for zrc and drc, the maximum vertrouwelijkheidaanduiding).
	if typeField == "" || !typeScopes(a.Component, a.Scopes) {
		return
	}
	if typeValue == "" {
		p.Add(prefix+"."+typeField, "required", fmt.Sprintf("Dit veld is vereist voor component %s.", a.Component))
	}
	if a.Component != BRC && a.MaxVertrouwelijkheidaanduiding == "" {
		p.Add(prefix+".maxVertrouwelijkheidaanduiding", "required", fmt.Sprintf("Dit veld is vereist voor component %s.", a.Component))
	}
}

func (a Autorisatie) typeField() (string, string) {
	switch a.Component {
	case ZRC:
		return "zaaktype", a.Zaaktype
	case DRC:
		return "informatieobjecttype", a.Informatieobjecttype
	case BRC:
		return "besluittype", a.Besluittype
	}
	return "", ""
}

// normalised returns a copy with legacy scope labels mapped to the bare ones.
func (g Gegevens) normalised() Gegevens {
	out := g
	out.ClientIDs = slices.Clone(g.ClientIDs)
	out.Autorisaties = make([]Autorisatie, len(g.Autorisaties))
	for i, a := range g.Autorisaties {
		a.Scopes = slices.Clone(a.Scopes)
		for j, s := range a.Scopes {
			a.Scopes[j] = NormaliseScope(s)
		}
		out.Autorisaties[i] = a
	}
	return out
}

// Rights returns what an applicatie with these fields may do.
func (g Gegevens) Rights(uuid string) *Rights {
	return &Rights{ApplicatieUUID: uuid, Label: g.Label, HeeftAlleAutorisaties: g.HeeftAlleAutorisaties, Autorisaties: g.Autorisaties}
}
