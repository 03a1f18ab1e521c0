// Package domain holds what every bounded context of the registry shares:
// the error vocabulary, the event-type contract and a clock. Each ZGW API has
// its own subpackage (autorisaties, catalogi, zaken, ...) with its aggregates,
// events and rules. Nothing under domain imports anything but the standard
// library; TestDomainIsPure checks that.
package domain
