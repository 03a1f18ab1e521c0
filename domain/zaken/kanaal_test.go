package zaken

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// TestKanaal_EveryZaakEvent: every event of the zaak stream, so every
// action of the zaken kanaal (RULES 8), carries the kenmerken its
// notification needs: bronorganisatie, zaaktype and
// vertrouwelijkheidaanduiding.
func TestKanaal_EveryZaakEvent(t *testing.T) {
	var all []domain.Event
	keep := func(events []domain.Event, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, events...)
	}
	f, b := feiten(), Bevoegdheden{Geforceerd: true, Heropenen: true}
	z := NewZaak(zaakUUID, clock())
	keep(z.Create(zaakGegevens(), f))
	g := zaakGegevens()
	g.Omschrijving = "gewijzigd"
	keep(z.Update(g, f, catalogi.ActiePartialUpdate, b))
	keep(z.AddStatus("s1", status(stStart, now.Add(-time.Hour)), f, b))
	keep(z.AddRol("r1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "x"}, f, b))
	keep(z.UpdateRol("r1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "y"}, f, catalogi.ActieUpdate, b))
	keep(z.DeleteRol("r1", b))
	keep(z.AddZaakObject("o1", ZaakObjectGegevens{ObjectType: "adres"}, f, b))
	keep(z.UpdateZaakObject("o1", ZaakObjectGegevens{ObjectType: "pand"}, f, catalogi.ActieUpdate, b))
	keep(z.DeleteZaakObject("o1", b))
	keep(z.AddZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "x"}, f, b))
	keep(z.UpdateZaakEigenschap("e1", ZaakEigenschapGegevens{Eigenschap: eigenschap, Waarde: "y"}, f, catalogi.ActieUpdate, b))
	keep(z.DeleteZaakEigenschap("e1", b))
	f.Informatieobjecten = map[string]InformatieobjectFeit{document: {Informatieobjecttype: iotype, IndicatieGebruiksrecht: ja(), Status: "definitief"}}
	keep(z.AddZaakInformatieObject("i1", ZaakInformatieObjectGegevens{Informatieobject: document}, f, b))
	keep(z.UpdateZaakInformatieObject("i1", ZaakInformatieObjectGegevens{Informatieobject: document, Titel: "t"}, f, catalogi.ActieUpdate, b))
	keep(z.AddKlantContact("k1", KlantContactGegevens{Datumtijd: now}, b))
	keep(z.AddZaakBesluit("b1", ZaakBesluitGegevens{Besluit: "https://brc.example/besluiten/1"}, b))
	keep(z.DeleteZaakBesluit("b1", b))
	keep(z.AddZaakContactMoment("c1", ZaakContactMomentGegevens{Contactmoment: "https://cmc.example/contactmomenten/1"}, b))
	keep(z.DeleteZaakContactMoment("c1", b))
	keep(z.AddZaakVerzoek("v1", ZaakVerzoekGegevens{Verzoek: "https://vrc.example/verzoeken/1"}, b))
	keep(z.DeleteZaakVerzoek("v1", b))
	keep(z.AddResultaat("u1", ResultaatGegevens{Resultaattype: rtAfg}, f, b))
	keep(z.UpdateResultaat("u1", ResultaatGegevens{Resultaattype: rtAfg, Toelichting: "t"}, f, catalogi.ActieUpdate, b))
	keep(z.AddStatus("s2", status(stEind, now), f, b))
	keep(z.AddStatus("s3", status(stStart, now.Add(time.Minute)), f, b))
	keep(z.DeleteResultaat("u1", b))
	keep(z.DeleteZaakInformatieObject("i1", b))
	keep(z.Delete(b))

	seen := map[string]bool{}
	for _, e := range all {
		seen[e.EventType()] = true
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ Kanaal map[string]string }
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"} {
			if v.Kanaal[k] == "" {
				t.Errorf("%s: kenmerk %s missing in %s", e.EventType(), k, data)
			}
		}
	}
	if len(seen) != 28 {
		t.Errorf("only %d event types of the zaak stream covered: %v", len(seen), seen)
	}
}
