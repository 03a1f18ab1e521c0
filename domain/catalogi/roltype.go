package catalogi

import "github.com/zaakregister/zaakregister/domain"

// RoltypeGegevens are the writable fields of a roltype.
type RoltypeGegevens struct {
	Omschrijving         string               `json:"omschrijving"`
	OmschrijvingGeneriek OmschrijvingGeneriek `json:"omschrijvingGeneriek"`
	BeginGeldigheid      Date                 `json:"beginGeldigheid"`
	EindeGeldigheid      Date                 `json:"eindeGeldigheid"`
}

func (g RoltypeGegevens) validate() error {
	var p domain.Problems
	c := check{p: &p}
	c.requiredText("omschrijving", g.Omschrijving, 100)
	if c.required("omschrijvingGeneriek", string(g.OmschrijvingGeneriek)) {
		c.choice("omschrijvingGeneriek", string(g.OmschrijvingGeneriek), g.OmschrijvingGeneriek.Valid())
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

// AddRoltype decides a new roltype (ztc-010 on a published zaaktype).
func (z *Zaaktype) AddRoltype(uuid string, g RoltypeGegevens, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayAdd(z, z.roltypen, "roltype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(); err != nil {
		return nil, err
	}
	return z.emit(RoltypeAangemaakt{Subtype: z.subtype(uuid, correctie), RoltypeGegevens: g}), nil
}

// UpdateRoltype decides a PUT or PATCH of a roltype with its complete new
// fields.
func (z *Zaaktype) UpdateRoltype(uuid string, g RoltypeGegevens, actie string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.roltypen, "roltype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(); err != nil {
		return nil, err
	}
	return z.emit(RoltypeGewijzigd{Subtype: z.subtype(uuid, correctie), Actie: actie, RoltypeGegevens: g}), nil
}

// DeleteRoltype decides the deletion of a roltype.
func (z *Zaaktype) DeleteRoltype(uuid string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.roltypen, "roltype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	return z.emit(RoltypeVerwijderd{Subtype: z.subtype(uuid, correctie)}), nil
}
