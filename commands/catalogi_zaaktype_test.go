package commands

import (
	"net/http"
	"testing"

	"github.com/zaakregister/zaakregister/domain/catalogi"
)

func TestCatalogi_ZaaktypeWithSubtypes(t *testing.T) {
	e := newEnv(t)
	cat := e.catalogus()
	bt := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "Besluit A", "2024-01-01"))
	iot := e.must(e.plain, http.StatusCreated, e.h.CreateInformatieobjecttype, "POST", "", iotBodyFor(cat, "Aanvraag"))
	zt := e.must(e.plain, http.StatusCreated, e.h.CreateZaaktype, "POST", "", zaaktypeBodyFor(cat, "ZT-1", url("besluittypen", bt)))
	z := e.zaaktype(zt)
	if got := z.Gegevens().Besluittypen; len(got) != 1 || got[0] != "Besluit A" {
		t.Fatalf("besluittypen stored as %v, want the omschrijving", got)
	}

	ztURL := url("zaaktypen", zt)
	st1 := e.must(e.plain, http.StatusCreated, e.h.CreateStatustype, "POST", "", map[string]any{"zaaktype": ztURL, "omschrijving": "Begin", "volgnummer": 1})
	e.must(e.plain, http.StatusCreated, e.h.CreateStatustype, "POST", "", map[string]any{"zaaktype": ztURL, "omschrijving": "Eind", "volgnummer": 2})
	e.must(e.plain, http.StatusCreated, e.h.CreateRoltype, "POST", "", map[string]any{"zaaktype": ztURL, "omschrijving": "Aanvrager",
		"omschrijvingGeneriek": "initiator", "catalogus": url("catalogussen", cat)})
	eig := e.must(e.plain, http.StatusCreated, e.h.CreateEigenschap, "POST", "", map[string]any{"zaaktype": ztURL, "naam": "kenteken",
		"definitie": "Kenteken", "statustype": url("statustypen", st1),
		"specificatie": map[string]any{"formaat": "tekst", "lengte": "8", "kardinaliteit": "1"}})
	rt := e.must(e.plain, http.StatusCreated, e.h.CreateResultaattype, "POST", "", map[string]any{"zaaktype": ztURL, "omschrijving": "Verleend",
		"resultaattypeomschrijving": rtOmschr, "selectielijstklasse": resultaat,
		"brondatumArchiefprocedure": map[string]any{"afleidingswijze": "afgehandeld"}, "besluittypen": []string{url("besluittypen", bt)}})
	ziot := e.must(e.plain, http.StatusCreated, e.h.CreateZaaktypeInformatieobjecttype, "POST", "", map[string]any{"zaaktype": ztURL,
		"informatieobjecttype": "Aanvraag", "volgnummer": 1, "richting": "inkomend"})
	e.must(e.plain, http.StatusCreated, e.h.CreateZaakobjecttype, "POST", "", map[string]any{"zaaktype": ztURL, "anderObjecttype": false,
		"objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "object", "beginGeldigheid": "2024-01-01"})

	z = e.zaaktype(zt)
	if g, _ := z.Eigenschap(eig); g.Statustype != st1 {
		t.Fatalf("eigenschap.statustype stored as %q", g.Statustype)
	}
	if g, _ := z.Resultaattype(rt); g.Archiefnominatie != catalogi.Vernietigen || g.Archiefactietermijn != "P10Y" ||
		g.OmschrijvingGeneriek != "Verleend" || g.Besluittypen[0] != ref("besluittypen", bt) {
		t.Fatalf("resultaattype derived %+v", g)
	}

	t.Run("PatchKeepsOtherFields", func(t *testing.T) {
		e.must(e.plain, http.StatusOK, e.h.UpdateStatustype(true), "PATCH", st1, map[string]any{"statustekst": "Ontvangen"})
		if g, _ := e.zaaktype(zt).Statustype(st1); g.Omschrijving != "Begin" || g.Statustekst != "Ontvangen" {
			t.Fatalf("PATCH gave %+v", g)
		}
	})
	t.Run("SubtypeCannotMove", func(t *testing.T) {
		other := e.must(e.plain, http.StatusCreated, e.h.CreateZaaktype, "POST", "", zaaktypeBodyFor(cat, "ZT-2"))
		status, out := e.call(e.plain, e.h.UpdateStatustype(true), "PATCH", st1, map[string]any{"zaaktype": url("zaaktypen", other)})
		if status != http.StatusBadRequest || param(out, "zaaktype") != catalogi.CodeWijzigenNietToegelaten {
			t.Fatalf("%d %v", status, out)
		}
	})
	t.Run("MissingReferences", func(t *testing.T) {
		status, out := e.call(e.plain, e.h.CreateStatustype, "POST", "", map[string]any{
			"zaaktype": url("zaaktypen", "11111111-1111-4111-8111-111111111111"), "omschrijving": "x", "volgnummer": 3})
		if status != http.StatusBadRequest || param(out, "zaaktype") != catalogi.CodeDoesNotExist {
			t.Fatalf("unknown zaaktype: %d %v", status, out)
		}
		status, out = e.call(e.plain, e.h.UpdateEigenschap(true), "PATCH", eig, map[string]any{
			"statustype": url("statustypen", "11111111-1111-4111-8111-111111111111")})
		if status != http.StatusBadRequest || param(out, "statustype") != catalogi.CodeDoesNotExist {
			t.Fatalf("unknown statustype: %d %v", status, out)
		}
		status, out = e.call(e.plain, e.h.CreateResultaattype, "POST", "", map[string]any{"zaaktype": ztURL, "omschrijving": "Geweigerd",
			"resultaattypeomschrijving": rtOmschr, "selectielijstklasse": "https://elders.test/resultaten/9"})
		if status != http.StatusBadRequest || param(out, "selectielijstklasse") != "bad-url" || param(out, "brondatumArchiefprocedure") != "required" {
			t.Fatalf("bad selectielijstklasse: %d %v", status, out)
		}
	})
	t.Run("PublishNeedsPublishedRelations", func(t *testing.T) {
		status, out := e.call(e.plain, e.h.PublishZaaktype, "POST", zt, nil)
		if status != http.StatusBadRequest || param(out, "nonFieldErrors") != catalogi.CodeConceptRelation {
			t.Fatalf("%d %v", status, out)
		}
		e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", bt, nil)
		e.must(e.plain, http.StatusOK, e.h.PublishInformatieobjecttype, "POST", iot, nil)
		e.must(e.plain, http.StatusOK, e.h.PublishZaaktype, "POST", zt, nil)
	})
	t.Run("PublishedIsClosed", func(t *testing.T) {
		status, out := e.call(e.plain, e.h.UpdateStatustype(true), "PATCH", st1, map[string]any{"statustekst": "Anders"})
		if status != http.StatusBadRequest || param(out, "nonFieldErrors") != catalogi.CodeNonConceptZaaktype {
			t.Fatalf("%d %v", status, out)
		}
		status, out = e.call(e.plain, e.h.UpdateZaaktype(true), "PATCH", zt, map[string]any{"toelichting": "Anders"})
		if status != http.StatusBadRequest || param(out, "nonFieldErrors") != catalogi.CodeNonConceptObject {
			t.Fatalf("%d %v", status, out)
		}
		status, _ = e.call(e.plain, e.h.DeleteZaaktypeInformatieobjecttype, "DELETE", ziot, nil)
		if status != http.StatusBadRequest {
			t.Fatalf("delete of a relation between published types: %d", status)
		}
	})
	t.Run("Correctie", func(t *testing.T) {
		e.must(e.forced, http.StatusOK, e.h.UpdateStatustype(true), "PATCH", st1, map[string]any{"statustekst": "Gecorrigeerd"})
		if g, _ := e.zaaktype(zt).Statustype(st1); g.Statustekst != "Gecorrigeerd" {
			t.Fatalf("correctie gave %+v", g)
		}
	})
	t.Run("EindeGeldigheidOfPublished", func(t *testing.T) {
		e.must(e.plain, http.StatusOK, e.h.UpdateZaaktype(true), "PATCH", zt, map[string]any{"eindeGeldigheid": "2024-12-31"})
		vs, _, err := e.h.versies(e.plain, soorten[catalogi.SoortZaaktype], cat, "ZT-1")
		if err != nil {
			t.Fatal(err)
		}
		if p, _ := vs.Versie(zt); p.Einde != catalogi.MustDate("2024-12-31") {
			t.Fatalf("Versies kept %+v", p)
		}
	})
	t.Run("ForcedDelete", func(t *testing.T) {
		status, _ := e.call(e.plain, e.h.DeleteZaaktype, "DELETE", zt, nil)
		if status != http.StatusBadRequest {
			t.Fatalf("plain delete of a published zaaktype: %d", status)
		}
		e.must(e.forced, http.StatusNoContent, e.h.DeleteZaaktype, "DELETE", zt, nil)
		vs, _, _ := e.h.versies(e.plain, soorten[catalogi.SoortZaaktype], cat, "ZT-1")
		if _, ok := vs.Versie(zt); ok {
			t.Fatal("the deleted version stayed in Versies")
		}
		if status, _ := e.call(e.plain, e.h.DeleteStatustype, "DELETE", st1, nil); status != http.StatusNotFound {
			t.Fatalf("sub-type of a deleted zaaktype: %d", status)
		}
	})
}

func TestCatalogi_ZaaktypeReferences(t *testing.T) {
	e := newEnv(t)
	cat := e.catalogus()
	body := zaaktypeBodyFor(cat, "ZT-1", "Bestaat niet")
	body["selectielijstProcestype"] = "https://elders.test/procestypen/1"
	status, out := e.call(e.plain, e.h.CreateZaaktype, "POST", "", body)
	if status != http.StatusBadRequest || param(out, "besluittypen.0") != catalogi.CodeDoesNotExist ||
		param(out, "selectielijstProcestype") != "bad-url" {
		t.Fatalf("%d %v", status, out)
	}
	body = zaaktypeBodyFor("22222222-2222-4222-8222-222222222222", "ZT-1")
	status, out = e.call(e.plain, e.h.CreateZaaktype, "POST", "", body)
	if status != http.StatusBadRequest || param(out, "catalogus") != catalogi.CodeDoesNotExist {
		t.Fatalf("%d %v", status, out)
	}
	if _, err := e.h.AddZaaktype(e.plain, Metadata(nilRequest(e)), catalogi.ZaaktypeGegevens{Catalogus: cat}); codeOf(err, "identificatie") != "required" {
		t.Fatalf("AddZaaktype: %v", err)
	}
}

// nilRequest is a request carrying nothing but the test's context.
func nilRequest(e *env) *http.Request {
	r, _ := http.NewRequestWithContext(e.plain, "POST", testBase, nil)
	return r
}

func (e *env) zaaktype(id string) *catalogi.Zaaktype {
	e.t.Helper()
	z, _, err := e.h.loadZaaktype(e.plain, id)
	if err != nil {
		e.t.Fatal(err)
	}
	return z
}
