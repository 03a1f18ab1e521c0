package commands

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
)

func TestDecodeBody_FieldsPresent(t *testing.T) {
	req := httptest.NewRequest("PATCH", "/", strings.NewReader(`{"omschrijving":"x","eindeGeldigheid":null,"url":"http://a/b"}`))
	req.Header.Set("Content-Type", "application/json")
	var b besluittypeBody
	d, err := decodeFor(req, &b, true, besluittypeReadOnly...)
	if err != nil {
		t.Fatal(err)
	}
	f := d.fields
	if !f.has("omschrijving") || !f.has("eindeGeldigheid") || f.has("toelichting") {
		t.Fatalf("fields %v", f)
	}
	g := b.over(context.Background(), &domain.Problems{}, catalogi.BesluittypeGegevens{
		Toelichting: "blijft", EindeGeldigheid: catalogi.MustDate("2030-01-01")}, f)
	if g.Omschrijving != "x" || g.Toelichting != "blijft" || !g.EindeGeldigheid.IsZero() {
		t.Fatalf("PATCH gave %+v", g)
	}

	t.Run("UnknownField", func(t *testing.T) {
		req := httptest.NewRequest("POST", "/", strings.NewReader(`{"onbekend":1}`))
		req.Header.Set("Content-Type", "application/json")
		_, err := decodeFor(req, &b, false, besluittypeReadOnly...)
		if codeOf(err, "onbekend") != "unknown-field" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("PutCountsEveryField", func(t *testing.T) {
		if !fields(nil).has("toelichting") {
			t.Fatal("nil fields must have every field")
		}
	})
}

func TestZaaktypeBody_Over(t *testing.T) {
	e := newEnv(t)
	cat := "0c0c0c0c-0000-4000-8000-000000000001"
	body := zaaktypeBody{Identificatie: "ZT-1", Catalogus: url("catalogussen", strings.ToUpper(cat)),
		Besluittypen: []string{"Besluit A"}, Trefwoorden: []string{"a"}, BeginGeldigheid: catalogi.MustDate("2024-01-01")}
	var p domain.Problems
	g := body.over(e.plain, &p, catalogi.ZaaktypeGegevens{Omschrijving: "weg"}, nil)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	if g.Catalogus != cat || g.Identificatie != "ZT-1" || g.Omschrijving != "" || !slices.Equal(g.Besluittypen, []string{"Besluit A"}) {
		t.Fatalf("PUT gave %+v", g)
	}

	for name, raw := range map[string]string{
		"OtherHost":       "http://elders.test" + testRoot + "/catalogussen/" + cat,
		"OtherCollection": url("zaaktypen", cat),
		"NoURL":           "ABC",
	} {
		t.Run("BadURL/"+name, func(t *testing.T) {
			var p domain.Problems
			body.Catalogus = raw
			body.over(e.plain, &p, catalogi.ZaaktypeGegevens{}, nil)
			if code := codeOf(p.Err(), "catalogus"); code != "bad-url" {
				t.Fatalf("code %q: %v", code, p.Err())
			}
		})
	}
}

func TestCombine(t *testing.T) {
	var refs domain.Problems
	refs.Add("selectielijstklasse", "bad-url", "kapot")
	var dom domain.Problems
	dom.Add("selectielijstklasse", "does_not_exist", "niet gevonden")
	dom.Add("omschrijving", "required", "vereist")
	err := combine(refs.Err(), dom.Err())
	if codeOf(err, "selectielijstklasse") != "bad-url" || codeOf(err, "omschrijving") != "required" {
		t.Fatalf("err = %v", err)
	}
	if got := combine(refs.Err(), domain.NotFound("weg")); !strings.Contains(got.Error(), "not_found") {
		t.Fatalf("a not found must win: %v", got)
	}
	if combine(nil, nil) != nil {
		t.Fatal("nothing wrong must stay nil")
	}
	t.Run("SchemaLast", func(t *testing.T) {
		var schema domain.Problems
		schema.Add("selectielijstklasse", "bad-url", "geen URL")
		schema.Add("omschrijving", "max_length", "te lang")
		schema.Add("toelichting", "max_length", "te lang")
		err := combine(refs.Err(), dom.Err(), schema.Err())
		if codeOf(err, "selectielijstklasse") != "bad-url" || codeOf(err, "omschrijving") != "required" ||
			codeOf(err, "toelichting") != "max_length" || len(err.(*domain.Error).Params) != 3 {
			t.Fatalf("err = %v", err)
		}
		if err := combine(nil, nil, schema.Err()); codeOf(err, "omschrijving") != "max_length" {
			t.Fatalf("the schema's faults must count when nothing else is wrong: %v", err)
		}
		if got := combine(nil, domain.NotFound("weg"), schema.Err()); !strings.Contains(got.Error(), "not_found") {
			t.Fatalf("a not found must win: %v", got)
		}
	})
}

// setup creates a catalogus and returns its uuid.
func (e *env) catalogus() string {
	e.t.Helper()
	return e.must(e.plain, http.StatusCreated, e.h.CreateCatalogus, "POST", "", catalogusBody())
}

func TestCatalogi_ByKey(t *testing.T) {
	e := newEnv(t)
	cat, other := e.catalogus(), e.catalogus()
	e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "Concept", "2024-01-01"))
	pub := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "Gepubliceerd", "2024-01-01"))
	e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", pub, nil)
	elders := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(other, "Elders", "2024-01-01"))

	var p domain.Problems
	keys, found, err := e.h.byKey(e.plain, &p, soorten[catalogi.SoortBesluittype], cat, "besluittypen",
		[]string{"Concept", url("besluittypen", pub), "Onbekend", url("besluittypen", elders), "http://elders.test/x"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Concept", "Gepubliceerd", "Onbekend", "Elders"}; !slices.Equal(keys, want) {
		t.Fatalf("keys %v, want %v", keys, want)
	}
	want := catalogi.Verwijzingen{
		"Concept":      {Catalogus: cat, Concept: true},
		"Gepubliceerd": {Catalogus: cat},
		"Elders":       {Catalogus: other, Concept: true},
	}
	if len(found) != len(want) {
		t.Fatalf("found %v", found)
	}
	for k, v := range want {
		if found[k] != v {
			t.Fatalf("%s resolved to %+v, want %+v", k, found[k], v)
		}
	}
	if codeOf(p.Err(), "besluittypen.4") != "bad-url" {
		t.Fatalf("problems %v", p.Err())
	}
}

func TestCatalogi_Publish(t *testing.T) {
	e := newEnv(t)
	cat := e.catalogus()
	v1 := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "B", "2024-01-01"))
	e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", v1, nil)

	t.Run("EndsPredecessor", func(t *testing.T) {
		v2 := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "B", "2025-01-01"))
		e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", v2, nil)
		if einde := e.besluittype(v1).Periode().Einde; einde != catalogi.MustDate("2024-12-31") {
			t.Fatalf("predecessor ends %s", einde)
		}
		if e.besluittype(v2).IsConcept() {
			t.Fatal("v2 still a concept")
		}
		// Publishing again changes nothing.
		before := e.count()
		e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", v2, nil)
		if e.count() != before {
			t.Fatal("a second publish appended events")
		}
	})
	t.Run("Overlap", func(t *testing.T) {
		v3 := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "B", "2023-06-01"))
		status, out := e.call(e.plain, e.h.PublishBesluittype, "POST", v3, nil)
		if status != http.StatusBadRequest || param(out, "beginGeldigheid") != catalogi.CodeOverlap {
			t.Fatalf("%d %v", status, out)
		}
	})
	t.Run("FinishesInterruptedPublication", func(t *testing.T) {
		cat := e.catalogus()
		v1 := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "C", "2024-01-01"))
		e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", v1, nil)
		v2 := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "C", "2025-01-01"))
		// The first attempt got as far as the Versies stream only.
		vs, expected, err := e.h.versies(e.plain, soorten[catalogi.SoortBesluittype], cat, "C")
		if err != nil {
			t.Fatal(err)
		}
		pub, err := vs.Publiceer(v2, e.besluittype(v2).Periode())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.h.append(e.plain, eventstore.Metadata{}, vs.Stream(), expected, pub.Events); err != nil {
			t.Fatal(err)
		}
		e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", v2, nil)
		if e.besluittype(v2).IsConcept() || e.besluittype(v1).Periode().Einde != catalogi.MustDate("2024-12-31") {
			t.Fatal("the retry did not finish the publication")
		}
	})
}

func (e *env) besluittype(id string) *catalogi.Besluittype {
	e.t.Helper()
	v, err := e.h.loadVersie(context.Background(), soorten[catalogi.SoortBesluittype], id)
	if err != nil {
		e.t.Fatal(err)
	}
	return v.(*catalogi.Besluittype)
}

func (e *env) count() int {
	events, err := e.store.ReadAll(context.Background(), eventstore.Start, 1<<20)
	if err != nil {
		e.t.Fatal(err)
	}
	return len(events)
}
