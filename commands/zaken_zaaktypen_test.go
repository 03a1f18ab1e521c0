package commands

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/eventstore/memory"
)

// countingStore is a store that counts the stream reads it passes on.
type countingStore struct {
	eventstore.Store
	reads int
}

func (s *countingStore) ReadStream(ctx context.Context, stream string, from uint64, limit int) ([]eventstore.RecordedEvent, error) {
	s.reads++
	return s.Store.ReadStream(ctx, stream, from, limit)
}

// TestZaaktypen_CatalogiVersie: with a catalogi version a kept zaaktype is
// used without a read while the version stands still, and read again once
// it moved; without one every use reads the stream's new events.
func TestZaaktypen_CatalogiVersie(t *testing.T) {
	ctx := context.Background()
	store := &countingStore{Store: memory.New()}
	const id = "8c1b5c8e-8a4b-4c51-9d1a-0f6c3e2b7a10"
	add := func(e domain.Event) {
		t.Helper()
		d, err := eventstore.Encode(e, eventstore.Metadata{})
		if err == nil {
			_, err = store.Store.Append(ctx, catalogi.ZaaktypeStream(id), eventstore.Any(), d)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	add(catalogi.ZaaktypeAangemaakt{UUID: id, ZaaktypeGegevens: catalogi.ZaaktypeGegevens{Identificatie: "ZT-1", Omschrijving: "Eerst"}, Concept: true})

	var c zaaktypen
	versie := new(atomic.Uint64)
	omschrijving := func(v *atomic.Uint64) string {
		t.Helper()
		var got string
		if err := c.with(ctx, store, v, id, func(zt *catalogi.Zaaktype) { got = zt.Gegevens().Omschrijving }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := omschrijving(versie); got != "Eerst" || store.reads != 1 {
		t.Fatalf("first use: %q after %d reads", got, store.reads)
	}
	if got := omschrijving(versie); got != "Eerst" || store.reads != 1 {
		t.Fatalf("second use read the stream again: %q after %d reads", got, store.reads)
	}
	add(catalogi.ZaaktypeGewijzigd{UUID: id, Actie: catalogi.ActieUpdate, ZaaktypeGegevens: catalogi.ZaaktypeGegevens{Identificatie: "ZT-1", Omschrijving: "Daarna"}, Concept: true})
	versie.Add(1)
	if got := omschrijving(versie); got != "Daarna" || store.reads != 2 {
		t.Fatalf("after the version moved: %q after %d reads", got, store.reads)
	}
	if got := omschrijving(nil); got != "Daarna" || store.reads != 3 {
		t.Fatalf("without a version: %q after %d reads", got, store.reads)
	}
}
