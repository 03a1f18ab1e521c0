package readapi

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// Zaakobjecten serves GET /zaakobjecten and GET/HEAD /zaakobjecten/{uuid}
// of the Zaken API 1.5.1 from zrc.zaakobjecten, limited to the zaken the
// principal may read (zrc-006).
type Zaakobjecten struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// objectTypen are the values of objectType.
var objectTypen = []string{"adres", "besluit", "buurt", "enkelvoudig_document", "gemeente",
	"gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement", "kadastrale_onroerende_zaak",
	"kunstwerkdeel", "maatschappelijke_activiteit", "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon",
	"openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel",
	"terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats", "woz_deelobject",
	"woz_object", "woz_waarde", "zakelijk_recht", "overige"}

// List handles GET /zaakobjecten: paginated, filtered on zaak, object and
// objectType.
func (s Zaakobjecten) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("object", "o.object")
	f.choice("objectType", "o.object_type", objectTypen...)
	zaakobjectOnderdeel.list(w, r, s.Pool, f, true)
}

// Read handles GET and HEAD /zaakobjecten/{uuid}.
func (s Zaakobjecten) Read(w http.ResponseWriter, r *http.Request) {
	zaakobjectOnderdeel.read(w, r, s.Pool, false)
}

// Render writes zaakobject uuid with status as GET shows it; see
// Zaken.Render.
func (s Zaakobjecten) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	zaakobjectOnderdeel.render(w, r, s.Pool, status, uuid)
}

var zaakobjectOnderdeel = onderdeel{
	table: "zaakobjecten",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ZaakObjectGegevens](ctx, row)
		out := zaakobject{
			URL:                        zgw.ResourceURL(ctx, "zaakobjecten", row.uuid),
			UUID:                       row.uuid,
			Zaak:                       zgw.ResourceURL(ctx, "zaken", row.zaak),
			Object:                     g.Object,
			Zaakobjecttype:             g.Zaakobjecttype,
			ObjectType:                 g.ObjectType,
			ObjectTypeOverige:          g.ObjectTypeOverige,
			ObjectTypeOverigeDefinitie: shapeObjectTypeOverigeDefinitie.renderNullable(g.ObjectTypeOverigeDefinitie),
			Relatieomschrijving:        g.Relatieomschrijving,
		}
		if s, ok := objectShapes[g.ObjectType]; ok && isObject(g.ObjectIdentificatie) {
			out.ObjectIdentificatie = s.render(g.ObjectIdentificatie)
		}
		return out, err
	},
}

// zaakobject is the wire form of a ZaakObject (zaken-1.5.1): the
// properties of ZaakObject and then objectIdentificatie in the schema of
// its objectType (adres_ZaakObject, ...). Like the reference
// implementation it has no objectIdentificatie when none was given or the
// objectType has none (besluit, enkelvoudig_document, status).
type zaakobject struct {
	URL                        string          `json:"url"`
	UUID                       string          `json:"uuid"`
	Zaak                       string          `json:"zaak"`
	Object                     string          `json:"object"`
	Zaakobjecttype             string          `json:"zaakobjecttype"`
	ObjectType                 string          `json:"objectType"`
	ObjectTypeOverige          string          `json:"objectTypeOverige"`
	ObjectTypeOverigeDefinitie json.RawMessage `json:"objectTypeOverigeDefinitie"`
	Relatieomschrijving        string          `json:"relatieomschrijving"`
	ObjectIdentificatie        json.RawMessage `json:"objectIdentificatie,omitempty"`
}
