package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Zaakobjecttypen serves /zaakobjecttypen of the Catalogi API.
type Zaakobjecttypen struct{ *Catalogi }

// zaakobjecttype is the wire form of a ZaakObjectType (catalogi-1.3.1).
// Its resultaattypen and statustypen are always empty: nothing in the
// 1.3.1 API can relate a resultaattype or statustype to a zaakobjecttype.
type zaakobjecttype struct {
	URL                   string   `json:"url"`
	AnderObjecttype       bool     `json:"anderObjecttype"`
	BeginGeldigheid       string   `json:"beginGeldigheid"`
	EindeGeldigheid       *string  `json:"eindeGeldigheid"`
	BeginObject           *string  `json:"beginObject"`
	EindeObject           *string  `json:"eindeObject"`
	Objecttype            string   `json:"objecttype"`
	RelatieOmschrijving   string   `json:"relatieOmschrijving"`
	Zaaktype              string   `json:"zaaktype"`
	ZaaktypeIdentificatie string   `json:"zaaktypeIdentificatie"`
	Resultaattypen        []string `json:"resultaattypen"`
	Statustypen           []string `json:"statustypen"`
	Catalogus             string   `json:"catalogus"`
}

var zaakobjecttypeResource = resource{
	columns: subtypeColumns("s"),
	table:   "ztc.zaakobjecttypen s",
	joins:   subtypeJoins("s"),
	extra:   subtypeObject,
	alias:   "s",
	order:   createdOrder("s"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var h subtypeHead
		if err := scan(h.dest()...); err != nil {
			return nil, err
		}
		var g catalogi.ZaakobjecttypeGegevens
		if err := decodeRendered(ctx, h.data, &g); err != nil {
			return nil, err
		}
		_, einde := h.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
		return zaakobjecttype{
			URL: zgw.ResourceURL(ctx, "zaakobjecttypen", h.uuid), AnderObjecttype: g.AnderObjecttype,
			BeginGeldigheid: g.BeginGeldigheid.String(), EindeGeldigheid: einde,
			BeginObject: h.beginObject, EindeObject: h.eindeObject,
			Objecttype: g.Objecttype, RelatieOmschrijving: g.RelatieOmschrijving,
			Zaaktype: zgw.ResourceURL(ctx, "zaaktypen", h.zaaktype), ZaaktypeIdentificatie: h.identificatie,
			Resultaattypen: []string{}, Statustypen: []string{},
			Catalogus: zgw.ResourceURL(ctx, "catalogussen", h.catalogus),
		}, nil
	},
}

// List handles GET /zaakobjecttypen: filters anderObjecttype, catalogus,
// datumBeginGeldigheid and datumEindeGeldigheid (exact dates),
// datumGeldigheid, objecttype (exact URL), relatieOmschrijving, zaaktype
// and zaaktypeIdentificatie; paginated. The 1.3.1 OAS gives this list no
// status filter, so zaakobjecttypen of concepts are listed too.
func (s Zaakobjecttypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	subtypeFilters(f, "s", "zaaktypeIdentificatie", "", "datumGeldigheid")
	f.boolean("anderObjecttype", "s.ander_objecttype")
	f.resourceURL("catalogus", "catalogussen", "s.catalogus = %s")
	f.exactDate("datumBeginGeldigheid", "s.begin_geldigheid")
	f.exactDate("datumEindeGeldigheid", "s.einde_geldigheid")
	if v := f.value("objecttype"); v != "" && f.validURL("objecttype", v) {
		f.add("s.objecttype = %s", v)
	}
	f.text("relatieOmschrijving", "s.relatie_omschrijving")
	s.list(w, r, zaakobjecttypeResource, f)
}

// Read handles GET and HEAD /zaakobjecttypen/{uuid}.
func (s Zaakobjecttypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, zaakobjecttypeResource)
}

// Render writes zaakobjecttype uuid with status, exactly as a GET shows it;
// the write endpoints answer with it. An unknown uuid is a 404.
func (s Zaakobjecttypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, zaakobjecttypeResource, uuid, s.filter(r))
}
