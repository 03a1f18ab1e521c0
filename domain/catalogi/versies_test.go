package catalogi

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

func periode(begin, einde string) Periode {
	p := Periode{Begin: MustDate(begin)}
	if einde != "" {
		p.Einde = MustDate(einde)
	}
	return p
}

// givenVersies rebuilds a Versies aggregate from published periods.
func givenVersies(periodes map[string]Periode) *Versies {
	v := NewVersies(SoortZaaktype, cat, "ZT-1")
	for id, p := range periodes {
		v.Apply(VersieGepubliceerd{Soort: SoortZaaktype, Catalogus: cat, Sleutel: "ZT-1", UUID: id, Periode: p})
	}
	return v
}

func TestVersies_ztc016(t *testing.T) {
	cases := []struct {
		name     string
		given    map[string]Periode
		nieuw    Periode
		wantErr  bool
		beeindig *Beeindiging
	}{
		{"First", nil, periode("2024-01-01", ""), false, nil},
		{"EndsOpenPredecessor", map[string]Periode{"v1": periode("2020-01-01", "")}, periode("2024-01-01", ""), false,
			&Beeindiging{UUID: "v1", EindeGeldigheid: MustDate("2023-12-31")}},
		{"AfterClosedPredecessor", map[string]Periode{"v1": periode("2020-01-01", "2023-12-31")}, periode("2024-01-01", ""), false, nil},
		{"ErrOverlapsClosedPredecessor", map[string]Periode{"v1": periode("2020-01-01", "2024-06-30")}, periode("2024-01-01", ""), true, nil},
		{"ErrSameBegin", map[string]Periode{"v1": periode("2024-01-01", "")}, periode("2024-01-01", ""), true, nil},
		{"ErrBeforeOpenVersion", map[string]Periode{"v1": periode("2024-01-01", "")}, periode("2023-01-01", ""), true, nil},
		{"ClosedBeforeOpenVersion", map[string]Periode{"v1": periode("2024-01-01", "")}, periode("2023-01-01", "2023-12-31"), false, nil},
		{"ErrOverlapsLaterVersionAfterEnding", map[string]Periode{"v1": periode("2020-01-01", ""), "v0": periode("2025-01-01", "2025-12-31")},
			periode("2024-01-01", ""), true, nil},
		{"SingleDayEdge", map[string]Periode{"v1": periode("2020-01-01", "2023-12-31")}, periode("2023-12-31", ""), true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := givenVersies(tc.given)
			got, err := v.Publiceer("nieuw", tc.nieuw)
			if tc.wantErr {
				wantInvalid(t, err, "beginGeldigheid", CodeOverlap)
				if _, ok := v.Versie("nieuw"); ok {
					t.Fatal("a refused version was recorded")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := []string{TypeVersieGepubliceerd}
			if tc.beeindig != nil {
				want = []string{TypeVersieGewijzigd, TypeVersieGepubliceerd}
			}
			wantEvents(t, got.Events, nil, want...)
			if (got.Beeindig == nil) != (tc.beeindig == nil) || (got.Beeindig != nil && *got.Beeindig != *tc.beeindig) {
				t.Fatalf("Beeindig = %+v, want %+v", got.Beeindig, tc.beeindig)
			}
			if p, ok := v.Versie("nieuw"); !ok || p != tc.nieuw {
				t.Fatal("version not recorded")
			}
			if tc.beeindig != nil {
				if p, _ := v.Versie(tc.beeindig.UUID); p.Einde != tc.beeindig.EindeGeldigheid {
					t.Fatalf("predecessor not ended: %+v", p)
				}
			}
		})
	}
}

func TestVersies_PubliceerIsIdempotent(t *testing.T) {
	v := givenVersies(map[string]Periode{"v1": periode("2024-01-01", "")})
	got, err := v.Publiceer("v1", periode("2024-01-01", ""))
	if err != nil || len(got.Events) != 0 || got.Beeindig != nil {
		t.Fatalf("retry: %+v %v", got, err)
	}
	_, err = v.Publiceer("v2", Periode{})
	wantInvalid(t, err, "beginGeldigheid", "required")
}

func TestVersies_Wijzig(t *testing.T) {
	v := givenVersies(map[string]Periode{"v1": periode("2020-01-01", "2023-12-31"), "v2": periode("2024-01-01", "")})
	t.Run("ErrOverlapOnEinde", func(t *testing.T) {
		wantInvalid(t, errOf(v.Wijzig("v1", periode("2020-01-01", "2024-01-31"))), "eindeGeldigheid", CodeOverlap)
	})
	t.Run("ErrOverlapOnBegin", func(t *testing.T) {
		wantInvalid(t, errOf(v.Wijzig("v2", periode("2023-06-01", ""))), "beginGeldigheid", CodeOverlap)
	})
	t.Run("EndLatestVersion", func(t *testing.T) {
		events, err := v.Wijzig("v2", periode("2024-01-01", "2030-12-31"))
		wantEvents(t, events, err, TypeVersieGewijzigd)
	})
	t.Run("Unchanged", func(t *testing.T) {
		events, err := v.Wijzig("v1", periode("2020-01-01", "2023-12-31"))
		wantEvents(t, events, err)
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		if _, err := v.Wijzig("v9", periode("2040-01-01", "")); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("got %v", err)
		}
	})
}

func TestVersies_Verwijder(t *testing.T) {
	v := givenVersies(map[string]Periode{"v1": periode("2020-01-01", "")})
	wantEvents(t, v.Verwijder("v1"), nil, TypeVersieVerwijderd)
	wantEvents(t, v.Verwijder("v1"), nil)
	if _, err := v.Publiceer("v2", periode("2019-01-01", "")); err != nil {
		t.Fatalf("a deleted version still blocks: %v", err)
	}
}

func TestVersies_Stream(t *testing.T) {
	for soort, want := range map[Soort]string{
		SoortZaaktype:             "catalogi.zaaktypeversies-" + cat + "-K",
		SoortInformatieobjecttype: "catalogi.informatieobjecttypeversies-" + cat + "-K",
		SoortBesluittype:          "catalogi.besluittypeversies-" + cat + "-K",
	} {
		if got := NewVersies(soort, cat, "K").Stream(); got != want {
			t.Errorf("%s: %s", soort, got)
		}
	}
}

// TestVersies_PublishFlow walks the command handler's steps for a second
// zaaktype version: publish the concept, decide the versions, end the
// predecessor with the instruction.
func TestVersies_PublishFlow(t *testing.T) {
	oud := given(published(t)...)
	versies := givenVersies(map[string]Periode{oud.UUID(): oud.Periode()})

	nieuw := NewZaaktype("2a2a2a2a-0000-4000-8000-000000000002")
	g := zaaktypeGegevens()
	g.BeginGeldigheid = MustDate("2025-01-01")
	for _, step := range []func() ([]domain.Event, error){
		func() ([]domain.Event, error) { return nieuw.Create(g, zaaktypeFeiten()) },
		func() ([]domain.Event, error) { return addStatus("s1", 1)(nieuw) },
		func() ([]domain.Event, error) { return addStatus("s2", 2)(nieuw) },
		func() ([]domain.Event, error) { return addRol(nieuw) },
		func() ([]domain.Event, error) { return addResultaat(nieuw) },
		func() ([]domain.Event, error) { return publish(nieuw) },
	} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	pub, err := versies.Publiceer(nieuw.UUID(), nieuw.Periode())
	if err != nil || pub.Beeindig == nil || pub.Beeindig.UUID != oud.UUID() {
		t.Fatalf("Publiceer = %+v, %v", pub, err)
	}
	events, err := oud.Beeindig(pub.Beeindig.EindeGeldigheid)
	wantEvents(t, events, err, TypeZaaktypeBeeindigd)
	if oud.EindeGeldigheid() != MustDate("2024-12-31") {
		t.Fatalf("old version ends %s", oud.EindeGeldigheid())
	}
}
