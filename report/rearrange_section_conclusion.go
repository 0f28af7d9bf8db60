package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// rearrangeConclusion is a sentence for each scenario that rearranges its
// villages: how many merge into how many, whether every village reaches
// its floor or how many stay below and why, who is released at what
// severance, and what it saves a year.
func rearrangeConclusion(c *Comparison) []string {
	var out []string
	for i, sum := range c.Rearrangements {
		if sum != nil {
			out = append(out, rearrangeSentence(scenarioLabel(c.Scenarios[i], c.Lang), sum, c.Lang))
		}
	}
	return out
}

// rearrangeSentence says what the rearrangement sum does, in lang.
func rearrangeSentence(label string, sum *RearrangeSummary, lang model.Lang) string {
	var b strings.Builder
	n := func(x int) string { return lang.Int(int64(x)) }
	fmt.Fprintf(&b, lang.Pick("%s: nhập %s trong %s thôn (còn %s thôn)", "%s merges %s of %s villages (into %s)"),
		label, n(sum.Merges), n(sum.VillagesBefore), n(sum.VillagesAfter))
	if len(sum.Below) == 0 {
		b.WriteString(lang.Pick("; mọi thôn đều đạt mức chuẩn số hộ", "; every village reaches its floor"))
	} else {
		fmt.Fprintf(&b, lang.Pick("; %s thôn vẫn dưới mức chuẩn (%s)", "; %s remain below their floor (%s)"), n(len(sum.Below)), belowReasons(sum.Below, lang))
	}
	if p := sum.People; p != nil {
		fmt.Fprintf(&b, lang.Pick("; %s người nghỉ việc, trợ cấp thôi việc %s", "; %s people released, severance %s"),
			n(p.Released), spokenMoney(lang, float64(p.Severance)))
		fmt.Fprintf(&b, lang.Pick("; phụ cấp %s mỗi năm", "; allowances: %s a year"), savedOrCost(lang, float64(p.AllowancesBefore-p.AllowancesAfter)))
	}
	if len(sum.Limited) > 0 {
		fmt.Fprintf(&b, lang.Pick("; %s xã dừng tìm kiếm ở giới hạn, chưa chứng minh tối ưu", "; %s communes stopped at the search limit, not proven optimal"), n(len(sum.Limited)))
	}
	b.WriteString(decidedClause(sum, lang))
	b.WriteString(".")
	return b.String()
}

// belowReasons counts the villages below their floor by reason, the most
// frequent first: "no neighbour to merge with: 7, exempt: 5" (the count
// after the reason, which reads in both languages).
func belowReasons(below []BelowFloor, lang model.Lang) string {
	count := map[string]int{}
	for _, b := range below {
		count[b.Reason]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if d := cmp.Compare(count[b], count[a]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = reasonText(k, lang) + ": " + lang.Int(int64(count[k]))
	}
	return strings.Join(parts, "; ")
}

// rearrangeMethods says how the rearrangement section's figures were
// made; nil when no scenario rearranges its villages.
func rearrangeMethods(c *Comparison) []string {
	if !c.hasRearrangement() {
		return nil
	}
	return []string{c.Lang.Pick(
		"Sắp xếp thôn: mỗi xã được giải chính xác, chỉ nhập các thôn trong cùng xã (và chỉ thôn liền kề khi có danh sách liền kề), không quá số thôn tối đa nhập thành một, theo thứ tự ưu tiên: ít thôn dưới mức chuẩn số hộ nhất, rồi ít sáp nhập nhất (hoặc hợp nhất nhiều nhất khi chọn mục tiêu đó), rồi ít hộ phải đổi thôn nhất. Mức chuẩn số hộ theo vùng (NĐ 185/2026/NĐ-CP, Điều 10); ba mức đạt chuẩn (≥ 100 %, 50 đến < 100 %, < 50 %) là cách các tỉnh báo cáo. Sau sắp xếp, bộ tối ưu bố trí lại ba chức danh của thôn mới trong số người của các thôn được nhập; người không được bố trí nghỉ việc và hưởng trợ cấp thôi việc (NĐ 185/2026/NĐ-CP, Điều 16, khoản 4 và Điều 19). Tiết kiệm phụ cấp là chênh lệch phụ cấp một năm trước và sau ở ngày phương án, chưa mô phỏng.",
		"Village rearrangement: each commune is solved exactly, merging villages only within the commune (only neighbours where neighbour lists are given), at most the stated number into one, lexicographically: the fewest villages below their household floor, then the fewest merges (or the greatest consolidation under that goal), then the fewest households that change village. The floors are by region (Decree 185/2026, Art. 10); the three bands (≥ 100 %, 50 to < 100 %, < 50 %) are how provinces report. After the rearrangement the optimiser assigns the new villages' three titles among the people of the merged villages; those not kept are released with severance (Decree 185/2026, Art. 16(4) and 19). The allowances saved are the difference a year before and after on the plan date, not simulated."),
	}
}
