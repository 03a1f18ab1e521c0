package domain_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainIsPure proves that domain/ and its subpackages depend on the
// standard library and the module itself only.
func TestDomainIsPure(t *testing.T) {
	mod, err := exec.Command("go", "list", "-m").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	module := strings.TrimSpace(string(mod))
	for _, dep := range strings.Fields(string(out)) {
		if !strings.HasPrefix(dep, module+"/domain") {
			t.Errorf("domain depends on %s", dep)
		}
	}
}
