package autorisaties

import "github.com/zaakregister/zaakregister/domain"

// Events lists every event type of this context: the one list that Decode,
// the golden-file test and the event catalogue (docs/events.md) read.
func Events() []domain.EventInfo {
	const (
		applicatie = "autorisaties.applicatie-{uuid}"
		clientID   = "autorisaties.clientid-{clientId}"
	)
	return []domain.EventInfo{
		{
			Type: TypeApplicatieAangemaakt, Version: 2, New: func() domain.Event { return ApplicatieAangemaakt{} },
			Stream:  applicatie,
			Meaning: "A new applicatie with all its fields.",
			Kanaal:  "autorisaties", Resource: "applicatie", Actie: "create",
		},
		{
			Type: TypeApplicatieGewijzigd, Version: 2, New: func() domain.Event { return ApplicatieGewijzigd{} },
			Stream: applicatie,
			Meaning: "The complete new state of an applicatie after a PUT (`actie` update) or PATCH " +
				"(partial_update); a full state keeps projections and the audit trail free of merge logic.",
			Kanaal: "autorisaties", Resource: "applicatie", Actie: "update / partial_update",
		},
		{
			Type: TypeApplicatieVerwijderd, Version: 1, New: func() domain.Event { return ApplicatieVerwijderd{} },
			Stream:  applicatie,
			Meaning: "The deletion of an applicatie, with the client ids it held.",
			Kanaal:  "autorisaties", Resource: "applicatie", Actie: "destroy",
		},
		{
			Type: TypeClientIDGeclaimd, Version: 1, New: func() domain.Event { return ClientIDGeclaimd{} },
			Stream:  clientID,
			Meaning: "On the client id's own stream: an applicatie owns the client id (ac-001).",
		},
		{
			Type: TypeClientIDVrijgegeven, Version: 1, New: func() domain.Event { return ClientIDVrijgegeven{} },
			Stream:  clientID,
			Meaning: "On the client id's own stream: the applicatie gave up the client id.",
		},
	}
}

// eventTypes is Events by type name, built once.
var eventTypes = domain.NewEventTypes("autorisaties", Events())

// Decode turns a stored event of this context back into its Go value.
func Decode(eventType string, data []byte) (domain.Event, error) {
	return eventTypes.Decode(eventType, data)
}
