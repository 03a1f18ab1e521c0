package readapi

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/zgw"
)

// queryAllocationBound is the most a query string of n bytes may cost to
// check and turn into a filter: a fixed part, and a part linear in its
// size.
func queryAllocationBound(n int) uint64 { return 1<<20 + 160*uint64(n) }

var placeholders = regexp.MustCompile(`\$([0-9]+)`)

// FuzzZakenQuery feeds the query parser of GET /zaken arbitrary query
// strings, through the API middleware with the real OAS (undeclared
// parameters, values no text column can hold) and then the zaken filters,
// the ordering and the page: it must never panic, report every fault on a
// parameter the query has, give the SQL an argument for every placeholder,
// and allocate at most queryAllocationBound.
//
//	go test -run XXX -fuzz FuzzZakenQuery -fuzztime 10m ./readapi
func FuzzZakenQuery(f *testing.F) {
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		f.Fatal(err)
	}
	api := &zgw.API{Name: "zaken", Root: "/zaken/api/v1", Component: autorisaties.ZRC, Spec: spec, BaseURL: "http://zaken.test"}
	for _, seed := range []string{
		"", "page=2", "page=0", "page=99999999999999999999", "identificatie=ZAAK-1&bronorganisatie=123456782",
		"zaaktype=http://zaken.test/catalogi/api/v1/zaaktypen/0f0a&zaaktype__in=a,b,,c",
		"startdatum__gte=2026-01-01&einddatum__lt=2026-13-45&archiefactiedatum__isnull=maybe",
		"ordering=-startdatum,identificatie,x&archiefnominatie__in=vernietigen,,x",
		"rol__betrokkeneType=medewerker&rol__betrokkeneIdentificatie__medewerker__identificatie=%00",
		"maximaleVertrouwelijkheidaanduiding=geheim&rol__betrokkene=javascript:alert(1)",
		"%ff=1&a;b=2&&==&x=%zz", "expand=rollen,status.statustype", strings.Repeat("zaaktype__in=a,", 200),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		var filter *zakenFilter
		var where, order string
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if _, err := zgw.PageParam(r); err != nil {
				zgw.WriteError(w, r, err)
				return
			}
			filter = newZakenFilter(r.Context(), queryParams(r.URL.Query()))
			filter.zaken()
			order = filter.ordering("ordering")
			where = filter.sql()
		})
		req := httptest.NewRequest("GET", "/zaken/api/v1/zaken", nil)
		req.URL.RawQuery = rawQuery
		req = req.WithContext(zgw.WithPrincipal(req.Context(), &zgw.Principal{ClientID: "fuzz", Rights: &autorisaties.Rights{HeeftAlleAutorisaties: true}}))
		rec := httptest.NewRecorder()
		api.Middleware(next).ServeHTTP(rec, req)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > queryAllocationBound(len(rawQuery)) {
			t.Errorf("%d bytes allocated for a query of %d bytes", n, len(rawQuery))
		}
		if rec.Code >= 500 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if filter == nil {
			if rec.Code < 400 {
				t.Fatalf("status %d without reaching the filters", rec.Code)
			}
			return
		}
		query, _ := url.ParseQuery(rawQuery)
		var de *domain.Error
		if errors.As(filter.p.Err(), &de) {
			for _, p := range de.Params {
				if !query.Has(p.Name) {
					t.Fatalf("fault %+v on a parameter the query does not have", p)
				}
			}
		}
		if !strings.HasSuffix(order, createdOrder("z")) {
			t.Fatalf("ordering %q does not end in the creation order", order)
		}
		for _, m := range placeholders.FindAllStringSubmatch(where, -1) {
			if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(filter.args) {
				t.Fatalf("placeholder $%s with %d arguments: %s", m[1], len(filter.args), where)
			}
		}
		for _, a := range filter.args {
			if s, ok := a.(string); ok && !zgw.ValidText(s) {
				t.Fatalf("argument %q is no valid text", s)
			}
		}
	})
}
