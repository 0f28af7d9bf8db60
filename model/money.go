package model

import (
	"math"
	"strconv"
)

// Money is an amount in whole Vietnamese đồng.
type Money int64

// String formats m with comma thousands separators, e.g. "2,340,000".
// Reports use locale-aware formatting; this form is for logs and tests.
func (m Money) String() string {
	s := strconv.FormatInt(int64(m), 10)
	neg := m < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// Coefficient is a multiple of the base salary (hệ số × mức lương cơ sở).
type Coefficient float64

// Of returns c × base rounded half away from zero to whole đồng. This is the
// one place where a coefficient becomes money, so every allowance and fund in
// the program is rounded the same way, once.
func (c Coefficient) Of(base Money) Money {
	return Money(math.Round(float64(c) * float64(base)))
}

// Scale returns m × f rounded half away from zero to whole đồng; used for
// rates such as the concurrency allowance rate.
func (m Money) Scale(f float64) Money {
	return Money(math.Round(float64(m) * f))
}

// Hours is a weekly workload or capacity in hours.
type Hours float64
