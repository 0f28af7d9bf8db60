package report

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// mergerValue says how a merger's plan is produced, for the parameters
// table.
func mergerValue(m model.Merger, lang model.Lang) string {
	switch {
	case m.Rearrange != nil:
		r := m.Rearrange
		goal := lang.Pick("ít sáp nhập nhất", "fewest merges")
		if r.Goal == model.GoalConsolidation {
			goal = lang.Pick("hợp nhất nhiều nhất", "greatest consolidation")
		}
		adj := lang.Pick("không xét liền kề", "adjacency off")
		if r.Adjacency {
			adj = lang.Pick("chỉ thôn liền kề khi danh sách có", "neighbours only where the list gives them")
		}
		return fmt.Sprintf(lang.Pick("sắp xếp thôn theo mức số hộ: tối đa %d thôn thành một, %s, %s", "villages rearranged to their floors: at most %d into one, %s, %s"), r.MaxMerge, goal, adj)
	case m.Mapping != "" && m.Into == nil:
		return fmt.Sprintf(lang.Pick("phương án đã quyết định trong %s", "a decided plan in %s"), m.Mapping)
	case m.Into != nil:
		return fmt.Sprintf(lang.Pick("phương án đã quyết định: %d thôn nhập vào thôn khác", "a decided plan: %d villages merge into others"), len(m.Into))
	}
	return fmt.Sprintf(lang.Pick("thôn dưới %s hộ sáp nhập", "villages under %s households merge"), formatNumber(lang, float64(m.BelowHouseholds), 0))
}

// mergerJSON adds to r what a village rearrangement did at re-plan p.
func mergerJSON(r SimReplan, p sim.Replan) SimReplan {
	r.Merged, r.Provisional, r.Rearranged = p.Merged, p.Provisional, p.Rearranged
	if !p.ProvisionalUntil.IsZero() {
		r.ProvisionalUntil = p.ProvisionalUntil.String()
	}
	if p.Regime != model.RegimeNone {
		r.Regime = p.Regime.String()
	}
	return r
}
