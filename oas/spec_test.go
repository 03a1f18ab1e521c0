package oas_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/oas"
)

const someUUID = "6f2a5b1c-8d3e-4f70-9a1b-2c3d4e5f6a7b"

var pathParam = regexp.MustCompile(`\{[^}]+\}`)

// concrete turns a path template into a request path.
func concrete(template string) string { return pathParam.ReplaceAllString(template, someUUID) }

// checkOperations resolves every operation of name through Operation on a
// concrete path and compares its scopes with want (operation id -> scopes
// joined by " "; "" for none). Every operation must be in want.
func checkOperations(t *testing.T, name string, want map[string]string) {
	t.Helper()
	s, err := oas.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Operations()) != len(want) {
		t.Errorf("%d operations, the table has %d", len(s.Operations()), len(want))
	}
	for _, op := range s.Operations() {
		t.Run(op.ID, func(t *testing.T) {
			got, ok := s.Operation(op.Method, concrete(op.Path))
			if !ok || got != op {
				t.Fatalf("Operation(%s, %s) = %v, %v; want %s", op.Method, concrete(op.Path), got, ok, op.ID)
			}
			scopes, ok := want[op.ID]
			if !ok {
				t.Fatalf("operation %s not in the table", op.ID)
			}
			var wantScopes []string
			if scopes != "" {
				wantScopes = strings.Fields(scopes)
			}
			if !reflect.DeepEqual(op.Scopes, wantScopes) {
				t.Errorf("scopes %q, want %q", op.Scopes, wantScopes)
			}
		})
	}
}

func TestOperation_Autorisaties100(t *testing.T) {
	checkOperations(t, "autorisaties-1.0.0", map[string]string{
		"applicatie_list":           "autorisaties.lezen",
		"applicatie_create":         "autorisaties.bijwerken",
		"applicatie_consumer":       "autorisaties.lezen",
		"applicatie_read":           "autorisaties.lezen",
		"applicatie_update":         "autorisaties.bijwerken",
		"applicatie_partial_update": "autorisaties.bijwerken",
		"applicatie_delete":         "autorisaties.bijwerken",
	})
}

// TestOperation_Zaken151 is RULES 3.4's Zaken table, operation by operation.
func TestOperation_Zaken151(t *testing.T) {
	const (
		lezen      = "zaken.lezen"
		bijwerken  = "zaken.bijwerken zaken.geforceerd-bijwerken"
		aanmaken   = "zaken.aanmaken zaken.bijwerken zaken.geforceerd-bijwerken"
		verwijder  = "zaken.bijwerken zaken.geforceerd-bijwerken zaken.verwijderen"
		audittrail = "audittrails.lezen"
	)
	checkOperations(t, "zaken-1.5.1", map[string]string{
		"klantcontact_list": lezen, "klantcontact_create": bijwerken, "klantcontact_retrieve": lezen,
		"resultaat_list": lezen, "resultaat_create": bijwerken, "resultaat_retrieve": lezen, "resultaat_headers": "",
		"resultaat_update": bijwerken, "resultaat_partial_update": bijwerken, "resultaat_destroy": bijwerken,
		"rol_list": lezen, "rol_create": bijwerken, "rol_retrieve": lezen, "rol_headers": "", "rol_destroy": bijwerken,
		"status_list": lezen, "status_create": "zaken.aanmaken zaken.statussen.toevoegen zaken.heropenen",
		"status_retrieve": lezen, "status_headers": "",
		"zaakcontactmoment_list": lezen, "zaakcontactmoment_create": "zaken.bijwerken",
		"zaakcontactmoment_retrieve": lezen, "zaakcontactmoment_destroy": "zaken.bijwerken",
		"zaakinformatieobject_list": lezen, "zaakinformatieobject_create": aanmaken,
		"zaakinformatieobject_retrieve": lezen, "zaakinformatieobject_headers": "",
		"zaakinformatieobject_update": bijwerken, "zaakinformatieobject_partial_update": bijwerken,
		"zaakinformatieobject_destroy": verwijder,
		"zaakobject_list":              lezen, "zaakobject_create": aanmaken, "zaakobject_retrieve": lezen, "zaakobject_headers": "",
		"zaakobject_update": bijwerken, "zaakobject_partial_update": bijwerken, "zaakobject_destroy": verwijder,
		"zaakverzoek_list": lezen, "zaakverzoek_create": "zaken.bijwerken",
		"zaakverzoek_retrieve": lezen, "zaakverzoek_destroy": "zaken.bijwerken",
		"zaak_list": lezen, "zaak_create": "zaken.aanmaken", "zaak__zoek": lezen,
		"zaak_retrieve": lezen, "zaak_headers": "", "zaak_update": bijwerken, "zaak_partial_update": bijwerken,
		"zaak_destroy":    "zaken.verwijderen",
		"audittrail_list": audittrail, "audittrail_retrieve": audittrail,
		"zaakbesluit_list": lezen, "zaakbesluit_create": "zaken.bijwerken",
		"zaakbesluit_retrieve": lezen, "zaakbesluit_destroy": "zaken.bijwerken",
		"zaakeigenschap_list": lezen, "zaakeigenschap_create": bijwerken, "zaakeigenschap_retrieve": lezen,
		"zaakeigenschap_headers": "", "zaakeigenschap_update": bijwerken, "zaakeigenschap_partial_update": bijwerken,
		"zaakeigenschap_destroy": bijwerken,
	})
}

func TestOperation_Matching(t *testing.T) {
	s, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, path string
		wantID             string // "" = no operation
		wantMethods        []string
	}{
		{"LiteralBeatsParameter", "POST", "/zaken/_zoek", "zaak__zoek", []string{"POST"}},
		{"ParameterMatchesUUID", "GET", "/zaken/" + someUUID, "zaak_retrieve", nil},
		{"LowerCaseMethod", "get", "/zaken", "zaak_list", nil},
		{"NestedParameters", "GET", "/zaken/" + someUUID + "/audittrail/" + someUUID, "audittrail_retrieve", nil},
		{"MethodNotDeclared", "DELETE", "/zaken", "", []string{"GET", "POST"}},
		{"HEADOnlyWhereDeclared", "HEAD", "/zaakverzoeken/" + someUUID, "", []string{"DELETE", "GET"}},
		{"UnknownCollection", "GET", "/onbekend", "", nil},
		{"TrailingSlash", "GET", "/zaken/", "", nil},
		{"EmptyParameter", "GET", "/zaken//audittrail", "", nil},
		{"TooDeep", "GET", "/zaken/" + someUUID + "/x/y/z", "", nil},
		{"NoLeadingSlash", "GET", "zaken", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, ok := s.Operation(tt.method, tt.path)
			if tt.wantID == "" {
				if ok {
					t.Fatalf("found %s", op.ID)
				}
				if got := s.Methods(tt.path); !reflect.DeepEqual(got, tt.wantMethods) {
					t.Errorf("Methods = %v, want %v", got, tt.wantMethods)
				}
				return
			}
			if !ok || op.ID != tt.wantID {
				t.Fatalf("got %v %v, want %s", op, ok, tt.wantID)
			}
		})
	}
}

func TestOperation_Parameters(t *testing.T) {
	s, err := oas.Load("zaken-1.5.1")
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Operation("GET", "/zaken")
	for _, q := range []string{"page", "zaaktype", "expand", "ordering"} {
		if _, ok := list.QueryParams[q]; !ok {
			t.Errorf("zaak_list has no query parameter %s", q)
		}
	}
	if !list.HeaderParams["Accept-Crs"] {
		t.Errorf("zaak_list: Accept-Crs not a required header: %v", list.HeaderParams)
	}
	head, _ := s.Operation("HEAD", "/zaken/"+someUUID)
	if head.Scopes != nil {
		t.Errorf("zaak_headers scopes %v, want none (RULES 3.4)", head.Scopes)
	}
	if required, ok := head.HeaderParams["If-None-Match"]; !ok || required {
		t.Errorf("zaak_headers If-None-Match = %v, %v; want optional", required, ok)
	}
}
