package readapi

import (
	"encoding/json"
	"hash/maphash"
	"sync"

	"github.com/zaakregister/zaakregister/domain/zaken"
)

// GegevensCache keeps the decoded state of the zaken this process read
// lately, by uuid, with a hash of the stored JSON it was decoded from: a
// page of a hundred zaken otherwise decodes a hundred documents per
// request, the largest cost of GET /zaken. An entry whose zaak changed no
// longer matches its hash and is decoded again; nothing needs to flush it.
// The state handed out is shared between requests and must not be
// changed. A nil cache decodes every time.
type GegevensCache struct {
	// Max bounds the number of zaken kept (default 20,000); a full cache
	// drops an arbitrary entry for every new one.
	Max int

	seed    maphash.Seed
	once    sync.Once
	mu      sync.RWMutex
	entries map[string]gegevensEntry
}

type gegevensEntry struct {
	sum uint64
	g   zaken.ZaakGegevens
}

// decode returns the state of zaak uuid stored as data.
func (c *GegevensCache) decode(uuid string, data []byte) (zaken.ZaakGegevens, error) {
	var g zaken.ZaakGegevens
	if c == nil {
		err := json.Unmarshal(data, &g)
		return g, err
	}
	c.once.Do(func() { c.seed, c.entries = maphash.MakeSeed(), map[string]gegevensEntry{} })
	sum := maphash.Bytes(c.seed, data)
	c.mu.RLock()
	e, ok := c.entries[uuid]
	c.mu.RUnlock()
	if ok && e.sum == sum {
		return e.g, nil
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return g, err
	}
	limit := c.Max
	if limit <= 0 {
		limit = 20000
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[uuid]; !ok && len(c.entries) >= limit {
		for k := range c.entries {
			delete(c.entries, k)
			break
		}
	}
	c.entries[uuid] = gegevensEntry{sum: sum, g: g}
	return g, nil
}
