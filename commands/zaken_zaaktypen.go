package commands

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
)

// zaaktypen keeps the zaaktype aggregates the Zaken API decides with, each
// with the revision it has read up to. A use reads only the events after
// that revision (normally none, one indexed query) and applies them, so the
// zaaktype's history is decoded once per process instead of once per
// write. With a catalogi version (bumped once the read model has applied a
// catalogi event, in every process) a use skips even that query while the
// version stands still: a change committed by this process is counted
// before its write answers, one by another process within the moments its
// events take to arrive.
type zaaktypen struct {
	mu sync.Mutex
	m  map[string]*zaaktypeEntry
}

type zaaktypeEntry struct {
	mu     sync.Mutex
	zt     *catalogi.Zaaktype
	next   uint64 // the first revision not yet applied
	versie uint64 // the catalogi version before the last read
	read   bool
}

// with runs use on the current zaaktype id, read from store; use must not
// keep the aggregate.
func (c *zaaktypen) with(ctx context.Context, store eventstore.Store, versie *atomic.Uint64, id string, use func(*catalogi.Zaaktype)) error {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*zaaktypeEntry{}
	}
	e := c.m[id]
	if e == nil {
		e = &zaaktypeEntry{zt: catalogi.NewZaaktype(id)}
		c.m[id] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if versie != nil && e.read && e.versie == versie.Load() {
		use(e.zt)
		return nil
	}
	var v uint64
	if versie != nil {
		v = versie.Load()
	}
	for {
		events, err := store.ReadStream(ctx, catalogi.ZaaktypeStream(id), e.next, 1000)
		if errors.Is(err, eventstore.ErrStreamNotFound) {
			break
		}
		if err != nil {
			return err
		}
		for _, re := range events {
			ev, err := catalogi.Decode(re.Type, re.Data)
			if err != nil {
				return err
			}
			e.zt.Apply(ev)
			e.next = re.Revision + 1
		}
		if len(events) < 1000 {
			break
		}
	}
	e.versie, e.read = v, true
	use(e.zt)
	return nil
}
