package report

import (
	"fmt"
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// savingsParts is where a variant's net savings over a window come from,
// baseline minus variant, as means over the runs, discounted as the
// windows are: allowances saved, severance paid and recruitment paid.
// Means add up, so Allowances − Severance − Recruitment = Net, the mean of
// the window's net savings (the report's headline figure is its median).
type savingsParts struct {
	Years                                   int
	Allowances, Severance, Recruitment, Net float64
	ok                                      bool
}

// partsOf sums the yearly mean differences of d over the first w years.
func partsOf(d sim.Difference, w int, rate float64) savingsParts {
	p := savingsParts{Years: w}
	get := func(m sim.Metric) (float64, bool) {
		if int(m) >= len(d.Metrics) || len(d.Metrics[m].Years) < w {
			return 0, false
		}
		s := 0.0
		for y := range w {
			f := 1.0
			if rate != 0 {
				f = 1 / math.Pow(1+rate, float64(y))
			}
			s += d.Metrics[m].Years[y].Mean * f
		}
		return -s, true // variant minus baseline, turned into a saving
	}
	var ok1, ok2, ok3 bool
	p.Allowances, ok1 = get(sim.Allowance)
	sev, ok2 := get(sim.Severance)
	rec, ok3 := get(sim.RecruitmentCost)
	p.Severance, p.Recruitment = -sev, -rec
	p.Net = p.Allowances - p.Severance - p.Recruitment
	p.ok = ok1 && ok2 && ok3
	return p
}

// explainSavings is one sentence on a variant's net savings: what the
// allowances save, what severance and recruitment cost, and the
// objective the variant was planned by.
func explainSavings(lang model.Lang, name string, goal model.ObjectiveRule, p savingsParts) string {
	if !p.ok {
		return ""
	}
	bn := func(x float64) string { return lang.Number(x/1e9, 1) }
	s := fmt.Sprintf(lang.Pick(
		"%s: tiết kiệm ròng %d năm (bình quân) %s tỷ đồng = phụ cấp tiết kiệm được %s + chi tuyển mới tiết kiệm được %s − trợ cấp thôi việc phải chi %s tỷ đồng; mục tiêu bố trí: %s.",
		"%s: net savings over %d years (mean) %s billion đồng = allowances saved %s + recruitment saved %s − severance paid %s billion đồng; planned for: %s."),
		name, p.Years, bn(p.Net), bn(p.Allowances), bn(-p.Recruitment), bn(p.Severance), goal.Order.Text().In(lang))
	// What allowances and recruitment save before severance decides which
	// part makes a negative figure.
	switch saved := p.Allowances - p.Recruitment; {
	case p.Net < 0 && saved >= 0:
		s += " " + lang.Pick("Số âm: trợ cấp cho người thôi việc lớn hơn phần phụ cấp và chi tuyển mới tiết kiệm được.",
			"The figure is negative: the severance of the people released exceeds what allowances and recruitment save.")
	case p.Net < 0 && p.Allowances < 0:
		s += " " + lang.Pick("Số âm: phương án chi phụ cấp nhiều hơn phương án gốc (chẳng hạn nhiều chức danh có người giữ hơn, ít chức danh để trống hơn), nhiều hơn phần chi tuyển mới tiết kiệm được.",
			"The figure is negative: the arrangement pays more in allowances than the baseline (for example, more titles held and fewer left vacant), more than recruitment saves.")
	case p.Net < 0:
		s += " " + lang.Pick("Số âm: chi tuyển mới nhiều hơn phần phụ cấp tiết kiệm được.",
			"The figure is negative: recruiting costs more than allowances save.")
	case math.Abs(p.Allowances) < 0.005*1e9 && p.Severance < 0.005*1e9:
		s += " " + lang.Pick("Gần bằng 0: không ai phải thôi việc, và kiêm nhiệm được trả đủ 100 % nên gộp chức danh không tiết kiệm.",
			"Close to zero: nobody is released, and with concurrency paid at 100 % holding titles together saves nothing.")
	}
	return s
}

// ExplainNetSavings is the sentence the report prints under its summary
// table for variant i (1 … len(c.Scenarios)−1): where its net savings over
// the longest window come from. Empty for the baseline or when the
// simulation has no window.
func ExplainNetSavings(c *Comparison, i int) string {
	if i < 1 || i >= len(c.Scenarios) || c.Sim == nil || i-1 >= len(c.Sim.Differences) {
		return ""
	}
	d := c.Sim.Differences[i-1]
	if len(d.NetSavings) == 0 {
		return ""
	}
	w := d.NetSavings[len(d.NetSavings)-1]
	s := c.Scenarios[i]
	return explainSavings(c.Lang, scenarioLabel(s, c.Lang), s.Plan.Goal, partsOf(d, w.Years, c.DiscountRate))
}
