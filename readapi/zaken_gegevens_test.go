package readapi

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/zaakregister/zaakregister/domain/zaken"
)

// TestGegevensCache: a zaak read again with the same stored JSON is not
// decoded again; a changed zaak is; a full cache keeps its bound; a nil
// cache decodes.
func TestGegevensCache(t *testing.T) {
	doc := func(omschrijving string) []byte {
		data, err := json.Marshal(zaken.ZaakGegevens{Identificatie: "ZAAK-1", Omschrijving: omschrijving})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	c := &GegevensCache{Max: 2}
	first, err := c.decode("a", doc("eerste"))
	if err != nil || first.Omschrijving != "eerste" {
		t.Fatalf("first read: %+v, %v", first, err)
	}
	// The same bytes: served from the cache, proven by a poisoned entry.
	c.entries["a"] = gegevensEntry{sum: c.entries["a"].sum, g: zaken.ZaakGegevens{Omschrijving: "uit de cache"}}
	if again, _ := c.decode("a", doc("eerste")); again.Omschrijving != "uit de cache" {
		t.Fatalf("same data decoded again: %q", again.Omschrijving)
	}
	if changed, _ := c.decode("a", doc("gewijzigd")); changed.Omschrijving != "gewijzigd" {
		t.Fatalf("changed zaak: %q, want the new state", changed.Omschrijving)
	}
	for _, id := range []string{"b", "c", "d"} {
		if _, err := c.decode(id, doc(id)); err != nil {
			t.Fatal(err)
		}
	}
	if len(c.entries) != 2 {
		t.Fatalf("%d entries, want the bound of 2", len(c.entries))
	}
	if _, err := c.decode("e", []byte(`{"omschrijving":`)); err == nil {
		t.Fatal("invalid JSON decoded without an error")
	}
	var none *GegevensCache
	if g, err := none.decode("a", doc("zonder cache")); err != nil || g.Omschrijving != "zonder cache" {
		t.Fatalf("nil cache: %+v, %v", g, err)
	}
}

// TestGegevensCache_Concurrent: requests read and replace entries at once
// (run with -race); every read gets the state of the data it passed.
func TestGegevensCache_Concurrent(t *testing.T) {
	c := &GegevensCache{Max: 8}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				want := fmt.Sprintf("versie %d", (w+i)%3)
				data, _ := json.Marshal(zaken.ZaakGegevens{Omschrijving: want})
				g, err := c.decode(fmt.Sprintf("zaak-%d", i%12), data)
				if err != nil || g.Omschrijving != want {
					t.Errorf("got %q (%v), want %q", g.Omschrijving, err, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
