package commands

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Identificaties gives zaken their identificatie (zrc-002): unique within
// the bronorganisatie under any concurrency, enforced by the event store
// itself (a reservation stream per identificatie, first appended expecting
// no stream), and, when the registry generates it, never handed out twice
// (a number series per bronorganisatie and year, only ever appended to).
//
// Generated numbers are taken from the series in blocks of BlockSize, one
// append per block instead of one per zaak: every create would otherwise
// queue for the one series stream. The numbers of a block this process
// did not hand out before it stopped are skipped, never given again, so a
// restart leaves a gap in the numbering and nothing else.
type Identificaties struct {
	Base
	// BlockSize is how many numbers one append takes (default 50).
	BlockSize int

	mu    sync.Mutex
	pools map[string][]uint64 // series stream -> numbers taken, not yet handed out
}

// maxSkips bounds how many generated numbers may already be taken by
// clients that chose them themselves before Reserve gives up.
const maxSkips = 1000

// Reserve takes identificatie for zaak within bronorganisatie and returns
// it; an empty identificatie is generated ("ZAAK-<year>-<number>"). A
// client's identificatie that another zaak holds is a validation error on
// field identificatie with code identificatie-niet-uniek.
//
// with, when not nil, gives the part the reservation guards (the zaak's
// creation, given its identificatie); it is appended together with the
// reservation, in one atomic step where the store can, so that a create
// that fails halfway leaves no identificatie taken by a zaak that does not
// exist. The result is that part's, or the reservation's without one.
func (g *Identificaties) Reserve(ctx context.Context, meta eventstore.Metadata, bronorganisatie, identificatie, zaak string, with func(identificatie string) (part, error)) (string, eventstore.AppendResult, error) {
	if identificatie != "" {
		res, err := g.reserve(ctx, meta, bronorganisatie, identificatie, zaak, with)
		return identificatie, res, err
	}
	jaar := g.Clock.Now().Year()
	for skipped := 0; skipped < maxSkips; skipped++ {
		n, err := g.next(ctx, meta, bronorganisatie, jaar)
		if err != nil {
			return "", eventstore.AppendResult{}, err
		}
		id := zaken.GegenereerdeIdentificatie(jaar, n)
		res, err := g.reserve(ctx, meta, bronorganisatie, id, zaak, with)
		if !isNietUniek(err) {
			return id, res, err
		}
		// A client chose this number for a zaak of its own: take the next.
	}
	return "", eventstore.AppendResult{}, fmt.Errorf("identificatie: %d generated numbers in a row were taken", maxSkips)
}

// next returns the next number of the series of bronorganisatie and jaar,
// taking a new block from the series when this process has none left.
func (g *Identificaties) next(ctx context.Context, meta eventstore.Metadata, bronorganisatie string, jaar int) (uint64, error) {
	stream := zaken.NummerreeksStream(bronorganisatie, jaar)
	g.mu.Lock()
	defer g.mu.Unlock()
	if pool := g.pools[stream]; len(pool) > 0 {
		g.pools[stream] = pool[1:]
		return pool[0], nil
	}
	size := g.BlockSize
	if size <= 0 {
		size = 50
	}
	events := make([]domain.Event, size)
	for i := range events {
		events[i] = zaken.IdentificatieUitgegeven{Bronorganisatie: bronorganisatie, Jaar: jaar}
	}
	res, err := g.append(ctx, meta, stream, eventstore.Any(), events)
	if err != nil {
		return 0, fmt.Errorf("identificatie: number series: %w", err)
	}
	// The revision of each event is its volgnummer minus one.
	last := res.Revision + 1
	pool := make([]uint64, 0, size-1)
	for n := last - uint64(size) + 2; n <= last; n++ {
		pool = append(pool, n)
	}
	if g.pools == nil {
		g.pools = map[string][]uint64{}
	}
	g.pools[stream] = pool
	return last - uint64(size) + 1, nil
}

// reserve appends the reservation of identificatie with the part with
// gives; a lost race is reported as the identificatie being taken, which it
// then is.
func (g *Identificaties) reserve(ctx context.Context, meta eventstore.Metadata, bronorganisatie, identificatie, zaak string, with func(identificatie string) (part, error)) (eventstore.AppendResult, error) {
	stream := zaken.IdentificatieStream(bronorganisatie, identificatie)
	// A reservation is never released, so an identificatie is free exactly
	// when its stream does not exist: append first, read only on refusal.
	events, err := zaken.NewIdentificatieReservering(bronorganisatie, identificatie).Reserveer(zaak)
	if err != nil {
		return eventstore.AppendResult{}, err
	}
	parts := []part{{stream: stream, expected: eventstore.NoStream(), events: events}}
	if with != nil {
		p, err := with(identificatie)
		if err != nil {
			return eventstore.AppendResult{}, err
		}
		parts = append(parts, p)
	}
	results, err := g.appendParts(ctx, meta, parts...)
	if err == nil {
		return results[len(results)-1], nil
	}
	if !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
		return eventstore.AppendResult{}, err
	}
	// Taken by another zaak; or by this one before (a retried reservation);
	// or free, and the guarded part was refused.
	r := zaken.NewIdentificatieReservering(bronorganisatie, identificatie)
	if _, lerr := g.load(ctx, stream, zaken.Decode, r.Apply); lerr != nil {
		return eventstore.AppendResult{}, lerr
	}
	if _, rerr := r.Reserveer(zaak); rerr != nil || with != nil || r.Zaak() != zaak {
		return eventstore.AppendResult{}, cmp.Or(rerr, err)
	}
	return eventstore.AppendResult{}, nil
}

func isNietUniek(err error) bool {
	var e *domain.Error
	return errors.As(err, &e) && e.Kind == domain.KindInvalid && len(e.Params) == 1 &&
		e.Params[0].Code == zaken.CodeIdentificatieNietUniek
}
