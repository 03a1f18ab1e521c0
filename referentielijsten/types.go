package referentielijsten

// Procestype is a category of the Selectielijst: the kind of process a
// zaaktype belongs to, which decides the archival regime of its zaken.
// Numbers repeat across editions: procestype 1 of 2017 and of 2020 are two
// records.
type Procestype struct {
	// UUID is the identity in the resource URL, lower-case.
	UUID string
	// Nummer is the category number within its edition (1 to 29).
	Nummer int
	// Jaar is the edition of the Selectielijst (2017, 2020).
	Jaar         int
	Naam         string
	Omschrijving string
	Toelichting  string
	// Procesobject is what the process acts on, whose lifetime may start
	// the bewaartermijn.
	Procesobject string
}

// Resultaat is a selectielijstklasse: a possible outcome of a procestype
// with its waardering and bewaartermijn. A generiek resultaat may have
// specifieke resultaten below it, which refine it for one situation.
type Resultaat struct {
	// UUID is the identity in the resource URL, lower-case.
	UUID string
	// ProcestypeUUID is the procestype the resultaat belongs to.
	ProcestypeUUID string
	// GeneriekResultaatUUID is, for a specifiek resultaat, the generiek
	// resultaat it refines; "" for a generiek resultaat.
	GeneriekResultaatUUID string
	// Nummer is the number within the procestype, or within the generiek
	// resultaat for a specifiek one.
	Nummer int
	// VolledigNummer is the full number: procestype, generiek and own
	// number joined by dots ("1.1", "1.1.2").
	VolledigNummer string
	Naam           string
	Omschrijving   string
	// Herkomst is the source of the rule ("Risicoanalyse", a law, ...).
	Herkomst   string
	Waardering Waardering
	// Procestermijn is "" when the resultaat names none.
	Procestermijn Procestermijn
	// Bewaartermijn is an ISO 8601 duration ("P10Y"), "" when none is set.
	Bewaartermijn string
	Toelichting   string
	// Taakgebieden are the municipal task areas the resultaat applies to.
	Taakgebieden Taakgebieden
	// ProcestermijnOpmerking qualifies the procestermijn ("5 of 10 jaar").
	ProcestermijnOpmerking string
}

// Generiek reports whether r is a generiek resultaat (no resultaat above it).
func (r Resultaat) Generiek() bool { return r.GeneriekResultaatUUID == "" }

// Specifiek reports whether r refines a generiek resultaat.
func (r Resultaat) Specifiek() bool { return !r.Generiek() }

// Taakgebieden are the municipal task areas a Resultaat applies to, as the
// Selectielijst marks them.
type Taakgebieden struct {
	AlgemeenBestuurEnInrichtingOrganisatie bool
	BedrijfsvoeringEnPersoneel             bool
	PubliekeInformatieEnRegistratie        bool
	Burgerzaken                            bool
	Veiligheid                             bool
	VerkeerEnVervoer                       bool
	Economie                               bool
	Onderwijs                              bool
	SportCultuurEnRecreatie                bool
	SociaalDomein                          bool
	VolksgezondheidEnMilieu                bool
	// VHROSV: volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing.
	VHROSV            bool
	HeffenBelastingen bool
	AlleTaakgebieden  bool
}

// Waardering is the archival verdict of a Resultaat.
type Waardering string

// The waarderingen of the Selectielijst. Two withdrawn resultaten of the
// published data have none ("").
const (
	WaarderingBlijvendBewaren Waardering = "blijvend_bewaren"
	WaarderingVernietigen     Waardering = "vernietigen"
)

// Procestermijn says when the bewaartermijn of a Resultaat starts.
type Procestermijn string

// The procestermijnen of the Selectielijst.
const (
	ProcestermijnNihil                               Procestermijn = "nihil"
	ProcestermijnBestaansduurProcesobject            Procestermijn = "bestaansduur_procesobject"
	ProcestermijnIngeschatteBestaansduurProcesobject Procestermijn = "ingeschatte_bestaansduur_procesobject"
	ProcestermijnVastTeLeggenDatum                   Procestermijn = "vast_te_leggen_datum"
	ProcestermijnSamengevoegdMetBewaartermijn        Procestermijn = "samengevoegd_met_bewaartermijn"
)

// Weergave returns the label of p for people, as the reference
// implementation renders it byte for byte (one label ends in a space
// upstream; kept, so that clients comparing labels see the same text from
// either service). It is "" for "" (no procestermijn).
func (p Procestermijn) Weergave() string {
	switch p {
	case ProcestermijnNihil:
		return "Nihil"
	case ProcestermijnBestaansduurProcesobject:
		return "De bestaans- of geldigheidsduur van het procesobject."
	case ProcestermijnIngeschatteBestaansduurProcesobject:
		return "De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject."
	case ProcestermijnVastTeLeggenDatum:
		return "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject komt te vervallen. "
	case ProcestermijnSamengevoegdMetBewaartermijn:
		return "De procestermijn is samengevoegd met de bewaartermijn."
	}
	return ""
}

// ResultaatTypeOmschrijving is a generieke resultaattypeomschrijving: the
// general nature of a resultaat ("Toegekend", "Afgewezen"), to which a
// catalogus's resultaattypen refer.
type ResultaatTypeOmschrijving struct {
	// UUID is the identity in the resource URL, lower-case.
	UUID         string
	Omschrijving string
	Definitie    string
	Opmerking    string
}

// Communicatiekanaal is a channel through which a client and an
// organisation communicate ("E-mail", "Balie").
type Communicatiekanaal struct {
	// UUID is the identity in the resource URL, lower-case.
	UUID         string
	Naam         string
	Omschrijving string
}
