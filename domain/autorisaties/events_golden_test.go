package autorisaties_test

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/eventgolden"
)

// TestEvents_Golden: every event of this context as the log keeps it
// (testdata/events, one file per type and schema version) still decodes to
// the same event and encodes back to the same JSON, and every event type
// of Events, the list Decode reads, has a golden file of its schema
// version.
func TestEvents_Golden(t *testing.T) {
	eventgolden.Check(t, autorisaties.Decode, autorisaties.Events())
}
