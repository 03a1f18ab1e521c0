// Package eventgolden freezes the JSON of the events in the log and
// publishes it. The log is kept for decades (DESIGN.md, rule 1), so every
// event type of a bounded context has, per schema version, a golden file
// holding one event exactly as the registry stored it:
//
//	domain/<context>/testdata/events/<event type>.v<schema version>.json
//
// Each context lists its event types in its Events (domain.EventInfo).
// Check is the body of each context's TestEvents_Golden: it proves that
// Decode reads exactly the listed types, that the code still reads every
// golden file to the same event, and that every listed type has a golden
// file of its schema version. cmd/zaakregister's TestEventGolden_Capture
// writes the files from a running registry through Capture. Catalogue
// renders the event catalogue, docs/events.md, from the same lists and
// files (TestEventCatalogue). Only tests import this package; like all of
// domain it uses the standard library only.
package eventgolden

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Base is the base URL the golden files were captured under
// (cmd/zaakregister's test registry): the URLs of this registry's
// resources in the files of version 1 start with it.
const Base = "http://zaakregister.test"

// Dir is the folder of a context's golden files, relative to its package.
const Dir = "testdata/events"

// FileName is the name of the golden file of eventType at schema version.
func FileName(eventType string, version int) string {
	return fmt.Sprintf("%s.v%d.json", eventType, version)
}

// parseFileName reads a name written by FileName.
func parseFileName(name string) (eventType string, version int, ok bool) {
	base, found := strings.CutSuffix(name, ".json")
	i := strings.LastIndex(base, ".v")
	if !found || i <= 0 {
		return "", 0, false
	}
	v, err := strconv.Atoi(base[i+2:])
	if err != nil || v < 1 || strconv.Itoa(v) != base[i+2:] {
		return "", 0, false
	}
	return base[:i], v, true
}

// contextOf is the bounded context of eventType: its first dotted part,
// which is also its folder under domain/.
func contextOf(eventType string) string {
	c, _, _ := strings.Cut(eventType, ".")
	return c
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
