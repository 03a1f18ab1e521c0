package zaken

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// Validation codes of this context, as the ZGW reference implementation
// answers them in invalidParams.
const (
	nonField                     = "nonFieldErrors"
	CodeZaaktypeMismatch         = "zaaktype-mismatch"
	CodeNotPublished             = "not-published"
	CodeResultaatOntbreekt       = "resultaat-does-not-exist"
	CodeIndicatieGebruiksrecht   = "indicatiegebruiksrecht-unset"
	CodeDeelzaakAlsHoofdzaak     = "deelzaak-als-hoofdzaak"
	CodeSelfForbidden            = "self-forbidden"
	CodeBetalingNvt              = "betaling-nvt"
	CodeProductenOfDiensten      = "invalid-products-services"
	CodeDocumentsNotArchived     = "documents-not-archived"
	CodeArchiefnominatieNotSet   = "archiefnominatie-not-set"
	CodeArchiefactiedatumNotSet  = "archiefactiedatum-not-set"
	CodeWijzigenNietToegelaten   = "wijzigen-niet-toegelaten"
	CodeIdentificatieNietUniek   = "identificatie-niet-uniek"
	CodeZaakArchiefstatusInvalid = "zaak-archiefstatus-invalid"
	CodeGeslotenZaak             = "permission_denied"
	// CodeZaakMismatch: the resource belongs to another zaak (Open Zaak's
	// StatusRolValidator for a status's gezetdoor).
	CodeZaakMismatch = "zaak-mismatch"
	// CodeBrondatumOnbekend: the resultaattype's einddatumBekend demands
	// a brondatum before closing, and there is none yet.
	CodeBrondatumOnbekend = "brondatum-onbekend"
)

// validate adds every fault of g given the facts (zrc-001, zrc-009 done by
// the caller, zrc-012..015, zrc-022) to p.
func (z *Zaak) validate(p *domain.Problems, g ZaakGegevens, f Feiten) {
	required(p, "identificatie", g.Identificatie, 40)
	if !validRSIN(g.Bronorganisatie) {
		p.Add("bronorganisatie", "invalid", "Een RSIN bestaat uit 9 cijfers en voldoet aan de elfproef.")
	}
	if !validRSIN(g.VerantwoordelijkeOrganisatie) {
		p.Add("verantwoordelijkeOrganisatie", "invalid", "Een RSIN bestaat uit 9 cijfers en voldoet aan de elfproef.")
	}
	maxLen(p, "omschrijving", g.Omschrijving, 80)
	maxLen(p, "toelichting", g.Toelichting, 1000)
	if g.Startdatum.IsZero() {
		p.Add("startdatum", "required", "Dit veld is vereist.")
	}
	switch {
	case g.Zaaktype == "":
		p.Add("zaaktype", "required", "Dit veld is vereist.")
	case g.Zaaktype != f.Zaaktype.URL:
		p.Add("zaaktype", "does_not_exist", "Het zaaktype bestaat niet.")
	case f.Zaaktype.Concept:
		p.Add("zaaktype", CodeNotPublished, "Het zaaktype is nog niet gepubliceerd.")
	}
	if !g.Vertrouwelijkheidaanduiding.Valid() {
		p.Add("vertrouwelijkheidaanduiding", "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", g.Vertrouwelijkheidaanduiding))
	}
	validateGroepen(p, g)
	z.validateHoofdzaak(p, g, f)
	validateBetaling(p, g, z.clock)
	for i, pd := range g.ProductenOfDiensten {
		if !slices.Contains(f.Zaaktype.ProductenOfDiensten, pd) {
			p.Add(fmt.Sprintf("productenOfDiensten.%d", i), CodeProductenOfDiensten,
				"Alleen producten en diensten van het zaaktype zijn toegestaan.")
		}
	}
	if g.Archiefnominatie != "" && !g.Archiefnominatie.Valid() {
		p.Add("archiefnominatie", "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", g.Archiefnominatie))
	}
	z.validateArchiefstatus(p, g, f)
}

// validateGroepen checks the gegevensgroepen that were sent (zrc-012).
func validateGroepen(p *domain.Problems, g ZaakGegevens) {
	if v := g.Verlenging; v != nil {
		required(p, "verlenging.reden", v.Reden, 200)
		if !catalogi.ValidDuur(v.Duur) {
			p.Add("verlenging.duur", "invalid", "Een ISO-8601-duur is vereist.")
		}
	}
	if o := g.Opschorting; o != nil {
		if o.Indicatie {
			required(p, "opschorting.reden", o.Reden, 200)
		}
		maxLen(p, "opschorting.reden", o.Reden, 200)
	}
	if po := g.Processobject; po != nil && *po != (Processobject{}) {
		required(p, "processobject.datumkenmerk", po.Datumkenmerk, 250)
		required(p, "processobject.identificatie", po.Identificatie, 250)
		required(p, "processobject.objecttype", po.Objecttype, 250)
		required(p, "processobject.registratie", po.Registratie, 250)
	}
	for i, r := range g.RelevanteAndereZaken {
		if r.URL == "" {
			p.Add(fmt.Sprintf("relevanteAndereZaken.%d.url", i), "required", "Dit veld is vereist.")
		}
		if !slices.Contains([]string{"vervolg", "onderwerp", "bijdrage"}, r.AardRelatie) {
			p.Add(fmt.Sprintf("relevanteAndereZaken.%d.aardRelatie", i), "invalid_choice", "Ongeldige aardRelatie.")
		}
	}
}

// validateHoofdzaak applies zrc-013 to the resolved hoofdzaak.
func (z *Zaak) validateHoofdzaak(p *domain.Problems, g ZaakGegevens, f Feiten) {
	switch h := f.Hoofdzaak; {
	case g.Hoofdzaak == "":
	case h == nil:
		p.Add("hoofdzaak", "does_not_exist", "De hoofdzaak bestaat niet.")
	case h.UUID == z.uuid:
		p.Add("hoofdzaak", CodeSelfForbidden, "Een zaak mag niet zijn eigen hoofdzaak zijn.")
	case h.IsDeelzaak:
		p.Add("hoofdzaak", CodeDeelzaakAlsHoofdzaak, "Een deelzaak kan geen hoofdzaak zijn.")
	}
}

// validateBetaling applies zrc-014.
func validateBetaling(p *domain.Problems, g ZaakGegevens, clock domain.Clock) {
	if !g.Betalingsindicatie.Valid() {
		p.Add("betalingsindicatie", "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", g.Betalingsindicatie))
	}
	if g.LaatsteBetaaldatum == nil {
		return
	}
	if g.Betalingsindicatie == BetalingNvt {
		p.Add("laatsteBetaaldatum", CodeBetalingNvt,
			"Laatste betaaldatum kan niet gezet worden als er geen betaling nodig is.")
	}
	if g.LaatsteBetaaldatum.After(clock.Now()) {
		p.Add("laatsteBetaaldatum", "date-in-future", "Deze datum mag niet in de toekomst liggen.")
	}
}

// validateArchiefstatus applies zrc-022: archiving needs archived documents
// and both archiving parameters.
func (z *Zaak) validateArchiefstatus(p *domain.Problems, g ZaakGegevens, f Feiten) {
	if !g.Archiefstatus.Valid() {
		p.Add("archiefstatus", "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", g.Archiefstatus))
		return
	}
	if g.Archiefstatus == NogTeArchiveren {
		return
	}
	if g.Archiefnominatie == "" {
		p.Add("archiefnominatie", CodeArchiefnominatieNotSet, "Archiefnominatie moet gezet zijn om te archiveren.")
	}
	if g.Archiefactiedatum.IsZero() {
		p.Add("archiefactiedatum", CodeArchiefactiedatumNotSet, "Archiefactiedatum moet gezet zijn om te archiveren.")
	}
	for _, io := range z.Informatieobjecten() {
		if feit, ok := f.Informatieobjecten[io]; !ok || feit.Status != "gearchiveerd" {
			p.Add("archiefstatus", CodeDocumentsNotArchived,
				fmt.Sprintf("Informatieobject %q heeft niet de status gearchiveerd.", io))
		}
	}
}

func required(p *domain.Problems, field, v string, n int) {
	if v == "" {
		p.Add(field, "required", "Dit veld is vereist.")
		return
	}
	maxLen(p, field, v, n)
}

func maxLen(p *domain.Problems, field, v string, n int) {
	if utf8.RuneCountInString(v) > n {
		p.Add(field, "max_length", fmt.Sprintf("Maximaal %d tekens.", n))
	}
}

// validRSIN reports whether s is nine digits passing the elfproef.
func validRSIN(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum := 0
	for i, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		sum += w * int(r-'0')
	}
	return sum%11 == 0
}
