package catalogi

import (
	"encoding/json"
	"testing"
)

// TestDate_UnmarshalJSON: the short path for plain dates and null agrees
// with the full one for everything else JSON allows.
func TestDate_UnmarshalJSON(t *testing.T) {
	cases := []struct {
		in, want string
		bad      bool
	}{
		{in: `"2026-11-28"`, want: "2026-11-28"},
		{in: `null`},
		{in: `""`},
		{in: `"\u0032026-11-28"`, want: "2026-11-28"},
		{in: `"2026-13-01"`, bad: true},
		{in: `"20261128"`, bad: true},
		{in: `20261128`, bad: true},
	}
	for _, c := range cases {
		d := MustDate("2000-01-01")
		err := json.Unmarshal([]byte(c.in), &d)
		if (err != nil) != c.bad || (!c.bad && d.String() != c.want) {
			t.Errorf("%s: %q, %v", c.in, d.String(), err)
		}
	}
}
