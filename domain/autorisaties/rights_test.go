package autorisaties

import (
	"encoding/json"
	"testing"
)

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

func TestRights_zrc006(t *testing.T) {
	r := zaakLezer().Rights("u")
	cases := []struct {
		name   string
		typ    string
		va     string
		scopes []string
		want   bool
	}{
		{"SameTypeLowerVA", zt, "openbaar", []string{"zaken.lezen"}, true},
		{"SameTypeEqualVA", zt, "intern", []string{"zaken.lezen"}, true},
		{"SameTypeHigherVA", zt, "geheim", []string{"zaken.lezen"}, false},
		{"OtherType", zt + "x", "openbaar", []string{"zaken.lezen"}, false},
		{"MissingScope", zt, "openbaar", []string{"zaken.bijwerken"}, false},
		{"AnyOfScopes", zt, "openbaar", []string{"zaken.bijwerken", "zaken.lezen"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.Allows(ZRC, tc.typ, tc.va, tc.scopes...); got != tc.want {
				t.Fatalf("Allows = %v, want %v", got, tc.want)
			}
		})
	}
	if !superuser().Rights("s").Allows(ZRC, "any", "zeer_geheim", "zaken.verwijderen") {
		t.Fatal("heeftAlleAutorisaties must allow everything")
	}
	var none *Rights
	if none.HasScope(AC, "autorisaties.lezen") || none.Allows(ZRC, zt, "openbaar", "zaken.lezen") {
		t.Fatal("nil rights allowed something")
	}
}

func TestRights_ztc014(t *testing.T) {
	r := zaakLezer().Rights("u")
	if !r.HasScope(ZTC, "catalogi.lezen", "zaken.lezen", "documenten.lezen") {
		t.Fatal("zaken.lezen must read the catalogue")
	}
	if r.HasScope(ZTC, "catalogi.schrijven") {
		t.Fatal("zaken.lezen must not write the catalogue")
	}
	if r.HasScope(BRC, "audittrails.lezen") {
		t.Fatal("a shared scope counts only on its own component")
	}
}

func TestRights_Filter(t *testing.T) {
	g := zaakLezer()
	g.Autorisaties = append(g.Autorisaties,
		Autorisatie{Component: ZRC, Scopes: []string{"zaken.lezen"}, Zaaktype: zt, MaxVertrouwelijkheidaanduiding: "geheim"},
		Autorisatie{Component: ZRC, Scopes: []string{"zaken.bijwerken"}, Zaaktype: zt + "2", MaxVertrouwelijkheidaanduiding: "geheim"},
	)
	all, grants := g.Rights("u").Filter(ZRC, "zaken.lezen")
	if all || len(grants) != 1 || grants[0].MaxVertrouwelijkheidaanduiding != "geheim" {
		t.Fatalf("Filter = %v %#v", all, grants)
	}
	if all, _ := superuser().Rights("s").Filter(ZRC, "zaken.lezen"); !all {
		t.Fatal("superuser must see all")
	}
}

func TestNormaliseScope(t *testing.T) {
	for in, want := range map[string]string{
		"zds.scopes.zaken.lezen":         "zaken.lezen",
		"notificaties.scopes.publiceren": "notificaties.publiceren",
		"zaken.lezen":                    "zaken.lezen",
	} {
		if got := NormaliseScope(in); got != want {
			t.Errorf("NormaliseScope(%q) = %q, want %q", in, got, want)
		}
	}
}
