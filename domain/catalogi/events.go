package catalogi

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

// schemaVersion is the SchemaVersion of the events of this package that
// hold no reference to a resource of this registry by URL;
// localRefsVersion that of those that do: since version 2 such a reference
// is kept without the registry's base URL (docs/decisions.md), and a
// version-1 event is upcast on reading.
const (
	schemaVersion    = 1
	localRefsVersion = 2
)

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
