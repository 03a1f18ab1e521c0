package zaken

import "github.com/zaakregister/zaakregister/domain"

// Events lists every event type of this context: the one list that Decode,
// the golden-file test and the event catalogue (docs/events.md) read. The
// events of a zaak's stream notify on the zaken kanaal, with the zaak's
// Kanaal kenmerken they carry; the identificatie, nummerreeks and
// vernietigingen streams give no notification.
func Events() []domain.EventInfo {
	const (
		kanaal        = "zaken"
		updateOrPatch = "update / partial_update"
		geforceerd    = "`geforceerd` is true when the zaak was closed (zaken.geforceerd-bijwerken)."
	)
	zaak := ZaakStream("{uuid}")
	return []domain.EventInfo{
		{
			Type: TypeZaakAangemaakt, Version: 2, New: func() domain.Event { return ZaakAangemaakt{} },
			Stream: zaak, Meaning: "A new zaak with all its fields.",
			Kanaal: kanaal, Resource: "zaak", Actie: "create",
		},
		{
			Type: TypeZaakGewijzigd, Version: 2, New: func() domain.Event { return ZaakGewijzigd{} },
			Stream: zaak,
			Meaning: "The complete new state of a zaak after a PUT (`actie` update) or PATCH (partial_update), or after " +
				"its archiefactiedatum was recalculated (zrc-021; `actie` update). " + geforceerd,
			Kanaal: kanaal, Resource: "zaak", Actie: updateOrPatch,
		},
		{
			Type: TypeZaakAfgesloten, Version: 2, New: func() domain.Event { return ZaakAfgesloten{} },
			Stream: zaak,
			Meaning: "The complete state of a zaak closed by its eindstatus: einddatum and the archiving parameters " +
				"derived (zrc-007, zrc-021). It follows the `zaken.status.aangemaakt` of the eindstatus, named by `status`.",
			Kanaal: kanaal, Resource: "zaak", Actie: "update",
		},
		{
			Type: TypeZaakHeropend, Version: 2, New: func() domain.Event { return ZaakHeropend{} },
			Stream: zaak,
			Meaning: "The complete state of a closed zaak reopened by a status that is not its eindstatus: einddatum, " +
				"archiefnominatie and archiefactiedatum are empty again (zrc-008). It follows the " +
				"`zaken.status.aangemaakt` that reopened it, named by `status`.",
			Kanaal: kanaal, Resource: "zaak", Actie: "update",
		},
		{
			Type: TypeZaakVerwijderd, Version: 2, New: func() domain.Event { return ZaakVerwijderd{} },
			Stream: zaak,
			Meaning: "The hard delete of a zaak with everything in its stream (zrc-023). It names what other contexts " +
				"must clean up: the identificatie, the hoofdzaak whose deelzaken change and the informatieobjecten " +
				"whose mirrored relations the Documenten API drops. " + geforceerd,
			Kanaal: kanaal, Resource: "zaak", Actie: "destroy",
		},
		{
			Type: TypeStatusAangemaakt, Version: 2, New: func() domain.Event { return StatusAangemaakt{} },
			Stream: zaak,
			Meaning: "A new status of a zaak, with its own uuid and all its fields. The status that is the eindstatus is followed by " +
				"`zaken.zaak.afgesloten`, one that reopens a closed zaak by `zaken.zaak.heropend`.",
			Kanaal: kanaal, Resource: "status", Actie: "create",
		},
		{
			Type: TypeResultaatAangemaakt, Version: 2, New: func() domain.Event { return ResultaatAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new resultaat of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "resultaat", Actie: "create",
		},
		{
			Type: TypeResultaatGewijzigd, Version: 2, New: func() domain.Event { return ResultaatGewijzigd{} },
			Stream: zaak,
			Meaning: "The complete new state of a resultaat after a PUT (`actie` update) or PATCH (partial_update); " +
				geforceerd,
			Kanaal: kanaal, Resource: "resultaat", Actie: updateOrPatch,
		},
		{
			Type: TypeResultaatVerwijderd, Version: 2, New: func() domain.Event { return ResultaatVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a resultaat, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "resultaat", Actie: "destroy",
		},
		{
			Type: TypeRolAangemaakt, Version: 2, New: func() domain.Event { return RolAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new rol of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "rol", Actie: "create",
		},
		{
			Type: TypeRolGewijzigd, Version: 2, New: func() domain.Event { return RolGewijzigd{} },
			Stream: zaak,
			Meaning: "The complete new state of a rol. The Zaken API 1.5.1 has no PUT or PATCH of a rol, so no " +
				"request writes it; the domain can. " + geforceerd,
			Kanaal: kanaal, Resource: "rol", Actie: updateOrPatch,
		},
		{
			Type: TypeRolVerwijderd, Version: 2, New: func() domain.Event { return RolVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a rol, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "rol", Actie: "destroy",
		},
		{
			Type: TypeZaakObjectAangemaakt, Version: 2, New: func() domain.Event { return ZaakObjectAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new zaakobject of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "zaakobject", Actie: "create",
		},
		{
			Type: TypeZaakObjectGewijzigd, Version: 2, New: func() domain.Event { return ZaakObjectGewijzigd{} },
			Stream: zaak,
			Meaning: "The complete new state of a zaakobject after a PUT (`actie` update) or PATCH (partial_update); " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakobject", Actie: updateOrPatch,
		},
		{
			Type: TypeZaakObjectVerwijderd, Version: 2, New: func() domain.Event { return ZaakObjectVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a zaakobject, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakobject", Actie: "destroy",
		},
		{
			Type: TypeZaakEigenschapAangemaakt, Version: 2, New: func() domain.Event { return ZaakEigenschapAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new zaakeigenschap of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "zaakeigenschap", Actie: "create",
		},
		{
			Type: TypeZaakEigenschapGewijzigd, Version: 2, New: func() domain.Event { return ZaakEigenschapGewijzigd{} },
			Stream: zaak,
			Meaning: "The complete new state of a zaakeigenschap after a PUT (`actie` update) or PATCH (partial_update); " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakeigenschap", Actie: updateOrPatch,
		},
		{
			Type: TypeZaakEigenschapVerwijderd, Version: 2, New: func() domain.Event { return ZaakEigenschapVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a zaakeigenschap, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakeigenschap", Actie: "destroy",
		},
		{
			Type: TypeZaakInformatieObjectAangemaakt, Version: 2, New: func() domain.Event { return ZaakInformatieObjectAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new zaakinformatieobject of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "zaakinformatieobject", Actie: "create",
		},
		{
			Type: TypeZaakInformatieObjectGewijzigd, Version: 2, New: func() domain.Event { return ZaakInformatieObjectGewijzigd{} },
			Stream: zaak,
			Meaning: "The complete new state of a zaakinformatieobject after a PUT (`actie` update) or PATCH (partial_update); " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakinformatieobject", Actie: updateOrPatch,
		},
		{
			Type: TypeZaakInformatieObjectVerwijderd, Version: 2, New: func() domain.Event { return ZaakInformatieObjectVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a zaakinformatieobject, with its last state so that the Documenten API drops the " +
				"relation it mirrors (zrc-005); " + geforceerd,
			Kanaal: kanaal, Resource: "zaakinformatieobject", Actie: "destroy",
		},
		{
			Type: TypeKlantContactAangemaakt, Version: 2, New: func() domain.Event { return KlantContactAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new klantcontact of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "klantcontact", Actie: "create",
		},
		{
			Type: TypeZaakBesluitAangemaakt, Version: 2, New: func() domain.Event { return ZaakBesluitAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new zaakbesluit of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "zaakbesluit", Actie: "create",
		},
		{
			Type: TypeZaakBesluitVerwijderd, Version: 2, New: func() domain.Event { return ZaakBesluitVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a zaakbesluit, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakbesluit", Actie: "destroy",
		},
		{
			Type: TypeZaakContactMomentAangemaakt, Version: 2, New: func() domain.Event { return ZaakContactMomentAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new zaakcontactmoment of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "zaakcontactmoment", Actie: "create",
		},
		{
			Type: TypeZaakContactMomentVerwijderd, Version: 2, New: func() domain.Event { return ZaakContactMomentVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a zaakcontactmoment, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakcontactmoment", Actie: "destroy",
		},
		{
			Type: TypeZaakVerzoekAangemaakt, Version: 2, New: func() domain.Event { return ZaakVerzoekAangemaakt{} },
			Stream:  zaak,
			Meaning: "A new zaakverzoek of a zaak, with its own uuid and all its fields.",
			Kanaal:  kanaal, Resource: "zaakverzoek", Actie: "create",
		},
		{
			Type: TypeZaakVerzoekVerwijderd, Version: 2, New: func() domain.Event { return ZaakVerzoekVerwijderd{} },
			Stream: zaak,
			Meaning: "The deletion of a zaakverzoek, with its last state so that consumers can undo what it caused; " +
				geforceerd,
			Kanaal: kanaal, Resource: "zaakverzoek", Actie: "destroy",
		},
		{
			Type: TypeIdentificatieGereserveerd, Version: 1, New: func() domain.Event { return IdentificatieGereserveerd{} },
			Stream: IdentificatieStream("{bronorganisatie}", "{identificatie}"),
			Meaning: "The identificatie is taken within the bronorganisatie by the zaak (zrc-002). It is never " +
				"released, also not after the zaak was deleted.",
		},
		{
			Type: TypeIdentificatieUitgegeven, Version: 1, New: func() domain.Event { return IdentificatieUitgegeven{} },
			Stream: "zaken.nummerreeks-{bronorganisatie}-{jaar}",
			Meaning: "The registry took the next number of the nummerreeks of a bronorganisatie and year; the " +
				"event's revision in the stream plus one is the volgnummer. `zaak` names the zaak the number was taken for, " +
				"empty for numbers taken in a block for later.",
		},
		{
			Type: TypeZaakVernietigd, Version: 2, New: func() domain.Event { return ZaakVernietigd{} },
			Stream: VernietigingenStream,
			Meaning: "The event history of a deleted zaak was destroyed after the retention term (docs/retention.md): " +
				"which zaak it was (no personal data), when it was deleted and exactly what was destroyed; `sha256` " +
				"is the hash of the destroyed events, so an auditor can check a backup of the stream against it.",
		},
	}
}

// eventTypes is Events by type name, built once.
var eventTypes = domain.NewEventTypes("zaken", Events())

// Decode turns a stored event of this context back into its Go value.
func Decode(eventType string, data []byte) (domain.Event, error) {
	return eventTypes.Decode(eventType, data)
}
