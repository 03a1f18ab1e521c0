package zaken

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

const (
	contactmoment = "https://klantinteractie.example/api/v1/contactmomenten/1"
	verzoek       = "https://klantinteractie.example/api/v1/verzoeken/1"
)

func TestZaak_AddZaakContactMoment(t *testing.T) {
	z := aangemaakt(t)
	events, err := z.AddZaakContactMoment("cm1", ZaakContactMomentGegevens{Contactmoment: contactmoment}, Bevoegdheden{})
	wantEvents(t, events, err, TypeZaakContactMomentAangemaakt)
	if e := events[0].(ZaakContactMomentAangemaakt); e.Zaak != zaakUUID || e.UUID != "cm1" ||
		e.Gegevens.Contactmoment != contactmoment || e.Kanaal.Zaaktype != zaaktype {
		t.Fatalf("event = %+v", e)
	}
	t.Run("ErrRequired", func(t *testing.T) {
		_, err := z.AddZaakContactMoment("cm2", ZaakContactMomentGegevens{}, Bevoegdheden{})
		wantInvalid(t, err, "contactmoment", "required")
	})
	t.Run("ErrNoURL", func(t *testing.T) {
		_, err := z.AddZaakContactMoment("cm2", ZaakContactMomentGegevens{Contactmoment: "contactmomenten/1"}, Bevoegdheden{})
		wantInvalid(t, err, "contactmoment", "invalid")
	})
	t.Run("ErrMaxLength", func(t *testing.T) {
		long := "https://k.example/" + strings.Repeat("x", 1000)
		_, err := z.AddZaakContactMoment("cm2", ZaakContactMomentGegevens{Contactmoment: long}, Bevoegdheden{})
		wantInvalid(t, err, "contactmoment", "max_length")
	})
	t.Run("ErrUnique", func(t *testing.T) {
		_, err := z.AddZaakContactMoment("cm2", ZaakContactMomentGegevens{Contactmoment: contactmoment}, Bevoegdheden{})
		wantInvalid(t, err, nonField, "unique")
	})
	t.Run("ErrDuplicateUUID", func(t *testing.T) {
		_, err := z.AddZaakContactMoment("cm1", ZaakContactMomentGegevens{Contactmoment: contactmoment + "0"}, Bevoegdheden{})
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("want conflict, got %v", err)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		events, err := z.DeleteZaakContactMoment("cm1", Bevoegdheden{})
		wantEvents(t, events, err, TypeZaakContactMomentVerwijderd)
		if events[0].(ZaakContactMomentVerwijderd).Gegevens.Contactmoment != contactmoment {
			t.Fatalf("event = %+v", events[0])
		}
		if _, err := z.DeleteZaakContactMoment("cm1", Bevoegdheden{}); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("second delete: %v", err)
		}
		// Deleted, the contactmoment may be linked again.
		must(t)(z.AddZaakContactMoment("cm2", ZaakContactMomentGegevens{Contactmoment: contactmoment}, Bevoegdheden{}))
	})
}

func TestZaak_AddZaakVerzoek(t *testing.T) {
	z := aangemaakt(t)
	events, err := z.AddZaakVerzoek("v1", ZaakVerzoekGegevens{Verzoek: verzoek}, Bevoegdheden{})
	wantEvents(t, events, err, TypeZaakVerzoekAangemaakt)
	if e := events[0].(ZaakVerzoekAangemaakt); e.Zaak != zaakUUID || e.UUID != "v1" || e.Gegevens.Verzoek != verzoek {
		t.Fatalf("event = %+v", e)
	}
	t.Run("ErrRequired", func(t *testing.T) {
		_, err := z.AddZaakVerzoek("v2", ZaakVerzoekGegevens{}, Bevoegdheden{})
		wantInvalid(t, err, "verzoek", "required")
	})
	t.Run("ErrNoURL", func(t *testing.T) {
		_, err := z.AddZaakVerzoek("v2", ZaakVerzoekGegevens{Verzoek: "ftp://k.example/1"}, Bevoegdheden{})
		wantInvalid(t, err, "verzoek", domain.CodeBadURL)
	})
	t.Run("ErrMaxLength", func(t *testing.T) {
		long := "https://k.example/" + strings.Repeat("x", 1000)
		_, err := z.AddZaakVerzoek("v2", ZaakVerzoekGegevens{Verzoek: long}, Bevoegdheden{})
		wantInvalid(t, err, "verzoek", "max_length")
	})
	t.Run("ErrUnique", func(t *testing.T) {
		_, err := z.AddZaakVerzoek("v2", ZaakVerzoekGegevens{Verzoek: verzoek}, Bevoegdheden{})
		wantInvalid(t, err, nonField, "unique")
	})
	t.Run("Delete", func(t *testing.T) {
		events, err := z.DeleteZaakVerzoek("v1", Bevoegdheden{})
		wantEvents(t, events, err, TypeZaakVerzoekVerwijderd)
		if _, err := z.DeleteZaakVerzoek("v1", Bevoegdheden{}); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("second delete: %v", err)
		}
	})
}

// TestZaak_ContactMomentVerzoek_zrc007: like every sub-resource, they are
// not changed on a closed zaak without geforceerd, nor on a missing zaak.
func TestZaak_ContactMomentVerzoek_zrc007(t *testing.T) {
	z := afgesloten(t, rtAfg)
	_, err := z.AddZaakContactMoment("cm1", ZaakContactMomentGegevens{Contactmoment: contactmoment}, Bevoegdheden{})
	wantForbidden(t, err)
	_, err = z.AddZaakVerzoek("v1", ZaakVerzoekGegevens{Verzoek: verzoek}, Bevoegdheden{})
	wantForbidden(t, err)
	geforceerd := Bevoegdheden{Geforceerd: true}
	must(t)(z.AddZaakContactMoment("cm1", ZaakContactMomentGegevens{Contactmoment: contactmoment}, geforceerd))
	_, err = z.DeleteZaakContactMoment("cm1", Bevoegdheden{})
	wantForbidden(t, err)
	events, err := z.DeleteZaakContactMoment("cm1", geforceerd)
	wantEvents(t, events, err, TypeZaakContactMomentVerwijderd)
	if !events[0].(ZaakContactMomentVerwijderd).Geforceerd {
		t.Fatal("delete on a closed zaak is not marked geforceerd")
	}

	nieuw := NewZaak(zaakUUID, clock())
	if _, err := nieuw.AddZaakVerzoek("v1", ZaakVerzoekGegevens{Verzoek: verzoek}, Bevoegdheden{}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("on a missing zaak: %v", err)
	}
}

// TestZaak_ContactMomentVerzoek_Replay stores the events as JSON, decodes
// them and replays them: the state, and so the uniqueness check, survives.
// A deleted zaak forgets them (zrc-023).
func TestZaak_ContactMomentVerzoek_Replay(t *testing.T) {
	z := aangemaakt(t)
	var history []domain.Event
	record := func(events []domain.Event, err error) {
		t.Helper()
		must(t)(events, err)
		history = append(history, events...)
	}
	record(z.AddZaakContactMoment("cm1", ZaakContactMomentGegevens{Contactmoment: contactmoment}, Bevoegdheden{}))
	record(z.AddZaakContactMoment("cm2", ZaakContactMomentGegevens{Contactmoment: contactmoment + "2"}, Bevoegdheden{}))
	record(z.DeleteZaakContactMoment("cm2", Bevoegdheden{}))
	record(z.AddZaakVerzoek("v1", ZaakVerzoekGegevens{Verzoek: verzoek}, Bevoegdheden{}))
	record(z.AddZaakVerzoek("v2", ZaakVerzoekGegevens{Verzoek: verzoek + "2"}, Bevoegdheden{}))
	record(z.DeleteZaakVerzoek("v2", Bevoegdheden{}))

	replayed := aangemaakt(t)
	for _, e := range history {
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Decode(e.EventType(), data)
		if err != nil {
			t.Fatalf("decode %s: %v", e.EventType(), err)
		}
		if back.EventType() != e.EventType() {
			t.Fatalf("decoded %s as %s", e.EventType(), back.EventType())
		}
		replayed.Apply(back)
	}
	if len(replayed.momenten) != 1 || replayed.momenten["cm1"].Contactmoment != contactmoment ||
		len(replayed.verzoeken) != 1 || replayed.verzoeken["v1"].Verzoek != verzoek {
		t.Fatalf("replayed: %+v %+v", replayed.momenten, replayed.verzoeken)
	}
	_, err := replayed.AddZaakVerzoek("v3", ZaakVerzoekGegevens{Verzoek: verzoek}, Bevoegdheden{})
	wantInvalid(t, err, nonField, "unique")

	must(t)(replayed.Delete(Bevoegdheden{}))
	if len(replayed.momenten) != 0 || len(replayed.verzoeken) != 0 {
		t.Fatal("a deleted zaak keeps its contactmomenten or verzoeken")
	}
}
