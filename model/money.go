package model

import (
	"fmt"
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

// MaxMoney is the largest amount a product of money and a factor gives:
// 10^18 đồng, beyond any budget (a whole country's allowances for a century
// are below 10^17) yet below the int64 limit, so sums of a few of them do
// not wrap round either. Scenario and table checks bound every input so
// that no real computation comes near it.
const MaxMoney Money = 1e18

// roundMoney rounds x half away from zero. x is a floating-point product of
// decimal factors; it can miss an exact half đồng by an ulp and then round
// the wrong way, so when x is that close to a half, the exact value is
// computed instead (exact returns nil when it cannot be).
//
// A product that is not finite or lies beyond ±[MaxMoney] saturates at
// ±MaxMoney (NaN at +MaxMoney): converting it as it is would give an
// arbitrary int64 (on amd64 the most negative one, a "saving" of 9.2 × 10^18
// đồng), whereas a saturated amount is plainly absurd and can be caught by
// [CheckMoney]. The scenario and table checks keep the inputs in ranges
// where this cannot happen.
func roundMoney(x float64, exact func() *big.Rat) Money {
	if !(math.Abs(x) < float64(MaxMoney)) {
		if x < 0 {
			return -MaxMoney
		}
		return MaxMoney
	}
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
	if !quo.IsInt64() || quo.Int64() > int64(MaxMoney) || quo.Int64() < -int64(MaxMoney) {
		if quo.Sign() < 0 {
			return -MaxMoney
		}
		return MaxMoney
	}
	return Money(quo.Int64())
}

// Times returns m × n, saturating at ±[MaxMoney] like a product of money
// and a factor, so that a count times an amount cannot wrap round.
func (m Money) Times(n int) Money {
	am, an := max(m, -m), max(int64(n), -int64(n))
	if am != 0 && (am < 0 || an > int64(MaxMoney/am)) {
		if (m < 0) != (n < 0) {
			return -MaxMoney
		}
		return MaxMoney
	}
	return m * Money(n)
}

// CheckMoney returns an error when m has reached ±[MaxMoney], that is when
// a product of money and a factor saturated; what names the amount.
func CheckMoney(what string, m Money) error {
	if m >= MaxMoney || m <= -MaxMoney {
		return fmt.Errorf("model: %s overflows: %s đồng is beyond the ±%s a computation may reach (a factor or amount in the input is far too large)", what, m, MaxMoney)
	}
	return nil
}

// Hours is a weekly workload or capacity in hours.
type Hours float64
