package domain_test

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

// TestURLFault: "" for an absolute http(s) URL with a host, whatever the
// case of its scheme; bad-url for a URL of another scheme or without a
// host; invalid for a text that is no absolute URL.
func TestURLFault(t *testing.T) {
	for raw, want := range map[string]string{
		"http://example.org/x":              "",
		"HTTPS://example.org:443/x":         "",
		"javascript:alert(document.cookie)": domain.CodeBadURL,
		"data:text/html,<script>x</script>": domain.CodeBadURL,
		"vbscript:msgbox(1)":                domain.CodeBadURL,
		"ftp://example.org/x":               domain.CodeBadURL,
		"gopher://example.org/x":            domain.CodeBadURL,
		"ldap://example.org/o=x":            domain.CodeBadURL,
		"dict://example.org/x":              domain.CodeBadURL,
		"jar:http://example.org/x.jar!/":    domain.CodeBadURL,
		"file:///etc/passwd":                domain.CodeBadURL,
		"mailto:a@example.org":              domain.CodeBadURL,
		"http:foo":                          domain.CodeBadURL,
		"http:///x":                         domain.CodeBadURL,
		"http://example.org:99999/x":        domain.CodeBadURL,
		"geen url":                          "invalid",
		"//example.org/x":                   "invalid",
		"http://[::1":                       "invalid",
		"":                                  "invalid",
	} {
		if got := domain.URLFault(raw); got != want {
			t.Errorf("URLFault(%q) = %q, want %q", raw, got, want)
		}
	}
}
