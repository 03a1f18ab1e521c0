package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Besluittypen serves /besluittypen of the Catalogi API.
type Besluittypen struct{ *Catalogi }

// besluittype is the wire form of a BesluitType (catalogi-1.3.1).
type besluittype struct {
	URL                        string   `json:"url"`
	Catalogus                  string   `json:"catalogus"`
	Zaaktypen                  []string `json:"zaaktypen"`
	Omschrijving               string   `json:"omschrijving"`
	OmschrijvingGeneriek       string   `json:"omschrijvingGeneriek"`
	Besluitcategorie           string   `json:"besluitcategorie"`
	Reactietermijn             *string  `json:"reactietermijn"`
	PublicatieIndicatie        bool     `json:"publicatieIndicatie"`
	Publicatietekst            string   `json:"publicatietekst"`
	Publicatietermijn          *string  `json:"publicatietermijn"`
	Toelichting                string   `json:"toelichting"`
	Informatieobjecttypen      []string `json:"informatieobjecttypen"`
	BeginGeldigheid            string   `json:"beginGeldigheid"`
	EindeGeldigheid            *string  `json:"eindeGeldigheid"`
	BeginObject                *string  `json:"beginObject"`
	EindeObject                *string  `json:"eindeObject"`
	Concept                    bool     `json:"concept"`
	Resultaattypen             []string `json:"resultaattypen"`
	ResultaattypenOmschrijving []string `json:"resultaattypenOmschrijving"`
	VastgelegdIn               []string `json:"vastgelegdIn"`
}

// refersToBesluittype is the condition that the references of owner (a
// zaaktype or resultaattype) name besluittype b.
func refersToBesluittype(owner string) string {
	return `((` + owner + `.catalogus = b.catalogus AND ` + owner + `.besluittypen_omschrijvingen @> ARRAY[b.omschrijving])
		OR ` + owner + `.besluittypen_uuids @> ARRAY[b.uuid])`
}

// besluittypeResource reads a besluittype with the published zaaktypen and
// the resultaattypen of published zaaktypen that refer to it, valid on $1,
// its informatieobjecttypen resolved on $1 and their omschrijvingen
// (vastgelegdIn).
var besluittypeResource = resource{
	columns: `b.uuid::text, b.catalogus::text, b.concept, b.data, obj.begin_object, obj.einde_object, ` +
		uuidsFrom(referrers("zaaktypen", "z", "besluittypen_omschrijvingen", "besluittypen_uuids", "b"), "z", published("z")) + `, ` +
		resolved("informatieobjecttypen", "omschrijving", "b", "informatieobjecttypen_omschrijvingen", "informatieobjecttypen_uuids") + `, ` +
		omschrijvingen("informatieobjecttypen", "b", "informatieobjecttypen_omschrijvingen", "informatieobjecttypen_uuids") + `,
		coalesce(rt.uuids, '{}'), coalesce(rt.omschrijvingen, '{}')`,
	table: "ztc.besluittypen b",
	extra: object("besluittypen", "b", "omschrijving") + `
		LEFT JOIN LATERAL (SELECT array_agg(r.uuid::text ORDER BY r.created_commit, r.created_prepare, r.uuid) AS uuids,
			array_agg(r.data->>'omschrijving' ORDER BY r.created_commit, r.created_prepare, r.uuid) AS omschrijvingen
			FROM ` + referrers("resultaattypen", "r", "besluittypen_omschrijvingen", "besluittypen_uuids", "b") + `
			JOIN ztc.zaaktypen rz ON rz.uuid = r.zaaktype WHERE ` + published("rz") + `) rt ON true`,
	alias: "b",
	order: createdOrder("b"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var (
			id, cat                       string
			concept                       bool
			data                          []byte
			beginObject, eindeObject      *string
			zaaktypen, iots, vastgelegdIn []string
			resultaattypen, rtOmschr      []string
			g                             catalogi.BesluittypeGegevens
		)
		if err := scan(&id, &cat, &concept, &data, &beginObject, &eindeObject, &zaaktypen, &iots, &vastgelegdIn,
			&resultaattypen, &rtOmschr); err != nil {
			return nil, err
		}
		if err := decodeRendered(ctx, data, &g); err != nil {
			return nil, err
		}
		return besluittype{
			URL: zgw.ResourceURL(ctx, "besluittypen", id), Catalogus: zgw.ResourceURL(ctx, "catalogussen", cat),
			Zaaktypen: urls(ctx, "zaaktypen", zaaktypen), Omschrijving: g.Omschrijving,
			OmschrijvingGeneriek: g.OmschrijvingGeneriek, Besluitcategorie: g.Besluitcategorie,
			Reactietermijn: nullable(g.Reactietermijn), PublicatieIndicatie: g.PublicatieIndicatie,
			Publicatietekst: g.Publicatietekst, Publicatietermijn: nullable(g.Publicatietermijn),
			Toelichting: g.Toelichting, Informatieobjecttypen: urls(ctx, "informatieobjecttypen", iots),
			BeginGeldigheid: g.BeginGeldigheid.String(), EindeGeldigheid: nullDate(g.EindeGeldigheid),
			BeginObject: beginObject, EindeObject: eindeObject, Concept: concept,
			Resultaattypen: urls(ctx, "resultaattypen", resultaattypen), ResultaattypenOmschrijving: strs(distinct(rtOmschr)),
			VastgelegdIn: strs(vastgelegdIn),
		}, nil
	},
}

// List handles GET /besluittypen: filters catalogus, zaaktypen (the
// besluittypen a zaaktype refers to), informatieobjecttypen (those that
// refer to an informatieobjecttype), status, omschrijving and
// datumGeldigheid; paginated.
func (s Besluittypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	f.resourceURL("catalogus", "catalogussen", "b.catalogus = %s")
	f.resourceURL("zaaktypen", "zaaktypen", `EXISTS (SELECT 1 FROM ztc.zaaktypen z WHERE z.uuid = %s AND `+refersToBesluittype("z")+`)`)
	f.resourceURL("informatieobjecttypen", "informatieobjecttypen", `EXISTS (SELECT 1 FROM ztc.informatieobjecttypen i
		WHERE i.uuid = %s AND ((b.catalogus = i.catalogus AND b.informatieobjecttypen_omschrijvingen @> ARRAY[i.omschrijving])
		OR b.informatieobjecttypen_uuids @> ARRAY[i.uuid]))`)
	f.status("status", "b.concept")
	f.text("omschrijving", "b.omschrijving")
	f.geldigheid("datumGeldigheid", "b")
	s.list(w, r, besluittypeResource, f)
}

// Read handles GET and HEAD /besluittypen/{uuid}.
func (s Besluittypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, besluittypeResource)
}

// Render writes besluittype uuid with status, exactly as a GET shows it;
// the write endpoints answer with it. An unknown uuid is a 404.
func (s Besluittypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, besluittypeResource, uuid, s.filter(r))
}

// distinct returns list without repeats, in the order of first
// occurrence: resultaattypenOmschrijving is a set in the OAS (uniqueItems),
// and the resultaattypen of two published zaaktypen may share an
// omschrijving.
func distinct(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := list[:0:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
