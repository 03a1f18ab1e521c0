package catalogi

import "testing"

func addResultaattype(t *testing.T, g ResultaattypeGegevens, f ResultaattypeFeiten) (ResultaattypeGegevens, error) {
	t.Helper()
	z := given(concept(t)...)
	events, err := z.AddResultaattype("res-2", g, f, false)
	if err != nil {
		return ResultaattypeGegevens{}, err
	}
	return events[0].(ResultaattypeAangemaakt).ResultaattypeGegevens, nil
}

func TestResultaattype_ztc002(t *testing.T) {
	t.Run("ErrProcestypeMismatch", func(t *testing.T) {
		f := selectielijst(ProcestermijnNihil)
		f.Selectielijstklasse.ProcestypeURL = "https://selectielijst.example/api/v1/procestypen/2"
		_, err := addResultaattype(t, resultaattypeGegevens("Geweigerd"), f)
		wantInvalid(t, err, "selectielijstklasse", CodeProcestypeMismatch)
	})
	t.Run("ErrSelectielijstklasseRequired", func(t *testing.T) {
		g := resultaattypeGegevens("Geweigerd")
		g.Selectielijstklasse = ""
		_, err := addResultaattype(t, g, selectielijst(ProcestermijnNihil))
		wantInvalid(t, err, "selectielijstklasse", "required")
	})
	t.Run("ErrUnresolved", func(t *testing.T) {
		_, err := addResultaattype(t, resultaattypeGegevens("Geweigerd"), ResultaattypeFeiten{})
		wantInvalid(t, err, "selectielijstklasse", CodeDoesNotExist)
	})
	t.Run("DerivesArchiefnominatieAndTermijn", func(t *testing.T) {
		got, err := addResultaattype(t, resultaattypeGegevens("Geweigerd"), selectielijst(ProcestermijnNihil))
		if err != nil {
			t.Fatal(err)
		}
		if got.Archiefnominatie != Vernietigen || got.Archiefactietermijn != "P10Y" || got.OmschrijvingGeneriek != "Verleend" {
			t.Fatalf("derived: %+v", got)
		}
	})
	t.Run("KeepsGivenValues", func(t *testing.T) {
		g := resultaattypeGegevens("Geweigerd")
		g.Archiefnominatie, g.Archiefactietermijn = BlijvendBewaren, "P20Y"
		got, err := addResultaattype(t, g, selectielijst(ProcestermijnNihil))
		if err != nil {
			t.Fatal(err)
		}
		if got.Archiefnominatie != BlijvendBewaren || got.Archiefactietermijn != "P20Y" {
			t.Fatalf("overwritten: %+v", got)
		}
	})
	t.Run("ErrBrondatumRequiredUnlessBlijvendBewaren", func(t *testing.T) {
		g := resultaattypeGegevens("Geweigerd")
		g.BrondatumArchiefprocedure = nil
		_, err := addResultaattype(t, g, selectielijst(""))
		wantInvalid(t, err, "brondatumArchiefprocedure", "required")
		g.Archiefnominatie = BlijvendBewaren
		if _, err := addResultaattype(t, g, selectielijst("")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrOmschrijvingUnique", func(t *testing.T) {
		_, err := addResultaattype(t, resultaattypeGegevens("Verleend"), selectielijst(ProcestermijnNihil))
		wantInvalid(t, err, nonField, "unique")
	})
	t.Run("ErrBesluittypeOfOtherCatalogus", func(t *testing.T) {
		g := resultaattypeGegevens("Geweigerd")
		g.Besluittypen = []string{"https://ztc.example/besluittypen/1"}
		f := selectielijst(ProcestermijnNihil)
		f.Besluittypen = Verwijzingen{g.Besluittypen[0]: {Catalogus: andereCat}}
		_, err := addResultaattype(t, g, f)
		wantInvalid(t, err, "besluittypen.0", CodeCatalogusMismatch)
	})
}

func TestResultaattype_ztc003(t *testing.T) {
	cases := []struct {
		name            string
		procestermijn   string
		afleidingswijze Afleidingswijze
		ok              bool
	}{
		{"NihilAfgehandeld", ProcestermijnNihil, Afgehandeld, true},
		{"ErrNihilTermijn", ProcestermijnNihil, Termijn, false},
		{"ErrNihilHoofdzaak", ProcestermijnNihil, Hoofdzaak, false},
		{"IngeschatteTermijn", ProcestermijnIngeschatteBestaansduurObject, Termijn, true},
		{"ErrIngeschatteAfgehandeld", ProcestermijnIngeschatteBestaansduurObject, Afgehandeld, false},
		{"ErrBestaansduurAfgehandeld", "bestaansduur_procesobject", Afgehandeld, false},
		{"BestaansduurHoofdzaak", "bestaansduur_procesobject", Hoofdzaak, true},
		{"GeenProcestermijnAfgehandeld", "", Afgehandeld, true},
		{"GeenProcestermijnTermijn", "", Termijn, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := resultaattypeGegevens("Geweigerd")
			g.BrondatumArchiefprocedure = &BrondatumArchiefprocedure{Afleidingswijze: tc.afleidingswijze}
			if tc.afleidingswijze == Termijn {
				g.BrondatumArchiefprocedure.Procestermijn = "P5Y"
			}
			_, err := addResultaattype(t, g, selectielijst(tc.procestermijn))
			if tc.ok {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantInvalid(t, err, "brondatumArchiefprocedure.afleidingswijze", CodeAfleidingswijze)
		})
	}
}

// brondatumCase runs one afleidingswijze with fields against ztc-004..008.
func brondatumCase(t *testing.T, b BrondatumArchiefprocedure, field, code string) {
	t.Helper()
	g := resultaattypeGegevens("Geweigerd")
	g.BrondatumArchiefprocedure = &b
	_, err := addResultaattype(t, g, selectielijst(""))
	if code == "" {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	wantInvalid(t, err, "brondatumArchiefprocedure."+field, code)
}

func TestResultaattype_ztc004(t *testing.T) {
	for _, a := range []Afleidingswijze{EigenschapAfleiding, ZaakobjectAfleiding, AnderDatumkenmerk} {
		t.Run("ErrRequiredFor_"+string(a), func(t *testing.T) {
			brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: a}, "datumkenmerk", "required")
		})
	}
	for _, a := range []Afleidingswijze{Afgehandeld, Hoofdzaak, GerelateerdeZaak, IngangsdatumBesluit, VervaldatumBesluit} {
		t.Run("ErrMustBeEmptyFor_"+string(a), func(t *testing.T) {
			brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: a, Datumkenmerk: "x"}, "datumkenmerk", CodeMustBeEmpty)
		})
	}
	t.Run("Eigenschap", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: EigenschapAfleiding, Datumkenmerk: "vervaldatum"}, "", "")
	})
}

func TestResultaattype_ztc005(t *testing.T) {
	for _, a := range []Afleidingswijze{Afgehandeld, Termijn} {
		t.Run("ErrMustBeEmptyFor_"+string(a), func(t *testing.T) {
			b := BrondatumArchiefprocedure{Afleidingswijze: a, EinddatumBekend: true}
			if a == Termijn {
				b.Procestermijn = "P5Y"
			}
			brondatumCase(t, b, "einddatumBekend", CodeMustBeEmpty)
		})
	}
	t.Run("AllowedForHoofdzaak", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: Hoofdzaak, EinddatumBekend: true}, "", "")
	})
}

func TestResultaattype_ztc006(t *testing.T) {
	t.Run("ErrRequiredForZaakobject", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: ZaakobjectAfleiding, Datumkenmerk: "d"}, "objecttype", "required")
	})
	t.Run("ErrMustBeEmptyForEigenschap", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: EigenschapAfleiding, Datumkenmerk: "d", Objecttype: "pand"}, "objecttype", CodeMustBeEmpty)
	})
	t.Run("ErrUnknownObjecttype", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: ZaakobjectAfleiding, Datumkenmerk: "d", Objecttype: "kasteel"}, "objecttype", "invalid_choice")
	})
	t.Run("Zaakobject", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: ZaakobjectAfleiding, Datumkenmerk: "d", Objecttype: "pand"}, "", "")
	})
}

func TestResultaattype_ztc007(t *testing.T) {
	t.Run("ErrRequiredForAnderDatumkenmerk", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: AnderDatumkenmerk, Datumkenmerk: "d", Objecttype: "pand"}, "registratie", "required")
	})
	t.Run("ErrMustBeEmptyForZaakobject", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: ZaakobjectAfleiding, Datumkenmerk: "d", Objecttype: "pand", Registratie: "BAG"}, "registratie", CodeMustBeEmpty)
	})
	t.Run("AnderDatumkenmerk", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: AnderDatumkenmerk, Datumkenmerk: "d", Objecttype: "pand", Registratie: "BAG"}, "", "")
	})
}

func TestResultaattype_ztc008(t *testing.T) {
	t.Run("ErrRequiredForTermijn", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: Termijn}, "procestermijn", "required")
	})
	t.Run("ErrMustBeEmptyForAfgehandeld", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: Afgehandeld, Procestermijn: "P1Y"}, "procestermijn", CodeMustBeEmpty)
	})
	t.Run("ErrNoDuration", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: Termijn, Procestermijn: "5 jaar"}, "procestermijn", "invalid")
	})
	t.Run("Termijn", func(t *testing.T) {
		brondatumCase(t, BrondatumArchiefprocedure{Afleidingswijze: Termijn, Procestermijn: "P5Y"}, "", "")
	})
}

func TestResultaattype_Update(t *testing.T) {
	z := given(concept(t)...)
	g, _ := z.Resultaattype("res-1")
	g.Toelichting = "bijgewerkt"
	g.BrondatumArchiefprocedure = nil
	// PATCH does not demand a brondatumArchiefprocedure (as in Open Zaak), PUT does.
	wantInvalid(t, errOf(z.UpdateResultaattype("res-1", g, selectielijst(""), ActieUpdate, false)), "brondatumArchiefprocedure", "required")
	events, err := z.UpdateResultaattype("res-1", g, selectielijst(""), ActiePartialUpdate, false)
	wantEvents(t, events, err, TypeResultaattypeGewijzigd)
	if got, _ := z.Resultaattype("res-1"); got.Toelichting != "bijgewerkt" {
		t.Fatal("update not applied")
	}
}
