package refs

import (
	"testing"
	"time"
)

func TestCache(t *testing.T) {
	now := time.Unix(0, 0)
	newTestCache := func(limit int) *cache {
		c := newCache(time.Minute, limit)
		c.now = func() time.Time { return now }
		return c
	}

	t.Run("BoundedDropsLeastRecentlyUsed", func(t *testing.T) {
		c := newTestCache(2)
		c.put("a", []byte("1"))
		c.put("b", []byte("2"))
		c.get("a") // a is now more recent than b
		c.put("c", []byte("3"))
		if _, ok := c.get("b"); ok {
			t.Fatal("b survived, want it evicted")
		}
		if _, ok := c.get("a"); !ok {
			t.Fatal("a evicted, want it kept")
		}
		if c.len() != 2 {
			t.Fatalf("len = %d, want 2", c.len())
		}
	})
	t.Run("ExpiredIsAMiss", func(t *testing.T) {
		c := newTestCache(2)
		c.put("a", []byte("1"))
		now = now.Add(59 * time.Second)
		if _, ok := c.get("a"); !ok {
			t.Fatal("miss before the TTL")
		}
		now = now.Add(time.Second)
		if _, ok := c.get("a"); ok {
			t.Fatal("hit at the TTL")
		}
		if c.len() != 0 {
			t.Fatalf("len = %d, want the expired entry gone", c.len())
		}
	})
	t.Run("NilCachesNothing", func(t *testing.T) {
		var c *cache
		c.put("a", []byte("1"))
		if _, ok := c.get("a"); ok {
			t.Fatal("nil cache hit")
		}
	})
}
