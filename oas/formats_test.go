package oas

import "testing"

// TestValidURI_OnlyHTTP: the uri format takes absolute http and https URLs
// with a host, in any case, and "" (an unset URL field); every other
// scheme, which a client rendering the field as a link would run or
// follow, is refused.
func TestValidURI_OnlyHTTP(t *testing.T) {
	for _, s := range []string{
		"", "http://example.org", "https://example.org/zaken/api/v1/zaken/1", "HTTPS://EXAMPLE.ORG/x",
		"HTTP://example.org/x", "Https://example.org:8443/x?a=b#c", "http://[::1]:8000/x", "http://user@example.org/x",
	} {
		if err := validURI(s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	for _, s := range []string{
		"javascript:alert(document.cookie)", "JavaScript:alert(1)", "javascript://example.org/%0aalert(1)",
		"data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "gopher://example.org/x",
		"ldap://example.org/o=x", "ftp://example.org/x", "dict://example.org:11211/stat", "jar:http://example.org/x.jar!/",
		"file:///etc/passwd", "mailto:a@example.org",
		// http(s) without a host, or with a port out of range
		"http:foo", "http:///x", "https://", "http://:80/x", "http://example.org:0/x", "http://example.org:65536/x",
		// no absolute URL at all
		"geen url", "/zaken/api/v1/zaken/1", "//example.org/x", "http://[::1",
	} {
		if validURI(s) == nil {
			t.Errorf("%q accepted", s)
		}
	}
}
