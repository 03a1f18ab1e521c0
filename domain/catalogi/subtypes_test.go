package catalogi

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

// subtypeOps are create, update and delete of one existing and one new
// sub-type of each kind, as the ztc-010 table runs them.
var subtypeOps = map[string]func(z *Zaaktype, geforceerd bool) ([]domain.Event, error){
	"AddStatustype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.AddStatustype("st-3", StatustypeGegevens{Omschrijving: "Extra", Volgnummer: 3}, f)
	},
	"UpdateStatustype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.UpdateStatustype("st-1", StatustypeGegevens{Omschrijving: "Anders", Volgnummer: 1}, ActieUpdate, f)
	},
	"DeleteStatustype": func(z *Zaaktype, f bool) ([]domain.Event, error) { return z.DeleteStatustype("st-1", f) },
	"AddRoltype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.AddRoltype("rol-2", RoltypeGegevens{Omschrijving: "Behandelaar", OmschrijvingGeneriek: Behandelaar}, f)
	},
	"UpdateRoltype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.UpdateRoltype("rol-1", RoltypeGegevens{Omschrijving: "Indiener", OmschrijvingGeneriek: Initiator}, ActiePartialUpdate, f)
	},
	"DeleteRoltype": func(z *Zaaktype, f bool) ([]domain.Event, error) { return z.DeleteRoltype("rol-1", f) },
	"AddResultaattype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.AddResultaattype("res-2", resultaattypeGegevens("Geweigerd"), selectielijst(""), f)
	},
	"UpdateResultaattype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.UpdateResultaattype("res-1", resultaattypeGegevens("Toegekend"), selectielijst(""), ActieUpdate, f)
	},
	"DeleteResultaattype": func(z *Zaaktype, f bool) ([]domain.Event, error) { return z.DeleteResultaattype("res-1", f) },
	"AddEigenschap": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.AddEigenschap("eig-1", eigenschap("kenteken"), f)
	},
	"AddZaakobjecttype": func(z *Zaaktype, f bool) ([]domain.Event, error) {
		return z.AddZaakobjecttype("zot-1", zaakobjecttype(), f)
	},
}

func eigenschap(naam string) EigenschapGegevens {
	return EigenschapGegevens{Naam: naam, Definitie: "def", Specificatie: EigenschapSpecificatie{Formaat: Tekst, Lengte: "10", Kardinaliteit: "1"}}
}

func zaakobjecttype() ZaakobjecttypeGegevens {
	return ZaakobjecttypeGegevens{Objecttype: "https://objecttypen.example/api/v2/objecttypes/1", RelatieOmschrijving: "betreft"}
}

func TestZaaktype_ztc010(t *testing.T) {
	for name, op := range subtypeOps {
		t.Run(name+"/Concept", func(t *testing.T) {
			events, err := op(given(concept(t)...), false)
			if err != nil || len(events) == 0 {
				t.Fatalf("events %v, err %v", events, err)
			}
		})
		t.Run(name+"/ErrPublished", func(t *testing.T) {
			wantInvalid(t, errOf(op(given(published(t)...), false)), nonField, CodeNonConceptZaaktype)
		})
		t.Run(name+"/CorrectieGeforceerd", func(t *testing.T) {
			events, err := op(given(published(t)...), true)
			if err != nil || len(events) == 0 {
				t.Fatalf("events %v, err %v", events, err)
			}
			if h := subtypeOf(events[0]); !h.Correctie || h.Zaaktype != ztUUID || h.Catalogus != cat {
				t.Fatalf("header = %+v", h)
			}
		})
	}
	t.Run("ErrZaaktypeNotFound", func(t *testing.T) {
		_, err := subtypeOps["AddRoltype"](NewZaaktype(ztUUID), false)
		if !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("ErrSubtypeNotFound", func(t *testing.T) {
		_, err := given(concept(t)...).DeleteRoltype("onbekend", false)
		if !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("got %v", err)
		}
	})
}

// subtypeOf returns the Subtype header of a sub-type event.
func subtypeOf(e domain.Event) Subtype {
	switch e := e.(type) {
	case StatustypeAangemaakt:
		return e.Subtype
	case StatustypeGewijzigd:
		return e.Subtype
	case StatustypeVerwijderd:
		return e.Subtype
	case RoltypeAangemaakt:
		return e.Subtype
	case RoltypeGewijzigd:
		return e.Subtype
	case RoltypeVerwijderd:
		return e.Subtype
	case ResultaattypeAangemaakt:
		return e.Subtype
	case ResultaattypeGewijzigd:
		return e.Subtype
	case ResultaattypeVerwijderd:
		return e.Subtype
	case EigenschapAangemaakt:
		return e.Subtype
	case ZaakobjecttypeAangemaakt:
		return e.Subtype
	}
	return Subtype{}
}

func TestStatustype_Volgnummer(t *testing.T) {
	z := given(concept(t)...)
	t.Run("ErrUnique", func(t *testing.T) {
		wantInvalid(t, errOf(z.AddStatustype("st-3", StatustypeGegevens{Omschrijving: "Dubbel", Volgnummer: 2}, false)), nonField, "unique")
	})
	t.Run("UpdateKeepsOwnVolgnummer", func(t *testing.T) {
		_, err := z.UpdateStatustype("st-2", StatustypeGegevens{Omschrijving: "Afgerond", Volgnummer: 2}, ActieUpdate, false)
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrRange", func(t *testing.T) {
		wantInvalid(t, errOf(z.AddStatustype("st-3", StatustypeGegevens{Omschrijving: "Nul"}, false)), "volgnummer", "invalid")
	})
	t.Run("ErrChecklistitem", func(t *testing.T) {
		g := StatustypeGegevens{Omschrijving: "Check", Volgnummer: 5, ChecklistitemStatustype: []CheckListItem{{Itemnaam: "x"}}}
		wantInvalid(t, errOf(z.AddStatustype("st-3", g, false)), "checklistitemStatustype.0.vraagstelling", "required")
	})
	t.Run("ErrEigenschapOfOtherZaaktype", func(t *testing.T) {
		g := StatustypeGegevens{Omschrijving: "Eig", Volgnummer: 6, Eigenschappen: []string{"elders"}}
		wantInvalid(t, errOf(z.AddStatustype("st-3", g, false)), "eigenschappen.0", CodeZaaktypeMismatch)
	})
}

func TestStatustype_IsEindstatus(t *testing.T) {
	z := given(concept(t)...)
	if !z.IsEindstatus("st-2") || z.IsEindstatus("st-1") || z.Eindstatus() != "st-2" {
		t.Fatalf("eindstatus = %q", z.Eindstatus())
	}
	events, err := z.AddStatustype("st-9", StatustypeGegevens{Omschrijving: "Archief", Volgnummer: 9}, false)
	wantEvents(t, events, err, TypeStatustypeAangemaakt)
	if e := events[0].(StatustypeAangemaakt); e.Eindstatus != "st-9" || !z.IsEindstatus("st-9") {
		t.Fatalf("eindstatus in event %q, state %q", e.Eindstatus, z.Eindstatus())
	}
	events, err = z.DeleteStatustype("st-9", false)
	wantEvents(t, events, err, TypeStatustypeVerwijderd)
	if e := events[0].(StatustypeVerwijderd); e.Eindstatus != "st-2" || !z.IsEindstatus("st-2") {
		t.Fatalf("eindstatus after delete: event %q, state %q", e.Eindstatus, z.Eindstatus())
	}
	if got := z.Statustypen(); len(got) != 2 || got[0] != "st-1" {
		t.Fatalf("Statustypen = %v", got)
	}
}

func TestStatustype_DeleteCascades(t *testing.T) {
	z := given(concept(t)...)
	g := eigenschap("datum")
	g.Statustype = "st-1"
	if _, err := z.AddEigenschap("eig-1", g, false); err != nil {
		t.Fatal(err)
	}
	st, _ := z.Statustype("st-2")
	st.Eigenschappen = []string{"eig-1"}
	if _, err := z.UpdateStatustype("st-2", st, ActieUpdate, false); err != nil {
		t.Fatal(err)
	}
	events, err := z.DeleteStatustype("st-1", false)
	wantEvents(t, events, err, TypeStatustypeVerwijderd, TypeEigenschapGewijzigd)
	if e, _ := z.Eigenschap("eig-1"); e.Statustype != "" {
		t.Fatal("eigenschap still points at the deleted statustype")
	}
	events, err = z.DeleteEigenschap("eig-1", false)
	wantEvents(t, events, err, TypeEigenschapVerwijderd, TypeStatustypeGewijzigd)
	if s, _ := z.Statustype("st-2"); len(s.Eigenschappen) != 0 {
		t.Fatalf("statustype still requires the deleted eigenschap: %v", s.Eigenschappen)
	}
}

func TestRoltype_OmschrijvingGeneriek(t *testing.T) {
	z := given(concept(t)...)
	_, err := z.AddRoltype("rol-2", RoltypeGegevens{Omschrijving: "X", OmschrijvingGeneriek: "toeschouwer"}, false)
	wantInvalid(t, err, "omschrijvingGeneriek", "invalid_choice")
	_, err = z.AddRoltype("rol-2", RoltypeGegevens{}, false)
	codes := invalidCodes(t, err)
	if codes["omschrijving"] != "required" || codes["omschrijvingGeneriek"] != "required" {
		t.Fatalf("codes = %v", codes)
	}
	events, err := z.AddRoltype("rol-2", RoltypeGegevens{Omschrijving: "Mede", OmschrijvingGeneriek: MedeInitiator}, false)
	wantEvents(t, events, err, TypeRoltypeAangemaakt)
	if r, _ := z.Roltype("rol-2"); r.BeginGeldigheid != z.BeginGeldigheid() {
		t.Fatalf("beginGeldigheid %s not defaulted to the zaaktype's", r.BeginGeldigheid)
	}
}

func TestZaakobjecttype_Velden(t *testing.T) {
	z := given(concept(t)...)
	codes := invalidCodes(t, errOf(z.AddZaakobjecttype("zot-1", ZaakobjecttypeGegevens{Objecttype: "geen-url"}, false)))
	if codes["objecttype"] != "invalid" || codes["relatieOmschrijving"] != "required" {
		t.Fatalf("codes = %v", codes)
	}
	g := zaakobjecttype()
	g.BeginGeldigheid, g.EindeGeldigheid = MustDate("2024-02-01"), MustDate("2024-01-01")
	wantInvalid(t, errOf(z.AddZaakobjecttype("zot-1", g, false)), "eindeGeldigheid", CodeDateMismatch)
	events, err := z.AddZaakobjecttype("zot-1", zaakobjecttype(), false)
	wantEvents(t, events, err, TypeZaakobjecttypeAangemaakt)
	events, err = z.UpdateZaakobjecttype("zot-1", ZaakobjecttypeGegevens{AnderObjecttype: true, Objecttype: zaakobjecttype().Objecttype, RelatieOmschrijving: "x"}, ActieUpdate, false)
	wantEvents(t, events, err, TypeZaakobjecttypeGewijzigd)
	if g, ok := z.Zaakobjecttype("zot-1"); !ok || !g.AnderObjecttype {
		t.Fatal("update not applied")
	}
	events, err = z.DeleteZaakobjecttype("zot-1", false)
	wantEvents(t, events, err, TypeZaakobjecttypeVerwijderd)
}
