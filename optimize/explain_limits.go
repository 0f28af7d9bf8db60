package optimize

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The sentences of an infeasible pool's reasons about limits: recruitment,
// caps, funds, workload, titles per person and combinations, with the
// figures that show each one binds.

func (v *view) recruitment(r rule) Reason {
	u := v.core.units[r.unit]
	rec := v.pl.build.pol.Recruitment
	if !rec.Allowed || rec.MaxPerUnit <= 0 {
		return sentence(RuleRecruitment, u, "", nil, "không được tuyển thêm người", "recruitment is not allowed", r)
	}
	return sentence(RuleRecruitment, u, "", nil,
		fmt.Sprintf("chỉ được tuyển thêm tối đa %d người", rec.MaxPerUnit),
		fmt.Sprintf("at most %d %s", rec.MaxPerUnit, plural(rec.MaxPerUnit, "recruit", "recruits")), r)
}

// holders lists the candidates holding titles of unit ui in a plan.
func holders(p *pool, held [][]int, ui int) []int {
	var out []int
	for ci, slots := range held {
		for _, si := range slots {
			if ui < 0 || p.slots[si].unit == ui {
				out = append(out, ci)
				break
			}
		}
	}
	return out
}

// cap explains a commune or village cap: the least number of people the
// other rules need there, found by raising the cap.
func (v *view) cap(r rule) Reason {
	ui := r.unit
	u := v.core.units[ui]
	limit := v.core.communeCap
	if r.kind == RuleVillageCap {
		limit = v.core.villageCap
	}
	need := limit + 1 // proven: the pool is infeasible at the cap
	if p, res, ok := v.without(r); ok {
		most := len(holders(p, res.held, ui))
		// Raise the cap one person at a time while the pool stays
		// infeasible; raising every village's cap at once is a relaxation
		// of raising this one's, so an infeasible answer is still a proof.
		for k := need; k < most && k < limit+6; k++ {
			cp := *v.core
			cp.fixedCount = nil
			if r.kind == RuleCommuneCap {
				cp.communeCap = k
			} else {
				cp.villageCap = k
			}
			if _, verd := v.e.solve(&cp); verd != vInfeasible {
				break
			}
			need = k + 1
		}
	}
	return sentence(r.kind, u, "", nil,
		fmt.Sprintf("cần ít nhất %d người giữ các chức danh, nhưng chỉ được tối đa %d người", need, limit),
		fmt.Sprintf("needs at least %d people for its titles, cap %d", need, limit), r)
}

// fund explains a commune or village allowance fund: the least monthly
// allowances the other rules need there.
func (v *view) fund(r rule) Reason {
	ui := r.unit
	u := v.core.units[ui]
	fund := v.core.communeFund
	if r.kind == RuleVillageFund {
		fund = v.core.villageFund[ui]
	}
	need := v.spendBound(ui)
	if need <= fund {
		need = fund + 1 // proven by the conflict itself
		if p, res, ok := v.without(r); ok {
			hi := unitSpend(p, res.held)[ui]
			lo := fund // infeasible at lo, feasible at hi
			for step := 0; step < 5 && hi-lo > 1; step++ {
				mid := lo + (hi-lo)/2
				cp := *v.core
				cp.fixedCount = nil
				if r.kind == RuleCommuneFund {
					cp.communeFund = mid
				} else {
					cp.villageFund = append([]model.Money(nil), v.core.villageFund...)
					cp.villageFund[ui] = mid
				}
				_, verd := v.e.solve(&cp)
				if verd == vUnknown {
					break
				}
				if verd == vInfeasible {
					lo = mid
				} else {
					hi = mid
				}
			}
			need = lo + 1
			// Round down to a thousand đồng: still proven, easier to read.
			if r := need / 1000 * 1000; r > fund {
				need = r
			}
		}
	}
	return sentence(r.kind, u, "", nil,
		fmt.Sprintf("phụ cấp cần ít nhất %s mỗi tháng, quỹ chỉ có %s", model.Vietnamese.Money(need), model.Vietnamese.Money(fund)),
		fmt.Sprintf("allowances of at least %s a month, fund %s", model.English.Money(need), model.English.Money(fund)), r)
}

// spendBound is a lower bound on the monthly allowances of unit ui's titles:
// each holder paid the least any eligible candidate would cost, at the
// concurrency rate when that is less.
func (v *view) spendBound(ui int) model.Money {
	core := v.core
	var total model.Money
	for si, sl := range core.slots {
		if sl.unit != ui {
			continue
		}
		best := model.Money(-1)
		for ci := range core.cands {
			c := &core.cands[ci]
			for k, e := range c.eligible {
				if e == si {
					p := c.pay[k]
					if core.rate < 1 {
						p = p.Scale(core.rate)
					}
					if best < 0 || p < best {
						best = p
					}
				}
			}
		}
		if best > 0 {
			total += best * model.Money(sl.need)
		}
	}
	return total
}

// unitSpend returns the monthly allowances paid per unit in a plan.
func unitSpend(p *pool, held [][]int) []model.Money {
	out := make([]model.Money, len(p.units))
	for ci, slots := range held {
		if len(slots) == 0 {
			continue
		}
		pays, _ := p.payOf(ci, slots)
		for k, si := range slots {
			out[p.slots[si].unit] += pays[k]
		}
	}
	return out
}

// fixedSlots lists the distinct slots candidate ci of p must keep.
func fixedSlots(p *pool, ci int) []int {
	var out []int
	for _, si := range p.cands[ci].fixed {
		if !slices.Contains(out, si) {
			out = append(out, si)
		}
	}
	return out
}

func (v *view) titleList(slots []int, lang model.Lang) string {
	var names []string
	for _, si := range slots {
		t := &v.core.titles[v.core.slots[si].title]
		if lang != model.English {
			names = append(names, t.Name.In(model.Vietnamese))
		} else {
			names = append(names, titleEn(t))
		}
	}
	return joinAnd(names, lang)
}

// joinAnd writes "a, b and c" (vi: "a, b và c").
func joinAnd(xs []string, lang model.Lang) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + lang.Pick(" và ", " and ") + xs[len(xs)-1]
}

// workload explains the workload rule: a candidate whose fixed titles take
// more hours than they have, a title heavier than any eligible candidate
// can carry, or else the overload the plan without the rule has.
func (v *view) workload(r rule) Reason {
	core := v.core
	for ci := range core.cands {
		c := &core.cands[ci]
		fx := fixedSlots(core, ci)
		if len(fx) == 0 || c.person == nil {
			continue
		}
		var w model.Hours
		for _, si := range fx {
			w += core.slots[si].work
		}
		if w > c.capacity+1e-9 {
			u := core.units[core.slots[fx[0]].unit]
			name := personName(c.person)
			return sentence(RuleWorkload, u, "", []string{c.person.ID},
				fmt.Sprintf("%s phải giữ %s: %s mỗi tuần > %s", name, v.titleList(fx, model.Vietnamese), model.Vietnamese.Hours(w), model.Vietnamese.Hours(c.capacity)),
				fmt.Sprintf("%s must keep %s: %s a week > %s", name, v.titleList(fx, model.English), model.English.Hours(w), model.English.Hours(c.capacity)), r)
		}
	}
	for si, sl := range core.slots {
		most := model.Hours(-1)
		for ci := range core.cands {
			if slices.Contains(core.cands[ci].eligible, si) {
				most = max(most, core.cands[ci].capacity)
			}
		}
		if most >= 0 && sl.work > most+1e-9 {
			t, u := &core.titles[sl.title], core.units[sl.unit]
			return sentence(RuleWorkload, u, t.ID, nil,
				fmt.Sprintf("chức %s cần %s mỗi tuần, nhiều hơn thời gian của bất kỳ người đủ điều kiện nào (nhiều nhất %s)", t.Name.In(model.Vietnamese), model.Vietnamese.Hours(sl.work), model.Vietnamese.Hours(most)),
				fmt.Sprintf("%s takes %s a week, more than any eligible candidate can give (at most %s)", titleEn(t), model.English.Hours(sl.work), model.English.Hours(most)), r)
		}
	}
	u := core.units[0]
	if p, res, ok := v.without(r); ok {
		if ci, w, cp := overload(p, core, res.held, -1); ci >= 0 {
			var people []string
			if c := &p.cands[ci]; c.person != nil {
				people = []string{c.person.ID}
			}
			return sentence(RuleWorkload, u, "", people,
				fmt.Sprintf("các chức danh vượt quá thời gian của những người có thể giữ: nếu bỏ giới hạn này, sẽ có người phải làm %s mỗi tuần > %s", model.Vietnamese.Hours(w), model.Vietnamese.Hours(cp)),
				fmt.Sprintf("the titles do not fit in the hours of those who may hold them: without this limit someone would need %s a week > %s", model.English.Hours(w), model.English.Hours(cp)), r)
		}
	}
	return sentence(RuleWorkload, u, "", nil,
		"khối lượng công việc vượt quá thời gian của những người có thể giữ các chức danh",
		"the workload of the titles exceeds the hours of those who may hold them", r)
}

// overload finds, among the holders of unit ui's titles (all when ui < 0)
// in plan held of pool p, the one whose titles exceed their capacity in
// pool orig the most.
func overload(p, orig *pool, held [][]int, ui int) (ci int, work, capacity model.Hours) {
	ci = -1
	best := model.Hours(0)
	for _, k := range holders(p, held, ui) {
		var w model.Hours
		for _, si := range held[k] {
			w += p.slots[si].work
		}
		c := capacityOf(p, orig, k)
		if w-c > best+1e-9 {
			ci, work, capacity, best = k, w, c, w-c
		}
	}
	return ci, work, capacity
}

// capacityOf is candidate ci's capacity with the workload rule in force.
func capacityOf(p, orig *pool, ci int) model.Hours {
	if c := &p.cands[ci]; c.person != nil {
		for k := range orig.cands {
			if orig.cands[k].person == c.person {
				return orig.cands[k].capacity
			}
		}
		return c.person.Capacity
	}
	return RecruitCapacity
}

func (v *view) maxTitles(r rule) Reason {
	core := v.core
	m := core.maxTitles
	for ci := range core.cands {
		c := &core.cands[ci]
		fx := fixedSlots(core, ci)
		if c.person != nil && len(fx) > m {
			u := core.units[core.slots[fx[0]].unit]
			name := personName(c.person)
			return sentence(RuleMaxTitles, u, "", []string{c.person.ID},
				fmt.Sprintf("%s phải giữ %d chức danh (%s), mỗi người tối đa %d", name, len(fx), v.titleList(fx, model.Vietnamese), m),
				fmt.Sprintf("%s must keep %d titles (%s), at most %d per person", name, len(fx), v.titleList(fx, model.English), m), r)
		}
	}
	u := core.units[0]
	vi := fmt.Sprintf("mỗi người giữ tối đa %d chức danh", m)
	en := fmt.Sprintf("at most %d %s per person", m, plural(m, "title", "titles"))
	if p, res, ok := v.without(r); ok {
		most := 0
		for _, slots := range res.held {
			most = max(most, len(slots))
		}
		_ = p
		if most > m {
			vi += fmt.Sprintf(" (nếu bỏ giới hạn này, sẽ có người giữ %d chức danh)", most)
			en += fmt.Sprintf(" (without this limit someone would hold %d)", most)
		}
	}
	return sentence(RuleMaxTitles, u, "", nil, vi, en, r)
}

func (v *view) combination(r rule) Reason {
	core := v.core
	for ci := range core.cands {
		c := &core.cands[ci]
		fx := fixedSlots(core, ci)
		if c.person == nil {
			continue
		}
		if a, b, ok := badPair(core, core.combination, fx); ok {
			u := core.units[core.slots[fx[0]].unit]
			name := personName(c.person)
			why := pairWhy(core, core.combination, a, b)
			return sentence(RuleCombination, u, "", []string{c.person.ID},
				fmt.Sprintf("%s phải giữ cả %s và %s, hai chức danh không được kiêm nhiệm%s", name, v.titleList([]int{a}, model.Vietnamese), v.titleList([]int{b}, model.Vietnamese), why.Vi),
				fmt.Sprintf("%s must keep both %s and %s, which may not be held together%s", name, v.titleList([]int{a}, model.English), v.titleList([]int{b}, model.English), why.En), r)
		}
	}
	u := core.units[0]
	if p, res, ok := v.without(r); ok {
		for _, slots := range res.held {
			if a, b, ok := badPair(p, core.combination, slots); ok {
				ta, tb := &p.titles[p.slots[a].title], &p.titles[p.slots[b].title]
				why := pairWhy(p, core.combination, a, b)
				return sentence(RuleCombination, u, "", nil,
					fmt.Sprintf("%s và %s không được kiêm nhiệm%s (nếu bỏ quy định này, sẽ có người giữ cả hai)", ta.Name.In(model.Vietnamese), tb.Name.In(model.Vietnamese), why.Vi),
					fmt.Sprintf("%s and %s may not be held together%s (without this rule someone would hold both)", titleEn(ta), titleEn(tb), why.En), r)
			}
		}
		if vi, en, ok := recruitClash(p, core.recruits, res.held); ok {
			return sentence(RuleCombination, u, "", nil, vi+" (nếu bỏ quy định này)", en+" (without this rule)", r)
		}
	}
	vi, en := "quy định về các chức danh được kiêm nhiệm", "the rules on which titles may be held together"
	if lv := core.combination.levels; lv.Mode != model.LevelsMixed {
		vi += "; " + lv.Text().Vi + " (policy.levels)"
		en += "; " + lv.Text().En + " (policy.levels)"
	}
	return sentence(RuleCombination, u, "", nil, vi, en, r)
}

// pairWhy names the policy.levels rule when it is what keeps slots a and b
// of pool p apart under rule, as a clause to append ("": the combination pairs do):
// a planner reads "levels kept apart", not a bare pair of titles.
func pairWhy(p *pool, rule pairRule, a, b int) model.Text {
	ta, tb := p.titles[p.slots[a].title].ID, p.titles[p.slots[b].title].ID
	if rule.levelsAllow(ta, tb) {
		return model.Text{}
	}
	t := rule.levels.Text()
	return model.Text{Vi: ": " + t.Vi + " (policy.levels)", En: ": " + t.En + " (policy.levels)"}
}

// badPair finds two slots of pool p that rule keeps apart (rule is the
// core pool's: p may be a pool with the combination rules relaxed).
func badPair(p *pool, rule pairRule, slots []int) (a, b int, ok bool) {
	for i, x := range slots {
		for _, y := range slots[:i] {
			tx, ty := p.titles[p.slots[x].title].ID, p.titles[p.slots[y].title].ID
			if tx != ty && !rule.Allows(tx, ty) {
				return y, x, true
			}
		}
	}
	return 0, 0, false
}
