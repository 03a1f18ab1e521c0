package catalogi

import (
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// Events lists every event type of this context: the one list that Decode,
// the golden-file test and the event catalogue (docs/events.md) read. The
// zaaktypen, informatieobjecttypen and besluittypen notify on their own
// kanalen; the catalogus, the sub-types of a zaaktype and the Versies
// streams give no notification.
func Events() []domain.EventInfo {
	return slices.Concat(catalogusEvents(), zaaktypeEvents(), subtypeEvents(),
		informatieobjecttypeEvents(), besluittypeEvents(), versieEvents())
}

// eventTypes is Events by type name, built once.
var eventTypes = domain.NewEventTypes("catalogi", Events())

// Decode turns a stored event of this context back into its Go value.
func Decode(eventType string, data []byte) (domain.Event, error) {
	return eventTypes.Decode(eventType, data)
}

const (
	updateOrPatch = ActieUpdate + " / " + ActiePartialUpdate
	// actiePublish is the actie of the notification of a publication: the
	// name of its operation (POST .../publish), as custom operations have.
	actiePublish = "publish"
	// byForce is what a sub-type event's correctie says.
	byForce = " `correctie` is true when it was made to a published zaaktype by force (ztc-010)."
)

func catalogusEvents() []domain.EventInfo {
	return []domain.EventInfo{{
		Type: TypeCatalogusAangemaakt, Version: 1, New: func() domain.Event { return CatalogusAangemaakt{} },
		Stream: CatalogusStream("{uuid}"), Meaning: "A new catalogus with all its fields.",
	}}
}

func zaaktypeEvents() []domain.EventInfo {
	stream := ZaaktypeStream("{uuid}")
	const kanaal, resource = "zaaktypen", "zaaktype"
	return []domain.EventInfo{
		{
			Type: TypeZaaktypeAangemaakt, Version: 2, New: func() domain.Event { return ZaaktypeAangemaakt{} },
			Stream: stream, Meaning: "A new concept zaaktype with all its fields.",
			Kanaal: kanaal, Resource: resource, Actie: "create",
		},
		{
			Type: TypeZaaktypeGewijzigd, Version: 2, New: func() domain.Event { return ZaaktypeGewijzigd{} },
			Stream: stream,
			Meaning: "The complete new state of a zaaktype after a PUT (`actie` update) or PATCH (partial_update); " +
				"`correctie` is true for a geforceerde change of a published zaaktype.",
			Kanaal: kanaal, Resource: resource, Actie: updateOrPatch,
		},
		{
			Type: TypeZaaktypeGepubliceerd, Version: 2, New: func() domain.Event { return ZaaktypeGepubliceerd{} },
			Stream: stream, Meaning: "A zaaktype is no longer a concept; it carries its complete state.",
			Kanaal: kanaal, Resource: resource, Actie: actiePublish,
		},
		{
			Type: TypeZaaktypeBeeindigd, Version: 2, New: func() domain.Event { return ZaaktypeBeeindigd{} },
			Stream: stream,
			Meaning: "A published zaaktype got an eindeGeldigheid because a newer version was published " +
				"(see `catalogi.versie.gewijzigd`); it carries its complete state.",
			Kanaal: kanaal, Resource: resource, Actie: ActieUpdate,
		},
		{
			Type: TypeZaaktypeVerwijderd, Version: 1, New: func() domain.Event { return ZaaktypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of a zaaktype and, with it, of all its sub-types.",
			Kanaal: kanaal, Resource: resource, Actie: "destroy",
		},
	}
}

// subtypeEvents are the events of the sub-types, on the stream of their
// zaaktype.
func subtypeEvents() []domain.EventInfo {
	stream := ZaaktypeStream("{uuid of the zaaktype}")
	return []domain.EventInfo{
		{
			Type: TypeStatustypeAangemaakt, Version: 1, New: func() domain.Event { return StatustypeAangemaakt{} },
			Stream: stream,
			Meaning: "A new statustype with all its fields. `eindstatus` is the uuid of the statustype that is the " +
				"eindstatus of the zaaktype after the change, so that a projection can set isEindstatus on all of them." + byForce,
		},
		{
			Type: TypeStatustypeGewijzigd, Version: 1, New: func() domain.Event { return StatustypeGewijzigd{} },
			Stream:  stream,
			Meaning: "The complete new state of a statustype, with the eindstatus of the zaaktype after the change." + byForce,
		},
		{
			Type: TypeStatustypeVerwijderd, Version: 1, New: func() domain.Event { return StatustypeVerwijderd{} },
			Stream:  stream,
			Meaning: "The deletion of a statustype, with the eindstatus of the zaaktype after the change." + byForce,
		},
		{
			Type: TypeRoltypeAangemaakt, Version: 1, New: func() domain.Event { return RoltypeAangemaakt{} },
			Stream: stream, Meaning: "A new roltype with all its fields." + byForce,
		},
		{
			Type: TypeRoltypeGewijzigd, Version: 1, New: func() domain.Event { return RoltypeGewijzigd{} },
			Stream: stream, Meaning: "The complete new state of a roltype." + byForce,
		},
		{
			Type: TypeRoltypeVerwijderd, Version: 1, New: func() domain.Event { return RoltypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of a roltype." + byForce,
		},
		{
			Type: TypeResultaattypeAangemaakt, Version: 2, New: func() domain.Event { return ResultaattypeAangemaakt{} },
			Stream: stream, Meaning: "A new resultaattype with all its fields." + byForce,
		},
		{
			Type: TypeResultaattypeGewijzigd, Version: 2, New: func() domain.Event { return ResultaattypeGewijzigd{} },
			Stream: stream, Meaning: "The complete new state of a resultaattype." + byForce,
		},
		{
			Type: TypeResultaattypeVerwijderd, Version: 1, New: func() domain.Event { return ResultaattypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of a resultaattype." + byForce,
		},
		{
			Type: TypeEigenschapAangemaakt, Version: 1, New: func() domain.Event { return EigenschapAangemaakt{} },
			Stream: stream, Meaning: "A new eigenschap with all its fields." + byForce,
		},
		{
			Type: TypeEigenschapGewijzigd, Version: 1, New: func() domain.Event { return EigenschapGewijzigd{} },
			Stream: stream, Meaning: "The complete new state of an eigenschap." + byForce,
		},
		{
			Type: TypeEigenschapVerwijderd, Version: 1, New: func() domain.Event { return EigenschapVerwijderd{} },
			Stream: stream, Meaning: "The deletion of an eigenschap." + byForce,
		},
		{
			Type: TypeZaakobjecttypeAangemaakt, Version: 1, New: func() domain.Event { return ZaakobjecttypeAangemaakt{} },
			Stream: stream, Meaning: "A new zaakobjecttype with all its fields." + byForce,
		},
		{
			Type: TypeZaakobjecttypeGewijzigd, Version: 1, New: func() domain.Event { return ZaakobjecttypeGewijzigd{} },
			Stream: stream, Meaning: "The complete new state of a zaakobjecttype." + byForce,
		},
		{
			Type: TypeZaakobjecttypeVerwijderd, Version: 1, New: func() domain.Event { return ZaakobjecttypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of a zaakobjecttype." + byForce,
		},
		{
			Type: TypeZaaktypeInformatieobjecttypeAangemaakt, Version: 1,
			New:    func() domain.Event { return ZaaktypeInformatieobjecttypeAangemaakt{} },
			Stream: stream, Meaning: "A new zaaktype-informatieobjecttype with all its fields." + byForce,
		},
		{
			Type: TypeZaaktypeInformatieobjecttypeGewijzigd, Version: 1,
			New:    func() domain.Event { return ZaaktypeInformatieobjecttypeGewijzigd{} },
			Stream: stream, Meaning: "The complete new state of a zaaktype-informatieobjecttype." + byForce,
		},
		{
			Type: TypeZaaktypeInformatieobjecttypeVerwijderd, Version: 1,
			New:    func() domain.Event { return ZaaktypeInformatieobjecttypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of a zaaktype-informatieobjecttype." + byForce,
		},
	}
}

func informatieobjecttypeEvents() []domain.EventInfo {
	stream := InformatieobjecttypeStream("{uuid}")
	const kanaal, resource = "informatieobjecttypen", "informatieobjecttype"
	return []domain.EventInfo{
		{
			Type: TypeInformatieobjecttypeAangemaakt, Version: 1, New: func() domain.Event { return InformatieobjecttypeAangemaakt{} },
			Stream: stream, Meaning: "A new concept informatieobjecttype with all its fields.",
			Kanaal: kanaal, Resource: resource, Actie: "create",
		},
		{
			Type: TypeInformatieobjecttypeGewijzigd, Version: 1, New: func() domain.Event { return InformatieobjecttypeGewijzigd{} },
			Stream: stream,
			Meaning: "The complete new state of an informatieobjecttype after a PUT (`actie` update) or PATCH " +
				"(partial_update); `correctie` is true for a geforceerde change of a published informatieobjecttype.",
			Kanaal: kanaal, Resource: resource, Actie: updateOrPatch,
		},
		{
			Type: TypeInformatieobjecttypeGepubliceerd, Version: 1, New: func() domain.Event { return InformatieobjecttypeGepubliceerd{} },
			Stream: stream, Meaning: "An informatieobjecttype is no longer a concept; it carries its complete state.",
			Kanaal: kanaal, Resource: resource, Actie: actiePublish,
		},
		{
			Type: TypeInformatieobjecttypeBeeindigd, Version: 1, New: func() domain.Event { return InformatieobjecttypeBeeindigd{} },
			Stream: stream,
			Meaning: "A published informatieobjecttype got an eindeGeldigheid because a newer version was published " +
				"(see `catalogi.versie.gewijzigd`); it carries its complete state.",
			Kanaal: kanaal, Resource: resource, Actie: ActieUpdate,
		},
		{
			Type: TypeInformatieobjecttypeVerwijderd, Version: 1, New: func() domain.Event { return InformatieobjecttypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of an informatieobjecttype.",
			Kanaal: kanaal, Resource: resource, Actie: "destroy",
		},
	}
}

func besluittypeEvents() []domain.EventInfo {
	stream := BesluittypeStream("{uuid}")
	const kanaal, resource = "besluittypen", "besluittype"
	return []domain.EventInfo{
		{
			Type: TypeBesluittypeAangemaakt, Version: 1, New: func() domain.Event { return BesluittypeAangemaakt{} },
			Stream: stream, Meaning: "A new concept besluittype with all its fields.",
			Kanaal: kanaal, Resource: resource, Actie: "create",
		},
		{
			Type: TypeBesluittypeGewijzigd, Version: 1, New: func() domain.Event { return BesluittypeGewijzigd{} },
			Stream: stream,
			Meaning: "The complete new state of a besluittype after a PUT (`actie` update) or PATCH (partial_update); " +
				"`correctie` is true for a geforceerde change of a published besluittype.",
			Kanaal: kanaal, Resource: resource, Actie: updateOrPatch,
		},
		{
			Type: TypeBesluittypeGepubliceerd, Version: 1, New: func() domain.Event { return BesluittypeGepubliceerd{} },
			Stream: stream, Meaning: "A besluittype is no longer a concept; it carries its complete state.",
			Kanaal: kanaal, Resource: resource, Actie: actiePublish,
		},
		{
			Type: TypeBesluittypeBeeindigd, Version: 1, New: func() domain.Event { return BesluittypeBeeindigd{} },
			Stream: stream,
			Meaning: "A published besluittype got an eindeGeldigheid because a newer version was published " +
				"(see `catalogi.versie.gewijzigd`); it carries its complete state.",
			Kanaal: kanaal, Resource: resource, Actie: ActieUpdate,
		},
		{
			Type: TypeBesluittypeVerwijderd, Version: 1, New: func() domain.Event { return BesluittypeVerwijderd{} },
			Stream: stream, Meaning: "The deletion of a besluittype.",
			Kanaal: kanaal, Resource: resource, Actie: "destroy",
		},
	}
}

// versieEvents are the events of the Versies streams, which keep the
// validity periods of the published versions of one type apart (ztc-016).
func versieEvents() []domain.EventInfo {
	stream := ZaaktypeVersiesStream("{catalogus}", "{identificatie}") + ", " +
		InformatieobjecttypeVersiesStream("{catalogus}", "{omschrijving}") + " or " +
		BesluittypeVersiesStream("{catalogus}", "{omschrijving}")
	return []domain.EventInfo{
		{
			Type: TypeVersieGepubliceerd, Version: 1, New: func() domain.Event { return VersieGepubliceerd{} },
			Stream: stream,
			Meaning: "The version `uuid` of a zaaktype, informatieobjecttype or besluittype (its `soort`) was " +
				"published, with its validity period.",
		},
		{
			Type: TypeVersieGewijzigd, Version: 1, New: func() domain.Event { return VersieGewijzigd{} },
			Stream: stream,
			Meaning: "A new validity period of a published version: ended because a successor was published, " +
				"or changed by a PATCH of eindeGeldigheid or a correctie.",
		},
		{
			Type: TypeVersieVerwijderd, Version: 1, New: func() domain.Event { return VersieVerwijderd{} },
			Stream: stream, Meaning: "A published version was deleted.",
		},
	}
}
