package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

// The write handlers of the rollen, zaakobjecten, zaakinformatieobjecten and klantcontacten of a zaak.

// --- rollen ---

type rolBody struct {
	Zaak string `json:"zaak"`
	zaken.RolGegevens
}

var rolReadOnly = []string{"url", "uuid", "omschrijving", "omschrijvingGeneriek", "registratiedatum", "statussen", "_expand"}

// CreateRol handles POST /rollen (zrc-019); the betrokkeneIdentificatie
// must fit the schema of the betrokkeneType.
func (h *Zaken) CreateRol(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[rolBody](r, false, rolReadOnly...)
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Rollen, collRollen, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		g := c.body.RolGegevens
		g.Roltype = canonicalCatalogiRef(ctx, "roltypen", g.Roltype)
		var p domain.Problems
		if err := checkVariant(&p, "Rol", g.BetrokkeneType, "betrokkeneIdentificatie", g.BetrokkeneIdentificatie); err != nil {
			return nil, err
		}
		if err := checkNamedSchema(&p, "contactpersoonRol", "ContactPersoonRol", g.ContactpersoonRol); err != nil {
			return nil, err
		}
		f, err := h.feiten(ctx, z)
		if err != nil {
			return nil, err
		}
		events, err := z.AddRol(id, g, f, bevoegdheden(ctx, z.Gegevens()))
		return events, combine(p.Err(), err)
	})
}

// DeleteRol handles DELETE /rollen/{uuid}.
func (h *Zaken) DeleteRol(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collRollen, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteRol(id, bevoegdheden(ctx, z.Gegevens()))
	})
}

// --- zaakobjecten ---

type zaakObjectBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakObjectGegevens
}

var zaakObjectReadOnly = []string{"url", "uuid", "_expand"}

func (h *Zaken) zaakObject(ctx context.Context, z *zaken.Zaak, g zaken.ZaakObjectGegevens, decide func(zaken.ZaakObjectGegevens, zaken.Feiten) ([]domain.Event, error)) ([]domain.Event, error) {
	g.Zaakobjecttype = canonicalCatalogiRef(ctx, "zaakobjecttypen", g.Zaakobjecttype)
	var p domain.Problems
	if err := checkVariant(&p, "ZaakObject", g.ObjectType, "objectIdentificatie", g.ObjectIdentificatie); err != nil {
		return nil, err
	}
	if err := checkNamedSchema(&p, "objectTypeOverigeDefinitie", "ObjectTypeOverigeDefinitie", g.ObjectTypeOverigeDefinitie); err != nil {
		return nil, err
	}
	f, err := h.feiten(ctx, z)
	if err != nil {
		return nil, err
	}
	events, err := h.metHerberekening(ctx, z, &f)(decide(g, f))
	return events, combine(p.Err(), err)
}

// CreateZaakObject handles POST /zaakobjecten; the objectIdentificatie
// must fit the schema of the objectType.
func (h *Zaken) CreateZaakObject(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakObjectBody](r, false, zaakObjectReadOnly...)
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Zaakobjecten, collZaakobjecten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return h.zaakObject(ctx, z, c.body.ZaakObjectGegevens, func(g zaken.ZaakObjectGegevens, f zaken.Feiten) ([]domain.Event, error) {
			return z.AddZaakObject(id, g, f, bevoegdheden(ctx, z.Gegevens()))
		})
	})
}

// UpdateZaakObject handles PUT and PATCH /zaakobjecten/{uuid}.
func (h *Zaken) UpdateZaakObject(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c change[zaakObjectBody]
		h.updateOnderdeel(w, r, h.Zaakobjecten, collZaakobjecten, func() (string, error) {
			var err error
			c, err = decodeChange[zaakObjectBody](r, partial, zaakObjectReadOnly...)
			return c.body.Zaak, err
		}, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
			old, err := base(z.ZaakObjectVan, id)
			if err != nil {
				return nil, err
			}
			b, err := c.over(zaakObjectBody{ZaakObjectGegevens: old})
			if err != nil {
				return nil, err
			}
			return h.zaakObject(ctx, z, b.ZaakObjectGegevens, func(g zaken.ZaakObjectGegevens, f zaken.Feiten) ([]domain.Event, error) {
				return z.UpdateZaakObject(id, g, f, actie(partial), bevoegdheden(ctx, z.Gegevens()))
			})
		})
	}
}

// DeleteZaakObject handles DELETE /zaakobjecten/{uuid}.
func (h *Zaken) DeleteZaakObject(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collZaakobjecten, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return h.metHerberekening(ctx, z, nil)(z.DeleteZaakObject(id, bevoegdheden(ctx, z.Gegevens())))
	})
}

// --- zaakinformatieobjecten ---

type zioBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakInformatieObjectGegevens
}

var zioReadOnly = []string{"url", "uuid", "aardRelatieWeergave", "registratiedatum"}

// CreateZaakInformatieObject handles POST /zaakinformatieobjecten: the
// informatieobject must resolve (zrc-003) to a document of an
// informatieobjecttype of the zaaktype (zrc-017). The event names zaak
// and informatieobject, so the Documenten API's objectinformatieobject is
// a projection of it (zrc-005).
func (h *Zaken) CreateZaakInformatieObject(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zioBody](r, false, zioReadOnly...)
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Zaakinformatieobjecten, collZaakinformatieobjecten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		g := c.body.ZaakInformatieObjectGegevens
		f, err := h.feiten(ctx, z)
		if err != nil {
			return nil, err
		}
		var p domain.Problems
		if g.Informatieobject != "" {
			doc, err := h.informatieobjectFeit(ctx, "informatieobject", g.Informatieobject)
			if err := gather(&p, err); err != nil {
				return nil, err
			}
			if err == nil {
				f.Informatieobjecten = map[string]zaken.InformatieobjectFeit{g.Informatieobject: doc}
			}
		}
		events, err := z.AddZaakInformatieObject(id, g, f, bevoegdheden(ctx, z.Gegevens()))
		return events, combine(p.Err(), err)
	})
}

// UpdateZaakInformatieObject handles PUT and PATCH
// /zaakinformatieobjecten/{uuid}; the informatieobject may not change
// (zrc-004).
func (h *Zaken) UpdateZaakInformatieObject(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c change[zioBody]
		h.updateOnderdeel(w, r, h.Zaakinformatieobjecten, collZaakinformatieobjecten, func() (string, error) {
			var err error
			c, err = decodeChange[zioBody](r, partial, zioReadOnly...)
			return c.body.Zaak, err
		}, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
			old, err := base(z.ZaakInformatieObjectVan, id)
			if err != nil {
				return nil, err
			}
			b, err := c.over(zioBody{ZaakInformatieObjectGegevens: old})
			if err != nil {
				return nil, err
			}
			return z.UpdateZaakInformatieObject(id, b.ZaakInformatieObjectGegevens, zaken.Feiten{}, actie(partial), bevoegdheden(ctx, z.Gegevens()))
		})
	}
}

// DeleteZaakInformatieObject handles DELETE /zaakinformatieobjecten/{uuid}.
func (h *Zaken) DeleteZaakInformatieObject(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collZaakinformatieobjecten, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteZaakInformatieObject(id, bevoegdheden(ctx, z.Gegevens()))
	})
}

// --- klantcontacten ---

type klantContactBody struct {
	Zaak string `json:"zaak"`
	zaken.KlantContactGegevens
}

// CreateKlantContact handles POST /klantcontacten.
func (h *Zaken) CreateKlantContact(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[klantContactBody](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Klantcontacten, collKlantcontacten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.AddKlantContact(id, c.body.KlantContactGegevens, bevoegdheden(ctx, z.Gegevens()))
	})
}
