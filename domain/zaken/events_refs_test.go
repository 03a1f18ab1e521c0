package zaken_test

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain/eventgolden"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

// TestEvents_RefsTagged: every URL in the golden events sits in a field
// tagged ref, so that no reference escapes the conversions of
// domain.MapRefs.
func TestEvents_RefsTagged(t *testing.T) { eventgolden.CheckRefs(t, zaken.Decode) }
