package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Eigenschappen serves /eigenschappen of the Catalogi API.
type Eigenschappen struct{ *Catalogi }

// eigenschap is the wire form of an Eigenschap (catalogi-1.3.1).
type eigenschap struct {
	URL                   string                 `json:"url"`
	Naam                  string                 `json:"naam"`
	Catalogus             string                 `json:"catalogus"`
	Definitie             string                 `json:"definitie"`
	Specificatie          eigenschapSpecificatie `json:"specificatie"`
	Toelichting           string                 `json:"toelichting"`
	Zaaktype              string                 `json:"zaaktype"`
	ZaaktypeIdentificatie string                 `json:"zaaktypeIdentificatie"`
	Statustype            *string                `json:"statustype"`
	BeginGeldigheid       *string                `json:"beginGeldigheid"`
	EindeGeldigheid       *string                `json:"eindeGeldigheid"`
	BeginObject           *string                `json:"beginObject"`
	EindeObject           *string                `json:"eindeObject"`
}

type eigenschapSpecificatie struct {
	Groep              string   `json:"groep"`
	Formaat            string   `json:"formaat"`
	Lengte             string   `json:"lengte"`
	Kardinaliteit      string   `json:"kardinaliteit"`
	Waardenverzameling []string `json:"waardenverzameling"`
}

var eigenschapResource = resource{
	columns: subtypeColumns("s"),
	table:   "ztc.eigenschappen s",
	joins:   subtypeJoins("s"),
	extra:   subtypeObject,
	alias:   "s",
	order:   createdOrder("s"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var h subtypeHead
		if err := scan(h.dest()...); err != nil {
			return nil, err
		}
		var g catalogi.EigenschapGegevens
		if err := decodeRendered(ctx, h.data, &g); err != nil {
			return nil, err
		}
		begin, einde := h.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
		sp := g.Specificatie
		return eigenschap{
			URL: zgw.ResourceURL(ctx, "eigenschappen", h.uuid), Naam: g.Naam,
			Catalogus: zgw.ResourceURL(ctx, "catalogussen", h.catalogus), Definitie: g.Definitie,
			Specificatie: eigenschapSpecificatie{Groep: sp.Groep, Formaat: string(sp.Formaat), Lengte: sp.Lengte,
				Kardinaliteit: sp.Kardinaliteit, Waardenverzameling: strs(sp.Waardenverzameling)},
			Toelichting: g.Toelichting, Zaaktype: zgw.ResourceURL(ctx, "zaaktypen", h.zaaktype),
			ZaaktypeIdentificatie: h.identificatie, Statustype: optionalURL(ctx, "statustypen", g.Statustype),
			BeginGeldigheid: begin, EindeGeldigheid: einde,
			BeginObject: h.beginObject, EindeObject: h.eindeObject,
		}, nil
	},
}

// List handles GET /eigenschappen: filters zaaktype,
// zaaktypeIdentificatie, status and datumGeldigheid; paginated.
func (s Eigenschappen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	subtypeFilters(f, "s", "zaaktypeIdentificatie", "status", "datumGeldigheid")
	s.list(w, r, eigenschapResource, f)
}

// Read handles GET and HEAD /eigenschappen/{uuid}.
func (s Eigenschappen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, eigenschapResource)
}

// Render writes eigenschap uuid with status, exactly as a GET shows it; the
// write endpoints answer with it. An unknown uuid is a 404.
func (s Eigenschappen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, eigenschapResource, uuid, s.filter(r))
}
