package postgres_test

import (
	"testing"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/eventstore/storetest"
	"github.com/zaakregister/zaakregister/pgtest"
)

// TestStore runs the contract suite, each test on a fresh database.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) eventstore.Store {
		s := postgres.New(pgtest.Pool(t))
		t.Cleanup(func() { s.Close() })
		return s
	})
}
