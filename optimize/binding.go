package optimize

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Feasible pools: which rule families keep the headcount up.

// bindingFamily is one family of rules relaxed together to see whether it
// keeps the headcount up.
type bindingFamily struct {
	kind Rule // also the Reason.Kind
}

var bindingFamilies = []bindingFamily{
	{RuleWorkload}, {RuleMaxTitles}, {RuleCombination}, {RuleCommuneCap}, {RuleVillageCap},
	{RuleCommuneFund}, {RuleVillageFund}, {RuleTerms}, {RuleRequirement},
}

// notBinding lists, with the reason, the relaxable kinds explainBinding
// does not try.
var notBinding = map[Rule]string{
	RulePin:         "a planner's choice, reported as such",
	RuleForbid:      "a planner's choice, reported as such",
	RulePinOutside:  "leaves the pool without a plan",
	RuleRecruitment: "more recruits never lower the headcount of a plan",
}

// explainBinding says which rule families keep the headcount of the
// feasible pool pl up: each family is relaxed in turn and the pool solved
// again; a family whose relaxation lowers the headcount binds, and the
// reason quotes the figure the relaxed plan breaks it by.
func explainBinding(ctx context.Context, pl *pool, set *Settings, base dpResult) []Reason {
	e := newExplainer(ctx, pl, set)
	defer e.cancel()
	var out []Reason
	for _, fam := range bindingFamilies {
		if !familyApplies(pl, fam.kind) {
			continue
		}
		relaxed := map[rule]bool{}
		for _, r := range e.rules {
			if r.kind == fam.kind {
				relaxed[r] = true
			}
		}
		if len(relaxed) == 0 {
			continue
		}
		rp := pl.relax(relaxed)
		res, verd := e.solve(rp)
		if verd != vFeasible || res.obj.Headcount >= base.obj.Headcount {
			continue
		}
		out = append(out, bindingReasons(fam, pl, base, rp, res, relaxed)...)
	}
	return out
}

// familyApplies reports whether relaxing the family can change anything.
func familyApplies(pl *pool, k Rule) bool {
	switch k {
	case RuleCommuneCap:
		return pl.communeCap >= 0
	case RuleVillageCap:
		if pl.villageCap < 0 {
			return false
		}
		for ui := 1; ui < len(pl.units); ui++ {
			if unitSlotCopies(pl, ui) > pl.villageCap {
				return true
			}
		}
		return false
	case RuleCommuneFund:
		return pl.communeFund >= 0
	case RuleVillageFund:
		for ui := 1; ui < len(pl.units); ui++ {
			if pl.villageFund[ui] >= 0 {
				return true
			}
		}
		return false
	}
	return true
}

// bindingReasons writes the reasons for one binding family. Caps and funds
// are reported for the units whose cap or fund the relaxed plan exceeds;
// the other families for the units whose holders the relaxed plan reduces
// (or, when people only move between units, for the pool as a whole).
func bindingReasons(fam bindingFamily, pl *pool, base dpResult, rp *pool, res dpResult, relaxed map[rule]bool) []Reason {
	h0, h1 := base.obj.Headcount, res.obj.Headcount
	c := pl.units[0]
	var out []Reason
	switch fam.kind {
	case RuleCommuneCap, RuleVillageCap:
		for ui, u := range pl.units {
			if (fam.kind == RuleCommuneCap) != (ui == 0) {
				continue
			}
			limit := pl.villageCap
			if ui == 0 {
				limit = pl.communeCap
			}
			k := len(holders(rp, res.held, ui))
			if k <= limit {
				continue
			}
			out = append(out, sentence(fam.kind, u, "", nil,
				fmt.Sprintf("giới hạn %d người buộc giữ tổng cộng %d người (nếu chỉ %d người, %s sẽ cần %d người)", limit, h0, h1, unitName(u), k),
				fmt.Sprintf("the cap of %d people keeps %d people in all (with %d, %s would need %d)", limit, h0, h1, unitName(u), k)))
		}
		return withRules(out, relaxed)
	case RuleCommuneFund, RuleVillageFund:
		spend := unitSpend(rp, res.held)
		for ui, u := range pl.units {
			if (fam.kind == RuleCommuneFund) != (ui == 0) {
				continue
			}
			fund := pl.communeFund
			if ui > 0 {
				fund = pl.villageFund[ui]
			}
			if fund < 0 || spend[ui] <= fund {
				continue
			}
			out = append(out, sentence(fam.kind, u, "", nil,
				fmt.Sprintf("quỹ phụ cấp %s mỗi tháng buộc giữ tổng cộng %d người (nếu chỉ %d người, phụ cấp sẽ là %s mỗi tháng)", model.Vietnamese.Money(fund), h0, h1, model.Vietnamese.Money(spend[ui])),
				fmt.Sprintf("the allowance fund of %s a month keeps %d people in all (with %d, allowances would be %s a month)", model.English.Money(fund), h0, h1, model.English.Money(spend[ui]))))
		}
		return withRules(out, relaxed)
	}
	// Units whose holders the relaxed plan reduces.
	type scope struct {
		ui     int
		n0, n1 int
	}
	var scopes []scope
	for ui := range pl.units {
		n0, n1 := len(holders(pl, base.held, ui)), len(holders(rp, res.held, ui))
		if n1 < n0 {
			scopes = append(scopes, scope{ui, n0, n1})
		}
	}
	if len(scopes) == 0 {
		scopes = []scope{{-1, h0, h1}}
	}
	for _, s := range scopes {
		u, pre := c, unitName(c)
		if s.ui >= 0 {
			u = pl.units[s.ui]
			pre = unitName(u)
		}
		vi, en, people := bindingFacts(fam, pl, base, rp, res, s.ui, s.n0, s.n1)
		r := Reason{Kind: fam.kind, Unit: u.Code, People: people, Vi: pre + ": " + vi, En: pre + ": " + en}
		out = append(out, r)
	}
	return withRules(out, relaxed)
}

func withRules(rs []Reason, relaxed map[rule]bool) []Reason {
	var rules []rule
	for r := range relaxed {
		rules = append(rules, r)
	}
	for i := range rs {
		rs[i].rules = rules
	}
	return rs
}

// bindingFacts writes the sentence for a family that binds in unit ui (the
// pool when ui < 0), where the plan has n0 people and the relaxed one n1.
func bindingFacts(fam bindingFamily, pl *pool, base dpResult, rp *pool, res dpResult, ui, n0, n1 int) (vi, en string, people []string) {
	switch fam.kind {
	case RuleWorkload:
		vi = fmt.Sprintf("khối lượng công việc buộc giữ %d người", n0)
		en = fmt.Sprintf("workload keeps %d people", n0)
		ci, w, cp := overload(rp, pl, res.held, ui)
		if ci < 0 {
			ci, w, cp = overload(rp, pl, res.held, -1)
		}
		if ci >= 0 {
			vi += fmt.Sprintf(" (nếu chỉ %d người, sẽ có người phải làm %s mỗi tuần > %s)", n1, model.Vietnamese.Hours(w), model.Vietnamese.Hours(cp))
			en += fmt.Sprintf(" (with %d, someone would need %s a week > %s)", n1, model.English.Hours(w), model.English.Hours(cp))
		}
	case RuleMaxTitles:
		most := 0
		for _, k := range holders(rp, res.held, ui) {
			most = max(most, len(res.held[k]))
		}
		vi = fmt.Sprintf("giới hạn %d chức danh mỗi người buộc giữ %d người (nếu chỉ %d người, sẽ có người giữ %d chức danh)", pl.maxTitles, n0, n1, most)
		en = fmt.Sprintf("the limit of %d %s per person keeps %d people (with %d, someone would hold %d)", pl.maxTitles, plural(pl.maxTitles, "title", "titles"), n0, n1, most)
	case RuleCombination:
		vi, en = combinationBinds(pl, rp, res, ui, n0, n1)
	case RuleTerms:
		// The earliest end among the terms the relaxed plan cuts short.
		var first model.Date
		for _, r := range pl.rules {
			if r.kind != RuleTerms || (ui >= 0 && pl.slots[r.slot].unit != ui) {
				continue
			}
			if r.cand < len(res.held) && slices.Contains(res.held[r.cand], r.slot) {
				continue
			}
			c := pl.cands[r.cand]
			end := termEnd(c.person, pl.titles[pl.slots[r.slot].title].ID, pl.units[pl.slots[r.slot].unit].Code)
			if !slices.Contains(people, c.person.ID) {
				people = append(people, c.person.ID)
			}
			if first.IsZero() || (!end.IsZero() && end < first) {
				first = end
			}
		}
		sort.Strings(people)
		vi = fmt.Sprintf("nhiệm kỳ chưa kết thúc buộc giữ %d người đến khi hết nhiệm kỳ (sớm nhất %s); sau đó chỉ cần %d người", n0, model.Vietnamese.Date(first), n1)
		en = fmt.Sprintf("terms of office keep %d people until their terms end (earliest %s); %d after that", n0, model.English.Date(first), n1)
	case RuleRequirement:
		vi = fmt.Sprintf("điều kiện tiêu chuẩn buộc giữ %d người", n0)
		en = fmt.Sprintf("eligibility requirements keep %d people", n0)
		for _, k := range holders(rp, res.held, ui) {
			c := &rp.cands[k]
			if c.person == nil {
				continue
			}
			ok := -1
			for oc := range pl.cands {
				if pl.cands[oc].person == c.person {
					ok = oc
				}
			}
			if ok < 0 {
				continue
			}
			for _, si := range res.held[k] {
				if qs := pl.unmetOf(ok, si); len(qs) > 0 {
					t, u := &pl.titles[pl.slots[si].title], pl.units[pl.slots[si].unit]
					name := personName(c.person)
					vi += fmt.Sprintf(" (nếu chỉ %d người, %s sẽ giữ chức %s dù %s)", n1, name, t.Name.In(model.Vietnamese), personFacts(c.person, qs, t, u, pl.date, model.Vietnamese))
					en += fmt.Sprintf(" (with %d, %s would hold %s but %s)", n1, name, titleEn(t), personFacts(c.person, qs, t, u, pl.date, model.English))
					people = []string{c.person.ID}
					return vi, en, people
				}
			}
		}
	}
	return vi, en, people
}

// combinationBinds says how the combination rules keep n0 people where n1
// would do, naming the level rule when a commune title and a village title
// are what may not be held together (a planner's "levels kept apart").
func combinationBinds(pl, rp *pool, res dpResult, ui, n0, n1 int) (vi, en string) {
	vi = fmt.Sprintf("quy định kiêm nhiệm buộc giữ %d người", n0)
	en = fmt.Sprintf("the combination rules keep %d people", n0)
	for _, k := range holders(rp, res.held, ui) {
		a, b, ok := badPair(pl, pl.combination, res.held[k])
		if !ok {
			continue
		}
		ta, tb := &pl.titles[pl.slots[a].title], &pl.titles[pl.slots[b].title]
		if !pl.combination.levelsAllow(ta.ID, tb.ID) {
			lv := pl.combination.levels.Text()
			vi = fmt.Sprintf("%s (policy.levels) buộc giữ %d người", lv.Vi, n0)
			en = fmt.Sprintf("%s (policy.levels) keeps %d people", lv.En, n0)
		}
		vi += fmt.Sprintf(" (nếu chỉ %d người, sẽ có người giữ cả %s và %s)", n1, ta.Name.In(model.Vietnamese), tb.Name.In(model.Vietnamese))
		en += fmt.Sprintf(" (with %d, someone would hold both %s and %s)", n1, titleEn(ta), titleEn(tb))
		return vi, en
	}
	if cv, ce, ok := recruitClash(rp, pl.recruits, res.held); ok {
		vi += fmt.Sprintf(" (nếu chỉ %d người, %s)", n1, cv)
		en += fmt.Sprintf(" (with %d, %s)", n1, ce)
	}
	return vi, en
}
