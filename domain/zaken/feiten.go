package zaken

import "github.com/zaakregister/zaakregister/domain/catalogi"

// ZaaktypeFeiten is the zaaktype of the zaak as the command handler
// resolved it from the Catalogi API. Every map is keyed by the URL of the
// sub-type exactly as a zaak refers to it.
type ZaaktypeFeiten struct {
	URL                         string
	Concept                     bool
	Vertrouwelijkheidaanduiding catalogi.Vertrouwelijkheidaanduiding
	Statustypen                 map[string]StatustypeFeit
	Resultaattypen              map[string]ResultaattypeFeit
	Roltypen                    map[string]RoltypeFeit
	Eigenschappen               map[string]EigenschapFeit
	Zaakobjecttypen             []string
	Informatieobjecttypen       []string
	ProductenOfDiensten         []string
}

// StatustypeFeit is one statustype of the zaaktype. Eindstatus is true for
// the one with the highest volgnummer (zrc-007).
type StatustypeFeit struct {
	Volgnummer int
	Eindstatus bool
}

// ResultaattypeFeit is one resultaattype with what zrc-021 needs.
// Archiefactietermijn is an ISO-8601 duration or "".
type ResultaattypeFeit struct {
	Archiefnominatie          catalogi.Archiefnominatie
	Archiefactietermijn       string
	BrondatumArchiefprocedure catalogi.BrondatumArchiefprocedure
}

// RoltypeFeit is one roltype; its omschrijvingen are copied onto the rol.
type RoltypeFeit struct {
	Omschrijving         string
	OmschrijvingGeneriek string
}

// EigenschapFeit is one eigenschap; its naam is copied onto the
// zaakeigenschap.
type EigenschapFeit struct {
	Naam string
}

// HoofdzaakFeit is the zaak a zaak names as its hoofdzaak (zrc-013).
type HoofdzaakFeit struct {
	UUID       string
	IsDeelzaak bool
	Einddatum  Date
}

// RolFeit is the rol a new status names as gezetdoor, as the handler found
// it behind the URL: its uuid and the uuid of the zaak it belongs to.
type RolFeit struct {
	Zaak string
	UUID string
}

// InformatieobjectFeit is a document a zaakinformatieobject refers to, as
// the Documenten API reports it. IndicatieGebruiksrecht nil means unset.
type InformatieobjectFeit struct {
	Informatieobjecttype   string
	IndicatieGebruiksrecht *bool
	Status                 string
}

// Feiten are everything outside the zaak stream a decision may need. A
// reference the handler could not resolve is simply absent.
type Feiten struct {
	Zaaktype ZaaktypeFeiten
	// Hoofdzaak is set when the zaak names a hoofdzaak that resolved. A
	// new link to a zaak the principal may not read does not resolve: the
	// answer must be that for a zaak that does not exist.
	Hoofdzaak *HoofdzaakFeit
	// Gezetdoor is set when a new status names as gezetdoor a rol of this
	// registry: one of this zaak, or one of a zaak the principal may read.
	// A rol of a zaak it may not read is absent, as one that does not
	// exist, so that the answer tells nothing about it.
	Gezetdoor *RolFeit
	// Informatieobjecten maps each informatieobject URL of the zaak's
	// zaakinformatieobjecten (and of a new one) to its facts.
	Informatieobjecten map[string]InformatieobjectFeit
	// Brondatum is the brondatum of the archiefprocedure for the
	// afleidingswijzen that need other zaken or besluiten
	// (gerelateerde_zaak, ingangsdatum_besluit, vervaldatum_besluit); the
	// zero Date when it cannot be determined.
	Brondatum Date
}

// Bevoegdheden are the scopes that lift the closed-zaak rules.
type Bevoegdheden struct {
	// Geforceerd: zaken.geforceerd-bijwerken, changes to a closed zaak.
	Geforceerd bool
	// Heropenen: zaken.heropenen, a non-eind status on a closed zaak.
	Heropenen bool
}
