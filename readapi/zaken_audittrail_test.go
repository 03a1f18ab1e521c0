package readapi

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/projections"
)

const (
	atZaak      = "e1000000-0000-4000-8000-000000000001" // the zaak whose audit trail is read
	atAnder     = "e1000000-0000-4000-8000-000000000002" // another zaak
	atWeg       = "e1000000-0000-4000-8000-000000000003" // a deleted zaak
	atRol       = "e3000000-0000-4000-8000-000000000001"
	atResultaat = "e2000000-0000-4000-8000-000000000001"
	atStatus    = "e4000000-0000-4000-8000-000000000001"
	atClient    = "zaaksysteem"
	atOnbekend  = "onbekend-systeem" // a client id no applicatie holds
)

var atStart = time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC)

// atStep is one write: the events one request appended, with its metadata.
type atStep = zkStream

// atHistory decides the writes whose audit trail the tests read: zaak
// atZaak created, updated (with a toelichting), partially updated by a
// client of no applicatie, given a rol and a resultaat, closed by its
// eindstatus and, closed, losing its rol; another zaak; a deleted zaak;
// and the applicatie of atClient.
func atHistory(t *testing.T) []atStep {
	t.Helper()
	var steps []atStep
	meta := func(client, toelichting string) eventstore.Metadata {
		return eventstore.Metadata{ClientID: client, UserID: "u1", UserRepresentation: "Medewerker Een",
			Toelichting: toelichting, Time: atStart.Add(time.Duration(len(steps)) * time.Minute)}
	}
	step := func(stream string, m eventstore.Metadata) func([]domain.Event, error) {
		return func(events []domain.Event, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", stream, err)
			}
			steps = append(steps, atStep{stream, events, m})
		}
	}
	step("autorisaties.applicatie-e9000000-0000-4000-8000-000000000001", meta(atClient, ""))(
		autorisaties.NewApplicatie("e9000000-0000-4000-8000-000000000001").Create(autorisaties.Gegevens{
			ClientIDs: []string{atClient}, Label: "Zaaksysteem", HeeftAlleAutorisaties: true}))

	clock := domain.FixedClock{T: zkNow}
	f, geen := zkFeiten(zkZaaktypeA, nil), zaken.Bevoegdheden{}
	stream := zaken.ZaakStream(atZaak)
	z := zaken.NewZaak(atZaak, clock)
	step(stream, meta(atClient, ""))(z.Create(zkGegevens("Z-A", zkRSIN, zkZaaktypeA, "zaakvertrouwelijk", "2025-03-01"), f))
	g := z.Gegevens()
	g.Omschrijving = "Gewijzigd"
	step(stream, meta(atClient, "Omschrijving verbeterd"))(z.Update(g, f, "update", geen))
	g.Toelichting = "deels"
	step(stream, meta(atOnbekend, ""))(z.Update(g, f, "partial_update", geen))
	step(stream, meta(atClient, ""))(z.AddRol(atRol, zaken.RolGegevens{BetrokkeneType: "medewerker", Roltype: zkRoltype,
		Roltoelichting: "behandelaar", BetrokkeneIdentificatie: json.RawMessage(`{"identificatie":"mw-1"}`)}, f, geen))
	step(stream, meta(atClient, ""))(z.AddResultaat(atResultaat, zaken.ResultaatGegevens{Resultaattype: zkResType}, f, geen))
	step(stream, meta(atClient, "Afgehandeld"))(z.AddStatus(atStatus, zaken.StatusGegevens{Statustype: zkStEind,
		DatumStatusGezet: time.Date(2025, 3, 5, 9, 0, 0, 0, time.UTC)}, f, geen))
	step(stream, meta(atClient, "Rol vervalt"))(z.DeleteRol(atRol, zaken.Bevoegdheden{Geforceerd: true}))

	ander := zaken.NewZaak(atAnder, clock)
	step(zaken.ZaakStream(atAnder), meta(atClient, ""))(ander.Create(zkGegevens("Z-B", zkRSIN, zkZaaktypeA, "openbaar", "2025-03-01"), f))
	weg := zaken.NewZaak(atWeg, clock)
	step(zaken.ZaakStream(atWeg), meta(atClient, ""))(weg.Create(zkGegevens("Z-W", zkRSIN, zkZaaktypeA, "openbaar", "2025-03-01"), f))
	step(zaken.ZaakStream(atWeg), meta(atClient, ""))(weg.Delete(geen))
	return steps
}

// atProject appends the steps to a PostgreSQL event store, projects them
// into zrc and ac through a real runtime and returns the audit trail
// handlers.
func atProject(t *testing.T, steps []atStep) ZaakAudittrail {
	t.Helper()
	pool, store, _ := zkRun(t, steps, zkZaken, projections.Autorisaties{})
	return ZaakAudittrail{Pool: pool, Store: store}
}

// atDeviations: wijzigingen.oud and .nieuw are null on create and destroy
// (RULES 10, the reference implementation), which the OAS does not mark
// nullable; atValidate checks the bodies against the schema otherwise.
var atDeviations = oastest.BodyDeviations{
	"audittrail_list":     "wijzigingen.oud/nieuw null on create/destroy",
	"audittrail_retrieve": "wijzigingen.oud/nieuw null on create/destroy",
}

// atServe serves the audit trail for a principal with rights.
func atServe(t *testing.T, h ZaakAudittrail, rights *autorisaties.Rights) http.Handler {
	return zcServe(t, rights, atDeviations, func(r chi.Router) {
		r.Get("/zaken/{zaak_uuid}/audittrail", h.List)
		r.Get("/zaken/{zaak_uuid}/audittrail/{uuid}", h.Read)
	})
}

// atValidate checks entry against the OAS schema AuditTrail, with a null
// oud or nieuw left out (see atDeviations) and a present one checked for
// being an object only: Wijzigingen declares nothing more, and its
// additionalProperties {} would refuse the nulls a full representation
// holds (OAS 3.0 has no nullable there).
func atValidate(t *testing.T, entry map[string]any) {
	t.Helper()
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	e := maps.Clone(entry)
	w := map[string]any{}
	for kant, v := range e["wijzigingen"].(map[string]any) {
		switch v.(type) {
		case nil:
		case map[string]any:
			w[kant] = map[string]any{}
		default:
			w[kant] = v
		}
	}
	e["wijzigingen"] = w
	if err := spec.Doc().Components.Schemas["AuditTrail"].Value.VisitJSON(e, openapi3.VisitAsResponse()); err != nil {
		t.Errorf("entry %v does not match AuditTrail: %v", entry["uuid"], err)
	}
}

// atEventIDs returns the ids of the events of zaak's stream, in order.
func atEventIDs(t *testing.T, h ZaakAudittrail, zaak string) []string {
	t.Helper()
	events, err := h.Store.ReadStream(context.Background(), zaken.ZaakStream(zaak), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ev := range events {
		ids = append(ids, ev.ID)
	}
	return ids
}

func TestZaakAudittrail_List(t *testing.T) {
	h := atProject(t, atHistory(t))
	code, body := zcGet(t, atServe(t, h, zkSuperuser), "/zaken/"+atZaak+"/audittrail")
	if code != http.StatusOK {
		t.Fatalf("%d %v", code, body)
	}
	list, _ := body.([]any)
	var entries []map[string]any
	for _, e := range list {
		entries = append(entries, e.(map[string]any))
		atValidate(t, e.(map[string]any))
	}
	ids := atEventIDs(t, h, atZaak)
	if len(entries) != 8 || len(ids) != 8 {
		t.Fatalf("%d entries of %d events: %v", len(entries), len(ids), body)
	}

	u := func(path string) string { return zkBase + zkRoot + path }
	zaakURL := u("/zaken/" + atZaak)
	zaakWeergave := zkRSIN + " - Z-A"
	want := []struct {
		resource, actie, actieWeergave string
		resultaat                      float64
		url, weergave                  string
		applicatie, toelichting        string
		minuut                         int
	}{
		{"zaak", "create", "Object aangemaakt", 201, zaakURL, zaakWeergave, "Zaaksysteem", "", 1},
		{"zaak", "update", "Object bijgewerkt", 200, zaakURL, zaakWeergave, "Zaaksysteem", "Omschrijving verbeterd", 2},
		{"zaak", "partial_update", "Object deels bijgewerkt", 200, zaakURL, zaakWeergave, atOnbekend, "", 3},
		{"rol", "create", "Object aangemaakt", 201, u("/rollen/" + atRol), "(" + zaakWeergave + ") - " + atRol, "Zaaksysteem", "", 4},
		{"resultaat", "create", "Object aangemaakt", 201, u("/resultaten/" + atResultaat), "(" + zaakWeergave + ") - " + atResultaat, "Zaaksysteem", "", 5},
		{"status", "create", "Object aangemaakt", 201, u("/statussen/" + atStatus), "(" + zaakWeergave + ") - " + atStatus, "Zaaksysteem", "Afgehandeld", 6},
		{"zaak", "update", "Object bijgewerkt", 200, zaakURL, zaakWeergave, "Zaaksysteem", "Afgehandeld", 6},
		{"rol", "destroy", "Object verwijderd", 204, u("/rollen/" + atRol), "(" + zaakWeergave + ") - " + atRol, "Zaaksysteem", "Rol vervalt", 7},
	}
	for i, w := range want {
		e := entries[i]
		got := []any{e["uuid"], e["bron"], e["resource"], e["actie"], e["actieWeergave"], e["resultaat"], e["hoofdObject"],
			e["resourceUrl"], e["resourceWeergave"], e["applicatieWeergave"], e["toelichting"], e["aanmaakdatum"],
			e["gebruikersId"], e["gebruikersWeergave"]}
		exp := []any{ids[i], "zrc", w.resource, w.actie, w.actieWeergave, w.resultaat, zaakURL,
			w.url, w.weergave, w.applicatie, w.toelichting, atStart.Add(time.Duration(w.minuut) * time.Minute).Format(time.RFC3339),
			"u1", "Medewerker Een"}
		if !slices.Equal(got, exp) {
			t.Errorf("entry %d:\n got %v\nwant %v", i, got, exp)
		}
	}

	// wijzigingen: the full representations before and after.
	wijziging := func(i int, kant, veld string) any {
		t.Helper()
		w, _ := entries[i]["wijzigingen"].(map[string]any)
		if v, ok := w[kant]; !ok || v == nil {
			if veld == "" {
				return nil
			}
			t.Fatalf("entry %d: wijzigingen.%s is %v", i, kant, v)
		}
		if veld == "" {
			return "present"
		}
		return w[kant].(map[string]any)[veld]
	}
	checks := []struct {
		entry      int
		kant, veld string
		want       any
	}{
		{0, "oud", "", nil},
		{0, "nieuw", "omschrijving", "Z-A"},
		{0, "nieuw", "url", zaakURL},
		{1, "oud", "omschrijving", "Z-A"},
		{1, "nieuw", "omschrijving", "Gewijzigd"},
		{2, "oud", "toelichting", ""},
		{2, "nieuw", "toelichting", "deels"},
		{3, "oud", "", nil},
		{3, "nieuw", "roltoelichting", "behandelaar"},
		{3, "nieuw", "zaak", zaakURL},
		{4, "nieuw", "resultaattype", zkResType},
		{5, "nieuw", "statustype", zkStEind},
		{5, "nieuw", "indicatieLaatstGezetteStatus", true},
		// Closing: the zaak before the status and after.
		{6, "oud", "einddatum", nil},
		{6, "oud", "status", nil},
		{6, "oud", "resultaat", u("/resultaten/" + atResultaat)},
		{6, "nieuw", "einddatum", "2025-03-05"},
		{6, "nieuw", "status", u("/statussen/" + atStatus)},
		{6, "nieuw", "archiefnominatie", "vernietigen"},
		{7, "oud", "url", u("/rollen/" + atRol)},
		{7, "nieuw", "", nil},
	}
	for _, c := range checks {
		if got := wijziging(c.entry, c.kant, c.veld); got != c.want {
			t.Errorf("entry %d wijzigingen.%s.%s = %v, want %v", c.entry, c.kant, c.veld, got, c.want)
		}
	}
	rollen, _ := json.Marshal(wijziging(6, "nieuw", "rollen"))
	if string(rollen) != `["`+u("/rollen/"+atRol)+`"]` {
		t.Errorf("the closed zaak lists rollen %s", rollen)
	}
}

func TestZaakAudittrail_Read(t *testing.T) {
	h := atProject(t, atHistory(t))
	s := atServe(t, h, zkSuperuser)
	ids := atEventIDs(t, h, atZaak)
	code, body := zcGet(t, s, "/zaken/"+atZaak+"/audittrail/"+ids[5])
	entry, _ := body.(map[string]any)
	if code != http.StatusOK || entry["uuid"] != ids[5] || entry["resource"] != "status" {
		t.Fatalf("%d %v", code, body)
	}
	atValidate(t, entry)

	ander := atEventIDs(t, h, atAnder)
	for name, path := range map[string]string{
		"entry of another zaak": "/zaken/" + atZaak + "/audittrail/" + ander[0],
		"unknown entry":         "/zaken/" + atZaak + "/audittrail/e8000000-0000-4000-8000-000000000001",
		"no uuid":               "/zaken/" + atZaak + "/audittrail/geen-uuid",
		"unknown zaak":          "/zaken/e1000000-0000-4000-8000-0000000000ff/audittrail/" + ids[0],
		"deleted zaak":          "/zaken/" + atWeg + "/audittrail/" + atEventIDs(t, h, atWeg)[0],
	} {
		if code, body := zcGet(t, s, path); code != http.StatusNotFound {
			t.Errorf("%s: %d %v", name, code, body)
		}
	}
	// The list declares no 404: an unknown or deleted zaak shows none.
	for name, path := range map[string]string{
		"unknown zaak": "/zaken/e1000000-0000-4000-8000-0000000000ff/audittrail",
		"deleted zaak": "/zaken/" + atWeg + "/audittrail",
		"zaak no uuid": "/zaken/geen-uuid/audittrail",
	} {
		if code, body := zcGet(t, s, path); code != http.StatusOK || len(body.([]any)) != 0 {
			t.Errorf("%s: %d %v", name, code, body)
		}
	}
	if _, body := zcGet(t, s, "/zaken/"+atAnder+"/audittrail"); len(body.([]any)) != 1 {
		t.Errorf("the other zaak's audit trail: %v", body)
	}
}

// TestZaakAudittrail_zrc006: the audit trail needs audittrails.lezen and
// zaken.lezen for the zaak's zaaktype up to its vertrouwelijkheid.
func TestZaakAudittrail_zrc006(t *testing.T) {
	h := atProject(t, atHistory(t))
	grant := func(scopes []string, zaaktype, max string) autorisaties.Autorisatie {
		return autorisaties.Autorisatie{Component: autorisaties.ZRC, Scopes: scopes, Zaaktype: zaaktype, MaxVertrouwelijkheidaanduiding: max}
	}
	beide := []string{"audittrails.lezen", "zaken.lezen"}
	cases := []struct {
		name   string
		grants []autorisaties.Autorisatie
		want   int
	}{
		{"both scopes for the zaaktype", []autorisaties.Autorisatie{grant(beide, zkZaaktypeA, "zaakvertrouwelijk")}, http.StatusOK},
		{"vertrouwelijkheid too high", []autorisaties.Autorisatie{grant(beide, zkZaaktypeA, "intern")}, http.StatusForbidden},
		{"another zaaktype", []autorisaties.Autorisatie{grant(beide, zkZaaktypeB, "zeer_geheim")}, http.StatusForbidden},
		{"zaken.lezen for another zaaktype", []autorisaties.Autorisatie{
			grant([]string{"audittrails.lezen"}, zkZaaktypeA, "zeer_geheim"), grant([]string{"zaken.lezen"}, zkZaaktypeB, "zeer_geheim")}, http.StatusForbidden},
		{"no audittrails.lezen", []autorisaties.Autorisatie{grant([]string{"zaken.lezen"}, zkZaaktypeA, "zeer_geheim")}, http.StatusForbidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := atServe(t, h, &autorisaties.Rights{Autorisaties: c.grants})
			code, body := zcGet(t, s, "/zaken/"+atZaak+"/audittrail")
			if code != c.want {
				t.Fatalf("%d %v, want %d", code, body, c.want)
			}
			if c.want == http.StatusForbidden && body.(map[string]any)["code"] != "permission_denied" {
				t.Errorf("%v", body)
			}
		})
	}
}
