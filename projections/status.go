package projections

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/eventstore"
)

// Status is where one projection stands.
type Status struct {
	Name       string
	Checkpoint eventstore.Position
	Updated    time.Time
	Lag        int  // events in the log after the checkpoint, counted up to a cap
	LagCapped  bool // Lag is a lower bound
	Poisoned   int  // events parked as poison
}

// lagCap bounds how far Statuses counts, so that the command stays quick on a
// projection that is far behind.
const lagCap = 1_000_000

// Statuses reports every projection of names.
func Statuses(ctx context.Context, pool *pgxpool.Pool, store eventstore.Store, names []string) ([]Status, error) {
	var out []Status
	for _, name := range names {
		s := Status{Name: name}
		err := pool.QueryRow(ctx, `SELECT c.commit_pos, c.prepare_pos, c.updated_at,
				(SELECT count(*) FROM projection_poison p WHERE p.name = c.name)
			FROM projection_checkpoints c WHERE c.name = $1`, name).
			Scan(&s.Checkpoint.Commit, &s.Checkpoint.Prepare, &s.Updated, &s.Poisoned)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return nil, err
		}
		pos := s.Checkpoint
		for s.Lag < lagCap {
			events, err := store.ReadAll(ctx, pos, 10_000)
			if err != nil {
				return nil, err
			}
			if len(events) == 0 {
				break
			}
			s.Lag += len(events)
			pos = events[len(events)-1].Position
		}
		s.LagCapped = s.Lag >= lagCap
		out = append(out, s)
	}
	return out, nil
}
