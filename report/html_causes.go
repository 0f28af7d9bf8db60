package report

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// htmlCauses is the summary by cause of one scenario's communes with no
// plan, shown above their reasons: each rule their explanations name with
// the least change of it that gives them a plan (optimize.Result.Causes),
// then how many no single change fixes.
type htmlCauses struct {
	Title string
	Lines []string
}

// causeBlocks summarises by cause, per scenario, the communes with no plan.
func causeBlocks(c *Comparison) []htmlCauses {
	lang := c.Lang
	var out []htmlCauses
	for _, s := range c.Scenarios {
		if s.Plan == nil {
			continue
		}
		causes, unfixed := s.Plan.Causes()
		if len(causes) == 0 && len(unfixed) == 0 {
			continue
		}
		n := infeasibleCount(s.Plan)
		communes := "communes"
		if n == 1 {
			communes = "commune"
		}
		b := htmlCauses{Title: fmt.Sprintf("%s — %s (%s %s)", scenarioLabel(s, lang),
			lang.Pick("nguyên nhân và thay đổi nhỏ nhất để có phương án", "causes and the least change that gives a plan"),
			lang.Int(int64(n)), lang.Pick("xã", communes))}
		for _, cause := range causes {
			b.Lines = append(b.Lines, cause.Text(lang))
		}
		if k := len(unfixed); k > 0 {
			b.Lines = append(b.Lines, lang.Int(int64(k))+" "+lang.Pick("xã không có phương án khi chỉ thay đổi một quy định (xem lý do từng xã bên dưới)",
				"communes get no plan from any single change (see each commune's reasons below)"))
		}
		out = append(out, b)
	}
	return out
}

// infeasibleCount counts the communes of res with no plan.
func infeasibleCount(res *optimize.Result) int {
	n := 0
	for _, p := range res.Pools {
		if p.Status == optimize.Infeasible {
			n++
		}
	}
	return n
}

// fixesText writes a commune's single changes that give it a plan, after
// its reasons ("" when it has none).
func fixesText(p *optimize.PoolResult, lang model.Lang) string {
	s := ""
	for _, f := range p.Fixes {
		s += " → " + lang.Pick("có phương án nếu: ", "a plan if you: ") + f.Text(lang)
	}
	return s
}
