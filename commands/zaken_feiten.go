package commands

import (
	"context"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// catalogiRef returns the reference the log keeps to a resource of this
// registry's Catalogi API (zgw.ResourceRef).
func catalogiRef(collection, id string) string {
	return zgw.ResourceRef(CatalogiRoot, collection, id)
}

// canonicalCatalogiRef returns the reference the log keeps for raw when
// it names a resource in collection of this registry's Catalogi API, else
// raw as it is, which then matches no fact and is reported by the domain.
func canonicalCatalogiRef(ctx context.Context, collection, raw string) string {
	if id, ok := zgw.ParseResourceURLIn(ctx, CatalogiRoot, collection, raw); ok {
		return catalogiRef(collection, id)
	}
	return raw
}

// zaaktypeFeiten resolves the zaaktype URL raw of field into the facts of
// the decisions, keyed by the canonical URLs of its sub-types. It returns
// the canonical zaaktype URL the zaak stores. A zaaktype of this registry
// that does not exist yields empty facts, which the domain reports as
// does_not_exist; a URL outside this registry's Catalogi API is bad-url
// (zrc-001: this registry keeps its zaken on its own catalogue).
func (h *Zaken) zaaktypeFeiten(ctx context.Context, field, raw string) (string, zaken.ZaaktypeFeiten, error) {
	if raw == "" {
		return "", zaken.ZaaktypeFeiten{}, nil
	}
	id, ok := zgw.ParseResourceURLIn(ctx, CatalogiRoot, collZaaktypen, raw)
	if !ok {
		return raw, zaken.ZaaktypeFeiten{}, domain.Invalid(field, refs.CodeBadURL,
			"De URL is geen zaaktype van de Catalogi API van dit register.")
	}
	url := catalogiRef(collZaaktypen, id)
	var f zaken.ZaaktypeFeiten
	err := h.zaaktypen.with(ctx, h.Store, h.CatalogiVersie, id, func(zt *catalogi.Zaaktype) {
		if zt.Exists() {
			f = zaaktypeFeitenVan(ctx, url, zt)
		}
	})
	return url, f, err
}

// zaaktypeFeitenVan are the facts of zaaktype zt at url.
func zaaktypeFeitenVan(ctx context.Context, url string, zt *catalogi.Zaaktype) zaken.ZaaktypeFeiten {
	g := zt.Gegevens()
	_, informatieobjecttypen := zt.Relaties()
	f := zaken.ZaaktypeFeiten{
		URL: url, Concept: zt.IsConcept(), Vertrouwelijkheidaanduiding: g.Vertrouwelijkheidaanduiding,
		Statustypen:           map[string]zaken.StatustypeFeit{},
		Resultaattypen:        map[string]zaken.ResultaattypeFeit{},
		Roltypen:              map[string]zaken.RoltypeFeit{},
		Eigenschappen:         map[string]zaken.EigenschapFeit{},
		Informatieobjecttypen: informatieobjecttypen,
		ProductenOfDiensten:   g.ProductenOfDiensten,
	}
	eind := zt.Eindstatus()
	for _, st := range zt.Statustypen() {
		s, _ := zt.Statustype(st)
		f.Statustypen[catalogiRef("statustypen", st)] = zaken.StatustypeFeit{Volgnummer: s.Volgnummer, Eindstatus: st == eind}
	}
	for _, rt := range zt.Resultaattypen() {
		r, _ := zt.Resultaattype(rt)
		feit := zaken.ResultaattypeFeit{Archiefnominatie: r.Archiefnominatie, Archiefactietermijn: r.Archiefactietermijn}
		if r.BrondatumArchiefprocedure != nil {
			feit.BrondatumArchiefprocedure = *r.BrondatumArchiefprocedure
		}
		f.Resultaattypen[catalogiRef("resultaattypen", rt)] = feit
	}
	for _, rt := range zt.Roltypen() {
		r, _ := zt.Roltype(rt)
		f.Roltypen[catalogiRef("roltypen", rt)] = zaken.RoltypeFeit{Omschrijving: r.Omschrijving, OmschrijvingGeneriek: string(r.OmschrijvingGeneriek)}
	}
	for _, e := range zt.Eigenschappen() {
		eg, _ := zt.Eigenschap(e)
		f.Eigenschappen[catalogiRef("eigenschappen", e)] = zaken.EigenschapFeit{Naam: eg.Naam}
	}
	for _, o := range zt.Zaakobjecttypen() {
		f.Zaakobjecttypen = append(f.Zaakobjecttypen, catalogiRef("zaakobjecttypen", o))
	}
	return f
}

// zaakURL returns the canonical URL of zaak id.
func zaakURL(ctx context.Context, id string) string {
	return zgw.ResourceURLIn(ctx, ZakenRoot, collZaken, id)
}

// hoofdzaakFeit resolves the hoofdzaak URL raw (zrc-013): "" gives no
// fact, a zaak of this API that exists its fact, anything else bad-url or
// (absent fact) does_not_exist from the domain. A zaak that is not bekend
// (a link the zaak has already, see koppelingen) must be one the principal
// may read, else it gives no fact either: the answer for a zaak that does
// not exist. It returns the canonical URL to store.
func (h *Zaken) hoofdzaakFeit(ctx context.Context, raw string, bekend map[string]bool) (string, *zaken.HoofdzaakFeit, error) {
	if raw == "" {
		return "", nil, nil
	}
	id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, raw)
	if !ok {
		return raw, nil, domain.Invalid("hoofdzaak", refs.CodeBadURL, "De URL is geen zaak van deze Zaken API.")
	}
	hz, err := h.gekoppeldeZaak(ctx, id, bekend[id])
	if err != nil || hz == nil {
		return zgw.ResourceRef(ZakenRoot, collZaken, id), nil, err
	}
	return zgw.ResourceRef(ZakenRoot, collZaken, id), &zaken.HoofdzaakFeit{UUID: id, IsDeelzaak: hz.IsDeelzaak(), Einddatum: hz.Gegevens().Einddatum}, nil
}

// relevanteZaken checks each URL of relevanteAndereZaken (zrc-011): a zaak
// of this API must exist and, unless bekend (see koppelingen), be one the
// principal may read, with the same answer for both; another URL must
// resolve. It returns the latest einddatum of the local ones, the
// brondatum of afleidingswijze gerelateerde_zaak.
func (h *Zaken) relevanteZaken(ctx context.Context, p *domain.Problems, rel []zaken.RelevanteZaak, bekend map[string]bool) (zaken.Date, error) {
	var laatste zaken.Date
	for i, r := range rel {
		field := fmt.Sprintf("relevanteAndereZaken.%d.url", i)
		if r.URL == "" {
			continue // the domain reports it as required
		}
		id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, r.URL)
		if !ok {
			if err := gather(p, h.Refs.Resolve(ctx, field, r.URL, nil)); err != nil {
				return laatste, err
			}
			continue
		}
		z, err := h.gekoppeldeZaak(ctx, id, bekend[id])
		if err != nil {
			return laatste, err
		}
		if z == nil {
			p.Add(field, refs.CodeBadURL, "De zaak bestaat niet.")
			continue
		}
		if e := z.Gegevens().Einddatum; !e.IsZero() && (laatste.IsZero() || e.After(laatste)) {
			laatste = e
		}
	}
	return laatste, nil
}

// document is what a zaak needs of a Documenten API informatieobject.
type document struct {
	Informatieobjecttype   string `json:"informatieobjecttype"`
	IndicatieGebruiksrecht *bool  `json:"indicatieGebruiksrecht"`
	Status                 string `json:"status"`
}

// informatieobjectFeit resolves the informatieobject URL raw of field
// (zrc-003) into its facts. Its informatieobjecttype is given by
// omschrijving, as the zaaktype's zaaktype-informatieobjecttypen name it
// in Catalogi 1.3.1 (zrc-017).
func (h *Zaken) informatieobjectFeit(ctx context.Context, field, raw string) (zaken.InformatieobjectFeit, error) {
	var d document
	if err := h.Refs.Resolve(refs.Fresh(ctx), field, raw, &d); err != nil {
		return zaken.InformatieobjectFeit{}, err
	}
	f := zaken.InformatieobjectFeit{IndicatieGebruiksrecht: d.IndicatieGebruiksrecht, Status: d.Status}
	if id, ok := zgw.ParseResourceURLIn(ctx, CatalogiRoot, collInformatieobjecttypen, d.Informatieobjecttype); ok {
		t := catalogi.NewInformatieobjecttype(id)
		if _, err := h.load(ctx, catalogi.InformatieobjecttypeStream(id), catalogi.Decode, t.Apply); err != nil {
			return f, err
		}
		f.Informatieobjecttype = t.Omschrijving()
		return f, nil
	}
	var iot struct {
		Omschrijving string `json:"omschrijving"`
	}
	if d.Informatieobjecttype != "" && h.Refs.Resolve(ctx, field, d.Informatieobjecttype, &iot) == nil {
		f.Informatieobjecttype = iot.Omschrijving
	}
	return f, nil
}

// informatieobjecten resolves the documents of z's zaakinformatieobjecten,
// which closing and archiving need; one that does not resolve is left out,
// and the domain then treats it as not meeting their conditions.
func (h *Zaken) informatieobjecten(ctx context.Context, z *zaken.Zaak) (map[string]zaken.InformatieobjectFeit, error) {
	out := map[string]zaken.InformatieobjectFeit{}
	for _, io := range z.Informatieobjecten() {
		f, err := h.informatieobjectFeit(ctx, "informatieobject", io)
		if isKind(err, domain.KindInvalid) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[io] = f
	}
	return out, nil
}

// feiten gathers what a decision on z needs from outside the zaak's
// stream, documents aside: only closing, archiving and linking need those
// (informatieobjecten, informatieobjectFeit). The zaken z links to are
// links made before, read whatever the principal's rights.
func (h *Zaken) feiten(ctx context.Context, z *zaken.Zaak) (zaken.Feiten, error) {
	var f zaken.Feiten
	var err error
	g, k := z.Gegevens(), koppelingenVan(ctx, z)
	if _, f.Zaaktype, err = h.zaaktypeFeiten(ctx, "zaaktype", g.Zaaktype); err != nil {
		return f, err
	}
	if _, f.Hoofdzaak, err = h.hoofdzaakFeit(ctx, g.Hoofdzaak, k.hoofdzaak); err != nil && !isKind(err, domain.KindInvalid) {
		return f, err
	}
	// The brondatum of afleidingswijze gerelateerde_zaak; those of the
	// besluit afleidingswijzen wait for the Besluiten API.
	if r, ok := z.ResultaatGegevens(); ok &&
		f.Zaaktype.Resultaattypen[r.Resultaattype].BrondatumArchiefprocedure.Afleidingswijze == catalogi.GerelateerdeZaak {
		var p domain.Problems
		if f.Brondatum, err = h.relevanteZaken(ctx, &p, g.RelevanteAndereZaken, k.relevant); err != nil {
			return f, err
		}
	}
	return f, nil
}
