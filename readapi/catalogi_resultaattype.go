package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Resultaattypen serves /resultaattypen of the Catalogi API.
type Resultaattypen struct{ *Catalogi }

// resultaattype is the wire form of a ResultaatType (catalogi-1.3.1).
type resultaattype struct {
	URL                              string                     `json:"url"`
	Zaaktype                         string                     `json:"zaaktype"`
	ZaaktypeIdentificatie            string                     `json:"zaaktypeIdentificatie"`
	Omschrijving                     string                     `json:"omschrijving"`
	Resultaattypeomschrijving        string                     `json:"resultaattypeomschrijving"`
	OmschrijvingGeneriek             string                     `json:"omschrijvingGeneriek"`
	Selectielijstklasse              string                     `json:"selectielijstklasse"`
	Toelichting                      string                     `json:"toelichting"`
	Archiefnominatie                 string                     `json:"archiefnominatie"`
	Archiefactietermijn              *string                    `json:"archiefactietermijn"`
	BrondatumArchiefprocedure        *brondatumArchiefprocedure `json:"brondatumArchiefprocedure"`
	Procesobjectaard                 *string                    `json:"procesobjectaard"`
	Catalogus                        *string                    `json:"catalogus"`
	BeginGeldigheid                  *string                    `json:"beginGeldigheid"`
	EindeGeldigheid                  *string                    `json:"eindeGeldigheid"`
	BeginObject                      *string                    `json:"beginObject"`
	EindeObject                      *string                    `json:"eindeObject"`
	IndicatieSpecifiek               *bool                      `json:"indicatieSpecifiek"`
	Procestermijn                    *string                    `json:"procestermijn"`
	Besluittypen                     []string                   `json:"besluittypen"`
	BesluittypeOmschrijving          []string                   `json:"besluittypeOmschrijving"`
	Informatieobjecttypen            []string                   `json:"informatieobjecttypen"`
	InformatieobjecttypeOmschrijving []string                   `json:"informatieobjecttypeOmschrijving"`
}

type brondatumArchiefprocedure struct {
	Afleidingswijze string  `json:"afleidingswijze"`
	Datumkenmerk    string  `json:"datumkenmerk"`
	EinddatumBekend bool    `json:"einddatumBekend"`
	Objecttype      string  `json:"objecttype"`
	Registratie     string  `json:"registratie"`
	Procestermijn   *string `json:"procestermijn"`
}

// resultaattypeResource reads a resultaattype with its besluittypen and
// informatieobjecttypen resolved on $1 and the omschrijvingen it names
// them by. omschrijvingGeneriek is what the domain resolved from the
// resultaattypeomschrijving (ztc-002) and stored in the event.
var resultaattypeResource = resource{
	columns: subtypeColumns("s") + `, ` +
		resolved("besluittypen", "omschrijving", "s", "besluittypen_omschrijvingen", "besluittypen_uuids") + `, ` +
		omschrijvingen("besluittypen", "s", "besluittypen_omschrijvingen", "besluittypen_uuids") + `, ` +
		resolved("informatieobjecttypen", "omschrijving", "s", "informatieobjecttypen_omschrijvingen", "informatieobjecttypen_uuids") + `, ` +
		omschrijvingen("informatieobjecttypen", "s", "informatieobjecttypen_omschrijvingen", "informatieobjecttypen_uuids"),
	table: "ztc.resultaattypen s",
	joins: subtypeJoins("s"),
	extra: subtypeObject,
	alias: "s",
	order: createdOrder("s"),
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var h subtypeHead
		var bt, btOmschr, iot, iotOmschr []string
		if err := scan(append(h.dest(), &bt, &btOmschr, &iot, &iotOmschr)...); err != nil {
			return nil, err
		}
		var g catalogi.ResultaattypeGegevens
		if err := decodeRendered(ctx, h.data, &g); err != nil {
			return nil, err
		}
		begin, einde := h.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
		out := resultaattype{
			URL: zgw.ResourceURL(ctx, "resultaattypen", h.uuid), Zaaktype: zgw.ResourceURL(ctx, "zaaktypen", h.zaaktype),
			ZaaktypeIdentificatie: h.identificatie, Omschrijving: g.Omschrijving,
			Resultaattypeomschrijving: g.Resultaattypeomschrijving, OmschrijvingGeneriek: g.OmschrijvingGeneriek,
			Selectielijstklasse: g.Selectielijstklasse, Toelichting: g.Toelichting,
			Archiefnominatie: string(g.Archiefnominatie), Archiefactietermijn: nullable(g.Archiefactietermijn),
			Procesobjectaard: nullable(g.Procesobjectaard), Catalogus: optionalURL(ctx, "catalogussen", h.catalogus),
			BeginGeldigheid: begin, EindeGeldigheid: einde,
			BeginObject: h.beginObject, EindeObject: h.eindeObject,
			IndicatieSpecifiek: g.IndicatieSpecifiek, Procestermijn: nullable(g.Procestermijn),
			Besluittypen: urls(ctx, "besluittypen", bt), BesluittypeOmschrijving: strs(btOmschr),
			Informatieobjecttypen:            urls(ctx, "informatieobjecttypen", iot),
			InformatieobjecttypeOmschrijving: strs(iotOmschr),
		}
		if b := g.BrondatumArchiefprocedure; b != nil {
			out.BrondatumArchiefprocedure = &brondatumArchiefprocedure{
				Afleidingswijze: string(b.Afleidingswijze), Datumkenmerk: b.Datumkenmerk, EinddatumBekend: b.EinddatumBekend,
				Objecttype: b.Objecttype, Registratie: b.Registratie, Procestermijn: nullable(b.Procestermijn),
			}
		}
		return out, nil
	},
}

// List handles GET /resultaattypen: filters zaaktype,
// zaaktype_identificatie, status and datum_geldigheid (snake_case in this
// one list of the 1.3.1 OAS); paginated.
func (s Resultaattypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	subtypeFilters(f, "s", "zaaktype_identificatie", "status", "datum_geldigheid")
	s.list(w, r, resultaattypeResource, f)
}

// Read handles GET and HEAD /resultaattypen/{uuid}.
func (s Resultaattypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, resultaattypeResource)
}

// Render writes resultaattype uuid with status, exactly as a GET shows it;
// the write endpoints answer with it. An unknown uuid is a 404.
func (s Resultaattypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, resultaattypeResource, uuid, s.filter(r))
}
