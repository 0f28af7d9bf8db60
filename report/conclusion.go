package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// Conclusion is the written conclusion the report opens with, paragraph
// by paragraph in the report's language, generated from the figures: what
// the comparison covers; for each proposal, what it changes in people and
// money (a year on its plan date, averaged a year over the window, and
// over the whole window) and where the money goes; then the caveats that
// matter (communes left out, units that differ, an as-is baseline's
// breaches, plan dates that differ, a sensitivity run without re-plans).
func Conclusion(c *Comparison) ([]string, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	lang := c.Lang
	cov := c.coverage()
	base := c.Scenarios[0]
	out := []string{fmt.Sprintf(lang.Pick(
		"Báo cáo so sánh %s phương án với phương án gốc %s trên %s, mô phỏng %s năm từ %s.",
		"This report compares %s proposals with the baseline %s over %s, simulated for %s years from %s."),
		lang.Int(int64(len(c.Scenarios)-1)), scenarioLabel(base, lang), cov.Text(lang),
		lang.Int(int64(c.Sim.Baseline.Years)), lang.Date(c.Sim.Baseline.Start))}
	for i := 1; i < len(c.Scenarios); i++ {
		out = append(out, conclusionOf(c, i, cov))
	}
	out = append(out, rearrangeConclusion(c)...)
	return append(out, caveats(c, cov)...), nil
}

// conclusionOf is the paragraph on variant i.
func conclusionOf(c *Comparison, i int, cov Coverage) string {
	lang := c.Lang
	base, s := c.Scenarios[0], c.Scenarios[i]
	bp, vp := base.Plan.Objective.Headcount, s.Plan.Objective.Headcount
	var b strings.Builder
	fmt.Fprintf(&b, lang.Pick("%s: %s người thay vì %s (%s) trên %s; ", "%s: %s people instead of %s (%s) over %s; "),
		scenarioLabel(s, lang), lang.Int(int64(vp)), lang.Int(int64(bp)), signed(lang, float64(vp-bp)), cov.Text(lang))
	fmt.Fprintf(&b, lang.Pick("chi phụ cấp ở ngày phương án (%s) %s mỗi năm.", "allowances on its plan date (%s): %s a year."),
		lang.Date(s.Model.Date), savedOrCost(lang, float64(base.Plan.AnnualCostAfter-s.Plan.AnnualCostAfter)))
	d := c.Sim.Differences[i-1]
	if len(d.NetSavings) == 0 {
		return b.String()
	}
	w := d.NetSavings[len(d.NetSavings)-1]
	fmt.Fprintf(&b, lang.Pick(" Trong %s năm, tiết kiệm ròng (trung vị) %s, tức bình quân %s mỗi năm; khoảng 90 %%: %s đến %s.",
		" Over %s years, net savings (median) %s, that is %s a year on average; 90 %% range: %s to %s."),
		lang.Int(int64(w.Years)), spokenMoney(lang, w.P50), spokenMoney(lang, w.P50/float64(w.Years)),
		spokenMoney(lang, w.P5), spokenMoney(lang, w.P95))
	if p := partsOf(d, w.Years, c.DiscountRate); p.ok {
		fmt.Fprintf(&b, lang.Pick(" Tiền đi đâu (bình quân các lần chạy, %s năm): phụ cấp %s; trợ cấp thôi việc phải chi %s; chi tuyển mới %s.",
			" Where the money goes (mean over the runs, %s years): allowances %s; severance paid %s; recruitment %s."),
			lang.Int(int64(w.Years)), savedOrCost(lang, p.Allowances), spokenMoney(lang, p.Severance), savedOrCost(lang, -p.Recruitment))
	}
	y := c.Sim.Baseline.Years
	vb := c.Sim.Baseline.Metrics[sim.VacantTitleMonths].Years[y-1].P50 / 12
	vv := c.Sim.Variants[i-1].Metrics[sim.VacantTitleMonths].Years[y-1].P50 / 12
	fmt.Fprintf(&b, lang.Pick(" Chức danh trống năm %s (trung vị, bình quân năm): %s so với %s ở phương án gốc.",
		" Titles vacant in year %s (median, averaged over the year): %s against %s in the baseline."),
		lang.Int(int64(y)), formatCount(lang, math.Round(vv*10)/10), formatCount(lang, math.Round(vb*10)/10))
	if p := partsOf(d, w.Years, c.DiscountRate); p.ok && p.Allowances > 0 && vv > vacancyMargin*vb {
		b.WriteString(lang.Pick(" Một phần phụ cấp tiết kiệm được là do nhiều chức danh để trống hơn: đó là việc không có người làm, không phải khoản tiết kiệm nhờ bố trí.",
			" Part of the allowances saved is titles left vacant: work nobody is paid to do, not a saving the arrangement makes."))
	}
	return b.String()
}

// vacancyMargin is how many times the baseline's vacant titles a variant
// must leave vacant before the conclusion says its allowance saving is
// partly vacancies: a tenth more is beyond the runs' noise.
const vacancyMargin = 1.1

// spokenMoney is an amount as the conclusion's sentences say it: billions
// (tỷ) from a billion, millions (triệu) from a million, else đồng, so one
// paragraph never mixes "1,88 tỷ đồng" with "188.333.440 đồng".
func spokenMoney(lang model.Lang, x float64) string {
	if math.Abs(x) >= billion || math.Abs(x) < 1e6 {
		return FormatMoney(lang, x)
	}
	return formatNumber(lang, x/1e6, 1) + lang.Pick(" triệu đồng", " million đồng")
}

// savedOrCost says an amount saved (x ≥ 0) or spent in addition (x < 0).
func savedOrCost(lang model.Lang, x float64) string {
	if x >= 0 {
		return lang.Pick("tiết kiệm "+spokenMoney(lang, x), spokenMoney(lang, x)+" saved")
	}
	return lang.Pick("tốn thêm "+spokenMoney(lang, -x), spokenMoney(lang, -x)+" more spent")
}

// caveats are the conclusion's warnings, each a paragraph.
func caveats(c *Comparison, cov Coverage) []string {
	lang := c.Lang
	out := []string{cov.Sentence(lang, 10)}
	if len(c.UnitDifferences) > 0 {
		var ds []string
		for _, d := range c.UnitDifferences {
			ds = append(ds, d.In(lang))
		}
		out = append(out, lang.Pick("Các phương án không đặt trên cùng đơn vị hành chính, nên chênh lệch gồm cả phần do đơn vị khác nhau, không chỉ do phương án: ",
			"The scenarios are not on the same units, so the differences include what the units change, not only the proposals: ")+strings.Join(ds, "; ")+".")
	}
	base := c.Scenarios[0]
	if len(base.Breaches) > 0 {
		out = append(out, fmt.Sprintf(lang.Pick("Phương án gốc là bố trí hiện nay, vi phạm %s quy định; chênh lệch với nó gồm cả việc sửa các vi phạm này.",
			"The baseline is today's holdings, which break %s rules; the differences from it include putting those right."), lang.Int(int64(len(base.Breaches)))))
	}
	var dates []string
	for _, s := range c.Scenarios[1:] {
		if s.Model.Date != base.Model.Date {
			dates = append(dates, fmt.Sprintf("%s %s", scenarioLabel(s, lang), lang.Date(s.Model.Date)))
		}
	}
	if len(dates) > 0 {
		out = append(out, fmt.Sprintf(lang.Pick("Ngày phương án khác nhau (gốc %s; %s): lương cơ sở và quy định áp dụng là của ngày từng phương án.",
			"The plan dates differ (baseline %s; %s): base salary and rules are those of each scenario's date."),
			lang.Date(base.Model.Date), strings.Join(dates, ", ")))
	}
	if n := tornadoNote(c); n != "" {
		out = append(out, n)
	}
	return out
}

// tornadoNote says how the tornado chart's centre relates to the table's
// net savings of the same variant: the sensitivity runs fewer
// replications and, when planned once, no re-plans, so the two may
// differ. Empty without a sensitivity.
func tornadoNote(c *Comparison) string {
	s := c.Sensitivity
	if s == nil || len(c.Sim.Differences) == 0 {
		return ""
	}
	var table sim.Window
	found := false
	for _, w := range c.Sim.Differences[0].NetSavings {
		if w.Years == s.Years {
			table, found = w, true
		}
	}
	if !found {
		return ""
	}
	how := sensitivityHow(c)
	if math.Abs(table.P50-s.Base.P50) < 0.005*billion {
		return fmt.Sprintf(c.Lang.Pick("Tâm của biểu đồ độ nhạy (%s) bằng tiết kiệm ròng %s năm trong bảng.",
			"The tornado chart's centre (%s) equals the table's %s-year net savings."), FormatMoney(c.Lang, s.Base.P50), c.Lang.Int(int64(s.Years)))
	}
	return fmt.Sprintf(c.Lang.Pick(
		"Tâm của biểu đồ độ nhạy là %s, khác tiết kiệm ròng %s năm trong bảng (%s, %s lần chạy, có lập lại phương án ở mỗi kỳ bầu cử và sáp nhập), vì độ nhạy tính %s.",
		"The tornado chart is centred on %s, not on the table's %s-year net savings (%s, %s runs, re-planned at every election and merger), because the sensitivity was run %s."),
		FormatMoney(c.Lang, s.Base.P50), c.Lang.Int(int64(s.Years)), FormatMoney(c.Lang, table.P50), c.Lang.Int(int64(c.Sim.Baseline.Runs)), how)
}

// sensitivityHow says how the sensitivity was run.
func sensitivityHow(c *Comparison) string {
	runs := c.Lang.Int(int64(c.SensitivityRuns))
	if c.SensitivityPlanOnce {
		return fmt.Sprintf(c.Lang.Pick("với %s lần chạy và chỉ lập phương án lúc đầu (không lập lại)", "with %s runs, planned once at the start (no re-plans)"), runs)
	}
	return fmt.Sprintf(c.Lang.Pick("với %s lần chạy", "with %s runs"), runs)
}

// htmlOpening is what the page opens with: Conclusion, then above the
// summary table how the scenarios' units differ (UnitDifferences) and
// what the figures cover (Coverage), and below it the communes left out
// (LeftOut).
type htmlOpening struct {
	Conclusion      []string
	Coverage        string
	LeftOut         []string
	UnitDifferences []string
}

// opening fills what the page opens with, and the headings it adds.
func (page *htmlPage) opening(c *Comparison, cov Coverage) error {
	lang := c.Lang
	page.T["avg"] = fmt.Sprintf(lang.Pick("Tiết kiệm ròng bình quân/năm trong %d năm (p50)", "Net savings a year, averaged over %d years (p50)"), netYears(c))
	page.T["conclusion"] = lang.Pick("Kết luận", "Conclusion")
	page.T["leftout"] = lang.Pick("Xã bị loại khỏi số liệu (không có phương án ở ít nhất một phương án)", "Communes left out of the figures (no plan in at least one scenario)")
	page.T["unitdiff"] = lang.Pick("Các phương án không cùng đơn vị hành chính", "The scenarios are not on the same units")
	// Every headline of the summary says what it covers.
	for _, k := range []string{"people", "cost", "saving", "net", "avg"} {
		page.T[k] += " [" + cov.Text(lang) + "]"
	}
	var err error
	if page.Conclusion, err = Conclusion(c); err != nil {
		return err
	}
	page.Coverage = cov.Sentence(c.Lang, -1)
	for _, l := range cov.Left {
		page.LeftOut = append(page.LeftOut, l.label())
	}
	for _, d := range c.UnitDifferences {
		page.UnitDifferences = append(page.UnitDifferences, d.In(c.Lang))
	}
	return nil
}

// netYears is the window of the headline net savings: the longest the
// simulation reports (10 years, or the horizon when shorter).
func netYears(c *Comparison) int {
	for _, d := range c.Sim.Differences {
		if n := len(d.NetSavings); n > 0 {
			return d.NetSavings[n-1].Years
		}
	}
	return min(10, c.Sim.Baseline.Years)
}
