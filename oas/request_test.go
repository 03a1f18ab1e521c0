package oas_test

import (
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/oas"
)

// roltypeCreate returns the Catalogi operation RolType create.
func roltypeCreate(t testing.TB) *oas.Operation {
	t.Helper()
	s, err := oas.Load("catalogi-1.3.1")
	if err != nil {
		t.Fatal(err)
	}
	op, ok := s.Operation("POST", "/roltypen")
	if !ok {
		t.Fatal("no POST /roltypen")
	}
	return op
}

// badRoltype breaks the RolType schema three ways and leaves out the
// required omschrijving.
func badRoltype() map[string]any {
	return map[string]any{"zaaktype": "geen url", "omschrijvingGeneriek": "onbekend",
		"beginGeldigheid": "2024-01-01", "catalogus": strings.Repeat("x", 10)}
}

func TestCheckRequestBody_Problems(t *testing.T) {
	got := map[string]oas.BodyProblem{}
	for _, p := range roltypeCreate(t).CheckRequestBody(badRoltype(), "catalogus") {
		got[p.Field+" "+p.Keyword] = p
	}
	for key, format := range map[string]string{"zaaktype format": "uri", "omschrijvingGeneriek enum": "", "omschrijving required": ""} {
		p, ok := got[key]
		if !ok {
			t.Errorf("no problem %q in %v", key, got)
			continue
		}
		if p.Format != format || p.Reason == "" || strings.Contains(p.Reason, "{") {
			t.Errorf("%s: format %q, reason %q", key, p.Format, p.Reason)
		}
	}
	for key := range got {
		if strings.HasPrefix(key, "catalogus ") {
			t.Errorf("skipped field catalogus checked: %v", got[key])
		}
	}
}

// BenchmarkCheckRequestBody_Problems measures a body with problems, whose
// every kin-openapi error could render its whole schema as JSON.
func BenchmarkCheckRequestBody_Problems(b *testing.B) {
	op, body := roltypeCreate(b), badRoltype()
	for b.Loop() {
		op.CheckRequestBody(body)
	}
}
