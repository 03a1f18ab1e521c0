package zaken

import (
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// AddStatus decides a new status. The statustype must be one of the
// zaaktype (zrc-016); gezetdoor, when given, must be a rol of this zaak
// that exists (bad-url otherwise, zaak-mismatch for a rol of another
// zaak); these faults are reported at once. With the eindstatus the zaak
// closes (zrc-007): it needs a resultaat and every linked document must
// have indicatieGebruiksrecht set (both reported at once), einddatum
// becomes the date of datumStatusGezet and the archiving parameters are
// derived (zrc-021); a ZaakAfgesloten follows the StatusAangemaakt. A non-eind
// status on a closed zaak reopens it and needs Heropenen (zrc-008, else
// forbidden); a ZaakHeropend with einddatum, archiefnominatie and
// archiefactiedatum cleared follows. An eindstatus on a closed zaak needs
// Geforceerd.
func (z *Zaak) AddStatus(uuid string, g StatusGegevens, f Feiten, b Bevoegdheden) ([]domain.Event, error) {
	if !z.exists {
		return nil, domain.NotFound("De zaak bestaat niet.")
	}
	if _, dup := z.statussen[uuid]; dup {
		return nil, domain.Conflict("conflict", "De status bestaat al.")
	}
	var p domain.Problems
	st, ok := f.Zaaktype.Statustypen[g.Statustype]
	if !ok {
		p.Add("statustype", CodeZaaktypeMismatch, "Het statustype hoort niet bij het zaaktype van de zaak.")
	}
	if g.DatumStatusGezet.IsZero() {
		p.Add("datumStatusGezet", "required", "Dit veld is vereist.")
	}
	z.validateGezetdoor(&p, g.Gezetdoor, f.Gezetdoor)
	if err := p.Err(); err != nil {
		return nil, err
	}
	switch {
	case z.IsAfgesloten() && !st.Eindstatus && !b.Heropenen:
		return nil, domain.Forbidden(CodeGeslotenZaak,
			"De zaak is afgesloten; heropenen vereist de scope zaken.heropenen.")
	case z.IsAfgesloten() && st.Eindstatus && !b.Geforceerd:
		return nil, domain.Forbidden(CodeGeslotenZaak,
			"De zaak is afgesloten; wijzigen vereist de scope zaken.geforceerd-bijwerken.")
	}
	g.IndicatieLaatstGezetteStatus = true
	status := StatusAangemaakt{Zaak: z.uuid, Kanaal: z.kanaal(), UUID: uuid, Gegevens: g}
	switch {
	case st.Eindstatus:
		zaak, err := z.afsluiten(g, f)
		if err != nil {
			return nil, err
		}
		return z.emit(status, ZaakAfgesloten{Zaak: z.uuid, Kanaal: z.kanaal(), Status: uuid, ZaakGegevens: zaak}), nil
	case z.IsAfgesloten():
		zaak := z.gegevens
		zaak.Einddatum, zaak.Archiefnominatie, zaak.Archiefactiedatum = Date{}, "", Date{}
		return z.emit(status, ZaakHeropend{Zaak: z.uuid, Kanaal: z.kanaal(), Status: uuid, ZaakGegevens: zaak}), nil
	}
	return z.emit(status), nil
}

// validateGezetdoor checks the gezetdoor URL of a new status against r, the
// rol the handler found there: a rol of another zaak is zaak-mismatch; no
// rol, or one this zaak no longer has, is bad-url. A rol that is gone
// would break every expand of status.gezetdoor.
func (z *Zaak) validateGezetdoor(p *domain.Problems, url string, r *RolFeit) {
	const reden = "De URL is geen bestaande rol van deze Zaken API."
	switch {
	case url == "":
	case r == nil:
		p.Add("gezetdoor", domain.CodeBadURL, reden)
	case r.Zaak != z.uuid:
		p.Add("gezetdoor", CodeZaakMismatch, "De rol hoort niet bij de zaak van de status.")
	default:
		if _, ok := z.rollen[r.UUID]; !ok {
			p.Add("gezetdoor", domain.CodeBadURL, reden)
		}
	}
}

// afsluiten checks the closing preconditions and returns the closed zaak's
// fields (zrc-007, zrc-021).
func (z *Zaak) afsluiten(s StatusGegevens, f Feiten) (ZaakGegevens, error) {
	var p domain.Problems
	resultaat, ok := z.resultaat[z.Resultaat()]
	if !ok {
		p.Add(nonField, CodeResultaatOntbreekt, "De zaak heeft geen resultaat; een eindstatus zetten kan niet.")
	}
	for _, io := range z.Informatieobjecten() {
		if feit, ok := f.Informatieobjecten[io]; !ok || feit.IndicatieGebruiksrecht == nil {
			p.Add(nonField, CodeIndicatieGebruiksrecht,
				fmt.Sprintf("Informatieobject %q heeft geen indicatieGebruiksrecht.", io))
		}
	}
	rt, known := f.Zaaktype.Resultaattypen[resultaat.Resultaattype]
	if ok && !known {
		p.Add(nonField, CodeZaaktypeMismatch, "Het resultaattype van de zaak hoort niet bij het zaaktype.")
	}
	if err := p.Err(); err != nil {
		return ZaakGegevens{}, err
	}
	g := z.gegevens
	g.Einddatum = catalogi.DateOf(s.DatumStatusGezet)
	if b := rt.BrondatumArchiefprocedure; b.EinddatumBekend && z.brondatum(g, b, f).IsZero() {
		return ZaakGegevens{}, domain.Invalid(nonField, CodeBrondatumOnbekend,
			"De einddatum van het procesobject moet bekend zijn voordat de zaak afgesloten kan worden (einddatumBekend).")
	}
	if g.Archiefnominatie == "" {
		g.Archiefnominatie = rt.Archiefnominatie
	}
	if g.Archiefactiedatum.IsZero() {
		g.Archiefactiedatum = z.archiefactiedatum(g, rt, f)
	}
	if g.StartdatumBewaartermijn.IsZero() {
		g.StartdatumBewaartermijn = z.startdatumBewaartermijn(g, rt, f)
	}
	return g, nil
}

// ResultaatGegevens returns the resultaat of the zaak, if it has one; the
// handler reads its resultaattype to know which facts closing needs.
func (z *Zaak) ResultaatGegevens() (ResultaatGegevens, bool) {
	g, ok := z.resultaat[z.Resultaat()]
	return g, ok
}
