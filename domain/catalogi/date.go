package catalogi

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// Date is a civil date (YYYY-MM-DD) without time or zone, as the ZGW APIs
// use for beginGeldigheid and friends. The zero Date means "no date" and
// travels as JSON null.
type Date struct {
	year  int
	month time.Month
	day   int
}

// NewDate returns the date y-m-d, normalised the way time.Date does
// (2024-02-30 becomes 2024-03-01).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today returns the civil date of the clock's now in loc; a nil loc means
// the clock's own location.
func Today(c domain.Clock, loc *time.Location) Date {
	now := c.Now()
	if loc != nil {
		now = now.In(loc)
	}
	return DateOf(now)
}

// ParseDate reads YYYY-MM-DD strictly: no time part, no out-of-range day.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("catalogi: ongeldige datum %q: verwacht JJJJ-MM-DD", s)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for literals in tests and tables; it panics on a
// malformed date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the "no date" value.
func (d Date) IsZero() bool { return d == Date{} }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC) }

// AddDays returns the date n days after d (before, for negative n).
func (d Date) AddDays(n int) Date { return NewDate(d.year, d.month, d.day+n) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MarshalJSON writes "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD", "" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	// The usual forms without a detour through a string: every zaak read
	// from a read model decodes several.
	switch {
	case string(b) == "null" || string(b) == `""`:
		*d = Date{}
		return nil
	case len(b) == len(`"2006-01-02"`) && b[0] == '"' && b[len(b)-1] == '"':
		if v, err := ParseDate(string(b[1 : len(b)-1])); err == nil {
			*d = v
			return nil
		}
	}
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil || *s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(*s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
