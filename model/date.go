package model

import (
	"fmt"
	"time"
)

// Date is a civil date stored as the decimal number yyyymmdd, so that dates
// compare with < and read plainly in a debugger. The zero Date means "not
// set".
type Date int32

// NewDate returns the date y-m-d. Out-of-range days and months are
// normalised as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// ParseDate parses an ISO date "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("model: %q is not a date of the form YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for constants in code and tests; it panics on a
// malformed literal, which is a programming error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == 0 }

// Year returns d's year.
func (d Date) Year() int { return int(d) / 10000 }

// Month returns d's month.
func (d Date) Month() time.Month { return time.Month(int(d) / 100 % 100) }

// Day returns d's day of the month.
func (d Date) Day() int { return int(d) % 100 }

// Time returns d at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// String formats d as "2006-01-02", or "" when d is unset.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d moved by n calendar months, clamping the day to the
// end of the target month (2024-01-31 + 1 month = 2024-02-29), as term and
// retirement arithmetic expects.
func (d Date) AddMonths(n int) Date {
	idx := d.monthIndex() + n
	y, m := idx/12, time.Month(idx%12+1)
	day := min(d.Day(), daysIn(y, m))
	return Date(y*10000 + int(m)*100 + day)
}

// EndOfMonth returns the last day of d's month.
func (d Date) EndOfMonth() Date {
	return Date(d.Year()*10000 + int(d.Month())*100 + daysIn(d.Year(), d.Month()))
}

// monthIndex counts months from year 0, for month arithmetic.
func (d Date) monthIndex() int { return d.Year()*12 + int(d.Month()) - 1 }

// MonthsUntil returns the number of whole calendar months from d to e
// (negative when e is before d, and then -e.MonthsUntil(d)). A month is whole
// when e's day is not before d's day, or e is the last day of its month: the
// period of Civil Code 2015 Art. 148(3), which ends on the last day of a month
// that has no corresponding day. It is the inverse of [Date.AddMonths]: for
// e on or after d, n = d.MonthsUntil(e) is the largest n with
// d.AddMonths(n) <= e, so someone born on 2000-02-29 is one year old on
// 2001-02-28.
func (d Date) MonthsUntil(e Date) int {
	n := e.monthIndex() - d.monthIndex()
	switch {
	case n > 0 && e.Day() < d.Day() && !e.isEndOfMonth():
		n--
	case n < 0 && e.Day() > d.Day() && !d.isEndOfMonth():
		n++
	}
	return n
}

// isEndOfMonth reports whether d is the last day of its month.
func (d Date) isEndOfMonth() bool { return d.Day() == daysIn(d.Year(), d.Month()) }

// YearsUntil returns whole years from d to e: a person born on d is
// d.YearsUntil(e) years old on e.
func (d Date) YearsUntil(e Date) int {
	m := d.MonthsUntil(e)
	if m < 0 {
		return -((-m) / 12)
	}
	return m / 12
}

// DaysUntil returns the number of days from d to e (negative when e is
// before d).
func (d Date) DaysUntil(e Date) int {
	// Unix seconds, not Time.Sub: a time.Duration saturates at about 292
	// years, which an unset (zero) Date is from any real one.
	return int((e.Time().Unix() - d.Time().Unix()) / (24 * 60 * 60))
}

// daysIn is the length of month m of year y (m in 1…12), by the Gregorian
// rule: it is on every age, term and retirement computation's path, where
// building a time.Time cost more than the rest of the arithmetic.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
