package autorisaties

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

const zt = "https://zaken.example/catalogi/api/v1/zaaktypen/0f6d1b7e-2d7e-4d6b-9b6a-6c2f5f1c9e01"

func superuser() Gegevens {
	return Gegevens{ClientIDs: []string{"app"}, Label: "App", HeeftAlleAutorisaties: true}
}

func zaakLezer() Gegevens {
	return Gegevens{ClientIDs: []string{"app"}, Label: "App", Autorisaties: []Autorisatie{{
		Component: ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zt, MaxVertrouwelijkheidaanduiding: "intern",
	}}}
}

// invalidCodes returns name→code of a validation error, failing otherwise.
func invalidCodes(t *testing.T, err error) map[string]string {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || e.Kind != domain.KindInvalid {
		t.Fatalf("want validation error, got %v", err)
	}
	out := map[string]string{}
	for _, p := range e.Params {
		out[p.Name] = p.Code
	}
	return out
}

func TestApplicatie_Create(t *testing.T) {
	a := NewApplicatie("u1")
	events, err := a.Create(zaakLezer())
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].EventType() != TypeApplicatieAangemaakt {
		t.Fatalf("events = %#v", events)
	}
	if !a.Exists() || a.Gegevens().Label != "App" {
		t.Fatalf("state not applied: %#v", a)
	}
	if _, err := a.Create(zaakLezer()); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second create: %v", err)
	}
}

func TestApplicatie_ac002(t *testing.T) {
	both := superuser()
	both.Autorisaties = zaakLezer().Autorisaties
	neither := superuser()
	neither.HeeftAlleAutorisaties = false
	for name, tc := range map[string]struct {
		g    Gegevens
		code string
	}{
		"ErrBoth":    {both, "ambiguous-authorizations-specified"},
		"ErrNeither": {neither, "missing-authorizations"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewApplicatie("u").Create(tc.g)
			if got := invalidCodes(t, err)["nonFieldErrors"]; got != tc.code {
				t.Fatalf("code = %q, want %q", got, tc.code)
			}
		})
	}
}

func TestApplicatie_ac003(t *testing.T) {
	cases := map[string]struct {
		a     Autorisatie
		field string
	}{
		"ZrcWithoutZaaktype":       {Autorisatie{Component: ZRC, Scopes: []string{"zaken.lezen"}, MaxVertrouwelijkheidaanduiding: "openbaar"}, "autorisaties.0.zaaktype"},
		"ZrcWithoutMaxVA":          {Autorisatie{Component: ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zt}, "autorisaties.0.maxVertrouwelijkheidaanduiding"},
		"DrcWithoutType":           {Autorisatie{Component: DRC, Scopes: []string{"documenten.lezen"}, MaxVertrouwelijkheidaanduiding: "openbaar"}, "autorisaties.0.informatieobjecttype"},
		"BrcWithoutType":           {Autorisatie{Component: BRC, Scopes: []string{"besluiten.lezen"}}, "autorisaties.0.besluittype"},
		"UnknownComponent":         {Autorisatie{Component: "xyz", Scopes: []string{"zaken.lezen"}}, "autorisaties.0.component"},
		"UnknownScope":             {Autorisatie{Component: ZTC, Scopes: []string{"catalogi.alles"}}, "autorisaties.0.scopes.0"},
		"UnknownVertrouwelijkheid": {Autorisatie{Component: ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zt, MaxVertrouwelijkheidaanduiding: "topgeheim"}, "autorisaties.0.maxVertrouwelijkheidaanduiding"},
		"ZaaktypeNotAURL":          {Autorisatie{Component: ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: "zaaktype-1", MaxVertrouwelijkheidaanduiding: "openbaar"}, "autorisaties.0.zaaktype"},
		"ZaaktypeOnWrongComponent": {Autorisatie{Component: ZTC, Scopes: []string{"catalogi.lezen"}, Zaaktype: zt}, "autorisaties.0.zaaktype"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			g := Gegevens{ClientIDs: []string{"c"}, Label: "L", Autorisaties: []Autorisatie{tc.a}}
			codes := invalidCodes(t, g.Validate())
			if _, ok := codes[tc.field]; !ok {
				t.Fatalf("no error on %s: %v", tc.field, codes)
			}
		})
	}
	t.Run("ZrcNotificatieScopeNeedsNoType", func(t *testing.T) {
		g := Gegevens{ClientIDs: []string{"c"}, Label: "L", Autorisaties: []Autorisatie{{Component: ZRC, Scopes: []string{"notificaties.publiceren"}}}}
		if err := g.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestClientIDClaim_ac001(t *testing.T) {
	c := NewClientIDClaim("app")
	if ev, err := c.Claim("a1", 0); err != nil || len(ev) != 1 {
		t.Fatalf("first claim: %v %v", ev, err)
	}
	if ev, err := c.Claim("a1", 0); err != nil || len(ev) != 0 {
		t.Fatalf("reclaim by owner must be a no-op: %v %v", ev, err)
	}
	_, err := c.Claim("a2", 3)
	if got := invalidCodes(t, err)["clientIds"]; got != "clientId-exists" {
		t.Fatalf("code = %q", got)
	}
	if ev := c.Release("a2"); len(ev) != 0 {
		t.Fatal("a non-owner released the claim")
	}
	c.Release("a1")
	if _, err := c.Claim("a2", 0); err != nil {
		t.Fatalf("claim after release: %v", err)
	}
}

func TestDecode_RoundTrip(t *testing.T) {
	for _, e := range []domain.Event{
		ApplicatieAangemaakt{UUID: "u", Gegevens: zaakLezer()},
		ApplicatieGewijzigd{UUID: "u", Actie: "update", Gegevens: superuser()},
		ApplicatieVerwijderd{UUID: "u", ClientIDs: []string{"x"}},
		ClientIDGeclaimd{ClientID: "x", Applicatie: "u"},
		ClientIDVrijgegeven{ClientID: "x", Applicatie: "u"},
	} {
		data, err := jsonMarshal(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(e.EventType(), data)
		if err != nil {
			t.Fatal(err)
		}
		if got.EventType() != e.EventType() {
			t.Fatalf("%s decoded as %s", e.EventType(), got.EventType())
		}
	}
	if _, err := Decode("nope", nil); err == nil {
		t.Fatal("unknown type decoded")
	}
}

// TestGegevens_ListFaultsNamedByTheList: a fault of the clientIds list as
// a whole (a client id twice) is named "clientIds", as the reference
// implementation names it; a fault of one entry keeps its index.
func TestGegevens_ListFaultsNamedByTheList(t *testing.T) {
	g := superuser()
	g.ClientIDs = []string{"a", "", "a"}
	codes := invalidCodes(t, g.Validate())
	if codes["clientIds"] != "unique" || codes["clientIds.1"] != "blank" || len(codes) != 2 {
		t.Errorf("invalidParams %v, want clientIds unique and clientIds.1 blank", codes)
	}
}
