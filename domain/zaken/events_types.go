package zaken

// ZaakAangemaakt records a new zaak with all its fields.
type ZaakAangemaakt struct {
	Zaak   string `json:"zaak"`
	Kanaal Kanaal `json:"kanaal"`
	ZaakGegevens
}

// ZaakGewijzigd records the complete new state of a zaak after a PUT
// (Actie "update") or PATCH ("partial_update"). Geforceerd is true when a
// closed zaak was changed under zaken.geforceerd-bijwerken.
type ZaakGewijzigd struct {
	Zaak       string `json:"zaak"`
	Kanaal     Kanaal `json:"kanaal"`
	Actie      string `json:"actie"`
	Geforceerd bool   `json:"geforceerd,omitempty"`
	ZaakGegevens
}

// ZaakAfgesloten records the complete state of a zaak closed by its
// eindstatus: einddatum and the archiving parameters derived (zrc-007,
// zrc-021). It follows the StatusAangemaakt of the eindstatus.
type ZaakAfgesloten struct {
	Zaak   string `json:"zaak"`
	Kanaal Kanaal `json:"kanaal"`
	Status string `json:"status"`
	ZaakGegevens
}

// ZaakHeropend records the complete state of a closed zaak reopened by a
// non-eind status: einddatum, archiefnominatie and archiefactiedatum are
// empty again (zrc-008). It follows the StatusAangemaakt that reopened it.
type ZaakHeropend struct {
	Zaak   string `json:"zaak"`
	Kanaal Kanaal `json:"kanaal"`
	Status string `json:"status"`
	ZaakGegevens
}

// ZaakVerwijderd records the hard delete of a zaak with everything in its
// stream (zrc-023). It names what other contexts must clean up: the
// identificatie to release, the hoofdzaak whose deelzaken change and the
// informatieobjecten whose mirrored relations the Documenten API drops.
type ZaakVerwijderd struct {
	Zaak               string   `json:"zaak"`
	Kanaal             Kanaal   `json:"kanaal"`
	Identificatie      string   `json:"identificatie"`
	Hoofdzaak          string   `json:"hoofdzaak" ref:"zaken/zaken"`
	Informatieobjecten []string `json:"informatieobjecten" ref:"documenten/enkelvoudiginformatieobjecten"`
	Geforceerd         bool     `json:"geforceerd,omitempty"`
}

// OnderdeelAangemaakt records a new sub-resource of a zaak (its own UUID)
// with all its fields.
type OnderdeelAangemaakt[G onderdeel] struct {
	Zaak     string `json:"zaak"`
	Kanaal   Kanaal `json:"kanaal"`
	UUID     string `json:"uuid"`
	Gegevens G      `json:"gegevens"`
}

// OnderdeelGewijzigd records the complete new state of a sub-resource.
type OnderdeelGewijzigd[G onderdeel] struct {
	Zaak       string `json:"zaak"`
	Kanaal     Kanaal `json:"kanaal"`
	UUID       string `json:"uuid"`
	Actie      string `json:"actie"`
	Geforceerd bool   `json:"geforceerd,omitempty"`
	Gegevens   G      `json:"gegevens"`
}

// OnderdeelVerwijderd records the deletion of a sub-resource with its last
// state, so consumers can undo what it caused (the DRC relation of a
// zaakinformatieobject, zrc-005).
type OnderdeelVerwijderd[G onderdeel] struct {
	Zaak       string `json:"zaak"`
	Kanaal     Kanaal `json:"kanaal"`
	UUID       string `json:"uuid"`
	Geforceerd bool   `json:"geforceerd,omitempty"`
	Gegevens   G      `json:"gegevens"`
}

// The sub-resource events by name.
type (
	// StatusAangemaakt records a new status.
	StatusAangemaakt = OnderdeelAangemaakt[StatusGegevens]
	// ResultaatAangemaakt records the resultaat of a zaak.
	ResultaatAangemaakt = OnderdeelAangemaakt[ResultaatGegevens]
	// ResultaatGewijzigd records the new state of the resultaat.
	ResultaatGewijzigd = OnderdeelGewijzigd[ResultaatGegevens]
	// ResultaatVerwijderd records the deletion of the resultaat.
	ResultaatVerwijderd = OnderdeelVerwijderd[ResultaatGegevens]
	// RolAangemaakt records a new rol.
	RolAangemaakt = OnderdeelAangemaakt[RolGegevens]
	// RolGewijzigd records the new state of a rol.
	RolGewijzigd = OnderdeelGewijzigd[RolGegevens]
	// RolVerwijderd records the deletion of a rol.
	RolVerwijderd = OnderdeelVerwijderd[RolGegevens]
	// ZaakObjectAangemaakt records a new zaakobject.
	ZaakObjectAangemaakt = OnderdeelAangemaakt[ZaakObjectGegevens]
	// ZaakObjectGewijzigd records the new state of a zaakobject.
	ZaakObjectGewijzigd = OnderdeelGewijzigd[ZaakObjectGegevens]
	// ZaakObjectVerwijderd records the deletion of a zaakobject.
	ZaakObjectVerwijderd = OnderdeelVerwijderd[ZaakObjectGegevens]
	// ZaakEigenschapAangemaakt records a new zaakeigenschap.
	ZaakEigenschapAangemaakt = OnderdeelAangemaakt[ZaakEigenschapGegevens]
	// ZaakEigenschapGewijzigd records the new state of a zaakeigenschap.
	ZaakEigenschapGewijzigd = OnderdeelGewijzigd[ZaakEigenschapGegevens]
	// ZaakEigenschapVerwijderd records the deletion of a zaakeigenschap.
	ZaakEigenschapVerwijderd = OnderdeelVerwijderd[ZaakEigenschapGegevens]
	// ZaakInformatieObjectAangemaakt records a new zaakinformatieobject.
	ZaakInformatieObjectAangemaakt = OnderdeelAangemaakt[ZaakInformatieObjectGegevens]
	// ZaakInformatieObjectGewijzigd records the new state of a zaakinformatieobject.
	ZaakInformatieObjectGewijzigd = OnderdeelGewijzigd[ZaakInformatieObjectGegevens]
	// ZaakInformatieObjectVerwijderd records the deletion of a zaakinformatieobject.
	ZaakInformatieObjectVerwijderd = OnderdeelVerwijderd[ZaakInformatieObjectGegevens]
	// KlantContactAangemaakt records a new klantcontact.
	KlantContactAangemaakt = OnderdeelAangemaakt[KlantContactGegevens]
	// ZaakBesluitAangemaakt records a new zaakbesluit.
	ZaakBesluitAangemaakt = OnderdeelAangemaakt[ZaakBesluitGegevens]
	// ZaakBesluitVerwijderd records the deletion of a zaakbesluit.
	ZaakBesluitVerwijderd = OnderdeelVerwijderd[ZaakBesluitGegevens]
	// ZaakContactMomentAangemaakt records a new zaakcontactmoment.
	ZaakContactMomentAangemaakt = OnderdeelAangemaakt[ZaakContactMomentGegevens]
	// ZaakContactMomentVerwijderd records the deletion of a zaakcontactmoment.
	ZaakContactMomentVerwijderd = OnderdeelVerwijderd[ZaakContactMomentGegevens]
	// ZaakVerzoekAangemaakt records a new zaakverzoek.
	ZaakVerzoekAangemaakt = OnderdeelAangemaakt[ZaakVerzoekGegevens]
	// ZaakVerzoekVerwijderd records the deletion of a zaakverzoek.
	ZaakVerzoekVerwijderd = OnderdeelVerwijderd[ZaakVerzoekGegevens]
)

// EventType returns the stable name of the event.
func (ZaakAangemaakt) EventType() string { return TypeZaakAangemaakt }

// EventType returns the stable name of the event.
func (ZaakGewijzigd) EventType() string { return TypeZaakGewijzigd }

// EventType returns the stable name of the event.
func (ZaakAfgesloten) EventType() string { return TypeZaakAfgesloten }

// EventType returns the stable name of the event.
func (ZaakHeropend) EventType() string { return TypeZaakHeropend }

// EventType returns the stable name of the event.
func (ZaakVerwijderd) EventType() string { return TypeZaakVerwijderd }

// EventType returns the stable name of the event.
func (OnderdeelAangemaakt[G]) EventType() string {
	var g G
	return "zaken." + g.soort() + ".aangemaakt"
}

// EventType returns the stable name of the event.
func (OnderdeelGewijzigd[G]) EventType() string { var g G; return "zaken." + g.soort() + ".gewijzigd" }

// EventType returns the stable name of the event.
func (OnderdeelVerwijderd[G]) EventType() string {
	var g G
	return "zaken." + g.soort() + ".verwijderd"
}

// SchemaVersion returns the version of the event's JSON shape.
func (ZaakAangemaakt) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (ZaakGewijzigd) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (ZaakAfgesloten) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (ZaakHeropend) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (ZaakVerwijderd) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (OnderdeelAangemaakt[G]) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (OnderdeelGewijzigd[G]) SchemaVersion() int { return localRefsVersion }

// SchemaVersion returns the version of the event's JSON shape.
func (OnderdeelVerwijderd[G]) SchemaVersion() int { return localRefsVersion }
