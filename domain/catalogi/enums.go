package catalogi

import "slices"

// Vertrouwelijkheidaanduiding is the confidentiality of a zaaktype's or an
// informatieobjecttype's objects.
type Vertrouwelijkheidaanduiding string

// The vertrouwelijkheidaanduidingen, in rising order.
const (
	Openbaar          Vertrouwelijkheidaanduiding = "openbaar"
	BeperktOpenbaar   Vertrouwelijkheidaanduiding = "beperkt_openbaar"
	Intern            Vertrouwelijkheidaanduiding = "intern"
	Zaakvertrouwelijk Vertrouwelijkheidaanduiding = "zaakvertrouwelijk"
	Vertrouwelijk     Vertrouwelijkheidaanduiding = "vertrouwelijk"
	Confidentieel     Vertrouwelijkheidaanduiding = "confidentieel"
	Geheim            Vertrouwelijkheidaanduiding = "geheim"
	ZeerGeheim        Vertrouwelijkheidaanduiding = "zeer_geheim"
)

// Valid reports whether v is one of the standard's values.
func (v Vertrouwelijkheidaanduiding) Valid() bool {
	return slices.Contains([]Vertrouwelijkheidaanduiding{Openbaar, BeperktOpenbaar, Intern,
		Zaakvertrouwelijk, Vertrouwelijk, Confidentieel, Geheim, ZeerGeheim}, v)
}

// IndicatieInternOfExtern tells whether zaken of a zaaktype start inside or
// outside the organisation.
type IndicatieInternOfExtern string

// The values of IndicatieInternOfExtern.
const (
	InternGeinitieerd IndicatieInternOfExtern = "intern"
	ExternGeinitieerd IndicatieInternOfExtern = "extern"
)

// Valid reports whether v is one of the standard's values.
func (v IndicatieInternOfExtern) Valid() bool {
	return v == InternGeinitieerd || v == ExternGeinitieerd
}

// Archiefnominatie says whether a zaakdossier is kept or destroyed.
type Archiefnominatie string

// The values of Archiefnominatie; they equal the Selectielijst waarderingen.
const (
	BlijvendBewaren Archiefnominatie = "blijvend_bewaren"
	Vernietigen     Archiefnominatie = "vernietigen"
)

// Valid reports whether v is one of the standard's values.
func (v Archiefnominatie) Valid() bool { return v == BlijvendBewaren || v == Vernietigen }

// Afleidingswijze is how the brondatum of the archiefprocedure is found.
type Afleidingswijze string

// The values of Afleidingswijze.
const (
	Afgehandeld         Afleidingswijze = "afgehandeld"
	AnderDatumkenmerk   Afleidingswijze = "ander_datumkenmerk"
	EigenschapAfleiding Afleidingswijze = "eigenschap"
	GerelateerdeZaak    Afleidingswijze = "gerelateerde_zaak"
	Hoofdzaak           Afleidingswijze = "hoofdzaak"
	IngangsdatumBesluit Afleidingswijze = "ingangsdatum_besluit"
	Termijn             Afleidingswijze = "termijn"
	VervaldatumBesluit  Afleidingswijze = "vervaldatum_besluit"
	ZaakobjectAfleiding Afleidingswijze = "zaakobject"
)

// Valid reports whether v is one of the standard's values.
func (v Afleidingswijze) Valid() bool {
	return slices.Contains([]Afleidingswijze{Afgehandeld, AnderDatumkenmerk, EigenschapAfleiding,
		GerelateerdeZaak, Hoofdzaak, IngangsdatumBesluit, Termijn, VervaldatumBesluit, ZaakobjectAfleiding}, v)
}

// Objecttypen are the values of brondatumArchiefprocedure.objecttype
// (ObjecttypeEnum in the OAS).
var Objecttypen = []string{
	"adres", "besluit", "buurt", "enkelvoudig_document", "gemeente",
	"gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement",
	"kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit",
	"medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte",
	"organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel",
	"terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk",
	"woonplaats", "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht", "overige",
}

// OmschrijvingGeneriek is the generic role of a roltype.
type OmschrijvingGeneriek string

// The values of OmschrijvingGeneriek.
const (
	Adviseur        OmschrijvingGeneriek = "adviseur"
	Behandelaar     OmschrijvingGeneriek = "behandelaar"
	Belanghebbende  OmschrijvingGeneriek = "belanghebbende"
	Beslisser       OmschrijvingGeneriek = "beslisser"
	Initiator       OmschrijvingGeneriek = "initiator"
	Klantcontacter  OmschrijvingGeneriek = "klantcontacter"
	Zaakcoordinator OmschrijvingGeneriek = "zaakcoordinator"
	MedeInitiator   OmschrijvingGeneriek = "mede_initiator"
)

// Valid reports whether v is one of the standard's values.
func (v OmschrijvingGeneriek) Valid() bool {
	return slices.Contains([]OmschrijvingGeneriek{Adviseur, Behandelaar, Belanghebbende, Beslisser,
		Initiator, Klantcontacter, Zaakcoordinator, MedeInitiator}, v)
}

// Formaat is the kind of value an eigenschap holds.
type Formaat string

// The values of Formaat.
const (
	Tekst     Formaat = "tekst"
	Getal     Formaat = "getal"
	Datum     Formaat = "datum"
	DatumTijd Formaat = "datum_tijd"
)

// Valid reports whether v is one of the standard's values.
func (v Formaat) Valid() bool { return v == Tekst || v == Getal || v == Datum || v == DatumTijd }

// Richting is the direction of documents of a zaaktype-informatieobjecttype.
type Richting string

// The values of Richting.
const (
	Inkomend   Richting = "inkomend"
	InternStuk Richting = "intern"
	Uitgaand   Richting = "uitgaand"
)

// Valid reports whether v is one of the standard's values.
func (v Richting) Valid() bool { return v == Inkomend || v == InternStuk || v == Uitgaand }

// AardRelatie is the kind of a relation between zaaktypen.
type AardRelatie string

// The values of AardRelatie.
const (
	Vervolg   AardRelatie = "vervolg"
	Bijdrage  AardRelatie = "bijdrage"
	Onderwerp AardRelatie = "onderwerp"
)

// Valid reports whether v is one of the standard's values.
func (v AardRelatie) Valid() bool { return v == Vervolg || v == Bijdrage || v == Onderwerp }

// The Selectielijst procestermijnen that ztc-003 gives a meaning.
const (
	ProcestermijnNihil                         = "nihil"
	ProcestermijnIngeschatteBestaansduurObject = "ingeschatte_bestaansduur_procesobject"
)
