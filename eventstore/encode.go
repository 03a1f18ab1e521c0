package eventstore

import (
	"crypto/rand"
	"encoding/json"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
)

// Encode turns a domain event into the EventData to append: a new random
// event id, the event's stable type name and schema version, its JSON and
// meta. Every writer (command handlers, tools, tests) encodes through it, so
// the log's envelope is made in one place.
func Encode(e domain.Event, meta Metadata) (EventData, error) {
	data, err := json.Marshal(e)
	if err != nil {
		return EventData{}, fmt.Errorf("encode %s: %w", e.EventType(), err)
	}
	return EventData{ID: newID(), Type: e.EventType(), SchemaVersion: e.SchemaVersion(), Data: data, Metadata: meta}, nil
}

// newID returns a random (version 4) UUID.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
