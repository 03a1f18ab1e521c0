package referentielijsten_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/refs"
)

const (
	procestype = "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d" // 2017 procestype 1
	resultaat  = "6711baff-798b-4c7f-9133-8ad02c8b7c6f" // its resultaat 1.1, vernietigen, P10Y
)

// sources returns the built-in source and one that reads the same data
// from an external Referentielijsten API: the built-in API served on
// another port.
func sources(t *testing.T) map[string]*referentielijsten.Source {
	t.Helper()
	lijsten, err := referentielijsten.Load()
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler // set once the server's URL is known
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	api, routes, err := referentielijsten.NewAPI(srv.URL, lijsten)
	if err != nil {
		t.Fatal(err)
	}
	handler = api.Handler(func(h http.Handler) http.Handler { return h }, routes)
	resolver, err := refs.New(refs.Options{AllowPrivate: true}) // the test server is on loopback
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*referentielijsten.Source{
		"Builtin":  {Lijsten: lijsten, Root: "http://registry.test" + referentielijsten.Root, Builtin: true},
		"External": {Root: srv.URL + referentielijsten.Root, Resolver: resolver},
	}
}

func TestSource_ztc001(t *testing.T) {
	ctx := context.Background()
	for name, s := range sources(t) {
		t.Run(name, func(t *testing.T) {
			if err := s.Procestype(ctx, "selectielijstProcestype", s.Root+"/procestypen/"+procestype); err != nil {
				t.Fatalf("known procestype: %v", err)
			}
			for _, bad := range []string{
				s.Root + "/procestypen/00000000-0000-4000-8000-000000000000", // unknown
				"https://elders.example/api/v1/procestypen/" + procestype,    // another API
				"geen-url",
			} {
				err := s.Procestype(ctx, "selectielijstProcestype", bad)
				var e *domain.Error
				if !errors.As(err, &e) || e.Kind != domain.KindInvalid || e.Params[0].Code != refs.CodeBadURL {
					t.Errorf("%s: %v, want bad-url", bad, err)
				}
			}
		})
	}
}

func TestSource_ztc002Facts(t *testing.T) {
	ctx := context.Background()
	for name, s := range sources(t) {
		t.Run(name, func(t *testing.T) {
			r, err := s.Resultaat(ctx, "selectielijstklasse", s.Root+"/resultaten/"+resultaat)
			if err != nil {
				t.Fatal(err)
			}
			if r.ProcestypeURL != s.Root+"/procestypen/"+procestype || r.Waardering != "vernietigen" ||
				r.Bewaartermijn != "P10Y" || r.Procestermijn != "nihil" {
				t.Fatalf("facts = %+v", r)
			}
			lijsten, _ := referentielijsten.Load()
			o := lijsten.ResultaatTypeOmschrijvingen()[0]
			got, err := s.ResultaatTypeOmschrijving(ctx, "resultaattypeomschrijving", s.Root+"/resultaattypeomschrijvingen/"+o.UUID)
			if err != nil || got != o.Omschrijving {
				t.Fatalf("omschrijving = %q, %v", got, err)
			}
		})
	}
}

// TestSource_BuiltinLocalRefs: the built-in source takes the references
// the log keeps to the built-in API (its Root, without a base URL), and
// no URL of another host.
func TestSource_BuiltinLocalRefs(t *testing.T) {
	lijsten, err := referentielijsten.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := &referentielijsten.Source{Lijsten: lijsten, Root: referentielijsten.Root, Builtin: true}
	ctx := context.Background()
	if err := s.Procestype(ctx, "selectielijstProcestype", referentielijsten.Root+"/procestypen/"+procestype); err != nil {
		t.Errorf("a reference to the built-in procestype: %v", err)
	}
	if err := s.Procestype(ctx, "selectielijstProcestype", "http://elders.test"+referentielijsten.Root+"/procestypen/"+procestype); err == nil {
		t.Error("procestype under another host accepted")
	}
}
