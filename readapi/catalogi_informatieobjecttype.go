package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Informatieobjecttypen serves /informatieobjecttypen of the Catalogi API.
type Informatieobjecttypen struct{ *Catalogi }

// informatieobjecttype is the wire form of an InformatieObjectType
// (catalogi-1.3.1). zaaktypen is a list of URLs, as the reference
// implementation answers and 1.3.2 declares; the 1.3.1 file says string.
type informatieobjecttype struct {
	URL                         string                  `json:"url"`
	Catalogus                   string                  `json:"catalogus"`
	Omschrijving                string                  `json:"omschrijving"`
	Vertrouwelijkheidaanduiding string                  `json:"vertrouwelijkheidaanduiding"`
	BeginGeldigheid             string                  `json:"beginGeldigheid"`
	EindeGeldigheid             *string                 `json:"eindeGeldigheid"`
	BeginObject                 *string                 `json:"beginObject"`
	EindeObject                 *string                 `json:"eindeObject"`
	Concept                     bool                    `json:"concept"`
	Zaaktypen                   []string                `json:"zaaktypen"`
	Besluittypen                []string                `json:"besluittypen"`
	Informatieobjectcategorie   string                  `json:"informatieobjectcategorie"`
	Trefwoord                   []string                `json:"trefwoord"`
	OmschrijvingGeneriek        iotOmschrijvingGeneriek `json:"omschrijvingGeneriek"`
}

// iotOmschrijvingGeneriek is a gegevensgroep: rendered with empty fields
// when unset, as the reference implementation does (the OAS allows no null).
type iotOmschrijvingGeneriek struct {
	InformatieobjecttypeOmschrijvingGeneriek           string  `json:"informatieobjecttypeOmschrijvingGeneriek"`
	DefinitieInformatieobjecttypeOmschrijvingGeneriek  string  `json:"definitieInformatieobjecttypeOmschrijvingGeneriek"`
	HerkomstInformatieobjecttypeOmschrijvingGeneriek   string  `json:"herkomstInformatieobjecttypeOmschrijvingGeneriek"`
	HierarchieInformatieobjecttypeOmschrijvingGeneriek string  `json:"hierarchieInformatieobjecttypeOmschrijvingGeneriek"`
	OpmerkingInformatieobjecttypeOmschrijvingGeneriek  *string `json:"opmerkingInformatieobjecttypeOmschrijvingGeneriek"`
}

// informatieobjecttypeResource reads an informatieobjecttype with the
// published zaaktypen (through their zaaktype-informatieobjecttypen) and
// besluittypen that refer to it and are valid on $1.
var informatieobjecttypeResource = resource{
	columns: `i.uuid::text, i.catalogus::text, i.concept, i.data, obj.begin_object, obj.einde_object, ` +
		uuidsFrom(`(SELECT t.zaaktype FROM ztc.zaaktypeinformatieobjecttypen t
			WHERE t.catalogus = i.catalogus AND t.informatieobjecttype_omschrijving = i.omschrijving
			UNION SELECT t.zaaktype FROM ztc.zaaktypeinformatieobjecttypen t WHERE t.informatieobjecttype_uuid = i.uuid) AS ref
			JOIN ztc.zaaktypen z ON z.uuid = ref.zaaktype`, "z", published("z")) + `, ` +
		uuidsFrom(referrers("besluittypen", "b", "informatieobjecttypen_omschrijvingen", "informatieobjecttypen_uuids", "i"), "b", published("b")),
	table: "ztc.informatieobjecttypen i",
	extra: object("informatieobjecttypen", "i", "omschrijving"),
	alias: "i",
	order: createdOrder("i"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var (
			id, cat                  string
			concept                  bool
			data                     []byte
			beginObject, eindeObject *string
			zaaktypen, besluittypen  []string
			g                        catalogi.InformatieobjecttypeGegevens
		)
		if err := scan(&id, &cat, &concept, &data, &beginObject, &eindeObject, &zaaktypen, &besluittypen); err != nil {
			return nil, err
		}
		if err := decodeRendered(ctx, data, &g); err != nil {
			return nil, err
		}
		out := informatieobjecttype{
			URL: zgw.ResourceURL(ctx, "informatieobjecttypen", id), Catalogus: zgw.ResourceURL(ctx, "catalogussen", cat),
			Omschrijving: g.Omschrijving, Vertrouwelijkheidaanduiding: string(g.Vertrouwelijkheidaanduiding),
			BeginGeldigheid: g.BeginGeldigheid.String(), EindeGeldigheid: nullDate(g.EindeGeldigheid),
			BeginObject: beginObject, EindeObject: eindeObject, Concept: concept,
			Zaaktypen: urls(ctx, "zaaktypen", zaaktypen), Besluittypen: urls(ctx, "besluittypen", besluittypen),
			Informatieobjectcategorie: g.Informatieobjectcategorie, Trefwoord: strs(g.Trefwoord),
		}
		if o := g.OmschrijvingGeneriek; o != nil {
			out.OmschrijvingGeneriek = iotOmschrijvingGeneriek{
				InformatieobjecttypeOmschrijvingGeneriek:           o.InformatieobjecttypeOmschrijvingGeneriek,
				DefinitieInformatieobjecttypeOmschrijvingGeneriek:  o.DefinitieInformatieobjecttypeOmschrijvingGeneriek,
				HerkomstInformatieobjecttypeOmschrijvingGeneriek:   o.HerkomstInformatieobjecttypeOmschrijvingGeneriek,
				HierarchieInformatieobjecttypeOmschrijvingGeneriek: o.HierarchieInformatieobjecttypeOmschrijvingGeneriek,
				OpmerkingInformatieobjecttypeOmschrijvingGeneriek:  nullable(o.OpmerkingInformatieobjecttypeOmschrijvingGeneriek),
			}
		}
		return out, nil
	},
}

// List handles GET /informatieobjecttypen: filters catalogus, status,
// datumGeldigheid and omschrijving; paginated.
func (s Informatieobjecttypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	f.resourceURL("catalogus", "catalogussen", "i.catalogus = %s")
	f.status("status", "i.concept")
	f.geldigheid("datumGeldigheid", "i")
	f.text("omschrijving", "i.omschrijving")
	s.list(w, r, informatieobjecttypeResource, f)
}

// Read handles GET and HEAD /informatieobjecttypen/{uuid}.
func (s Informatieobjecttypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, informatieobjecttypeResource)
}

// Render writes informatieobjecttype uuid with status, exactly as a GET
// shows it; the write endpoints answer with it. An unknown uuid is a 404.
func (s Informatieobjecttypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, informatieobjecttypeResource, uuid, s.filter(r))
}
