package zaken

import (
	"encoding/json"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// archiefactiedatum derives the archiefactiedatum of the closing zaak g
// with resultaattype rt (zrc-021): brondatum plus archiefactietermijn, or
// the zero Date when either cannot be determined.
func (z *Zaak) archiefactiedatum(g ZaakGegevens, rt ResultaattypeFeit, f Feiten) Date {
	if rt.Archiefactietermijn == "" {
		return Date{}
	}
	termijn, err := catalogi.ParseDuur(rt.Archiefactietermijn)
	if err != nil {
		return Date{}
	}
	bron := z.brondatum(g, rt.BrondatumArchiefprocedure, f)
	if bron.IsZero() {
		return Date{}
	}
	return termijn.AddTo(bron)
}

// startdatumBewaartermijn derives the start of the bewaartermijn of the
// closing zaak g (zrc-026): the brondatum of the archiefprocedure, only
// for a zaak to be destroyed, as Open Zaak fills it; the zero Date when it
// is kept or the brondatum is unknown.
func (z *Zaak) startdatumBewaartermijn(g ZaakGegevens, rt ResultaattypeFeit, f Feiten) Date {
	if g.Archiefnominatie != catalogi.Vernietigen {
		return Date{}
	}
	return z.brondatum(g, rt.BrondatumArchiefprocedure, f)
}

// brondatum finds the brondatum of the archiefprocedure per
// afleidingswijze. Those needing only this zaak's data are derived here;
// hoofdzaak comes from the HoofdzaakFeit, the ones over besluiten and
// related zaken from Feiten.Brondatum; ander_datumkenmerk has none.
func (z *Zaak) brondatum(g ZaakGegevens, b catalogi.BrondatumArchiefprocedure, f Feiten) Date {
	switch b.Afleidingswijze {
	case catalogi.Afgehandeld:
		return g.Einddatum
	case catalogi.Termijn:
		procestermijn, err := catalogi.ParseDuur(b.Procestermijn)
		if err != nil {
			return Date{}
		}
		return procestermijn.AddTo(g.Einddatum)
	case catalogi.EigenschapAfleiding:
		for _, id := range sortedKeys(z.eigensch) {
			if e := z.eigensch[id]; e.Naam == b.Datumkenmerk {
				return parseDatum(e.Waarde)
			}
		}
		return Date{}
	case catalogi.ZaakobjectAfleiding:
		return z.zaakobjectBrondatum(b)
	case catalogi.Hoofdzaak:
		if f.Hoofdzaak != nil {
			return f.Hoofdzaak.Einddatum
		}
		return Date{}
	case catalogi.GerelateerdeZaak, catalogi.IngangsdatumBesluit, catalogi.VervaldatumBesluit:
		return f.Brondatum
	}
	return Date{}
}

// zaakobjectBrondatum returns the latest date in attribute datumkenmerk of
// the objectIdentificatie of the zaakobjecten of the objecttype.
func (z *Zaak) zaakobjectBrondatum(b catalogi.BrondatumArchiefprocedure) Date {
	var laatste Date
	for _, o := range z.objecten {
		if o.ObjectType != b.Objecttype || len(o.ObjectIdentificatie) == 0 {
			continue
		}
		var attrs map[string]any
		if json.Unmarshal(o.ObjectIdentificatie, &attrs) != nil {
			continue
		}
		s, _ := attrs[b.Datumkenmerk].(string)
		if d := parseDatum(s); !d.IsZero() && (laatste.IsZero() || d.After(laatste)) {
			laatste = d
		}
	}
	return laatste
}

// parseDatum reads the date part of a date or date-time value, or returns
// the zero Date.
func parseDatum(s string) Date {
	if len(s) > 10 && strings.ContainsAny(s[10:11], "T ") {
		s = s[:10]
	}
	d, err := catalogi.ParseDate(s)
	if err != nil {
		return Date{}
	}
	return d
}

// Herbereken decides the new archiefactiedatum of a closed zaak after one
// of the inputs of its brondatum changed (zrc-021): a zaakeigenschap or
// zaakobject of this zaak, the einddatum of its hoofdzaak, related zaken or
// besluiten, as f now gives them; a zaak to be destroyed gets the new
// brondatum as startdatumBewaartermijn (zrc-026). Only derived dates are
// recalculated: for
// afgehandeld and termijn the einddatum cannot change without reopening,
// and ander_datumkenmerk is set by hand. It returns a ZaakGewijzigd when
// the date changes (to none when the brondatum is no longer known), and
// nothing otherwise.
func (z *Zaak) Herbereken(f Feiten) []domain.Event {
	r, ok := z.ResultaatGegevens()
	if !z.exists || !z.IsAfgesloten() || !ok {
		return nil
	}
	rt, ok := f.Zaaktype.Resultaattypen[r.Resultaattype]
	if !ok {
		return nil
	}
	switch rt.BrondatumArchiefprocedure.Afleidingswijze {
	case catalogi.EigenschapAfleiding, catalogi.ZaakobjectAfleiding, catalogi.Hoofdzaak,
		catalogi.GerelateerdeZaak, catalogi.IngangsdatumBesluit, catalogi.VervaldatumBesluit:
	default:
		return nil
	}
	g := z.gegevens
	nieuw, start := z.archiefactiedatum(g, rt, f), z.startdatumBewaartermijn(g, rt, f)
	if nieuw == g.Archiefactiedatum && (start.IsZero() || start == g.StartdatumBewaartermijn) {
		return nil
	}
	g.Archiefactiedatum = nieuw
	if !start.IsZero() {
		g.StartdatumBewaartermijn = start
	}
	return z.emit(ZaakGewijzigd{Zaak: z.uuid, Kanaal: z.kanaal(), Actie: catalogi.ActieUpdate, Geforceerd: true, ZaakGegevens: g.normalised()})
}
