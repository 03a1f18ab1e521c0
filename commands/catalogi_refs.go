package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

// Collections of the Catalogi API, as they appear in resource URLs.
const (
	collCatalogussen          = "catalogussen"
	collZaaktypen             = "zaaktypen"
	collInformatieobjecttypen = "informatieobjecttypen"
	collBesluittypen          = "besluittypen"
)

// localRef returns the uuid of raw, the URL of a resource in collection of
// this API given in field. Anything else (malformed, another host, another
// collection) is bad-url on field: these references must be local.
func localRef(ctx context.Context, field, collection, raw string) (string, error) {
	if id, ok := zgw.ParseResourceURL(ctx, collection, raw); ok {
		return id, nil
	}
	return "", domain.Invalid(field, refs.CodeBadURL,
		fmt.Sprintf("%q is geen URL van een resource in %s van deze Catalogi API.", raw, collection))
}

// optionalRef is localRef for a field that may be empty ("" or null).
func optionalRef(ctx context.Context, p *domain.Problems, field, collection, raw string) string {
	if raw == "" {
		return ""
	}
	id, err := localRef(ctx, field, collection, raw)
	p.Merge(err)
	return id
}

// localRefs maps a list of local URLs to uuids, reporting each bad one as
// field.<index>.
func localRefs(ctx context.Context, p *domain.Problems, field, collection string, raws []string) []string {
	ids := make([]string, 0, len(raws))
	for i, raw := range raws {
		id, err := localRef(ctx, fmt.Sprintf("%s.%d", field, i), collection, raw)
		if p.Merge(err) {
			continue
		}
		ids = append(ids, id)
	}
	return ids
}

// isURL tells a URL from an omschrijving or identificatie.
func isURL(s string) bool { return strings.Contains(s, "://") }

// versie is what the three versioned types have in common.
type versie interface {
	Apply(domain.Event)
	Exists() bool
	IsConcept() bool
	Catalogus() string
	Periode() catalogi.Periode
	Beeindig(einde catalogi.Date) ([]domain.Event, error)
}

// soortInfo describes one versioned type for the shared code.
type soortInfo struct {
	soort      catalogi.Soort
	collection string
	stream     func(uuid string) string
	new        func(uuid string) versie
	// key returns the identificatie or omschrijving that keys the
	// type's Versies stream.
	key func(versie) string
}

var soorten = map[catalogi.Soort]soortInfo{
	catalogi.SoortZaaktype: {catalogi.SoortZaaktype, collZaaktypen, catalogi.ZaaktypeStream,
		func(id string) versie { return catalogi.NewZaaktype(id) },
		func(v versie) string { return v.(*catalogi.Zaaktype).Identificatie() }},
	catalogi.SoortInformatieobjecttype: {catalogi.SoortInformatieobjecttype, collInformatieobjecttypen, catalogi.InformatieobjecttypeStream,
		func(id string) versie { return catalogi.NewInformatieobjecttype(id) },
		func(v versie) string { return v.(*catalogi.Informatieobjecttype).Omschrijving() }},
	catalogi.SoortBesluittype: {catalogi.SoortBesluittype, collBesluittypen, catalogi.BesluittypeStream,
		func(id string) versie { return catalogi.NewBesluittype(id) },
		func(v versie) string { return v.(*catalogi.Besluittype).Omschrijving() }},
}

// loadVersie loads the version uuid of soort; it does not fail for one
// that does not exist.
func (h *Catalogi) loadVersie(ctx context.Context, s soortInfo, id string) (versie, error) {
	v := s.new(id)
	_, err := h.Base.load(ctx, s.stream(id), catalogi.Decode, v.Apply)
	return v, err
}

// loadVersies loads the Versies aggregate of soort with key in catalogus.
func (h *Catalogi) loadVersies(ctx context.Context, s soortInfo, catalogus, key string) (*catalogi.Versies, error) {
	v := catalogi.NewVersies(s.soort, catalogus, key)
	_, err := h.Base.load(ctx, v.Stream(), catalogi.Decode, v.Apply)
	return v, err
}

// byKey resolves references to the types of soort by key (the 1.3.1 write
// schemas name besluittypen and informatieobjecttypen by omschrijving,
// deelzaaktypen by identificatie) from the point of view of catalogus. A
// local URL of a version is accepted too and replaced by its key. It
// returns the keys to store and what each resolved to; under the
// historiemodel a key is no concept once one version is published. A key
// nothing answers to is left out of the Verwijzingen, and the domain
// reports it as does_not_exist; a URL that is not local is bad-url.
func (h *Catalogi) byKey(ctx context.Context, p *domain.Problems, s soortInfo, catalogus, field string, raws []string) ([]string, catalogi.Verwijzingen, error) {
	keys := make([]string, 0, len(raws))
	found := catalogi.Verwijzingen{}
	for i, raw := range raws {
		key, err := h.refByKey(ctx, p, s, catalogus, fmt.Sprintf("%s.%d", field, i), raw, found)
		if err != nil {
			return nil, nil, err
		}
		if key != "" {
			keys = append(keys, key)
		}
	}
	return keys, found, nil
}

// refByKey resolves one reference of byKey, given in field, into found;
// it returns the key to store, or "" when raw is a URL that names nothing
// (reported into p).
func (h *Catalogi) refByKey(ctx context.Context, p *domain.Problems, s soortInfo, catalogus, field, raw string, found catalogi.Verwijzingen) (string, error) {
	key, cat := raw, catalogus
	if isURL(raw) {
		id, err := localRef(ctx, field, s.collection, raw)
		if p.Merge(err) {
			return "", nil
		}
		v, err := h.loadVersie(ctx, s, id)
		if err != nil {
			return "", err
		}
		if !v.Exists() {
			p.Add(field, catalogi.CodeDoesNotExist, fmt.Sprintf("%q bestaat niet.", raw))
			return "", nil
		}
		key, cat = s.key(v), v.Catalogus()
	}
	if _, done := found[key]; done {
		return key, nil
	}
	v, ok, err := h.resolveKey(ctx, s, cat, key)
	if ok {
		found[key] = v
	}
	return key, err
}

// resolveKey finds the types of soort with key in catalogus: published
// when the Versies stream has a version, else a concept when the index
// points at one that its stream confirms. Without a catalogus (a body
// that left it out, which the domain refuses) there is none.
func (h *Catalogi) resolveKey(ctx context.Context, s soortInfo, catalogus, key string) (catalogi.Verwijzing, bool, error) {
	if catalogus == "" {
		return catalogi.Verwijzing{}, false, nil
	}
	published, err := h.published(ctx, s, catalogus, key)
	if err != nil || published {
		return catalogi.Verwijzing{Catalogus: catalogus}, published, err
	}
	if h.Versions == nil {
		return catalogi.Verwijzing{}, false, nil
	}
	ids, err := h.Versions.VersionsOf(ctx, s.soort, catalogus, key)
	if err != nil {
		return catalogi.Verwijzing{}, false, err
	}
	for _, id := range ids {
		v, err := h.loadVersie(ctx, s, id)
		if err != nil {
			return catalogi.Verwijzing{}, false, err
		}
		if v.Exists() && v.Catalogus() == catalogus && s.key(v) == key {
			return catalogi.Verwijzing{Catalogus: catalogus, Concept: v.IsConcept()}, true, nil
		}
	}
	return catalogi.Verwijzing{}, false, nil
}

// published reports whether a version of soort with key in catalogus is
// published; the Versies stream is the authority.
func (h *Catalogi) published(ctx context.Context, s soortInfo, catalogus, key string) (bool, error) {
	v, err := h.loadVersies(ctx, s, catalogus, key)
	return err == nil && len(v.Gepubliceerd()) > 0, err
}

// byURL resolves references to single versions of soort given as local
// URLs (a resultaattype's besluittypen and informatieobjecttypen). It
// returns them in canonical form with what each resolved to; a version
// that does not exist is left out, for the domain to report.
func (h *Catalogi) byURL(ctx context.Context, p *domain.Problems, s soortInfo, field string, raws []string) ([]string, catalogi.Verwijzingen, error) {
	urls := make([]string, 0, len(raws))
	found := catalogi.Verwijzingen{}
	for i, raw := range raws {
		id, err := localRef(ctx, fmt.Sprintf("%s.%d", field, i), s.collection, raw)
		if p.Merge(err) {
			continue
		}
		u := zgw.ResourceRef(zgw.APIFrom(ctx).Root, s.collection, id)
		urls = append(urls, u)
		v, err := h.loadVersie(ctx, s, id)
		if err != nil {
			return nil, nil, err
		}
		if v.Exists() {
			found[u] = catalogi.Verwijzing{Catalogus: v.Catalogus(), Concept: v.IsConcept()}
		}
	}
	return urls, found, nil
}

// checkCatalogus reports does_not_exist on field when catalogus is no
// catalogus of this registry.
func (h *Catalogi) checkCatalogus(ctx context.Context, p *domain.Problems, field, id string) error {
	if id == "" {
		return nil
	}
	c, _, err := h.loadCatalogus(ctx, id)
	if err == nil && !c.Exists() {
		p.Add(field, catalogi.CodeDoesNotExist, "De catalogus bestaat niet.")
	}
	return err
}

// publicatieFeiten resolves what publishing z needs (ztc-012): whether
// each related besluittype and informatieobjecttype has a published
// version in z's catalogus. A key without one stays out: still a concept.
func (h *Catalogi) publicatieFeiten(ctx context.Context, z *catalogi.Zaaktype) (catalogi.PublicatieFeiten, error) {
	f := catalogi.PublicatieFeiten{Besluittypen: catalogi.Verwijzingen{}, Informatieobjecttypen: catalogi.Verwijzingen{}}
	besluittypen, informatieobjecttypen := z.Relaties()
	for _, rel := range []struct {
		soort catalogi.Soort
		keys  []string
		into  catalogi.Verwijzingen
	}{
		{catalogi.SoortBesluittype, besluittypen, f.Besluittypen},
		{catalogi.SoortInformatieobjecttype, informatieobjecttypen, f.Informatieobjecttypen},
	} {
		for _, key := range rel.keys {
			ok, err := h.published(ctx, soorten[rel.soort], z.Catalogus(), key)
			if err != nil {
				return f, err
			}
			if ok {
				rel.into[key] = catalogi.Verwijzing{Catalogus: z.Catalogus()}
			}
		}
	}
	return f, nil
}
