package zaken

import (
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// Create decides the creation of a zaak. The identificatie must already be
// reserved (zrc-002, see IdentificatieReservering). It returns a conflict
// when the zaak exists and a validation error listing every fault:
// zaaktype not the resolved one or still a concept (zrc-001), the
// gegevensgroepen (zrc-012), hoofdzaak (zrc-013), betaling (zrc-014),
// productenOfDiensten (zrc-015) and archiefstatus (zrc-022). An absent
// vertrouwelijkheidaanduiding is copied from the zaaktype (zrc-009),
// registratiedatum defaults to today and archiefstatus to
// nog_te_archiveren. Einddatum is derived, never taken from the client.
func (z *Zaak) Create(g ZaakGegevens, f Feiten) ([]domain.Event, error) {
	if z.exists {
		return nil, domain.Conflict("conflict", "De zaak bestaat al.")
	}
	g = z.defaults(g, f)
	g.Einddatum = Date{}
	var p domain.Problems
	z.validate(&p, g, f)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return z.emit(ZaakAangemaakt{Zaak: z.uuid, Kanaal: kanaalVan(g), ZaakGegevens: g}), nil
}

// Update decides a PUT (actie "update") or PATCH ("partial_update") with
// the complete new fields, merged by the caller. A closed zaak changes
// only when geforceerd (zrc-007, forbidden otherwise). The identificatie
// and bronorganisatie never change (wijzigen-niet-toegelaten); the
// zaaktype may (1.5.0). Changing betalingsindicatie to nvt without
// touching laatsteBetaaldatum clears it (zrc-014). The other rules are
// those of Create.
func (z *Zaak) Update(g ZaakGegevens, f Feiten, actie string, b Bevoegdheden) ([]domain.Event, error) {
	if err := z.mayChange(b); err != nil {
		return nil, err
	}
	old := z.gegevens
	g = z.defaults(g, f)
	g.Einddatum = old.Einddatum
	if g.Betalingsindicatie == BetalingNvt && old.Betalingsindicatie != BetalingNvt &&
		sameTime(g.LaatsteBetaaldatum, old.LaatsteBetaaldatum) {
		g.LaatsteBetaaldatum = nil
	}
	var p domain.Problems
	if g.Identificatie != old.Identificatie {
		p.Add("identificatie", CodeWijzigenNietToegelaten, "De identificatie mag niet gewijzigd worden.")
	}
	if g.Bronorganisatie != old.Bronorganisatie {
		p.Add("bronorganisatie", CodeWijzigenNietToegelaten, "De bronorganisatie mag niet gewijzigd worden.")
	}
	z.validate(&p, g, f)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return z.emit(ZaakGewijzigd{Zaak: z.uuid, Kanaal: kanaalVan(g), Actie: actie,
		Geforceerd: z.IsAfgesloten(), ZaakGegevens: g}), nil
}

// Delete decides the hard delete of the zaak with all its sub-resources
// in one event (zrc-023); deleting its deelzaken is the handler's work on
// their own streams. A closed zaak is deleted only when geforceerd.
func (z *Zaak) Delete(b Bevoegdheden) ([]domain.Event, error) {
	if err := z.mayChange(b); err != nil {
		return nil, err
	}
	e := ZaakVerwijderd{Zaak: z.uuid, Kanaal: z.kanaal(), Identificatie: z.gegevens.Identificatie,
		Hoofdzaak: z.gegevens.Hoofdzaak, Informatieobjecten: z.Informatieobjecten(), Geforceerd: z.IsAfgesloten()}
	if e.Informatieobjecten == nil {
		e.Informatieobjecten = []string{}
	}
	return z.emit(e), nil
}

// defaults fills what the registry supplies when the client did not.
func (z *Zaak) defaults(g ZaakGegevens, f Feiten) ZaakGegevens {
	if g.Vertrouwelijkheidaanduiding == "" {
		g.Vertrouwelijkheidaanduiding = f.Zaaktype.Vertrouwelijkheidaanduiding
	}
	if g.Registratiedatum.IsZero() {
		g.Registratiedatum = catalogi.Today(z.clock, nil)
	}
	if g.Archiefstatus == "" {
		g.Archiefstatus = NogTeArchiveren
	}
	return g.normalised()
}

// mayChange returns not-found for a zaak that does not exist and forbidden
// for a closed one without geforceerd (zrc-007).
func (z *Zaak) mayChange(b Bevoegdheden) error {
	if !z.exists {
		return domain.NotFound("De zaak bestaat niet.")
	}
	if z.IsAfgesloten() && !b.Geforceerd {
		return domain.Forbidden(CodeGeslotenZaak,
			"De zaak is afgesloten; wijzigen vereist de scope zaken.geforceerd-bijwerken.")
	}
	return nil
}

func kanaalVan(g ZaakGegevens) Kanaal {
	return Kanaal{Bronorganisatie: g.Bronorganisatie, Zaaktype: g.Zaaktype,
		Vertrouwelijkheidaanduiding: g.Vertrouwelijkheidaanduiding}
}

// sameTime reports whether a and b are both nil or the same instant.
func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
