package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestNewDateFields(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want string
	}{
		{2024, time.January, 31, "2024-01-31"},
		{2024, time.February, 29, "2024-02-29"},
		{1955, time.December, 1, "1955-12-01"},
		{2023, time.February, 29, "2023-03-01"}, // normalised as time.Date does
		{2024, time.December, 32, "2025-01-01"},
		{2024, time.January, 0, "2023-12-31"},
		{2024, 13, 1, "2025-01-01"},
		{2024, 0, 15, "2023-12-15"},
	}
	for _, tt := range tests {
		got := model.NewDate(tt.y, tt.m, tt.d)
		if got.String() != tt.want {
			t.Errorf("NewDate(%d, %d, %d) = %s, want %s", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
	d := model.NewDate(2025, time.July, 1)
	if d.Year() != 2025 || d.Month() != time.July || d.Day() != 1 {
		t.Errorf("fields of %s = %d %d %d", d, d.Year(), d.Month(), d.Day())
	}
	if int32(d) != 20250701 {
		t.Errorf("NewDate(2025, 7, 1) stored as %d, want 20250701", int32(d))
	}
	if tm := d.Time(); !tm.Equal(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v", tm)
	}
}

func TestDateOfUsesLocation(t *testing.T) {
	// 2025-06-30 20:00 UTC is already 1 July in Hà Nội (UTC+7).
	hanoi := time.FixedZone("ICT", 7*60*60)
	instant := time.Date(2025, 6, 30, 20, 0, 0, 0, time.UTC)
	if got := model.DateOf(instant); got != model.MustDate("2025-06-30") {
		t.Errorf("DateOf(UTC) = %s", got)
	}
	if got := model.DateOf(instant.In(hanoi)); got != model.MustDate("2025-07-01") {
		t.Errorf("DateOf(ICT) = %s", got)
	}
}

func TestParseDateRoundTrip(t *testing.T) {
	for _, s := range []string{
		"2019-07-01", "2024-02-29", "2000-02-29", "1955-01-01", "2040-12-31", "0001-01-01", "9999-12-31",
	} {
		d, err := model.ParseDate(s)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", s, err)
			continue
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q).String() = %q", s, d.String())
		}
		if model.MustDate(s) != d {
			t.Errorf("MustDate(%q) != ParseDate", s)
		}
		if d2 := model.NewDate(d.Year(), d.Month(), d.Day()); d2 != d {
			t.Errorf("NewDate(fields of %s) = %s", d, d2)
		}
	}
}

func TestParseDateInvalid(t *testing.T) {
	for _, s := range []string{
		"", " ", "2024", "2024-01", "2024-1-05", "2024-01-5", "24-01-05",
		"2024/01/05", "05-01-2024", "2024-13-01", "2024-00-10", "2024-01-00",
		"2023-02-29", "2024-02-30", "2024-04-31", "2024-01-01T00:00:00Z",
		" 2024-01-01", "2024-01-01 ", "hôm nay", "2024-01-32",
	} {
		d, err := model.ParseDate(s)
		if err == nil {
			t.Errorf("ParseDate(%q) = %s, want an error", s, d)
			continue
		}
		if d != 0 {
			t.Errorf("ParseDate(%q) returned %d with the error, want 0", s, d)
		}
		if !strings.Contains(err.Error(), "YYYY-MM-DD") {
			t.Errorf("ParseDate(%q) error %q does not name the expected form", s, err)
		}
	}
}

func TestMustDatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustDate(\"2024-02-30\") did not panic")
		}
	}()
	model.MustDate("2024-02-30")
}

func TestDateZero(t *testing.T) {
	var z model.Date
	if !z.IsZero() || z.String() != "" {
		t.Errorf("zero Date: IsZero %v, String %q", z.IsZero(), z.String())
	}
	if model.MustDate("0001-01-01").IsZero() {
		t.Error("0001-01-01 reads as unset")
	}
}

func TestDateCompare(t *testing.T) {
	// Dates compare with < because they are stored as yyyymmdd.
	ordered := []string{"1999-12-31", "2000-01-01", "2000-01-31", "2000-02-01", "2000-10-01", "2001-01-01"}
	for i := 1; i < len(ordered); i++ {
		a, b := model.MustDate(ordered[i-1]), model.MustDate(ordered[i])
		if !(a < b) {
			t.Errorf("%s < %s is false", a, b)
		}
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		d    string
		n    int
		want string
	}{
		{"2024-02-28", 1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"2024-12-31", 1, "2025-01-01"},
		{"2025-01-01", -1, "2024-12-31"},
		{"2024-01-01", 366, "2025-01-01"},
		{"2024-03-01", -1, "2024-02-29"},
		{"2024-06-15", 0, "2024-06-15"},
	}
	for _, tt := range tests {
		if got := model.MustDate(tt.d).AddDays(tt.n); got.String() != tt.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tt.d, tt.n, got, tt.want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		d    string
		n    int
		want string
	}{
		{"2024-01-31", 1, "2024-02-29"}, // leap year: clamp to 29
		{"2023-01-31", 1, "2023-02-28"}, // common year: clamp to 28
		{"2024-01-31", 2, "2024-03-31"}, // the day comes back: counted from the start, not chained
		{"2024-01-31", 3, "2024-04-30"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2023-03-31", -1, "2023-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2024-02-29", -12, "2023-02-28"},
		{"2024-12-15", 1, "2025-01-15"},  // year boundary forward
		{"2025-01-15", -1, "2024-12-15"}, // year boundary back
		{"2024-11-30", 2, "2025-01-30"},
		{"2025-01-31", -2, "2024-11-30"},
		{"2024-06-15", 0, "2024-06-15"},
		{"2024-06-15", -18, "2022-12-15"},
		{"2024-06-15", 30, "2026-12-15"},
		{"2020-10-31", 60, "2025-10-31"},
		{"1961-01-01", 723, "2021-04-01"}, // 60 years 3 months
		{"2000-12-31", -12 * 2000, "0000-12-31"},
	}
	for _, tt := range tests {
		if got := model.MustDate(tt.d).AddMonths(tt.n); got.String() != tt.want {
			t.Errorf("%s.AddMonths(%d) = %s, want %s", tt.d, tt.n, got, tt.want)
		}
	}
}

func TestEndOfMonth(t *testing.T) {
	tests := []struct{ d, want string }{
		{"2024-02-01", "2024-02-29"},
		{"2023-02-14", "2023-02-28"},
		{"1900-02-10", "1900-02-28"}, // not a leap year
		{"2000-02-10", "2000-02-29"}, // a leap year
		{"2024-04-30", "2024-04-30"},
		{"2024-12-01", "2024-12-31"},
		{"2021-04-15", "2021-04-30"},
		{"2025-07-31", "2025-07-31"},
	}
	for _, tt := range tests {
		if got := model.MustDate(tt.d).EndOfMonth(); got.String() != tt.want {
			t.Errorf("%s.EndOfMonth() = %s, want %s", tt.d, got, tt.want)
		}
	}
}

func TestMonthsUntil(t *testing.T) {
	tests := []struct {
		d, e string
		want int
	}{
		{"2024-01-15", "2024-01-15", 0},
		{"2024-01-15", "2024-02-14", 0},
		{"2024-01-15", "2024-02-15", 1},
		{"2024-01-15", "2025-01-14", 11},
		{"2024-01-15", "2025-01-15", 12},
		{"2024-12-31", "2025-01-01", 0},
		{"2024-01-31", "2024-02-28", 0},
		{"2024-01-31", "2024-02-29", 1}, // the last day of a short month completes the month
		{"2023-01-31", "2023-02-28", 1},
		{"2024-01-30", "2024-02-29", 1},
		{"2024-01-31", "2024-03-30", 1},
		{"2024-01-31", "2024-03-31", 2},
		{"2024-01-31", "2024-04-30", 3},
		// Negative: -e.MonthsUntil(d).
		{"2024-02-15", "2024-01-15", -1},
		{"2024-02-15", "2024-01-16", 0},
		{"2025-01-15", "2024-01-16", -11},
		{"2024-02-29", "2024-01-31", -1},
		{"2024-02-28", "2024-01-31", 0},
		{"2024-03-30", "2024-01-31", -1},
		{"2020-10-31", "2018-04-29", -30},
	}
	for _, tt := range tests {
		d, e := model.MustDate(tt.d), model.MustDate(tt.e)
		if got := d.MonthsUntil(e); got != tt.want {
			t.Errorf("%s.MonthsUntil(%s) = %d, want %d", tt.d, tt.e, got, tt.want)
		}
	}
}

// TestMonthsUntilInvertsAddMonths checks, over every pair of days in a
// window that includes leap and common Februaries, that MonthsUntil is the
// inverse of AddMonths: for e >= d, n = d.MonthsUntil(e) is the largest n
// with d.AddMonths(n) <= e, and MonthsUntil is antisymmetric.
func TestMonthsUntilInvertsAddMonths(t *testing.T) {
	start, end := model.MustDate("2022-12-25"), model.MustDate("2024-04-05")
	var days []model.Date
	for d := start; d <= end; d = d.AddDays(1) {
		days = append(days, d)
	}
	for _, d := range days {
		for n := -15; n <= 15; n++ {
			if got := d.MonthsUntil(d.AddMonths(n)); got != n {
				t.Fatalf("%s.MonthsUntil(%s.AddMonths(%d)) = %d", d, d, n, got)
			}
		}
		for _, e := range days {
			n := d.MonthsUntil(e)
			if m := e.MonthsUntil(d); m != -n {
				t.Fatalf("%s.MonthsUntil(%s) = %d but the reverse is %d", d, e, n, m)
			}
			if e < d {
				continue
			}
			if !(d.AddMonths(n) <= e && e < d.AddMonths(n+1)) {
				t.Fatalf("%s.MonthsUntil(%s) = %d: not the largest n with AddMonths(n) <= e", d, e, n)
			}
		}
	}
}

func TestYearsUntilAndAge(t *testing.T) {
	tests := []struct {
		birth, on string
		want      int
	}{
		{"2000-06-15", "2018-06-14", 17}, // the day before the 18th birthday
		{"2000-06-15", "2018-06-15", 18}, // on the birthday
		{"2000-06-15", "2018-06-16", 18}, // the day after
		{"2000-06-15", "2000-06-15", 0},
		{"2000-06-15", "2001-06-14", 0},
		{"2000-12-31", "2001-12-30", 0},
		{"2000-12-31", "2001-12-31", 1},
		{"2000-01-01", "2000-12-31", 0},
		// Born on 29 February: in a common year the birthday is the last
		// day of February (Civil Code 2015 Art. 148(3)); in a leap year it
		// is the 29th.
		{"2000-02-29", "2001-02-27", 0},
		{"2000-02-29", "2001-02-28", 1},
		{"2000-02-29", "2001-03-01", 1},
		{"2000-02-29", "2018-02-27", 17},
		{"2000-02-29", "2018-02-28", 18},
		{"2000-02-29", "2004-02-28", 3}, // 2004 is a leap year: not yet
		{"2000-02-29", "2004-02-29", 4},
		{"2000-02-29", "2004-03-01", 4},
		// Negative spans truncate towards zero.
		{"2018-06-15", "2000-06-15", -18},
		{"2018-06-15", "2000-06-16", -17},
		{"2018-06-15", "2017-06-16", 0},
	}
	for _, tt := range tests {
		birth, on := model.MustDate(tt.birth), model.MustDate(tt.on)
		if got := birth.YearsUntil(on); got != tt.want {
			t.Errorf("%s.YearsUntil(%s) = %d, want %d", tt.birth, tt.on, got, tt.want)
		}
		p := model.Person{Birth: birth}
		if got := p.AgeAt(on); got != tt.want {
			t.Errorf("AgeAt(%s) for born %s = %d, want %d", tt.on, tt.birth, got, tt.want)
		}
	}
}

func TestDaysUntil(t *testing.T) {
	tests := []struct {
		d, e string
		want int
	}{
		{"2024-01-01", "2024-01-01", 0},
		{"2024-01-01", "2024-01-02", 1},
		{"2024-01-02", "2024-01-01", -1},
		{"2024-02-28", "2024-03-01", 2},
		{"2023-02-28", "2023-03-01", 1},
		{"2024-01-01", "2025-01-01", 366},
		{"2025-01-01", "2026-01-01", 365},
		{"2025-08-01", "2026-05-31", 303},
		{"1955-01-01", "2040-12-31", 31411},
		{"0001-01-01", "9999-12-31", 3652058}, // longer than a time.Duration can hold
		{"9999-12-31", "0001-01-01", -3652058},
	}
	for _, tt := range tests {
		d, e := model.MustDate(tt.d), model.MustDate(tt.e)
		if got := d.DaysUntil(e); got != tt.want {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", tt.d, tt.e, got, tt.want)
		}
		if got := d.AddDays(tt.want); got != e {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tt.d, tt.want, got, tt.e)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "0000-01-01", "1955-13-01", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q).String() = %q", s, d.String())
		}
		if back, err := model.ParseDate(d.String()); err != nil || back != d {
			t.Errorf("round trip of %q: %s, %v", s, back, err)
		}
	})
}

// Month lengths follow the calendar rule; time.Date is the reference.
func TestEndOfMonthCalendar(t *testing.T) {
	for y := 1600; y <= 2400; y++ {
		for m := time.January; m <= time.December; m++ {
			got := model.NewDate(y, m, 1).EndOfMonth()
			if want := model.DateOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)); got != want {
				t.Fatalf("%d-%02d: EndOfMonth %v, want %v", y, m, got, want)
			}
		}
	}
}
