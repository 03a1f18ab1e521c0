package referentielijsten

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"testing"
)

// TestData_ByteIdentical checks the upstream files against the sha256 that
// data/NOTICE.md records (that of shared/zgw/referentielijsten/): they are
// served as published, never edited.
func TestData_ByteIdentical(t *testing.T) {
	notice, err := Notice()
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile("(?m)^\\| `([a-z0-9_]+\\.json)` \\|.*\\| `([0-9a-f]{64})` \\|$").FindAllStringSubmatch(string(notice), -1)
	if len(rows) != 3 {
		t.Fatalf("NOTICE.md lists %d files with a checksum, want 3", len(rows))
	}
	for _, r := range rows {
		raw, err := files.ReadFile("data/" + r[1])
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(raw)
		if got := hex.EncodeToString(sum[:]); got != r[2] {
			t.Errorf("%s: sha256 %s, NOTICE.md says %s", r[1], got, r[2])
		}
	}
}
