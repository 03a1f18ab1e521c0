package catalogi

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

const (
	iotUUID = "3b3b3b3b-0000-4000-8000-000000000001"
	btUUID  = "4c4c4c4c-0000-4000-8000-000000000001"
)

func iotGegevens() InformatieobjecttypeGegevens {
	return InformatieobjecttypeGegevens{Catalogus: cat, Omschrijving: "Aanvraag", Vertrouwelijkheidaanduiding: Intern,
		Informatieobjectcategorie: "aanvraag", BeginGeldigheid: MustDate("2024-01-01")}
}

func btGegevens() BesluittypeGegevens {
	return BesluittypeGegevens{Catalogus: cat, Omschrijving: "Besluit A", Informatieobjecttypen: []string{"Aanvraag"},
		Reactietermijn: "P6W", BeginGeldigheid: MustDate("2024-01-01")}
}

var iotVanCat = Verwijzingen{"Aanvraag": {Catalogus: cat, Concept: true}}

func TestInformatieobjecttype_Create(t *testing.T) {
	typ := NewInformatieobjecttype(iotUUID)
	events, err := typ.Create(iotGegevens())
	wantEvents(t, events, err, TypeInformatieobjecttypeAangemaakt)
	if !typ.IsConcept() || typ.Catalogus() != cat || typ.Omschrijving() != "Aanvraag" {
		t.Fatal("state not applied")
	}
	if _, err := typ.Create(iotGegevens()); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second create: %v", err)
	}
	g := iotGegevens()
	g.Vertrouwelijkheidaanduiding = "streng"
	g.OmschrijvingGeneriek = &InformatieobjecttypeOmschrijvingGeneriek{InformatieobjecttypeOmschrijvingGeneriek: "x"}
	codes := invalidCodes(t, errOf(NewInformatieobjecttype(iotUUID).Create(g)))
	for field, code := range map[string]string{
		"vertrouwelijkheidaanduiding":                                            "invalid_choice",
		"omschrijvingGeneriek.definitieInformatieobjecttypeOmschrijvingGeneriek": "required",
	} {
		if codes[field] != code {
			t.Errorf("%s = %q (all %v)", field, codes[field], codes)
		}
	}
}

func TestInformatieobjecttype_ztc009(t *testing.T) {
	gepubliceerd := func(t *testing.T) *Informatieobjecttype {
		typ := NewInformatieobjecttype(iotUUID)
		typ.Apply(InformatieobjecttypeAangemaakt{UUID: iotUUID, InformatieobjecttypeGegevens: iotGegevens(), Concept: true})
		typ.Apply(InformatieobjecttypeGepubliceerd{UUID: iotUUID, InformatieobjecttypeGegevens: iotGegevens()})
		return typ
	}
	t.Run("ErrUpdate", func(t *testing.T) {
		g := iotGegevens()
		g.Informatieobjectcategorie = "anders"
		wantInvalid(t, errOf(gepubliceerd(t).Update(g, ActiePartialUpdate, false)), nonField, CodeNonConceptObject)
	})
	t.Run("PatchEindeGeldigheid", func(t *testing.T) {
		g := iotGegevens()
		g.EindeGeldigheid = MustDate("2030-01-01")
		events, err := gepubliceerd(t).Update(g, ActiePartialUpdate, false)
		wantEvents(t, events, err, TypeInformatieobjecttypeGewijzigd)
	})
	t.Run("Correctie", func(t *testing.T) {
		g := iotGegevens()
		g.Trefwoord = []string{"extra"}
		events, err := gepubliceerd(t).Update(g, ActieUpdate, true)
		wantEvents(t, events, err, TypeInformatieobjecttypeGewijzigd)
		if !events[0].(InformatieobjecttypeGewijzigd).Correctie {
			t.Fatal("not marked as correctie")
		}
	})
	t.Run("ErrCorrectieOmschrijving", func(t *testing.T) {
		g := iotGegevens()
		g.Omschrijving = "Bijlage"
		wantInvalid(t, errOf(gepubliceerd(t).Update(g, ActieUpdate, true)), "omschrijving", CodeWijzigenNietToegelaten)
	})
	t.Run("ErrDelete", func(t *testing.T) {
		wantInvalid(t, errOf(gepubliceerd(t).Delete(false)), nonField, CodeNonConceptObject)
	})
	t.Run("DeleteGeforceerd", func(t *testing.T) {
		typ := gepubliceerd(t)
		events, err := typ.Delete(true)
		wantEvents(t, events, err, TypeInformatieobjecttypeVerwijderd)
		if typ.Exists() {
			t.Fatal("still exists")
		}
	})
	t.Run("PublishAndBeeindig", func(t *testing.T) {
		typ := NewInformatieobjecttype(iotUUID)
		typ.Apply(InformatieobjecttypeAangemaakt{UUID: iotUUID, InformatieobjecttypeGegevens: iotGegevens(), Concept: true})
		events, err := typ.Publish()
		wantEvents(t, events, err, TypeInformatieobjecttypeGepubliceerd)
		again, err := typ.Publish()
		wantEvents(t, again, err)
		events, err = typ.Beeindig(MustDate("2024-12-31"))
		wantEvents(t, events, err, TypeInformatieobjecttypeBeeindigd)
		if typ.Periode().Einde != MustDate("2024-12-31") || typ.IsConcept() {
			t.Fatalf("state %+v", typ.Periode())
		}
	})
}

func TestBesluittype_ztc009(t *testing.T) {
	typ := NewBesluittype(btUUID)
	events, err := typ.Create(btGegevens(), iotVanCat)
	wantEvents(t, events, err, TypeBesluittypeAangemaakt)
	g := btGegevens()
	g.Toelichting = "concept mag"
	events, err = typ.Update(g, iotVanCat, ActieUpdate, false)
	wantEvents(t, events, err, TypeBesluittypeGewijzigd)
	events, err = typ.Publish()
	wantEvents(t, events, err, TypeBesluittypeGepubliceerd)
	g.Toelichting = "gepubliceerd niet"
	wantInvalid(t, errOf(typ.Update(g, iotVanCat, ActieUpdate, false)), nonField, CodeNonConceptObject)
	wantInvalid(t, errOf(typ.Delete(false)), nonField, CodeNonConceptObject)
	events, err = typ.Beeindig(MustDate("2025-01-31"))
	wantEvents(t, events, err, TypeBesluittypeBeeindigd)
	wantInvalid(t, errOf(typ.Beeindig(MustDate("2023-01-31"))), "eindeGeldigheid", CodeDateMismatch)
	events, err = typ.Delete(true)
	wantEvents(t, events, err, TypeBesluittypeVerwijderd)
	if e := events[0].(BesluittypeVerwijderd); !e.Correctie || e.Omschrijving != "Besluit A" || e.Catalogus != cat {
		t.Fatalf("event = %+v", e)
	}
}

func TestBesluittype_Velden(t *testing.T) {
	g := btGegevens()
	g.Reactietermijn = "zes weken"
	g.EindeGeldigheid = MustDate("2023-01-01")
	codes := invalidCodes(t, errOf(NewBesluittype(btUUID).Create(g, Verwijzingen{"Aanvraag": {Catalogus: andereCat}})))
	for field, code := range map[string]string{
		"reactietermijn": "invalid", "eindeGeldigheid": CodeDateMismatch, "informatieobjecttypen.0": CodeCatalogusMismatch,
	} {
		if codes[field] != code {
			t.Errorf("%s = %q (all %v)", field, codes[field], codes)
		}
	}
}

func TestCatalogus_Create(t *testing.T) {
	g := CatalogusGegevens{Domein: "ABC", Rsin: "123456782", ContactpersoonBeheerNaam: "Beheer", ContactpersoonBeheerEmailadres: "beheer@gemeente.nl"}
	c := NewCatalogus(cat)
	events, err := c.Create(g)
	wantEvents(t, events, err, TypeCatalogusAangemaakt)
	if !c.Exists() || c.Gegevens().Domein != "ABC" {
		t.Fatal("state not applied")
	}
	if _, err := c.Create(g); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second create: %v", err)
	}
	bad := CatalogusGegevens{Domein: "ABCDEF", Rsin: "123456789", ContactpersoonBeheerEmailadres: "Beheer <b@x.nl>"}
	codes := invalidCodes(t, bad.Validate())
	for field, code := range map[string]string{
		"domein": "max_length", "rsin": "invalid", "contactpersoonBeheerNaam": "required", "contactpersoonBeheerEmailadres": "invalid",
	} {
		if codes[field] != code {
			t.Errorf("%s = %q (all %v)", field, codes[field], codes)
		}
	}
}

func TestCheckRSIN(t *testing.T) {
	for rsin, want := range map[string]string{
		"123456782": "", "002564440": "", "000000000": "",
		"123456789": "invalid", "12345678": "invalid-length", "12345678a": "only-digits", "1234567820": "invalid-length",
	} {
		if got, _ := CheckRSIN(rsin); got != want {
			t.Errorf("CheckRSIN(%q) = %q, want %q", rsin, got, want)
		}
	}
}
