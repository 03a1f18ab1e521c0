package referentielijsten

import (
	"context"

	"github.com/zaakregister/zaakregister/zgw"
)

// The collections of the API, the path segment of their resource URLs.
const (
	procestypenPath    = "procestypen"
	resultatenPath     = "resultaten"
	omschrijvingenPath = "resultaattypeomschrijvingen"
	kanalenPath        = "communicatiekanalen"
)

// procestypeBody is the OAS schema ProcesType.
type procestypeBody struct {
	URL          string `json:"url"`
	Nummer       int    `json:"nummer"`
	Jaar         int    `json:"jaar"`
	Naam         string `json:"naam"`
	Omschrijving string `json:"omschrijving"`
	Toelichting  string `json:"toelichting"`
	Procesobject string `json:"procesobject"`
}

func procestypeWire(ctx context.Context, p Procestype) procestypeBody {
	return procestypeBody{
		URL: zgw.ResourceURL(ctx, procestypenPath, p.UUID), Nummer: p.Nummer, Jaar: p.Jaar,
		Naam: p.Naam, Omschrijving: p.Omschrijving, Toelichting: p.Toelichting, Procesobject: p.Procesobject,
	}
}

// resultaatBody is the OAS schema Resultaat, in its property order.
type resultaatBody struct {
	URL                   string  `json:"url"`
	ProcesType            string  `json:"procesType"`
	Nummer                int     `json:"nummer"`
	VolledigNummer        string  `json:"volledigNummer"`
	Generiek              bool    `json:"generiek"`
	Specifiek             bool    `json:"specifiek"`
	Naam                  string  `json:"naam"`
	Omschrijving          string  `json:"omschrijving"`
	Herkomst              string  `json:"herkomst"`
	Waardering            string  `json:"waardering"`
	Procestermijn         string  `json:"procestermijn"`
	ProcestermijnWeergave string  `json:"procestermijnWeergave"`
	Bewaartermijn         *string `json:"bewaartermijn"`
	Toelichting           string  `json:"toelichting"`
	taakgebiedenBody
	ProcestermijnOpmerking string `json:"procestermijnOpmerking"`
}

// taakgebiedenBody has the fields of Taakgebieden, so that one converts to
// the other; the tags are the OAS names, the misspelt
// "volksgezonheidEnMilieu" included.
type taakgebiedenBody struct {
	AlgemeenBestuurEnInrichtingOrganisatie bool `json:"algemeenBestuurEnInrichtingOrganisatie"`
	BedrijfsvoeringEnPersoneel             bool `json:"bedrijfsvoeringEnPersoneel"`
	PubliekeInformatieEnRegistratie        bool `json:"publiekeInformatieEnRegistratie"`
	Burgerzaken                            bool `json:"burgerzaken"`
	Veiligheid                             bool `json:"veiligheid"`
	VerkeerEnVervoer                       bool `json:"verkeerEnVervoer"`
	Economie                               bool `json:"economie"`
	Onderwijs                              bool `json:"onderwijs"`
	SportCultuurEnRecreatie                bool `json:"sportCultuurEnRecreatie"`
	SociaalDomein                          bool `json:"sociaalDomein"`
	VolksgezondheidEnMilieu                bool `json:"volksgezonheidEnMilieu"`
	VHROSV                                 bool `json:"vhrosv"`
	HeffenBelastingen                      bool `json:"heffenBelastingen"`
	AlleTaakgebieden                       bool `json:"alleTaakgebieden"`
}

func resultaatWire(ctx context.Context, r Resultaat) resultaatBody {
	b := resultaatBody{
		URL:        zgw.ResourceURL(ctx, resultatenPath, r.UUID),
		ProcesType: zgw.ResourceURL(ctx, procestypenPath, r.ProcestypeUUID),
		Nummer:     r.Nummer, VolledigNummer: r.VolledigNummer,
		Generiek: r.Generiek(), Specifiek: r.Specifiek(),
		Naam: r.Naam, Omschrijving: r.Omschrijving, Herkomst: r.Herkomst,
		Waardering:    string(r.Waardering),
		Procestermijn: string(r.Procestermijn), ProcestermijnWeergave: r.Procestermijn.Weergave(),
		Toelichting:            r.Toelichting,
		taakgebiedenBody:       taakgebiedenBody(r.Taakgebieden),
		ProcestermijnOpmerking: r.ProcestermijnOpmerking,
	}
	if r.Bewaartermijn != "" {
		b.Bewaartermijn = &r.Bewaartermijn
	}
	return b
}

// omschrijvingBody is the OAS schema ResultaattypeOmschrijvingGeneriek.
type omschrijvingBody struct {
	URL          string `json:"url"`
	Omschrijving string `json:"omschrijving"`
	Definitie    string `json:"definitie"`
	Opmerking    string `json:"opmerking"`
}

func omschrijvingWire(ctx context.Context, o ResultaatTypeOmschrijving) omschrijvingBody {
	return omschrijvingBody{
		URL:          zgw.ResourceURL(ctx, omschrijvingenPath, o.UUID),
		Omschrijving: o.Omschrijving, Definitie: o.Definitie, Opmerking: o.Opmerking,
	}
}

// kanaalBody is the OAS schema CommunicatieKanaal.
type kanaalBody struct {
	URL          string `json:"url"`
	Naam         string `json:"naam"`
	Omschrijving string `json:"omschrijving"`
}

func kanaalWire(ctx context.Context, k Communicatiekanaal) kanaalBody {
	return kanaalBody{URL: zgw.ResourceURL(ctx, kanalenPath, k.UUID), Naam: k.Naam, Omschrijving: k.Omschrijving}
}
