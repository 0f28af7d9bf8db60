package model_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// printers are the x/text printers the formatter replaced; it must print
// what they print.
var printers = map[model.Lang]*message.Printer{
	model.Vietnamese: message.NewPrinter(language.Vietnamese),
	model.English:    message.NewPrinter(language.English),
}

// formatFloats are the edge cases of Number: signs, zeros, rounding ties and
// carries, large and tiny magnitudes, and the values that are not numbers.
var formatFloats = []float64{
	0, math.Copysign(0, -1), -0.04, -0.05, 0.05, 0.15, 0.25, 0.5, 1.5, 2.5, -2.5,
	0.125, 1.005, 9.995, 999.95, 999.5, 999999.5, -999999.5, 1234.5, -1234567.891,
	123456789012.345, 1e15, 1e21, 1e23, -1e23, 5e-324, 1e-7, -1e-7, math.MaxFloat64,
	-math.MaxFloat64, math.SmallestNonzeroFloat64, 12.35e9, 850e6, 0.1 + 0.2,
	math.NaN(), math.Inf(1), math.Inf(-1),
}

func TestNumberMatchesXText(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 4))
	xs := append([]float64(nil), formatFloats...)
	for range 5000 {
		mag := math.Pow(10, float64(r.IntN(25)-6))
		x := (r.Float64()*2 - 1) * mag
		xs = append(xs, x, math.Round(x*100)/100+0.005) // also near a tie
	}
	for _, l := range model.Langs {
		for _, x := range xs {
			for d := range 6 {
				want := printers[l].Sprintf("%.*f", d, x)
				if got := l.Number(x, d); got != want {
					t.Errorf("%s.Number(%v, %d) = %q, want %q", l, x, d, got, want)
				}
			}
		}
	}
}

func TestIntMatchesXText(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 4))
	ns := []int64{0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 9999, 100000, 999999,
		1000000, -1234567, math.MaxInt64, math.MinInt64}
	for range 2000 {
		ns = append(ns, r.Int64()>>r.IntN(63), -(r.Int64() >> r.IntN(63)))
	}
	for _, l := range model.Langs {
		for _, n := range ns {
			if got, want := l.Int(n), printers[l].Sprintf("%d", n); got != want {
				t.Errorf("%s.Int(%d) = %q, want %q", l, n, got, want)
			}
			if got, want := l.Uint(uint64(n)), printers[l].Sprintf("%d", uint64(n)); got != want {
				t.Errorf("%s.Uint(%d) = %q, want %q", l, uint64(n), got, want)
			}
		}
	}
}

// TestPaddingMatchesXText proves that padding a formatted number or a
// Vietnamese name with fmt's %7s or %-28s gives what the x/text printer
// gave for %7d and %-28s.
func TestPaddingMatchesXText(t *testing.T) {
	for _, l := range model.Langs {
		for _, n := range []int64{0, 7, -42, 1234, 1234567, -1234567} {
			if got, want := fmt.Sprintf("%7s|%-9s|", l.Int(n), "sáp nhập"), printers[l].Sprintf("%7d|%-9s|", n, "sáp nhập"); got != want {
				t.Errorf("%s: %q, want %q", l, got, want)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		got  func(model.Lang) string
		vi   string
		en   string
	}{
		{"money", func(l model.Lang) string { return l.Money(1234567) }, "1.234.567 đồng", "1,234,567 đồng"},
		{"small money", func(l model.Lang) string { return l.Money(999) }, "999 đồng", "999 đồng"},
		{"negative money", func(l model.Lang) string { return l.Money(-1000) }, "-1.000 đồng", "-1,000 đồng"},
		{"hours", func(l model.Lang) string { return l.Hours(41.54) }, "41,5 giờ", "41.5 h"},
		{"half hours", func(l model.Lang) string { return l.Hours(41.5) }, "41,5 giờ", "41.5 h"},
		{"whole hours", func(l model.Lang) string { return l.Hours(40) }, "40 giờ", "40 h"},
		{"date", func(l model.Lang) string { return l.Date(model.NewDate(2027, 6, 1)) }, "01/06/2027", "2027-06-01"},
		{"no date", func(l model.Lang) string { return l.Date(0) }, "không rõ", "unknown"},
		{"number", func(l model.Lang) string { return l.Number(-1234.567, 2) }, "-1.234,57", "-1,234.57"},
	}
	for _, tt := range tests {
		if got := tt.got(model.Vietnamese); got != tt.vi {
			t.Errorf("%s in Vietnamese = %q, want %q", tt.name, got, tt.vi)
		}
		if got := tt.got(model.English); got != tt.en {
			t.Errorf("%s in English = %q, want %q", tt.name, got, tt.en)
		}
	}
}

func ExampleLang_Number() {
	for _, l := range model.Langs {
		fmt.Println(l.Number(1234567.891, 2), l.Money(850_000_000), l.Hours(41.5), l.Date(model.NewDate(2027, 6, 1)))
	}
	// Output:
	// 1.234.567,89 850.000.000 đồng 41,5 giờ 01/06/2027
	// 1,234,567.89 850,000,000 đồng 41.5 h 2027-06-01
}
