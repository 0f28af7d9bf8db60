package model_test

import (
	"math"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    model.Money
		want string
	}{
		{0, "0"},
		{1, "1"},
		{12, "12"},
		{999, "999"},
		{1000, "1,000"},
		{12345, "12,345"},
		{100000, "100,000"},
		{999999, "999,999"},
		{1000000, "1,000,000"},
		{2340000, "2,340,000"},
		{49140000, "49,140,000"},
		{345000000000, "345,000,000,000"},
		{-1, "-1"},
		{-999, "-999"},
		{-1000, "-1,000"},
		{-2340000, "-2,340,000"},
		{-123456789, "-123,456,789"},
		{math.MaxInt64, "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Money(%d).String() = %q, want %q", int64(tt.m), got, tt.want)
		}
	}
}

func TestCoefficientOf(t *testing.T) {
	tests := []struct {
		c    model.Coefficient
		base model.Money
		want model.Money
	}{
		// Commune funds, NĐ 33/2023 Art. 34(1) and NĐ 34/2019 (policy-facts 1.3, 1.7, §2).
		{21.0, 2_340_000, 49_140_000},
		{21.0, 2_530_000, 53_130_000},
		{18.0, 2_340_000, 42_120_000},
		{15.0, 2_340_000, 35_100_000},
		{16.0, 1_490_000, 23_840_000},
		{13.7, 1_490_000, 20_413_000},
		{11.4, 1_490_000, 16_986_000},
		// Village funds (policy-facts 1.25).
		{6.0, 2_340_000, 14_040_000},
		{4.5, 2_340_000, 10_530_000},
		// Hanoi NQ 18/2023 tiers (policy-facts 3.5).
		{2.40, 2_340_000, 5_616_000},
		{2.10, 2_340_000, 4_914_000},
		{1.86, 2_340_000, 4_352_400},
		{1.86, 2_530_000, 4_705_800},
		{1.50, 2_340_000, 3_510_000},
		{1.15, 1_490_000, 1_713_500},
		{0.95, 1_800_000, 1_710_000},
		{0, 2_340_000, 0},
		{1.86, 0, 0},
		// Not a half: ordinary rounding.
		{1.15, 1_490_001, 1_713_501}, // 1,713,501.15
		{1.86, 1_490_003, 2_771_406}, // 2,771,405.58
		{0.333, 10, 3},               // 3.33
		{0.667, 10, 7},               // 6.67
		// Exactly half a đồng: away from zero, not to even.
		{0.5, 1, 1},
		{2.5, 1, 3},
		{0.5, 3, 2},
		{1.25, 2, 3},
		{-0.5, 1, -1},
		{0.5, -3, -2},
		{-2.5, 1, -3},
		// Half a đồng that binary floating point misses by an ulp: the
		// coefficient is read as the decimal it was written as.
		{0.009, 1_500, 14},  // 13.5
		{0.29, 50, 15},      // 14.5
		{0.35, 90, 32},      // 31.5
		{0.47, 2_150, 1011}, // 1,010.5
		{-0.29, 50, -15},
	}
	for _, tt := range tests {
		if got := tt.c.Of(tt.base); got != tt.want {
			t.Errorf("Coefficient(%v).Of(%s) = %s, want %s", float64(tt.c), tt.base, got, tt.want)
		}
	}
}

func TestMoneyScale(t *testing.T) {
	tests := []struct {
		m    model.Money
		f    float64
		want model.Money
	}{
		{4_352_400, 1, 4_352_400},
		{4_352_400, 0, 0},
		{4_352_400, 0.3, 1_305_720}, // Hanoi 2013: 30 % of the concurrent title
		{4_352_400, 0.5, 2_176_200},
		{3_510_000, 40.25, 141_277_500},
		{3, 0.5, 2},
		{5, 0.5, 3},
		{-5, 0.5, -3},
		{5, -0.5, -3},
		{1, 0.49, 0},
		{1_310_725, 0.7, 917_508},  // 917,507.5: float alone gives 917,507
		{1_310_730, 0.35, 458_756}, // 458,755.5: float alone gives 458,755
		{-1_310_725, 0.7, -917_508},
	}
	for _, tt := range tests {
		if got := tt.m.Scale(tt.f); got != tt.want {
			t.Errorf("Money(%s).Scale(%v) = %s, want %s", tt.m, tt.f, got, tt.want)
		}
	}
}

// TestMoneySaturates checks that a non-finite or overflowing product
// saturates at ±MaxMoney, which CheckMoney reports, instead of wrapping to
// an arbitrary amount (a base salary of 10^17 once gave −5.5 × 10^19).
func TestMoneySaturates(t *testing.T) {
	tests := []struct {
		name string
		got  model.Money
		want model.Money
	}{
		{"NaN rate", model.Money(1).Scale(math.NaN()), model.MaxMoney},
		{"infinite rate", model.Money(1).Scale(math.Inf(1)), model.MaxMoney},
		{"negative infinite coefficient", model.Coefficient(math.Inf(-1)).Of(1), -model.MaxMoney},
		{"NaN coefficient", model.Coefficient(math.NaN()).Of(2_340_000), model.MaxMoney},
		{"huge base salary", model.Coefficient(100).Of(100_000_000_000_000_000), model.MaxMoney},
		{"huge negative product", model.Money(-1e18).Scale(1e3), -model.MaxMoney},
		{"below the limit", model.Coefficient(9).Of(100_000_000_000_000_000), 900_000_000_000_000_000},
		{"ordinary", model.Coefficient(1.5).Of(2_340_000), 3_510_000},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
		if err := model.CheckMoney("x", tt.got); (err != nil) != (tt.want == model.MaxMoney || tt.want == -model.MaxMoney) {
			t.Errorf("%s: CheckMoney(%v) = %v", tt.name, tt.got, err)
		}
	}
}

// TestCoefficientOfMatchesExactDecimal checks Of against integer arithmetic
// for every coefficient with two decimals up to 3.00 and a spread of bases,
// including odd ones that make half-đồng products.
func TestCoefficientOfMatchesExactDecimal(t *testing.T) {
	for hundredths := int64(-300); hundredths <= 300; hundredths++ {
		c := model.Coefficient(float64(hundredths) / 100)
		for _, base := range []int64{1, 2, 5, 10, 50, 90, 150, 1_490_000, 1_490_001, 1_800_050, 2_340_000, 2_530_000, 1_310_725} {
			want := roundHalfAway(hundredths*base, 100)
			if got := c.Of(model.Money(base)); got != model.Money(want) {
				t.Fatalf("Coefficient(%v).Of(%d) = %d, want %d", float64(c), base, got, want)
			}
		}
	}
}

// roundHalfAway returns num/den rounded half away from zero (den > 0).
func roundHalfAway(num, den int64) int64 {
	q, r := num/den, num%den
	if r < 0 {
		r = -r
	}
	if 2*r >= den {
		if num < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// TestMoneyTimes checks that a count times an amount saturates instead of
// wrapping round.
func TestMoneyTimes(t *testing.T) {
	tests := []struct {
		m    model.Money
		n    int
		want model.Money
	}{
		{3_510_000, 4, 14_040_000},
		{-5, 3, -15},
		{0, math.MaxInt, 0},
		{100_000_000_000, 100_000_000_000, model.MaxMoney},
		{-100_000_000_000, 100_000_000_000, -model.MaxMoney},
		{math.MinInt64, 2, -model.MaxMoney},
	}
	for _, tt := range tests {
		if got := tt.m.Times(tt.n); got != tt.want {
			t.Errorf("%v × %d = %v, want %v", tt.m, tt.n, got, tt.want)
		}
	}
}
