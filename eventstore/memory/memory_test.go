package memory_test

import (
	"testing"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
	"github.com/zaakregister/zaakregister/eventstore/storetest"
)

// TestStore runs the contract suite.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) eventstore.Store {
		s := memory.New()
		t.Cleanup(func() { s.Close() })
		return s
	})
}
