package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/zgw"
)

// Zaaktypen serves /zaaktypen of the Catalogi API.
type Zaaktypen struct{ *Catalogi }

// subtypesOf is the uuid list of the sub-types in table of zaaktype z,
// valid on the request's datumGeldigheid when it has one.
func subtypesOf(table, order string) string {
	return `array(SELECT s.uuid::text FROM ztc.` + table + ` s WHERE s.zaaktype = z.uuid AND ` + inGeldigheid("s") +
		` ORDER BY ` + order + `)`
}

// zaaktypeResource reads a zaaktype with the URLs of its sub-types, its
// informatieobjecttypen (through its zaaktype-informatieobjecttypen, in
// their volgnummer order), besluittypen, deelzaaktypen and the targets of
// its gerelateerdeZaaktypen, all resolved on $1.
var zaaktypeResource = resource{
	columns: `z.uuid::text, z.catalogus::text, z.concept, z.data, obj.begin_object, obj.einde_object, ` +
		subtypesOf("statustypen", "s.volgnummer, s.uuid") + `, ` +
		subtypesOf("roltypen", createdOrder("s")) + `, ` +
		subtypesOf("resultaattypen", createdOrder("s")) + `, ` +
		subtypesOf("eigenschappen", createdOrder("s")) + `, ` +
		subtypesOf("zaakobjecttypen", createdOrder("s")) + `,
		array(SELECT i.uuid::text FROM ztc.zaaktypeinformatieobjecttypen t JOIN ztc.informatieobjecttypen i
			ON (i.catalogus = t.catalogus AND i.omschrijving = t.informatieobjecttype_omschrijving AND ` + published("i") + `)
			OR i.uuid = t.informatieobjecttype_uuid
			WHERE t.zaaktype = z.uuid GROUP BY i.uuid ORDER BY min(t.volgnummer), min(i.begin_geldigheid), i.uuid), ` +
		resolved("besluittypen", "omschrijving", "z", "besluittypen_omschrijvingen", "besluittypen_uuids") + `, ` +
		resolved("zaaktypen", "identificatie", "z", "deelzaaktypen_identificaties", "deelzaaktypen_uuids") + `,
		array(SELECT coalesce((SELECT g.uuid::text FROM ztc.zaaktypen g
				WHERE g.catalogus = z.catalogus AND g.identificatie = e.rel->>'zaaktype'
				ORDER BY coalesce(` + published("g") + `, false) DESC, g.concept, g.begin_geldigheid DESC NULLS LAST,
					g.created_commit DESC, g.created_prepare DESC LIMIT 1), '')
			FROM jsonb_array_elements(z.data->'gerelateerdeZaaktypen') WITH ORDINALITY AS e(rel, n) ORDER BY e.n)`,
	table: "ztc.zaaktypen z",
	extra: object("zaaktypen", "z", "identificatie"),
	alias: "z",
	order: createdOrder("z"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var z zaaktypeRow
		var data []byte
		err := scan(&z.uuid, &z.catalogus, &z.concept, &data, &z.beginObject, &z.eindeObject,
			&z.statustypen, &z.roltypen, &z.resultaattypen, &z.eigenschappen, &z.zaakobjecttypen,
			&z.informatieobjecttypen, &z.besluittypen, &z.deelzaaktypen, &z.gerelateerdeZaaktypen)
		if err != nil {
			return nil, err
		}
		if err := decodeRendered(ctx, data, &z.g); err != nil {
			return nil, err
		}
		return z.wire(ctx), nil
	},
}

// List handles GET /zaaktypen: filters catalogus, identificatie,
// trefwoorden (all given must be present), status and datumGeldigheid;
// paginated.
func (s Zaaktypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	f.resourceURL("catalogus", "catalogussen", "z.catalogus = %s")
	f.text("identificatie", "z.identificatie")
	f.trefwoorden("trefwoorden", "z.trefwoorden")
	f.status("status", "z.concept")
	f.geldigheid("datumGeldigheid", "z")
	s.list(w, r, zaaktypeResource, f)
}

// Read handles GET and HEAD /zaaktypen/{uuid}. With datumGeldigheid the
// zaaktype is shown as it is on that day: it must itself be valid then
// (else 404), and its sub-types and relations are those valid then.
func (s Zaaktypen) Read(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	f.geldigheid("datumGeldigheid", "z")
	if err := f.p.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, zaaktypeResource, zgw.PathUUID(r), f)
}

// Render writes zaaktype uuid with status, exactly as a GET without
// datumGeldigheid shows it; the write endpoints answer with it. An unknown
// uuid is a 404.
func (s Zaaktypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, zaaktypeResource, uuid, s.filter(r))
}
