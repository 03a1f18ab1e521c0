package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Roltypen serves /roltypen of the Catalogi API.
type Roltypen struct{ *Catalogi }

// roltype is the wire form of a RolType (catalogi-1.3.1).
type roltype struct {
	URL                   string  `json:"url"`
	Zaaktype              string  `json:"zaaktype"`
	ZaaktypeIdentificatie string  `json:"zaaktypeIdentificatie"`
	Omschrijving          string  `json:"omschrijving"`
	OmschrijvingGeneriek  string  `json:"omschrijvingGeneriek"`
	Catalogus             *string `json:"catalogus"`
	BeginGeldigheid       *string `json:"beginGeldigheid"`
	EindeGeldigheid       *string `json:"eindeGeldigheid"`
	BeginObject           *string `json:"beginObject"`
	EindeObject           *string `json:"eindeObject"`
}

var roltypeResource = resource{
	columns: subtypeColumns("s"),
	table:   "ztc.roltypen s",
	joins:   subtypeJoins("s"),
	extra:   subtypeObject,
	alias:   "s",
	order:   createdOrder("s"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var h subtypeHead
		if err := scan(h.dest()...); err != nil {
			return nil, err
		}
		var g catalogi.RoltypeGegevens
		if err := decodeRendered(ctx, h.data, &g); err != nil {
			return nil, err
		}
		begin, einde := h.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
		return roltype{
			URL: zgw.ResourceURL(ctx, "roltypen", h.uuid), Zaaktype: zgw.ResourceURL(ctx, "zaaktypen", h.zaaktype),
			ZaaktypeIdentificatie: h.identificatie, Omschrijving: g.Omschrijving,
			OmschrijvingGeneriek: string(g.OmschrijvingGeneriek), Catalogus: optionalURL(ctx, "catalogussen", h.catalogus),
			BeginGeldigheid: begin, EindeGeldigheid: einde,
			BeginObject: h.beginObject, EindeObject: h.eindeObject,
		}, nil
	},
}

// omschrijvingenGeneriek are the values of OmschrijvingGeneriekEnum.
var omschrijvingenGeneriek = []string{
	string(catalogi.Adviseur), string(catalogi.Behandelaar), string(catalogi.Belanghebbende), string(catalogi.Beslisser),
	string(catalogi.Initiator), string(catalogi.Klantcontacter), string(catalogi.Zaakcoordinator), string(catalogi.MedeInitiator),
}

// List handles GET /roltypen: filters zaaktype, zaaktypeIdentificatie,
// omschrijvingGeneriek, status and datumGeldigheid; paginated.
func (s Roltypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	subtypeFilters(f, "s", "zaaktypeIdentificatie", "status", "datumGeldigheid")
	f.choice("omschrijvingGeneriek", "s.omschrijving_generiek", omschrijvingenGeneriek...)
	s.list(w, r, roltypeResource, f)
}

// Read handles GET and HEAD /roltypen/{uuid}.
func (s Roltypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, roltypeResource)
}

// Render writes roltype uuid with status, exactly as a GET shows it; the
// write endpoints answer with it. An unknown uuid is a 404.
func (s Roltypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, roltypeResource, uuid, s.filter(r))
}
