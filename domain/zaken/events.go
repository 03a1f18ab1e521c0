package zaken

import (
	"encoding/json"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// Event type names. They are written into the log and must never change.
// The sub-resource names are "zaken." + soort + ".aangemaakt" and so on.
const (
	TypeZaakAangemaakt                 = "zaken.zaak.aangemaakt"
	TypeZaakGewijzigd                  = "zaken.zaak.gewijzigd"
	TypeZaakAfgesloten                 = "zaken.zaak.afgesloten"
	TypeZaakHeropend                   = "zaken.zaak.heropend"
	TypeZaakVerwijderd                 = "zaken.zaak.verwijderd"
	TypeStatusAangemaakt               = "zaken.status.aangemaakt"
	TypeResultaatAangemaakt            = "zaken.resultaat.aangemaakt"
	TypeResultaatGewijzigd             = "zaken.resultaat.gewijzigd"
	TypeResultaatVerwijderd            = "zaken.resultaat.verwijderd"
	TypeRolAangemaakt                  = "zaken.rol.aangemaakt"
	TypeRolGewijzigd                   = "zaken.rol.gewijzigd"
	TypeRolVerwijderd                  = "zaken.rol.verwijderd"
	TypeZaakObjectAangemaakt           = "zaken.zaakobject.aangemaakt"
	TypeZaakObjectGewijzigd            = "zaken.zaakobject.gewijzigd"
	TypeZaakObjectVerwijderd           = "zaken.zaakobject.verwijderd"
	TypeZaakEigenschapAangemaakt       = "zaken.zaakeigenschap.aangemaakt"
	TypeZaakEigenschapGewijzigd        = "zaken.zaakeigenschap.gewijzigd"
	TypeZaakEigenschapVerwijderd       = "zaken.zaakeigenschap.verwijderd"
	TypeZaakInformatieObjectAangemaakt = "zaken.zaakinformatieobject.aangemaakt"
	TypeZaakInformatieObjectGewijzigd  = "zaken.zaakinformatieobject.gewijzigd"
	TypeZaakInformatieObjectVerwijderd = "zaken.zaakinformatieobject.verwijderd"
	TypeKlantContactAangemaakt         = "zaken.klantcontact.aangemaakt"
	TypeZaakBesluitAangemaakt          = "zaken.zaakbesluit.aangemaakt"
	TypeZaakBesluitVerwijderd          = "zaken.zaakbesluit.verwijderd"
	TypeZaakContactMomentAangemaakt    = "zaken.zaakcontactmoment.aangemaakt"
	TypeZaakContactMomentVerwijderd    = "zaken.zaakcontactmoment.verwijderd"
	TypeZaakVerzoekAangemaakt          = "zaken.zaakverzoek.aangemaakt"
	TypeZaakVerzoekVerwijderd          = "zaken.zaakverzoek.verwijderd"
	TypeIdentificatieGereserveerd      = "zaken.identificatie.gereserveerd"
	TypeIdentificatieUitgegeven        = "zaken.identificatie.uitgegeven"
	TypeZaakVernietigd                 = "zaken.zaak.vernietigd"
)

// schemaVersion is the SchemaVersion of every event of this package.
const schemaVersion = 1

// ZaakStream is the stream of one zaak and all its sub-resources.
func ZaakStream(uuid string) string { return "zaken.zaak-" + uuid }

// Kanaal is what the notification on the zaken kanaal needs of the zaak, in
// every event of the zaak stream: the kenmerken bronorganisatie, zaaktype
// and vertrouwelijkheidaanduiding.
type Kanaal struct {
	Bronorganisatie             string                               `json:"bronorganisatie"`
	Zaaktype                    string                               `json:"zaaktype" ref:"catalogi/zaaktypen"`
	Vertrouwelijkheidaanduiding catalogi.Vertrouwelijkheidaanduiding `json:"vertrouwelijkheidaanduiding"`
}

// Decode turns a stored event of this context back into its Go value.
func Decode(eventType string, data []byte) (domain.Event, error) {
	decoders := map[string]func([]byte) (domain.Event, error){
		TypeZaakAangemaakt:                 decode[ZaakAangemaakt],
		TypeZaakGewijzigd:                  decode[ZaakGewijzigd],
		TypeZaakAfgesloten:                 decode[ZaakAfgesloten],
		TypeZaakHeropend:                   decode[ZaakHeropend],
		TypeZaakVerwijderd:                 decode[ZaakVerwijderd],
		TypeStatusAangemaakt:               decode[StatusAangemaakt],
		TypeResultaatAangemaakt:            decode[ResultaatAangemaakt],
		TypeResultaatGewijzigd:             decode[ResultaatGewijzigd],
		TypeResultaatVerwijderd:            decode[ResultaatVerwijderd],
		TypeRolAangemaakt:                  decode[RolAangemaakt],
		TypeRolGewijzigd:                   decode[RolGewijzigd],
		TypeRolVerwijderd:                  decode[RolVerwijderd],
		TypeZaakObjectAangemaakt:           decode[ZaakObjectAangemaakt],
		TypeZaakObjectGewijzigd:            decode[ZaakObjectGewijzigd],
		TypeZaakObjectVerwijderd:           decode[ZaakObjectVerwijderd],
		TypeZaakEigenschapAangemaakt:       decode[ZaakEigenschapAangemaakt],
		TypeZaakEigenschapGewijzigd:        decode[ZaakEigenschapGewijzigd],
		TypeZaakEigenschapVerwijderd:       decode[ZaakEigenschapVerwijderd],
		TypeZaakInformatieObjectAangemaakt: decode[ZaakInformatieObjectAangemaakt],
		TypeZaakInformatieObjectGewijzigd:  decode[ZaakInformatieObjectGewijzigd],
		TypeZaakInformatieObjectVerwijderd: decode[ZaakInformatieObjectVerwijderd],
		TypeKlantContactAangemaakt:         decode[KlantContactAangemaakt],
		TypeZaakBesluitAangemaakt:          decode[ZaakBesluitAangemaakt],
		TypeZaakBesluitVerwijderd:          decode[ZaakBesluitVerwijderd],
		TypeZaakContactMomentAangemaakt:    decode[ZaakContactMomentAangemaakt],
		TypeZaakContactMomentVerwijderd:    decode[ZaakContactMomentVerwijderd],
		TypeZaakVerzoekAangemaakt:          decode[ZaakVerzoekAangemaakt],
		TypeZaakVerzoekVerwijderd:          decode[ZaakVerzoekVerwijderd],
		TypeIdentificatieGereserveerd:      decode[IdentificatieGereserveerd],
		TypeIdentificatieUitgegeven:        decode[IdentificatieUitgegeven],
		TypeZaakVernietigd:                 decode[ZaakVernietigd],
	}
	dec, ok := decoders[eventType]
	if !ok {
		return nil, fmt.Errorf("zaken: unknown event type %q", eventType)
	}
	e, err := dec(data)
	if err != nil {
		return nil, fmt.Errorf("zaken: decode %s: %w", eventType, err)
	}
	return e, nil
}

func decode[T domain.Event](data []byte) (domain.Event, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}
