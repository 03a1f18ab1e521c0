package referentielijsten

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/google/uuid"
)

// files are the lists as published (see data/NOTICE.md): Django fixtures,
// each record {"model", "pk", "fields"}, related by pk.
//
//go:embed data/*.json data/NOTICE.md
var files embed.FS

// The embedded files and the fixture model of their records.
const (
	procestypenFile    = "selectielijst_2020_procestypen.json"
	resultatenFile     = "selectielijst_2020_resultaten.json"
	omschrijvingenFile = "resultaattypeomschrijvingen.json"
	kanalenFile        = "communicatiekanalen.json"

	procestypeModel   = "selectielijst.procestype"
	resultaatModel    = "selectielijst.resultaat"
	omschrijvingModel = "datamodel.resultaattypeomschrijvinggeneriek"
	kanaalModel       = "datamodel.communicatiekanaal"
)

// Notice returns data/NOTICE.md: origin, commit, licence and checksums of
// the embedded data.
func Notice() ([]byte, error) { return files.ReadFile("data/NOTICE.md") }

// record is one fixture record.
type record[F any] struct {
	Model  string `json:"model"`
	PK     int    `json:"pk"`
	Fields F      `json:"fields"`
}

type procestypeFields struct {
	UUID         string `json:"uuid"`
	Nummer       int    `json:"nummer"`
	Jaar         int    `json:"jaar"`
	Naam         string `json:"naam"`
	Omschrijving string `json:"omschrijving"`
	Toelichting  string `json:"toelichting"`
	Procesobject string `json:"procesobject"`
}

type resultaatFields struct {
	UUID              string  `json:"uuid"`
	ProcesType        int     `json:"proces_type"`
	GeneriekResultaat *int    `json:"generiek_resultaat"`
	Nummer            int     `json:"nummer"`
	Naam              string  `json:"naam"`
	Omschrijving      string  `json:"omschrijving"`
	Herkomst          string  `json:"herkomst"`
	Waardering        string  `json:"waardering"`
	Procestermijn     string  `json:"procestermijn"`
	Bewaartermijn     *string `json:"bewaartermijn"`
	Toelichting       string  `json:"toelichting"`
	taakgebiedenFields
	ProcestermijnOpmerking string `json:"procestermijn_opmerking"`
}

// taakgebiedenFields has the fields of Taakgebieden, so that one converts
// to the other; the tags are the fixture's names.
type taakgebiedenFields struct {
	AlgemeenBestuurEnInrichtingOrganisatie bool `json:"algemeen_bestuur_en_inrichting_organisatie"`
	BedrijfsvoeringEnPersoneel             bool `json:"bedrijfsvoering_en_personeel"`
	PubliekeInformatieEnRegistratie        bool `json:"publieke_informatie_en_registratie"`
	Burgerzaken                            bool `json:"burgerzaken"`
	Veiligheid                             bool `json:"veiligheid"`
	VerkeerEnVervoer                       bool `json:"verkeer_en_vervoer"`
	Economie                               bool `json:"economie"`
	Onderwijs                              bool `json:"onderwijs"`
	SportCultuurEnRecreatie                bool `json:"sport_cultuur_en_recreatie"`
	SociaalDomein                          bool `json:"sociaal_domein"`
	VolksgezondheidEnMilieu                bool `json:"volksgezonheid_en_milieu"`
	VHROSV                                 bool `json:"vhrosv"`
	HeffenBelastingen                      bool `json:"heffen_belastingen"`
	AlleTaakgebieden                       bool `json:"alle_taakgebieden"`
}

type omschrijvingFields struct {
	UUID         string `json:"uuid"`
	Omschrijving string `json:"omschrijving"`
	Definitie    string `json:"definitie"`
	Opmerking    string `json:"opmerking"`
}

type kanaalFields struct {
	UUID         string `json:"uuid"`
	Naam         string `json:"naam"`
	Omschrijving string `json:"omschrijving"`
}

// decode reads one embedded fixture file. Unknown fields fail: a newer
// upstream export with fields this package ignores should be looked at,
// not served half.
func decode[F any](file, model string) ([]record[F], error) {
	data, err := files.ReadFile("data/" + file)
	if err != nil {
		return nil, fmt.Errorf("referentielijsten: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var records []record[F]
	if err := dec.Decode(&records); err != nil {
		return nil, fmt.Errorf("referentielijsten: decode %s: %w", file, err)
	}
	for _, r := range records {
		if r.Model != model {
			return nil, fmt.Errorf("referentielijsten: %s pk %d: model %q, want %q", file, r.PK, r.Model, model)
		}
	}
	return records, nil
}

// canonicalUUID returns s lower-case and hyphenated, or an error naming
// the record.
func canonicalUUID(file string, pk int, s string) (string, error) {
	u, err := uuid.Parse(s)
	if err != nil || len(s) != 36 {
		return "", fmt.Errorf("referentielijsten: %s pk %d: uuid %q is no UUID", file, pk, s)
	}
	return u.String(), nil
}

// isoDuration is the subset of ISO 8601 durations the Selectielijst uses
// for bewaartermijnen ("P10Y", "P1Y6M", "P42D").
var isoDuration = regexp.MustCompile(`^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$`)

// resultaat converts one fixture record; procestypen are the procestypen
// by pk, generiek the generieke resultaten by pk (nil while reading those).
func resultaat(pk int, f resultaatFields, procestypen map[int]Procestype, generiek map[int]Resultaat) (Resultaat, error) {
	fail := func(format string, args ...any) (Resultaat, error) {
		return Resultaat{}, fmt.Errorf("referentielijsten: %s pk %d: %s", resultatenFile, pk, fmt.Sprintf(format, args...))
	}
	id, err := canonicalUUID(resultatenFile, pk, f.UUID)
	if err != nil {
		return Resultaat{}, err
	}
	pt, ok := procestypen[f.ProcesType]
	if !ok {
		return fail("unknown proces_type %d", f.ProcesType)
	}
	r := Resultaat{
		UUID: id, ProcestypeUUID: pt.UUID, Nummer: f.Nummer,
		VolledigNummer: fmt.Sprintf("%d.%d", pt.Nummer, f.Nummer),
		Naam:           f.Naam, Omschrijving: f.Omschrijving, Herkomst: f.Herkomst,
		Waardering: Waardering(f.Waardering), Procestermijn: Procestermijn(f.Procestermijn),
		Toelichting: f.Toelichting, Taakgebieden: Taakgebieden(f.taakgebiedenFields),
		ProcestermijnOpmerking: f.ProcestermijnOpmerking,
	}
	if f.GeneriekResultaat != nil {
		g, ok := generiek[*f.GeneriekResultaat]
		if !ok {
			return fail("generiek_resultaat %d is no generiek resultaat", *f.GeneriekResultaat)
		}
		if g.ProcestypeUUID != r.ProcestypeUUID {
			return fail("generiek_resultaat %d belongs to another procestype", *f.GeneriekResultaat)
		}
		r.GeneriekResultaatUUID = g.UUID
		r.VolledigNummer = fmt.Sprintf("%s.%d", g.VolledigNummer, f.Nummer)
	}
	switch r.Waardering {
	case WaarderingBlijvendBewaren, WaarderingVernietigen, "":
	default:
		return fail("unknown waardering %q", f.Waardering)
	}
	if r.Procestermijn != "" && r.Procestermijn.Weergave() == "" {
		return fail("unknown procestermijn %q", f.Procestermijn)
	}
	if f.Bewaartermijn != nil {
		if !isoDuration.MatchString(*f.Bewaartermijn) || *f.Bewaartermijn == "P" {
			return fail("bewaartermijn %q is no ISO 8601 duration", *f.Bewaartermijn)
		}
		r.Bewaartermijn = *f.Bewaartermijn
	}
	return r, nil
}
