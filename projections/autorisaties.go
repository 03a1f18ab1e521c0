package projections

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Autorisaties is the read model of the Autorisaties API (schema ac).
type Autorisaties struct{}

var _ Projection = Autorisaties{}

// Name implements Projection.
func (Autorisaties) Name() string { return "autorisaties" }

// Schema implements Projection.
func (Autorisaties) Schema() string { return "ac" }

// Wants implements Selective: the events of applicaties.
func (Autorisaties) Wants(eventType string) bool {
	return strings.HasPrefix(eventType, "autorisaties.applicatie.")
}

// Apply implements Projection.
func (a Autorisaties) Apply(_ context.Context, tx *Tx, ev eventstore.RecordedEvent) error {
	if !a.Wants(ev.Type) {
		return nil
	}
	e, err := autorisaties.Decode(ev.Type, ev.Data)
	if err != nil {
		return err
	}
	switch e := e.(type) {
	case autorisaties.ApplicatieAangemaakt:
		auth, err := json.Marshal(nonNil(e.Autorisaties))
		if err != nil {
			return err
		}
		tx.Exec(`INSERT INTO applicaties (uuid, client_ids, label, heeft_alle_autorisaties, autorisaties, created_commit, created_prepare)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			e.UUID, e.ClientIDs, e.Label, e.HeeftAlleAutorisaties, auth, ev.Position.Commit, ev.Position.Prepare)
	case autorisaties.ApplicatieGewijzigd:
		auth, err := json.Marshal(nonNil(e.Autorisaties))
		if err != nil {
			return err
		}
		tx.Exec(`UPDATE applicaties SET client_ids = $2, label = $3, heeft_alle_autorisaties = $4, autorisaties = $5 WHERE uuid = $1`,
			e.UUID, e.ClientIDs, e.Label, e.HeeftAlleAutorisaties, auth)
	case autorisaties.ApplicatieVerwijderd:
		tx.Exec(`DELETE FROM applicaties WHERE uuid = $1`, e.UUID)
	}
	return nil
}

func nonNil(a []autorisaties.Autorisatie) []autorisaties.Autorisatie {
	if a == nil {
		return []autorisaties.Autorisatie{}
	}
	return a
}

// AfterProjection is a listener that calls Do with every event whose type
// starts with Prefix once projection has processed it: the way an
// in-process cache learns, in every process, that the read model it caches
// changed.
type AfterProjection struct {
	ListenerName string
	Projection   string
	Prefix       string
	Waiter       *Waiter
	Do           func(eventstore.RecordedEvent)
}

// Name implements Listener.
func (a AfterProjection) Name() string { return a.ListenerName }

// Handle implements Listener.
func (a AfterProjection) Handle(ctx context.Context, ev eventstore.RecordedEvent) error {
	if !strings.HasPrefix(ev.Type, a.Prefix) {
		return nil
	}
	// Bounded: a stuck projection must not keep the cache from forgetting.
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_ = a.Waiter.Wait(wctx, ev.Position, a.Projection)
	a.Do(ev)
	return ctx.Err()
}
