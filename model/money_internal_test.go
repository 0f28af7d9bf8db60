package model

import (
	"math"
	"math/big"
	"testing"
)

// The exact path of roundMoney only runs for finite products, so its
// guards against non-finite factors are reached only from here.
func TestRoundMoneyGuards(t *testing.T) {
	if q := decimal(math.NaN()); q != nil {
		t.Errorf("decimal(NaN) = %v", q)
	}
	if q := decimal(math.Inf(1)); q != nil {
		t.Errorf("decimal(+Inf) = %v", q)
	}
	if q := mulRat(nil, 5); q != nil {
		t.Errorf("mulRat(nil) = %v", q)
	}
	if got := roundMoney(2.5, func() *big.Rat { return nil }); got != 3 {
		t.Errorf("roundMoney fallback = %d, want 3", got)
	}
}

func TestRoundRat(t *testing.T) {
	tests := []struct {
		num, den int64
		want     Money
	}{
		{5, 2, 3}, {-5, 2, -3}, {7, 3, 2}, {-7, 3, -2}, {8, 3, 3}, {-8, 3, -3}, {0, 1, 0}, {1, 2, 1}, {-1, 2, -1}, {1, 3, 0},
	}
	for _, tt := range tests {
		if got := roundRat(big.NewRat(tt.num, tt.den)); got != tt.want {
			t.Errorf("roundRat(%d/%d) = %d, want %d", tt.num, tt.den, got, tt.want)
		}
	}
}
