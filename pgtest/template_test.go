package pgtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestTemplate_OneSharedNoneLeft: every test process clones the one
// template of the embedded migrations, and building or finding it drops
// the templates of other migration sets that nobody uses: runs no longer
// leave a template each behind.
func TestTemplate_OneSharedNoneLeft(t *testing.T) {
	ctx := context.Background()
	admin, err := ServerURL()
	if err != nil {
		t.Skip(err)
	}
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	const stale = "zrtmpl_0000000000000000"
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+stale); err != nil {
		t.Fatal(err)
	}
	name, err := makeTemplate(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	again, err := makeTemplate(ctx, admin)
	if err != nil || again != name {
		t.Fatalf("a second process got template %q (%v), want the shared %q", again, err, name)
	}
	var left []string
	rows, err := conn.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'zrtmpl_%' ORDER BY datname`)
	if err != nil {
		t.Fatal(err)
	}
	if left, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0] != name {
		t.Errorf("templates left %v, want only %s", left, name)
	}
}
