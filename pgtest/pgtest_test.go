package pgtest_test

import (
	"context"
	"testing"

	"github.com/zaakregister/zaakregister/pgtest"
)

func TestPool_HasMigratedSchema(t *testing.T) {
	pool := pgtest.Pool(t)
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM events`).Scan(&n); err != nil {
		t.Fatalf("events table: %v", err)
	}
	if n != 0 {
		t.Fatalf("fresh database has %d events", n)
	}
}
