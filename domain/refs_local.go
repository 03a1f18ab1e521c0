package domain

import (
	"net/url"
	"strings"
)

// LocalizeRef returns the form the log keeps of raw, the value of a field
// tagged ref:"<api>/<collection>" (target): when raw is the URL of a
// resource of that collection of this registry, under one of bases (the
// base URL and its aliases), its absolute-path reference
// ("/catalogi/api/v1/zaaktypen/<uuid>"); anything else (a URL of another
// registry, of another collection, with a query or fragment, a target of
// "url") as it is.
func LocalizeRef(bases []string, target, raw string) string {
	api, collection, ok := strings.Cut(target, "/")
	if !ok || !strings.HasPrefix(raw, "http") {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return raw
	}
	prefix := "/" + api + "/api/v1/" + collection + "/"
	for _, b := range bases {
		base, err := url.Parse(b)
		if err != nil || !SameOrigin(u, base) {
			continue
		}
		if rest, ok := strings.CutPrefix(u.EscapedPath(), strings.TrimSuffix(base.EscapedPath(), "/")); ok && strings.HasPrefix(rest, prefix) {
			return rest
		}
	}
	return raw
}

// LocalizeRefs returns a copy of v with every reference in the form the
// log keeps (LocalizeRef); v is left as it was.
func LocalizeRefs[T any](bases []string, v T) T {
	return MapRefs(v, func(target, raw string) string { return LocalizeRef(bases, target, raw) })
}

// SameOrigin reports whether u and base have the same scheme and host,
// compared case-insensitively and with the scheme's default port ignored.
func SameOrigin(u, base *url.URL) bool {
	return strings.EqualFold(u.Scheme, base.Scheme) && origin(u) == origin(base)
}

func origin(u *url.URL) string {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" || (strings.EqualFold(u.Scheme, "http") && port == "80") || (strings.EqualFold(u.Scheme, "https") && port == "443") {
		return host
	}
	return host + ":" + port
}
