package catalogi

// CatalogusAangemaakt records a new catalogus with all its fields.
type CatalogusAangemaakt struct {
	UUID string `json:"uuid"`
	CatalogusGegevens
}

// InformatieobjecttypeAangemaakt records a new concept informatieobjecttype with all its fields.
type InformatieobjecttypeAangemaakt struct {
	UUID string `json:"uuid"`
	InformatieobjecttypeGegevens
	Concept bool `json:"concept"`
}

// InformatieobjecttypeGewijzigd records the complete new state of a informatieobjecttype after a PUT
// (Actie "update") or PATCH ("partial_update"); Correctie is true for a
// geforceerde change of a published informatieobjecttype.
type InformatieobjecttypeGewijzigd struct {
	UUID      string `json:"uuid"`
	Actie     string `json:"actie"`
	Correctie bool   `json:"correctie,omitempty"`
	InformatieobjecttypeGegevens
	Concept bool `json:"concept"`
}

// InformatieobjecttypeGepubliceerd records that a informatieobjecttype is no longer a concept.
type InformatieobjecttypeGepubliceerd struct {
	UUID string `json:"uuid"`
	InformatieobjecttypeGegevens
	Concept bool `json:"concept"`
}

// InformatieobjecttypeBeeindigd records that a published informatieobjecttype got an eindeGeldigheid
// because a newer version was published (see Versies).
type InformatieobjecttypeBeeindigd struct {
	UUID string `json:"uuid"`
	InformatieobjecttypeGegevens
	Concept bool `json:"concept"`
}

// InformatieobjecttypeVerwijderd records the deletion of a informatieobjecttype.
type InformatieobjecttypeVerwijderd struct {
	UUID         string `json:"uuid"`
	Catalogus    string `json:"catalogus"`
	Omschrijving string `json:"omschrijving"`
	Correctie    bool   `json:"correctie,omitempty"`
}

// BesluittypeAangemaakt records a new concept besluittype with all its fields.
type BesluittypeAangemaakt struct {
	UUID string `json:"uuid"`
	BesluittypeGegevens
	Concept bool `json:"concept"`
}

// BesluittypeGewijzigd records the complete new state of a besluittype after a PUT
// (Actie "update") or PATCH ("partial_update"); Correctie is true for a
// geforceerde change of a published besluittype.
type BesluittypeGewijzigd struct {
	UUID      string `json:"uuid"`
	Actie     string `json:"actie"`
	Correctie bool   `json:"correctie,omitempty"`
	BesluittypeGegevens
	Concept bool `json:"concept"`
}

// BesluittypeGepubliceerd records that a besluittype is no longer a concept.
type BesluittypeGepubliceerd struct {
	UUID string `json:"uuid"`
	BesluittypeGegevens
	Concept bool `json:"concept"`
}

// BesluittypeBeeindigd records that a published besluittype got an eindeGeldigheid
// because a newer version was published (see Versies).
type BesluittypeBeeindigd struct {
	UUID string `json:"uuid"`
	BesluittypeGegevens
	Concept bool `json:"concept"`
}

// BesluittypeVerwijderd records the deletion of a besluittype.
type BesluittypeVerwijderd struct {
	UUID         string `json:"uuid"`
	Catalogus    string `json:"catalogus"`
	Omschrijving string `json:"omschrijving"`
	Correctie    bool   `json:"correctie,omitempty"`
}

// VersieGepubliceerd records, on a Versies stream, that a version with
// uuid was published with its validity period.
type VersieGepubliceerd struct {
	Soort     Soort  `json:"soort"`
	Catalogus string `json:"catalogus"`
	Sleutel   string `json:"sleutel"`
	UUID      string `json:"uuid"`
	Periode
}

// VersieGewijzigd records a new validity period of a published version:
// ended because a successor was published, or changed by a PATCH of
// eindeGeldigheid or a correctie.
type VersieGewijzigd struct {
	Soort     Soort  `json:"soort"`
	Catalogus string `json:"catalogus"`
	Sleutel   string `json:"sleutel"`
	UUID      string `json:"uuid"`
	Periode
}

// VersieVerwijderd records that a published version was deleted.
type VersieVerwijderd struct {
	Soort     Soort  `json:"soort"`
	Catalogus string `json:"catalogus"`
	Sleutel   string `json:"sleutel"`
	UUID      string `json:"uuid"`
}
