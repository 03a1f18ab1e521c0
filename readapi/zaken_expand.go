package readapi

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// Expand (RULES 2.8, zrc-025..028) embeds related objects in a zaak under
// "_expand", keyed by attribute: a single relation as the object (or {}
// when there is none), a multiple one as an array. Only relations into
// this API and into this registry's Catalogi API can be expanded
// (zrc-025), to a depth of 3 (zrc-026; deeper paths are cut there); a name
// that is no expandable attribute is a 400 with invalidParam "expand". A
// reference the client gave that cannot be fetched (a catalogi type or a
// relevante andere zaak outside this registry or deleted) makes the whole
// answer a 404 rather than a partial one (zrc-028). Every expanded object
// of this API passes the principal's RightsFilter on its zaak, as a list
// does: one the principal may not read is left out of an array, and a
// single one shows as {} (zrc-006).
//
// The expansion runs breadth first: per requested path one query for all
// the objects of a page, never one per item.

// maxExpandDepth is the deepest expansion of the Zaken API 1.5 (zrc-026).
const maxExpandDepth = 3

// catalogiRoot is the API root of this registry's Catalogi API, where the
// zaken's catalogi references point (zrc-001).
const catalogiRoot = "/catalogi/api/v1"

// relation is one expandable attribute.
type relation struct {
	// target is the kind of the related objects (a key of expandGraph, or
	// of catalogiKinds for the leaves).
	target string
	many   bool
	// given marks a reference the client chose (rather than the registry's
	// own bookkeeping): one that cannot be fetched fails the expansion
	// (zrc-028). An object of the registry's own lists that vanished
	// between two reads is left out instead.
	given bool
}

// expandGraph is what each kind of object of this API can expand: the
// _expand schemas of zaken-1.5.1 (ZaakEmbedded, StatusEmbedded, ...), with
// zaak.zaakinformatieobjecten and zaakeigenschap.eigenschap, which the
// standard's expand paths have and its 1.5.1 file forgot. Catalogi types
// are leaves (no nested expand in 1.5).
var expandGraph = map[string]map[string]relation{
	"zaak": {
		"zaaktype":               {target: "zaaktype", given: true},
		"hoofdzaak":              {target: "zaak"},
		"deelzaken":              {target: "zaak", many: true},
		"relevanteAndereZaken":   {target: "zaak", many: true, given: true},
		"eigenschappen":          {target: "zaakeigenschap", many: true},
		"rollen":                 {target: "rol", many: true},
		"status":                 {target: "status"},
		"zaakinformatieobjecten": {target: "zaakinformatieobject", many: true},
		"zaakobjecten":           {target: "zaakobject", many: true},
		"resultaat":              {target: "resultaat"},
	},
	"status": {
		"statustype":             {target: "statustype", given: true},
		"gezetdoor":              {target: "rol", given: true},
		"zaakinformatieobjecten": {target: "zaakinformatieobject", many: true},
	},
	"rol": {
		"zaak":      {target: "zaak"},
		"roltype":   {target: "roltype", given: true},
		"statussen": {target: "status", many: true},
	},
	"resultaat": {
		"zaak":          {target: "zaak"},
		"resultaattype": {target: "resultaattype", given: true},
	},
	"zaakinformatieobject": {"status": {target: "status", given: true}},
	"zaakobject":           {"zaakobjecttype": {target: "zaakobjecttype", given: true}},
	"zaakeigenschap":       {"eigenschap": {target: "eigenschap", given: true}},
}

// expandTree is a parsed expand parameter: per attribute, what to expand
// inside the objects it names.
type expandTree map[string]expandTree

// parseExpand reads the comma-separated dotted paths of an expand
// parameter on a zaak. Blank items are ignored; paths are cut at
// maxExpandDepth, but every name must be expandable.
func parseExpand(raw string) (expandTree, error) {
	tree := expandTree{}
	for _, item := range strings.Split(raw, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		kind, node := "zaak", tree
		for depth, name := range strings.Split(item, ".") {
			rel, ok := expandGraph[kind][name]
			if !ok {
				// zrc-027: a name that is no attribute of the resource is a 404.
				return nil, domain.NotFound(fmt.Sprintf(
					"%q kan niet worden geëxpandeerd: %q is geen te expanderen attribuut van %s.", item, name, kind))
			}
			kind = rel.target
			if depth >= maxExpandDepth {
				continue
			}
			if node[name] == nil {
				node[name] = expandTree{}
			}
			node = node[name]
		}
	}
	return tree, nil
}

// expanded is one object of an answer with expand: its wire form and,
// once filled, its _expand.
type expanded struct {
	kind   string
	wire   any
	embeds map[string]any
}

// MarshalJSON renders the wire form with "_expand" as its last property
// when the object has one, without HTML escaping as every body.
func (e *expanded) MarshalJSON() ([]byte, error) {
	body, err := marshalPlain(e.wire)
	if err != nil || e.embeds == nil {
		return body, err
	}
	embeds, err := marshalPlain(e.embeds)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(body, []byte("{")) || !bytes.HasSuffix(body, []byte("}")) {
		return nil, fmt.Errorf("readapi: expand: %T does not render as an object", e.wire)
	}
	out := bytes.TrimSuffix(body, []byte("}"))
	if len(out) > 1 {
		out = append(out, ',')
	}
	out = append(out, `"_expand":`...)
	out = append(out, embeds...)
	return append(out, '}'), nil
}

// expand returns the zaken of a page (already limited to what the
// principal may read) with their "_expand" filled as the request's expand
// parameter asks, for GET /zaken, GET /zaken/{uuid} and POST /zaken/_zoek
// (whose body carries expand: pass it through r's query or call
// expandWith). Without expand the items come back as they are. Errors: a
// 400 for an invalid expand value, a 404 for a reference that cannot be
// fetched (zrc-028), and database errors.
func (s Zaken) expand(r *http.Request, items []zaak) ([]any, error) {
	return s.expandWith(r, r.URL.Query().Get("expand"), items)
}

// expandWith is expand with the expand value given (the _zoek body's).
func (s Zaken) expandWith(r *http.Request, raw string, items []zaak) ([]any, error) {
	out := make([]any, 0, len(items))
	tree, err := parseExpand(raw)
	if err != nil {
		return nil, err
	}
	if len(tree) == 0 {
		for _, z := range items {
			out = append(out, z)
		}
		return out, nil
	}
	x := expander{ctx: r.Context(), pool: s.Pool, rights: s.rights(r), cache: s.Catalogi, zaken: s.Gegevens}
	parents := make([]*expanded, 0, len(items))
	for _, z := range items {
		e := &expanded{kind: "zaak", wire: z}
		parents = append(parents, e)
		out = append(out, e)
	}
	if err := x.expand(parents, tree); err != nil {
		return nil, err
	}
	return out, nil
}

// expander runs one expansion.
type expander struct {
	ctx    context.Context
	pool   *pgxpool.Pool
	rights RightsFilter
	cache  *ExpandCache // nil: no cache
	zaken  *GegevensCache
}

// expand fills in every parent (all of one kind) the attributes of tree,
// each with one query and all the queries of one level in one round trip
// (see fetch), then what tree asks inside those objects.
func (x expander) expand(parents []*expanded, tree expandTree) error {
	if len(parents) == 0 {
		return nil
	}
	kind := parents[0].kind
	names := slices.Sorted(maps.Keys(tree))
	refs := make([][][]string, len(names)) // per name, per parent
	fetches := make([]fetch, len(names))
	for n, name := range names {
		rel := expandGraph[kind][name]
		refs[n] = make([][]string, len(parents))
		var ids []string
		for i, p := range parents {
			r, err := x.refs(p.wire, name, rel)
			if err != nil {
				return err
			}
			refs[n][i] = r
			ids = append(ids, r...)
		}
		fetches[n] = fetch{kind: rel.target, ids: ids}
	}
	if err := x.fetch(fetches); err != nil {
		return err
	}
	for n, name := range names {
		rel, found := expandGraph[kind][name], fetches[n].found
		var children []*expanded
		seen := map[*expanded]bool{}
		for i, p := range parents {
			list := []any{}
			for _, id := range refs[n][i] {
				o, ok := found[id]
				switch {
				case ok && o != nil:
					list = append(list, o)
					if !seen[o] {
						seen[o] = true
						children = append(children, o)
					}
				case !ok && rel.given:
					return domain.NotFound(fmt.Sprintf("Het object van %s kan niet worden opgehaald voor expand.", name))
				}
			}
			if p.embeds == nil {
				p.embeds = map[string]any{}
			}
			switch {
			case rel.many:
				p.embeds[name] = list
			case len(list) == 0:
				p.embeds[name] = struct{}{}
			default:
				p.embeds[name] = list[0]
			}
		}
		if len(tree[name]) > 0 {
			if err := x.expand(children, tree[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

// fetch is the objects of one kind that one attribute of a level refers
// to: found maps each existing id (a canonical uuid) to its object, or to
// nil when the principal may not read it; an id that does not exist is
// absent.
type fetch struct {
	kind  string
	ids   []string
	found map[string]*expanded
}

// fetch reads the objects of fetches: the catalogi objects (mostly from
// the ExpandCache) first, then every query of this API's own kinds in one
// pipelined round trip.
func (x expander) fetch(fetches []fetch) error {
	batch := &pgx.Batch{}
	var scans []func(pgx.Rows) error
	for i := range fetches {
		f := &fetches[i]
		f.ids = slices.Compact(slices.Sorted(slices.Values(f.ids)))
		f.found = map[string]*expanded{}
		if len(f.ids) == 0 {
			continue
		}
		if c, ok := catalogiKinds[f.kind]; ok {
			if err := x.fetchCatalogi(f.kind, c, f.ids, f.found); err != nil {
				return err
			}
			continue
		}
		if f.kind == "zaak" {
			batch.Queue(`SELECT `+zaakColumns+` FROM zrc.zaken z WHERE z.uuid = ANY($1::uuid[])`, f.ids)
			scans = append(scans, func(rows pgx.Rows) error { return x.scanZaken(rows, f.found) })
			continue
		}
		o := onderdelenByKind[f.kind]
		batch.Queue(`SELECT `+o.columns()+` FROM `+o.from()+` WHERE o.uuid = ANY($1::uuid[])`, f.ids)
		scans = append(scans, func(rows pgx.Rows) error { return x.scanOnderdelen(o, f.kind, rows, f.found) })
	}
	if batch.Len() == 0 {
		return nil
	}
	br := x.pool.SendBatch(x.ctx, batch)
	defer br.Close()
	for _, scan := range scans {
		rows, err := br.Query()
		if err != nil {
			return err
		}
		if err := scan(rows); err != nil {
			return err
		}
	}
	return br.Close()
}

// scanOnderdelen reads sub-resources of kind from rows, each passing the
// principal's RightsFilter through its zaak.
func (x expander) scanOnderdelen(o onderdeel, kind string, rows pgx.Rows, found map[string]*expanded) error {
	defer rows.Close()
	for rows.Next() {
		row, err := scanOnderdeel(rows.Scan)
		if err != nil {
			return err
		}
		zgw.CacheDependsOn(x.ctx, row.zaak)
		if !x.rights.Allows(row.zaaktype, row.vertrouwelijkheid) {
			found[row.uuid] = nil
			continue
		}
		v, err := o.wire(x.ctx, row)
		if err != nil {
			return err
		}
		found[row.uuid] = &expanded{kind: kind, wire: v}
	}
	return rows.Err()
}

// scanZaken reads zaken from rows, each passing the principal's
// RightsFilter.
func (x expander) scanZaken(rows pgx.Rows, found map[string]*expanded) error {
	defer rows.Close()
	for rows.Next() {
		z, err := scanZaak(x.zaken, rows.Scan)
		if err != nil {
			return err
		}
		z.cacheDependsOn(x.ctx)
		if !x.rights.Allows(z.zaaktype, z.vertrouwelijkheid) {
			found[z.uuid] = nil
			continue
		}
		found[z.uuid] = &expanded{kind: "zaak", wire: z.wire(x.ctx)}
	}
	return rows.Err()
}

// onderdelenByKind are the sub-resources that can be expanded, by kind.
var onderdelenByKind = map[string]onderdeel{
	"status":               statusOnderdeel,
	"resultaat":            resultaatOnderdeel,
	"rol":                  rolOnderdeel,
	"zaakinformatieobject": zioOnderdeel,
	"zaakobject":           zaakobjectOnderdeel,
	"zaakeigenschap":       zaakeigenschapOnderdeel,
}

// catalogiKind is a type of this registry's Catalogi API that a zaak or
// one of its sub-resources can expand: its collection and how the
// Catalogi API reads it, so that it shows exactly as its own GET does.
type catalogiKind struct {
	collection string
	res        resource
}

// catalogiKinds are the expandable catalogi types, by kind.
var catalogiKinds = map[string]catalogiKind{
	"zaaktype":       {"zaaktypen", zaaktypeResource},
	"statustype":     {"statustypen", statustypeResource},
	"roltype":        {"roltypen", roltypeResource},
	"resultaattype":  {"resultaattypen", resultaattypeResource},
	"zaakobjecttype": {"zaakobjecttypen", zaakobjecttypeResource},
	"eigenschap":     {"eigenschappen", eigenschapResource},
}

// ownCollections are the collections of this API's kinds that a client
// can name by URL in a given reference.
var ownCollections = map[string]string{"zaak": "zaken", "rol": "rollen", "status": "statussen"}

// refs returns the uuids that attribute name of the wire form w refers to,
// in its order. A given reference (rel.given) must be a URL of this
// registry, else nothing can be fetched (zrc-028: 404); the registry's
// own URLs are read by their last segment.
func (x expander) refs(w any, name string, rel relation) ([]string, error) {
	var raws []string
	switch w := w.(type) {
	case zaak:
		raws = zaakRefs(w, name)
	case status:
		raws = pick(name, map[string][]string{"statustype": {w.Statustype}, "gezetdoor": {w.Gezetdoor},
			"zaakinformatieobjecten": w.Zaakinformatieobjecten})
	case rol:
		raws = pick(name, map[string][]string{"zaak": {w.Zaak}, "roltype": {w.Roltype}, "statussen": w.Statussen})
	case resultaat:
		raws = pick(name, map[string][]string{"zaak": {w.Zaak}, "resultaattype": {w.Resultaattype}})
	case zaakinformatieobject:
		raws = pick(name, map[string][]string{"status": deref(w.Status)})
	case zaakobject:
		raws = pick(name, map[string][]string{"zaakobjecttype": {w.Zaakobjecttype}})
	case zaakeigenschap:
		raws = pick(name, map[string][]string{"eigenschap": {w.Eigenschap}})
	default:
		return nil, fmt.Errorf("readapi: expand: no references of %T", w)
	}
	ids := make([]string, 0, len(raws))
	for _, raw := range raws {
		if raw == "" {
			continue
		}
		id, ok := x.parse(rel, raw)
		switch {
		case ok:
			ids = append(ids, id)
		case rel.given:
			return nil, domain.NotFound(fmt.Sprintf("Het object van %s kan niet worden opgehaald voor expand: "+
				"alleen objecten van dit register kunnen worden geëxpandeerd.", name))
		}
	}
	return ids, nil
}

// parse returns the uuid in a reference to an object of rel.target.
func (x expander) parse(rel relation, raw string) (string, bool) {
	if c, ok := catalogiKinds[rel.target]; ok {
		return zgw.ParseResourceURLIn(x.ctx, catalogiRoot, c.collection, raw)
	}
	if rel.given {
		return zgw.ParseResourceURL(x.ctx, ownCollections[rel.target], raw)
	}
	id := zgw.CanonicalUUID(raw[strings.LastIndex(raw, "/")+1:])
	return id, id != ""
}

// zaakRefs are the references of attribute name of zaak z.
func zaakRefs(z zaak, name string) []string {
	switch name {
	case "zaaktype":
		return []string{z.Zaaktype}
	case "hoofdzaak":
		return deref(z.Hoofdzaak)
	case "deelzaken":
		return z.Deelzaken
	case "relevanteAndereZaken":
		out := make([]string, 0, len(z.RelevanteAndereZaken))
		for _, r := range z.RelevanteAndereZaken {
			out = append(out, r.URL)
		}
		return out
	case "eigenschappen":
		return z.Eigenschappen
	case "rollen":
		return z.Rollen
	case "status":
		return deref(z.Status)
	case "zaakinformatieobjecten":
		return z.Zaakinformatieobjecten
	case "zaakobjecten":
		return z.Zaakobjecten
	case "resultaat":
		return deref(z.Resultaat)
	}
	return nil
}

// pick returns refs[name].
func pick(name string, refs map[string][]string) []string { return refs[name] }

// deref is the one URL of a nullable reference, or none.
func deref(s *string) []string {
	if s == nil {
		return nil
	}
	return []string{*s}
}

// fetchCatalogi reads the catalogi objects of kind c with ids, rendered
// as the Catalogi API's GET renders them (their URLs in that API, their
// relations resolved on today), in one query.
//
// With an ExpandCache the renderings are kept and only the missing ones
// are read; a kept rendering is shared and never changed.
func (x expander) fetchCatalogi(kind string, c catalogiKind, ids []string, found map[string]*expanded) error {
	var gen uint64
	if x.cache != nil {
		gen = x.cache.generation()
		missing := ids[:0:0]
		for _, id := range ids {
			if v, ok := x.cache.get(kind + "/" + id); ok {
				found[id] = &expanded{kind: kind, wire: v}
			} else {
				missing = append(missing, id)
			}
		}
		if ids = missing; len(ids) == 0 {
			return nil
		}
	}
	ctx := zgw.WithAPI(x.ctx, &zgw.API{Name: "catalogi", Root: catalogiRoot, BaseURL: zgw.BaseURL(x.ctx)})
	res := c.res
	rows, err := x.pool.Query(x.ctx, paramTypes+`SELECT `+res.alias+`.uuid::text, `+res.columns+
		` FROM `+res.table+res.joins+res.extra+` WHERE `+res.alias+`.uuid = ANY($3::uuid[])`,
		(&Catalogi{}).today().Time(), nil, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		v, err := res.wire(ctx, func(dest ...any) error { return rows.Scan(append([]any{&id}, dest...)...) })
		if err != nil {
			return err
		}
		found[id] = &expanded{kind: kind, wire: v}
		if x.cache != nil {
			x.cache.put(kind+"/"+id, gen, v)
		}
	}
	return rows.Err()
}
