package readapi

import (
	"context"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// ZaakContactMomenten serves GET /zaakcontactmomenten and
// /zaakcontactmomenten/{uuid} of the Zaken API 1.5.1 from
// zrc.zaakcontactmomenten, limited like every sub-resource by the
// principal's rights on the zaak (zrc-006).
type ZaakContactMomenten struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// ZaakVerzoeken serves GET /zaakverzoeken and /zaakverzoeken/{uuid} from
// zrc.zaakverzoeken, like ZaakContactMomenten.
type ZaakVerzoeken struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// zaakContactMoment is the wire form of a ZaakContactMoment (zaken-1.5.1).
type zaakContactMoment struct {
	URL           string `json:"url"`
	UUID          string `json:"uuid"`
	Zaak          string `json:"zaak"`
	Contactmoment string `json:"contactmoment"`
}

// zaakVerzoek is the wire form of a ZaakVerzoek (zaken-1.5.1).
type zaakVerzoek struct {
	URL     string `json:"url"`
	UUID    string `json:"uuid"`
	Zaak    string `json:"zaak"`
	Verzoek string `json:"verzoek"`
}

// zaakContactMomentWire renders zaakcontactmoment id of zaak (a uuid) with
// g; the audit trail renders the events' gegevens with it too.
func zaakContactMomentWire(ctx context.Context, id, zaak string, g zaken.ZaakContactMomentGegevens) zaakContactMoment {
	return zaakContactMoment{URL: zgw.ResourceURL(ctx, "zaakcontactmomenten", id), UUID: id,
		Zaak: zgw.ResourceURL(ctx, "zaken", zaak), Contactmoment: g.Contactmoment}
}

// zaakVerzoekWire renders zaakverzoek id of zaak (a uuid) with g.
func zaakVerzoekWire(ctx context.Context, id, zaak string, g zaken.ZaakVerzoekGegevens) zaakVerzoek {
	return zaakVerzoek{URL: zgw.ResourceURL(ctx, "zaakverzoeken", id), UUID: id,
		Zaak: zgw.ResourceURL(ctx, "zaken", zaak), Verzoek: g.Verzoek}
}

// zaakContactMomentOnderdeel reads zrc.zaakcontactmomenten.
var zaakContactMomentOnderdeel = onderdeel{
	table: "zaakcontactmomenten",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ZaakContactMomentGegevens](ctx, row)
		return zaakContactMomentWire(ctx, row.uuid, row.zaak, g), err
	},
}

// zaakVerzoekOnderdeel reads zrc.zaakverzoeken.
var zaakVerzoekOnderdeel = onderdeel{
	table: "zaakverzoeken",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ZaakVerzoekGegevens](ctx, row)
		return zaakVerzoekWire(ctx, row.uuid, row.zaak, g), err
	},
}

// List handles GET /zaakcontactmomenten (filters zaak and contactmoment),
// a plain array in creation order.
func (s ZaakContactMomenten) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("contactmoment", "o.contactmoment")
	zaakContactMomentOnderdeel.list(w, r, s.Pool, f, false)
}

// Read handles GET /zaakcontactmomenten/{uuid}: 404 when unknown, 403 when
// the principal may not read its zaak (zrc-006).
func (s ZaakContactMomenten) Read(w http.ResponseWriter, r *http.Request) {
	zaakContactMomentOnderdeel.read(w, r, s.Pool, false)
}

// Render writes zaakcontactmoment uuid with status exactly as a GET shows
// it, for the write endpoints, which check the rights themselves; an
// unknown uuid is a 404.
func (s ZaakContactMomenten) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	zaakContactMomentOnderdeel.render(w, r, s.Pool, status, uuid)
}

// List handles GET /zaakverzoeken (filters zaak and verzoek), a plain
// array in creation order.
func (s ZaakVerzoeken) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("verzoek", "o.verzoek")
	zaakVerzoekOnderdeel.list(w, r, s.Pool, f, false)
}

// Read handles GET /zaakverzoeken/{uuid}: 404 when unknown, 403 when the
// principal may not read its zaak (zrc-006).
func (s ZaakVerzoeken) Read(w http.ResponseWriter, r *http.Request) {
	zaakVerzoekOnderdeel.read(w, r, s.Pool, false)
}

// Render writes zaakverzoek uuid with status exactly as a GET shows it, for
// the write endpoints; an unknown uuid is a 404.
func (s ZaakVerzoeken) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	zaakVerzoekOnderdeel.render(w, r, s.Pool, status, uuid)
}
