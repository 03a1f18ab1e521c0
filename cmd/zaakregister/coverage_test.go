package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/zaakregister/zaakregister/oas"
)

// called records, per specification, the operations the end-to-end tests
// answered with a success status; TestMain fails the run when an operation
// of a served API was never called successfully ("every operation of the
// OAS called in tests").
var called = struct {
	sync.Mutex
	ops map[string]map[string]bool // spec name -> operationId -> seen
}{ops: map[string]map[string]bool{}}

// recordCalls wraps h so that successful calls under root count for spec.
func recordCalls(spec *oas.Spec, root string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		rel, ok := strings.CutPrefix(r.URL.Path, root)
		if !ok || rec.status >= 300 && rec.status != http.StatusNotModified {
			return
		}
		if op, ok := spec.Operation(r.Method, rel); ok {
			called.Lock()
			if called.ops[spec.Name()] == nil {
				called.ops[spec.Name()] = map[string]bool{}
			}
			called.ops[spec.Name()][op.ID] = true
			called.Unlock()
		}
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	// Only a full run of the package can judge coverage.
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		if missing := uncalled(); len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: operations never called successfully by the end-to-end tests:\n  %s\n", strings.Join(missing, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

func uncalled() []string {
	var missing []string
	for _, api := range validatedAPIs {
		spec, err := oas.Load(api.spec)
		if err != nil {
			return []string{err.Error()}
		}
		for _, op := range spec.Operations() {
			if !called.ops[spec.Name()][op.ID] {
				missing = append(missing, api.spec+" "+op.ID+" ("+op.Method+" "+op.Path+")")
			}
		}
	}
	sort.Strings(missing)
	return missing
}
