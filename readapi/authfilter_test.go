package readapi

import (
	"context"
	"testing"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/pgtest"
)

// TestRightsFilter_zrc006 runs the filter's SQL on real rows and checks it
// agrees with Allows for every combination.
func TestRightsFilter_zrc006(t *testing.T) {
	pool := pgtest.Pool(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `CREATE TEMP TABLE objects (typ text, va text, va_rank int)`); err != nil {
		t.Fatal(err)
	}
	types := []string{"https://x/zaaktypen/1", "https://x/zaaktypen/2", "https://x/zaaktypen/3"}
	for _, typ := range types {
		for i, va := range autorisaties.Vertrouwelijkheidaanduidingen {
			if _, err := pool.Exec(ctx, `INSERT INTO objects VALUES ($1, $2, $3)`, typ, va, i); err != nil {
				t.Fatal(err)
			}
		}
	}
	rights := map[string]*autorisaties.Rights{
		"superuser": {HeeftAlleAutorisaties: true},
		"nothing":   {},
		"two types": {Autorisaties: []autorisaties.Autorisatie{
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[0], MaxVertrouwelijkheidaanduiding: "intern"},
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[1], MaxVertrouwelijkheidaanduiding: "geheim"},
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: types[2], MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
		}},
		"one maximum": {Autorisaties: []autorisaties.Autorisatie{
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[0], MaxVertrouwelijkheidaanduiding: "geheim"},
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[2], MaxVertrouwelijkheidaanduiding: "geheim"},
		}},
		"one type twice": {Autorisaties: []autorisaties.Autorisatie{
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[1], MaxVertrouwelijkheidaanduiding: "intern"},
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[1], MaxVertrouwelijkheidaanduiding: "vertrouwelijk"},
			{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: types[0], MaxVertrouwelijkheidaanduiding: "openbaar"},
		}},
	}
	want := map[string]int{"superuser": 24, "nothing": 0, "two types": 3 + 7, "one maximum": 7 + 7, "one type twice": 5 + 1}
	for name, r := range rights {
		t.Run(name, func(t *testing.T) {
			f := NewRightsFilter(r, autorisaties.ZRC, "zaken.lezen")
			var args []any
			rows, err := pool.Query(ctx, `SELECT typ, va FROM objects WHERE `+f.SQL("typ", "va_rank", &args), args...)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for rows.Next() {
				var typ, va string
				if err := rows.Scan(&typ, &va); err != nil {
					t.Fatal(err)
				}
				if !f.Allows(typ, va) {
					t.Errorf("SQL lets through %s %s that Allows refuses", typ, va)
				}
				n++
			}
			if n != want[name] {
				t.Fatalf("%d rows visible, want %d", n, want[name])
			}
		})
	}
}
