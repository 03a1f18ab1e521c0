package refs

import (
	"container/list"
	"sync"
	"time"
)

// cache keeps remote 200 answers for a while, because one request body often
// names the same zaaktype or catalogus several times and remote APIs are
// slow. It is bounded, dropping the least recently used answer first. A nil
// *cache caches nothing.
type cache struct {
	ttl   time.Duration
	limit int
	now   func() time.Time // injectable for tests

	mu    sync.Mutex
	items map[string]*list.Element // of *cacheEntry
	order *list.List               // front: most recently used
}

type cacheEntry struct {
	key     string
	body    []byte
	expires time.Time
}

func newCache(ttl time.Duration, limit int) *cache {
	return &cache{ttl: ttl, limit: limit, now: time.Now, items: make(map[string]*list.Element), order: list.New()}
}

// get returns the unexpired answer for key. Callers must not modify it.
func (c *cache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if !c.now().Before(e.expires) {
		c.order.Remove(el)
		delete(c.items, key)
		return nil, false
	}
	c.order.MoveToFront(el)
	return e.body, true
}

// put stores body under key, evicting the least recently used entries when
// the cache is full.
func (c *cache) put(key string, body []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	expires := c.now().Add(c.ttl)
	if el, ok := c.items[key]; ok {
		e := el.Value.(*cacheEntry)
		e.body, e.expires = body, expires
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry{key: key, body: body, expires: expires})
	for c.order.Len() > c.limit {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*cacheEntry).key)
	}
}

// len reports the number of entries, expired ones included.
func (c *cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
