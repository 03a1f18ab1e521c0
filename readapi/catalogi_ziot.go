package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// ZaaktypeInformatieobjecttypen serves /zaaktype-informatieobjecttypen of
// the Catalogi API.
type ZaaktypeInformatieobjecttypen struct{ *Catalogi }

// zaaktypeInformatieobjecttype is the wire form of a
// ZaakTypeInformatieObjectType (catalogi-1.3.1). informatieobjecttype is
// the reference as given: in 1.3.1 the omschrijving of the
// informatieobjecttype, no URL (the OAS declares a plain string).
type zaaktypeInformatieobjecttype struct {
	URL                   string  `json:"url"`
	Zaaktype              string  `json:"zaaktype"`
	ZaaktypeIdentificatie string  `json:"zaaktypeIdentificatie"`
	Catalogus             string  `json:"catalogus"`
	Informatieobjecttype  string  `json:"informatieobjecttype"`
	Volgnummer            int     `json:"volgnummer"`
	Richting              string  `json:"richting"`
	Statustype            *string `json:"statustype"`
}

// ziotConcept is true for a zaaktype-informatieobjecttype whose zaaktype
// is a concept or whose informatieobjecttype has no published version: the
// status filter of the reference implementation looks at both.
const ziotConcept = `(z.concept OR NOT EXISTS (SELECT 1 FROM ztc.informatieobjecttypen i
	WHERE ((i.catalogus = t.catalogus AND i.omschrijving = t.informatieobjecttype_omschrijving)
	OR i.uuid = t.informatieobjecttype_uuid) AND NOT i.concept))`

var ziotResource = resource{
	columns: `t.uuid::text, t.zaaktype::text, t.catalogus::text, z.identificatie, t.data`,
	table:   "ztc.zaaktypeinformatieobjecttypen t",
	joins:   subtypeJoins("t"),
	alias:   "t",
	// Per zaaktype, in volgnummer order.
	order: "z.created_commit, z.created_prepare, z.uuid, t.volgnummer, t.uuid",
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var id, zt, cat, identificatie string
		var data []byte
		if err := scan(&id, &zt, &cat, &identificatie, &data); err != nil {
			return nil, err
		}
		var g catalogi.ZaaktypeInformatieobjecttypeGegevens
		if err := decodeRendered(ctx, data, &g); err != nil {
			return nil, err
		}
		return zaaktypeInformatieobjecttype{
			URL: zgw.ResourceURL(ctx, "zaaktype-informatieobjecttypen", id), Zaaktype: zgw.ResourceURL(ctx, "zaaktypen", zt),
			ZaaktypeIdentificatie: identificatie, Catalogus: zgw.ResourceURL(ctx, "catalogussen", cat),
			Informatieobjecttype: g.Informatieobjecttype, Volgnummer: g.Volgnummer, Richting: string(g.Richting),
			Statustype: optionalURL(ctx, "statustypen", g.Statustype),
		}, nil
	},
}

// List handles GET /zaaktype-informatieobjecttypen: filters zaaktype,
// informatieobjecttype (the URL of a version, or an omschrijving),
// richting and status; paginated.
func (s ZaaktypeInformatieobjecttypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	f.resourceURL("zaaktype", "zaaktypen", "t.zaaktype = %s")
	if v := f.value("informatieobjecttype"); isURL(v) {
		f.resourceURL("informatieobjecttype", "informatieobjecttypen", `EXISTS (SELECT 1 FROM ztc.informatieobjecttypen i
			WHERE i.uuid = %s AND ((t.catalogus = i.catalogus AND t.informatieobjecttype_omschrijving = i.omschrijving)
			OR t.informatieobjecttype_uuid = i.uuid))`)
	} else {
		f.text("informatieobjecttype", "t.informatieobjecttype_omschrijving")
	}
	f.choice("richting", "t.richting", string(catalogi.Inkomend), string(catalogi.InternStuk), string(catalogi.Uitgaand))
	f.status("status", ziotConcept)
	s.list(w, r, ziotResource, f)
}

// Read handles GET and HEAD /zaaktype-informatieobjecttypen/{uuid}.
func (s ZaaktypeInformatieobjecttypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, ziotResource)
}

// Render writes zaaktype-informatieobjecttype uuid with status, exactly as
// a GET shows it; the write endpoints answer with it. An unknown uuid is a
// 404.
func (s ZaaktypeInformatieobjecttypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, ziotResource, uuid, s.filter(r))
}
