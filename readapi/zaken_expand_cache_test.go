package readapi

import (
	"context"
	"testing"
	"time"
)

// TestZaken_ExpandCache: an expanded catalogi object is rendered once and
// kept until the cache is flushed (after a change of the catalogi read
// model) or its TTL passes.
func TestZaken_ExpandCache(t *testing.T) {
	h := exProject(t)
	h.Catalogi = &ExpandCache{TTL: time.Hour}
	omschrijving := func() any {
		t.Helper()
		z, err := exExpand(t, h, zkSuperuser, exX1, "zaaktype")
		if err != nil {
			t.Fatal(err)
		}
		return exAt(t, z, "_expand", "zaaktype", "omschrijving")
	}
	before := omschrijving()
	if _, err := h.Pool.Exec(context.Background(),
		`UPDATE ztc.zaaktypen SET data = jsonb_set(data, '{omschrijving}', '"Gewijzigd"')`); err != nil {
		t.Fatal(err)
	}
	if got := omschrijving(); got != before {
		t.Fatalf("kept rendering not used: %v, was %v", got, before)
	}
	h.Catalogi.Flush()
	if got := omschrijving(); got != "Gewijzigd" {
		t.Fatalf("after a flush: %v", got)
	}
	h.Catalogi.TTL = time.Nanosecond
	if _, err := h.Pool.Exec(context.Background(),
		`UPDATE ztc.zaaktypen SET data = jsonb_set(data, '{omschrijving}', '"Weer anders"')`); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	if got := omschrijving(); got != "Weer anders" {
		t.Fatalf("after the TTL: %v", got)
	}
}
