// Package oas embeds the official ZGW OpenAPI specifications the registry
// serves, resolves them (external $refs from the local copies, never the
// network), indexes their operations for routing and authorisation, and
// serves them to clients. See specs/NOTICE.md for their origin and licence.
package oas
