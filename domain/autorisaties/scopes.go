package autorisaties

import "strings"

// knownScopes are the scope labels of the ZGW 1.5 APIs, per component whose
// OAS defines them (audittrails.lezen and notificaties.publiceren are used by
// several).
var knownScopes = map[string]bool{
	"autorisaties.lezen": true, "autorisaties.bijwerken": true,
	"notificaties.consumeren": true, "notificaties.publiceren": true,
	"audittrails.lezen": true,
	"zaken.lezen":       true, "zaken.aanmaken": true, "zaken.bijwerken": true,
	"zaken.verwijderen": true, "zaken.heropenen": true,
	"zaken.statussen.toevoegen": true, "zaken.geforceerd-bijwerken": true,
	"catalogi.lezen": true, "catalogi.schrijven": true,
	"catalogi.geforceerd-schrijven": true, "catalogi.geforceerd-verwijderen": true,
	"documenten.lezen": true, "documenten.aanmaken": true,
	"documenten.bijwerken": true, "documenten.verwijderen": true,
	"documenten.lock": true, "documenten.geforceerd-unlock": true,
	"documenten.geforceerd-bijwerken": true,
	"besluiten.lezen":                 true, "besluiten.aanmaken": true,
	"besluiten.bijwerken": true, "besluiten.verwijderen": true,
}

// NormaliseScope maps the older prefixed form of a scope
// ("zds.scopes.zaken.lezen", "notificaties.scopes.publiceren") to the bare
// label the OAS uses, and leaves other labels alone.
func NormaliseScope(s string) string {
	s = strings.TrimPrefix(s, "zds.scopes.")
	if api, rest, ok := strings.Cut(s, ".scopes."); ok {
		return api + "." + rest
	}
	return s
}

// KnownScope reports whether s (after normalising) is a scope of the standard.
func KnownScope(s string) bool { return knownScopes[NormaliseScope(s)] }

// typeScopes reports whether scopes contain a scope of component c's own
// API, which makes a type and a maximum vertrouwelijkheidaanduiding
// mandatory (ac-003).
func typeScopes(c Component, scopes []string) bool {
	for _, s := range scopes {
		if scopeComponent(NormaliseScope(s)) == c {
			return true
		}
	}
	return false
}
