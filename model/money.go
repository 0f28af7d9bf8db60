package model

import (
	"math"
	"math/big"
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
//
// c is read as the decimal it was written as (1.86, not the nearest binary
// fraction), so a product that is exactly half a đồng, such as
// 0.009 × 1,500 = 13.5, rounds up to 14 as it would on paper.
func (c Coefficient) Of(base Money) Money {
	return roundMoney(float64(c)*float64(base), func() *big.Rat {
		return mulRat(decimal(float64(c)), base)
	})
}

// Scale returns m × f rounded half away from zero to whole đồng; used for
// rates such as the concurrency allowance rate. Like [Coefficient.Of], it
// reads f as the decimal it was written as.
func (m Money) Scale(f float64) Money {
	return roundMoney(float64(m)*f, func() *big.Rat {
		return mulRat(decimal(f), m)
	})
}

// roundMoney rounds x half away from zero. x is a floating-point product of
// decimal factors; it can miss an exact half đồng by an ulp and then round
// the wrong way, so when x is that close to a half, the exact value is
// computed instead (exact returns nil when it cannot be).
func roundMoney(x float64, exact func() *big.Rat) Money {
	frac := math.Abs(x - math.Trunc(x))
	if math.Abs(frac-0.5) <= 1e-9+math.Abs(x)*1e-12 {
		if q := exact(); q != nil {
			return roundRat(q)
		}
	}
	return Money(math.Round(x))
}

// decimal returns f as the shortest decimal that reads back as f (0.8 is
// 4/5, not 3602879701896397/2^52), or nil for NaN and infinities.
func decimal(f float64) *big.Rat {
	q, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok {
		return nil
	}
	return q
}

// mulRat returns q × m, or nil when q is nil.
func mulRat(q *big.Rat, m Money) *big.Rat {
	if q == nil {
		return nil
	}
	return q.Mul(q, new(big.Rat).SetInt64(int64(m)))
}

// roundRat returns q rounded half away from zero.
func roundRat(q *big.Rat) Money {
	num := new(big.Int).Abs(q.Num())
	quo, rem := new(big.Int).QuoRem(num, q.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(q.Denom()) >= 0 {
		quo.Add(quo, big.NewInt(1))
	}
	if q.Sign() < 0 {
		quo.Neg(quo)
	}
	return Money(quo.Int64())
}

// Hours is a weekly workload or capacity in hours.
type Hours float64
