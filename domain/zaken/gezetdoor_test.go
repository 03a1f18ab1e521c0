package zaken

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

const rolURL = "https://zrc.example/api/v1/rollen/rol1"

// metRol returns an open zaak with rol "rol1".
func metRol(t *testing.T) *Zaak {
	t.Helper()
	z := aangemaakt(t)
	must(t)(z.AddRol("rol1", RolGegevens{Roltype: roltype, BetrokkeneType: "medewerker", Roltoelichting: "x"}, feiten(), Bevoegdheden{}))
	return z
}

// gezetDoor is a status of stStart set by the rol at rolURL, with feit
// the rol the handler found there.
func gezetDoor(feit *RolFeit) (StatusGegevens, Feiten) {
	g := status(stStart, gezet)
	g.Gezetdoor = rolURL
	f := feiten()
	f.Gezetdoor = feit
	return g, f
}

func TestStatus_GezetdoorRolVanZelfdeZaak(t *testing.T) {
	t.Run("RolVanDezeZaak", func(t *testing.T) {
		z := metRol(t)
		g, f := gezetDoor(&RolFeit{Zaak: zaakUUID, UUID: "rol1"})
		events, err := z.AddStatus("s1", g, f, Bevoegdheden{})
		wantEvents(t, events, err, TypeStatusAangemaakt)
		if got := events[0].(StatusAangemaakt).Gegevens.Gezetdoor; got != rolURL {
			t.Fatalf("gezetdoor = %q", got)
		}
	})
	t.Run("ZonderGezetdoor", func(t *testing.T) {
		events, err := aangemaakt(t).AddStatus("s1", status(stStart, gezet), feiten(), Bevoegdheden{})
		wantEvents(t, events, err, TypeStatusAangemaakt)
	})
	t.Run("ErrRolVanAndereZaak", func(t *testing.T) {
		g, f := gezetDoor(&RolFeit{Zaak: "5a5a5a5a-0000-4000-8000-000000000002", UUID: "rol1"})
		_, err := metRol(t).AddStatus("s1", g, f, Bevoegdheden{})
		wantInvalid(t, err, "gezetdoor", CodeZaakMismatch)
	})
	t.Run("ErrGeenRol", func(t *testing.T) {
		// The handler found no rol there, or one of a zaak the principal
		// may not read.
		g, f := gezetDoor(nil)
		_, err := metRol(t).AddStatus("s1", g, f, Bevoegdheden{})
		wantInvalid(t, err, "gezetdoor", domain.CodeBadURL)
	})
	t.Run("ErrRolBestaatNiet", func(t *testing.T) {
		g, f := gezetDoor(&RolFeit{Zaak: zaakUUID, UUID: "rol1"})
		_, err := aangemaakt(t).AddStatus("s1", g, f, Bevoegdheden{})
		wantInvalid(t, err, "gezetdoor", domain.CodeBadURL)
	})
	t.Run("ErrVerwijderdeRol", func(t *testing.T) {
		z := metRol(t)
		must(t)(z.DeleteRol("rol1", Bevoegdheden{}))
		g, f := gezetDoor(&RolFeit{Zaak: zaakUUID, UUID: "rol1"})
		_, err := z.AddStatus("s1", g, f, Bevoegdheden{})
		wantInvalid(t, err, "gezetdoor", domain.CodeBadURL)
	})
	t.Run("ErrEveryFaultAtOnce", func(t *testing.T) {
		g, f := gezetDoor(nil)
		g.Statustype = "https://ztc.example/api/v1/statustypen/99"
		_, err := metRol(t).AddStatus("s1", g, f, Bevoegdheden{})
		wantInvalid(t, err, "statustype", CodeZaaktypeMismatch)
		wantInvalid(t, err, "gezetdoor", domain.CodeBadURL)
	})
}
