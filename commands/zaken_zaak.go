package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaakReadOnly are the fields of a Zaak the registry derives; a client may
// send them back and they are ignored.
var zaakReadOnly = []string{"url", "uuid", "einddatum", "betalingsindicatieWeergave", "deelzaken", "eigenschappen",
	"rollen", "status", "zaakinformatieobjecten", "zaakobjecten", "resultaat", "_expand"}

// standInIdentificatie stands in for an identificatie still to be
// generated while a create is tried, so that a refused zaak reserves none.
const standInIdentificatie = "ZAAK-0000-0000000000"

// CreateZaak handles POST /zaken.
func (h *Zaken) CreateZaak(w http.ResponseWriter, r *http.Request) {
	c, err := decodeChange[zaken.ZaakGegevens](r, false, zaakReadOnly...)
	if writeError(w, r, err) {
		return
	}
	id := newUUID()
	created(w, r, h.createZaak(r.Context(), Metadata(r), id, c.body), h.Zaken, zgw.ResourceURL(r.Context(), collZaken, id), id)
}

func (h *Zaken) createZaak(ctx context.Context, meta eventstore.Metadata, id string, g zaken.ZaakGegevens) error {
	g, f, refsErr, err := h.prepareZaak(ctx, g, koppelingen{})
	if err != nil {
		return err
	}
	if f.Zaaktype.URL != "" {
		va := g.Vertrouwelijkheidaanduiding
		if va == "" {
			va = f.Zaaktype.Vertrouwelijkheidaanduiding
		}
		if err := mayWrite(ctx, g.Zaaktype, string(va)); err != nil {
			return err
		}
	}
	trial := g
	if trial.Identificatie == "" {
		trial.Identificatie = standInIdentificatie
	}
	if _, err := zaken.NewZaak(id, h.Clock).Create(trial, f); combine(refsErr, err) != nil {
		return combine(refsErr, err)
	}
	_, res, err := h.Identificaties.Reserve(ctx, meta, g.Bronorganisatie, g.Identificatie, id, func(identificatie string) (part, error) {
		g.Identificatie = identificatie
		events, err := zaken.NewZaak(id, h.Clock).Create(g, f)
		return part{stream: zaken.ZaakStream(id), expected: eventstore.NoStream(), events: events}, err
	})
	if err != nil {
		return err
	}
	return h.await(ctx, res.Position, h.Projections...)
}

// prepareZaak puts the references of g in canonical form and gathers the
// facts of a create or update; what is wrong with the references is
// returned apart (refsErr), to be reported with the domain's verdict. A
// zaak g links to that is not among bekend (the links the zaak has
// already) must be one the principal may read.
func (h *Zaken) prepareZaak(ctx context.Context, g zaken.ZaakGegevens, bekend koppelingen) (_ zaken.ZaakGegevens, f zaken.Feiten, refsErr, err error) {
	var p domain.Problems
	var zerr error
	g.Zaaktype, f.Zaaktype, zerr = h.zaaktypeFeiten(ctx, "zaaktype", g.Zaaktype)
	if err := gather(&p, zerr); err != nil {
		return g, f, nil, err
	}
	var herr error
	g.Hoofdzaak, f.Hoofdzaak, herr = h.hoofdzaakFeit(ctx, g.Hoofdzaak, bekend.hoofdzaak)
	if err := gather(&p, herr); err != nil {
		return g, f, nil, err
	}
	if _, err := h.relevanteZaken(ctx, &p, g.RelevanteAndereZaken, bekend.relevant); err != nil {
		return g, f, nil, err
	}
	if g.Communicatiekanaal != "" {
		if err := gather(&p, h.Lijsten.Communicatiekanaal(ctx, "communicatiekanaal", g.Communicatiekanaal)); err != nil {
			return g, f, nil, err
		}
	}
	if g.Selectielijstklasse != "" {
		if err := gather(&p, h.Lijsten.Selectielijstklasse(ctx, "selectielijstklasse", g.Selectielijstklasse)); err != nil {
			return g, f, nil, err
		}
	}
	if string(g.Zaakgeometrie) == "null" {
		g.Zaakgeometrie = nil
	}
	checkGeometrie(&p, g.Zaakgeometrie)
	return g, f, p.Err(), nil
}

// UpdateZaak handles PUT (partial=false) and PATCH (partial=true) of
// /zaken/{uuid}. A PUT that leaves out identificatie or registratiedatum
// keeps them; a changed zaaktype must be one the principal may write too.
func (h *Zaken) UpdateZaak(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathUUID(r)
		var c change[zaken.ZaakGegevens]
		if err == nil {
			c, err = decodeChange[zaken.ZaakGegevens](r, partial, zaakReadOnly...)
		}
		if err == nil {
			err = h.change(r.Context(), Metadata(r), id, notFound(), func(ctx context.Context, z *zaken.Zaak) ([]domain.Event, error) {
				old := z.Gegevens()
				g, err := c.over(old)
				if err != nil {
					return nil, err
				}
				if g.Identificatie == "" {
					g.Identificatie = old.Identificatie
				}
				if g.Registratiedatum.IsZero() {
					g.Registratiedatum = old.Registratiedatum
				}
				g, f, refsErr, err := h.prepareZaak(ctx, g, koppelingenVan(ctx, z))
				if err != nil {
					return nil, err
				}
				if f.Zaaktype.URL != "" && (g.Zaaktype != old.Zaaktype || g.Vertrouwelijkheidaanduiding != old.Vertrouwelijkheidaanduiding) {
					if err := mayWrite(ctx, g.Zaaktype, string(g.Vertrouwelijkheidaanduiding)); err != nil {
						return nil, err
					}
				}
				if g.Archiefstatus != "" && g.Archiefstatus != zaken.NogTeArchiveren {
					if f.Informatieobjecten, err = h.informatieobjecten(ctx, z); err != nil {
						return nil, err
					}
				}
				events, err := z.Update(g, f, actie(partial), bevoegdheden(ctx, old))
				// A new hoofdzaak or new related zaken may move the
				// archiefactiedatum of a closed zaak (zrc-021); the facts
				// are gathered again for the zaak as it now is.
				return h.metHerberekening(ctx, z, nil)(events, combine(refsErr, err))
			})
		}
		if writeError(w, r, err) {
			return
		}
		h.Zaken.Render(w, r, http.StatusOK, id)
	}
}

// DeleteZaak handles DELETE /zaken/{uuid}: the zaak with everything in its
// stream in one event, then each of its deelzaken the same way (zrc-023).
// The identificaties are not released: an identificatie is never used
// again within its bronorganisatie, as generated ones never are.
func (h *Zaken) DeleteZaak(w http.ResponseWriter, r *http.Request) {
	id, err := pathUUID(r)
	if err == nil {
		err = h.deleteZaak(r.Context(), Metadata(r), id, nil)
	}
	if writeError(w, r, err) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// deleteZaak deletes zaak id and its deelzaken. The principal's rights and
// bevoegdheden decide for the zaak itself (forced is nil); a deelzaak goes
// with its hoofdzaak, closed or not (forced is set).
func (h *Zaken) deleteZaak(ctx context.Context, meta eventstore.Metadata, id string, forced *zaken.Bevoegdheden) error {
	var pos eventstore.Position
	err := retry(func() error {
		z, expected, err := h.loadZaak(ctx, id)
		if err != nil {
			return err
		}
		if !z.Exists() {
			return notFound()
		}
		g := z.Gegevens()
		b := forced
		if b == nil {
			if err := mayWrite(ctx, g.Zaaktype, string(g.Vertrouwelijkheidaanduiding)); err != nil {
				return err
			}
			own := bevoegdheden(ctx, g)
			b = &own
		}
		events, err := z.Delete(*b)
		if err != nil {
			return err
		}
		res, err := h.append(ctx, meta, zaken.ZaakStream(id), expected, events)
		pos = res.Position
		return err
	})
	if err != nil {
		return err
	}
	deelzaken, err := h.Index.Deelzaken(ctx, id)
	if err != nil {
		return err
	}
	for _, d := range deelzaken {
		if err := h.deleteZaak(ctx, meta, d, &zaken.Bevoegdheden{Geforceerd: true}); err != nil && !isKind(err, domain.KindNotFound) {
			return err
		}
	}
	return h.await(ctx, pos, h.Projections...)
}
