package clients_test

import (
	"context"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/clients"
	"github.com/zaakregister/zaakregister/pgtest"
)

func TestStore_Rotation(t *testing.T) {
	ctx := context.Background()
	s := &clients.Store{Pool: pgtest.Pool(t)}
	if got, _ := s.ClientSecrets(ctx, "app"); len(got) != 0 {
		t.Fatalf("unknown client has secrets %v", got)
	}
	if err := s.Add(ctx, "app", "old"); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(ctx, "app", "new"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ClientSecrets(ctx, "app"); len(got) != 2 {
		t.Fatalf("secrets = %v, want old and new", got)
	}
	if n, err := s.Remove(ctx, "app", "old"); err != nil || n != 1 {
		t.Fatalf("remove: %d %v", n, err)
	}
	got, _ := s.ClientSecrets(ctx, "app")
	if len(got) != 1 || got[0] != "new" {
		t.Fatalf("after rotation secrets = %v", got)
	}
	if err := s.Add(ctx, "", "x"); err == nil {
		t.Fatal("empty client id accepted")
	}
}

// TestStore_RemoveBound: a secret removed in one process (Store) is
// forgotten there at once, and in every other process once their cache of
// TTL has run out: the bound README documents for `client remove`.
func TestStore_RemoveBound(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t)
	const ttl = 200 * time.Millisecond
	server := &clients.Store{Pool: pool, TTL: ttl} // a running serve
	cli := &clients.Store{Pool: pool, TTL: ttl}    // `zaakregister client remove`
	if err := cli.Add(ctx, "app", "geheim"); err != nil {
		t.Fatal(err)
	}
	if got, err := server.ClientSecrets(ctx, "app"); err != nil || len(got) != 1 {
		t.Fatalf("secrets = %v, %v", got, err)
	}
	if n, err := cli.Remove(ctx, "app", ""); err != nil || n != 1 {
		t.Fatalf("remove: %d %v", n, err)
	}
	removed := time.Now()
	if got, _ := cli.ClientSecrets(ctx, "app"); len(got) != 0 {
		t.Errorf("the removing process still has %v", got)
	}
	// The other process may still have the secret until the bound.
	if got, err := server.ClientSecrets(ctx, "app"); err != nil || len(got) > 1 {
		t.Fatalf("before the bound: %v, %v", got, err)
	}
	time.Sleep(time.Until(removed.Add(ttl)))
	if got, err := server.ClientSecrets(ctx, "app"); err != nil || len(got) != 0 {
		t.Errorf("after the bound: %v, %v; want none", got, err)
	}
}

// TestStore_NoCache: with a TTL of 0 nothing is cached, so a secret
// removed in another process stops working at once.
func TestStore_NoCache(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t)
	server, cli := &clients.Store{Pool: pool}, &clients.Store{Pool: pool}
	if err := cli.Add(ctx, "app", "geheim"); err != nil {
		t.Fatal(err)
	}
	if got, err := server.ClientSecrets(ctx, "app"); err != nil || len(got) != 1 {
		t.Fatalf("secrets = %v, %v", got, err)
	}
	if _, err := cli.Remove(ctx, "app", ""); err != nil {
		t.Fatal(err)
	}
	if got, err := server.ClientSecrets(ctx, "app"); err != nil || len(got) != 0 {
		t.Errorf("after the removal: %v, %v; want none", got, err)
	}
}
