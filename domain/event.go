package domain

import "time"

// Event is what an aggregate emits. EventType is a stable string constant
// ("autorisaties.applicatie.aangemaakt.v1" style names are avoided: the
// version is carried separately by SchemaVersion) and never a reflected Go
// type name, so renaming a Go type cannot change the log.
type Event interface {
	EventType() string
	SchemaVersion() int
}

// Clock tells the time; tests inject a fixed one.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock, in UTC.
type SystemClock struct{}

// Now returns the current time in UTC.
func (SystemClock) Now() time.Time { return time.Now().UTC() }

// FixedClock always returns T; for tests.
type FixedClock struct{ T time.Time }

// Now returns c.T.
func (c FixedClock) Now() time.Time { return c.T }
