// Package refs resolves the URL references in ZGW request bodies: the
// zaaktype of a zaak, the selectielijst procestype of a zaaktype, the
// informatieobjecttype of a document. The standard (RULES 2.1, "uiteindelijk
// resulteren") requires such a URL to end in HTTP 200, after 301/302
// redirects, and the resource found there to have the expected shape.
//
// A URL under one of the registry's own API roots is answered from the read
// models (Local) without HTTP; any other URL is fetched with a GET. Failures
// become validation errors on the request field, in the registry's one error
// vocabulary (domain.Invalid):
//
//   - CodeBadURL ("bad-url"): the URL is malformed, not http(s), longer than
//     MaxURLLength, or does not end in 200 with a JSON body of at most
//     Options.MaxBytes within Options.Timeout (also: too many redirects, a
//     refused address, a connection error);
//   - CodeInvalidResource ("invalid-resource"): the JSON found there does not
//     decode into the expected shape, or a Check predicate rejects it.
//
// A cancelled caller context is not the client's fault: Resolve then returns
// the context's error, wrapped, not a validation error.
//
// # Threat: server-side request forgery
//
// Every reference URL is chosen by an API client, and the registry fetches it
// from inside the municipality's network. Unchecked, a client could make the
// registry request http://169.254.169.254/ (cloud metadata with instance
// credentials), http://localhost:5432/, the admin interface of a router on
// 192.168.1.1 or any other internal service, and learn from the answers or
// from error messages and timings what exists there. Redirects widen the
// hole: a harmless public URL may answer 302 to an internal one. DNS
// rebinding widens it further: a hostname that resolves to a public address
// when checked can resolve to 127.0.0.1 a millisecond later, when connected.
//
// Unless Options.AllowPrivate is set (development, tests, a registry whose
// other ZGW APIs live on the internal network on purpose), the Resolver
// therefore refuses, as "bad-url" and without connecting, any target whose
// address is not public unicast (see Public): loopback, RFC 1918 and fc00::/7
// private, link-local (169.254.0.0/16 with the metadata service, fe80::/10),
// unspecified, multicast, CGNAT (100.64.0.0/10), reserved and documentation
// ranges, and IPv6 forms that embed such an IPv4 address. The check runs in
// the dialer's Control hook on the address actually being connected, after
// name resolution and for every redirect hop, so that neither redirects nor
// DNS rebinding get around it; IP literals are also refused before any dial.
// No proxy from the environment is used, because the guard would then check
// the proxy instead of the target. Any port is allowed: the address check is
// what protects, and ZGW APIs do run on non-default ports.
//
// Error reasons shown to clients are deliberately coarse ("could not be
// fetched") so that the API is no oracle for probing; the underlying cause is
// wrapped for the logs.
package refs
