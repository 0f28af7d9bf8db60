package optimize

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Number, money, hours and date formatting for the explanations' sentences,
// kept apart until one formatter serves every package.

// groupDigits writes n with sep between groups of three digits.
func groupDigits(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// fmtMoney writes "1.234.567 đồng" (vi) or "1,234,567 đồng" (en).
func fmtMoney(m model.Money, lang string) string {
	if lang == "vi" {
		return groupDigits(int64(m), ".") + " đồng"
	}
	return groupDigits(int64(m), ",") + " đồng"
}

// fmtHours writes "41,5 giờ" (vi) or "41.5 h" (en), to a tenth of an hour.
func fmtHours(h model.Hours, lang string) string {
	x := math.Round(float64(h)*10) / 10
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if lang == "vi" {
		return strings.Replace(s, ".", ",", 1) + " giờ"
	}
	return s + " h"
}

// fmtDate writes "01/06/2027" (vi) or "2027-06-01" (en).
func fmtDate(d model.Date, lang string) string {
	if d.IsZero() {
		if lang == "vi" {
			return "không rõ"
		}
		return "unknown"
	}
	if lang == "vi" {
		return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
	}
	return d.String()
}
