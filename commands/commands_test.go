package commands

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/projections"
	"github.com/zaakregister/zaakregister/zgw"
)

// waitWith is a Waiter that answers err.
type waitWith struct{ err error }

func (w waitWith) Wait(context.Context, eventstore.Position, ...string) error { return w.err }

// TestAwait_ParkedOrLate: a write whose event a projection parked as
// poison is an internal error (the read model will never show it), one
// the read model does not show within the bound is zgw.NotYetReadable (a
// 404 or a stale answer would be a lie), and one whose client went away
// ends with the client's context.
func TestAwait_ParkedOrLate(t *testing.T) {
	pos := eventstore.Position{Commit: 7, Prepare: 1}
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name    string
		ctx     context.Context
		waitErr error
		want    func(error) bool
	}{
		{"caught up", context.Background(), nil, func(err error) bool { return err == nil }},
		{"late", context.Background(), context.DeadlineExceeded, func(err error) bool {
			var late *zgw.NotYetReadable
			return errors.As(err, &late) && strings.Contains(late.Detail, pos.String())
		}},
		{"parked", context.Background(), &projections.ParkedError{Projection: "zaken", Position: pos}, func(err error) bool {
			var parked *projections.ParkedError
			return errors.As(err, &parked) && !errors.As(err, new(*zgw.NotYetReadable))
		}},
		{"client gone", gone, context.Canceled, func(err error) bool { return errors.Is(err, context.Canceled) }},
	} {
		b := Base{Waiter: waitWith{c.waitErr}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		if err := b.await(c.ctx, pos, "zaken"); !c.want(err) {
			t.Errorf("%s: await = %v", c.name, err)
		}
	}
}
