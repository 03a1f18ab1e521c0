package zaken

import "github.com/zaakregister/zaakregister/domain/catalogi"

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

// schemaVersion is the SchemaVersion of the events of this package that
// hold no reference; localRefsVersion that of those that do: since version
// 2 a reference to a resource of this registry is kept without its base
// URL (docs/decisions.md), and a version-1 event is upcast on reading.
const (
	schemaVersion    = 1
	localRefsVersion = 2
)

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
