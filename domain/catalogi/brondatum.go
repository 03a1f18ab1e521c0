package catalogi

import (
	"fmt"
	"slices"
)

// BrondatumArchiefprocedure specifies how the brondatum of the
// archiefactietermijn of a zaak with this resultaattype is found (zrc-021).
type BrondatumArchiefprocedure struct {
	Afleidingswijze Afleidingswijze `json:"afleidingswijze"`
	Datumkenmerk    string          `json:"datumkenmerk"`
	EinddatumBekend bool            `json:"einddatumBekend"`
	Objecttype      string          `json:"objecttype" ref:"url"`
	Registratie     string          `json:"registratie"`
	Procestermijn   string          `json:"procestermijn"`
}

// brondatumVelden says per afleidingswijze which fields must be filled
// (true) and which must stay empty (false); a field not listed is free.
// ztc-004 datumkenmerk, ztc-005 einddatumBekend, ztc-006 objecttype,
// ztc-007 registratie, ztc-008 procestermijn.
var brondatumVelden = map[Afleidingswijze]map[string]bool{
	Afgehandeld:         {"procestermijn": false, "datumkenmerk": false, "einddatumBekend": false, "objecttype": false, "registratie": false},
	AnderDatumkenmerk:   {"procestermijn": false, "datumkenmerk": true, "objecttype": true, "registratie": true},
	EigenschapAfleiding: {"procestermijn": false, "datumkenmerk": true, "objecttype": false, "registratie": false},
	GerelateerdeZaak:    {"procestermijn": false, "datumkenmerk": false, "objecttype": false, "registratie": false},
	Hoofdzaak:           {"procestermijn": false, "datumkenmerk": false, "objecttype": false, "registratie": false},
	IngangsdatumBesluit: {"procestermijn": false, "datumkenmerk": false, "objecttype": false, "registratie": false},
	Termijn:             {"procestermijn": true, "datumkenmerk": false, "einddatumBekend": false, "objecttype": false, "registratie": false},
	VervaldatumBesluit:  {"procestermijn": false, "datumkenmerk": false, "objecttype": false, "registratie": false},
	ZaakobjectAfleiding: {"procestermijn": false, "datumkenmerk": true, "objecttype": true, "registratie": false},
}

// validate checks the fields and ztc-004..008 under the path c carries
// ("brondatumArchiefprocedure").
func (b BrondatumArchiefprocedure) validate(c check) {
	if !c.required("afleidingswijze", string(b.Afleidingswijze)) {
		return
	}
	if !b.Afleidingswijze.Valid() {
		c.choice("afleidingswijze", string(b.Afleidingswijze), false)
		return
	}
	c.text("datumkenmerk", b.Datumkenmerk, 80)
	c.choice("objecttype", b.Objecttype, slices.Contains(Objecttypen, b.Objecttype))
	c.text("registratie", b.Registratie, 80)
	c.duur("procestermijn", b.Procestermijn)
	gevuld := map[string]bool{
		"procestermijn":   b.Procestermijn != "",
		"datumkenmerk":    b.Datumkenmerk != "",
		"einddatumBekend": b.EinddatumBekend,
		"objecttype":      b.Objecttype != "",
		"registratie":     b.Registratie != "",
	}
	regels := brondatumVelden[b.Afleidingswijze]
	for _, veld := range []string{"procestermijn", "datumkenmerk", "einddatumBekend", "objecttype", "registratie"} {
		moet, geregeld := regels[veld]
		switch {
		case !geregeld || gevuld[veld] == moet:
		case moet:
			c.add(veld, "required", fmt.Sprintf("Dit veld is vereist voor afleidingswijze %q.", b.Afleidingswijze))
		default:
			c.add(veld, CodeMustBeEmpty, fmt.Sprintf("Dit veld moet leeg zijn voor afleidingswijze %q.", b.Afleidingswijze))
		}
	}
}

// checkProcestermijn decides ztc-003: the afleidingswijze must be
// afgehandeld for selectielijst procestermijn nihil and termijn for
// ingeschatte_bestaansduur_procesobject; like Open Zaak, afgehandeld is
// refused for any other procestermijn. Without a procestermijn anything
// goes.
func (b BrondatumArchiefprocedure) checkProcestermijn(c check, procestermijn string) {
	var want Afleidingswijze
	switch {
	case procestermijn == "":
		return
	case procestermijn == ProcestermijnNihil:
		want = Afgehandeld
	case procestermijn == ProcestermijnIngeschatteBestaansduurObject:
		want = Termijn
	case b.Afleidingswijze == Afgehandeld:
		c.add("afleidingswijze", CodeAfleidingswijze,
			fmt.Sprintf("afleidingswijze kan niet %q zijn als selectielijstklasse.procestermijn %q is.", Afgehandeld, procestermijn))
		return
	default:
		return
	}
	if b.Afleidingswijze != want {
		c.add("afleidingswijze", CodeAfleidingswijze,
			fmt.Sprintf("afleidingswijze moet %q zijn als selectielijstklasse.procestermijn %q is.", want, procestermijn))
	}
}
