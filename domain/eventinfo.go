package domain

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// EventInfo describes one event type of a bounded context. Each context
// lists all its event types once, in its Events; its Decode, the golden-file
// test (domain/eventgolden) and the published event catalogue
// (docs/events.md) are all built from that list, so an event type that is
// not in it cannot be read back, and one that is has a golden file and a
// description.
type EventInfo struct {
	// Type is the stable name written into the log; it never changes.
	Type string
	// Version is the schema version the Go type writes now.
	Version int
	// New returns the zero value of the event's Go type (not a pointer).
	New func() Event
	// Stream is the pattern of the name of the stream the event is written
	// to, its variable parts in braces: "zaken.zaak-{uuid}".
	Stream string
	// Meaning says in a sentence or two what the event records.
	Meaning string
	// Kanaal, Resource and Actie are the ZGW notification the event maps
	// to: kanaal "zaken", resource "status", actie "create". All three are
	// empty for an event that gives no notification.
	Kanaal, Resource, Actie string
}

// EventTypes is the registry of one context by type name, for its Decode.
type EventTypes struct {
	context string
	byType  map[string]eventType
}

type eventType struct {
	EventInfo
	goType reflect.Type
}

// NewEventTypes indexes the event types of context (the prefix of its
// error messages). It panics when a type is listed twice or its New is
// missing: the list is a literal of the context, and either mistake must
// stop the package before anything is read from or written to the log.
func NewEventTypes(context string, infos []EventInfo) EventTypes {
	t := EventTypes{context: context, byType: make(map[string]eventType, len(infos))}
	for _, info := range infos {
		if _, dup := t.byType[info.Type]; dup {
			panic(fmt.Sprintf("%s: event type %s is listed twice", context, info.Type))
		}
		if info.New == nil {
			panic(fmt.Sprintf("%s: event type %s has no New", context, info.Type))
		}
		t.byType[info.Type] = eventType{info, reflect.TypeOf(info.New())}
	}
	return t
}

// Decode turns the stored data of an event of eventType back into a value
// of its Go type. It fails for a type the context does not list and for
// data that does not fit the type.
func (t EventTypes) Decode(eventType string, data []byte) (Event, error) {
	et, ok := t.byType[eventType]
	if !ok {
		return nil, fmt.Errorf("%s: unknown event type %q", t.context, eventType)
	}
	p := reflect.New(et.goType)
	if err := json.Unmarshal(data, p.Interface()); err != nil {
		return nil, fmt.Errorf("%s: decode %s: %w", t.context, eventType, err)
	}
	return p.Elem().Interface().(Event), nil
}

// Upcast brings data, an event of info's type stored under schema version
// version, to info.Version, and returns it with its new version. The one
// change of version so far is 1 to 2 of the types that hold references: a
// reference to a resource of this registry is kept as its absolute-path
// reference instead of its URL (docs/decisions.md). A version-1 event
// holds the URL, which is taken for this registry's when it lies under one
// of bases (the base URL and its aliases, LocalizeRef); nothing else in it
// changes. Data of the current version comes back as it is.
func (info EventInfo) Upcast(bases []string, version int, data []byte) ([]byte, int, error) {
	switch {
	case version == info.Version:
		return data, version, nil
	case version != 1 || info.Version != 2:
		return nil, version, fmt.Errorf("%s: no upcaster from schema version %d to %d", info.Type, version, info.Version)
	}
	p := reflect.New(reflect.TypeOf(info.New()))
	if err := json.Unmarshal(data, p.Interface()); err != nil {
		return nil, version, fmt.Errorf("%s version %d: %w", info.Type, version, err)
	}
	out, err := json.Marshal(LocalizeRefs(bases, p.Elem().Interface()))
	if err != nil {
		return nil, version, fmt.Errorf("%s version %d: %w", info.Type, version, err)
	}
	return out, info.Version, nil
}
