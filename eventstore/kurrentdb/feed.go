package kurrentdb

import (
	"context"
	"errors"
	"fmt"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"

	"github.com/zaakregister/zaakregister/eventstore"
)

// serverSource is the source of a Store's subscriptions: the server's
// subscription to $all, with system event types filtered out on the server.
type serverSource struct{ s *Store }

var _ source = serverSource{}

func (src serverSource) open(ctx context.Context, c cursor) (feed, error) {
	client, err := src.s.conn.get()
	if err != nil {
		return nil, err
	}
	sub, err := client.SubscribeToAll(ctx, kdb.SubscribeToAllOptions{
		From:   c.from(),
		Filter: kdb.ExcludeSystemEventsFilter(),
	})
	if err != nil {
		src.s.conn.failed(client, err)
		return nil, translate(ctx, "subscribe to $all after "+c.pos.String(), reading, err)
	}
	return clientFeed{sub: sub}, nil
}

func (src serverSource) visible(ctx context.Context, batch []eventstore.RecordedEvent) ([]eventstore.RecordedEvent, error) {
	if len(batch) == 0 {
		return batch, nil
	}
	client, err := src.s.conn.get()
	if err != nil {
		return nil, err
	}
	out, err := hideDeleted(ctx, client, batch)
	if err != nil {
		src.s.conn.failed(client, err)
		return nil, translate(ctx, "check deleted streams", reading, err)
	}
	return out, nil
}

// clientFeed adapts the client's subscription to a feed.
type clientFeed struct{ sub *kdb.Subscription }

func (f clientFeed) recv() (record, error) {
	for {
		ev := f.sub.Recv()
		switch {
		case ev.SubscriptionDropped != nil:
			err := ev.SubscriptionDropped.Error
			if err == nil {
				err = errors.New("no reason given")
			}
			return record{}, fmt.Errorf("kurrentdb: subscription dropped: %w", err)
		case ev.EventAppeared != nil:
			if r := ev.EventAppeared.OriginalEvent(); r != nil {
				return toRecord(r)
			}
		}
		// Checkpoints and caught-up or fell-behind notices carry no record.
	}
}

func (f clientFeed) close() { _ = f.sub.Close() }

// toRecord maps a record of $all; system records keep only their position.
func toRecord(r *kdb.RecordedEvent) (record, error) {
	rec := record{pos: fromPosition(r.Position)}
	if isSystem(r) {
		return rec, nil
	}
	e, err := fromRecorded(r)
	if err != nil {
		return record{}, err
	}
	rec.event = &e
	return rec, nil
}
