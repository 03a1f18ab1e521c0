package referentielijsten

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Lijsten holds every list in the order the API serves it, with an index
// by UUID. It is immutable after Load and safe for concurrent use; the
// methods return copies.
type Lijsten struct {
	procestypen    []Procestype                // by nummer, then jaar
	resultaten     []Resultaat                 // tree order, see Resultaten
	omschrijvingen []ResultaatTypeOmschrijving // by omschrijving
	kanalen        []Communicatiekanaal        // by naam

	procestypeIndex   map[string]int
	resultaatIndex    map[string]int
	omschrijvingIndex map[string]int
	kanaalIndex       map[string]int
}

// Load decodes the embedded lists. It fails only when the embedded data is
// inconsistent (unknown fields, broken references, duplicate UUIDs), which
// a test catches before any release.
func Load() (*Lijsten, error) {
	l := &Lijsten{}
	procestypen, err := l.loadProcestypen()
	if err != nil {
		return nil, err
	}
	if err := l.loadResultaten(procestypen); err != nil {
		return nil, err
	}
	omschrijvingen, err := decode[omschrijvingFields](omschrijvingenFile, omschrijvingModel)
	if err != nil {
		return nil, err
	}
	for _, r := range omschrijvingen {
		id, err := canonicalUUID(omschrijvingenFile, r.PK, r.Fields.UUID)
		if err != nil {
			return nil, err
		}
		l.omschrijvingen = append(l.omschrijvingen, ResultaatTypeOmschrijving{
			UUID: id, Omschrijving: r.Fields.Omschrijving, Definitie: r.Fields.Definitie, Opmerking: r.Fields.Opmerking,
		})
	}
	kanalen, err := decode[kanaalFields](kanalenFile, kanaalModel)
	if err != nil {
		return nil, err
	}
	for _, r := range kanalen {
		id, err := canonicalUUID(kanalenFile, r.PK, r.Fields.UUID)
		if err != nil {
			return nil, err
		}
		l.kanalen = append(l.kanalen, Communicatiekanaal{UUID: id, Naam: r.Fields.Naam, Omschrijving: r.Fields.Omschrijving})
	}
	slices.SortStableFunc(l.omschrijvingen, func(a, b ResultaatTypeOmschrijving) int { return strings.Compare(a.Omschrijving, b.Omschrijving) })
	slices.SortStableFunc(l.kanalen, func(a, b Communicatiekanaal) int { return strings.Compare(a.Naam, b.Naam) })

	if l.procestypeIndex, err = index(procestypenFile, l.procestypen, func(p Procestype) string { return p.UUID }); err != nil {
		return nil, err
	}
	if l.resultaatIndex, err = index(resultatenFile, l.resultaten, func(r Resultaat) string { return r.UUID }); err != nil {
		return nil, err
	}
	if l.omschrijvingIndex, err = index(omschrijvingenFile, l.omschrijvingen, func(o ResultaatTypeOmschrijving) string { return o.UUID }); err != nil {
		return nil, err
	}
	if l.kanaalIndex, err = index(kanalenFile, l.kanalen, func(k Communicatiekanaal) string { return k.UUID }); err != nil {
		return nil, err
	}
	return l, nil
}

// loadProcestypen fills l.procestypen and returns them by fixture pk, which
// the resultaten refer to.
func (l *Lijsten) loadProcestypen() (map[int]Procestype, error) {
	records, err := decode[procestypeFields](procestypenFile, procestypeModel)
	if err != nil {
		return nil, err
	}
	byPK := make(map[int]Procestype, len(records))
	for _, r := range records {
		id, err := canonicalUUID(procestypenFile, r.PK, r.Fields.UUID)
		if err != nil {
			return nil, err
		}
		if r.Fields.Jaar < 1 || r.Fields.Nummer < 1 {
			return nil, fmt.Errorf("referentielijsten: %s pk %d: jaar %d, nummer %d", procestypenFile, r.PK, r.Fields.Jaar, r.Fields.Nummer)
		}
		f := r.Fields
		p := Procestype{UUID: id, Nummer: f.Nummer, Jaar: f.Jaar, Naam: f.Naam, Omschrijving: f.Omschrijving, Toelichting: f.Toelichting, Procesobject: f.Procesobject}
		byPK[r.PK] = p
		l.procestypen = append(l.procestypen, p)
	}
	slices.SortStableFunc(l.procestypen, func(a, b Procestype) int {
		return cmp.Or(cmp.Compare(a.Nummer, b.Nummer), cmp.Compare(a.Jaar, b.Jaar))
	})
	return byPK, nil
}

// loadResultaten fills l.resultaten in tree order: by procestype (nummer,
// jaar), each generiek resultaat followed by its specifieke ones, by
// number. The reference implementation orders the same way, except that it
// leaves the order between the two editions' procestypen of one number to
// the database.
func (l *Lijsten) loadResultaten(procestypen map[int]Procestype) error {
	records, err := decode[resultaatFields](resultatenFile, resultaatModel)
	if err != nil {
		return err
	}
	generiek := map[int]Resultaat{}
	type sorted struct {
		r   Resultaat
		key [4]int
	}
	var all []sorted
	// Generieke resultaten first: the specifieke ones take their number.
	for _, pass := range []bool{true, false} {
		for _, rec := range records {
			if (rec.Fields.GeneriekResultaat == nil) != pass {
				continue
			}
			r, err := resultaat(rec.PK, rec.Fields, procestypen, generiek)
			if err != nil {
				return err
			}
			pt := procestypen[rec.Fields.ProcesType]
			key := [4]int{pt.Nummer, pt.Jaar, r.Nummer, 0}
			if pass {
				generiek[rec.PK] = r
			} else {
				key[2], key[3] = generiek[*rec.Fields.GeneriekResultaat].Nummer, r.Nummer
			}
			all = append(all, sorted{r, key})
		}
	}
	slices.SortStableFunc(all, func(a, b sorted) int { return slices.Compare(a.key[:], b.key[:]) })
	for _, s := range all {
		l.resultaten = append(l.resultaten, s.r)
	}
	return nil
}

// index maps the UUIDs of items to their position; a duplicate fails.
func index[T any](file string, items []T, id func(T) string) (map[string]int, error) {
	m := make(map[string]int, len(items))
	for i, it := range items {
		if _, dup := m[id(it)]; dup {
			return nil, fmt.Errorf("referentielijsten: %s: uuid %s occurs twice", file, id(it))
		}
		m[id(it)] = i
	}
	return m, nil
}

// lookup returns the item with the UUID, in any letter case.
func lookup[T any](items []T, idx map[string]int, uuid string) (T, bool) {
	i, ok := idx[strings.ToLower(uuid)]
	if !ok {
		var zero T
		return zero, false
	}
	return items[i], true
}

// Procestype returns the procestype with the UUID.
func (l *Lijsten) Procestype(uuid string) (Procestype, bool) {
	return lookup(l.procestypen, l.procestypeIndex, uuid)
}

// Procestypen returns the procestypen of edition jaar (2017, 2020), by
// nummer; jaar 0 returns those of every edition, by nummer, then jaar.
func (l *Lijsten) Procestypen(jaar int) []Procestype {
	if jaar == 0 {
		return slices.Clone(l.procestypen)
	}
	var out []Procestype
	for _, p := range l.procestypen {
		if p.Jaar == jaar {
			out = append(out, p)
		}
	}
	return out
}

// Resultaat returns the resultaat with the UUID.
func (l *Lijsten) Resultaat(uuid string) (Resultaat, bool) {
	return lookup(l.resultaten, l.resultaatIndex, uuid)
}

// Resultaten returns the resultaten of the procestype with the UUID, or of
// every procestype when procestypeUUID is "", in tree order: by procestype
// (nummer, jaar), each generiek resultaat followed by its specifieke ones.
// An unknown procestype has none.
func (l *Lijsten) Resultaten(procestypeUUID string) []Resultaat {
	if procestypeUUID == "" {
		return slices.Clone(l.resultaten)
	}
	procestypeUUID = strings.ToLower(procestypeUUID)
	var out []Resultaat
	for _, r := range l.resultaten {
		if r.ProcestypeUUID == procestypeUUID {
			out = append(out, r)
		}
	}
	return out
}

// ResultaatTypeOmschrijving returns the generieke resultaattypeomschrijving
// with the UUID.
func (l *Lijsten) ResultaatTypeOmschrijving(uuid string) (ResultaatTypeOmschrijving, bool) {
	return lookup(l.omschrijvingen, l.omschrijvingIndex, uuid)
}

// ResultaatTypeOmschrijvingen returns every generieke
// resultaattypeomschrijving, by omschrijving.
func (l *Lijsten) ResultaatTypeOmschrijvingen() []ResultaatTypeOmschrijving {
	return slices.Clone(l.omschrijvingen)
}

// Communicatiekanaal returns the communicatiekanaal with the UUID.
func (l *Lijsten) Communicatiekanaal(uuid string) (Communicatiekanaal, bool) {
	return lookup(l.kanalen, l.kanaalIndex, uuid)
}

// Communicatiekanalen returns every communicatiekanaal, by naam.
func (l *Lijsten) Communicatiekanalen() []Communicatiekanaal {
	return slices.Clone(l.kanalen)
}
