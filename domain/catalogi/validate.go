package catalogi

import (
	"fmt"
	"unicode/utf8"

	"github.com/zaakregister/zaakregister/domain"
)

// Error codes this package uses beyond the generic ones ("required",
// "max_length", "invalid", "invalid_choice", "unique"). Where Open Zaak
// (the reference most clients were written against) has a code for the same
// rule, it is that code.
const (
	CodeNonConceptObject       = "non-concept-object"                        // ztc-009
	CodeNonConceptZaaktype     = "non-concept-zaaktype"                      // ztc-010
	CodeNonConceptRelation     = "non-concept-relation"                      // ztc-010, zaaktype-informatieobjecttype
	CodeConceptRelation        = "concept-relation"                          // ztc-012
	CodeOverlap                = "overlap"                                   // ztc-016
	CodeProcestypeMismatch     = "procestype-mismatch"                       // ztc-002
	CodeAfleidingswijze        = "invalid-afleidingswijze-for-procestermijn" // ztc-003
	CodeMustBeEmpty            = "must-be-empty"                             // ztc-004..008
	CodeDateMismatch           = "date-mismatch"                             // eindeGeldigheid before beginGeldigheid
	CodeCatalogusMismatch      = "relations-incorrect-catalogus"             // ztc-013
	CodeZaaktypeMismatch       = "relations-incorrect-zaaktype"
	CodeVerlengingMismatch     = "verlenging-mismatch"
	CodeBronzaaktype           = "invalid-bronzaaktype-for-broncatalogus"
	CodeWijzigenNietToegelaten = "wijzigen-niet-toegelaten"
	CodeDoesNotExist           = "does_not_exist"
)

// nonField is the invalidParams name of object-level faults.
const nonField = "nonFieldErrors"

// check adds field faults to Problems under a camelCase path prefix.
type check struct {
	p      *domain.Problems
	prefix string
}

func (c check) name(field string) string {
	if c.prefix == "" {
		return field
	}
	return c.prefix + "." + field
}

func (c check) at(prefix string) check { return check{p: c.p, prefix: c.name(prefix)} }

func (c check) add(field, code, reason string) { c.p.Add(c.name(field), code, reason) }

// required reports a missing value and returns whether one is present.
func (c check) required(field, v string) bool {
	if v == "" {
		c.add(field, "required", "Dit veld is vereist.")
		return false
	}
	return true
}

// text checks the length of an optional text; required texts call required first.
func (c check) text(field, v string, maxLen int) {
	if utf8.RuneCountInString(v) > maxLen {
		c.add(field, "max_length", fmt.Sprintf("Zorg ervoor dat dit veld niet meer dan %d karakters bevat.", maxLen))
	}
}

// requiredText is required followed by text.
func (c check) requiredText(field, v string, maxLen int) {
	if c.required(field, v) {
		c.text(field, v, maxLen)
	}
}

// url checks an optional absolute http(s) URL of at most maxLen characters.
func (c check) url(field, v string, maxLen int) {
	if v == "" {
		return
	}
	if code := domain.RefFault(v); code != "" {
		c.add(field, code, "Voer een geldige URL in.")
		return
	}
	c.text(field, v, maxLen)
}

// duur checks an optional ISO-8601 duration.
func (c check) duur(field, v string) {
	if v != "" && !ValidDuur(v) {
		c.add(field, "invalid", "Ongeldige duur: gebruik ISO-8601, bijvoorbeeld P30D of P1Y.")
	}
}

// choice checks an optional enum value.
func (c check) choice(field, v string, ok bool) {
	if v != "" && !ok {
		c.add(field, "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", v))
	}
}

// geldigheid checks that einde is not before begin.
func (c check) geldigheid(begin, einde Date) {
	if !begin.IsZero() && !einde.IsZero() && einde.Before(begin) {
		c.add("eindeGeldigheid", CodeDateMismatch, "eindeGeldigheid mag niet voor beginGeldigheid liggen.")
	}
}

// list checks each item of a list of texts.
func (c check) list(field string, items []string, maxLen int, isURL bool) {
	for i, v := range items {
		f := fmt.Sprintf("%s.%d", field, i)
		switch {
		case v == "":
			c.add(f, "blank", "Dit veld mag niet leeg zijn.")
		case isURL:
			c.url(f, v, maxLen)
		default:
			c.text(f, v, maxLen)
		}
	}
}
