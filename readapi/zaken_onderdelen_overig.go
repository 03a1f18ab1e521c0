package readapi

import (
	"context"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// Zaakinformatieobjecten serves GET /zaakinformatieobjecten and GET/HEAD
// /zaakinformatieobjecten/{uuid} of the Zaken API 1.5.1 from
// zrc.zaakinformatieobjecten, limited to the zaken the principal may read
// (zrc-006).
type Zaakinformatieobjecten struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// List handles GET /zaakinformatieobjecten: a plain array (the OAS does
// not paginate it), filtered on zaak and informatieobject.
func (s Zaakinformatieobjecten) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("informatieobject", "o.informatieobject")
	zioOnderdeel.list(w, r, s.Pool, f, false)
}

// Read handles GET and HEAD /zaakinformatieobjecten/{uuid}.
func (s Zaakinformatieobjecten) Read(w http.ResponseWriter, r *http.Request) {
	zioOnderdeel.read(w, r, s.Pool, false)
}

// Render writes zaakinformatieobject uuid with status as GET shows it; see
// Zaken.Render.
func (s Zaakinformatieobjecten) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	zioOnderdeel.render(w, r, s.Pool, status, uuid)
}

// aardRelatieHoortBij is the aardRelatieWeergave of every
// zaakinformatieobject: its aardRelatie is always hoort_bij (zrc-004).
const aardRelatieHoortBij = "Hoort bij, omgekeerd: kent"

var zioOnderdeel = onderdeel{
	table: "zaakinformatieobjecten",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ZaakInformatieObjectGegevens](ctx, row)
		return zaakinformatieobject{
			URL:                 zgw.ResourceURL(ctx, "zaakinformatieobjecten", row.uuid),
			UUID:                row.uuid,
			Informatieobject:    g.Informatieobject,
			Zaak:                zgw.ResourceURL(ctx, "zaken", row.zaak),
			AardRelatieWeergave: aardRelatieHoortBij,
			Titel:               g.Titel,
			Beschrijving:        g.Beschrijving,
			Registratiedatum:    g.Registratiedatum,
			Vernietigingsdatum:  g.Vernietigingsdatum,
			Status:              nullable(g.Status),
		}, err
	},
}

// zaakinformatieobject is the wire form of a ZaakInformatieObject
// (zaken-1.5.1).
type zaakinformatieobject struct {
	URL                 string     `json:"url"`
	UUID                string     `json:"uuid"`
	Informatieobject    string     `json:"informatieobject"`
	Zaak                string     `json:"zaak"`
	AardRelatieWeergave string     `json:"aardRelatieWeergave"`
	Titel               string     `json:"titel"`
	Beschrijving        string     `json:"beschrijving"`
	Registratiedatum    time.Time  `json:"registratiedatum"`
	Vernietigingsdatum  *time.Time `json:"vernietigingsdatum"`
	Status              *string    `json:"status"`
}

// Zaakeigenschappen serves GET /zaken/{zaak_uuid}/zaakeigenschappen and
// GET/HEAD /zaken/{zaak_uuid}/zaakeigenschappen/{uuid} of the Zaken API
// 1.5.1 from zrc.zaakeigenschappen, for a zaak the principal may read
// (zrc-006; else 403).
type Zaakeigenschappen struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// List handles GET /zaken/{zaak_uuid}/zaakeigenschappen: a plain array.
func (s Zaakeigenschappen) List(w http.ResponseWriter, r *http.Request) {
	zaakeigenschapOnderdeel.nestedList(w, r, s.Pool)
}

// Read handles GET and HEAD /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}; a
// zaakeigenschap of another zaak is a 404.
func (s Zaakeigenschappen) Read(w http.ResponseWriter, r *http.Request) {
	zaakeigenschapOnderdeel.read(w, r, s.Pool, true)
}

// Render writes zaakeigenschap uuid with status as GET shows it; see
// Zaken.Render.
func (s Zaakeigenschappen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	zaakeigenschapOnderdeel.render(w, r, s.Pool, status, uuid)
}

// nestedURL is the URL of sub-resource id in collection of zaak, such as
// .../zaken/{zaak}/zaakeigenschappen/{id}.
func nestedURL(ctx context.Context, zaak, collection, id string) string {
	return zgw.ResourceURL(ctx, "zaken/"+zaak+"/"+collection, id)
}

var zaakeigenschapOnderdeel = onderdeel{
	table: "zaakeigenschappen",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ZaakEigenschapGegevens](ctx, row)
		return zaakeigenschap{
			URL:        nestedURL(ctx, row.zaak, "zaakeigenschappen", row.uuid),
			UUID:       row.uuid,
			Zaak:       zgw.ResourceURL(ctx, "zaken", row.zaak),
			Eigenschap: g.Eigenschap,
			Naam:       g.Naam,
			Waarde:     g.Waarde,
		}, err
	},
}

// zaakeigenschap is the wire form of a ZaakEigenschap (zaken-1.5.1).
type zaakeigenschap struct {
	URL        string `json:"url"`
	UUID       string `json:"uuid"`
	Zaak       string `json:"zaak"`
	Eigenschap string `json:"eigenschap"`
	Naam       string `json:"naam"`
	Waarde     string `json:"waarde"`
}

// Klantcontacten serves GET /klantcontacten and GET /klantcontacten/{uuid}
// of the Zaken API 1.5.1 from zrc.klantcontacten, limited to the zaken the
// principal may read (zrc-006).
type Klantcontacten struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// List handles GET /klantcontacten: paginated, filtered on zaak.
func (s Klantcontacten) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	klantcontactOnderdeel.list(w, r, s.Pool, f, true)
}

// Read handles GET /klantcontacten/{uuid}.
func (s Klantcontacten) Read(w http.ResponseWriter, r *http.Request) {
	klantcontactOnderdeel.read(w, r, s.Pool, false)
}

// Render writes klantcontact uuid with status as GET shows it; see
// Zaken.Render.
func (s Klantcontacten) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	klantcontactOnderdeel.render(w, r, s.Pool, status, uuid)
}

var klantcontactOnderdeel = onderdeel{
	table: "klantcontacten",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.KlantContactGegevens](ctx, row)
		return klantcontact{
			URL:           zgw.ResourceURL(ctx, "klantcontacten", row.uuid),
			UUID:          row.uuid,
			Zaak:          zgw.ResourceURL(ctx, "zaken", row.zaak),
			Identificatie: g.Identificatie,
			Datumtijd:     g.Datumtijd,
			Kanaal:        g.Kanaal,
			Onderwerp:     g.Onderwerp,
			Toelichting:   g.Toelichting,
		}, err
	},
}

// klantcontact is the wire form of a KlantContact (zaken-1.5.1).
type klantcontact struct {
	URL           string    `json:"url"`
	UUID          string    `json:"uuid"`
	Zaak          string    `json:"zaak"`
	Identificatie string    `json:"identificatie"`
	Datumtijd     time.Time `json:"datumtijd"`
	Kanaal        string    `json:"kanaal"`
	Onderwerp     string    `json:"onderwerp"`
	Toelichting   string    `json:"toelichting"`
}

// Zaakbesluiten serves GET /zaken/{zaak_uuid}/besluiten and GET
// /zaken/{zaak_uuid}/besluiten/{uuid} of the Zaken API 1.5.1 from
// zrc.zaakbesluiten, for a zaak the principal may read (zrc-006; else 403).
type Zaakbesluiten struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// List handles GET /zaken/{zaak_uuid}/besluiten: a plain array.
func (s Zaakbesluiten) List(w http.ResponseWriter, r *http.Request) {
	zaakbesluitOnderdeel.nestedList(w, r, s.Pool)
}

// Read handles GET /zaken/{zaak_uuid}/besluiten/{uuid}; a zaakbesluit of
// another zaak is a 404.
func (s Zaakbesluiten) Read(w http.ResponseWriter, r *http.Request) {
	zaakbesluitOnderdeel.read(w, r, s.Pool, true)
}

// Render writes zaakbesluit uuid with status as GET shows it; see
// Zaken.Render.
func (s Zaakbesluiten) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	zaakbesluitOnderdeel.render(w, r, s.Pool, status, uuid)
}

var zaakbesluitOnderdeel = onderdeel{
	table: "zaakbesluiten",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ZaakBesluitGegevens](ctx, row)
		return zaakbesluit{
			URL:     nestedURL(ctx, row.zaak, "besluiten", row.uuid),
			UUID:    row.uuid,
			Besluit: g.Besluit,
		}, err
	},
}

// zaakbesluit is the wire form of a ZaakBesluit (zaken-1.5.1), which names
// no zaak: its URL does.
type zaakbesluit struct {
	URL     string `json:"url"`
	UUID    string `json:"uuid"`
	Besluit string `json:"besluit"`
}
