package eventstore_test

import (
	"regexp"
	"testing"

	"github.com/zaakregister/zaakregister/eventstore"
)

type probe struct {
	Naam string `json:"naam"`
}

func (probe) EventType() string  { return "test.probe.aangemaakt" }
func (probe) SchemaVersion() int { return 3 }

func TestEncode(t *testing.T) {
	meta := eventstore.Metadata{ClientID: "c"}
	a, err := eventstore.Encode(probe{Naam: "x"}, meta)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := eventstore.Encode(probe{Naam: "x"}, meta)
	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !uuid4.MatchString(a.ID) || a.ID == b.ID {
		t.Fatalf("ids %q, %q: want two different version 4 UUIDs", a.ID, b.ID)
	}
	if a.Type != "test.probe.aangemaakt" || a.SchemaVersion != 3 || string(a.Data) != `{"naam":"x"}` || a.Metadata.ClientID != "c" {
		t.Fatalf("encoded %+v", a)
	}
}
