package zaken

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// Date is the civil date of the ZGW APIs; the zero Date travels as null.
type Date = catalogi.Date

// Betalingsindicatie says how far the costs of a zaak have been paid.
type Betalingsindicatie string

// The values of Betalingsindicatie; the empty value means "not given".
const (
	BetalingNvt          Betalingsindicatie = "nvt"
	BetalingNogNiet      Betalingsindicatie = "nog_niet"
	BetalingGedeeltelijk Betalingsindicatie = "gedeeltelijk"
	BetalingGeheel       Betalingsindicatie = "geheel"
)

// Valid reports whether b is empty or one of the standard's values.
func (b Betalingsindicatie) Valid() bool {
	switch b {
	case "", BetalingNvt, BetalingNogNiet, BetalingGedeeltelijk, BetalingGeheel:
		return true
	}
	return false
}

// Archiefstatus is how far the zaakdossier is archived (zrc-022).
type Archiefstatus string

// The values of Archiefstatus.
const (
	NogTeArchiveren                   Archiefstatus = "nog_te_archiveren"
	Gearchiveerd                      Archiefstatus = "gearchiveerd"
	GearchiveerdProcestermijnOnbekend Archiefstatus = "gearchiveerd_procestermijn_onbekend"
	Overgedragen                      Archiefstatus = "overgedragen"
)

// Valid reports whether a is one of the standard's values.
func (a Archiefstatus) Valid() bool {
	switch a {
	case NogTeArchiveren, Gearchiveerd, GearchiveerdProcestermijnOnbekend, Overgedragen:
		return true
	}
	return false
}

// Verlenging is the gegevensgroep of an extended zaak; nil means not sent
// (zrc-012).
type Verlenging struct {
	Reden string `json:"reden"`
	Duur  string `json:"duur"`
}

// Opschorting is the gegevensgroep of a suspended zaak (zrc-012).
type Opschorting struct {
	Indicatie bool   `json:"indicatie"`
	Reden     string `json:"reden"`
}

// Processobject is the gegevensgroep naming the object whose existence
// determines the archiving term (zrc-012).
type Processobject struct {
	Datumkenmerk  string `json:"datumkenmerk"`
	Identificatie string `json:"identificatie"`
	Objecttype    string `json:"objecttype" ref:"url"`
	Registratie   string `json:"registratie"`
}

// RelevanteZaak is one entry of relevanteAndereZaken.
type RelevanteZaak struct {
	URL         string `json:"url" ref:"zaken/zaken"`
	AardRelatie string `json:"aardRelatie"`
}

// Kenmerk is one entry of kenmerken: an identification in another system.
type Kenmerk struct {
	Kenmerk string `json:"kenmerk"`
	Bron    string `json:"bron"`
}

// ZaakGegevens are the writable fields of a zaak plus the ones the registry
// derives (einddatum, and the archiving parameters at closing). Resolved
// references are URLs exactly as the client sent them.
type ZaakGegevens struct {
	Identificatie                string                               `json:"identificatie"`
	Bronorganisatie              string                               `json:"bronorganisatie"`
	Omschrijving                 string                               `json:"omschrijving"`
	Toelichting                  string                               `json:"toelichting"`
	Zaaktype                     string                               `json:"zaaktype" ref:"catalogi/zaaktypen"`
	Registratiedatum             Date                                 `json:"registratiedatum"`
	VerantwoordelijkeOrganisatie string                               `json:"verantwoordelijkeOrganisatie"`
	Startdatum                   Date                                 `json:"startdatum"`
	Einddatum                    Date                                 `json:"einddatum"`
	EinddatumGepland             Date                                 `json:"einddatumGepland"`
	UiterlijkeEinddatumAfdoening Date                                 `json:"uiterlijkeEinddatumAfdoening"`
	Publicatiedatum              Date                                 `json:"publicatiedatum"`
	Communicatiekanaal           string                               `json:"communicatiekanaal" ref:"referentielijsten/communicatiekanalen"`
	ProductenOfDiensten          []string                             `json:"productenOfDiensten" ref:"url"`
	Vertrouwelijkheidaanduiding  catalogi.Vertrouwelijkheidaanduiding `json:"vertrouwelijkheidaanduiding"`
	Betalingsindicatie           Betalingsindicatie                   `json:"betalingsindicatie"`
	LaatsteBetaaldatum           *time.Time                           `json:"laatsteBetaaldatum"`
	Zaakgeometrie                json.RawMessage                      `json:"zaakgeometrie,omitempty"`
	Verlenging                   *Verlenging                          `json:"verlenging"`
	Opschorting                  *Opschorting                         `json:"opschorting"`
	Selectielijstklasse          string                               `json:"selectielijstklasse" ref:"referentielijsten/resultaten"`
	Hoofdzaak                    string                               `json:"hoofdzaak" ref:"zaken/zaken"`
	RelevanteAndereZaken         []RelevanteZaak                      `json:"relevanteAndereZaken"`
	Kenmerken                    []Kenmerk                            `json:"kenmerken"`
	Archiefnominatie             catalogi.Archiefnominatie            `json:"archiefnominatie"`
	Archiefstatus                Archiefstatus                        `json:"archiefstatus"`
	Archiefactiedatum            Date                                 `json:"archiefactiedatum"`
	OpdrachtgevendeOrganisatie   string                               `json:"opdrachtgevendeOrganisatie"`
	Processobjectaard            string                               `json:"processobjectaard"`
	StartdatumBewaartermijn      Date                                 `json:"startdatumBewaartermijn"`
	Processobject                *Processobject                       `json:"processobject"`
}

// normalised returns g with its own copies of the lists, empty instead of
// nil, so that events and responses always carry arrays and no caller
// shares the aggregate's state, and without a processobject whose fields
// are all empty: that is how a GET shows an unset one, and what a client
// PUTs back (zrc-012: not sent).
func (g ZaakGegevens) normalised() ZaakGegevens {
	if g.Processobject != nil && *g.Processobject == (Processobject{}) {
		g.Processobject = nil
	}
	g.ProductenOfDiensten = slices.Clone(g.ProductenOfDiensten)
	g.RelevanteAndereZaken = slices.Clone(g.RelevanteAndereZaken)
	g.Kenmerken = slices.Clone(g.Kenmerken)
	if g.ProductenOfDiensten == nil {
		g.ProductenOfDiensten = []string{}
	}
	if g.RelevanteAndereZaken == nil {
		g.RelevanteAndereZaken = []RelevanteZaak{}
	}
	if g.Kenmerken == nil {
		g.Kenmerken = []Kenmerk{}
	}
	return g
}
