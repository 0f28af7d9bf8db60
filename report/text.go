package report

import (
	"fmt"
	"math"
	"strconv"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// checkLang rejects a language the report is not written in.
func checkLang(lang model.Lang) error {
	if _, err := model.ParseLang(string(lang)); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// nfc normalises a label: gonum/plot draws no combining marks in place, so
// text typed in decomposed form (a letter, then its marks) must be composed
// before it reaches a plot.
func nfc(s string) string { return norm.NFC.String(s) }

// moneyUnit is the unit of money in sim's metrics.
const moneyUnit = "đồng"

// billion is the scale of money on charts: tỷ đồng (10⁹ đồng).
const billion = 1e9

// Round is how a figure is written to files: money (unit "đồng") in whole
// đồng, anything else to 2 decimals; never -0.
func Round(unit string, x float64) float64 {
	if unit == moneyUnit {
		x = math.Round(x)
	} else {
		x = math.Round(x*100) / 100
	}
	if x == 0 {
		return 0 // also turns -0 into 0
	}
	return x
}

// FormatValue writes Round(unit, x) for a CSV cell.
func FormatValue(unit string, x float64) string {
	return strconv.FormatFloat(Round(unit, x), 'f', -1, 64)
}

// moneyAxis names the unit of money on a chart's axis.
func moneyAxis(lang model.Lang) string { return lang.Pick("tỷ đồng", "billion đồng") }

// formatNumber prints x rounded half away from zero to the given decimals,
// grouped the local way, never as -0.
func formatNumber(lang model.Lang, x float64, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	return lang.Number(math.Round(x*scale)/scale, decimals)
}

// FormatMoney prints an amount of đồng for people: "12,35 tỷ đồng" from a
// billion up ("12.35 billion đồng" in English), whole đồng below
// ("850.000.000 đồng").
func FormatMoney(lang model.Lang, x float64) string {
	if math.Abs(x) >= billion {
		return formatNumber(lang, x/billion, 2) + " " + moneyAxis(lang)
	}
	return formatNumber(lang, x, 0) + " " + moneyUnit
}

// formatCount prints a count of people, titles or units, with one decimal
// when it is not whole (a mean).
func formatCount(lang model.Lang, x float64) string {
	if x == math.Trunc(x) {
		return formatNumber(lang, x, 0)
	}
	return formatNumber(lang, x, 1)
}
