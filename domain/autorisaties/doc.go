// Package autorisaties is the domain of the Autorisaties API: the
// Applicatie aggregate (a consumer's client ids and what it may do), its
// events, the rules ac-001..003 and the Rights every other API asks before
// it serves a request.
package autorisaties
