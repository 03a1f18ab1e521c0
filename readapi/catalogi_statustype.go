package readapi

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Statustypen serves /statustypen of the Catalogi API.
type Statustypen struct{ *Catalogi }

// statustype is the wire form of a StatusType (catalogi-1.3.1).
type statustype struct {
	URL                     string          `json:"url"`
	Omschrijving            string          `json:"omschrijving"`
	OmschrijvingGeneriek    string          `json:"omschrijvingGeneriek"`
	Statustekst             string          `json:"statustekst"`
	Zaaktype                string          `json:"zaaktype"`
	Catalogus               string          `json:"catalogus"`
	ZaaktypeIdentificatie   string          `json:"zaaktypeIdentificatie"`
	Volgnummer              int             `json:"volgnummer"`
	IsEindstatus            bool            `json:"isEindstatus"`
	Informeren              bool            `json:"informeren"`
	Doorlooptijd            *string         `json:"doorlooptijd"`
	Toelichting             *string         `json:"toelichting"`
	ChecklistitemStatustype []checkListItem `json:"checklistitemStatustype"`
	Eigenschappen           []string        `json:"eigenschappen"`
	BeginGeldigheid         *string         `json:"beginGeldigheid"`
	EindeGeldigheid         *string         `json:"eindeGeldigheid"`
	BeginObject             *string         `json:"beginObject"`
	EindeObject             *string         `json:"eindeObject"`
}

type checkListItem struct {
	Itemnaam      string  `json:"itemnaam"`
	Toelichting   *string `json:"toelichting"`
	Vraagstelling string  `json:"vraagstelling"`
	Verplicht     bool    `json:"verplicht"`
}

// subtypeHead is what every sub-type row starts with (subtypeColumns).
type subtypeHead struct {
	uuid, zaaktype, catalogus, identificatie string
	data                                     []byte
	beginObject, eindeObject                 *string
	zaaktypeBegin, zaaktypeEinde             *string
}

func (h *subtypeHead) dest() []any {
	return []any{&h.uuid, &h.zaaktype, &h.catalogus, &h.identificatie, &h.data, &h.beginObject, &h.eindeObject,
		&h.zaaktypeBegin, &h.zaaktypeEinde}
}

// geldigheid is a sub-type's validity: its own dates where it has them,
// else those of its zaaktype version, from which they derive (a sub-type
// is valid exactly as long as the version it belongs to).
func (h *subtypeHead) geldigheid(begin, einde catalogi.Date) (*string, *string) {
	b, e := nullDate(begin), nullDate(einde)
	if b == nil {
		b = h.zaaktypeBegin
	}
	if e == nil {
		e = h.zaaktypeEinde
	}
	return b, e
}

// statustypeResource reads a statustype; it is the eindstatus when it has
// the highest volgnummer of its zaaktype.
var statustypeResource = resource{
	columns: subtypeColumns("s") + `,
		s.volgnummer = (SELECT max(m.volgnummer) FROM ztc.statustypen m WHERE m.zaaktype = s.zaaktype)`,
	table: "ztc.statustypen s",
	joins: subtypeJoins("s"),
	extra: subtypeObject,
	alias: "s",
	// Per zaaktype, in volgnummer order.
	order: "z.created_commit, z.created_prepare, z.uuid, s.volgnummer, s.uuid",
	wire: func(ctx context.Context, scan func(...any) error) (any, error) {
		var h subtypeHead
		var eind bool
		if err := scan(append(h.dest(), &eind)...); err != nil {
			return nil, err
		}
		var g catalogi.StatustypeGegevens
		if err := decodeRendered(ctx, h.data, &g); err != nil {
			return nil, err
		}
		begin, einde := h.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
		out := statustype{
			URL: zgw.ResourceURL(ctx, "statustypen", h.uuid), Omschrijving: g.Omschrijving,
			OmschrijvingGeneriek: g.OmschrijvingGeneriek, Statustekst: g.Statustekst,
			Zaaktype: zgw.ResourceURL(ctx, "zaaktypen", h.zaaktype), Catalogus: zgw.ResourceURL(ctx, "catalogussen", h.catalogus),
			ZaaktypeIdentificatie: h.identificatie, Volgnummer: g.Volgnummer, IsEindstatus: eind,
			Informeren: g.Informeren, Doorlooptijd: nullable(g.Doorlooptijd), Toelichting: nullable(g.Toelichting),
			ChecklistitemStatustype: make([]checkListItem, 0, len(g.ChecklistitemStatustype)),
			Eigenschappen:           urls(ctx, "eigenschappen", g.Eigenschappen),
			BeginGeldigheid:         begin, EindeGeldigheid: einde,
			BeginObject: h.beginObject, EindeObject: h.eindeObject,
		}
		for _, c := range g.ChecklistitemStatustype {
			out.ChecklistitemStatustype = append(out.ChecklistitemStatustype, checkListItem{
				Itemnaam: c.Itemnaam, Toelichting: nullable(c.Toelichting), Vraagstelling: c.Vraagstelling, Verplicht: c.Verplicht,
			})
		}
		return out, nil
	},
}

// subtypeFilters adds the filters every sub-type list shares: zaaktype
// (URL), zaaktypeIdentificatie, status (of the zaaktype) and
// datumGeldigheid (the sub-type and its zaaktype valid that day), under
// the parameter names of the resource.
func subtypeFilters(f *filter, alias, identificatie, status, geldigheid string) {
	f.resourceURL("zaaktype", "zaaktypen", alias+".zaaktype = %s")
	f.text(identificatie, "z.identificatie")
	if status != "" {
		f.status(status, "z.concept")
	}
	if geldigheid != "" {
		f.geldigheid(geldigheid, alias, "z")
	}
}

// List handles GET /statustypen: filters zaaktype, zaaktypeIdentificatie,
// status and datumGeldigheid; paginated.
func (s Statustypen) List(w http.ResponseWriter, r *http.Request) {
	f := s.filter(r)
	subtypeFilters(f, "s", "zaaktypeIdentificatie", "status", "datumGeldigheid")
	s.list(w, r, statustypeResource, f)
}

// Read handles GET and HEAD /statustypen/{uuid}.
func (s Statustypen) Read(w http.ResponseWriter, r *http.Request) {
	s.read(w, r, statustypeResource)
}

// Render writes statustype uuid with status, exactly as a GET shows it; the
// write endpoints answer with it. An unknown uuid is a 404.
func (s Statustypen) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	s.render(w, r, status, statustypeResource, uuid, s.filter(r))
}
