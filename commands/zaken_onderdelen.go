package commands

import (
	"context"
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// onderdeelDecision decides on sub-resource id of the loaded zaak z.
type onderdeelDecision func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error)

// createOnderdeel handles the POST of a sub-resource of collection whose
// body names its zaak (zaakRaw): the zaak must exist (else does_not_exist
// on field zaak) and the principal may write it (zrc-006).
func (h *Zaken) createOnderdeel(w http.ResponseWriter, r *http.Request, render Renderer, collection, zaakRaw string, decide onderdeelDecision) {
	ctx := r.Context()
	zaak, err := h.zaakField(ctx, "zaak", zaakRaw)
	id := newUUID()
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, zaakFieldMissing("zaak"), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return decide(ctx, z, id)
		})
	}
	created(w, r, err, render, zgw.ResourceURL(ctx, collection, id), id)
}

// updateOnderdeel handles a PUT or PATCH of /collection/{uuid}, found in its
// zaak through the Index; zaakRaw is the zaak the body names (it may not
// change, "" when not sent).
func (h *Zaken) updateOnderdeel(w http.ResponseWriter, r *http.Request, render Renderer, collection string, decode func() (zaakRaw string, err error), decide onderdeelDecision) {
	ctx := r.Context()
	id, err := pathUUID(r)
	var zaak, zaakRaw string
	if err == nil {
		zaakRaw, err = decode()
	}
	if err == nil {
		zaak, err = h.zaakOf(ctx, collection, id)
	}
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			if err := sameZaak(ctx, zaakRaw, zaak); err != nil {
				return nil, err
			}
			return decide(ctx, z, id)
		})
	}
	if writeError(w, r, err) {
		return
	}
	render.Render(w, r, http.StatusOK, id)
}

// deleteOnderdeel handles DELETE /collection/{uuid}.
func (h *Zaken) deleteOnderdeel(w http.ResponseWriter, r *http.Request, collection string, decide onderdeelDecision) {
	ctx := r.Context()
	id, err := pathUUID(r)
	var zaak string
	if err == nil {
		zaak, err = h.zaakOf(ctx, collection, id)
	}
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return decide(ctx, z, id)
		})
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// sameZaak refuses a body that moves a sub-resource to another zaak
// (zrc-004 for zaakinformatieobjecten, and so for all of them).
func sameZaak(ctx context.Context, raw, zaak string) error {
	if raw == "" {
		return nil
	}
	if id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, raw); ok && id == zaak {
		return nil
	}
	return domain.Invalid("zaak", zaken.CodeWijzigenNietToegelaten, "De zaak mag niet gewijzigd worden.")
}

// base returns the current fields of sub-resource id for a PATCH, or the
// zero value for a PUT; a 404 when the zaak has no such sub-resource.
func base[G any](get func(string) (G, bool), id string) (G, error) {
	g, ok := get(id)
	if !ok {
		return g, notFound()
	}
	return g, nil
}

// metHerberekening returns a function that adds to a decision on z that
// may have changed an input of its archiefactiedatum the recalculation of
// that date (zrc-021). f are the facts the decision had, or nil; then
// they are gathered, and only for a closed zaak, the only kind with an
// archiefactiedatum to recalculate.
func (h *Zaken) metHerberekening(ctx context.Context, z *zaken.Zaak, f *zaken.Feiten) func([]domain.Event, error) ([]domain.Event, error) {
	return func(events []domain.Event, err error) ([]domain.Event, error) {
		if err != nil {
			return nil, err
		}
		if !z.IsAfgesloten() {
			return events, nil
		}
		if f == nil {
			feiten, err := h.feiten(ctx, z)
			if err != nil {
				return nil, err
			}
			f = &feiten
		}
		return append(events, z.Herbereken(*f)...), nil
	}
}

// --- statussen ---

type statusBody struct {
	Zaak string `json:"zaak"`
	zaken.StatusGegevens
}

var statusReadOnly = []string{"url", "uuid", "indicatieLaatstGezetteStatus", "zaakinformatieobjecten"}

// CreateStatus handles POST /statussen. With the eindstatus it closes the
// zaak (zrc-007), a non-eind status on a closed zaak reopens it (zrc-008).
// A principal that may only create zaken (zaken.aanmaken) sets the first
// status only.
func (h *Zaken) CreateStatus(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[statusBody](r, false, statusReadOnly...)
	if writeError(w, r, err) {
		return
	}
	ctx, b, id := r.Context(), c.body, newUUID()
	zaak, err := h.zaakField(ctx, "zaak", b.Zaak)
	einddatumChanged := false
	if err == nil {
		err = h.change(ctx, Metadata(r), zaak, zaakFieldMissing("zaak"), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			events, err := h.addStatus(ctx, z, id, b.StatusGegevens)
			einddatumChanged = slices.ContainsFunc(events, func(e domain.Event) bool {
				t := e.EventType()
				return t == zaken.TypeZaakAfgesloten || t == zaken.TypeZaakHeropend
			})
			return events, err
		})
	}
	if err == nil && einddatumChanged {
		err = h.herberekenDeelzaken(ctx, Metadata(r), zaak)
	}
	created(w, r, err, h.Statussen, zgw.ResourceURL(ctx, collStatussen, id), id)
}

// addStatus decides status id of z; a principal that may only create
// zaken (zaken.aanmaken) sets the first status only (zrc-008). Gezetdoor
// must be a rol of z (gezetdoorFeit).
func (h *Zaken) addStatus(ctx context.Context, z *zaken.Zaak, id string, g zaken.StatusGegevens) ([]domain.Event, error) {
	zg := z.Gegevens()
	if z.Status() != "" && !rights(ctx).Allows(autorisaties.ZRC, zg.Zaaktype, string(zg.Vertrouwelijkheidaanduiding),
		scopeStatussenToevoegen, scopeHeropenen) {
		return nil, domain.Forbidden("permission_denied",
			"Met alleen de scope zaken.aanmaken kan een zaak alleen haar eerste status krijgen.")
	}
	f, err := h.feiten(ctx, z)
	if err != nil {
		return nil, err
	}
	g.Statustype = canonicalCatalogiRef(ctx, "statustypen", g.Statustype)
	if g.Gezetdoor, f.Gezetdoor, err = h.gezetdoorFeit(ctx, z, g.Gezetdoor); err != nil {
		return nil, err
	}
	if f.Zaaktype.Statustypen[g.Statustype].Eindstatus {
		if f.Informatieobjecten, err = h.informatieobjecten(ctx, z); err != nil {
			return nil, err
		}
	}
	return z.AddStatus(id, g, f, bevoegdheden(ctx, zg))
}

// herberekenDeelzaken recalculates the archiving parameters of the
// deelzaken of hoofdzaak after its einddatum changed (zrc-021,
// afleidingswijze hoofdzaak). It is a consequence of a change the
// principal was allowed to make, so the principal's rights on the
// deelzaken do not count.
func (h *Zaken) herberekenDeelzaken(ctx context.Context, meta eventstore.Metadata, hoofdzaak string) error {
	deelzaken, err := h.Index.Deelzaken(ctx, hoofdzaak)
	if err != nil {
		return err
	}
	for _, id := range deelzaken {
		var pos eventstore.Position
		err := retry(func() error {
			z, expected, err := h.loadZaak(ctx, id)
			if err != nil || !z.Exists() {
				return err
			}
			events, err := h.metHerberekening(ctx, z, nil)(nil, nil)
			if err != nil || len(events) == 0 {
				return err
			}
			res, err := h.append(ctx, meta, zaken.ZaakStream(id), expected, events)
			pos = res.Position
			return err
		})
		if err != nil {
			return err
		}
		if err := h.await(ctx, pos, h.Projections...); err != nil {
			return err
		}
	}
	return nil
}

// --- resultaten ---

type resultaatBody struct {
	Zaak string `json:"zaak"`
	zaken.ResultaatGegevens
}

var resultaatReadOnly = []string{"url", "uuid", "_expand"}

func (h *Zaken) resultaat(ctx context.Context, z *zaken.Zaak, g zaken.ResultaatGegevens) (zaken.ResultaatGegevens, zaken.Feiten, error) {
	f, err := h.feiten(ctx, z)
	g.Resultaattype = canonicalCatalogiRef(ctx, "resultaattypen", g.Resultaattype)
	return g, f, err
}

// CreateResultaat handles POST /resultaten (zrc-020).
func (h *Zaken) CreateResultaat(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[resultaatBody](r, false, resultaatReadOnly...)
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Resultaten, collResultaten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		g, f, err := h.resultaat(ctx, z, c.body.ResultaatGegevens)
		if err != nil {
			return nil, err
		}
		return z.AddResultaat(id, g, f, bevoegdheden(ctx, z.Gegevens()))
	})
}

// UpdateResultaat handles PUT and PATCH /resultaten/{uuid}.
func (h *Zaken) UpdateResultaat(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c change[resultaatBody]
		h.updateOnderdeel(w, r, h.Resultaten, collResultaten, func() (string, error) {
			var err error
			c, err = decodeChange[resultaatBody](r, partial, resultaatReadOnly...)
			return c.body.Zaak, err
		}, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
			old, err := base(z.ResultaatVan, id)
			if err != nil {
				return nil, err
			}
			b, err := c.over(resultaatBody{ResultaatGegevens: old})
			if err != nil {
				return nil, err
			}
			g, f, err := h.resultaat(ctx, z, b.ResultaatGegevens)
			if err != nil {
				return nil, err
			}
			return z.UpdateResultaat(id, g, f, actie(partial), bevoegdheden(ctx, z.Gegevens()))
		})
	}
}

// DeleteResultaat handles DELETE /resultaten/{uuid}.
func (h *Zaken) DeleteResultaat(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collResultaten, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteResultaat(id, bevoegdheden(ctx, z.Gegevens()))
	})
}

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

// --- sub-resources under /zaken/{zaak_uuid}/... ---

// pathZaak returns the {zaak_uuid} of the request, or a 404.
func pathZaak(r *http.Request) (string, error) {
	id := zgw.CanonicalUUID(chi.URLParam(r, "zaak_uuid"))
	if id == "" {
		return "", notFound()
	}
	return id, nil
}

// nested runs decide on the zaak of the path; the body's zaak, when sent,
// must be that zaak.
func (h *Zaken) nested(r *http.Request, zaakRaw string, decide func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error)) (string, error) {
	zaak, err := pathZaak(r)
	if err != nil {
		return "", err
	}
	return zaak, h.change(r.Context(), Metadata(r), zaak, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
		if err := sameZaak(ctx, zaakRaw, zaak); err != nil {
			return nil, err
		}
		return decide(ctx, z)
	})
}

// nestedURL is the URL of sub-resource id under zaak in collection.
func nestedURL(ctx context.Context, zaak, collection, id string) string {
	return zaakURL(ctx, zaak) + "/" + collection + "/" + id
}

type zaakEigenschapBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakEigenschapGegevens
}

var zaakEigenschapReadOnly = []string{"url", "uuid", "naam"}

func (h *Zaken) zaakEigenschap(ctx context.Context, z *zaken.Zaak, g zaken.ZaakEigenschapGegevens) (zaken.ZaakEigenschapGegevens, zaken.Feiten, error) {
	f, err := h.feiten(ctx, z)
	g.Eigenschap = canonicalCatalogiRef(ctx, "eigenschappen", g.Eigenschap)
	return g, f, err
}

// CreateZaakEigenschap handles POST /zaken/{zaak_uuid}/zaakeigenschappen
// (zrc-018).
func (h *Zaken) CreateZaakEigenschap(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakEigenschapBody](r, false, zaakEigenschapReadOnly...)
	if writeError(w, r, err) {
		return
	}
	id := newUUID()
	zaak, err := h.nested(r, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
		g, f, err := h.zaakEigenschap(ctx, z, c.body.ZaakEigenschapGegevens)
		if err != nil {
			return nil, err
		}
		return h.metHerberekening(ctx, z, &f)(z.AddZaakEigenschap(id, g, f, bevoegdheden(ctx, z.Gegevens())))
	})
	created(w, r, err, h.Zaakeigenschappen, nestedURL(r.Context(), zaak, "zaakeigenschappen", id), id)
}

// UpdateZaakEigenschap handles PUT and PATCH
// /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}.
func (h *Zaken) UpdateZaakEigenschap(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathUUID(r)
		var c change[zaakEigenschapBody]
		if err == nil {
			c, err = decodeChange[zaakEigenschapBody](r, partial, zaakEigenschapReadOnly...)
		}
		if err == nil {
			_, err = h.nested(r, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
				old, err := base(z.ZaakEigenschapVan, id)
				if err != nil {
					return nil, err
				}
				b, err := c.over(zaakEigenschapBody{ZaakEigenschapGegevens: old})
				if err != nil {
					return nil, err
				}
				g, f, err := h.zaakEigenschap(ctx, z, b.ZaakEigenschapGegevens)
				if err != nil {
					return nil, err
				}
				return h.metHerberekening(ctx, z, &f)(z.UpdateZaakEigenschap(id, g, f, actie(partial), bevoegdheden(ctx, z.Gegevens())))
			})
		}
		if writeError(w, r, err) {
			return
		}
		h.Zaakeigenschappen.Render(w, r, http.StatusOK, id)
	}
}

// DeleteZaakEigenschap handles DELETE
// /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}.
func (h *Zaken) DeleteZaakEigenschap(w http.ResponseWriter, r *http.Request) {
	id, err := pathUUID(r)
	if err == nil {
		_, err = h.nested(r, "", func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return h.metHerberekening(ctx, z, nil)(z.DeleteZaakEigenschap(id, bevoegdheden(ctx, z.Gegevens())))
		})
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// CreateZaakBesluit handles POST /zaken/{zaak_uuid}/besluiten, meant for
// the Besluiten API only; the besluit URL must be given.
func (h *Zaken) CreateZaakBesluit(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaken.ZaakBesluitGegevens](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	id := newUUID()
	zaak, err := h.nested(r, "", func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
		return z.AddZaakBesluit(id, c.body, bevoegdheden(ctx, z.Gegevens()))
	})
	created(w, r, err, h.Zaakbesluiten, nestedURL(r.Context(), zaak, "besluiten", id), id)
}

// DeleteZaakBesluit handles DELETE /zaken/{zaak_uuid}/besluiten/{uuid}.
func (h *Zaken) DeleteZaakBesluit(w http.ResponseWriter, r *http.Request) {
	id, err := pathUUID(r)
	if err == nil {
		_, err = h.nested(r, "", func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
			return z.DeleteZaakBesluit(id, bevoegdheden(ctx, z.Gegevens()))
		})
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// --- zaakcontactmomenten and zaakverzoeken ---

type zaakContactMomentBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakContactMomentGegevens
}

// CreateZaakContactMoment handles POST /zaakcontactmomenten. The
// Contactmomenten API it refers to is retired (zrc-025 of 1.1.0); the URL
// is kept as given.
func (h *Zaken) CreateZaakContactMoment(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakContactMomentBody](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Zaakcontactmomenten, collZaakcontactmomenten, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.AddZaakContactMoment(id, c.body.ZaakContactMomentGegevens, bevoegdheden(ctx, z.Gegevens()))
	})
}

// DeleteZaakContactMoment handles DELETE /zaakcontactmomenten/{uuid}.
func (h *Zaken) DeleteZaakContactMoment(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collZaakcontactmomenten, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteZaakContactMoment(id, bevoegdheden(ctx, z.Gegevens()))
	})
}

type zaakVerzoekBody struct {
	Zaak string `json:"zaak"`
	zaken.ZaakVerzoekGegevens
}

// CreateZaakVerzoek handles POST /zaakverzoeken; like zaakcontactmomenten
// the Verzoeken API is retired and the URL kept as given.
func (h *Zaken) CreateZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaakVerzoekBody](r, false, "url", "uuid")
	if writeError(w, r, err) {
		return
	}
	h.createOnderdeel(w, r, h.Zaakverzoeken, collZaakverzoeken, c.body.Zaak, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.AddZaakVerzoek(id, c.body.ZaakVerzoekGegevens, bevoegdheden(ctx, z.Gegevens()))
	})
}

// DeleteZaakVerzoek handles DELETE /zaakverzoeken/{uuid}.
func (h *Zaken) DeleteZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	h.deleteOnderdeel(w, r, collZaakverzoeken, func(ctx context.Context, z *zaken.Zaak, id string) ([]domain.Event, error) {
		return z.DeleteZaakVerzoek(id, bevoegdheden(ctx, z.Gegevens()))
	})
}
