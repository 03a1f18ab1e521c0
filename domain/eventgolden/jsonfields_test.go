package eventgolden

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

type deelA struct {
	ID     string `json:"id"`
	Naam   string `json:"naam"`
	Dubbel string
}

type deelB struct {
	ID     string `json:"id"`
	Dubbel string
	Diep   string `json:"diep"`
}

type geheel struct {
	Eerst string `json:"eerst"`
	deelA
	*deelB
	Naam   string `json:"naam"` // shallower than deelA's: wins
	Weg    string `json:"-"`
	Laatst bool   `json:"laatst,omitempty"`
}

// TestJSONFields_AsEncodingJSON: the catalogue lists the fields that
// encoding/json writes, in its order, embedded and conflicting ones
// included.
func TestJSONFields_AsEncodingJSON(t *testing.T) {
	v := geheel{deelB: &deelB{}, Laatst: true}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, _ := dec.Token()
		want = append(want, k.(string))
		var skip any
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, f := range jsonFields(reflect.TypeOf(v)) {
		got = append(got, f.name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("fields %q, encoding/json writes %q", got, want)
	}
}
