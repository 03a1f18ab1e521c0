package catalogi

import (
	"fmt"
	"strconv"
	"strings"
)

// Duur is an ISO-8601 duration (PnYnMnWnDTnHnMnS) as the ZGW APIs use it
// for doorlooptijd, archiefactietermijn, procestermijn and the like. Only
// the seconds may carry a fraction; there is no sign.
type Duur struct {
	Jaren, Maanden, Weken, Dagen int
	Uren, Minuten                int
	Seconden                     float64
}

// ParseDuur reads an ISO-8601 duration. It accepts "P1Y", "P30D", "P2W",
// "PT36H", "P1Y2M3DT4H5M6.5S" and rejects "P", "PT", "P1H" (a time unit
// before T), repeated or out-of-order units and negative values.
func ParseDuur(s string) (Duur, error) {
	var d Duur
	fail := func() (Duur, error) { return Duur{}, fmt.Errorf("catalogi: ongeldige ISO-8601-duur %q", s) }
	rest, ok := strings.CutPrefix(s, "P")
	if !ok || rest == "" {
		return fail()
	}
	datum, tijd, heeftT := strings.Cut(rest, "T")
	if heeftT && tijd == "" {
		return fail()
	}
	n := 0
	if !parseUnits(datum, "YMWD", func(u byte, v string) bool {
		i, err := strconv.Atoi(v)
		if err != nil {
			return false
		}
		switch u {
		case 'Y':
			d.Jaren = i
		case 'M':
			d.Maanden = i
		case 'W':
			d.Weken = i
		case 'D':
			d.Dagen = i
		}
		n++
		return true
	}) {
		return fail()
	}
	if !parseUnits(tijd, "HMS", func(u byte, v string) bool {
		if u == 'S' {
			f, err := strconv.ParseFloat(v, 64)
			d.Seconden = f
			n++
			return err == nil && !strings.HasPrefix(v, ".") && !strings.HasSuffix(v, ".")
		}
		i, err := strconv.Atoi(v)
		if err != nil {
			return false
		}
		if u == 'H' {
			d.Uren = i
		} else {
			d.Minuten = i
		}
		n++
		return true
	}) {
		return fail()
	}
	if n == 0 {
		return fail()
	}
	return d, nil
}

// parseUnits walks "1Y2M" through units in the allowed order, each at most
// once, with only digits (and for S one decimal point) before each unit.
func parseUnits(s, order string, set func(unit byte, value string) bool) bool {
	next := 0
	for s != "" {
		i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
		if i <= 0 {
			return false
		}
		pos := strings.IndexByte(order[next:], s[i])
		if pos < 0 {
			return false
		}
		value := s[:i]
		if s[i] != 'S' && strings.Contains(value, ".") {
			return false
		}
		if !set(s[i], value) {
			return false
		}
		next += pos + 1
		s = s[i+1:]
	}
	return true
}

// ValidDuur reports whether s is an ISO-8601 duration ParseDuur accepts.
func ValidDuur(s string) bool {
	_, err := ParseDuur(s)
	return err == nil
}

// AddTo returns the date d plus the calendar part of the duration (years,
// months, weeks, days; whole days of hours count too). Months are added the
// way time.AddDate does.
func (u Duur) AddTo(d Date) Date {
	extra := u.Uren / 24
	return DateOf(d.Time().AddDate(u.Jaren, u.Maanden, u.Weken*7+u.Dagen+extra))
}
