package catalogi

import "fmt"

// Verwijzing is what the command handler found behind one reference to
// another type of the catalogue (a besluittype, an informatieobjecttype, a
// deelzaaktype): the catalogus it belongs to and whether it is still a
// concept. Under the 1.3.1 historiemodel a reference names all versions of
// a type (by omschrijving or identificatie); Concept is then false as soon
// as one version is published.
type Verwijzing struct {
	Catalogus string
	Concept   bool
}

// Verwijzingen maps each reference, exactly as it appears in the fields, to
// what it resolved to. A reference the handler could not resolve is simply
// absent, and the domain reports it as does_not_exist.
type Verwijzingen map[string]Verwijzing

// checkCatalogus reports every reference of field that does not resolve or
// lies in another catalogus (ztc-013).
func (v Verwijzingen) checkCatalogus(c check, field string, refs []string, catalogus string) {
	for i, ref := range refs {
		name := fmt.Sprintf("%s.%d", field, i)
		got, ok := v[ref]
		switch {
		case !ok:
			c.add(name, CodeDoesNotExist, fmt.Sprintf("%q bestaat niet in deze catalogus.", ref))
		case got.Catalogus != catalogus:
			c.add(name, CodeCatalogusMismatch, fmt.Sprintf("%q hoort bij een andere catalogus.", ref))
		}
	}
}

// SelectielijstResultaat is a resultaat of the Selectielijst API as the
// command handler fetched it for a resultaattype's selectielijstklasse.
type SelectielijstResultaat struct {
	URL           string
	ProcestypeURL string
	Waardering    string // vernietigen | blijvend_bewaren
	Procestermijn string // nihil | ingeschatte_bestaansduur_procesobject | ... | ""
	Bewaartermijn string // ISO-8601 duration or ""
}

// ResultaattypeFeiten are the facts a resultaattype decision needs.
type ResultaattypeFeiten struct {
	// Selectielijstklasse is the resolved selectielijstklasse (ztc-002).
	Selectielijstklasse SelectielijstResultaat
	// OmschrijvingGeneriek is the omschrijving of the resolved
	// resultaattypeomschrijving, exposed read-only on the resultaattype.
	OmschrijvingGeneriek string
	// Besluittypen and Informatieobjecttypen resolve the resultaattype's
	// references of the same names.
	Besluittypen          Verwijzingen
	Informatieobjecttypen Verwijzingen
}

// ZaaktypeFeiten are the facts a zaaktype create or update needs.
type ZaaktypeFeiten struct {
	Besluittypen  Verwijzingen
	Deelzaaktypen Verwijzingen
}

// PublicatieFeiten are the facts publishing a zaaktype needs (ztc-012): for
// every besluittype of the zaaktype and every informatieobjecttype of its
// zaaktype-informatieobjecttypen, whether it is still a concept. See
// Zaaktype.Relaties for the references to resolve.
type PublicatieFeiten struct {
	Besluittypen          Verwijzingen
	Informatieobjecttypen Verwijzingen
}

// resolve reports a single reference of field that does not resolve or
// lies in another catalogus, and returns what it resolved to.
func (v Verwijzingen) resolve(c check, field, ref, catalogus string) (Verwijzing, bool) {
	got, ok := v[ref]
	switch {
	case ref == "":
		return got, false
	case !ok:
		c.add(field, CodeDoesNotExist, fmt.Sprintf("%q bestaat niet in deze catalogus.", ref))
	case got.Catalogus != catalogus:
		c.add(field, CodeCatalogusMismatch, fmt.Sprintf("%q hoort bij een andere catalogus.", ref))
		return got, false
	}
	return got, ok
}
