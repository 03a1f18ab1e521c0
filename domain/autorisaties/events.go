package autorisaties

// Event type names. They are written into the log and must never change.
const (
	TypeApplicatieAangemaakt = "autorisaties.applicatie.aangemaakt"
	TypeApplicatieGewijzigd  = "autorisaties.applicatie.gewijzigd"
	TypeApplicatieVerwijderd = "autorisaties.applicatie.verwijderd"
	TypeClientIDGeclaimd     = "autorisaties.clientid.geclaimd"
	TypeClientIDVrijgegeven  = "autorisaties.clientid.vrijgegeven"
)

// ApplicatieAangemaakt records a new applicatie with all its fields.
type ApplicatieAangemaakt struct {
	UUID string `json:"uuid"`
	Gegevens
}

// ApplicatieGewijzigd records the complete new state of an applicatie after
// a PUT (Actie "update") or PATCH (Actie "partial_update"); a full state
// keeps projections and the audit trail free of merge logic.
type ApplicatieGewijzigd struct {
	UUID  string `json:"uuid"`
	Actie string `json:"actie"`
	Gegevens
}

// ApplicatieVerwijderd records the deletion of an applicatie.
type ApplicatieVerwijderd struct {
	UUID      string   `json:"uuid"`
	ClientIDs []string `json:"clientIds"`
}

// ClientIDGeclaimd records, on the client id's own stream, that an
// applicatie owns the client id (ac-001).
type ClientIDGeclaimd struct {
	ClientID   string `json:"clientId"`
	Applicatie string `json:"applicatie"`
}

// ClientIDVrijgegeven records that an applicatie gave up a client id.
type ClientIDVrijgegeven struct {
	ClientID   string `json:"clientId"`
	Applicatie string `json:"applicatie"`
}

// EventType implements domain.Event.
func (ApplicatieAangemaakt) EventType() string { return TypeApplicatieAangemaakt }

// EventType implements domain.Event.
func (ApplicatieGewijzigd) EventType() string { return TypeApplicatieGewijzigd }

// EventType implements domain.Event.
func (ApplicatieVerwijderd) EventType() string { return TypeApplicatieVerwijderd }

// EventType implements domain.Event.
func (ClientIDGeclaimd) EventType() string { return TypeClientIDGeclaimd }

// EventType implements domain.Event.
func (ClientIDVrijgegeven) EventType() string { return TypeClientIDVrijgegeven }

// SchemaVersion implements domain.Event.
func (ApplicatieAangemaakt) SchemaVersion() int { return 2 } // 2: references without the base URL (docs/decisions.md)

// SchemaVersion implements domain.Event.
func (ApplicatieGewijzigd) SchemaVersion() int { return 2 } // 2: references without the base URL (docs/decisions.md)

// SchemaVersion implements domain.Event.
func (ApplicatieVerwijderd) SchemaVersion() int { return 1 }

// SchemaVersion implements domain.Event.
func (ClientIDGeclaimd) SchemaVersion() int { return 1 }

// SchemaVersion implements domain.Event.
func (ClientIDVrijgegeven) SchemaVersion() int { return 1 }
