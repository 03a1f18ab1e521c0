package zgw_test

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// allocationBound is the most a body of n bytes may cost to decode: a
// fixed part for the request and the decoder, and a part linear in its
// size for the tree, its re-encoding and the decoded value. A cost that
// grows faster than the body (a path built anew at every level of a
// deeply nested one cost 5,000 bytes a byte) breaks it.
func allocationBound(n int) uint64 { return 1<<20 + 160*uint64(n) }

// deeplyNested is the body of the security review: a list of lists 9,990
// levels deep in a field that takes a list of strings.
func deeplyNested(levels int) string {
	return `{"uuid__in":` + strings.Repeat("[", levels) + strings.Repeat("]", levels) + `}`
}

// FuzzDecodeJSON feeds DecodeJSON arbitrary bodies: it must answer a
// client fault as a 4xx *domain.Error with named params, never panic,
// and never allocate more than allocationBound.
//
//	go test -run XXX -fuzz FuzzDecodeJSON -fuzztime 10m ./zgw
func FuzzDecodeJSON(f *testing.F) {
	for _, seed := range []string{
		`{}`, `null`, `[]`, `""`, `{"label": "x",}`, `{"label": 1, "aantal": 1.5, "datum": "gisteren"}`,
		`{"aantal": 1e400}`, `{"label": "a\u0000b", "extra": {"x": ["\u0000"], "\u0000": 1}}`,
		`{"autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"], "componentWeergave": "x"}], "rollen": [{"rol": "a", "url": "u"}]}`,
		`{"extra": "[[[{{{\"", "label": "]]]}}}"}`,
		deeplyNested(40), deeplyNested(9990), `{"extra":` + strings.Repeat(`{"a":`, 31) + `1` + strings.Repeat(`}`, 31) + `}`,
		`{"kenmerken": {"a": 1, "b": [1, 2], "c": {"d": 3}}}`, `{"rollen": [` + strings.Repeat(`1,`, 500) + `1]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var err error
		n := allocated(func() {
			req := httptest.NewRequest("POST", "/", strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json")
			var dst decodeTarget
			err = zgw.DecodeJSON(req, &dst, "url", "autorisaties.componentWeergave", "rollen.url")
		})
		if n > allocationBound(len(body)) {
			t.Errorf("%d bytes allocated for a body of %d bytes, bound %d", n, len(body), allocationBound(len(body)))
		}
		if err == nil {
			return
		}
		var de *domain.Error
		if !errors.As(err, &de) {
			t.Fatalf("error %v is no *domain.Error: it would answer 500", err)
		}
		if de.Kind != domain.KindInvalid && de.Kind != domain.KindTooLarge {
			t.Fatalf("kind %d, want invalid or too large", de.Kind)
		}
		if de.Detail == "" && len(de.Params) == 0 {
			t.Fatal("no detail and no params")
		}
		for _, p := range de.Params {
			if p.Name == "" || p.Code == "" || p.Reason == "" {
				t.Fatalf("param %+v", p)
			}
		}
	})
}

// BenchmarkDecodeJSON_Nested measures what a body of lists nested levels
// deep costs: before the depth check and the lazy paths, 106 MB and 36 ms
// at 9,990 levels.
//
//	go test -run XXX -bench DecodeJSON_Nested ./zgw
func BenchmarkDecodeJSON_Nested(b *testing.B) {
	for _, levels := range []int{8, 30, 1000, 9990} {
		body := deeplyNested(levels)
		b.Run(fmt.Sprintf("levels=%d", levels), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("POST", "/", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				var dst struct {
					UUIDIn []string `json:"uuid__in"`
				}
				_ = zgw.DecodeJSON(req, &dst)
			}
		})
	}
}
