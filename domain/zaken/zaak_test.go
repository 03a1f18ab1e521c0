package zaken

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

func TestZaak_Create(t *testing.T) {
	z := NewZaak(zaakUUID, clock())
	events, err := z.Create(zaakGegevens(), feiten())
	wantEvents(t, events, err, TypeZaakAangemaakt)
	e := events[0].(ZaakAangemaakt)
	if e.Kanaal != (Kanaal{Bronorganisatie: rsin, Zaaktype: zaaktype, Vertrouwelijkheidaanduiding: catalogi.Zaakvertrouwelijk}) {
		t.Fatalf("kanaal = %+v", e.Kanaal)
	}
	if e.Registratiedatum != catalogi.MustDate("2025-03-10") || e.Archiefstatus != NogTeArchiveren {
		t.Fatalf("defaults not set: %+v", e.ZaakGegevens)
	}
	data, _ := json.Marshal(e)
	for _, want := range []string{`"einddatum":null`, `"productenOfDiensten":[]`, `"kanaal":{"bronorganisatie":"` + rsin} {
		if !strings.Contains(string(data), want) {
			t.Errorf("event JSON lacks %s: %s", want, data)
		}
	}
	back, err := Decode(TypeZaakAangemaakt, data)
	if err != nil || back.(ZaakAangemaakt).Identificatie != e.Identificatie {
		t.Fatalf("decode: %v %+v", err, back)
	}
	if _, err := z.Create(zaakGegevens(), feiten()); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second create: %v", err)
	}
}

func TestZaak_zrc001(t *testing.T) {
	f := feiten()
	f.Zaaktype.Concept = true
	_, err := NewZaak(zaakUUID, clock()).Create(zaakGegevens(), f)
	wantInvalid(t, err, "zaaktype", CodeNotPublished)
}

func TestZaak_zrc009(t *testing.T) {
	t.Run("FromZaaktype", func(t *testing.T) {
		if got := aangemaakt(t).Gegevens().Vertrouwelijkheidaanduiding; got != catalogi.Zaakvertrouwelijk {
			t.Fatalf("vertrouwelijkheidaanduiding = %q", got)
		}
	})
	t.Run("ClientWins", func(t *testing.T) {
		g := zaakGegevens()
		g.Vertrouwelijkheidaanduiding = catalogi.Geheim
		z := NewZaak(zaakUUID, clock())
		must(t)(z.Create(g, feiten()))
		if got := z.Gegevens().Vertrouwelijkheidaanduiding; got != catalogi.Geheim {
			t.Fatalf("vertrouwelijkheidaanduiding = %q", got)
		}
	})
}

// TestZaak_zrc012_EmptyProcessobjectIsNotSent: a processobject of empty
// fields, as a GET shows an unset one, is taken as not sent.
func TestZaak_zrc012_EmptyProcessobjectIsNotSent(t *testing.T) {
	g := zaakGegevens()
	g.Processobject = &Processobject{}
	z := NewZaak(zaakUUID, clock())
	if _, err := z.Create(g, feiten()); err != nil {
		t.Fatal(err)
	}
	if po := z.Gegevens().Processobject; po != nil {
		t.Fatalf("processobject %+v, want none", po)
	}
}

func TestZaak_zrc012(t *testing.T) {
	g := zaakGegevens()
	g.Verlenging = &Verlenging{Duur: "30 dagen"}
	g.Opschorting = &Opschorting{Indicatie: true}
	g.Processobject = &Processobject{Datumkenmerk: "d"}
	g.RelevanteAndereZaken = []RelevanteZaak{{URL: "https://zrc.example/zaken/2", AardRelatie: "familie"}}
	_, err := NewZaak(zaakUUID, clock()).Create(g, feiten())
	for _, field := range []string{"verlenging.reden", "verlenging.duur", "opschorting.reden",
		"processobject.identificatie", "relevanteAndereZaken.0.aardRelatie"} {
		t.Run(field, func(t *testing.T) {
			code := "required"
			switch field {
			case "verlenging.duur":
				code = "invalid"
			case "relevanteAndereZaken.0.aardRelatie":
				code = "invalid_choice"
			}
			wantInvalid(t, err, field, code)
		})
	}
	t.Run("NullIsNotSent", func(t *testing.T) {
		if _, err := NewZaak(zaakUUID, clock()).Create(zaakGegevens(), feiten()); err != nil {
			t.Fatal(err)
		}
	})
}

func TestZaak_zrc013(t *testing.T) {
	hoofdzaak := "https://zrc.example/api/v1/zaken/2"
	cases := map[string]struct {
		feit *HoofdzaakFeit
		code string
	}{
		"ErrSelf":         {&HoofdzaakFeit{UUID: zaakUUID}, CodeSelfForbidden},
		"ErrDeelzaak":     {&HoofdzaakFeit{UUID: "2", IsDeelzaak: true}, CodeDeelzaakAlsHoofdzaak},
		"ErrDoesNotExist": {nil, "does_not_exist"},
		"ValidHoofdzaak":  {&HoofdzaakFeit{UUID: "2"}, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			g, f := zaakGegevens(), feiten()
			g.Hoofdzaak, f.Hoofdzaak = hoofdzaak, c.feit
			_, err := NewZaak(zaakUUID, clock()).Create(g, f)
			if c.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantInvalid(t, err, "hoofdzaak", c.code)
		})
	}
}

func TestZaak_zrc014(t *testing.T) {
	betaald := now.Add(-24 * time.Hour)
	t.Run("ErrNvtWithLaatsteBetaaldatum", func(t *testing.T) {
		g := zaakGegevens()
		g.Betalingsindicatie, g.LaatsteBetaaldatum = BetalingNvt, &betaald
		_, err := NewZaak(zaakUUID, clock()).Create(g, feiten())
		wantInvalid(t, err, "laatsteBetaaldatum", CodeBetalingNvt)
	})
	t.Run("ErrInFuture", func(t *testing.T) {
		g := zaakGegevens()
		later := now.Add(time.Hour)
		g.Betalingsindicatie, g.LaatsteBetaaldatum = BetalingGeheel, &later
		_, err := NewZaak(zaakUUID, clock()).Create(g, feiten())
		wantInvalid(t, err, "laatsteBetaaldatum", "date-in-future")
	})
	t.Run("ChangeToNvtClearsLaatsteBetaaldatum", func(t *testing.T) {
		g := zaakGegevens()
		g.Betalingsindicatie, g.LaatsteBetaaldatum = BetalingGeheel, &betaald
		z := NewZaak(zaakUUID, clock())
		must(t)(z.Create(g, feiten()))
		g.Betalingsindicatie = BetalingNvt
		events, err := z.Update(g, feiten(), "partial_update", Bevoegdheden{})
		wantEvents(t, events, err, TypeZaakGewijzigd)
		if z.Gegevens().LaatsteBetaaldatum != nil {
			t.Fatal("laatsteBetaaldatum not cleared")
		}
	})
}

func TestZaak_zrc015(t *testing.T) {
	g := zaakGegevens()
	g.ProductenOfDiensten = []string{product, "https://pdc.example/producten/99"}
	_, err := NewZaak(zaakUUID, clock()).Create(g, feiten())
	wantInvalid(t, err, "productenOfDiensten.1", CodeProductenOfDiensten)
}

func TestZaak_Update(t *testing.T) {
	z := aangemaakt(t)
	g := z.Gegevens()
	g.Identificatie, g.Omschrijving = "ANDERS", strings.Repeat("o", 81)
	_, err := z.Update(g, feiten(), "update", Bevoegdheden{})
	wantInvalid(t, err, "identificatie", CodeWijzigenNietToegelaten)
	wantInvalid(t, err, "omschrijving", "max_length")
	if _, err := NewZaak(zaakUUID, clock()).Update(g, feiten(), "update", Bevoegdheden{}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("update of missing zaak: %v", err)
	}
}
