package readapi

import (
	"context"
	"encoding/json"
	"time"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// zaak is the wire form of a Zaak (zaken-1.5.1), every field of the schema
// in its order.
type zaak struct {
	URL                          string                `json:"url"`
	UUID                         string                `json:"uuid"`
	Identificatie                string                `json:"identificatie"`
	Bronorganisatie              string                `json:"bronorganisatie"`
	Omschrijving                 string                `json:"omschrijving"`
	Toelichting                  string                `json:"toelichting"`
	Zaaktype                     string                `json:"zaaktype"`
	Registratiedatum             string                `json:"registratiedatum"`
	VerantwoordelijkeOrganisatie string                `json:"verantwoordelijkeOrganisatie"`
	Startdatum                   string                `json:"startdatum"`
	Einddatum                    *string               `json:"einddatum"`
	EinddatumGepland             *string               `json:"einddatumGepland"`
	UiterlijkeEinddatumAfdoening *string               `json:"uiterlijkeEinddatumAfdoening"`
	Publicatiedatum              *string               `json:"publicatiedatum"`
	Communicatiekanaal           string                `json:"communicatiekanaal"`
	ProductenOfDiensten          []string              `json:"productenOfDiensten"`
	Vertrouwelijkheidaanduiding  string                `json:"vertrouwelijkheidaanduiding"`
	Betalingsindicatie           string                `json:"betalingsindicatie"`
	BetalingsindicatieWeergave   string                `json:"betalingsindicatieWeergave"`
	LaatsteBetaaldatum           *time.Time            `json:"laatsteBetaaldatum"`
	Zaakgeometrie                json.RawMessage       `json:"zaakgeometrie"`
	Verlenging                   *zaakVerlenging       `json:"verlenging"`
	Opschorting                  zaken.Opschorting     `json:"opschorting"`
	Selectielijstklasse          string                `json:"selectielijstklasse"`
	Hoofdzaak                    *string               `json:"hoofdzaak"`
	Deelzaken                    []string              `json:"deelzaken"`
	RelevanteAndereZaken         []zaken.RelevanteZaak `json:"relevanteAndereZaken"`
	Eigenschappen                []string              `json:"eigenschappen"`
	Rollen                       []string              `json:"rollen"`
	Status                       *string               `json:"status"`
	Zaakinformatieobjecten       []string              `json:"zaakinformatieobjecten"`
	Zaakobjecten                 []string              `json:"zaakobjecten"`
	Kenmerken                    []zaken.Kenmerk       `json:"kenmerken"`
	Archiefnominatie             *string               `json:"archiefnominatie"`
	Archiefstatus                string                `json:"archiefstatus"`
	Archiefactiedatum            *string               `json:"archiefactiedatum"`
	Resultaat                    *string               `json:"resultaat"`
	OpdrachtgevendeOrganisatie   string                `json:"opdrachtgevendeOrganisatie"`
	Processobjectaard            *string               `json:"processobjectaard"`
	StartdatumBewaartermijn      *string               `json:"startdatumBewaartermijn"`
	Processobject                zaken.Processobject   `json:"processobject"`
}

// zaakVerlenging is the gegevensgroep verlenging; an unset one is null,
// which the OAS allows and its required duur demands.
type zaakVerlenging struct {
	Reden string `json:"reden"`
	Duur  string `json:"duur"`
}

// betalingsindicatieWeergaven explain the betalingsindicatie values (the
// OAS's Uitleg bij mogelijke waarden).
var betalingsindicatieWeergaven = map[zaken.Betalingsindicatie]string{
	zaken.BetalingNvt:          "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
	zaken.BetalingNogNiet:      "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
	zaken.BetalingGedeeltelijk: "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
	zaken.BetalingGeheel:       "De met de zaak gemoeide kosten zijn geheel betaald.",
}

// wire returns the wire form of z, with absolute URLs of the API serving ctx.
func (z zaakRow) wire(ctx context.Context) zaak {
	g := zgw.RenderRefs(ctx, z.g)
	out := zaak{
		URL:                          zgw.ResourceURL(ctx, "zaken", z.uuid),
		UUID:                         z.uuid,
		Identificatie:                g.Identificatie,
		Bronorganisatie:              g.Bronorganisatie,
		Omschrijving:                 g.Omschrijving,
		Toelichting:                  g.Toelichting,
		Zaaktype:                     g.Zaaktype,
		Registratiedatum:             g.Registratiedatum.String(),
		VerantwoordelijkeOrganisatie: g.VerantwoordelijkeOrganisatie,
		Startdatum:                   g.Startdatum.String(),
		Einddatum:                    nullDate(g.Einddatum),
		EinddatumGepland:             nullDate(g.EinddatumGepland),
		UiterlijkeEinddatumAfdoening: nullDate(g.UiterlijkeEinddatumAfdoening),
		Publicatiedatum:              nullDate(g.Publicatiedatum),
		Communicatiekanaal:           g.Communicatiekanaal,
		ProductenOfDiensten:          strs(g.ProductenOfDiensten),
		Vertrouwelijkheidaanduiding:  string(g.Vertrouwelijkheidaanduiding),
		Betalingsindicatie:           string(g.Betalingsindicatie),
		BetalingsindicatieWeergave:   betalingsindicatieWeergaven[g.Betalingsindicatie],
		LaatsteBetaaldatum:           g.LaatsteBetaaldatum,
		Zaakgeometrie:                g.Zaakgeometrie,
		Selectielijstklasse:          g.Selectielijstklasse,
		Hoofdzaak:                    nullable(g.Hoofdzaak),
		Deelzaken:                    urls(ctx, "zaken", z.deelzaken),
		RelevanteAndereZaken:         g.RelevanteAndereZaken,
		Eigenschappen:                urls(ctx, "zaken/"+z.uuid+"/zaakeigenschappen", z.eigenschappen),
		Rollen:                       urls(ctx, "rollen", z.rollen),
		Status:                       optionalURL(ctx, "statussen", z.status),
		Zaakinformatieobjecten:       urls(ctx, "zaakinformatieobjecten", z.zaakinformatieobjecten),
		Zaakobjecten:                 urls(ctx, "zaakobjecten", z.zaakobjecten),
		Kenmerken:                    g.Kenmerken,
		Archiefnominatie:             nullable(string(g.Archiefnominatie)),
		Archiefstatus:                string(g.Archiefstatus),
		Archiefactiedatum:            nullDate(g.Archiefactiedatum),
		Resultaat:                    optionalURL(ctx, "resultaten", z.resultaat),
		OpdrachtgevendeOrganisatie:   g.OpdrachtgevendeOrganisatie,
		Processobjectaard:            nullable(g.Processobjectaard),
		StartdatumBewaartermijn:      nullDate(g.StartdatumBewaartermijn),
	}
	if len(out.Zaakgeometrie) == 0 || string(out.Zaakgeometrie) == "null" {
		out.Zaakgeometrie = json.RawMessage("null")
	}
	if g.Verlenging != nil {
		out.Verlenging = &zaakVerlenging{Reden: g.Verlenging.Reden, Duur: g.Verlenging.Duur}
	}
	if g.Opschorting != nil {
		out.Opschorting = *g.Opschorting
	}
	if g.Processobject != nil {
		out.Processobject = *g.Processobject
	}
	if z.hoofdzaak != "" {
		h := zgw.ResourceURL(ctx, "zaken", z.hoofdzaak)
		out.Hoofdzaak = &h
	}
	if out.RelevanteAndereZaken == nil {
		out.RelevanteAndereZaken = []zaken.RelevanteZaak{}
	}
	if out.Kenmerken == nil {
		out.Kenmerken = []zaken.Kenmerk{}
	}
	return out
}
