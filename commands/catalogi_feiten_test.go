package commands

import (
	"net/http"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

func TestCatalogi_ResultaattypeFeiten(t *testing.T) {
	e := newEnv(t)
	cat := e.catalogus()
	bt := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "Besluit A", "2024-01-01"))
	missing := "11111111-1111-4111-8111-111111111111"

	var p domain.Problems
	g, f, err := e.h.resultaattypeFeiten(e.plain, &p, catalogi.ResultaattypeGegevens{
		Selectielijstklasse: local(resultaat), Resultaattypeomschrijving: local(rtOmschr),
		Besluittypen: []string{local(url("besluittypen", strings.ToUpper(bt))), url("besluittypen", missing)},
	})
	if err != nil || p.Err() != nil {
		t.Fatal(err, p.Err())
	}
	if f.Selectielijstklasse.URL != local(resultaat) || f.Selectielijstklasse.Bewaartermijn != "P10Y" || f.OmschrijvingGeneriek != "Verleend" {
		t.Fatalf("facts %+v", f)
	}
	if g.Besluittypen[0] != ref("besluittypen", bt) {
		t.Fatalf("besluittype not canonical: %v", g.Besluittypen)
	}
	if v, ok := f.Besluittypen[ref("besluittypen", bt)]; !ok || v.Catalogus != cat || !v.Concept {
		t.Fatalf("besluittype resolved to %+v", f.Besluittypen)
	}
	if _, ok := f.Besluittypen[ref("besluittypen", missing)]; ok {
		t.Fatal("a missing besluittype must stay unresolved, for the domain to report")
	}

	t.Run("BadReferences", func(t *testing.T) {
		var p domain.Problems
		_, _, err := e.h.resultaattypeFeiten(e.plain, &p, catalogi.ResultaattypeGegevens{
			Selectielijstklasse: "https://elders.test/resultaten/1", Resultaattypeomschrijving: "https://elders.test/x",
			Informatieobjecttypen: []string{"Aanvraag"},
		})
		if err != nil {
			t.Fatal(err)
		}
		for name, code := range map[string]string{"selectielijstklasse": "bad-url", "resultaattypeomschrijving": "invalid-resource",
			"informatieobjecttypen.0": "bad-url"} {
			if got := codeOf(p.Err(), name); got != code {
				t.Errorf("%s: %q, want %q", name, got, code)
			}
		}
	})
}

func TestCatalogi_PublicatieFeiten(t *testing.T) {
	e := newEnv(t)
	cat := e.catalogus()
	pub := e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "Gepubliceerd", "2024-01-01"))
	e.must(e.plain, http.StatusOK, e.h.PublishBesluittype, "POST", pub, nil)
	e.must(e.plain, http.StatusCreated, e.h.CreateBesluittype, "POST", "", besluittypeBodyFor(cat, "Concept", "2024-01-01"))
	zt := e.must(e.plain, http.StatusCreated, e.h.CreateZaaktype, "POST", "", zaaktypeBodyFor(cat, "ZT-1", "Gepubliceerd", "Concept"))

	f, err := e.h.publicatieFeiten(e.plain, e.zaaktype(zt))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := f.Besluittypen["Gepubliceerd"]; !ok || v.Concept {
		t.Fatalf("published besluittype: %+v", f.Besluittypen)
	}
	if _, ok := f.Besluittypen["Concept"]; ok {
		t.Fatal("a besluittype without a published version counts as published")
	}
}
