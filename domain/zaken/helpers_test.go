package zaken

import (
	"errors"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

const (
	zaakUUID   = "5a5a5a5a-0000-4000-8000-000000000001"
	rsin       = "123456782"
	zaaktype   = "https://ztc.example/api/v1/zaaktypen/1"
	stStart    = "https://ztc.example/api/v1/statustypen/1"
	stEind     = "https://ztc.example/api/v1/statustypen/2"
	rtAfg      = "https://ztc.example/api/v1/resultaattypen/1"
	rtTermijn  = "https://ztc.example/api/v1/resultaattypen/2"
	rtEigensch = "https://ztc.example/api/v1/resultaattypen/3"
	rtObject   = "https://ztc.example/api/v1/resultaattypen/4"
	rtHoofd    = "https://ztc.example/api/v1/resultaattypen/5"
	roltype    = "https://ztc.example/api/v1/roltypen/1"
	eigenschap = "https://ztc.example/api/v1/eigenschappen/1"
	iotype     = "https://ztc.example/api/v1/informatieobjecttypen/1"
	document   = "https://drc.example/api/v1/enkelvoudiginformatieobjecten/1"
	product    = "https://pdc.example/producten/1"
)

var now = time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)

func clock() domain.Clock { return domain.FixedClock{T: now} }

func ja() *bool { b := true; return &b }

func feiten() Feiten {
	afg := catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Afgehandeld}
	return Feiten{
		Zaaktype: ZaaktypeFeiten{
			URL: zaaktype, Vertrouwelijkheidaanduiding: catalogi.Zaakvertrouwelijk,
			Statustypen: map[string]StatustypeFeit{stStart: {Volgnummer: 1}, stEind: {Volgnummer: 2, Eindstatus: true}},
			Resultaattypen: map[string]ResultaattypeFeit{
				rtAfg: {Archiefnominatie: catalogi.Vernietigen, Archiefactietermijn: "P10Y", BrondatumArchiefprocedure: afg},
				rtTermijn: {Archiefnominatie: catalogi.Vernietigen, Archiefactietermijn: "P1Y",
					BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Termijn, Procestermijn: "P5Y"}},
				rtEigensch: {Archiefnominatie: catalogi.BlijvendBewaren, Archiefactietermijn: "P1Y",
					BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.EigenschapAfleiding, Datumkenmerk: "vervaldatum"}},
				rtObject: {Archiefnominatie: catalogi.Vernietigen, Archiefactietermijn: "P1Y",
					BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.ZaakobjectAfleiding, Objecttype: "pand", Datumkenmerk: "sloopdatum"}},
				rtHoofd: {Archiefnominatie: catalogi.Vernietigen, Archiefactietermijn: "P1Y",
					BrondatumArchiefprocedure: catalogi.BrondatumArchiefprocedure{Afleidingswijze: catalogi.Hoofdzaak}},
			},
			Roltypen:              map[string]RoltypeFeit{roltype: {Omschrijving: "Behandelaar", OmschrijvingGeneriek: "behandelaar"}},
			Eigenschappen:         map[string]EigenschapFeit{eigenschap: {Naam: "vervaldatum"}},
			Informatieobjecttypen: []string{iotype},
			ProductenOfDiensten:   []string{product},
		},
		Informatieobjecten: map[string]InformatieobjectFeit{document: {Informatieobjecttype: iotype, IndicatieGebruiksrecht: ja()}},
	}
}

func zaakGegevens() ZaakGegevens {
	return ZaakGegevens{
		Identificatie: "ZAAK-2025-0000000001", Bronorganisatie: rsin, VerantwoordelijkeOrganisatie: rsin,
		Zaaktype: zaaktype, Startdatum: catalogi.MustDate("2025-01-01"),
	}
}

// aangemaakt returns an open zaak created with zaakGegevens.
func aangemaakt(t *testing.T) *Zaak {
	t.Helper()
	z := NewZaak(zaakUUID, clock())
	if _, err := z.Create(zaakGegevens(), feiten()); err != nil {
		t.Fatalf("given create: %v", err)
	}
	return z
}

// must returns a check that fails the test when a given step errs; use it
// as must(t)(z.Command(...)).
func must(t *testing.T) func([]domain.Event, error) {
	return func(_ []domain.Event, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("given: %v", err)
		}
	}
}

func status(stt string, gezet time.Time) StatusGegevens {
	return StatusGegevens{Statustype: stt, DatumStatusGezet: gezet}
}

// afgesloten returns a zaak closed on 2025-03-01 with resultaattype rt.
func afgesloten(t *testing.T, rt string) *Zaak {
	t.Helper()
	z := aangemaakt(t)
	must(t)(z.AddResultaat("r1", ResultaatGegevens{Resultaattype: rt}, feiten(), Bevoegdheden{}))
	must(t)(z.AddStatus("s1", status(stEind, time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)), feiten(), Bevoegdheden{}))
	return z
}

func wantEvents(t *testing.T, events []domain.Event, err error, types ...string) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if len(events) != len(types) {
		t.Fatalf("got %d events %v, want %v", len(events), events, types)
	}
	for i, e := range events {
		if e.EventType() != types[i] {
			t.Fatalf("event %d is %s, want %s", i, e.EventType(), types[i])
		}
	}
}

// wantInvalid fails unless err is a validation error naming field and code.
func wantInvalid(t *testing.T, err error, field, code string) {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || e.Kind != domain.KindInvalid {
		t.Fatalf("want invalid %s/%s, got %v", field, code, err)
	}
	for _, p := range e.Params {
		if p.Name == field && p.Code == code {
			return
		}
	}
	t.Fatalf("want invalid %s/%s, got %v", field, code, err)
}

func wantForbidden(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("want forbidden, got %v", err)
	}
}
