package catalogi

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

func TestParseDuur(t *testing.T) {
	valid := map[string]Duur{
		"P1Y":              {Jaren: 1},
		"P30D":             {Dagen: 30},
		"P2W":              {Weken: 2},
		"PT36H":            {Uren: 36},
		"P1Y2M3DT4H5M6.5S": {Jaren: 1, Maanden: 2, Dagen: 3, Uren: 4, Minuten: 5, Seconden: 6.5},
		"P0D":              {},
		"PT1M":             {Minuten: 1},
	}
	for s, want := range valid {
		got, err := ParseDuur(s)
		if err != nil || got != want {
			t.Errorf("ParseDuur(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "P", "PT", "1Y", "P1H", "P1M1Y", "P1Y1Y", "PT1S1M", "P-1D", "P1.5Y", "P1DT", "PT.5S", "PT5.S", "P1e3D", "p1d", "P1D ", "P 1D"} {
		if ValidDuur(s) {
			t.Errorf("ValidDuur(%q) = true", s)
		}
	}
}

func TestDuur_AddTo(t *testing.T) {
	d, _ := ParseDuur("P1Y1M1W1DT48H")
	if got := d.AddTo(MustDate("2024-01-31")); got != MustDate("2025-03-13") {
		t.Fatalf("AddTo = %s", got)
	}
}

func TestDate(t *testing.T) {
	d := MustDate("2024-02-29")
	if d.String() != "2024-02-29" || d.AddDays(1) != MustDate("2024-03-01") || d.AddDays(-60) != MustDate("2023-12-31") {
		t.Fatal("arithmetic")
	}
	for _, s := range []string{"2024-02-30", "2024-2-1", "2024-02-01T00:00:00Z", "", "01-02-2024"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	var out struct {
		A Date `json:"a"`
		B Date `json:"b"`
		C Date `json:"c"`
	}
	if err := json.Unmarshal([]byte(`{"a":"2024-01-02","b":null,"c":""}`), &out); err != nil {
		t.Fatal(err)
	}
	if out.A != MustDate("2024-01-02") || !out.B.IsZero() || !out.C.IsZero() {
		t.Fatalf("unmarshal: %+v", out)
	}
	data, _ := json.Marshal(out)
	if string(data) != `{"a":"2024-01-02","b":null,"c":null}` {
		t.Fatalf("marshal: %s", data)
	}
	if err := json.Unmarshal([]byte(`{"a":"2024-13-01"}`), &out); err == nil {
		t.Fatal("bad month accepted")
	}
	clock := domain.FixedClock{T: time.Date(2024, 12, 31, 23, 30, 0, 0, time.UTC)}
	if Today(clock, nil) != MustDate("2024-12-31") || Today(clock, time.FixedZone("CET", 3600)) != MustDate("2025-01-01") {
		t.Fatal("Today")
	}
}

func TestPeriode_Overlapt(t *testing.T) {
	for _, tc := range []struct {
		a, b Periode
		want bool
	}{
		{periode("2024-01-01", "2024-12-31"), periode("2025-01-01", ""), false},
		{periode("2024-01-01", "2024-12-31"), periode("2024-12-31", ""), true},
		{periode("2024-01-01", ""), periode("2030-01-01", "2030-01-01"), true},
		{periode("2024-01-01", ""), periode("2020-01-01", "2023-12-31"), false},
	} {
		if tc.a.Overlapt(tc.b) != tc.want || tc.b.Overlapt(tc.a) != tc.want {
			t.Errorf("%+v vs %+v: want %v", tc.a, tc.b, tc.want)
		}
	}
	if !periode("2024-01-01", "").Bevat(MustDate("2099-01-01")) || periode("2024-01-01", "2024-01-31").Bevat(MustDate("2024-02-01")) {
		t.Fatal("Bevat")
	}
}

func TestEnums(t *testing.T) {
	if !Vertrouwelijkheidaanduiding("zeer_geheim").Valid() || Vertrouwelijkheidaanduiding("").Valid() ||
		!Afleidingswijze("vervaldatum_besluit").Valid() || !OmschrijvingGeneriek("mede_initiator").Valid() ||
		!Richting("intern").Valid() || Formaat("datum tijd").Valid() || !AardRelatie("onderwerp").Valid() {
		t.Fatal("enum values")
	}
}

// TestDecode_RoundTrip encodes every event of a full history and decodes
// it back to an equal value, and rebuilds the aggregate from the decoded
// events.
func TestDecode_RoundTrip(t *testing.T) {
	events := published(t)
	z := given(events...)
	more, err := z.DeleteStatustype("st-1", true)
	if err != nil {
		t.Fatal(err)
	}
	events = append(events, more...)
	events = append(events,
		CatalogusAangemaakt{UUID: cat, CatalogusGegevens: CatalogusGegevens{Domein: "A", BegindatumVersie: MustDate("2024-01-01")}},
		InformatieobjecttypeAangemaakt{UUID: iotUUID, InformatieobjecttypeGegevens: iotGegevens().normalised(), Concept: true},
		BesluittypeGewijzigd{UUID: btUUID, Actie: ActieUpdate, BesluittypeGegevens: btGegevens()},
		VersieGepubliceerd{Soort: SoortZaaktype, Catalogus: cat, Sleutel: "ZT-1", UUID: ztUUID, Periode: periode("2024-01-01", "")},
		VersieVerwijderd{Soort: SoortBesluittype, Catalogus: cat, Sleutel: "B", UUID: btUUID},
		ZaaktypeVerwijderd{UUID: ztUUID, Catalogus: cat, Identificatie: "ZT-1", Correctie: true},
	)
	rebuilt := NewZaaktype(ztUUID)
	for _, e := range events {
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(e.EventType(), data)
		if err != nil {
			t.Fatalf("%s: %v", e.EventType(), err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Fatalf("%s decoded as\n%#v\nwant\n%#v", e.EventType(), got, e)
		}
		rebuilt.Apply(got)
	}
	if rebuilt.Exists() {
		t.Fatal("the rebuilt zaaktype was not deleted")
	}
	if _, err := Decode("catalogi.onbekend", nil); err == nil {
		t.Fatal("unknown type decoded")
	}
	if _, err := Decode(TypeZaaktypeAangemaakt, []byte("{")); err == nil {
		t.Fatal("bad JSON decoded")
	}
}

var allEventTypes = []string{
	TypeCatalogusAangemaakt, TypeZaaktypeAangemaakt, TypeZaaktypeGewijzigd, TypeZaaktypeGepubliceerd,
	TypeZaaktypeBeeindigd, TypeZaaktypeVerwijderd, TypeStatustypeAangemaakt, TypeStatustypeGewijzigd,
	TypeStatustypeVerwijderd, TypeRoltypeAangemaakt, TypeRoltypeGewijzigd, TypeRoltypeVerwijderd,
	TypeResultaattypeAangemaakt, TypeResultaattypeGewijzigd, TypeResultaattypeVerwijderd,
	TypeEigenschapAangemaakt, TypeEigenschapGewijzigd, TypeEigenschapVerwijderd,
	TypeZaakobjecttypeAangemaakt, TypeZaakobjecttypeGewijzigd, TypeZaakobjecttypeVerwijderd,
	TypeZaaktypeInformatieobjecttypeAangemaakt, TypeZaaktypeInformatieobjecttypeGewijzigd,
	TypeZaaktypeInformatieobjecttypeVerwijderd, TypeInformatieobjecttypeAangemaakt,
	TypeInformatieobjecttypeGewijzigd, TypeInformatieobjecttypeGepubliceerd, TypeInformatieobjecttypeBeeindigd,
	TypeInformatieobjecttypeVerwijderd, TypeBesluittypeAangemaakt, TypeBesluittypeGewijzigd,
	TypeBesluittypeGepubliceerd, TypeBesluittypeBeeindigd, TypeBesluittypeVerwijderd,
	TypeVersieGepubliceerd, TypeVersieGewijzigd, TypeVersieVerwijderd,
}

// TestEvents_NoFieldIsLost decodes every event type and checks that its
// JSON has a key for every field: two embedded structs with the same JSON
// name would silently drop both.
func TestEvents_NoFieldIsLost(t *testing.T) {
	seen := map[string]bool{}
	for _, typ := range allEventTypes {
		if seen[typ] {
			t.Fatalf("%s listed twice", typ)
		}
		seen[typ] = true
		e, err := Decode(typ, []byte("{}"))
		if err != nil {
			t.Fatal(err)
		}
		if e.EventType() != typ {
			t.Fatalf("%s decodes to %s", typ, e.EventType())
		}
		data, _ := json.Marshal(e)
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(data, &keys); err != nil {
			t.Fatal(err)
		}
		if want := jsonFields(reflect.TypeOf(e)); len(keys) != want {
			t.Errorf("%s: %d JSON keys for %d fields: %s", typ, len(keys), want, data)
		}
	}
}

// jsonFields counts the fields of struct type t that always appear in its
// JSON, looking through embedded structs.
func jsonFields(t reflect.Type) int {
	n := 0
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		switch {
		case f.Anonymous && tag == "":
			n += jsonFields(f.Type)
		case strings.HasSuffix(tag, ",omitempty"):
		default:
			n++
		}
	}
	return n
}
