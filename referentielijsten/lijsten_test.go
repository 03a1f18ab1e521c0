package referentielijsten_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/referentielijsten"
)

// Records of the published data the tests name.
const (
	procestype1of2017   = "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"
	generiek1_1         = "6711baff-798b-4c7f-9133-8ad02c8b7c6f" // 1.1 Ingericht, P10Y
	generiek1_3         = "462734f7-2f70-4487-b0d5-4b5d05b616e8" // 1.3 Opgeheven, no bewaartermijn
	specifiekOfGeneriek = "6d37598e-30f0-4aef-930d-3e1690725d95" // a specifiek resultaat below 1.1
	vervallen7          = "cc0011dc-f221-424d-9a2b-f328f7cf1f7f"
	vervallen19         = "1e9318b6-ddec-4cc3-97fa-3d289d850075"
	toegekend           = "fb65d251-1518-4185-865f-b8bdcfad07b1"
	email               = "4f274722-9878-40e2-b57e-2bd17be27630"
)

func load(t testing.TB) *referentielijsten.Lijsten {
	t.Helper()
	l, err := referentielijsten.Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLoad_Counts(t *testing.T) {
	l := load(t)
	for name, tt := range map[string]struct{ got, want int }{
		"procestypen":                 {len(l.Procestypen(0)), 58},
		"procestypen 2017":            {len(l.Procestypen(2017)), 29},
		"procestypen 2020":            {len(l.Procestypen(2020)), 29},
		"resultaten":                  {len(l.Resultaten("")), 346},
		"resultaattypeomschrijvingen": {len(l.ResultaatTypeOmschrijvingen()), 3},
		"communicatiekanalen":         {len(l.Communicatiekanalen()), 14},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %d, want %d", name, tt.got, tt.want)
		}
	}
}

func TestLijsten_Procestype(t *testing.T) {
	l := load(t)
	p, ok := l.Procestype(procestype1of2017)
	if !ok || p.Nummer != 1 || p.Jaar != 2017 || p.Naam != "Instellen en inrichten organisatie" ||
		p.Procesobject != "De vastgestelde organisatie inrichting" || p.Toelichting == "" {
		t.Fatalf("Procestype = %+v, %v", p, ok)
	}
	if q, ok := l.Procestype(strings.ToUpper(procestype1of2017)); !ok || q != p {
		t.Errorf("upper-case UUID: %+v, %v", q, ok)
	}
	for _, id := range []string{"", "not-a-uuid", generiek1_1} {
		if _, ok := l.Procestype(id); ok {
			t.Errorf("Procestype(%q) found", id)
		}
	}
}

func TestLijsten_Procestypen(t *testing.T) {
	l := load(t)
	for _, jaar := range []int{2017, 2020} {
		list := l.Procestypen(jaar)
		for i, p := range list {
			if p.Jaar != jaar || p.Nummer != i+1 {
				t.Fatalf("Procestypen(%d)[%d] = jaar %d nummer %d", jaar, i, p.Jaar, p.Nummer)
			}
		}
	}
	all := l.Procestypen(0)
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Nummer > b.Nummer || (a.Nummer == b.Nummer && a.Jaar >= b.Jaar) {
			t.Fatalf("not by nummer, jaar at %d: %d/%d then %d/%d", i, a.Nummer, a.Jaar, b.Nummer, b.Jaar)
		}
	}
	if got := l.Procestypen(1999); len(got) != 0 {
		t.Errorf("Procestypen(1999) = %d", len(got))
	}
	all[0].Naam = "changed"
	if l.Procestypen(0)[0].Naam == "changed" {
		t.Error("Procestypen returns the internal slice")
	}
}

func TestLijsten_Resultaat(t *testing.T) {
	l := load(t)
	g, ok := l.Resultaat(generiek1_1)
	if !ok || !g.Generiek() || g.Specifiek() || g.VolledigNummer != "1.1" || g.ProcestypeUUID != procestype1of2017 ||
		g.Bewaartermijn != "P10Y" || g.Waardering != referentielijsten.WaarderingVernietigen ||
		g.Procestermijn != referentielijsten.ProcestermijnNihil || g.Procestermijn.Weergave() != "Nihil" ||
		!g.Taakgebieden.BedrijfsvoeringEnPersoneel || g.Taakgebieden.Burgerzaken {
		t.Fatalf("generiek 1.1 = %+v, %v", g, ok)
	}
	s, ok := l.Resultaat(specifiekOfGeneriek)
	if !ok || !s.Specifiek() || s.GeneriekResultaatUUID == "" || !strings.HasPrefix(s.VolledigNummer, "1.1.") {
		t.Fatalf("specifiek = %+v, %v", s, ok)
	}
	if o, _ := l.Resultaat(generiek1_3); o.Bewaartermijn != "" || o.Procestermijn != "" || o.Procestermijn.Weergave() != "" {
		t.Errorf("1.3 without bewaartermijn and procestermijn: %+v", o)
	}
	for _, id := range []string{vervallen7, vervallen19} {
		if v, ok := l.Resultaat(id); !ok || v.Waardering != "" {
			t.Errorf("vervallen resultaat %s: waardering %q, %v", id, v.Waardering, ok)
		}
	}
	if _, ok := l.Resultaat(procestype1of2017); ok {
		t.Error("a procestype UUID found a resultaat")
	}
}

func TestLijsten_Resultaten(t *testing.T) {
	l := load(t)
	total := 0
	for _, p := range l.Procestypen(0) {
		list := l.Resultaten(p.UUID)
		total += len(list)
		seen := map[string]bool{}
		for _, r := range list {
			if r.ProcestypeUUID != p.UUID {
				t.Fatalf("Resultaten(%s) holds %s of %s", p.UUID, r.UUID, r.ProcestypeUUID)
			}
			// Tree order: a specifiek resultaat follows its generiek one.
			if r.Specifiek() && !seen[r.GeneriekResultaatUUID] {
				t.Fatalf("%s (%s) before its generiek resultaat", r.VolledigNummer, r.UUID)
			}
			seen[r.UUID] = true
		}
	}
	if total != 346 {
		t.Errorf("resultaten over all procestypen: %d, want 346", total)
	}
	if first := l.Resultaten("")[0]; first.UUID != generiek1_1 {
		t.Errorf("first resultaat %s (%s), want 1.1 of 2017", first.VolledigNummer, first.UUID)
	}
	if got := l.Resultaten(strings.ToUpper(procestype1of2017)); len(got) == 0 {
		t.Error("upper-case procestype UUID matches nothing")
	}
	if got := l.Resultaten(generiek1_1); len(got) != 0 {
		t.Errorf("Resultaten(unknown procestype) = %d", len(got))
	}
}

func TestLijsten_ResultaatTypeOmschrijvingen(t *testing.T) {
	l := load(t)
	var names []string
	for _, o := range l.ResultaatTypeOmschrijvingen() {
		names = append(names, o.Omschrijving)
	}
	if strings.Join(names, ",") != "Afgewezen,Ingetrokken,Toegekend" {
		t.Errorf("order %v", names)
	}
	if o, ok := l.ResultaatTypeOmschrijving(toegekend); !ok || o.Omschrijving != "Toegekend" || o.Definitie == "" {
		t.Errorf("Toegekend = %+v, %v", o, ok)
	}
	if _, ok := l.ResultaatTypeOmschrijving(email); ok {
		t.Error("a communicatiekanaal UUID found an omschrijving")
	}
}

func TestLijsten_Communicatiekanalen(t *testing.T) {
	l := load(t)
	list := l.Communicatiekanalen()
	for i, k := range list {
		if k.Naam == "" || len(k.Naam) > 20 || k.Omschrijving == "" || len(k.Omschrijving) > 200 {
			t.Errorf("%+v breaks the OAS lengths", k)
		}
		if i > 0 && list[i-1].Naam >= k.Naam {
			t.Errorf("not by unique naam: %q then %q", list[i-1].Naam, k.Naam)
		}
		if got, ok := l.Communicatiekanaal(k.UUID); !ok || got != k {
			t.Errorf("Communicatiekanaal(%s) = %+v, %v", k.UUID, got, ok)
		}
	}
	if k, ok := l.Communicatiekanaal(email); !ok || k.Naam != "E-mail" {
		t.Errorf("E-mail = %+v, %v", k, ok)
	}
}

func TestNotice(t *testing.T) {
	n, err := referentielijsten.Notice()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"VNG-Realisatie/VNG-referentielijsten", "e38ebc553cf7538976d1fd53b71282ab775f87c2", "EUPL-1.2", "communicatiekanalen.json"} {
		if !bytes.Contains(n, []byte(want)) {
			t.Errorf("NOTICE.md does not mention %s", want)
		}
	}
}
