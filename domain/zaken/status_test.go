package zaken

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

var gezet = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func TestZaak_zrc016(t *testing.T) {
	_, err := aangemaakt(t).AddStatus("s1", status("https://ztc.example/api/v1/statustypen/99", gezet), feiten(), Bevoegdheden{})
	wantInvalid(t, err, "statustype", CodeZaaktypeMismatch)
}

func TestZaak_zrc007(t *testing.T) {
	t.Run("NonEindstatusKeepsZaakOpen", func(t *testing.T) {
		z := aangemaakt(t)
		events, err := z.AddStatus("s1", status(stStart, gezet), feiten(), Bevoegdheden{})
		wantEvents(t, events, err, TypeStatusAangemaakt)
		if z.IsAfgesloten() || z.Status() != "s1" {
			t.Fatal("zaak closed by a non-eind status")
		}
	})
	t.Run("ErrResultaatAndIndicatieGebruiksrechtAtOnce", func(t *testing.T) {
		z := aangemaakt(t)
		f := feiten()
		f.Informatieobjecten[document] = InformatieobjectFeit{Informatieobjecttype: iotype}
		must(t)(z.AddZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: document}, f, Bevoegdheden{}))
		_, err := z.AddStatus("s1", status(stEind, gezet), f, Bevoegdheden{})
		wantInvalid(t, err, nonField, CodeResultaatOntbreekt)
		wantInvalid(t, err, nonField, CodeIndicatieGebruiksrecht)
	})
	t.Run("EindstatusClosesWithEinddatum", func(t *testing.T) {
		z := aangemaakt(t)
		must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtAfg}, feiten(), Bevoegdheden{}))
		events, err := z.AddStatus("s1", status(stEind, gezet), feiten(), Bevoegdheden{})
		wantEvents(t, events, err, TypeStatusAangemaakt, TypeZaakAfgesloten)
		if got := events[1].(ZaakAfgesloten).Einddatum; got != catalogi.MustDate("2025-03-01") {
			t.Fatalf("einddatum = %v", got)
		}
		if !events[0].(StatusAangemaakt).Gegevens.IndicatieLaatstGezetteStatus {
			t.Fatal("indicatieLaatstGezetteStatus not set")
		}
	})
	t.Run("ErrClosedZaakReadOnly", func(t *testing.T) {
		z := afgesloten(t, rtAfg)
		_, err := z.AddRol("rol1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "x"}, feiten(), Bevoegdheden{})
		wantForbidden(t, err)
		_, err = z.Update(z.Gegevens(), feiten(), "update", Bevoegdheden{})
		wantForbidden(t, err)
		_, err = z.DeleteResultaat("r1", Bevoegdheden{})
		wantForbidden(t, err)
		_, err = z.AddStatus("s2", status(stEind, gezet), feiten(), Bevoegdheden{})
		wantForbidden(t, err)
	})
	t.Run("GeforceerdBijwerken", func(t *testing.T) {
		z := afgesloten(t, rtAfg)
		g := z.Gegevens()
		g.Omschrijving = "correctie"
		events, err := z.Update(g, feiten(), "partial_update", Bevoegdheden{Geforceerd: true})
		wantEvents(t, events, err, TypeZaakGewijzigd)
		if e := events[0].(ZaakGewijzigd); !e.Geforceerd || e.Einddatum.IsZero() {
			t.Fatalf("event = %+v", e)
		}
	})
}

func TestZaak_zrc008(t *testing.T) {
	t.Run("ErrWithoutHeropenen", func(t *testing.T) {
		_, err := afgesloten(t, rtAfg).AddStatus("s2", status(stStart, now), feiten(), Bevoegdheden{Geforceerd: true})
		wantForbidden(t, err)
	})
	t.Run("ReopenClearsEinddatumAndArchiving", func(t *testing.T) {
		z := afgesloten(t, rtAfg)
		events, err := z.AddStatus("s2", status(stStart, now), feiten(), Bevoegdheden{Heropenen: true})
		wantEvents(t, events, err, TypeStatusAangemaakt, TypeZaakHeropend)
		g := z.Gegevens()
		if z.IsAfgesloten() || g.Archiefnominatie != "" || !g.Archiefactiedatum.IsZero() {
			t.Fatalf("not reopened: %+v", g)
		}
	})
}

func TestZaak_zrc021(t *testing.T) {
	cases := map[string]struct {
		resultaattype string
		given         func(t *testing.T, z *Zaak)
		feiten        func(f *Feiten)
		nominatie     catalogi.Archiefnominatie
		actiedatum    string
	}{
		"Afgehandeld": {resultaattype: rtAfg, nominatie: catalogi.Vernietigen, actiedatum: "2035-03-01"},
		"Termijn":     {resultaattype: rtTermijn, nominatie: catalogi.Vernietigen, actiedatum: "2031-03-01"},
		"Eigenschap": {resultaattype: rtEigensch, nominatie: catalogi.BlijvendBewaren, actiedatum: "2026-06-30",
			given: func(t *testing.T, z *Zaak) {
				must(t)(z.AddZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "2025-06-30"}, feiten(), Bevoegdheden{}))
			}},
		"Zaakobject": {resultaattype: rtObject, nominatie: catalogi.Vernietigen, actiedatum: "2027-05-02",
			given: func(t *testing.T, z *Zaak) {
				for i, d := range []string{"2026-05-02", "2025-12-31"} {
					id, _ := json.Marshal(map[string]string{"sloopdatum": d})
					must(t)(z.AddZaakObject(string(rune('a'+i)), ZaakObjectGegevens{ObjectType: "pand", ObjectIdentificatie: id}, feiten(), Bevoegdheden{}))
				}
			}},
		"HoofdzaakFromFeit": {resultaattype: rtHoofd, nominatie: catalogi.Vernietigen, actiedatum: "2026-02-01",
			feiten: func(f *Feiten) { f.Hoofdzaak = &HoofdzaakFeit{UUID: "2", Einddatum: catalogi.MustDate("2025-02-01")} }},
		"NoBrondatumNoActiedatum": {resultaattype: rtEigensch, nominatie: catalogi.BlijvendBewaren},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			z := aangemaakt(t)
			if c.given != nil {
				c.given(t, z)
			}
			f := feiten()
			if c.feiten != nil {
				c.feiten(&f)
			}
			must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: c.resultaattype}, f, Bevoegdheden{}))
			must(t)(z.AddStatus("s1", status(stEind, gezet), f, Bevoegdheden{}))
			g := z.Gegevens()
			if g.Archiefnominatie != c.nominatie || g.Archiefactiedatum.String() != c.actiedatum {
				t.Fatalf("archiefnominatie %q archiefactiedatum %q, want %q %q", g.Archiefnominatie, g.Archiefactiedatum, c.nominatie, c.actiedatum)
			}
		})
	}
}

func TestZaak_zrc022(t *testing.T) {
	t.Run("ErrArchiveParametersMissing", func(t *testing.T) {
		z := aangemaakt(t)
		g := z.Gegevens()
		g.Archiefstatus = Gearchiveerd
		_, err := z.Update(g, feiten(), "partial_update", Bevoegdheden{})
		wantInvalid(t, err, "archiefnominatie", CodeArchiefnominatieNotSet)
		wantInvalid(t, err, "archiefactiedatum", CodeArchiefactiedatumNotSet)
	})
	t.Run("ErrDocumentsNotArchived", func(t *testing.T) {
		z := aangemaakt(t)
		must(t)(z.AddZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: document}, feiten(), Bevoegdheden{}))
		must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtAfg}, feiten(), Bevoegdheden{}))
		must(t)(z.AddStatus("s1", status(stEind, gezet), feiten(), Bevoegdheden{}))
		g := z.Gegevens()
		g.Archiefstatus = Gearchiveerd
		_, err := z.Update(g, feiten(), "partial_update", Bevoegdheden{Geforceerd: true})
		wantInvalid(t, err, "archiefstatus", CodeDocumentsNotArchived)
		f := feiten()
		f.Informatieobjecten[document] = InformatieobjectFeit{Informatieobjecttype: iotype, IndicatieGebruiksrecht: ja(), Status: "gearchiveerd"}
		events, err := z.Update(g, f, "partial_update", Bevoegdheden{Geforceerd: true})
		wantEvents(t, events, err, TypeZaakGewijzigd)
	})
}

func TestZaak_zrc023(t *testing.T) {
	z := afgesloten(t, rtAfg)
	if _, err := z.Delete(Bevoegdheden{}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("delete of closed zaak: %v", err)
	}
	z = aangemaakt(t)
	must(t)(z.AddZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: document}, feiten(), Bevoegdheden{}))
	events, err := z.Delete(Bevoegdheden{})
	wantEvents(t, events, err, TypeZaakVerwijderd)
	e := events[0].(ZaakVerwijderd)
	if e.Identificatie != zaakGegevens().Identificatie || len(e.Informatieobjecten) != 1 || e.Kanaal.Bronorganisatie != rsin {
		t.Fatalf("event = %+v", e)
	}
	if z.Exists() || len(z.Informatieobjecten()) != 0 {
		t.Fatal("zaak not forgotten")
	}
}
