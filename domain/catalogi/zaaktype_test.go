package catalogi

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

func TestZaaktype_Create(t *testing.T) {
	z := NewZaaktype(ztUUID)
	events, err := create(z)
	wantEvents(t, events, err, TypeZaaktypeAangemaakt)
	e := events[0].(ZaaktypeAangemaakt)
	if !e.Concept || e.Catalogus != cat || e.UUID != ztUUID {
		t.Fatalf("event = %+v", e)
	}
	if !z.IsConcept() || z.Catalogus() != cat || z.Identificatie() != "ZT-1" || z.BeginGeldigheid() != MustDate("2024-01-01") {
		t.Fatal("state not applied")
	}
	data, _ := json.Marshal(e)
	for _, want := range []string{`"trefwoorden":[]`, `"eindeGeldigheid":null`, `"beginGeldigheid":"2024-01-01"`, `"catalogus":"` + cat} {
		if !strings.Contains(string(data), want) {
			t.Errorf("event JSON lacks %s: %s", want, data)
		}
	}
	if _, err := create(z); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second create: %v", err)
	}
}

func TestZaaktype_Velden(t *testing.T) {
	cases := map[string]struct {
		change      func(g *ZaaktypeGegevens)
		field, code string
	}{
		"IdentificatieRequired":   {func(g *ZaaktypeGegevens) { g.Identificatie = "" }, "identificatie", "required"},
		"IdentificatieTooLong":    {func(g *ZaaktypeGegevens) { g.Identificatie = strings.Repeat("x", 51) }, "identificatie", "max_length"},
		"Vertrouwelijkheid":       {func(g *ZaaktypeGegevens) { g.Vertrouwelijkheidaanduiding = "topgeheim" }, "vertrouwelijkheidaanduiding", "invalid_choice"},
		"IndicatieInternOfExtern": {func(g *ZaaktypeGegevens) { g.IndicatieInternOfExtern = "beide" }, "indicatieInternOfExtern", "invalid_choice"},
		"DoorlooptijdRequired":    {func(g *ZaaktypeGegevens) { g.Doorlooptijd = "" }, "doorlooptijd", "required"},
		"DoorlooptijdNoDuration":  {func(g *ZaaktypeGegevens) { g.Doorlooptijd = "30 dagen" }, "doorlooptijd", "invalid"},
		"ServicenormNoDuration":   {func(g *ZaaktypeGegevens) { g.Servicenorm = "P1H" }, "servicenorm", "invalid"},
		"VerlengingZonderTermijn": {func(g *ZaaktypeGegevens) { g.VerlengingMogelijk = true }, nonField, CodeVerlengingMismatch},
		"ReferentieprocesNaam":    {func(g *ZaaktypeGegevens) { g.Referentieproces.Naam = "" }, "referentieproces.naam", "required"},
		"ReferentieprocesLink":    {func(g *ZaaktypeGegevens) { g.Referentieproces.Link = "geen url" }, "referentieproces.link", "invalid"},
		"ProcestypeNoURL":         {func(g *ZaaktypeGegevens) { g.SelectielijstProcestype = "procestype-1" }, "selectielijstProcestype", "invalid"},
		"ProductNoURL":            {func(g *ZaaktypeGegevens) { g.ProductenOfDiensten = []string{"x"} }, "productenOfDiensten.0", "invalid"},
		"TrefwoordTooLong":        {func(g *ZaaktypeGegevens) { g.Trefwoorden = []string{strings.Repeat("t", 31)} }, "trefwoorden.0", "max_length"},
		"VersiedatumRequired":     {func(g *ZaaktypeGegevens) { g.Versiedatum = Date{} }, "versiedatum", "required"},
		"BeginGeldigheidRequired": {func(g *ZaaktypeGegevens) { g.BeginGeldigheid = Date{} }, "beginGeldigheid", "required"},
		"EindeVoorBegin":          {func(g *ZaaktypeGegevens) { g.EindeGeldigheid = MustDate("2023-12-31") }, "eindeGeldigheid", CodeDateMismatch},
		"BroncatalogusZonderZaaktype": {func(g *ZaaktypeGegevens) {
			g.Broncatalogus = &Broncatalogus{URL: "https://ztc.example/catalogussen/1", Domein: "ABC", Rsin: "123456782"}
		}, nonField, CodeBronzaaktype},
		"AardRelatie": {func(g *ZaaktypeGegevens) {
			g.GerelateerdeZaaktypen = []ZaaktypenRelatie{{Zaaktype: "ZT-2", AardRelatie: "familie"}}
		}, "gerelateerdeZaaktypen.0.aardRelatie", "invalid_choice"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			g := zaaktypeGegevens()
			tc.change(&g)
			_, err := NewZaaktype(ztUUID).Create(g, zaaktypeFeiten())
			wantInvalid(t, err, tc.field, tc.code)
		})
	}
	t.Run("AllFaultsAtOnce", func(t *testing.T) {
		_, err := NewZaaktype(ztUUID).Create(ZaaktypeGegevens{}, ZaaktypeFeiten{})
		if n := len(invalidCodes(t, err)); n < 15 {
			t.Fatalf("only %d faults reported", n)
		}
	})
}

func TestZaaktype_ztc013(t *testing.T) {
	g := zaaktypeGegevens()
	g.Besluittypen = []string{"Besluit A", "Besluit B", "Besluit C"}
	g.Deelzaaktypen = []string{"ZT-9"}
	f := ZaaktypeFeiten{
		Besluittypen:  Verwijzingen{"Besluit A": {Catalogus: cat}, "Besluit B": {Catalogus: andereCat}},
		Deelzaaktypen: Verwijzingen{"ZT-9": {Catalogus: andereCat}},
	}
	codes := invalidCodes(t, errOf(NewZaaktype(ztUUID).Create(g, f)))
	for field, code := range map[string]string{
		"besluittypen.1": CodeCatalogusMismatch, "besluittypen.2": CodeDoesNotExist, "deelzaaktypen.0": CodeCatalogusMismatch,
	} {
		if codes[field] != code {
			t.Errorf("%s = %q, want %q (all: %v)", field, codes[field], code, codes)
		}
	}
	if _, ok := codes["besluittypen.0"]; ok {
		t.Error("a besluittype of the same catalogus was refused")
	}
}

func errOf(_ []domain.Event, err error) error { return err }

func TestZaaktype_ztc009(t *testing.T) {
	patchEinde := func(z *Zaaktype, actie string) ([]domain.Event, error) {
		g := z.Gegevens()
		g.EindeGeldigheid = MustDate("2030-12-31")
		return z.Update(g, zaaktypeFeiten(), actie, false)
	}
	t.Run("UpdateConcept", func(t *testing.T) {
		z := given(concept(t)...)
		g := z.Gegevens()
		g.Omschrijving = "Nieuw"
		events, err := z.Update(g, zaaktypeFeiten(), ActieUpdate, false)
		wantEvents(t, events, err, TypeZaaktypeGewijzigd)
		if e := events[0].(ZaaktypeGewijzigd); e.Omschrijving != "Nieuw" || e.Correctie || !e.Concept || e.Actie != ActieUpdate {
			t.Fatalf("event = %+v", e)
		}
	})
	t.Run("ErrUpdatePublished", func(t *testing.T) {
		z := given(published(t)...)
		g := z.Gegevens()
		g.Omschrijving = "Nieuw"
		wantInvalid(t, errOf(z.Update(g, zaaktypeFeiten(), ActiePartialUpdate, false)), nonField, CodeNonConceptObject)
	})
	t.Run("PatchOnlyEindeGeldigheid", func(t *testing.T) {
		z := given(published(t)...)
		events, err := patchEinde(z, ActiePartialUpdate)
		wantEvents(t, events, err, TypeZaaktypeGewijzigd)
		if z.EindeGeldigheid() != MustDate("2030-12-31") || z.IsConcept() {
			t.Fatalf("state: einde %s concept %v", z.EindeGeldigheid(), z.IsConcept())
		}
	})
	t.Run("ErrPutOnlyEindeGeldigheid", func(t *testing.T) {
		wantInvalid(t, errOf(patchEinde(given(published(t)...), ActieUpdate)), nonField, CodeNonConceptObject)
	})
	t.Run("CorrectieGeforceerd", func(t *testing.T) {
		z := given(published(t)...)
		g := z.Gegevens()
		g.Trefwoorden = append(g.Trefwoorden, "extra")
		events, err := z.Update(g, zaaktypeFeiten(), ActieUpdate, true)
		wantEvents(t, events, err, TypeZaaktypeGewijzigd)
		if e := events[0].(ZaaktypeGewijzigd); !e.Correctie || e.Concept {
			t.Fatalf("event = %+v", e)
		}
	})
	t.Run("ErrCorrectieIdentificatie", func(t *testing.T) {
		z := given(published(t)...)
		g := z.Gegevens()
		g.Identificatie = "ZT-2"
		wantInvalid(t, errOf(z.Update(g, zaaktypeFeiten(), ActieUpdate, true)), "identificatie", CodeWijzigenNietToegelaten)
	})
	t.Run("ErrCatalogus", func(t *testing.T) {
		z := given(concept(t)...)
		g := z.Gegevens()
		g.Catalogus = andereCat
		wantInvalid(t, errOf(z.Update(g, zaaktypeFeiten(), ActieUpdate, false)), "catalogus", CodeWijzigenNietToegelaten)
	})
	t.Run("DeleteConcept", func(t *testing.T) {
		z := given(concept(t)...)
		events, err := z.Delete(false)
		wantEvents(t, events, err, TypeZaaktypeVerwijderd)
		if z.Exists() {
			t.Fatal("still exists")
		}
		if _, ok := z.Statustype("st-1"); ok {
			t.Fatal("sub-types survived the delete")
		}
	})
	t.Run("ErrDeletePublished", func(t *testing.T) {
		wantInvalid(t, errOf(given(published(t)...).Delete(false)), nonField, CodeNonConceptObject)
	})
	t.Run("DeletePublishedGeforceerd", func(t *testing.T) {
		events, err := given(published(t)...).Delete(true)
		wantEvents(t, events, err, TypeZaaktypeVerwijderd)
		if e := events[0].(ZaaktypeVerwijderd); !e.Correctie || e.Identificatie != "ZT-1" || e.Catalogus != cat {
			t.Fatalf("event = %+v", e)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		z := NewZaaktype(ztUUID)
		for _, err := range []error{
			errOf(z.Update(zaaktypeGegevens(), zaaktypeFeiten(), ActieUpdate, false)),
			errOf(z.Delete(true)), errOf(publish(z)), errOf(z.Beeindig(MustDate("2030-01-01"))),
		} {
			if !errors.Is(err, domain.ErrNotFound) {
				t.Fatalf("want not found, got %v", err)
			}
		}
	})
}

func TestZaaktype_ztc012(t *testing.T) {
	t.Run("ErrConceptBesluittype", func(t *testing.T) {
		z := given(concept(t)...)
		_, err := z.Publish(PublicatieFeiten{Besluittypen: Verwijzingen{"Besluit A": {Catalogus: cat, Concept: true}}})
		wantInvalid(t, err, nonField, CodeConceptRelation)
	})
	t.Run("ErrUnresolvedBesluittype", func(t *testing.T) {
		wantInvalid(t, errOf(given(concept(t)...).Publish(PublicatieFeiten{})), nonField, CodeConceptRelation)
	})
	t.Run("ErrConceptInformatieobjecttype", func(t *testing.T) {
		events := append(concept(t), ZaaktypeInformatieobjecttypeAangemaakt{
			Subtype:                              Subtype{UUID: "ziot-1", Zaaktype: ztUUID, Catalogus: cat},
			ZaaktypeInformatieobjecttypeGegevens: ZaaktypeInformatieobjecttypeGegevens{Informatieobjecttype: "Aanvraag", Volgnummer: 1, Richting: Inkomend},
		})
		z := given(events...)
		if _, iot := z.Relaties(); len(iot) != 1 || iot[0] != "Aanvraag" {
			t.Fatalf("Relaties = %v", iot)
		}
		_, err := z.Publish(PublicatieFeiten{
			Besluittypen:          Verwijzingen{"Besluit A": {Catalogus: cat}},
			Informatieobjecttypen: Verwijzingen{"Aanvraag": {Catalogus: cat, Concept: true}},
		})
		wantInvalid(t, err, nonField, CodeConceptRelation)
	})
	t.Run("ErrIncomplete", func(t *testing.T) {
		codes := invalidCodes(t, errOf(publish(given(history(t, create, addStatus("st-1", 1))...))))
		for _, f := range []string{"roltypen", "resultaattypen", "statustypen"} {
			if codes[f] != CodeConceptRelation {
				t.Errorf("%s: %q", f, codes[f])
			}
		}
	})
	t.Run("Publish", func(t *testing.T) {
		z := given(concept(t)...)
		events, err := publish(z)
		wantEvents(t, events, err, TypeZaaktypeGepubliceerd)
		if z.IsConcept() || events[0].(ZaaktypeGepubliceerd).Concept {
			t.Fatal("still a concept")
		}
		again, err := publish(z)
		wantEvents(t, again, err)
	})
}

func TestZaaktype_Beeindig(t *testing.T) {
	z := given(published(t)...)
	events, err := z.Beeindig(MustDate("2025-06-30"))
	wantEvents(t, events, err, TypeZaaktypeBeeindigd)
	if e := events[0].(ZaaktypeBeeindigd); e.EindeGeldigheid != MustDate("2025-06-30") || e.Omschrijving != "Vergunning" {
		t.Fatalf("event = %+v", e)
	}
	again, err := z.Beeindig(MustDate("2025-06-30"))
	wantEvents(t, again, err)
	wantInvalid(t, errOf(z.Beeindig(MustDate("2023-01-01"))), "eindeGeldigheid", CodeDateMismatch)
}
