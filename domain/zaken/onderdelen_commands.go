package zaken

import (
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Sub-resource commands. All of them return not-found for a missing zaak
// or sub-resource, forbidden for a closed zaak unless geforceerd (zrc-007),
// a conflict for an existing uuid on create and a validation error with
// every fault otherwise.

// AddResultaat decides the resultaat of the zaak: its resultaattype must
// belong to the zaaktype (zrc-020) and a zaak has at most one resultaat.
func (z *Zaak) AddResultaat(uuid string, g ResultaatGegevens, f Feiten, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.resultaat, uuid, g, b, z.resultaatControle(f))
}

// UpdateResultaat decides the new state of the resultaat (zrc-020).
func (z *Zaak) UpdateResultaat(uuid string, g ResultaatGegevens, f Feiten, actie string, b Bevoegdheden) ([]domain.Event, error) {
	return wijzigen(z, z.resultaat, uuid, g, actie, b, z.resultaatControle(f))
}

// DeleteResultaat decides the deletion of the resultaat.
func (z *Zaak) DeleteResultaat(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.resultaat, uuid, b)
}

func (z *Zaak) resultaatControle(f Feiten) controle[ResultaatGegevens] {
	return func(p *domain.Problems, g ResultaatGegevens, old *ResultaatGegevens) ResultaatGegevens {
		if _, ok := f.Zaaktype.Resultaattypen[g.Resultaattype]; !ok {
			p.Add("resultaattype", CodeZaaktypeMismatch, "Het resultaattype hoort niet bij het zaaktype van de zaak.")
		}
		if old == nil && z.Resultaat() != "" {
			p.Add("zaak", "unique", "De zaak heeft al een resultaat.")
		}
		maxLen(p, "toelichting", g.Toelichting, 1000)
		return g
	}
}

// AddRol decides a new rol: its roltype must belong to the zaaktype
// (zrc-019); omschrijving and omschrijvingGeneriek are copied from it and
// registratiedatum is now.
func (z *Zaak) AddRol(uuid string, g RolGegevens, f Feiten, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.rollen, uuid, g, b, z.rolControle(f))
}

// UpdateRol decides the new state of a rol (zrc-019).
func (z *Zaak) UpdateRol(uuid string, g RolGegevens, f Feiten, actie string, b Bevoegdheden) ([]domain.Event, error) {
	return wijzigen(z, z.rollen, uuid, g, actie, b, z.rolControle(f))
}

// DeleteRol decides the deletion of a rol.
func (z *Zaak) DeleteRol(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.rollen, uuid, b)
}

func (z *Zaak) rolControle(f Feiten) controle[RolGegevens] {
	return func(p *domain.Problems, g RolGegevens, old *RolGegevens) RolGegevens {
		rt, ok := f.Zaaktype.Roltypen[g.Roltype]
		if !ok {
			p.Add("roltype", CodeZaaktypeMismatch, "Het roltype hoort niet bij het zaaktype van de zaak.")
		}
		g.Omschrijving, g.OmschrijvingGeneriek = rt.Omschrijving, rt.OmschrijvingGeneriek
		if !slices.Contains([]string{"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging",
			"organisatorische_eenheid", "medewerker"}, g.BetrokkeneType) {
			p.Add("betrokkeneType", "invalid_choice", "Ongeldig betrokkeneType.")
		}
		required(p, "roltoelichting", g.Roltoelichting, 1000)
		if old != nil {
			g.Registratiedatum = old.Registratiedatum
		} else {
			g.Registratiedatum = z.clock.Now()
		}
		return g
	}
}

// AddZaakObject decides a new zaakobject; a zaakobjecttype, when given,
// must belong to the zaaktype and objectType is required.
func (z *Zaak) AddZaakObject(uuid string, g ZaakObjectGegevens, f Feiten, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.objecten, uuid, g, b, zaakObjectControle(f))
}

// UpdateZaakObject decides the new state of a zaakobject.
func (z *Zaak) UpdateZaakObject(uuid string, g ZaakObjectGegevens, f Feiten, actie string, b Bevoegdheden) ([]domain.Event, error) {
	return wijzigen(z, z.objecten, uuid, g, actie, b, zaakObjectControle(f))
}

// DeleteZaakObject decides the deletion of a zaakobject.
func (z *Zaak) DeleteZaakObject(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.objecten, uuid, b)
}

func zaakObjectControle(f Feiten) controle[ZaakObjectGegevens] {
	return func(p *domain.Problems, g ZaakObjectGegevens, _ *ZaakObjectGegevens) ZaakObjectGegevens {
		if g.Zaakobjecttype != "" && !slices.Contains(f.Zaaktype.Zaakobjecttypen, g.Zaakobjecttype) {
			p.Add("zaakobjecttype", CodeZaaktypeMismatch, "Het zaakobjecttype hoort niet bij het zaaktype van de zaak.")
		}
		if g.ObjectType == "" {
			p.Add("objectType", "required", "Dit veld is vereist.")
		}
		if g.ObjectType == "overige" && g.ObjectTypeOverige == "" && len(g.ObjectTypeOverigeDefinitie) == 0 {
			p.Add("objectTypeOverige", "required", "Bij objectType overige is objectTypeOverige vereist.")
		}
		return g
	}
}
