package catalogi

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
)

// The actie of an update, as the audit trail names it.
const (
	ActieUpdate        = "update"         // PUT
	ActiePartialUpdate = "partial_update" // PATCH
)

// mayChangePublished decides ztc-009 for an update of a zaaktype,
// informatieobjecttype or besluittype: a concept may always change; a
// published one only by a PATCH that changes nothing but eindeGeldigheid,
// or as a correctie by a principal with catalogi.geforceerd-schrijven.
// It reports whether the change is such a correctie.
func mayChangePublished(concept bool, actie string, alleenEinde, geforceerd bool) (correctie bool, err error) {
	switch {
	case concept:
		return false, nil
	case actie == ActiePartialUpdate && alleenEinde:
		return false, nil
	case geforceerd:
		return true, nil
	}
	return false, domain.Invalid(nonField, CodeNonConceptObject,
		"Het is niet toegestaan om een gepubliceerd object bij te werken, behalve alleen eindeGeldigheid.")
}

// mayDeletePublished decides ztc-009 for a delete: only concepts, unless
// the principal holds catalogi.geforceerd-verwijderen.
func mayDeletePublished(concept, geforceerd bool) error {
	if concept || geforceerd {
		return nil
	}
	return domain.Invalid(nonField, CodeNonConceptObject, "Alleen concepten kunnen worden verwijderd.")
}

// sameJSON reports whether a and b encode to the same JSON; the Gegevens
// types are plain data with normalised lists, so this is their equality.
func sameJSON(a, b any) bool {
	x, errX := json.Marshal(a)
	y, errY := json.Marshal(b)
	return errX == nil && errY == nil && bytes.Equal(x, y)
}

// Periode is a validity period, both ends inclusive; a zero Einde is open.
type Periode struct {
	Begin Date `json:"beginGeldigheid"`
	Einde Date `json:"eindeGeldigheid"`
}

// Overlapt reports whether p and q share at least one day.
func (p Periode) Overlapt(q Periode) bool {
	return (p.Einde.IsZero() || !q.Begin.After(p.Einde)) && (q.Einde.IsZero() || !p.Begin.After(q.Einde))
}

// Bevat reports whether d lies within p.
func (p Periode) Bevat(d Date) bool {
	return !d.Before(p.Begin) && (p.Einde.IsZero() || !d.After(p.Einde))
}

// checkUpdate applies the ztc-009 terms of an update of a type with a
// Versies key (identificatie or omschrijving): the catalogus never changes,
// the key of a published version neither, and a published version changes
// only as mayChangePublished allows. alleenEinde is asked lazily.
func checkUpdate(concept bool, actie string, geforceerd bool, oudCatalogus, nieuwCatalogus,
	sleutelVeld, oudeSleutel, nieuweSleutel string, alleenEinde func() bool) (correctie bool, err error) {
	if nieuwCatalogus != oudCatalogus {
		return false, domain.Invalid("catalogus", CodeWijzigenNietToegelaten, "De catalogus kan niet wijzigen.")
	}
	if correctie, err = mayChangePublished(concept, actie, alleenEinde(), geforceerd); err != nil {
		return false, err
	}
	if !concept && nieuweSleutel != oudeSleutel {
		return false, domain.Invalid(sleutelVeld, CodeWijzigenNietToegelaten,
			"Dit veld van een gepubliceerde versie kan niet wijzigen; maak een nieuwe versie.")
	}
	return correctie, nil
}

// checkEinde refuses an eindeGeldigheid before the beginGeldigheid.
func checkEinde(begin, einde Date) error {
	if !einde.IsZero() && einde.Before(begin) {
		return domain.Invalid("eindeGeldigheid", CodeDateMismatch,
			fmt.Sprintf("eindeGeldigheid %s ligt voor beginGeldigheid %s.", einde, begin))
	}
	return nil
}
