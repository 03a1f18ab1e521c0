package eventgolden_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/eventgolden"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

// catalogueFile is the published event catalogue, from this package.
var catalogueFile = filepath.Join("..", "..", "docs", "events.md")

// TestEventCatalogue: docs/events.md is the catalogue of every event type
// of every context as the code and the golden files have it now. With
// ZAAKREGISTER_UPDATE_EVENTS_DOC=1 it writes the file instead; the part
// above eventgolden.Marker is written by hand and kept.
func TestEventCatalogue(t *testing.T) {
	c := eventgolden.Catalogue{
		DomainDir: "..",
		Events:    slices.Concat(autorisaties.Events(), catalogi.Events(), zaken.Events()),
		// The kanalen as the ZGW APIs define them (their notificaties.md):
		// Autorisaties 1.0, Catalogi 1.3.1, Zaken 1.5.1.
		Kanalen: []eventgolden.Kanaal{
			{Naam: "autorisaties", Hoofdresource: "applicatie"},
			{Naam: "besluittypen", Hoofdresource: "besluittype", Kenmerken: []string{"catalogus"}},
			{Naam: "informatieobjecttypen", Hoofdresource: "informatieobjecttype", Kenmerken: []string{"catalogus"}},
			{Naam: "zaaktypen", Hoofdresource: "zaaktype", Kenmerken: []string{"catalogus"}},
			{Naam: "zaken", Hoofdresource: "zaak", Kenmerken: []string{"bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"}},
		},
		Formats: map[reflect.Type]string{reflect.TypeFor[catalogi.Date](): "date (YYYY-MM-DD), or null when empty"},
	}
	current, err := os.ReadFile(catalogueFile)
	if err != nil {
		t.Fatal(err)
	}
	want, err := c.Render(current)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("ZAAKREGISTER_UPDATE_EVENTS_DOC") == "1" {
		if !bytes.Equal(current, want) {
			if err := os.WriteFile(catalogueFile, want, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", catalogueFile)
		}
		return
	}
	if !bytes.Equal(current, want) {
		line, have, should := firstDiff(current, want)
		t.Errorf("docs/events.md is out of date with the events; first difference at line %d:\n\thave %q\n\twant %q\n"+
			"run ZAAKREGISTER_UPDATE_EVENTS_DOC=1 go test -count=1 -run TestEventCatalogue ./domain/eventgolden and review the change",
			line, have, should)
	}
}

// firstDiff returns the number and the lines where a and b first differ.
func firstDiff(a, b []byte) (int, string, string) {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range max(len(la), len(lb)) {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return i + 1, string(x), string(y)
		}
	}
	return 0, "", ""
}
