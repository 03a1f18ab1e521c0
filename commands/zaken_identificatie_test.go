package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
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

// identificatieStores are the stores the identificatie tests run on.
var identificatieStores = map[string]func(t *testing.T) eventstore.Store{
	"Memory":   func(*testing.T) eventstore.Store { return memory.New() },
	"Postgres": func(t *testing.T) eventstore.Store { return postgres.New(pgtest.Pool(t)) },
}

// TestIdentificaties_zrc002 runs on both stores: generated identificaties
// are unique under concurrency, skip numbers clients took, and a client's
// identificatie held by another zaak is refused.
func TestIdentificaties_zrc002(t *testing.T) {
	for name, newStore := range identificatieStores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := identificaties(newStore(t))
			// A client takes the number the series would hand out third.
			if _, _, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "ZAAK-2026-0000000003", "client-zaak", nil); err != nil {
				t.Fatal(err)
			}
			const n = 40
			ids := make(chan string, n)
			var wg sync.WaitGroup
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					id, _, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "", "zaak-"+string(rune('a'+i%26))+string(rune('0'+i/26)), nil)
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
			_, _, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "ZAAK-2026-0000000001", "another-zaak", nil)
			if !isNietUniek(err) {
				t.Fatalf("taken identificatie: %v", err)
			}
			// The same identificatie in another bronorganisatie is free.
			if _, _, err := g.Reserve(ctx, eventstore.Metadata{}, "517439943", "ZAAK-2026-0000000001", "z", nil); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestIdentificaties_zrc002_RefusedCreateLeavesItFree: the reservation and
// the part it guards are appended together, so a create that is refused
// (here: its stream exists) takes no identificatie, and a retry by another
// zaak gets it.
func TestIdentificaties_zrc002_RefusedCreateLeavesItFree(t *testing.T) {
	for name, newStore := range identificatieStores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := identificaties(newStore(t))
			uitgegeven := []domain.Event{zaken.IdentificatieUitgegeven{Bronorganisatie: bron, Jaar: 2026}}
			if _, err := g.append(ctx, eventstore.Metadata{}, "zaak-exists", eventstore.NoStream(), uitgegeven); err != nil {
				t.Fatal(err)
			}
			refused := func(string) (part, error) {
				return part{stream: "zaak-exists", expected: eventstore.NoStream(), events: uitgegeven}, nil
			}
			for _, identificatie := range []string{"ZAAK-EIGEN-1", ""} {
				if _, _, err := g.Reserve(ctx, eventstore.Metadata{}, bron, identificatie, "zaak-1", refused); !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
					t.Fatalf("Reserve(%q) with a refused part: err = %v, want the conflict", identificatie, err)
				}
			}
			got, _, err := g.Reserve(ctx, eventstore.Metadata{}, bron, "ZAAK-EIGEN-1", "zaak-2", nil)
			if err != nil || got != "ZAAK-EIGEN-1" {
				t.Fatalf("retry by another zaak: %q, %v", got, err)
			}
			var placed eventstore.AppendResult
			accepted := func(identificatie string) (part, error) {
				return part{stream: "zaak-3", expected: eventstore.NoStream(), events: uitgegeven}, nil
			}
			if _, placed, err = g.Reserve(ctx, eventstore.Metadata{}, bron, "ZAAK-EIGEN-2", "zaak-3", accepted); err != nil {
				t.Fatal(err)
			}
			events, err := g.Store.ReadStream(ctx, "zaak-3", 0, 0)
			if err != nil || len(events) != 1 || events[0].Position != placed.Position {
				t.Fatalf("guarded part: %d events (%v), result %s", len(events), err, placed.Position)
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
	first, _, err := identificaties(store).Reserve(ctx, eventstore.Metadata{}, bron, "", "zaak-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	restarted := identificaties(store)
	restarted.BlockSize = 3
	var got []string
	for i := range 4 {
		id, _, err := restarted.Reserve(ctx, eventstore.Metadata{}, bron, "", fmt.Sprintf("zaak-%d", i+2), nil)
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
