package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Catalogussen serves /catalogussen of the Catalogi API.
type Catalogussen struct{ *Catalogi }

// catalogus is the wire form of a Catalogus (catalogi-1.3.1).
type catalogus struct {
	URL                                string   `json:"url"`
	Domein                             string   `json:"domein"`
	Rsin                               string   `json:"rsin"`
	ContactpersoonBeheerNaam           string   `json:"contactpersoonBeheerNaam"`
	ContactpersoonBeheerTelefoonnummer string   `json:"contactpersoonBeheerTelefoonnummer"`
	ContactpersoonBeheerEmailadres     string   `json:"contactpersoonBeheerEmailadres"`
	Zaaktypen                          []string `json:"zaaktypen"`
	Besluittypen                       []string `json:"besluittypen"`
	Informatieobjecttypen              []string `json:"informatieobjecttypen"`
	Naam                               *string  `json:"naam"`
	Versie                             *string  `json:"versie"`
	BegindatumVersie                   *string  `json:"begindatumVersie"`
}

// catalogusResource lists every zaaktype, besluittype and
// informatieobjecttype of the catalogus, concepts and all versions included.
var catalogusResource = resource{
	columns: `c.uuid::text, c.data, ` +
		uuidsOf("zaaktypen", "z", "z.catalogus = c.uuid") + `, ` +
		uuidsOf("besluittypen", "b", "b.catalogus = c.uuid") + `, ` +
		uuidsOf("informatieobjecttypen", "i", "i.catalogus = c.uuid"),
	table: "ztc.catalogussen c",
	alias: "c",
	order: createdOrder("c"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var (
			id          string
			data        []byte
			zt, bt, iot []string
			g           catalogi.CatalogusGegevens
		)
		if err := scan(&id, &data, &zt, &bt, &iot); err != nil {
			return nil, err
		}
		if err := decodeRendered(ctx, data, &g); err != nil {
			return nil, err
		}
		return catalogus{
			URL: zgw.ResourceURL(ctx, "catalogussen", id), Domein: g.Domein, Rsin: g.Rsin,
			ContactpersoonBeheerNaam:           g.ContactpersoonBeheerNaam,
			ContactpersoonBeheerTelefoonnummer: g.ContactpersoonBeheerTelefoonnummer,
			ContactpersoonBeheerEmailadres:     g.ContactpersoonBeheerEmailadres,
			Zaaktypen:                          urls(ctx, "zaaktypen", zt),
			Besluittypen:                       urls(ctx, "besluittypen", bt),
			Informatieobjecttypen:              urls(ctx, "informatieobjecttypen", iot),
			Naam:                               nullable(g.Naam), Versie: nullable(g.Versie),
			BegindatumVersie: nullDate(g.BegindatumVersie),
		}, nil
	},
}

// List handles GET /catalogussen: filters domein, domein__in, rsin and
// rsin__in; paginated.
func (s Catalogussen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	f.text("domein", "c.domein")
	f.textIn("domein__in", "c.domein")
	f.text("rsin", "c.rsin")
	f.textIn("rsin__in", "c.rsin")
	s.list(w, r, catalogusResource, f)
}

// Read handles GET and HEAD /catalogussen/{uuid}.
func (s Catalogussen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, catalogusResource)
}

// Render writes catalogus uuid with status, exactly as a GET shows it; the
// write endpoints answer with it. An unknown uuid is a 404.
func (s Catalogussen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, catalogusResource, uuid, s.filter(r))
}
