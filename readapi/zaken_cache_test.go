package readapi

import (
	"slices"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// TestZaakCacheTags: an event names the zaak of its stream and the
// hoofdzaak it mentions, by URL or by uuid, the way cacheDependsOn names
// them; an identificatie's reservation names nothing.
func TestZaakCacheTags(t *testing.T) {
	const z, h = "0b5b8c36-6c3a-4a3e-9c1e-2f3b4c5d6e7f", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
	ev := func(stream, data string) eventstore.RecordedEvent {
		return eventstore.RecordedEvent{StreamID: stream, EventData: eventstore.EventData{Type: zaken.TypeZaakGewijzigd, Data: []byte(data)}}
	}
	rol := ev(zaken.ZaakStream(z), `{"zaak":"`+z+`","uuid":"`+h+`"}`)
	rol.Type = zaken.TypeRolAangemaakt
	cases := []struct {
		ev   eventstore.RecordedEvent
		want []string
	}{
		{ev(zaken.ZaakStream(z), `{"zaak":"`+z+`","hoofdzaak":"http://localhost:8000/zaken/api/v1/zaken/`+h+`"}`), []string{z, z, h}},
		{ev(zaken.ZaakStream(z), `{"zaak":"`+z+`","hoofdzaak":"`+strings.ToUpper(h)+`"}`), []string{z, z, h}},
		{ev(zaken.ZaakStream(z), `{"zaak":"`+z+`","uuid":"`+h+`"}`), []string{z, z}},
		{rol, []string{z}},
		{ev("zaken.vernietigingen", `{"zaak":"`+z+`"}`), []string{z}},
		{ev(zaken.IdentificatieStream("002220647", "ZAAK-1"), `{"zaak":"`+z+`"}`), []string{z}},
		{ev(zaken.NummerreeksStream("002220647", 2026), `{"bronorganisatie":"002220647"}`), nil},
	}
	for i, c := range cases {
		if got := ZaakCacheTags(c.ev); !slices.Equal(got, c.want) {
			t.Errorf("%d: tags %v, want %v", i, got, c.want)
		}
	}
}
