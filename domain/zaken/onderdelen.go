package zaken

import (
	"encoding/json"
	"time"
)

// onderdeel is the constraint of the sub-resource gegevens kept in the zaak
// stream; soort is the middle part of their event type names.
type onderdeel interface {
	StatusGegevens | ResultaatGegevens | RolGegevens | ZaakObjectGegevens |
		ZaakEigenschapGegevens | ZaakInformatieObjectGegevens | KlantContactGegevens | ZaakBesluitGegevens |
		ZaakContactMomentGegevens | ZaakVerzoekGegevens
	soort() string
}

// StatusGegevens are the fields of a status. IndicatieLaatstGezetteStatus
// is derived: true for the status with the latest datumStatusGezet.
type StatusGegevens struct {
	Statustype                   string    `json:"statustype" ref:"catalogi/statustypen"`
	DatumStatusGezet             time.Time `json:"datumStatusGezet"`
	Statustoelichting            string    `json:"statustoelichting"`
	Gezetdoor                    string    `json:"gezetdoor" ref:"zaken/rollen"`
	IndicatieLaatstGezetteStatus bool      `json:"indicatieLaatstGezetteStatus"`
}

// ResultaatGegevens are the fields of the resultaat of a zaak.
type ResultaatGegevens struct {
	Resultaattype string `json:"resultaattype" ref:"catalogi/resultaattypen"`
	Toelichting   string `json:"toelichting"`
}

// RolGegevens are the fields of a rol. Omschrijving and
// OmschrijvingGeneriek are copied from the roltype (zrc-019); the
// betrokkeneIdentificatie travels as the client sent it.
type RolGegevens struct {
	Betrokkene               string          `json:"betrokkene" ref:"url"`
	BetrokkeneType           string          `json:"betrokkeneType"`
	AfwijkendeNaamBetrokkene string          `json:"afwijkendeNaamBetrokkene"`
	Roltype                  string          `json:"roltype" ref:"catalogi/roltypen"`
	Omschrijving             string          `json:"omschrijving"`
	OmschrijvingGeneriek     string          `json:"omschrijvingGeneriek"`
	Roltoelichting           string          `json:"roltoelichting"`
	Registratiedatum         time.Time       `json:"registratiedatum"`
	IndicatieMachtiging      string          `json:"indicatieMachtiging"`
	ContactpersoonRol        json.RawMessage `json:"contactpersoonRol,omitempty"`
	BetrokkeneIdentificatie  json.RawMessage `json:"betrokkeneIdentificatie,omitempty"`
}

// ZaakObjectGegevens are the fields of a zaakobject. ObjectIdentificatie is
// the inline object data; its top-level attributes serve zrc-021 with
// afleidingswijze zaakobject.
type ZaakObjectGegevens struct {
	Object                     string          `json:"object" ref:"url"`
	Zaakobjecttype             string          `json:"zaakobjecttype" ref:"catalogi/zaakobjecttypen"`
	ObjectType                 string          `json:"objectType"`
	ObjectTypeOverige          string          `json:"objectTypeOverige"`
	ObjectTypeOverigeDefinitie json.RawMessage `json:"objectTypeOverigeDefinitie,omitempty"`
	Relatieomschrijving        string          `json:"relatieomschrijving"`
	ObjectIdentificatie        json.RawMessage `json:"objectIdentificatie,omitempty"`
}

// ZaakEigenschapGegevens are the fields of a zaakeigenschap; Naam is copied
// from the eigenschap (zrc-018).
type ZaakEigenschapGegevens struct {
	Eigenschap string `json:"eigenschap" ref:"catalogi/eigenschappen"`
	Naam       string `json:"naam"`
	Waarde     string `json:"waarde"`
}

// ZaakInformatieObjectGegevens are the fields of a zaakinformatieobject;
// aardRelatie is always hoort_bij (zrc-004) and Registratiedatum is set on
// create.
type ZaakInformatieObjectGegevens struct {
	Informatieobject   string     `json:"informatieobject" ref:"documenten/enkelvoudiginformatieobjecten"`
	Titel              string     `json:"titel"`
	Beschrijving       string     `json:"beschrijving"`
	Registratiedatum   time.Time  `json:"registratiedatum"`
	Vernietigingsdatum *time.Time `json:"vernietigingsdatum"`
	Status             string     `json:"status" ref:"zaken/statussen"`
}

// KlantContactGegevens are the fields of a klantcontact.
type KlantContactGegevens struct {
	Identificatie string    `json:"identificatie"`
	Datumtijd     time.Time `json:"datumtijd"`
	Kanaal        string    `json:"kanaal"`
	Onderwerp     string    `json:"onderwerp"`
	Toelichting   string    `json:"toelichting"`
}

// ZaakBesluitGegevens are the fields of a zaakbesluit, kept in sync by the
// Besluiten API.
type ZaakBesluitGegevens struct {
	Besluit string `json:"besluit" ref:"besluiten/besluiten"`
}

// ZaakContactMomentGegevens are the fields of a zaakcontactmoment: the
// contactmoment (Klantinteractie API) that concerns the zaak.
type ZaakContactMomentGegevens struct {
	Contactmoment string `json:"contactmoment" ref:"url"`
}

// ZaakVerzoekGegevens are the fields of a zaakverzoek: the verzoek
// (Klantinteractie API) that concerns the zaak.
type ZaakVerzoekGegevens struct {
	Verzoek string `json:"verzoek" ref:"url"`
}

func (StatusGegevens) soort() string               { return "status" }
func (ResultaatGegevens) soort() string            { return "resultaat" }
func (RolGegevens) soort() string                  { return "rol" }
func (ZaakObjectGegevens) soort() string           { return "zaakobject" }
func (ZaakEigenschapGegevens) soort() string       { return "zaakeigenschap" }
func (ZaakInformatieObjectGegevens) soort() string { return "zaakinformatieobject" }
func (KlantContactGegevens) soort() string         { return "klantcontact" }
func (ZaakBesluitGegevens) soort() string          { return "zaakbesluit" }
func (ZaakContactMomentGegevens) soort() string    { return "zaakcontactmoment" }
func (ZaakVerzoekGegevens) soort() string          { return "zaakverzoek" }
