package commands

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
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
// TestIdentificaties_BlocksAcrossRestarts: a new process takes a new block
// of the series, so numbers an earlier process took but did not hand out
// are skipped, never handed out twice.
func TestIdentificaties_BlocksAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	first, err := identificaties(store).Reserve(ctx, eventstore.Metadata{}, bron, "", "zaak-1")
	if err != nil {
		t.Fatal(err)
	}
	restarted := identificaties(store)
	restarted.BlockSize = 3
	var got []string
	for i := range 4 {
		id, err := restarted.Reserve(ctx, eventstore.Metadata{}, bron, "", fmt.Sprintf("zaak-%d", i+2))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	want := []string{"ZAAK-2026-0000000051", "ZAAK-2026-0000000052", "ZAAK-2026-0000000053", "ZAAK-2026-0000000054"}
	if first != "ZAAK-2026-0000000001" || !slices.Equal(got, want) {
		t.Fatalf("first %s, after a restart %v, want %v", first, got, want)
	}
}
