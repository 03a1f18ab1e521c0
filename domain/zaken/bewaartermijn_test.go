package zaken

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// TestZaak_zrc026: closing fills startdatumBewaartermijn with the
// brondatum of a zaak to be destroyed, keeps a date the client gave and
// leaves it empty for a zaak kept for good or a brondatum not known; a
// recalculation moves it with the brondatum.
func TestZaak_zrc026(t *testing.T) {
	cases := map[string]struct {
		resultaattype string
		given         string
		want          string
	}{
		"Afgehandeld":      {resultaattype: rtAfg, want: "2025-03-01"},
		"Termijn":          {resultaattype: rtTermijn, want: "2030-03-01"},
		"GivenByClient":    {resultaattype: rtAfg, given: "2024-01-01", want: "2024-01-01"},
		"BlijvendBewaren":  {resultaattype: rtEigensch},
		"BrondatumUnknown": {resultaattype: rtHoofd},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			z := aangemaakt(t)
			if c.given != "" {
				g := z.Gegevens()
				g.StartdatumBewaartermijn = catalogi.MustDate(c.given)
				must(t)(z.Update(g, feiten(), catalogi.ActiePartialUpdate, Bevoegdheden{}))
			}
			must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: c.resultaattype}, feiten(), Bevoegdheden{}))
			must(t)(z.AddStatus("s1", status(stEind, gezet), feiten(), Bevoegdheden{}))
			if got := z.Gegevens().StartdatumBewaartermijn; got.String() != c.want {
				t.Fatalf("startdatumBewaartermijn %q, want %q", got, c.want)
			}
		})
	}
	t.Run("Herberekening", func(t *testing.T) {
		f := feiten()
		f.Hoofdzaak = &HoofdzaakFeit{UUID: "h", Einddatum: catalogi.MustDate("2025-02-01")}
		z := aangemaakt(t)
		must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtHoofd}, f, Bevoegdheden{}))
		must(t)(z.AddStatus("s1", status(stEind, gezet), f, Bevoegdheden{}))
		if got := z.Gegevens().StartdatumBewaartermijn.String(); got != "2025-02-01" {
			t.Fatalf("startdatumBewaartermijn %q at closing", got)
		}
		f.Hoofdzaak.Einddatum = catalogi.MustDate("2025-08-01")
		wantEvents(t, z.Herbereken(f), nil, TypeZaakGewijzigd)
		if got := z.Gegevens().StartdatumBewaartermijn.String(); got != "2025-08-01" {
			t.Fatalf("startdatumBewaartermijn %q after the hoofdzaak's einddatum moved", got)
		}
	})
}
