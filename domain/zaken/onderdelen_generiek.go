package zaken

import (
	"github.com/zaakregister/zaakregister/domain"
)

// controle checks the new fields g of a sub-resource (old is nil on
// create), adds its faults to p and returns g with the derived fields set.
type controle[G onderdeel] func(p *domain.Problems, g G, old *G) G

// aanmaken decides a new sub-resource uuid in m: the zaak must exist and
// be open or the change geforceerd (zrc-007); uuid must be new.
func aanmaken[G onderdeel](z *Zaak, m map[string]G, uuid string, g G, b Bevoegdheden, check controle[G]) ([]domain.Event, error) {
	if err := z.mayChange(b); err != nil {
		return nil, err
	}
	if _, dup := m[uuid]; dup {
		return nil, domain.Conflict("conflict", "Het object bestaat al.")
	}
	var p domain.Problems
	g = check(&p, g, nil)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return z.emit(OnderdeelAangemaakt[G]{Zaak: z.uuid, Kanaal: z.kanaal(), UUID: uuid, Gegevens: g}), nil
}

// wijzigen decides the complete new state of sub-resource uuid of m.
func wijzigen[G onderdeel](z *Zaak, m map[string]G, uuid string, g G, actie string, b Bevoegdheden, check controle[G]) ([]domain.Event, error) {
	if err := z.mayChange(b); err != nil {
		return nil, err
	}
	old, ok := m[uuid]
	if !ok {
		return nil, domain.NotFound("Het object bestaat niet.")
	}
	var p domain.Problems
	g = check(&p, g, &old)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return z.emit(OnderdeelGewijzigd[G]{Zaak: z.uuid, Kanaal: z.kanaal(), UUID: uuid, Actie: actie,
		Geforceerd: z.IsAfgesloten(), Gegevens: g}), nil
}

// verwijderen decides the deletion of sub-resource uuid of m.
func verwijderen[G onderdeel](z *Zaak, m map[string]G, uuid string, b Bevoegdheden) ([]domain.Event, error) {
	if err := z.mayChange(b); err != nil {
		return nil, err
	}
	old, ok := m[uuid]
	if !ok {
		return nil, domain.NotFound("Het object bestaat niet.")
	}
	return z.emit(OnderdeelVerwijderd[G]{Zaak: z.uuid, Kanaal: z.kanaal(), UUID: uuid,
		Geforceerd: z.IsAfgesloten(), Gegevens: old}), nil
}

// AddKlantContact decides a new klantcontact; datumtijd is required.
func (z *Zaak) AddKlantContact(uuid string, g KlantContactGegevens, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.contacten, uuid, g, b, func(p *domain.Problems, g KlantContactGegevens, _ *KlantContactGegevens) KlantContactGegevens {
		if g.Datumtijd.IsZero() {
			p.Add("datumtijd", "required", "Dit veld is vereist.")
		}
		maxLen(p, "identificatie", g.Identificatie, 14)
		return g
	})
}

// AddZaakBesluit records a besluit of the zaak, on behalf of the Besluiten
// API; a besluit is linked once.
func (z *Zaak) AddZaakBesluit(uuid string, g ZaakBesluitGegevens, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.besluiten, uuid, g, b, func(p *domain.Problems, g ZaakBesluitGegevens, _ *ZaakBesluitGegevens) ZaakBesluitGegevens {
		if g.Besluit == "" {
			p.Add("besluit", "required", "Dit veld is vereist.")
		}
		for _, o := range z.besluiten {
			if o.Besluit == g.Besluit {
				p.Add("besluit", "unique", "Dit besluit is al aan de zaak gekoppeld.")
			}
		}
		return g
	})
}

// DeleteZaakBesluit decides the removal of a zaakbesluit.
func (z *Zaak) DeleteZaakBesluit(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.besluiten, uuid, b)
}

// AddZaakContactMoment decides a new zaakcontactmoment: contactmoment is a
// required absolute URL of at most 1000 characters, linked to the zaak
// once. The Contactmomenten API it once mirrored to (zrc-025 of 1.1.0) is
// no longer in use, so nothing is synchronised.
func (z *Zaak) AddZaakContactMoment(uuid string, g ZaakContactMomentGegevens, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.momenten, uuid, g, b, func(p *domain.Problems, g ZaakContactMomentGegevens, _ *ZaakContactMomentGegevens) ZaakContactMomentGegevens {
		requiredURL(p, "contactmoment", g.Contactmoment, 1000)
		for _, o := range z.momenten {
			if o.Contactmoment == g.Contactmoment {
				p.Add(nonField, "unique", "Dit contactmoment is al aan de zaak gekoppeld.")
			}
		}
		return g
	})
}

// DeleteZaakContactMoment decides the deletion of a zaakcontactmoment.
func (z *Zaak) DeleteZaakContactMoment(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.momenten, uuid, b)
}

// AddZaakVerzoek decides a new zaakverzoek: verzoek is a required absolute
// URL of at most 1000 characters, linked to the zaak once (the Verzoeken
// API of zrc-024 is no longer in use either).
func (z *Zaak) AddZaakVerzoek(uuid string, g ZaakVerzoekGegevens, b Bevoegdheden) ([]domain.Event, error) {
	return aanmaken(z, z.verzoeken, uuid, g, b, func(p *domain.Problems, g ZaakVerzoekGegevens, _ *ZaakVerzoekGegevens) ZaakVerzoekGegevens {
		requiredURL(p, "verzoek", g.Verzoek, 1000)
		for _, o := range z.verzoeken {
			if o.Verzoek == g.Verzoek {
				p.Add(nonField, "unique", "Dit verzoek is al aan de zaak gekoppeld.")
			}
		}
		return g
	})
}

// DeleteZaakVerzoek decides the deletion of a zaakverzoek.
func (z *Zaak) DeleteZaakVerzoek(uuid string, b Bevoegdheden) ([]domain.Event, error) {
	return verwijderen(z, z.verzoeken, uuid, b)
}

// requiredURL checks a required absolute http(s) URL (domain.URLFault)
// of at most n characters.
func requiredURL(p *domain.Problems, field, v string, n int) {
	if v == "" {
		p.Add(field, "required", "Dit veld is vereist.")
		return
	}
	if code := domain.URLFault(v); code != "" {
		p.Add(field, code, "Voer een geldige URL in.")
		return
	}
	maxLen(p, field, v, n)
}
