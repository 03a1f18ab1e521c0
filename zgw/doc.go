// Package zgw is the ZGW protocol plumbing shared by reads and writes: JWT
// authentication (RULES 3.1), per-operation scope checks against the OAS,
// the API-version header, problem+json errors (the one place where errors
// become responses), strict JSON request decoding, pagination, resource
// URLs, ETags, request ids, access logs, metrics and health endpoints.
//
// An API is mounted as
//
//	RequestIDs -> AccessLog -> Instrument -> Recover
//	    -> API.Handler(Authenticate(cfg), routes)
//
// where API.Handler serves the OpenAPI documents without authentication and
// sends everything else through Authenticate, then API.Middleware, then the
// API's own route table.
package zgw
