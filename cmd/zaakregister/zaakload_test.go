package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestZaakload_Smoke builds the load tool, seeds a small data set into a
// running registry's database and drives every operation of the mix over
// HTTP for a moment, then every operation of the baseline: every operation
// must have run, none may fail (the tool exits non-zero then), and every
// response passes the OAS check of the registry.
func TestZaakload_Smoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs cmd/zaakload")
	}
	g := startRegistry(t)
	g.superuser()
	bin := filepath.Join(t.TempDir(), "zaakload")
	if out, err := exec.Command("go", "build", "-o", bin, "../zaakload").CombinedOutput(); err != nil {
		t.Fatalf("build zaakload: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	zaakload := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("zaakload %s: %v\n%s", args[0], err, out.String())
		}
		return out.String()
	}
	zaakload("seed", "--database-url", g.dbURL, "--zaken", "300", "--zaaktypen", "3", "--workers", "2", "--base-url", testBaseURL)
	out := zaakload("run", "--url", g.url, "--client-id", "admin", "--secret", "geheim", "--concurrency", "2",
		"--duration", "3s", "--prefetch", "50", "--mix", "list=1,deep=1,detail=1,detail-fresh=1,create=1,close=1,rollen=1,rollen-deep=1")
	ranClean(t, out, "list", "deep", "detail", "detail-fresh", "create", "close", "rollen", "rollen-deep")
	out = zaakload("baseline", "--database-url", g.dbURL, "--duration", "1s", "--concurrency", "1")
	ranClean(t, out, "pk-lookup", "insert", "insert-zaak")
}

// ranClean fails unless the report out has a line for every op with a
// count above 0 and no errors.
func ranClean(t *testing.T, out string, ops ...string) {
	t.Helper()
	for _, op := range ops {
		found := false
		for _, line := range strings.Split(out, "\n") {
			fields := strings.Fields(line)
			if len(fields) >= 3 && fields[0] == op {
				found = fields[1] != "0" && fields[2] == "0"
			}
		}
		if !found {
			t.Errorf("%s did not run without errors:\n%s", op, out)
		}
	}
}
