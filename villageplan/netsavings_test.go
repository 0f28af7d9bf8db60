package villageplan

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestNetSavings checks the window's figures against sums worked by hand:
// the first year is not discounted (as compare --discount), the severance
// is paid once in the first year and never discounted.
func TestNetSavings(t *testing.T) {
	tests := []struct {
		name              string
		saving, severance int64
		years             int
		rate              float64
		net, discounted   int64
		basisVi, basisEn  string
	}{
		{"undiscounted", 1_000_000, 300_000, 5, 0, 4_700_000, 4_700_000, "Chưa chiết khấu:", "Undiscounted:"},
		// 1,000,000 × (1 + 1/1.1) = 1,909,090.9… → 1,909,091.
		{"two years at 10 %", 1_000_000, 300_000, 2, 0.1, 1_700_000, 1_609_091, "chiết khấu 10,0 %/năm", "discounted at 10.0 % a year"},
		// 1/1.05^0 … 1/1.05^4 sum to 4.5459505…: 84,103,272,000 of the
		// embedded default × it is 382,329,311,750.10 → …750.
		{"five years at 5 %", 84_103_272_000, 84_090_021_125, 5, 0.05, 336_426_338_875, 298_239_290_625, "năm thứ nhất không chiết khấu", "the first year undiscounted"},
		// −2,000,000 × (1 + 1/1.2 + 1/1.44) = −5,055,555.6 → −5,055,556.
		{"a cost", -2_000_000, 500_000, 3, 0.2, -6_500_000, -5_555_556, "trợ cấp thôi việc chi một lần", "severance paid once"},
		{"one year", 1_000_000, 0, 1, 0.3, 1_000_000, 1_000_000, "(1 + r)^−(y − 1)", "(1 + r)^−(y − 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []model.Lang{model.Vietnamese, model.English} {
				p := &People{SavingPerYear: tt.saving, Severance: tt.severance, WindowYears: tt.years}
				p.netSavings(tt.rate, lang)
				if p.NetSavings != tt.net || p.NetSavingsDiscounted != tt.discounted || p.DiscountRate != tt.rate {
					t.Errorf("net %d, discounted %d at %v; want %d, %d", p.NetSavings, p.NetSavingsDiscounted, p.DiscountRate, tt.net, tt.discounted)
				}
				if want := lang.Pick(tt.basisVi, tt.basisEn); !strings.Contains(p.NetSavingsBasis, want) {
					t.Errorf("basis %q lacks %q", p.NetSavingsBasis, want)
				}
			}
		})
	}
}
