//go:build !race

package kurrentdb

// raceDetector tells tests that the race detector slows this build down.
const raceDetector = false
