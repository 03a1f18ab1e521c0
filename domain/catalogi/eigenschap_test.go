package catalogi

import "testing"

func TestEigenschap_Specificatie(t *testing.T) {
	cases := map[string]struct {
		spec        EigenschapSpecificatie
		field, code string
	}{
		"TekstTeLang":          {EigenschapSpecificatie{Formaat: Tekst, Lengte: "256", Kardinaliteit: "1"}, "specificatie.lengte", "invalid"},
		"TekstGeenGetal":       {EigenschapSpecificatie{Formaat: Tekst, Lengte: "veel", Kardinaliteit: "1"}, "specificatie.lengte", "invalid"},
		"GetalOngeldig":        {EigenschapSpecificatie{Formaat: Getal, Lengte: "8,", Kardinaliteit: "1"}, "specificatie.lengte", "invalid"},
		"DatumNiet8":           {EigenschapSpecificatie{Formaat: Datum, Lengte: "10", Kardinaliteit: "1"}, "specificatie.lengte", "invalid"},
		"DatumTijdNiet14":      {EigenschapSpecificatie{Formaat: DatumTijd, Lengte: "8", Kardinaliteit: "1"}, "specificatie.lengte", "invalid"},
		"FormaatOnbekend":      {EigenschapSpecificatie{Formaat: "kleur", Lengte: "1", Kardinaliteit: "1"}, "specificatie.formaat", "invalid_choice"},
		"FormaatVereist":       {EigenschapSpecificatie{Lengte: "1", Kardinaliteit: "1"}, "specificatie.formaat", "required"},
		"KardinaliteitNul":     {EigenschapSpecificatie{Formaat: Tekst, Lengte: "1", Kardinaliteit: "0"}, "specificatie.kardinaliteit", "invalid"},
		"KardinaliteitLetter":  {EigenschapSpecificatie{Formaat: Tekst, Lengte: "1", Kardinaliteit: "M"}, "specificatie.kardinaliteit", "invalid"},
		"GroepMetSpatie":       {EigenschapSpecificatie{Groep: "twee woorden", Formaat: Tekst, Lengte: "1", Kardinaliteit: "1"}, "specificatie.groep", "invalid"},
		"WaardeLeeg":           {EigenschapSpecificatie{Formaat: Tekst, Lengte: "1", Kardinaliteit: "1", Waardenverzameling: []string{""}}, "specificatie.waardenverzameling.0", "blank"},
		"LengteVereist":        {EigenschapSpecificatie{Formaat: Tekst, Kardinaliteit: "1"}, "specificatie.lengte", "required"},
		"KardinaliteitVereist": {EigenschapSpecificatie{Formaat: Tekst, Lengte: "1"}, "specificatie.kardinaliteit", "required"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			g := eigenschap("e")
			g.Specificatie = tc.spec
			wantInvalid(t, errOf(given(concept(t)...).AddEigenschap("eig-1", g, false)), tc.field, tc.code)
		})
	}
	for name, spec := range map[string]EigenschapSpecificatie{
		"Tekst":         {Formaat: Tekst, Lengte: "255", Kardinaliteit: "N"},
		"GetalDecimaal": {Formaat: Getal, Lengte: "8,2", Kardinaliteit: "1"},
		"Datum":         {Formaat: Datum, Lengte: "8", Kardinaliteit: "1"},
		"DatumTijd":     {Formaat: DatumTijd, Lengte: "14", Kardinaliteit: "10", Groep: "groep_1", Waardenverzameling: []string{"a", "b"}},
	} {
		t.Run("Valid"+name, func(t *testing.T) {
			g := eigenschap("e")
			g.Specificatie = spec
			if _, err := given(concept(t)...).AddEigenschap("eig-1", g, false); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEigenschap_Velden(t *testing.T) {
	z := given(concept(t)...)
	if _, err := z.AddEigenschap("eig-1", eigenschap("kenteken"), false); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrNaamUnique", func(t *testing.T) {
		wantInvalid(t, errOf(z.AddEigenschap("eig-2", eigenschap("kenteken"), false)), nonField, "unique")
	})
	t.Run("ErrStatustypeOfOtherZaaktype", func(t *testing.T) {
		g := eigenschap("merk")
		g.Statustype = "elders"
		wantInvalid(t, errOf(z.AddEigenschap("eig-2", g, false)), "statustype", CodeZaaktypeMismatch)
	})
	t.Run("ErrRequired", func(t *testing.T) {
		codes := invalidCodes(t, errOf(z.AddEigenschap("eig-2", EigenschapGegevens{}, false)))
		for _, f := range []string{"naam", "definitie", "specificatie.formaat", "specificatie.lengte", "specificatie.kardinaliteit"} {
			if codes[f] != "required" {
				t.Errorf("%s = %q", f, codes[f])
			}
		}
	})
	t.Run("Update", func(t *testing.T) {
		g := eigenschap("kenteken")
		g.Toelichting = "nieuw"
		events, err := z.UpdateEigenschap("eig-1", g, ActiePartialUpdate, false)
		wantEvents(t, events, err, TypeEigenschapGewijzigd)
		if e, _ := z.Eigenschap("eig-1"); e.Toelichting != "nieuw" {
			t.Fatal("update not applied")
		}
	})
}
