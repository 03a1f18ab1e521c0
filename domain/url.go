package domain

import (
	"net/url"
	"strconv"
	"strings"
)

// CodeBadURL is the invalidParam code of a URL the registry does not
// take: of another scheme than http or https, without a host, or one that
// does not lead to the resource it should.
const CodeBadURL = "bad-url"

// HTTPURL reports whether u is an absolute http or https URL with a host
// and, if it has one, a port from 1 to 65535: the only URLs the registry
// stores in a URL field or follows. Other schemes (javascript:, data:,
// vbscript:, file:, ftp:, gopher:, ldap:, ...) are refused because a client
// that renders a stored URL as a link would run or fetch what it names.
// url.Parse lower-cases the scheme, so HTTPS://x passes.
func HTTPURL(u *url.URL) bool {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.Hostname() == "" {
		return false
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.ParseUint(p, 10, 16); err != nil || n == 0 {
			return false
		}
	}
	return true
}

// RefFault is URLFault for the value of a field tagged ref (MapRefs):
// there, an absolute-path reference ("/catalogi/api/v1/zaaktypen/…") is
// the form the log keeps of a URL of this registry, which the handler has
// recognised and resolved (LocalizeRef), and so no fault.
func RefFault(raw string) string {
	if strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//") {
		return ""
	}
	return URLFault(raw)
}

// URLFault checks rawURL as the value of a URL field: "" when it is an
// HTTPURL, else the invalidParam code to refuse it with. That is "invalid"
// for a text that is no absolute URL at all, as Django's URLField names
// it in the reference implementations, and CodeBadURL for a URL the
// registry does not take (another scheme, no host, a port out of range).
// Callers decide themselves whether "" is allowed.
func URLFault(rawURL string) string {
	u, err := url.Parse(rawURL)
	switch {
	case err != nil || u.Scheme == "":
		return "invalid"
	case !HTTPURL(u):
		return CodeBadURL
	}
	return ""
}
