package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/unicode/norm"
)

// Languages a report is written in.
const (
	Vietnamese = "vi"
	English    = "en"
)

// checkLang rejects a language the report is not written in.
func checkLang(lang string) error {
	if lang != Vietnamese && lang != English {
		return fmt.Errorf("report: language %q: want %q or %q", lang, Vietnamese, English)
	}
	return nil
}

// tr picks the Vietnamese or the English text.
func tr(lang, vi, en string) string {
	if lang == English {
		return en
	}
	return vi
}

// printer formats numbers the local way: 1.234.567,5 in Vietnamese,
// 1,234,567.5 in English.
func printer(lang string) *message.Printer {
	if lang == English {
		return message.NewPrinter(language.English)
	}
	return message.NewPrinter(language.Vietnamese)
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
func moneyAxis(lang string) string { return tr(lang, "tỷ đồng", "billion đồng") }

// formatNumber prints x with the given decimals, grouped the local way,
// never as -0.
func formatNumber(lang string, x float64, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	x = math.Round(x*scale) / scale
	if x == 0 {
		x = 0
	}
	return printer(lang).Sprintf("%.*f", decimals, x)
}

// formatMoney prints an amount of đồng for people: "12,35 tỷ đồng" from a
// billion up ("12.35 billion đồng" in English), whole đồng below
// ("850.000.000 đồng").
func FormatMoney(lang string, x float64) string {
	if math.Abs(x) >= billion {
		return formatNumber(lang, x/billion, 2) + " " + tr(lang, "tỷ đồng", "billion đồng")
	}
	return formatNumber(lang, x, 0) + " đồng"
}

// formatCount prints a count of people, titles or units, with one decimal
// when it is not whole (a mean).
func formatCount(lang string, x float64) string {
	if x == math.Trunc(x) {
		return formatNumber(lang, x, 0)
	}
	return formatNumber(lang, x, 1)
}

// metricName names a sim metric in the report's language.
func metricName(lang, metric string) string {
	vi, en := metric, strings.ReplaceAll(metric, "_", " ")
	switch metric {
	case "allowance_main":
		vi, en = "Phụ cấp chức danh chính", "Main-title allowances"
	case "allowance_concurrent":
		vi, en = "Phụ cấp kiêm nhiệm", "Concurrent-title allowances"
	case "severance":
		vi, en = "Trợ cấp thôi việc", "Severance"
	case "recruitment_cost":
		vi, en = "Chi phí tuyển mới", "Recruitment"
	}
	return tr(lang, vi, en)
}
