package readapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/zgw"
)

// zcServe returns the Zaken API as served: routes behind the real
// zgw.API handler (API-version, scopes, unknown parameters) for a
// principal with rights, every response validated against the OAS except
// the success bodies named in deviations.
func zcServe(t *testing.T, rights *autorisaties.Rights, deviations oastest.BodyDeviations, routes func(chi.Router)) http.Handler {
	t.Helper()
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	api := &zgw.API{Name: "zaken", Root: zkRoot, Component: autorisaties.ZRC, Spec: spec, BaseURL: zkBase}
	authenticate := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := zgw.WithPrincipal(r.Context(), &zgw.Principal{ClientID: "test", Rights: rights})
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
	router := chi.NewRouter()
	router.Route(zkRoot, routes)
	return oastest.ValidateExcept(t, spec, zkRoot, api.Handler(authenticate, router), deviations)
}

// zcGet calls GET path (below the API root) on h and decodes the body.
func zcGet(t *testing.T, h http.Handler, path string) (int, any) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, zkRoot+path, nil))
	var body any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("GET %s: %d %s: %v", path, w.Code, w.Body.String(), err)
	}
	return w.Code, body
}

// zkZaak returns the aggregate of zaak id with its history so far.
func zkZaak(history []zkStream, id string) *zaken.Zaak {
	z := zaken.NewZaak(id, domain.FixedClock{T: zkNow})
	for _, se := range history {
		if se.stream == zaken.ZaakStream(id) {
			for _, e := range se.events {
				z.Apply(e)
			}
		}
	}
	return z
}

// zcKoppeling is one of the two link resources under test, with one link
// on each of zk1 (type A, intern), zk2 (type A, geheim) and zk3 (type B,
// closed), in that order.
type zcKoppeling struct {
	collection, field string
	ids, refs         [3]string
	routes            func(chi.Router)
	render            func(http.ResponseWriter, *http.Request, int, string)
}

// zcHistory is zkHistory with a zaakcontactmoment and a zaakverzoek on
// each of zk1, zk2 and zk3, and one of each on zk1 that was deleted.
func zcHistory(t *testing.T) ([]zkStream, []zcKoppeling, Zaken) {
	t.Helper()
	r := &zkRecorder{t: t, out: zkHistory(t)}
	cm := zcKoppeling{collection: "zaakcontactmomenten", field: "contactmoment",
		ids: [3]string{"d1000000-0000-4000-8000-000000000001", "d1000000-0000-4000-8000-000000000002", "d1000000-0000-4000-8000-000000000003"}}
	vz := zcKoppeling{collection: "zaakverzoeken", field: "verzoek",
		ids: [3]string{"d2000000-0000-4000-8000-000000000001", "d2000000-0000-4000-8000-000000000002", "d2000000-0000-4000-8000-000000000003"}}
	geforceerd := zaken.Bevoegdheden{Geforceerd: true}
	for i, id := range []string{zk1, zk2, zk3} {
		cm.refs[i] = "https://klantinteractie.example/api/v1/contactmomenten/" + cm.ids[i]
		vz.refs[i] = "https://klantinteractie.example/api/v1/verzoeken/" + vz.ids[i]
		z, on := zkZaak(r.out, id), r.on(id)
		on(z.AddZaakContactMoment(cm.ids[i], zaken.ZaakContactMomentGegevens{Contactmoment: cm.refs[i]}, geforceerd))
		on(z.AddZaakVerzoek(vz.ids[i], zaken.ZaakVerzoekGegevens{Verzoek: vz.refs[i]}, geforceerd))
		if id == zk1 {
			on(z.AddZaakContactMoment("d1000000-0000-4000-8000-0000000000ff", zaken.ZaakContactMomentGegevens{Contactmoment: cm.refs[0] + "/weg"}, geforceerd))
			on(z.DeleteZaakContactMoment("d1000000-0000-4000-8000-0000000000ff", geforceerd))
			on(z.AddZaakVerzoek("d2000000-0000-4000-8000-0000000000ff", zaken.ZaakVerzoekGegevens{Verzoek: vz.refs[0] + "/weg"}, geforceerd))
			on(z.DeleteZaakVerzoek("d2000000-0000-4000-8000-0000000000ff", geforceerd))
		}
	}
	h := zkProject(t, r.out)
	cms, vzs := ZaakContactMomenten{Pool: h.Pool}, ZaakVerzoeken{Pool: h.Pool}
	cm.routes = func(r chi.Router) {
		r.Get("/zaakcontactmomenten", cms.List)
		r.Get("/zaakcontactmomenten/{uuid}", cms.Read)
	}
	cm.render = cms.Render
	vz.routes = func(r chi.Router) {
		r.Get("/zaakverzoeken", vzs.List)
		r.Get("/zaakverzoeken/{uuid}", vzs.Read)
	}
	vz.render = vzs.Render
	return r.out, []zcKoppeling{cm, vz}, h
}

// zcUUIDs lists the uuids of a plain array body, in order.
func zcUUIDs(t *testing.T, body any) []string {
	t.Helper()
	items, ok := body.([]any)
	if !ok {
		t.Fatalf("not an array: %v", body)
	}
	out := []string{}
	for _, it := range items {
		out = append(out, it.(map[string]any)["uuid"].(string))
	}
	return out
}

func TestZaakContactMomentenVerzoeken_List(t *testing.T) {
	_, koppelingen, _ := zcHistory(t)
	zaakURL := func(id string) string { return url.QueryEscape(zkBase + zkRoot + "/zaken/" + id) }
	for _, k := range koppelingen {
		t.Run(k.collection, func(t *testing.T) {
			h := zcServe(t, zkSuperuser, nil, k.routes)
			cases := []struct {
				query string
				want  []string
			}{
				{"", k.ids[:]},
				{"zaak=" + zaakURL(zk1), []string{k.ids[0]}},
				{"zaak=" + zaakURL(zk3), []string{k.ids[2]}},
				{"zaak=" + zaakURL(zk4), []string{}},
				{"zaak=" + url.QueryEscape("https://elders.example"+zkRoot+"/zaken/"+zk1), []string{}},
				{k.field + "=" + url.QueryEscape(k.refs[1]), []string{k.ids[1]}},
				{k.field + "=" + url.QueryEscape(k.refs[0]+"/weg"), []string{}},
				{"zaak=" + zaakURL(zk1) + "&" + k.field + "=" + url.QueryEscape(k.refs[1]), []string{}},
			}
			for _, c := range cases {
				code, body := zcGet(t, h, "/"+k.collection+"?"+c.query)
				if code != http.StatusOK {
					t.Fatalf("?%s: %d %v", c.query, code, body)
				}
				if got := zcUUIDs(t, body); !slices.Equal(got, c.want) {
					t.Errorf("?%s: %v, want %v", c.query, got, c.want)
				}
			}
			_, body := zcGet(t, h, "/"+k.collection+"?zaak="+zaakURL(zk2))
			got, _ := json.Marshal(body)
			want, _ := json.Marshal([]map[string]string{{"url": zkBase + zkRoot + "/" + k.collection + "/" + k.ids[1],
				"uuid": k.ids[1], "zaak": zkBase + zkRoot + "/zaken/" + zk2, k.field: k.refs[1]}})
			if string(got) != string(want) {
				t.Errorf("body %s, want %s", got, want)
			}
		})
	}
}

func TestZaakContactMomentenVerzoeken_BadValues(t *testing.T) {
	_, koppelingen, _ := zcHistory(t)
	for _, k := range koppelingen {
		h := zcServe(t, zkSuperuser, nil, k.routes)
		for _, query := range []string{"zaak=geen-url", k.field + "=geen-url", k.field + "=a%00b", "onbekend=1"} {
			t.Run(k.collection+"?"+query, func(t *testing.T) {
				code, body := zcGet(t, h, "/"+k.collection+"?"+query)
				if code != http.StatusBadRequest {
					t.Fatalf("%d %v", code, body)
				}
				params, _ := body.(map[string]any)["invalidParams"].([]any)
				name := strings.SplitN(query, "=", 2)[0]
				if len(params) != 1 || params[0].(map[string]any)["name"] != name {
					t.Errorf("invalidParams %v do not name %s", params, name)
				}
			})
		}
	}
}

func TestZaakContactMomentenVerzoeken_Read(t *testing.T) {
	_, koppelingen, _ := zcHistory(t)
	for _, k := range koppelingen {
		t.Run(k.collection, func(t *testing.T) {
			h := zcServe(t, zkSuperuser, nil, k.routes)
			code, body := zcGet(t, h, "/"+k.collection+"/"+strings.ToUpper(k.ids[2]))
			got, _ := json.Marshal(body)
			want, _ := json.Marshal(map[string]string{"url": zkBase + zkRoot + "/" + k.collection + "/" + k.ids[2],
				"uuid": k.ids[2], "zaak": zkBase + zkRoot + "/zaken/" + zk3, k.field: k.refs[2]})
			if code != http.StatusOK || string(got) != string(want) {
				t.Errorf("%d %s, want %s", code, got, want)
			}
			deleted := strings.Replace(k.ids[0], "000000000001", "0000000000ff", 1)
			for _, id := range []string{deleted, "d9000000-0000-4000-8000-000000000001", "geen-uuid"} {
				if code, body := zcGet(t, h, "/"+k.collection+"/"+id); code != http.StatusNotFound {
					t.Errorf("GET %s: %d %v", id, code, body)
				}
			}
		})
	}
}

// TestZaakContactMomentenVerzoeken_zrc006: a client authorised for
// zaaktype A up to intern lists only the links of zk1 and gets 403 on the
// others; a client without zaken.lezen gets nothing.
func TestZaakContactMomentenVerzoeken_zrc006(t *testing.T) {
	_, koppelingen, _ := zcHistory(t)
	rights := &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "intern"},
		{Component: autorisaties.ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: zkZaaktypeB, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
	}}
	for _, k := range koppelingen {
		t.Run(k.collection, func(t *testing.T) {
			h := zcServe(t, rights, nil, k.routes)
			_, body := zcGet(t, h, "/"+k.collection)
			if got := zcUUIDs(t, body); !slices.Equal(got, []string{k.ids[0]}) {
				t.Errorf("list: %v", got)
			}
			for i, want := range []int{http.StatusOK, http.StatusForbidden, http.StatusForbidden} {
				code, body := zcGet(t, h, "/"+k.collection+"/"+k.ids[i])
				if code != want {
					t.Errorf("GET %s: %d %v, want %d", k.ids[i], code, body, want)
				}
				if want == http.StatusForbidden && body.(map[string]any)["code"] != "permission_denied" {
					t.Errorf("GET %s: %v", k.ids[i], body)
				}
			}
			none := zcServe(t, &autorisaties.Rights{Autorisaties: []autorisaties.Autorisatie{
				{Component: autorisaties.ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: zkZaaktypeA, MaxVertrouwelijkheidaanduiding: "zeer_geheim"},
			}}, nil, k.routes)
			if code, body := zcGet(t, none, "/"+k.collection); code != http.StatusForbidden {
				t.Errorf("list without zaken.lezen: %d %v", code, body)
			}
		})
	}
}

func TestZaakContactMomentenVerzoeken_Render(t *testing.T) {
	_, koppelingen, _ := zcHistory(t)
	for _, k := range koppelingen {
		t.Run(k.collection, func(t *testing.T) {
			ctx := zgw.WithAPI(context.Background(), &zgw.API{Root: zkRoot, BaseURL: zkBase})
			r := httptest.NewRequest(http.MethodPost, zkRoot+"/"+k.collection, nil).WithContext(ctx)
			w := httptest.NewRecorder()
			k.render(w, r, http.StatusCreated, k.ids[1])
			if w.Code != http.StatusCreated || !strings.Contains(w.Body.String(), `"`+k.field+`":"`+k.refs[1]+`"`) {
				t.Errorf("%d %s", w.Code, w.Body.String())
			}
			w = httptest.NewRecorder()
			k.render(w, r, http.StatusCreated, "d9000000-0000-4000-8000-000000000001")
			if w.Code != http.StatusNotFound {
				t.Errorf("unknown: %d %s", w.Code, w.Body.String())
			}
		})
	}
}
