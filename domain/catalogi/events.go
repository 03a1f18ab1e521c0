package catalogi

import (
	"encoding/json"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
)

// Event type names. They are written into the log and must never change.
const (
	TypeCatalogusAangemaakt                    = "catalogi.catalogus.aangemaakt"
	TypeZaaktypeAangemaakt                     = "catalogi.zaaktype.aangemaakt"
	TypeZaaktypeGewijzigd                      = "catalogi.zaaktype.gewijzigd"
	TypeZaaktypeGepubliceerd                   = "catalogi.zaaktype.gepubliceerd"
	TypeZaaktypeBeeindigd                      = "catalogi.zaaktype.beeindigd"
	TypeZaaktypeVerwijderd                     = "catalogi.zaaktype.verwijderd"
	TypeStatustypeAangemaakt                   = "catalogi.statustype.aangemaakt"
	TypeStatustypeGewijzigd                    = "catalogi.statustype.gewijzigd"
	TypeStatustypeVerwijderd                   = "catalogi.statustype.verwijderd"
	TypeRoltypeAangemaakt                      = "catalogi.roltype.aangemaakt"
	TypeRoltypeGewijzigd                       = "catalogi.roltype.gewijzigd"
	TypeRoltypeVerwijderd                      = "catalogi.roltype.verwijderd"
	TypeResultaattypeAangemaakt                = "catalogi.resultaattype.aangemaakt"
	TypeResultaattypeGewijzigd                 = "catalogi.resultaattype.gewijzigd"
	TypeResultaattypeVerwijderd                = "catalogi.resultaattype.verwijderd"
	TypeEigenschapAangemaakt                   = "catalogi.eigenschap.aangemaakt"
	TypeEigenschapGewijzigd                    = "catalogi.eigenschap.gewijzigd"
	TypeEigenschapVerwijderd                   = "catalogi.eigenschap.verwijderd"
	TypeZaakobjecttypeAangemaakt               = "catalogi.zaakobjecttype.aangemaakt"
	TypeZaakobjecttypeGewijzigd                = "catalogi.zaakobjecttype.gewijzigd"
	TypeZaakobjecttypeVerwijderd               = "catalogi.zaakobjecttype.verwijderd"
	TypeZaaktypeInformatieobjecttypeAangemaakt = "catalogi.zaaktype-informatieobjecttype.aangemaakt"
	TypeZaaktypeInformatieobjecttypeGewijzigd  = "catalogi.zaaktype-informatieobjecttype.gewijzigd"
	TypeZaaktypeInformatieobjecttypeVerwijderd = "catalogi.zaaktype-informatieobjecttype.verwijderd"
	TypeInformatieobjecttypeAangemaakt         = "catalogi.informatieobjecttype.aangemaakt"
	TypeInformatieobjecttypeGewijzigd          = "catalogi.informatieobjecttype.gewijzigd"
	TypeInformatieobjecttypeGepubliceerd       = "catalogi.informatieobjecttype.gepubliceerd"
	TypeInformatieobjecttypeBeeindigd          = "catalogi.informatieobjecttype.beeindigd"
	TypeInformatieobjecttypeVerwijderd         = "catalogi.informatieobjecttype.verwijderd"
	TypeBesluittypeAangemaakt                  = "catalogi.besluittype.aangemaakt"
	TypeBesluittypeGewijzigd                   = "catalogi.besluittype.gewijzigd"
	TypeBesluittypeGepubliceerd                = "catalogi.besluittype.gepubliceerd"
	TypeBesluittypeBeeindigd                   = "catalogi.besluittype.beeindigd"
	TypeBesluittypeVerwijderd                  = "catalogi.besluittype.verwijderd"
	TypeVersieGepubliceerd                     = "catalogi.versie.gepubliceerd"
	TypeVersieGewijzigd                        = "catalogi.versie.gewijzigd"
	TypeVersieVerwijderd                       = "catalogi.versie.verwijderd"
)

// schemaVersion is the SchemaVersion of every event of this package.
const schemaVersion = 1

// Decode turns a stored event of this context back into its Go value.
func Decode(eventType string, data []byte) (domain.Event, error) {
	var (
		e   domain.Event
		err error
	)
	switch eventType {
	case TypeCatalogusAangemaakt:
		e, err = decode[CatalogusAangemaakt](data)
	case TypeZaaktypeAangemaakt:
		e, err = decode[ZaaktypeAangemaakt](data)
	case TypeZaaktypeGewijzigd:
		e, err = decode[ZaaktypeGewijzigd](data)
	case TypeZaaktypeGepubliceerd:
		e, err = decode[ZaaktypeGepubliceerd](data)
	case TypeZaaktypeBeeindigd:
		e, err = decode[ZaaktypeBeeindigd](data)
	case TypeZaaktypeVerwijderd:
		e, err = decode[ZaaktypeVerwijderd](data)
	case TypeStatustypeAangemaakt:
		e, err = decode[StatustypeAangemaakt](data)
	case TypeStatustypeGewijzigd:
		e, err = decode[StatustypeGewijzigd](data)
	case TypeStatustypeVerwijderd:
		e, err = decode[StatustypeVerwijderd](data)
	case TypeRoltypeAangemaakt:
		e, err = decode[RoltypeAangemaakt](data)
	case TypeRoltypeGewijzigd:
		e, err = decode[RoltypeGewijzigd](data)
	case TypeRoltypeVerwijderd:
		e, err = decode[RoltypeVerwijderd](data)
	case TypeResultaattypeAangemaakt:
		e, err = decode[ResultaattypeAangemaakt](data)
	case TypeResultaattypeGewijzigd:
		e, err = decode[ResultaattypeGewijzigd](data)
	case TypeResultaattypeVerwijderd:
		e, err = decode[ResultaattypeVerwijderd](data)
	case TypeEigenschapAangemaakt:
		e, err = decode[EigenschapAangemaakt](data)
	case TypeEigenschapGewijzigd:
		e, err = decode[EigenschapGewijzigd](data)
	case TypeEigenschapVerwijderd:
		e, err = decode[EigenschapVerwijderd](data)
	case TypeZaakobjecttypeAangemaakt:
		e, err = decode[ZaakobjecttypeAangemaakt](data)
	case TypeZaakobjecttypeGewijzigd:
		e, err = decode[ZaakobjecttypeGewijzigd](data)
	case TypeZaakobjecttypeVerwijderd:
		e, err = decode[ZaakobjecttypeVerwijderd](data)
	case TypeZaaktypeInformatieobjecttypeAangemaakt:
		e, err = decode[ZaaktypeInformatieobjecttypeAangemaakt](data)
	case TypeZaaktypeInformatieobjecttypeGewijzigd:
		e, err = decode[ZaaktypeInformatieobjecttypeGewijzigd](data)
	case TypeZaaktypeInformatieobjecttypeVerwijderd:
		e, err = decode[ZaaktypeInformatieobjecttypeVerwijderd](data)
	case TypeInformatieobjecttypeAangemaakt:
		e, err = decode[InformatieobjecttypeAangemaakt](data)
	case TypeInformatieobjecttypeGewijzigd:
		e, err = decode[InformatieobjecttypeGewijzigd](data)
	case TypeInformatieobjecttypeGepubliceerd:
		e, err = decode[InformatieobjecttypeGepubliceerd](data)
	case TypeInformatieobjecttypeBeeindigd:
		e, err = decode[InformatieobjecttypeBeeindigd](data)
	case TypeInformatieobjecttypeVerwijderd:
		e, err = decode[InformatieobjecttypeVerwijderd](data)
	case TypeBesluittypeAangemaakt:
		e, err = decode[BesluittypeAangemaakt](data)
	case TypeBesluittypeGewijzigd:
		e, err = decode[BesluittypeGewijzigd](data)
	case TypeBesluittypeGepubliceerd:
		e, err = decode[BesluittypeGepubliceerd](data)
	case TypeBesluittypeBeeindigd:
		e, err = decode[BesluittypeBeeindigd](data)
	case TypeBesluittypeVerwijderd:
		e, err = decode[BesluittypeVerwijderd](data)
	case TypeVersieGepubliceerd:
		e, err = decode[VersieGepubliceerd](data)
	case TypeVersieGewijzigd:
		e, err = decode[VersieGewijzigd](data)
	case TypeVersieVerwijderd:
		e, err = decode[VersieVerwijderd](data)
	default:
		return nil, fmt.Errorf("catalogi: unknown event type %q", eventType)
	}
	if err != nil {
		return nil, fmt.Errorf("catalogi: decode %s: %w", eventType, err)
	}
	return e, nil
}

func decode[T domain.Event](data []byte) (domain.Event, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

// Stream names. The part before the first "-" is the category (KurrentDB's
// $by_category convention), so the versions streams get a category of their
// own instead of sharing "catalogi.zaaktype" with the zaaktype streams.

// CatalogusStream is the stream of one catalogus.
func CatalogusStream(uuid string) string { return "catalogi.catalogus-" + uuid }

// ZaaktypeStream is the stream of one zaaktype and all its sub-types.
func ZaaktypeStream(uuid string) string { return "catalogi.zaaktype-" + uuid }

// InformatieobjecttypeStream is the stream of one informatieobjecttype.
func InformatieobjecttypeStream(uuid string) string { return "catalogi.informatieobjecttype-" + uuid }

// BesluittypeStream is the stream of one besluittype.
func BesluittypeStream(uuid string) string { return "catalogi.besluittype-" + uuid }

// ZaaktypeVersiesStream is the Versies stream of the zaaktypen with one
// identificatie in one catalogus.
func ZaaktypeVersiesStream(catalogus, identificatie string) string {
	return "catalogi.zaaktypeversies-" + catalogus + "-" + identificatie
}

// InformatieobjecttypeVersiesStream is the Versies stream of the
// informatieobjecttypen with one omschrijving in one catalogus.
func InformatieobjecttypeVersiesStream(catalogus, omschrijving string) string {
	return "catalogi.informatieobjecttypeversies-" + catalogus + "-" + omschrijving
}

// BesluittypeVersiesStream is the Versies stream of the besluittypen with
// one omschrijving in one catalogus.
func BesluittypeVersiesStream(catalogus, omschrijving string) string {
	return "catalogi.besluittypeversies-" + catalogus + "-" + omschrijving
}
