package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Numbers for people are written the local way: 1.234.567,5 in Vietnamese,
// 1,234,567.5 in English. The methods below are the one formatter of
// kiemnhiem (report, the command and the optimiser's explanations all call
// them); they print exactly what golang.org/x/text/message prints for %d
// and %.*f, which TestNumberMatchesXText proves, without the dependency.

// separators returns the digit-group separator and the decimal mark.
func (l Lang) separators() (group, decimal string) {
	if l == English {
		return ",", "."
	}
	return ".", ","
}

// Int writes n with its digits grouped by three.
func (l Lang) Int(n int64) string {
	group, _ := l.separators()
	return groupDigits(strconv.FormatInt(n, 10), group)
}

// Uint writes n with its digits grouped by three.
func (l Lang) Uint(n uint64) string {
	group, _ := l.separators()
	return groupDigits(strconv.FormatUint(n, 10), group)
}

// Number writes x with decimals digits after the mark (rounded to the
// nearest, ties to even as strconv does) and its integer digits grouped by
// three. A zero is never signed; NaN is "NaN" and an infinity "∞" or "-∞".
func (l Lang) Number(x float64, decimals int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	case x == 0:
		x = 0 // -0 prints as 0
	}
	group, mark := l.separators()
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	whole, frac, hasFrac := strings.Cut(s, ".")
	whole = groupDigits(whole, group)
	if !hasFrac {
		return whole
	}
	return whole + mark + frac
}

// groupDigits puts sep between groups of three digits of s, an optionally
// signed run of digits.
func groupDigits(s, sep string) string {
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Money writes whole đồng grouped: "1.234.567 đồng" in Vietnamese,
// "1,234,567 đồng" in English (the currency keeps its name).
func (l Lang) Money(m Money) string { return l.Int(int64(m)) + " đồng" }

// Hours writes weekly hours to a tenth, ungrouped: "41,5 giờ" in
// Vietnamese, "41.5 h" in English.
func (l Lang) Hours(h Hours) string {
	x := math.Round(float64(h)*10) / 10
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if l == English {
		return s + " h"
	}
	return strings.Replace(s, ".", ",", 1) + " giờ"
}

// Date writes d the local way: "01/06/2027" in Vietnamese, "2027-06-01" in
// English; the zero Date is "không rõ" or "unknown".
func (l Lang) Date(d Date) string {
	switch {
	case d.IsZero():
		return l.Pick("không rõ", "unknown")
	case l == English:
		return d.String()
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
}
