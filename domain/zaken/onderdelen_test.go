package zaken

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

func TestZaak_zrc017(t *testing.T) {
	f := feiten()
	ander := "https://drc.example/api/v1/enkelvoudiginformatieobjecten/2"
	f.Informatieobjecten[ander] = InformatieobjectFeit{Informatieobjecttype: "https://ztc.example/api/v1/informatieobjecttypen/9"}
	z := aangemaakt(t)
	_, err := z.AddZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: ander}, f, Bevoegdheden{})
	wantInvalid(t, err, nonField, CodeMissingZiotRelation)
	t.Run("ErrUnique", func(t *testing.T) {
		must(t)(z.AddZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: document}, f, Bevoegdheden{}))
		_, err := z.AddZaakInformatieObject("zio2", ZaakInformatieObjectGegevens{Informatieobject: document}, f, Bevoegdheden{})
		wantInvalid(t, err, nonField, "unique")
	})
	t.Run("ErrInformatieobjectImmutable", func(t *testing.T) {
		_, err := z.UpdateZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: ander}, f, "update", Bevoegdheden{})
		wantInvalid(t, err, "informatieobject", CodeWijzigenNietToegelaten)
	})
	t.Run("DeleteCarriesInformatieobject", func(t *testing.T) {
		events, err := z.DeleteZaakInformatieObject("zio1", Bevoegdheden{})
		wantEvents(t, events, err, TypeZaakInformatieObjectVerwijderd)
		if events[0].(ZaakInformatieObjectVerwijderd).Gegevens.Informatieobject != document {
			t.Fatalf("event = %+v", events[0])
		}
	})
}

func TestZaak_zrc018(t *testing.T) {
	z := aangemaakt(t)
	_, err := z.AddZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: "https://ztc.example/api/v1/eigenschappen/9", Waarde: "x"}, feiten(), Bevoegdheden{})
	wantInvalid(t, err, "eigenschap", CodeZaaktypeMismatch)
	events, err := z.AddZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "x"}, feiten(), Bevoegdheden{})
	wantEvents(t, events, err, TypeZaakEigenschapAangemaakt)
	if events[0].(ZaakEigenschapAangemaakt).Gegevens.Naam != "vervaldatum" {
		t.Fatal("naam not copied from eigenschap")
	}
}

func TestZaak_zrc019(t *testing.T) {
	z := aangemaakt(t)
	_, err := z.AddRol("rol1", RolGegevens{Roltype: "https://ztc.example/api/v1/roltypen/9", BetrokkeneType: "medewerker", Roltoelichting: "x"}, feiten(), Bevoegdheden{})
	wantInvalid(t, err, "roltype", CodeZaaktypeMismatch)
	events, err := z.AddRol("rol1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "x"}, feiten(), Bevoegdheden{})
	wantEvents(t, events, err, TypeRolAangemaakt)
	g := events[0].(RolAangemaakt).Gegevens
	if g.Omschrijving != "Behandelaar" || g.OmschrijvingGeneriek != "behandelaar" || !g.Registratiedatum.Equal(now) {
		t.Fatalf("derived fields: %+v", g)
	}
	if _, err := z.AddRol("rol1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "x"}, feiten(), Bevoegdheden{}); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("duplicate uuid: %v", err)
	}
}

func TestZaak_zrc020(t *testing.T) {
	z := aangemaakt(t)
	_, err := z.AddResultaat("r1", ResultaatGegevens{Resultaattype: "https://ztc.example/api/v1/resultaattypen/9"}, feiten(), Bevoegdheden{})
	wantInvalid(t, err, "resultaattype", CodeZaaktypeMismatch)
	must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtAfg}, feiten(), Bevoegdheden{}))
	_, err = z.AddResultaat("r2", ResultaatGegevens{Resultaattype: rtAfg}, feiten(), Bevoegdheden{})
	wantInvalid(t, err, "zaak", "unique")
}

// TestZaak_ApplyRebuildsFromDecodedHistory stores every event as JSON,
// decodes it and replays it on a fresh aggregate.
func TestZaak_ApplyRebuildsFromDecodedHistory(t *testing.T) {
	z := NewZaak(zaakUUID, clock())
	var history []domain.Event
	record := func(events []domain.Event, err error) {
		t.Helper()
		must(t)(events, err)
		history = append(history, events...)
	}
	record(z.Create(zaakGegevens(), feiten()))
	record(z.AddRol("rol1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "x"}, feiten(), Bevoegdheden{}))
	record(z.AddZaakInformatieObject("zio1", ZaakInformatieObjectGegevens{Informatieobject: document}, feiten(), Bevoegdheden{}))
	record(z.AddKlantContact("k1", KlantContactGegevens{Datumtijd: now}, Bevoegdheden{}))
	record(z.AddZaakBesluit("b1", ZaakBesluitGegevens{Besluit: "https://brc.example/besluiten/1"}, Bevoegdheden{}))
	record(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rtAfg}, feiten(), Bevoegdheden{}))
	record(z.AddStatus("s1", status(stEind, gezet), feiten(), Bevoegdheden{}))

	replayed := NewZaak(zaakUUID, clock())
	for _, e := range history {
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Decode(e.EventType(), data)
		if err != nil {
			t.Fatalf("decode %s: %v", e.EventType(), err)
		}
		if back.SchemaVersion() != e.SchemaVersion() {
			t.Fatalf("schema version of %s", e.EventType())
		}
		replayed.Apply(back)
	}
	if !replayed.IsAfgesloten() || replayed.Resultaat() != "r1" || replayed.Status() != "s1" ||
		len(replayed.rollen) != 1 || len(replayed.contacten) != 1 || len(replayed.besluiten) != 1 {
		t.Fatalf("replayed state differs: %+v", replayed)
	}
	if _, err := Decode("zaken.onbekend", nil); err == nil {
		t.Fatal("unknown type decoded")
	}
}

func TestIdentificatieReservering_zrc002(t *testing.T) {
	r := NewIdentificatieReservering(rsin, "ZAAK-1")
	events, err := r.Reserveer(zaakUUID)
	wantEvents(t, events, err, TypeIdentificatieGereserveerd)
	if again, err := r.Reserveer(zaakUUID); err != nil || len(again) != 0 {
		t.Fatalf("idempotent reserve: %v %v", again, err)
	}
	_, err = r.Reserveer("andere-zaak")
	wantInvalid(t, err, "identificatie", CodeIdentificatieNietUniek)
	if IdentificatieStream(rsin, "ZAAK-1") != "zaken.identificatie-"+rsin+"-ZAAK-1" || ZaakStream("u") != "zaken.zaak-u" {
		t.Fatal("stream names")
	}
}
