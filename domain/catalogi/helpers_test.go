package catalogi

import (
	"errors"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

const (
	cat        = "0c0c0c0c-0000-4000-8000-000000000001"
	andereCat  = "0c0c0c0c-0000-4000-8000-000000000002"
	ztUUID     = "2a2a2a2a-0000-4000-8000-000000000001"
	procestype = "https://selectielijst.example/api/v1/procestypen/1"
	resultaat  = "https://selectielijst.example/api/v1/resultaten/1"
	rtOmschr   = "https://referentielijsten.example/api/v1/resultaattypeomschrijvingen/1"
)

func zaaktypeGegevens() ZaaktypeGegevens {
	return ZaaktypeGegevens{
		Catalogus: cat, Identificatie: "ZT-1", Omschrijving: "Vergunning",
		Vertrouwelijkheidaanduiding: Openbaar, Doel: "doel", Aanleiding: "aanleiding",
		IndicatieInternOfExtern: ExternGeinitieerd, HandelingInitiator: "aanvragen",
		Onderwerp: "Vergunning", HandelingBehandelaar: "behandelen", Doorlooptijd: "P30D",
		SelectielijstProcestype: procestype, Referentieproces: Referentieproces{Naam: "ref"},
		Verantwoordelijke: "team", Besluittypen: []string{"Besluit A"},
		BeginGeldigheid: MustDate("2024-01-01"), Versiedatum: MustDate("2024-01-01"),
	}
}

func zaaktypeFeiten() ZaaktypeFeiten {
	return ZaaktypeFeiten{Besluittypen: Verwijzingen{"Besluit A": {Catalogus: cat, Concept: true}}}
}

func resultaattypeGegevens(omschrijving string) ResultaattypeGegevens {
	return ResultaattypeGegevens{
		Omschrijving: omschrijving, Resultaattypeomschrijving: rtOmschr, Selectielijstklasse: resultaat,
		BrondatumArchiefprocedure: &BrondatumArchiefprocedure{Afleidingswijze: Afgehandeld},
	}
}

func selectielijst(procestermijn string) ResultaattypeFeiten {
	return ResultaattypeFeiten{
		Selectielijstklasse:  SelectielijstResultaat{URL: resultaat, ProcestypeURL: procestype, Waardering: "vernietigen", Procestermijn: procestermijn, Bewaartermijn: "P10Y"},
		OmschrijvingGeneriek: "Verleend",
	}
}

// history runs commands on a fresh zaaktype and returns the events they
// emitted, failing the test on any error.
func history(t *testing.T, steps ...func(z *Zaaktype) ([]domain.Event, error)) []domain.Event {
	t.Helper()
	z := NewZaaktype(ztUUID)
	var all []domain.Event
	for i, step := range steps {
		ev, err := step(z)
		if err != nil {
			t.Fatalf("given step %d: %v", i, err)
		}
		all = append(all, ev...)
	}
	return all
}

// given rebuilds a zaaktype from its history through Apply only.
func given(events ...domain.Event) *Zaaktype {
	z := NewZaaktype(ztUUID)
	for _, e := range events {
		z.Apply(e)
	}
	return z
}

func create(z *Zaaktype) ([]domain.Event, error) {
	return z.Create(zaaktypeGegevens(), zaaktypeFeiten())
}

func addStatus(uuid string, volgnummer int) func(z *Zaaktype) ([]domain.Event, error) {
	return func(z *Zaaktype) ([]domain.Event, error) {
		return z.AddStatustype(uuid, StatustypeGegevens{Omschrijving: uuid, Volgnummer: volgnummer}, false)
	}
}

func addRol(z *Zaaktype) ([]domain.Event, error) {
	return z.AddRoltype("rol-1", RoltypeGegevens{Omschrijving: "Aanvrager", OmschrijvingGeneriek: Initiator}, false)
}

func addResultaat(z *Zaaktype) ([]domain.Event, error) {
	return z.AddResultaattype("res-1", resultaattypeGegevens("Verleend"), selectielijst(ProcestermijnNihil), false)
}

func publish(z *Zaaktype) ([]domain.Event, error) {
	return z.Publish(PublicatieFeiten{Besluittypen: Verwijzingen{"Besluit A": {Catalogus: cat}}})
}

// concept is the history of a complete concept zaaktype.
func concept(t *testing.T) []domain.Event {
	return history(t, create, addStatus("st-1", 1), addStatus("st-2", 2), addRol, addResultaat)
}

// published is the history of the same zaaktype, published.
func published(t *testing.T) []domain.Event {
	return history(t, create, addStatus("st-1", 1), addStatus("st-2", 2), addRol, addResultaat, publish)
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

// wantInvalid fails unless err is a validation error naming field with code.
func wantInvalid(t *testing.T, err error, field, code string) {
	t.Helper()
	if got, ok := invalidCodes(t, err)[field]; !ok || got != code {
		t.Fatalf("want %s: %s, got %v", field, code, err)
	}
}

// wantEvents fails unless err is nil and events have exactly these types.
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
