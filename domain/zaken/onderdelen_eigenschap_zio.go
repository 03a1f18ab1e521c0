package zaken

import (
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// CodeMissingZiotRelation is the zrc-017 code: the document's
// informatieobjecttype is not one of the zaaktype.
const CodeMissingZiotRelation = "missing-zaaktype-informatieobjecttype-relation"

// AddZaakEigenschap decides a new zaakeigenschap: its eigenschap must
// belong to the zaaktype (zrc-018) and its naam is copied from it.
func (z *Zaak) AddZaakEigenschap(uuid string, g ZaakEigenschapGegevens, f Feiten, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.eigensch, uuid, g, b, zaakEigenschapControle(f))
}

// UpdateZaakEigenschap decides the new state of a zaakeigenschap (zrc-018).
func (z *Zaak) UpdateZaakEigenschap(uuid string, g ZaakEigenschapGegevens, f Feiten, actie string, b Bevoegdheden) ([]domain.Event, error) {
	return wijzigen(z, z.eigensch, uuid, g, actie, b, zaakEigenschapControle(f))
}

// DeleteZaakEigenschap decides the deletion of a zaakeigenschap.
func (z *Zaak) DeleteZaakEigenschap(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.eigensch, uuid, b)
}

func zaakEigenschapControle(f Feiten) controle[ZaakEigenschapGegevens] {
	return func(p *domain.Problems, g ZaakEigenschapGegevens, _ *ZaakEigenschapGegevens) ZaakEigenschapGegevens {
		e, ok := f.Zaaktype.Eigenschappen[g.Eigenschap]
		if !ok {
			p.Add("eigenschap", CodeZaaktypeMismatch, "De eigenschap hoort niet bij het zaaktype van de zaak.")
		}
		g.Naam = e.Naam
		if g.Waarde == "" {
			p.Add("waarde", "required", "Dit veld is vereist.")
		}
		return g
	}
}

// AddZaakInformatieObject decides a new zaakinformatieobject. The
// informatieobject must resolve (zrc-003) to a document whose
// informatieobjecttype belongs to the zaaktype (zrc-017), be linked once
// and the zaak must still be nog_te_archiveren (zrc-005). Registratiedatum
// is now. The handler mirrors the relation in the Documenten API.
func (z *Zaak) AddZaakInformatieObject(uuid string, g ZaakInformatieObjectGegevens, f Feiten, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.zios, uuid, g, b, z.zioControle(f))
}

// UpdateZaakInformatieObject decides the new state of a
// zaakinformatieobject; its informatieobject never changes (zrc-004).
func (z *Zaak) UpdateZaakInformatieObject(uuid string, g ZaakInformatieObjectGegevens, f Feiten, actie string, b Bevoegdheden) ([]domain.Event, error) {
	return wijzigen(z, z.zios, uuid, g, actie, b, z.zioControle(f))
}

// DeleteZaakInformatieObject decides the deletion of a
// zaakinformatieobject; the event carries the informatieobject so the
// handler can drop the mirrored relation (zrc-005).
func (z *Zaak) DeleteZaakInformatieObject(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.zios, uuid, b)
}

func (z *Zaak) zioControle(f Feiten) controle[ZaakInformatieObjectGegevens] {
	return func(p *domain.Problems, g ZaakInformatieObjectGegevens, old *ZaakInformatieObjectGegevens) ZaakInformatieObjectGegevens {
		if old != nil {
			if g.Informatieobject != old.Informatieobject {
				p.Add("informatieobject", CodeWijzigenNietToegelaten, "Het informatieobject mag niet gewijzigd worden.")
			}
			g.Registratiedatum = old.Registratiedatum
			return g
		}
		g.Registratiedatum = z.clock.Now()
		io, ok := f.Informatieobjecten[g.Informatieobject]
		switch {
		case g.Informatieobject == "":
			p.Add("informatieobject", "required", "Dit veld is vereist.")
		case !ok:
			p.Add("informatieobject", "does_not_exist", "Het informatieobject bestaat niet.")
		case !slices.Contains(f.Zaaktype.Informatieobjecttypen, io.Informatieobjecttype):
			p.Add(nonField, CodeMissingZiotRelation,
				"Het informatieobjecttype hoort niet bij het zaaktype van de zaak.")
		}
		if slices.Contains(z.Informatieobjecten(), g.Informatieobject) {
			p.Add(nonField, "unique", "Dit informatieobject is al aan de zaak gekoppeld.")
		}
		if z.gegevens.Archiefstatus != NogTeArchiveren {
			p.Add(nonField, CodeZaakArchiefstatusInvalid, "De zaak is al gearchiveerd.")
		}
		return g
	}
}
