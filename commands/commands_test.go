package commands

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/projections"
)

// waitWith is a Waiter that answers err.
type waitWith struct{ err error }

func (w waitWith) Wait(context.Context, eventstore.Position, ...string) error { return w.err }

// TestAwait_ParkedIsAnError: a write whose event a projection parked as
// poison fails (the read model will never show it: a 404 or a stale
// answer would be a lie), while a read model that is only late is logged
// and the write answers from what there is.
func TestAwait_ParkedIsAnError(t *testing.T) {
	pos := eventstore.Position{Commit: 7, Prepare: 1}
	for _, c := range []struct {
		name    string
		waitErr error
		fails   bool
	}{
		{"caught up", nil, false},
		{"late", context.DeadlineExceeded, false},
		{"parked", &projections.ParkedError{Projection: "zaken", Position: pos}, true},
	} {
		b := Base{Waiter: waitWith{c.waitErr}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		err := b.await(context.Background(), pos, "zaken")
		var parked *projections.ParkedError
		if (err != nil) != c.fails || (c.fails && !errors.As(err, &parked)) {
			t.Errorf("%s: await = %v, want an error %v", c.name, err, c.fails)
		}
	}
}
