package clients_test

import (
	"context"
	"testing"

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
