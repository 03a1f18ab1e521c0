package catalogi

import "github.com/zaakregister/zaakregister/domain"

// ZaakobjecttypeGegevens are the writable fields of a zaakobjecttype: the
// kind of object (an Objecttypen API objecttype URL) zaken of the zaaktype
// can relate to.
type ZaakobjecttypeGegevens struct {
	AnderObjecttype     bool   `json:"anderObjecttype"`
	Objecttype          string `json:"objecttype" ref:"url"`
	RelatieOmschrijving string `json:"relatieOmschrijving"`
	BeginGeldigheid     Date   `json:"beginGeldigheid"`
	EindeGeldigheid     Date   `json:"eindeGeldigheid"`
}

func (g ZaakobjecttypeGegevens) validate() error {
	var p domain.Problems
	c := check{p: &p}
	if c.required("objecttype", g.Objecttype) {
		c.url("objecttype", g.Objecttype, 200)
	}
	c.requiredText("relatieOmschrijving", g.RelatieOmschrijving, 80)
	if g.BeginGeldigheid.IsZero() {
		c.add("beginGeldigheid", "required", "Dit veld is vereist.")
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

// AddZaakobjecttype decides a new zaakobjecttype (ztc-010 on a published
// zaaktype). beginGeldigheid is required by the OAS; it defaults to the
// zaaktype's like that of every sub-type.
func (z *Zaaktype) AddZaakobjecttype(uuid string, g ZaakobjecttypeGegevens, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayAdd(z, z.zaakobjecttypen, "zaakobjecttype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(); err != nil {
		return nil, err
	}
	return z.emit(ZaakobjecttypeAangemaakt{Subtype: z.subtype(uuid, correctie), ZaakobjecttypeGegevens: g}), nil
}

// UpdateZaakobjecttype decides a PUT or PATCH of a zaakobjecttype with its
// complete new fields.
func (z *Zaaktype) UpdateZaakobjecttype(uuid string, g ZaakobjecttypeGegevens, actie string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.zaakobjecttypen, "zaakobjecttype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(); err != nil {
		return nil, err
	}
	return z.emit(ZaakobjecttypeGewijzigd{Subtype: z.subtype(uuid, correctie), Actie: actie, ZaakobjecttypeGegevens: g}), nil
}

// DeleteZaakobjecttype decides the deletion of a zaakobjecttype.
func (z *Zaaktype) DeleteZaakobjecttype(uuid string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.zaakobjecttypen, "zaakobjecttype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	return z.emit(ZaakobjecttypeVerwijderd{Subtype: z.subtype(uuid, correctie)}), nil
}
