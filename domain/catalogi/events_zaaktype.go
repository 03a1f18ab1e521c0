package catalogi

// Subtype identifies a sub-type event: the sub-type's own uuid, its
// zaaktype and the catalogus. Correctie is true when the change was made to
// a published zaaktype by a principal with a geforceerd scope (ztc-010).
type Subtype struct {
	UUID      string `json:"uuid"`
	Zaaktype  string `json:"zaaktype"`
	Catalogus string `json:"catalogus"`
	Correctie bool   `json:"correctie,omitempty"`
}

// ZaaktypeAangemaakt records a new concept zaaktype with all its fields.
type ZaaktypeAangemaakt struct {
	UUID string `json:"uuid"`
	ZaaktypeGegevens
	Concept bool `json:"concept"`
}

// ZaaktypeGewijzigd records the complete new state of a zaaktype after a
// PUT (Actie "update") or PATCH (Actie "partial_update"); Correctie is true
// for a geforceerde change of a published zaaktype.
type ZaaktypeGewijzigd struct {
	UUID      string `json:"uuid"`
	Actie     string `json:"actie"`
	Correctie bool   `json:"correctie,omitempty"`
	ZaaktypeGegevens
	Concept bool `json:"concept"`
}

// ZaaktypeGepubliceerd records that a zaaktype is no longer a concept.
type ZaaktypeGepubliceerd struct {
	UUID string `json:"uuid"`
	ZaaktypeGegevens
	Concept bool `json:"concept"`
}

// ZaaktypeBeeindigd records that a published zaaktype got an
// eindeGeldigheid because a newer version was published (see Versies).
type ZaaktypeBeeindigd struct {
	UUID string `json:"uuid"`
	ZaaktypeGegevens
	Concept bool `json:"concept"`
}

// ZaaktypeVerwijderd records the deletion of a zaaktype and, with it, of
// all its sub-types.
type ZaaktypeVerwijderd struct {
	UUID          string `json:"uuid"`
	Catalogus     string `json:"catalogus"`
	Identificatie string `json:"identificatie"`
	Correctie     bool   `json:"correctie,omitempty"`
}

// StatustypeAangemaakt records a new statustype. Eindstatus is the uuid of
// the statustype that is the eindstatus of the zaaktype after the change,
// so that a projection can set isEindstatus on all of them.
type StatustypeAangemaakt struct {
	Subtype
	StatustypeGegevens
	Eindstatus string `json:"eindstatus"`
}

// StatustypeGewijzigd records the complete new state of a statustype.
type StatustypeGewijzigd struct {
	Subtype
	Actie string `json:"actie"`
	StatustypeGegevens
	Eindstatus string `json:"eindstatus"`
}

// StatustypeVerwijderd records the deletion of a statustype.
type StatustypeVerwijderd struct {
	Subtype
	Eindstatus string `json:"eindstatus"`
}

// RoltypeAangemaakt records a new roltype with all its fields.
type RoltypeAangemaakt struct {
	Subtype
	RoltypeGegevens
}

// RoltypeGewijzigd records the complete new state of a roltype.
type RoltypeGewijzigd struct {
	Subtype
	Actie string `json:"actie"`
	RoltypeGegevens
}

// RoltypeVerwijderd records the deletion of a roltype.
type RoltypeVerwijderd struct {
	Subtype
}

// ResultaattypeAangemaakt records a new resultaattype with all its fields.
type ResultaattypeAangemaakt struct {
	Subtype
	ResultaattypeGegevens
}

// ResultaattypeGewijzigd records the complete new state of a resultaattype.
type ResultaattypeGewijzigd struct {
	Subtype
	Actie string `json:"actie"`
	ResultaattypeGegevens
}

// ResultaattypeVerwijderd records the deletion of a resultaattype.
type ResultaattypeVerwijderd struct {
	Subtype
}

// EigenschapAangemaakt records a new eigenschap with all its fields.
type EigenschapAangemaakt struct {
	Subtype
	EigenschapGegevens
}

// EigenschapGewijzigd records the complete new state of an eigenschap.
type EigenschapGewijzigd struct {
	Subtype
	Actie string `json:"actie"`
	EigenschapGegevens
}

// EigenschapVerwijderd records the deletion of an eigenschap.
type EigenschapVerwijderd struct {
	Subtype
}

// ZaakobjecttypeAangemaakt records a new zaakobjecttype with all its fields.
type ZaakobjecttypeAangemaakt struct {
	Subtype
	ZaakobjecttypeGegevens
}

// ZaakobjecttypeGewijzigd records the complete new state of a zaakobjecttype.
type ZaakobjecttypeGewijzigd struct {
	Subtype
	Actie string `json:"actie"`
	ZaakobjecttypeGegevens
}

// ZaakobjecttypeVerwijderd records the deletion of a zaakobjecttype.
type ZaakobjecttypeVerwijderd struct {
	Subtype
}

// ZaaktypeInformatieobjecttypeAangemaakt records a new zaaktype-informatieobjecttype with all its fields.
type ZaaktypeInformatieobjecttypeAangemaakt struct {
	Subtype
	ZaaktypeInformatieobjecttypeGegevens
}

// ZaaktypeInformatieobjecttypeGewijzigd records the complete new state of a zaaktype-informatieobjecttype.
type ZaaktypeInformatieobjecttypeGewijzigd struct {
	Subtype
	Actie string `json:"actie"`
	ZaaktypeInformatieobjecttypeGegevens
}

// ZaaktypeInformatieobjecttypeVerwijderd records the deletion of a zaaktype-informatieobjecttype.
type ZaaktypeInformatieobjecttypeVerwijderd struct {
	Subtype
}
