package commands

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
	"github.com/zaakregister/zaakregister/refs"
	"github.com/zaakregister/zaakregister/zgw"
)

const (
	testBase   = "http://ztc.test"
	testRoot   = "/catalogi/api/v1"
	procestype = "http://ztc.test/referentielijsten/api/v1/procestypen/1"
	resultaat  = "http://ztc.test/referentielijsten/api/v1/resultaten/1"
	rtOmschr   = "http://ztc.test/referentielijsten/api/v1/resultaattypeomschrijvingen/1"
)

// logIndex answers SubtypeIndex and VersionIndex by scanning the whole
// log, as a read model would have recorded it.
type logIndex struct{ store eventstore.Store }

func (x logIndex) all(ctx context.Context) []eventstore.RecordedEvent {
	events, err := x.store.ReadAll(ctx, eventstore.Start, 1<<20)
	if err != nil {
		panic(err)
	}
	return events
}

func (x logIndex) ZaaktypeOf(ctx context.Context, _, id string) (string, error) {
	for _, ev := range x.all(ctx) {
		var s struct{ UUID, Zaaktype string }
		if json.Unmarshal(ev.Data, &s) == nil && s.UUID == id && s.Zaaktype != "" {
			return s.Zaaktype, nil
		}
	}
	return "", nil
}

func (x logIndex) VersionsOf(ctx context.Context, soort catalogi.Soort, catalogus, key string) ([]string, error) {
	var ids []string
	for _, ev := range x.all(ctx) {
		if !strings.HasPrefix(ev.Type, "catalogi."+string(soort)+".") {
			continue
		}
		var s struct{ UUID, Catalogus, Identificatie, Omschrijving string }
		if json.Unmarshal(ev.Data, &s) != nil || s.Catalogus != catalogus {
			continue
		}
		if (soort == catalogi.SoortZaaktype && s.Identificatie == key) || (soort != catalogi.SoortZaaktype && s.Omschrijving == key) {
			ids = append(ids, s.UUID)
		}
	}
	return ids, nil
}

// fakeSelectielijst knows one procestype, one resultaat and one
// resultaattypeomschrijving.
type fakeSelectielijst struct{ procestermijn string }

func (f fakeSelectielijst) Procestype(_ context.Context, field, url string) error {
	if url != local(procestype) {
		return domain.Invalid(field, refs.CodeBadURL, "onbekend")
	}
	return nil
}

func (f fakeSelectielijst) Resultaat(_ context.Context, field, url string) (catalogi.SelectielijstResultaat, error) {
	if url != local(resultaat) {
		return catalogi.SelectielijstResultaat{}, domain.Invalid(field, refs.CodeBadURL, "onbekend")
	}
	return catalogi.SelectielijstResultaat{URL: url, ProcestypeURL: local(procestype), Waardering: "vernietigen",
		Procestermijn: f.procestermijn, Bewaartermijn: "P10Y"}, nil
}

func (f fakeSelectielijst) ResultaatTypeOmschrijving(_ context.Context, field, url string) (string, error) {
	if url != local(rtOmschr) {
		return "", domain.Invalid(field, refs.CodeInvalidResource, "onbekend")
	}
	return "Verleend", nil
}

// echo renders a resource as {"uuid": ...}.
type echo struct{}

func (echo) Render(w http.ResponseWriter, r *http.Request, status int, id string) {
	zgw.WriteJSON(w, r, status, map[string]string{"uuid": id})
}

type env struct {
	t     *testing.T
	h     *Catalogi
	store *memory.Store
	// forced and plain are contexts of a principal with and without the
	// geforceerd scopes.
	forced, plain context.Context
}

func newEnv(t *testing.T) *env {
	t.Helper()
	store := memory.New()
	idx := logIndex{store}
	h := &Catalogi{
		Base: Base{Store: store, Clock: domain.FixedClock{T: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)},
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))},
		Catalogussen: echo{}, Zaaktypen: echo{}, Informatieobjecttypen: echo{}, Besluittypen: echo{},
		Statustypen: echo{}, Roltypen: echo{}, Resultaattypen: echo{}, Eigenschappen: echo{},
		Zaakobjecttypen: echo{}, ZaaktypeInformatieobjecttypen: echo{},
		Selectielijst: fakeSelectielijst{}, Subtypes: idx, Versions: idx,
	}
	base := zgw.WithAPI(context.Background(), &zgw.API{Name: "catalogi", Root: testRoot, BaseURL: testBase})
	principal := func(scopes ...string) context.Context {
		return zgw.WithPrincipal(base, &zgw.Principal{ClientID: "test", Rights: &autorisaties.Rights{
			Autorisaties: []autorisaties.Autorisatie{{Component: autorisaties.ZTC, Scopes: scopes}}}})
	}
	return &env{t: t, h: h, store: store,
		forced: principal("catalogi.schrijven", scopeGeforceerdSchrijven, scopeGeforceerdVerwijderen),
		plain:  principal("catalogi.schrijven")}
}

func url(collection, id string) string { return testBase + testRoot + "/" + collection + "/" + id }

// ref is the reference the log keeps to resource id in collection.
func ref(collection, id string) string { return testRoot + "/" + collection + "/" + id }

// local is the reference the log keeps for u, a URL under testBase.
func local(u string) string { return strings.TrimPrefix(u, testBase) }

// call runs handler h on a request with body and path uuid in ctx.
func (e *env) call(ctx context.Context, h http.HandlerFunc, method, id string, body any) (int, map[string]any) {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	rctx := chi.NewRouteContext()
	rctx.URLParams.Add("uuid", id)
	req := httptest.NewRequestWithContext(context.WithValue(ctx, chi.RouteCtxKey, rctx), method, testBase+"/x", rd)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h(rec, req)
	var out map[string]any
	if rec.Body.Len() > 0 {
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			e.t.Fatalf("%s: %s", err, rec.Body)
		}
	}
	return rec.Code, out
}

// must runs call and fails unless the status is want; it returns the uuid
// the resource was rendered with.
func (e *env) must(ctx context.Context, want int, h http.HandlerFunc, method, id string, body any) string {
	e.t.Helper()
	status, out := e.call(ctx, h, method, id, body)
	if status != want {
		e.t.Fatalf("%s: status %d, want %d: %v", method, status, want, out)
	}
	s, _ := out["uuid"].(string)
	return s
}

// param returns the code of invalidParam name in a problem body, or "".
func param(out map[string]any, name string) string {
	list, _ := out["invalidParams"].([]any)
	for _, p := range list {
		m := p.(map[string]any)
		if m["name"] == name {
			return fmt.Sprint(m["code"])
		}
	}
	return ""
}

// codeOf returns the code of invalidParam name in err, or "".
func codeOf(err error, name string) string {
	var de *domain.Error
	if !errors.As(err, &de) {
		return ""
	}
	for _, p := range de.Params {
		if p.Name == name {
			return p.Code
		}
	}
	return ""
}

func catalogusBody() map[string]any {
	return map[string]any{"domein": "ABC", "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer"}
}

func zaaktypeBodyFor(catalogus, identificatie string, besluittypen ...string) map[string]any {
	if besluittypen == nil {
		besluittypen = []string{}
	}
	return map[string]any{
		"identificatie": identificatie, "omschrijving": "Vergunning", "vertrouwelijkheidaanduiding": "openbaar",
		"doel": "doel", "aanleiding": "aanleiding", "indicatieInternOfExtern": "extern",
		"handelingInitiator": "aanvragen", "onderwerp": "Vergunning", "handelingBehandelaar": "behandelen",
		"doorlooptijd": "P30D", "opschortingEnAanhoudingMogelijk": false, "verlengingMogelijk": false,
		"publicatieIndicatie": false, "productenOfDiensten": []string{}, "selectielijstProcestype": procestype,
		"referentieproces": map[string]any{"naam": "ref"}, "verantwoordelijke": "team",
		"catalogus": url("catalogussen", catalogus), "besluittypen": besluittypen, "deelzaaktypen": []string{},
		"gerelateerdeZaaktypen": []any{}, "beginGeldigheid": "2024-01-01", "versiedatum": "2024-01-01",
		"statustypen": []string{}, "concept": true, // read-only, accepted and ignored
	}
}

func besluittypeBodyFor(catalogus, omschrijving, begin string) map[string]any {
	return map[string]any{"catalogus": url("catalogussen", catalogus), "omschrijving": omschrijving,
		"publicatieIndicatie": false, "informatieobjecttypen": []string{}, "beginGeldigheid": begin}
}

func iotBodyFor(catalogus, omschrijving string) map[string]any {
	return map[string]any{"catalogus": url("catalogussen", catalogus), "omschrijving": omschrijving,
		"vertrouwelijkheidaanduiding": "openbaar", "informatieobjectcategorie": "brief", "beginGeldigheid": "2024-01-01"}
}
