package readapi

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// Rollen serves GET /rollen and GET/HEAD /rollen/{uuid} of the Zaken API
// 1.5.1 from zrc.rollen, limited to the zaken the principal may read
// (zrc-006).
type Rollen struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
}

// betrokkeneTypen are the values of betrokkeneType.
var betrokkeneTypen = []string{"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging",
	"organisatorische_eenheid", "medewerker"}

// rolIdentificatieFilters are the betrokkeneIdentificatie__ filters of
// GET /rollen and their columns, each filled only for a rol of the
// betrokkeneType the filter names.
var rolIdentificatieFilters = map[string]string{
	"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn":               "np_inp_bsn",
	"betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie":     "np_anp_identificatie",
	"betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer":          "np_inp_a_nummer",
	"betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId":         "nnp_inn_nnp_id",
	"betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": "nnp_ann_identificatie",
	"betrokkeneIdentificatie__vestiging__vestigingsNummer":             "vestigings_nummer",
	"betrokkeneIdentificatie__organisatorischeEenheid__identificatie":  "organisatorische_eenheid_identificatie",
	"betrokkeneIdentificatie__medewerker__identificatie":               "medewerker_identificatie",
}

// List handles GET /rollen: paginated, with every filter of the OAS.
func (s Rollen) List(w http.ResponseWriter, r *http.Request) {
	f := onderdeelFilter(r)
	f.url("betrokkene", "o.betrokkene")
	f.choice("betrokkeneType", "o.betrokkene_type", betrokkeneTypen...)
	for _, name := range slices.Sorted(maps.Keys(rolIdentificatieFilters)) {
		f.text(name, "o."+rolIdentificatieFilters[name])
	}
	f.url("roltype", "o.roltype")
	f.text("omschrijving", "o.omschrijving")
	f.choice("omschrijvingGeneriek", "o.omschrijving_generiek", omschrijvingenGeneriek...)
	rolOnderdeel.list(w, r, s.Pool, f, true)
}

// Read handles GET and HEAD /rollen/{uuid}.
func (s Rollen) Read(w http.ResponseWriter, r *http.Request) {
	rolOnderdeel.read(w, r, s.Pool, false)
}

// Render writes rol uuid with status as GET shows it; see Zaken.Render.
func (s Rollen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	rolOnderdeel.render(w, r, s.Pool, status, uuid)
}

// rolOnderdeel lists with each rol the statussen it set (whose gezetdoor
// is its URL).
var rolOnderdeel = onderdeel{
	table: "rollen",
	related: `array(SELECT x.uuid::text FROM zrc.statussen x
		WHERE x.zaak = o.zaak AND lower(x.data->>'gezetdoor') LIKE ('%/rollen/' || o.uuid::text)
		ORDER BY x.created_commit, x.created_prepare, x.uuid)`,
	wire: func(ctx context.Context, row onderdeelRow) (any, error) {
		g, err := gegevens[zaken.RolGegevens](ctx, row)
		out := rol{
			URL:                      zgw.ResourceURL(ctx, "rollen", row.uuid),
			UUID:                     row.uuid,
			Zaak:                     zgw.ResourceURL(ctx, "zaken", row.zaak),
			Betrokkene:               g.Betrokkene,
			BetrokkeneType:           g.BetrokkeneType,
			AfwijkendeNaamBetrokkene: g.AfwijkendeNaamBetrokkene,
			Roltype:                  g.Roltype,
			Omschrijving:             g.Omschrijving,
			OmschrijvingGeneriek:     g.OmschrijvingGeneriek,
			Roltoelichting:           g.Roltoelichting,
			Registratiedatum:         g.Registratiedatum,
			IndicatieMachtiging:      g.IndicatieMachtiging,
			ContactpersoonRol:        shapeContactPersoonRol.renderNullable(g.ContactpersoonRol),
			Statussen:                urls(ctx, "statussen", row.related),
		}
		if s, ok := betrokkeneShapes[g.BetrokkeneType]; ok && isObject(g.BetrokkeneIdentificatie) {
			out.BetrokkeneIdentificatie = s.render(g.BetrokkeneIdentificatie)
		}
		return out, err
	},
}

// rol is the wire form of a Rol (zaken-1.5.1): the properties of Rol and
// then betrokkeneIdentificatie in the schema of its betrokkeneType
// (natuurlijk_persoon_Rol, ...). A rol that names its betrokkene by URL
// alone has no betrokkeneIdentificatie, as in the reference
// implementation.
type rol struct {
	URL                      string          `json:"url"`
	UUID                     string          `json:"uuid"`
	Zaak                     string          `json:"zaak"`
	Betrokkene               string          `json:"betrokkene"`
	BetrokkeneType           string          `json:"betrokkeneType"`
	AfwijkendeNaamBetrokkene string          `json:"afwijkendeNaamBetrokkene"`
	Roltype                  string          `json:"roltype"`
	Omschrijving             string          `json:"omschrijving"`
	OmschrijvingGeneriek     string          `json:"omschrijvingGeneriek"`
	Roltoelichting           string          `json:"roltoelichting"`
	Registratiedatum         time.Time       `json:"registratiedatum"`
	IndicatieMachtiging      string          `json:"indicatieMachtiging"`
	ContactpersoonRol        json.RawMessage `json:"contactpersoonRol"`
	Statussen                []string        `json:"statussen"`
	BetrokkeneIdentificatie  json.RawMessage `json:"betrokkeneIdentificatie,omitempty"`
}
