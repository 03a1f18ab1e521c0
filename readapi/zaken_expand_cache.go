package readapi

import (
	"sync"
	"time"
)

// ExpandCache keeps the Catalogi objects that expand embeds in zaken
// (zaaktype, statustype, resultaattype, roltype, eigenschap, ...) as they
// are rendered, by kind and uuid: a zaak detail with
// expand=status.statustype would otherwise render the same statustype from
// its ten correlated sub-selects for every zaak. The caller flushes it
// after every change of the catalogi read model (as the Catalogi API's
// answer cache); TTL bounds what no event announces, such as a rebuild.
type ExpandCache struct {
	TTL time.Duration

	mu  sync.Mutex
	gen uint64
	m   map[string]expandCached
}

type expandCached struct {
	wire any
	at   time.Time
}

// Flush forgets everything; renderings started before it are not kept.
func (c *ExpandCache) Flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.m = nil
}

// generation is what a rendering started now hands to put.
func (c *ExpandCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// get returns the rendering of key, if kept and fresh.
func (c *ExpandCache) get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || (c.TTL > 0 && time.Since(e.at) > c.TTL) {
		return nil, false
	}
	return e.wire, true
}

// put keeps the rendering of key made in generation gen, unless a flush
// came in between.
func (c *ExpandCache) put(key string, gen uint64, wire any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.m == nil {
		c.m = map[string]expandCached{}
	}
	c.m[key] = expandCached{wire: wire, at: time.Now()}
}
