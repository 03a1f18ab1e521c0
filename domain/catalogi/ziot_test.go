package catalogi

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

func ziot(volgnummer int) ZaaktypeInformatieobjecttypeGegevens {
	return ZaaktypeInformatieobjecttypeGegevens{Informatieobjecttype: "Aanvraag", Volgnummer: volgnummer, Richting: Inkomend}
}

func iotFeit(concept bool) Verwijzingen {
	return Verwijzingen{"Aanvraag": {Catalogus: cat, Concept: concept}}
}

func TestZaaktypeInformatieobjecttype_ztc010(t *testing.T) {
	cases := []struct {
		name                   string
		published, iotConcept  bool
		geforceerd             bool
		wantErr, wantCorrectie bool
	}{
		{"ConceptZaaktypeConceptIOT", false, true, false, false, false},
		{"ConceptZaaktypePublishedIOT", false, false, false, false, false},
		{"PublishedZaaktypeConceptIOT", true, true, false, false, false},
		{"ErrBothPublished", true, false, false, true, false},
		{"BothPublishedGeforceerd", true, false, true, false, true},
	}
	ops := map[string]func(z *Zaaktype, iot Verwijzingen, geforceerd bool) ([]domain.Event, error){
		"Add": func(z *Zaaktype, iot Verwijzingen, f bool) ([]domain.Event, error) {
			return z.AddZaaktypeInformatieobjecttype("ziot-2", ziot(2), iot, f)
		},
		"Update": func(z *Zaaktype, iot Verwijzingen, f bool) ([]domain.Event, error) {
			g := ziot(1)
			g.Richting = Uitgaand
			return z.UpdateZaaktypeInformatieobjecttype("ziot-1", g, iot, ActieUpdate, f)
		},
		"Delete": func(z *Zaaktype, iot Verwijzingen, f bool) ([]domain.Event, error) {
			return z.DeleteZaaktypeInformatieobjecttype("ziot-1", iot, f)
		},
	}
	for _, tc := range cases {
		for op, do := range ops {
			t.Run(tc.name+"/"+op, func(t *testing.T) {
				// given a zaaktype with relation ziot-1, published or not
				base := append(concept(t), ZaaktypeInformatieobjecttypeAangemaakt{
					Subtype: Subtype{UUID: "ziot-1", Zaaktype: ztUUID, Catalogus: cat}, ZaaktypeInformatieobjecttypeGegevens: ziot(1)})
				if tc.published {
					base = append(base, ZaaktypeGepubliceerd{UUID: ztUUID, ZaaktypeGegevens: zaaktypeGegevens()})
				}
				got, err := do(given(base...), iotFeit(tc.iotConcept), tc.geforceerd)
				if tc.wantErr {
					wantInvalid(t, err, nonField, CodeNonConceptRelation)
					return
				}
				if err != nil || len(got) != 1 {
					t.Fatalf("events %v, err %v", got, err)
				}
				if h := ziotHeader(got[0]); h.Correctie != tc.wantCorrectie {
					t.Fatalf("correctie = %v", h.Correctie)
				}
			})
		}
	}
}

func ziotHeader(e domain.Event) Subtype {
	switch e := e.(type) {
	case ZaaktypeInformatieobjecttypeAangemaakt:
		return e.Subtype
	case ZaaktypeInformatieobjecttypeGewijzigd:
		return e.Subtype
	case ZaaktypeInformatieobjecttypeVerwijderd:
		return e.Subtype
	}
	return Subtype{}
}

func TestZaaktypeInformatieobjecttype_Velden(t *testing.T) {
	z := given(concept(t)...)
	if _, err := z.AddZaaktypeInformatieobjecttype("ziot-1", ziot(1), iotFeit(true), false); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrVolgnummerUnique", func(t *testing.T) {
		wantInvalid(t, errOf(z.AddZaaktypeInformatieobjecttype("ziot-2", ziot(1), iotFeit(true), false)), nonField, "unique")
	})
	t.Run("ErrVolgnummerRange", func(t *testing.T) {
		wantInvalid(t, errOf(z.AddZaaktypeInformatieobjecttype("ziot-2", ziot(1000), iotFeit(true), false)), "volgnummer", "invalid")
	})
	t.Run("ErrRichting", func(t *testing.T) {
		g := ziot(2)
		g.Richting = "heen"
		wantInvalid(t, errOf(z.AddZaaktypeInformatieobjecttype("ziot-2", g, iotFeit(true), false)), "richting", "invalid_choice")
	})
	t.Run("ErrOtherCatalogus", func(t *testing.T) {
		f := Verwijzingen{"Aanvraag": {Catalogus: andereCat, Concept: true}}
		wantInvalid(t, errOf(z.AddZaaktypeInformatieobjecttype("ziot-2", ziot(2), f, false)), "informatieobjecttype", CodeCatalogusMismatch)
	})
	t.Run("ErrUnresolved", func(t *testing.T) {
		wantInvalid(t, errOf(z.AddZaaktypeInformatieobjecttype("ziot-2", ziot(2), nil, false)), "informatieobjecttype", CodeDoesNotExist)
	})
	t.Run("ErrStatustypeOfOtherZaaktype", func(t *testing.T) {
		g := ziot(2)
		g.Statustype = "elders"
		wantInvalid(t, errOf(z.AddZaaktypeInformatieobjecttype("ziot-2", g, iotFeit(true), false)), "statustype", CodeZaaktypeMismatch)
	})
	t.Run("StatustypeDeleteClearsReference", func(t *testing.T) {
		g := ziot(1)
		g.Statustype = "st-2"
		if _, err := z.UpdateZaaktypeInformatieobjecttype("ziot-1", g, iotFeit(true), ActieUpdate, false); err != nil {
			t.Fatal(err)
		}
		events, err := z.DeleteStatustype("st-2", false)
		wantEvents(t, events, err, TypeStatustypeVerwijderd, TypeZaaktypeInformatieobjecttypeGewijzigd)
		if r, _ := z.ZaaktypeInformatieobjecttype("ziot-1"); r.Statustype != "" {
			t.Fatal("reference survived")
		}
	})
}
