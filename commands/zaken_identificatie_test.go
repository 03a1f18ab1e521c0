package commands

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
	"github.com/zaakregister/zaakregister/eventstore/postgres"
	"github.com/zaakregister/zaakregister/pgtest"
)

const bron = "002220647"

func identificaties(store eventstore.Store) *Identificaties {
	return &Identificaties{Base: Base{Store: store, Clock: domain.FixedClock{T: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}}}
}

// TestIdentificaties_zrc002 runs on both stores: generated identificaties
// are unique under concurrency, skip numbers clients took, and a client's
// identificatie held by another zaak is refused.
func TestIdentificaties_zrc002(t *testing.T) {
	stores := map[string]func(t *testing.T) eventstore.Store{
		"Memory":   func(*testing.T) eventstore.Store { return memory.New() },
		"Postgres": func(t *testing.T) eventstore.Store { return postgres.New(pgtest.Pool(t)) },
	}
	for name, newStore := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := identificaties(newStore(t))
			// A client takes the number the series would hand out third.
			if _, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "ZAAK-2026-0000000003", "client-zaak"); err != nil {
				t.Fatal(err)
			}
			const n = 40
			ids := make(chan string, n)
			var wg sync.WaitGroup
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					id, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "", "zaak-"+string(rune('a'+i%26))+string(rune('0'+i/26)))
					if err != nil {
						t.Error(err)
					}
					ids <- id
				}(i)
			}
			wg.Wait()
			close(ids)
			seen := map[string]bool{"ZAAK-2026-0000000003": true}
			for id := range ids {
				if seen[id] {
					t.Fatalf("identificatie %s handed out twice", id)
				}
				seen[id] = true
			}
			_, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "ZAAK-2026-0000000001", "another-zaak")
			if !isNietUniek(err) {
				t.Fatalf("taken identificatie: %v", err)
			}
			// The same identificatie in another bronorganisatie is free.
			if _, err := g.Reserve(ctx, eventstore.Metadata{}, "517439943", "ZAAK-2026-0000000001", "z"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestIdentificaties_NeverReusedAfterDelete: releasing a generated
// identificatie (its zaak was deleted) does not put its number back.
func TestIdentificaties_NeverReusedAfterDelete(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	g := identificaties(store)
	first, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "", "zaak-1")
	if err != nil {
		t.Fatal(err)
	}
	r := zaken.NewIdentificatieReservering(bron, first)
	expected, err := g.load(ctx, zaken.IdentificatieStream(bron, first), zaken.Decode, r.Apply)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.append(ctx, eventstore.Metadata{}, zaken.IdentificatieStream(bron, first), expected, r.Vrijgeven("zaak-1")); err != nil {
		t.Fatal(err)
	}
	second, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "", "zaak-2")
	if err != nil {
		t.Fatal(err)
	}
	if second == first {
		t.Fatalf("identificatie %s was handed out again after its zaak was deleted", first)
	}
}
