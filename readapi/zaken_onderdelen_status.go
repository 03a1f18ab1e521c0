package readapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// Statussen serves GET /statussen and GET/HEAD /statussen/{uuid} of the
// Zaken API 1.5.1 from zrc.statussen, limited to the zaken the principal
// may read (zrc-006).
type Statussen struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// List handles GET /statussen: paginated, filtered on zaak, statustype and
// indicatieLaatstGezetteStatus.
func (s Statussen) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("statustype", "o.statustype")
	f.boolean("indicatieLaatstGezetteStatus", "o.indicatie_laatst_gezette_status")
	statusOnderdeel.list(w, r, s.Pool, f, true)
}

// Read handles GET and HEAD /statussen/{uuid}: 404 for an unknown status,
// 403 for one of a zaak the principal may not read.
func (s Statussen) Read(w http.ResponseWriter, r *http.Request) {
	statusOnderdeel.read(w, r, s.Pool, false)
}

// Render writes status uuid with status code as GET shows it; see
// Zaken.Render.
func (s Statussen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	statusOnderdeel.render(w, r, s.Pool, status, uuid)
}

// statusOnderdeel lists with each status the zaakinformatieobjecten that
// name it as their status.
var statusOnderdeel = onderdeel{
	table: "statussen",
	related: `array(SELECT x.uuid::text FROM zrc.zaakinformatieobjecten x
		WHERE x.zaak = o.zaak AND lower(x.data->>'status') LIKE ('%/statussen/' || o.uuid::text)
		ORDER BY x.created_commit, x.created_prepare, x.uuid)`,
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.StatusGegevens](ctx, row)
		return status{
			URL:                          zgw.ResourceURL(ctx, "statussen", row.uuid),
			UUID:                         row.uuid,
			Zaak:                         zgw.ResourceURL(ctx, "zaken", row.zaak),
			Statustype:                   g.Statustype,
			DatumStatusGezet:             g.DatumStatusGezet,
			Statustoelichting:            g.Statustoelichting,
			IndicatieLaatstGezetteStatus: g.IndicatieLaatstGezetteStatus,
			Gezetdoor:                    g.Gezetdoor,
			Zaakinformatieobjecten:       urls(ctx, "zaakinformatieobjecten", row.related),
		}, err
	},
}

// status is the wire form of a Status (zaken-1.5.1).
type status struct {
	URL                          string    `json:"url"`
	UUID                         string    `json:"uuid"`
	Zaak                         string    `json:"zaak"`
	Statustype                   string    `json:"statustype"`
	DatumStatusGezet             time.Time `json:"datumStatusGezet"`
	Statustoelichting            string    `json:"statustoelichting"`
	IndicatieLaatstGezetteStatus bool      `json:"indicatieLaatstGezetteStatus"`
	Gezetdoor                    string    `json:"gezetdoor"`
	Zaakinformatieobjecten       []string  `json:"zaakinformatieobjecten"`
}

// Resultaten serves GET /resultaten and GET/HEAD /resultaten/{uuid} from
// zrc.resultaten, limited to the zaken the principal may read (zrc-006).
type Resultaten struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// List handles GET /resultaten: paginated, filtered on zaak and
// resultaattype.
func (s Resultaten) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("resultaattype", "o.resultaattype")
	resultaatOnderdeel.list(w, r, s.Pool, f, true)
}

// Read handles GET and HEAD /resultaten/{uuid}.
func (s Resultaten) Read(w http.ResponseWriter, r *http.Request) {
	resultaatOnderdeel.read(w, r, s.Pool, false)
}

// Render writes resultaat uuid with status as GET shows it; see
// Zaken.Render.
func (s Resultaten) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	resultaatOnderdeel.render(w, r, s.Pool, status, uuid)
}

var resultaatOnderdeel = onderdeel{
	table: "resultaten",
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.ResultaatGegevens](ctx, row)
		return resultaat{
			URL:           zgw.ResourceURL(ctx, "resultaten", row.uuid),
			UUID:          row.uuid,
			Zaak:          zgw.ResourceURL(ctx, "zaken", row.zaak),
			Resultaattype: g.Resultaattype,
			Toelichting:   g.Toelichting,
		}, err
	},
}

// resultaat is the wire form of a Resultaat (zaken-1.5.1).
type resultaat struct {
	URL           string `json:"url"`
	UUID          string `json:"uuid"`
	Zaak          string `json:"zaak"`
	Resultaattype string `json:"resultaattype"`
	Toelichting   string `json:"toelichting"`
}

// gegevens decodes the data column of row, the sub-resource's fields as
// its latest event carries them.
func gegevens[G any](ctx context.Context, row onderdeelRow) (G, error) {
	var g G
	if err := json.Unmarshal(row.data, &g); err != nil {
		return g, fmt.Errorf("readapi: %s: %w", row.uuid, err)
	}
	return zgw.RenderRefs(ctx, g), nil
}
