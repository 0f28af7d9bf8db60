package optimize

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Fix is one change of the rules that, alone and with every other rule in
// force, gives an infeasible pool a plan. A numeric rule (a fund, a cap,
// the titles per person) is changed by the least amount that does it: at
// To the pool has a plan and one step less (1,000 đồng, one person, one
// title) it has none, both proven by solving. Another rule is dropped: a
// pin, a forbid, one requirement of one title, the terms of the holders
// named, or the workload, combination or recruitment rules as a whole.
type Fix struct {
	Kind Rule // the rule changed; JSON and String show its key
	// From and To are a numeric rule's value in force and the least value
	// with a plan: đồng a month for a fund (the village fund raised to at
	// least To in every village of the commune), people for a cap, titles
	// for max_titles. Both are 0 for a rule dropped.
	From, To int64
	// Units are the units whose value must change (the villages whose
	// allowances pass their fund in the plan at To, the commune), or the
	// unit of the rule dropped.
	Units  []string
	Title  string   // the title of a pin, forbid or requirement
	People []string // the people of the pins, forbids or terms dropped
	Vi, En string   // the change in words, for one commune

	what model.Text // the change without the unit's name, for summaries
}

// Text returns the change in language l.
func (f Fix) Text(l model.Lang) string { return l.Pick(f.Vi, f.En) }

// maxFixSolves caps the solves spent finding the fixes of one pool.
const maxFixSolves = 160

// fixInfeasible finds the single changes that give the infeasible pool pl
// a plan, trying the rules its explanation names: the least value of each
// numeric rule, and each other rule dropped. guard says that the time
// guard stopped a solve (explainTime).
func fixInfeasible(ctx context.Context, pl *pool, set *Settings, reasons []Reason) (_ []Fix, guard bool) {
	e := newExplainer(ctx, pl, set)
	defer e.cancel()
	e.budget = maxFixSolves
	named := map[rule]bool{}
	kinds := map[Rule]bool{}
	for _, r := range reasons {
		for _, x := range r.rules {
			named[x] = true
			kinds[x.kind] = true
		}
	}
	var out []Fix
	for _, k := range []Rule{RuleVillageFund, RuleCommuneFund, RuleVillageCap, RuleCommuneCap, RuleMaxTitles} {
		if kinds[k] {
			if f, ok := e.fixNumeric(k); ok {
				out = append(out, f)
			}
		}
	}
	if kinds[RuleTerms] {
		if f, ok := e.fixTerms(named); ok {
			out = append(out, f)
		}
	}
	for _, r := range e.rules {
		if !named[r] {
			continue
		}
		switch r.kind {
		case RulePin, RuleForbid, RuleRequirement, RulePinOutside:
			if _, v := e.solve(pl.relax(map[rule]bool{r: true})); v == vFeasible {
				out = append(out, e.dropFix(r))
			}
		}
	}
	for _, k := range []Rule{RuleWorkload, RuleCombination, RuleRecruitment} {
		if !kinds[k] {
			continue
		}
		if _, v := e.solve(pl.relax(e.ofKind(k))); v == vFeasible {
			out = append(out, familyFix(k, pl.units[0]))
		}
	}
	return out, e.guard
}

// ofKind returns every rule of kind k in the pool, as a set.
func (e *explainer) ofKind(k Rule) map[rule]bool {
	m := map[rule]bool{}
	for _, r := range e.pl.rules {
		if r.kind == k {
			m[r] = true
		}
	}
	return m
}

// numericRule reads and sets one numeric rule of a pool: step is the
// least change a fix is given in.
type numericRule struct {
	step int64
	// from is the value in force (for a village fund the least fund of
	// the villages), set returns a copy of the pool with the rule at v
	// (a village fund raised to at least v in every village), need is
	// what a plan of the relaxed pool needs.
	from func(pl *pool) int64
	set  func(pl *pool, v int64) *pool
	need func(p *pool, held [][]int) int64
}

var numericRules = map[Rule]numericRule{
	RuleVillageFund: {step: 1000,
		from: func(pl *pool) int64 {
			lo := int64(-1)
			for ui := 1; ui < len(pl.units); ui++ {
				if f := int64(pl.villageFund[ui]); f >= 0 && (lo < 0 || f < lo) {
					lo = f
				}
			}
			return lo
		},
		set: func(pl *pool, v int64) *pool {
			cp := *pl
			cp.fixedCount = nil
			cp.villageFund = slices.Clone(pl.villageFund)
			for ui := 1; ui < len(cp.units); ui++ {
				if f := cp.villageFund[ui]; f >= 0 && int64(f) < v {
					cp.villageFund[ui] = model.Money(v)
				}
			}
			return &cp
		},
		need: func(p *pool, held [][]int) int64 {
			var most model.Money
			for _, s := range unitSpend(p, held)[1:] {
				most = max(most, s)
			}
			return int64(most)
		}},
	RuleCommuneFund: {step: 1000,
		from: func(pl *pool) int64 { return int64(pl.communeFund) },
		set: func(pl *pool, v int64) *pool {
			cp := *pl
			cp.fixedCount = nil
			cp.communeFund = model.Money(v)
			return &cp
		},
		need: func(p *pool, held [][]int) int64 { return int64(unitSpend(p, held)[0]) }},
	RuleCommuneCap: {step: 1,
		from: func(pl *pool) int64 { return int64(pl.communeCap) },
		set: func(pl *pool, v int64) *pool {
			cp := *pl
			cp.fixedCount = nil
			cp.communeCap = int(v)
			return &cp
		},
		need: func(p *pool, held [][]int) int64 { return int64(len(holders(p, held, 0))) }},
	RuleVillageCap: {step: 1,
		from: func(pl *pool) int64 { return int64(pl.villageCap) },
		set: func(pl *pool, v int64) *pool {
			cp := *pl
			cp.fixedCount = nil
			cp.villageCap = int(v)
			return &cp
		},
		need: func(p *pool, held [][]int) int64 {
			most := 0
			for ui := 1; ui < len(p.units); ui++ {
				most = max(most, len(holders(p, held, ui)))
			}
			return int64(most)
		}},
	RuleMaxTitles: {step: 1,
		from: func(pl *pool) int64 { return int64(pl.maxTitles) },
		set: func(pl *pool, v int64) *pool {
			cp := *pl
			cp.fixedCount = nil
			cp.maxTitles = int(v)
			return &cp
		},
		need: func(p *pool, held [][]int) int64 {
			most := 0
			for _, h := range held {
				most = max(most, len(h))
			}
			return int64(most)
		}},
}

// fixNumeric finds the least value of numeric rule k at which the pool has
// a plan: the plan of the pool with k relaxed says how much is enough, and
// a bisection in steps of the rule's step finds the least; ok is false
// when relaxing k does not give a plan, or a solve is undecided.
func (e *explainer) fixNumeric(k Rule) (Fix, bool) {
	nr := numericRules[k]
	from := nr.from(e.pl)
	if from < 0 {
		return Fix{}, false
	}
	p, res, v := e.relaxedPlan(k)
	if v != vFeasible {
		return Fix{}, false
	}
	lo := from / nr.step                                      // no plan at lo·step ≤ from
	hi := max((nr.need(p, res.held)+nr.step-1)/nr.step, lo+1) // a plan at hi·step: the relaxed one
	best, verd := e.solve(nr.set(e.pl, hi*nr.step))
	if verd != vFeasible {
		return Fix{}, false
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		r, v := e.solve(nr.set(e.pl, mid*nr.step))
		switch v {
		case vUnknown:
			return Fix{}, false
		case vFeasible:
			hi, best = mid, r
		default:
			lo = mid
		}
	}
	to := hi * nr.step
	return e.numericFix(k, from, to, nr.set(e.pl, to), best.held), true
}

// relaxedPlan solves the pool with every rule of kind k relaxed.
func (e *explainer) relaxedPlan(k Rule) (*pool, dpResult, verdict) {
	p := e.pl.relax(e.ofKind(k))
	r, v := e.solve(p)
	return p, r, v
}

// numericFix writes the fix that sets numeric rule k from from to to; p is
// the pool at to and held its plan, which says which units need the change.
func (e *explainer) numericFix(k Rule, from, to int64, p *pool, held [][]int) Fix {
	c := e.pl.units[0]
	f := Fix{Kind: k, From: from, To: to}
	switch k {
	case RuleVillageFund:
		spend := unitSpend(p, held)
		var names []string
		for ui := 1; ui < len(p.units); ui++ {
			if of := e.pl.villageFund[ui]; of >= 0 && spend[ui] > of {
				f.Units = append(f.Units, p.units[ui].Code)
				names = append(names, unitName(p.units[ui]))
				f.From = int64(of)
			}
		}
		list := strings.Join(names, ", ")
		f.Vi = fmt.Sprintf("nâng quỹ phụ cấp thôn lên ít nhất %s mỗi tháng (hiện %s) ở %d thôn: %s", model.Vietnamese.Money(model.Money(to)), model.Vietnamese.Money(model.Money(f.From)), len(names), list)
		f.En = fmt.Sprintf("raise the village fund to at least %s a month (now %s) in %d %s: %s", model.English.Money(model.Money(to)), model.English.Money(model.Money(f.From)), len(names), plural(len(names), "village", "villages"), list)
	case RuleCommuneFund:
		f.Units = []string{c.Code}
		f.Vi = fmt.Sprintf("nâng quỹ phụ cấp của xã từ %s lên ít nhất %s mỗi tháng", model.Vietnamese.Money(model.Money(from)), model.Vietnamese.Money(model.Money(to)))
		f.En = fmt.Sprintf("raise the commune's allowance fund from %s to at least %s a month", model.English.Money(model.Money(from)), model.English.Money(model.Money(to)))
	case RuleCommuneCap:
		f.Units = []string{c.Code}
		f.Vi = fmt.Sprintf("cho phép %d người ở cấp xã (giới hạn hiện nay %d)", to, from)
		f.En = fmt.Sprintf("allow %d people at commune level (cap %d now)", to, from)
	case RuleVillageCap:
		var names []string
		for ui := 1; ui < len(p.units); ui++ {
			if int64(len(holders(p, held, ui))) > from {
				f.Units = append(f.Units, p.units[ui].Code)
				names = append(names, unitName(p.units[ui]))
			}
		}
		f.Vi = fmt.Sprintf("cho phép %d người mỗi thôn (giới hạn hiện nay %d) ở %d thôn: %s", to, from, len(names), strings.Join(names, ", "))
		f.En = fmt.Sprintf("allow %d people per village (cap %d now) in %d %s: %s", to, from, len(names), plural(len(names), "village", "villages"), strings.Join(names, ", "))
	case RuleMaxTitles:
		f.Units = []string{c.Code}
		f.Vi = fmt.Sprintf("cho phép mỗi người giữ %d chức danh (hiện nay tối đa %d)", to, from)
		f.En = fmt.Sprintf("allow %d titles per person (at most %d now)", to, from)
	}
	f.what = model.Text{Vi: f.Vi, En: f.En}
	f.Vi, f.En = unitName(c)+": "+f.Vi, unitName(c)+": "+f.En
	return f
}

// fixTerms finds terms to cut short that give the pool a plan: all its
// terms relaxed must give one; then each term is put back in force, the
// ones the explanation does not name first, while the pool keeps a plan.
// What is left relaxed is a set no term of which can be kept (a minimal
// set, not always the smallest); when the solves run out, the terms not
// yet tried stay relaxed.
func (e *explainer) fixTerms(named map[rule]bool) (Fix, bool) {
	all := e.ofKind(RuleTerms)
	if _, v := e.solve(e.pl.relax(all)); v != vFeasible {
		return Fix{}, false
	}
	var order []rule
	for _, first := range []bool{false, true} {
		for _, r := range e.rules {
			if r.kind == RuleTerms && named[r] == first {
				order = append(order, r)
			}
		}
	}
	relaxed := ruleSet(order)
	unsure := false
	for _, r := range order {
		delete(relaxed, r)
		if _, v := e.solve(e.pl.relax(relaxed)); v != vFeasible {
			relaxed[r] = true
			unsure = unsure || v == vUnknown
		}
	}
	var set []rule
	for _, r := range order {
		if relaxed[r] {
			set = append(set, r)
		}
	}
	slices.SortFunc(set, func(a, b rule) int { return a.slot - b.slot })
	pl := e.pl
	c := pl.units[0]
	f := Fix{Kind: RuleTerms, Units: []string{c.Code}}
	var vis, ens []string
	for _, r := range set {
		cd := &pl.cands[r.cand]
		sl := pl.slots[r.slot]
		t, u := &pl.titles[sl.title], pl.units[sl.unit]
		end := termEnd(cd.person, t.ID, u.Code)
		if !slices.Contains(f.People, cd.person.ID) {
			f.People = append(f.People, cd.person.ID)
		}
		name := personName(cd.person)
		vis = append(vis, fmt.Sprintf("%s, %s %s (đến %s)", name, t.Name.In(model.Vietnamese), unitName(u), model.Vietnamese.Date(end)))
		ens = append(ens, fmt.Sprintf("%s, %s of %s (to %s)", name, titleEn(t), unitName(u), model.English.Date(end)))
	}
	f.Vi = fmt.Sprintf("%s: cho thôi chức trước khi hết nhiệm kỳ %d người: %s", unitName(c), len(f.People), strings.Join(vis, "; "))
	f.En = fmt.Sprintf("%s: let %d %s leave before their terms end: %s", unitName(c), len(f.People), plural(len(f.People), "holder", "holders"), strings.Join(ens, "; "))
	if unsure {
		f.Vi += fmt.Sprintf(" (chưa chứng minh là ít nhất: dừng sau %d lần giải)", e.solves)
		f.En += fmt.Sprintf(" (not proven fewest: the search stopped after %d solves)", e.solves)
	}
	return f, true
}

// dropFix writes the fix that drops one pin, forbid or requirement.
func (e *explainer) dropFix(r rule) Fix {
	pl := e.pl
	c := pl.units[0]
	f := Fix{Kind: r.kind, Units: []string{c.Code}}
	switch r.kind {
	case RulePin, RuleForbid:
		cd := &pl.cands[r.cand]
		sl := pl.slots[r.slot]
		t, u := &pl.titles[sl.title], pl.units[sl.unit]
		f.Units, f.Title, f.People = []string{u.Code}, t.ID, []string{cd.person.ID}
		name := personName(cd.person)
		if r.kind == RulePin {
			f.Vi = fmt.Sprintf("bỏ ghim %s giữ chức %s", name, t.Name.In(model.Vietnamese))
			f.En = fmt.Sprintf("drop the pin of %s to %s", name, titleEn(t))
		} else {
			f.Vi = fmt.Sprintf("bỏ lệnh không cho %s giữ chức %s", name, t.Name.In(model.Vietnamese))
			f.En = fmt.Sprintf("drop the forbid of %s from %s", name, titleEn(t))
		}
		f.what = model.Text{Vi: f.Vi, En: f.En}
		f.Vi, f.En = unitName(u)+": "+f.Vi, unitName(u)+": "+f.En
	case RulePinOutside:
		pin := pl.build.prob.Pins[r.cand]
		name, title := pin.Person, pin.Title
		if p, ok := pl.build.ix.Person(pin.Person); ok {
			name = personName(p)
		}
		tv, te := title, title
		for i := range pl.titles {
			if pl.titles[i].ID == title {
				tv, te = pl.titles[i].Name.In(model.Vietnamese), titleEn(&pl.titles[i])
			}
		}
		f.Kind, f.Title, f.People = RulePin, title, []string{pin.Person}
		f.what = model.Text{Vi: fmt.Sprintf("bỏ ghim %s giữ chức %s (người này không phục vụ ở xã)", name, tv),
			En: fmt.Sprintf("drop the pin of %s to %s (they do not serve in this commune)", name, te)}
		f.Vi, f.En = unitName(c)+": "+f.what.Vi, unitName(c)+": "+f.what.En
	case RuleRequirement:
		t := &pl.titles[r.title]
		f.Title = t.ID
		f.what = model.Text{Vi: fmt.Sprintf("bỏ yêu cầu %s của chức %s", needWord(r.req, t, c, model.Vietnamese), t.Name.In(model.Vietnamese)),
			En: fmt.Sprintf("waive the requirement of %s for %s", needWord(r.req, t, c, model.English), titleEn(t))}
		f.Vi, f.En = unitName(c)+": "+f.what.Vi, unitName(c)+": "+f.what.En
	}
	return f
}

// familyFix writes the fix that drops a whole family of rules of commune c.
func familyFix(k Rule, c *model.Unit) Fix {
	f := Fix{Kind: k, Units: []string{c.Code}}
	switch k {
	case RuleWorkload:
		f.Vi, f.En = "bỏ giới hạn thời gian làm việc mỗi tuần", "drop the limit on weekly working hours"
	case RuleCombination:
		f.Vi, f.En = "bỏ quy định về các chức danh không được kiêm nhiệm", "drop the rules on which titles may not be held together"
	case RuleRecruitment:
		f.Vi, f.En = "cho phép tuyển thêm người", "allow more recruits"
	}
	f.what = model.Text{Vi: f.Vi, En: f.En}
	f.Vi, f.En = unitName(c)+": "+f.Vi, unitName(c)+": "+f.En
	return f
}
