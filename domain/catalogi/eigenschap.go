package catalogi

import (
	"maps"
	"regexp"
	"slices"
	"strconv"

	"github.com/zaakregister/zaakregister/domain"
)

// EigenschapSpecificatie specifies the values of an eigenschap.
type EigenschapSpecificatie struct {
	Groep              string   `json:"groep"`
	Formaat            Formaat  `json:"formaat"`
	Lengte             string   `json:"lengte"`
	Kardinaliteit      string   `json:"kardinaliteit"`
	Waardenverzameling []string `json:"waardenverzameling"`
}

// EigenschapGegevens are the writable fields of an eigenschap. Statustype
// is the uuid of a statustype of the same zaaktype, or "".
type EigenschapGegevens struct {
	Naam            string                 `json:"naam"`
	Definitie       string                 `json:"definitie"`
	Specificatie    EigenschapSpecificatie `json:"specificatie"`
	Toelichting     string                 `json:"toelichting"`
	Statustype      string                 `json:"statustype"`
	BeginGeldigheid Date                   `json:"beginGeldigheid"`
	EindeGeldigheid Date                   `json:"eindeGeldigheid"`
}

func (g EigenschapGegevens) normalised() EigenschapGegevens {
	g.Specificatie.Waardenverzameling = cloneList(g.Specificatie.Waardenverzameling)
	return g
}

var (
	groepPattern = regexp.MustCompile(`^[A-Za-z0-9_]*$`)
	getalLengte  = regexp.MustCompile(`^[0-9]+([.,][0-9]+)?$`)
)

// validate checks the fields and their fit in zaaktype z: naam unique among
// the other eigenschappen, statustype of this zaaktype.
func (g EigenschapGegevens) validate(z *Zaaktype, self string) error {
	var p domain.Problems
	c := check{p: &p}
	c.requiredText("naam", g.Naam, 20)
	c.requiredText("definitie", g.Definitie, 255)
	c.text("toelichting", g.Toelichting, 1000)
	g.Specificatie.validate(c.at("specificatie"))
	if g.Statustype != "" {
		if _, ok := z.statustypen[g.Statustype]; !ok {
			c.add("statustype", CodeZaaktypeMismatch, "Het statustype hoort niet bij dit zaaktype.")
		}
	}
	for id, other := range z.eigenschappen {
		if id != self && other.Naam == g.Naam {
			c.add(nonField, "unique", "De velden zaaktype en naam moeten een unieke set zijn.")
			break
		}
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

// validate checks the specificatie: the lengte that fits the formaat
// (tekst 0..255; getal n or n,m; datum 8 and datum_tijd 14, the YYYYMMDD
// and YYYYMMDDhhmmss forms of ztc-015), kardinaliteit a positive number or
// N, groep letters, digits and underscores.
func (s EigenschapSpecificatie) validate(c check) {
	c.text("groep", s.Groep, 32)
	if !groepPattern.MatchString(s.Groep) {
		c.add("groep", "invalid", "Voer alleen letters, cijfers en/of liggende streepjes in.")
	}
	formaatOK := false
	if c.required("formaat", string(s.Formaat)) {
		c.choice("formaat", string(s.Formaat), s.Formaat.Valid())
		formaatOK = s.Formaat.Valid()
	}
	if c.required("lengte", s.Lengte) {
		c.text("lengte", s.Lengte, 14)
		if formaatOK && !lengtePastBij(s.Formaat, s.Lengte) {
			c.add("lengte", "invalid", lengteReden[s.Formaat])
		}
	}
	if c.required("kardinaliteit", s.Kardinaliteit) {
		c.text("kardinaliteit", s.Kardinaliteit, 3)
		if n, err := strconv.Atoi(s.Kardinaliteit); s.Kardinaliteit != "N" && (err != nil || n <= 0) {
			c.add("kardinaliteit", "invalid", "Gebruik gehele getallen groter dan 0 of 'N' voor ongelimiteerd.")
		}
	}
	c.list("waardenverzameling", s.Waardenverzameling, 100, false)
}

var lengteReden = map[Formaat]string{
	Tekst:     "Als formaat tekst is, moet de lengte een getal tussen 0 en 255 zijn.",
	Getal:     "Als formaat getal is, moet de lengte n of n,m zijn (cijfers, decimalen).",
	Datum:     "Als formaat datum is, moet de lengte 8 zijn.",
	DatumTijd: "Als formaat datum_tijd is, moet de lengte 14 zijn.",
}

func lengtePastBij(f Formaat, lengte string) bool {
	switch f {
	case Tekst:
		n, err := strconv.Atoi(lengte)
		return err == nil && n >= 0 && n <= 255
	case Getal:
		return getalLengte.MatchString(lengte)
	case Datum:
		return lengte == "8"
	case DatumTijd:
		return lengte == "14"
	}
	return false
}

// AddEigenschap decides a new eigenschap (ztc-010 on a published zaaktype).
func (z *Zaaktype) AddEigenschap(uuid string, g EigenschapGegevens, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayAdd(z, z.eigenschappen, "eigenschap", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(z, uuid); err != nil {
		return nil, err
	}
	return z.emit(EigenschapAangemaakt{Subtype: z.subtype(uuid, correctie), EigenschapGegevens: g.normalised()}), nil
}

// UpdateEigenschap decides a PUT or PATCH of an eigenschap with its
// complete new fields.
func (z *Zaaktype) UpdateEigenschap(uuid string, g EigenschapGegevens, actie string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.eigenschappen, "eigenschap", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(z, uuid); err != nil {
		return nil, err
	}
	return z.emit(EigenschapGewijzigd{Subtype: z.subtype(uuid, correctie), Actie: actie, EigenschapGegevens: g.normalised()}), nil
}

// DeleteEigenschap decides the deletion of an eigenschap; statustypen that
// required it lose it, each with a StatustypeGewijzigd (partial_update).
func (z *Zaaktype) DeleteEigenschap(uuid string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.eigenschappen, "eigenschap", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	events := []domain.Event{EigenschapVerwijderd{Subtype: z.subtype(uuid, correctie)}}
	eind := z.Eindstatus()
	for _, id := range slices.Sorted(maps.Keys(z.statustypen)) {
		s := z.statustypen[id].normalised()
		if i := slices.Index(s.Eigenschappen, uuid); i >= 0 {
			s.Eigenschappen = slices.Delete(s.Eigenschappen, i, i+1)
			events = append(events, StatustypeGewijzigd{Subtype: z.subtype(id, correctie), Actie: ActiePartialUpdate,
				StatustypeGegevens: s, Eindstatus: eind})
		}
	}
	return z.emit(events...), nil
}
