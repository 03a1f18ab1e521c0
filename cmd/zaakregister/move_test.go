package main

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// movedBaseURL is where TestMove_ moves the registry to.
const movedBaseURL = "http://zaken.example.org"

// TestMove_WritesKeepWorking: a registry that moves to another base URL,
// with the former one in ZAAKREGISTER_URL_ALIASES, keeps taking the URLs
// its stored zaken hold and the URLs clients still send under the former
// host: a PATCH of a zaak and a new status on it work (before the aliases
// both answered 400 bad-url, "De URL is geen zaaktype van de Catalogi API
// van dit register."), and the new host is in what it answers.
func TestMove_WritesKeepWorking(t *testing.T) {
	e := startZaken(t, 1)
	zt, a := e.zt[0], e.admin
	zaak := e.created(t, "/zaken", a, zaakBody(zt))["url"].(string)
	path := strings.TrimPrefix(zaak, testBaseURL)

	t.Setenv("ZAAKREGISTER_URL_ALIASES", testBaseURL+"/")
	moved := &zrcEnv{g: openRegistryAt(t, e.g.dbURL, movedBaseURL, true), admin: a}

	r := moved.do("PATCH", strings.TrimPrefix(path, zrcRoot), a, map[string]any{"omschrijving": "Na de verhuizing"})
	expect(t, r, http.StatusOK)
	if got := r.json(t)["url"]; got != movedBaseURL+path {
		t.Errorf("url %v, want the new host", got)
	}
	for i, statustype := range []string{zt.statustypen[0], strings.Replace(zt.statustypen[1], testBaseURL, movedBaseURL, 1)} {
		st := moved.created(t, "/statussen", a, map[string]any{"zaak": zaak, "statustype": statustype,
			"datumStatusGezet": time.Now().UTC().Add(time.Duration(i-5) * time.Minute).Format(time.RFC3339)})
		if u, _ := st["url"].(string); !strings.HasPrefix(u, movedBaseURL+zrcRoot+"/statussen/") {
			t.Errorf("status url %q, want the new host", u)
		}
	}
	// A URL under a host that is neither is no zaak of this registry.
	r = moved.do("POST", "/statussen", a, map[string]any{"zaak": strings.Replace(zaak, testBaseURL, "http://elders.example", 1),
		"statustype": zt.statustypen[0], "datumStatusGezet": time.Now().UTC().Format(time.RFC3339)})
	expect(t, r, http.StatusBadRequest)
}
