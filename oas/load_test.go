package oas_test

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/oas"
)

// TestSpecs_ByteIdentical checks every embedded specification against the
// sha256 recorded in specs/NOTICE.md (copied from shared/zgw/README.md).
func TestSpecs_ByteIdentical(t *testing.T) {
	notice, err := oas.Notice()
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile("(?m)^\\| `([a-z0-9.-]+)\\.yaml` \\|.*\\| `([0-9a-f]{64})` \\|$").FindAllStringSubmatch(string(notice), -1)
	want := map[string]string{}
	for _, r := range rows {
		want[r[1]] = r[2]
	}
	names := oas.Names()
	if len(names) != 18 || len(want) != len(names) {
		t.Fatalf("%d specifications embedded, %d listed in NOTICE.md; want 18 of each", len(names), len(want))
	}
	for _, name := range names {
		raw, err := oas.Raw(name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(raw)
		if got := hex.EncodeToString(sum[:]); got != want[name] {
			t.Errorf("%s: sha256 %s, NOTICE.md says %s", name, got, want[name])
		}
	}
}

// TestLoad_EverySpec loads every embedded specification, external $refs
// included, and checks its version and operation count against
// shared/zgw/README.md.
func TestLoad_EverySpec(t *testing.T) {
	ops := map[string]int{
		"autorisaties-1.0.0": 7, "autorisaties-1.1.0": 7,
		"besluiten-1.0.2": 12, "besluiten-1.1.0": 12,
		"catalogi-1.3.1": 70, "catalogi-1.3.2": 72, "catalogi-1.3.3": 72,
		"documenten-1.4.3": 33, "documenten-1.5.0": 33, "documenten-1.6.0": 33, "documenten-1.7.0": 33,
		"notificaties-1.0.0": 10, "notificaties-1.0.1": 10, "notificaties-consumer-1.0.0-rc1": 1,
		"referentielijsten-0.6.0": 8,
		"zaken-1.5.1":             62, "zaken-1.6.0": 62, "zaken-1.7.0": 69,
	}
	for _, name := range oas.Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s, err := oas.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if s.Version() == "" {
				t.Error("no info.version")
			}
			if got := len(s.Operations()); got != ops[name] {
				t.Errorf("%d operations, want %d", got, ops[name])
			}
		})
	}
}

func TestLoad_ExternalRefsResolved(t *testing.T) {
	s, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	// ZaakEmbedded.zaaktype points into the Catalogi spec.
	emb := s.Doc().Components.Schemas["ZaakEmbedded"]
	if emb == nil || emb.Value == nil {
		t.Fatal("no ZaakEmbedded schema")
	}
	zt := emb.Value.Properties["zaaktype"]
	if zt == nil || zt.Value == nil || zt.Value.Properties["catalogus"] == nil {
		t.Errorf("ZaakEmbedded.zaaktype is not the resolved Catalogi ZaakType: %+v", zt)
	}
}

func TestLoad_CachedAndFast(t *testing.T) {
	a, err := oas.Load("catalogi-1.3.1")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	b, _ := oas.Load("catalogi-1.3.1")
	if a != b {
		t.Error("second Load returned another *Spec")
	}
	if d := time.Since(start); d > 10*time.Millisecond {
		t.Errorf("cached Load took %s", d)
	}
}

func TestLoad_UnknownName(t *testing.T) {
	for _, name := range []string{"zaken-9.9.9", "../go", ""} {
		if _, err := oas.Load(name); err == nil {
			t.Errorf("Load(%q) succeeded", name)
		}
	}
}
