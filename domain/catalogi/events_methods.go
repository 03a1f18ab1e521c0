package catalogi

// EventType and SchemaVersion of every event of this package, side by side
// so that a missing or mistyped name stands out in review.

// EventType implements domain.Event.
func (CatalogusAangemaakt) EventType() string { return TypeCatalogusAangemaakt }

// SchemaVersion implements domain.Event.
func (CatalogusAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaaktypeAangemaakt) EventType() string { return TypeZaaktypeAangemaakt }

// SchemaVersion implements domain.Event.
func (ZaaktypeAangemaakt) SchemaVersion() int { return localRefsVersion }

// EventType implements domain.Event.
func (ZaaktypeGewijzigd) EventType() string { return TypeZaaktypeGewijzigd }

// SchemaVersion implements domain.Event.
func (ZaaktypeGewijzigd) SchemaVersion() int { return localRefsVersion }

// EventType implements domain.Event.
func (ZaaktypeGepubliceerd) EventType() string { return TypeZaaktypeGepubliceerd }

// SchemaVersion implements domain.Event.
func (ZaaktypeGepubliceerd) SchemaVersion() int { return localRefsVersion }

// EventType implements domain.Event.
func (ZaaktypeBeeindigd) EventType() string { return TypeZaaktypeBeeindigd }

// SchemaVersion implements domain.Event.
func (ZaaktypeBeeindigd) SchemaVersion() int { return localRefsVersion }

// EventType implements domain.Event.
func (ZaaktypeVerwijderd) EventType() string { return TypeZaaktypeVerwijderd }

// SchemaVersion implements domain.Event.
func (ZaaktypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (StatustypeAangemaakt) EventType() string { return TypeStatustypeAangemaakt }

// SchemaVersion implements domain.Event.
func (StatustypeAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (StatustypeGewijzigd) EventType() string { return TypeStatustypeGewijzigd }

// SchemaVersion implements domain.Event.
func (StatustypeGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (StatustypeVerwijderd) EventType() string { return TypeStatustypeVerwijderd }

// SchemaVersion implements domain.Event.
func (StatustypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (RoltypeAangemaakt) EventType() string { return TypeRoltypeAangemaakt }

// SchemaVersion implements domain.Event.
func (RoltypeAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (RoltypeGewijzigd) EventType() string { return TypeRoltypeGewijzigd }

// SchemaVersion implements domain.Event.
func (RoltypeGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (RoltypeVerwijderd) EventType() string { return TypeRoltypeVerwijderd }

// SchemaVersion implements domain.Event.
func (RoltypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ResultaattypeAangemaakt) EventType() string { return TypeResultaattypeAangemaakt }

// SchemaVersion implements domain.Event.
func (ResultaattypeAangemaakt) SchemaVersion() int { return localRefsVersion }

// EventType implements domain.Event.
func (ResultaattypeGewijzigd) EventType() string { return TypeResultaattypeGewijzigd }

// SchemaVersion implements domain.Event.
func (ResultaattypeGewijzigd) SchemaVersion() int { return localRefsVersion }

// EventType implements domain.Event.
func (ResultaattypeVerwijderd) EventType() string { return TypeResultaattypeVerwijderd }

// SchemaVersion implements domain.Event.
func (ResultaattypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (EigenschapAangemaakt) EventType() string { return TypeEigenschapAangemaakt }

// SchemaVersion implements domain.Event.
func (EigenschapAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (EigenschapGewijzigd) EventType() string { return TypeEigenschapGewijzigd }

// SchemaVersion implements domain.Event.
func (EigenschapGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (EigenschapVerwijderd) EventType() string { return TypeEigenschapVerwijderd }

// SchemaVersion implements domain.Event.
func (EigenschapVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaakobjecttypeAangemaakt) EventType() string { return TypeZaakobjecttypeAangemaakt }

// SchemaVersion implements domain.Event.
func (ZaakobjecttypeAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaakobjecttypeGewijzigd) EventType() string { return TypeZaakobjecttypeGewijzigd }

// SchemaVersion implements domain.Event.
func (ZaakobjecttypeGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaakobjecttypeVerwijderd) EventType() string { return TypeZaakobjecttypeVerwijderd }

// SchemaVersion implements domain.Event.
func (ZaakobjecttypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaaktypeInformatieobjecttypeAangemaakt) EventType() string {
	return TypeZaaktypeInformatieobjecttypeAangemaakt
}

// SchemaVersion implements domain.Event.
func (ZaaktypeInformatieobjecttypeAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaaktypeInformatieobjecttypeGewijzigd) EventType() string {
	return TypeZaaktypeInformatieobjecttypeGewijzigd
}

// SchemaVersion implements domain.Event.
func (ZaaktypeInformatieobjecttypeGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (ZaaktypeInformatieobjecttypeVerwijderd) EventType() string {
	return TypeZaaktypeInformatieobjecttypeVerwijderd
}

// SchemaVersion implements domain.Event.
func (ZaaktypeInformatieobjecttypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (InformatieobjecttypeAangemaakt) EventType() string { return TypeInformatieobjecttypeAangemaakt }

// SchemaVersion implements domain.Event.
func (InformatieobjecttypeAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (InformatieobjecttypeGewijzigd) EventType() string { return TypeInformatieobjecttypeGewijzigd }

// SchemaVersion implements domain.Event.
func (InformatieobjecttypeGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (InformatieobjecttypeGepubliceerd) EventType() string {
	return TypeInformatieobjecttypeGepubliceerd
}

// SchemaVersion implements domain.Event.
func (InformatieobjecttypeGepubliceerd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (InformatieobjecttypeBeeindigd) EventType() string { return TypeInformatieobjecttypeBeeindigd }

// SchemaVersion implements domain.Event.
func (InformatieobjecttypeBeeindigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (InformatieobjecttypeVerwijderd) EventType() string { return TypeInformatieobjecttypeVerwijderd }

// SchemaVersion implements domain.Event.
func (InformatieobjecttypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (BesluittypeAangemaakt) EventType() string { return TypeBesluittypeAangemaakt }

// SchemaVersion implements domain.Event.
func (BesluittypeAangemaakt) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (BesluittypeGewijzigd) EventType() string { return TypeBesluittypeGewijzigd }

// SchemaVersion implements domain.Event.
func (BesluittypeGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (BesluittypeGepubliceerd) EventType() string { return TypeBesluittypeGepubliceerd }

// SchemaVersion implements domain.Event.
func (BesluittypeGepubliceerd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (BesluittypeBeeindigd) EventType() string { return TypeBesluittypeBeeindigd }

// SchemaVersion implements domain.Event.
func (BesluittypeBeeindigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (BesluittypeVerwijderd) EventType() string { return TypeBesluittypeVerwijderd }

// SchemaVersion implements domain.Event.
func (BesluittypeVerwijderd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (VersieGepubliceerd) EventType() string { return TypeVersieGepubliceerd }

// SchemaVersion implements domain.Event.
func (VersieGepubliceerd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (VersieGewijzigd) EventType() string { return TypeVersieGewijzigd }

// SchemaVersion implements domain.Event.
func (VersieGewijzigd) SchemaVersion() int { return schemaVersion }

// EventType implements domain.Event.
func (VersieVerwijderd) EventType() string { return TypeVersieVerwijderd }

// SchemaVersion implements domain.Event.
func (VersieVerwijderd) SchemaVersion() int { return schemaVersion }
