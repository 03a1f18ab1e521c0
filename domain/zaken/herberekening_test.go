package zaken

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// TestZaak_zrc021_herberekening: the archiefactiedatum follows its inputs
// after closing; dates that cannot change or were set by hand stay.
func TestZaak_zrc021_herberekening(t *testing.T) {
	geforceerd := Bevoegdheden{Geforceerd: true}
	t.Run("Eigenschap", func(t *testing.T) {
		z := aangemaakt(t)
		must(t)(z.AddZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "2025-06-30"}, feiten(), Bevoegdheden{}))
		must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtEigensch}, feiten(), Bevoegdheden{}))
		must(t)(z.AddStatus("s1", status(stEind, now), feiten(), Bevoegdheden{}))
		if z.Herbereken(feiten()) != nil {
			t.Fatal("nothing changed, yet a recalculation")
		}
		must(t)(z.UpdateZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "2027-01-15"}, feiten(), catalogi.ActieUpdate, geforceerd))
		events := z.Herbereken(feiten())
		wantEvents(t, events, nil, TypeZaakGewijzigd)
		if got := z.Gegevens().Archiefactiedatum.String(); got != "2028-01-15" {
			t.Fatalf("archiefactiedatum %s, want 2028-01-15", got)
		}
		must(t)(z.DeleteZaakEigenschap("e1", geforceerd))
		wantEvents(t, z.Herbereken(feiten()), nil, TypeZaakGewijzigd)
		if !z.Gegevens().Archiefactiedatum.IsZero() {
			t.Fatalf("without its eigenschap the date is unknown, got %s", z.Gegevens().Archiefactiedatum)
		}
	})
	t.Run("Hoofdzaak", func(t *testing.T) {
		f := feiten()
		f.Hoofdzaak = &HoofdzaakFeit{UUID: "h", Einddatum: catalogi.MustDate("2025-02-01")}
		z := aangemaakt(t)
		must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtHoofd}, f, Bevoegdheden{}))
		must(t)(z.AddStatus("s1", status(stEind, now), f, Bevoegdheden{}))
		f.Hoofdzaak.Einddatum = catalogi.MustDate("2025-08-01")
		wantEvents(t, z.Herbereken(f), nil, TypeZaakGewijzigd)
		if got := z.Gegevens().Archiefactiedatum.String(); got != "2026-08-01" {
			t.Fatalf("archiefactiedatum %s, want 2026-08-01", got)
		}
	})
	t.Run("AfgehandeldStays", func(t *testing.T) {
		z := afgesloten(t, rtAfg)
		before := z.Gegevens().Archiefactiedatum
		if z.Herbereken(feiten()) != nil || z.Gegevens().Archiefactiedatum != before {
			t.Fatal("an afgehandeld date was recalculated")
		}
	})
	t.Run("OpenZaak", func(t *testing.T) {
		if aangemaakt(t).Herbereken(feiten()) != nil {
			t.Fatal("an open zaak has no archiving parameters to recalculate")
		}
	})
}

// TestZaak_zrc007_einddatumBekend: a resultaattype whose procesobject's
// end must be known (einddatumBekend) does not let the zaak close before
// that date is there.
func TestZaak_zrc007_einddatumBekend(t *testing.T) {
	f := feiten()
	rt := f.Zaaktype.Resultaattypen[rtEigensch]
	rt.BrondatumArchiefprocedure.EinddatumBekend = true
	f.Zaaktype.Resultaattypen[rtEigensch] = rt
	z := aangemaakt(t)
	must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtEigensch}, f, Bevoegdheden{}))
	_, err := z.AddStatus("s1", status(stEind, now), f, Bevoegdheden{})
	wantInvalid(t, err, nonField, CodeBrondatumOnbekend)
	must(t)(z.AddZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "2025-06-30"}, f, Bevoegdheden{}))
	must(t)(z.AddStatus("s1", status(stEind, now), f, Bevoegdheden{}))
	if z.Gegevens().Archiefactiedatum.IsZero() {
		t.Fatal("closed without an archiefactiedatum")
	}
}
