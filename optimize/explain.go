package optimize

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Reason is one rule in an explanation: for an infeasible pool, one of the
// smallest set of rules that together leave no plan; for a feasible one, a
// rule that keeps the headcount up.
//
// Kinds of an infeasible pool's reasons: no_eligible (a title in a unit has
// too few eligible candidates), requirement (an eligibility requirement that
// conflicts otherwise), workload, max_titles, combination, commune_cap,
// village_cap, commune_fund, village_fund, terms, recruitment, pin, forbid;
// not_minimal is a note that the search stopped before it proved the set
// smallest, and no_plan that no plan exists even with every rule relaxed.
// Kinds of a feasible pool's reasons (Settings.Explain): workload,
// max_titles, combination, commune_cap, village_cap, commune_fund,
// village_fund, terms, requirement.
//
// Residence in the unit is never relaxed: a village title's candidates are
// its residents, and the no_eligible sentence counts them.
type Reason struct {
	Kind   Rule     // machine-readable; JSON and String show its key: no_eligible, workload, …
	Unit   string   // unit code, when the rule is about one unit
	Title  string   // title ID, when the rule is about one title
	People []string // person IDs involved
	Vi, En string   // the sentence a planner reads

	rules []rule // the rule instances the reason stands for
	guard bool   // the note that the time guard stopped the search
}

// Text returns the reason in language l.
func (r Reason) Text(l model.Lang) string { return l.Pick(r.Vi, r.En) }

// Limits of the explanation search, per pool.
const (
	// maxExplainSolves caps the solves spent explaining one infeasible pool:
	// the deletion filter gets filterSolves of them, the figures quoted in
	// the reasons the rest.
	maxExplainSolves = 80
	filterSolves     = 64
	// explainMaxStates caps the states of one explanation solve.
	explainMaxStates = 200_000
	// explainTime is a last-resort guard on the time spent explaining one
	// pool (it never stops a search the work limit allows on a machine of
	// ordinary speed). The limits that shape an explanation are counts,
	// solves and states (explainMaxWork), so it is the same from run to run
	// and for any GOMAXPROCS; the guard, when it fires, says so in the
	// explanation (explainer.guardNote).
	explainTime = 60 * time.Second
)

// explainMaxWork caps the states of all the solves of one explainer: the
// work limit that stands in for time. At the rate of the explanation
// solves (a few million states a second) it is about a second. A
// variable only so that tests can lower it.
var explainMaxWork = 3_000_000

// verdict is the outcome of one feasibility test.
type verdict uint8

const (
	vFeasible verdict = iota
	vInfeasible
	vUnknown // the solve hit a limit, or the budget or the context ran out
)

// explainer re-solves one pool with rules relaxed.
type explainer struct {
	ctx    context.Context // parent with the time guard (explainTime)
	parent context.Context // the caller's
	cancel context.CancelFunc
	pl     *pool
	set    Settings
	rules  []rule // pl.rules without duplicates, in order
	solves int
	budget int
	work   int  // states spent by the solves, against explainMaxWork
	unsure bool // a rule was kept without proof that it is needed
	guard  bool // the time guard (explainTime) stopped a solve
}

func newExplainer(ctx context.Context, pl *pool, set *Settings) *explainer {
	guarded, cancel := context.WithTimeout(ctx, explainTime)
	e := &explainer{ctx: guarded, parent: ctx, cancel: cancel, pl: pl, budget: maxExplainSolves}
	if set != nil {
		e.set = *set
	}
	e.set = e.set.orDefault()
	e.set.MaxStates = min(e.set.MaxStates, explainMaxStates)
	seen := map[rule]bool{}
	for _, r := range pl.rules {
		// Residence is never relaxed: it is what ties a village's titles
		// to its people, and a pool without it is one large search.
		if r.kind == RuleRequirement && r.req == model.ReqResident {
			continue
		}
		if !seen[r] {
			seen[r] = true
			e.rules = append(e.rules, r)
		}
	}
	return e
}

// only builds the pool with every rule outside active relaxed.
func (e *explainer) only(active map[rule]bool) *pool {
	relaxed := map[rule]bool{}
	for _, r := range e.rules {
		if !active[r] {
			relaxed[r] = true
		}
	}
	return e.pl.relax(relaxed)
}

// solve tests p, by the quick checks first and then by the programme.
func (e *explainer) solve(p *pool) (dpResult, verdict) {
	if quickInfeasible(p) {
		return dpResult{}, vInfeasible
	}
	if e.outOfWork() {
		return dpResult{}, vUnknown
	}
	e.solves++
	set := e.set
	set.MaxStates = min(set.MaxStates, explainMaxWork-e.work)
	r, err := solvePool(e.ctx, p, &set)
	e.charge(r, err, set.MaxStates)
	switch {
	case r.feasible:
		// A plan, proven best or not, proves the pool feasible.
		return r, vFeasible
	case err != nil:
		return r, vUnknown
	}
	return r, vInfeasible
}

// quickInfeasible finds the infeasibilities that need no search: a title
// with fewer eligible candidates than holders, or a candidate whose fixed
// titles cannot be held together. It claims only what the programme would
// also find.
func quickInfeasible(pl *pool) bool {
	elig := make([]int, len(pl.slots))
	for ci := range pl.cands {
		c := &pl.cands[ci]
		for _, si := range c.eligible {
			elig[si]++
		}
		if len(c.fixed) == 0 {
			continue
		}
		var work model.Hours
		var held []int
		for _, si := range c.fixed {
			if slices.Contains(held, si) {
				continue
			}
			if !slices.Contains(c.eligible, si) || !pl.combinesWith(ci, held, si) {
				return true
			}
			held = append(held, si)
			work += pl.slots[si].work
		}
		if len(held) > pl.maxTitles || work > c.capacity+1e-9 {
			return true
		}
	}
	for si, sl := range pl.slots {
		if elig[si] < sl.need {
			return true
		}
	}
	return false
}

// explainInfeasible names a smallest set of rules of the infeasible pool pl
// that together leave no plan, one Reason per rule (or per group of rules
// that read as one sentence).
func explainInfeasible(ctx context.Context, pl *pool, set *Settings) []Reason {
	e := newExplainer(ctx, pl, set)
	defer e.cancel()
	rs, proven := e.conflictSet()
	if rs == nil && proven {
		return []Reason{e.noPlan()}
	}
	out := e.render(rs)
	if !proven {
		out = append(out, e.notMinimal())
	}
	if e.guard {
		out = append(out, e.guardNote())
	}
	return out
}

// conflictSet runs a deletion filter over the pool's rules: a rule is
// dropped (left relaxed) when the pool stays infeasible without it. Whole
// families are tried first, then halves of the families that matter, down
// to single rules, so a set of k rules out of n costs about k·log(n/k)
// solves. set is nil when no rule is needed (the pool has no plan even with
// every rule relaxed); proven is false when some rule was kept because a
// test could not be decided within the limits.
func (e *explainer) conflictSet() (set []rule, proven bool) {
	e.budget = filterSolves
	active := make(map[rule]bool, len(e.rules))
	for _, r := range e.rules {
		active[r] = true
	}
	for _, fam := range e.families() {
		e.filter(fam, active, false)
	}
	for _, r := range e.rules {
		if active[r] {
			set = append(set, r)
		}
	}
	e.budget = maxExplainSolves
	return set, !e.unsure
}

// filterOrder is the order in which the deletion filter tries to drop the
// families of rules (see families). A relaxable kind not listed is never
// dropped: a pin outside the pool is always part of the conflict.
var filterOrder = []Rule{RuleVillageFund, RuleCommuneFund, RuleVillageCap, RuleCommuneCap, RuleForbid, RulePin,
	RuleTerms, RuleCombination, RuleRequirement, RuleRecruitment, RuleWorkload, RuleMaxTitles}

// families groups the pool's rules in the order the filter tries to drop
// them. A family tried early is left out of the explanation whenever
// another set of rules explains the conflict as well; the families whose
// relaxation makes the search large (more candidates eligible, recruits,
// unlimited hours or titles) come last, so most tests run with them still
// in force.
func (e *explainer) families() [][]rule {
	var out [][]rule
	for _, k := range filterOrder {
		var fam []rule
		for _, r := range e.rules {
			if r.kind == k {
				fam = append(fam, r)
			}
		}
		if len(fam) > 0 {
			out = append(out, fam)
		}
	}
	return out
}

// filter drops from active the rules of items the pool does not need to
// stay infeasible. needed says that dropping all of items is already known
// to make the pool feasible.
func (e *explainer) filter(items []rule, active map[rule]bool, needed bool) {
	if len(items) == 0 {
		return
	}
	known := needed
	if !needed {
		for _, r := range items {
			active[r] = false
		}
		_, v := e.solve(e.only(active))
		if v == vInfeasible {
			return // none of them is needed
		}
		for _, r := range items {
			active[r] = true
		}
		if v == vUnknown && e.outOfWork() {
			e.unsure = true
			return // out of solves: keep them all
		}
		known = v == vFeasible
	}
	if len(items) == 1 {
		if !known {
			e.unsure = true
		}
		return
	}
	mid := len(items) / 2
	a, b := items[:mid], items[mid:]
	e.filter(a, active, false)
	gone := true
	for _, r := range a {
		if active[r] {
			gone = false
			break
		}
	}
	// When all of a went and dropping a and b together made the pool
	// feasible, something in b is needed: skip that test.
	e.filter(b, active, known && gone)
}

// set returns the rules as a set.
func ruleSet(rs []rule) map[rule]bool {
	m := make(map[rule]bool, len(rs))
	for _, r := range rs {
		m[r] = true
	}
	return m
}

// view is what the renderers read: the original pool and the core pool, in
// which only the conflicting rules are in force.
type view struct {
	e    *explainer
	pl   *pool
	core *pool
	set  map[rule]bool
}

// render turns a conflict set into reasons, one per rule or group of rules
// that read as one sentence, in unit order.
func (e *explainer) render(rs []rule) []Reason {
	set := ruleSet(rs)
	v := &view{e: e, pl: e.pl, core: e.only(set), set: set}
	var out []Reason
	covered := map[rule]bool{}
	add := func(r Reason) {
		for _, x := range r.rules {
			covered[x] = true
		}
		out = append(out, r)
	}
	// Pins first: a pin on an ineligible person takes the requirements the
	// person fails along.
	for _, r := range rs {
		if r.kind == RulePin {
			add(renderers[RulePin](v, r, rs, covered))
		}
	}
	// Titles that too few candidates may hold.
	for si := range v.core.slots {
		if r, ok := v.noEligible(si); ok {
			add(r)
		}
	}
	for _, r := range rs {
		if covered[r] {
			continue
		}
		if render, ok := renderers[r.kind]; ok {
			add(render(v, r, rs, covered))
		}
	}
	unitOf := map[string]int{}
	for i, u := range e.pl.units {
		unitOf[u.Code] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if unitOf[a.Unit] != unitOf[b.Unit] {
			return unitOf[a.Unit] < unitOf[b.Unit]
		}
		return kindRank[a.Kind] < kindRank[b.Kind]
	})
	return out
}

// renderers write the reason for a rule of a conflict set that no earlier
// reason covers, by kind; a kind without one is never explained. Terms take
// along the other uncovered terms of the same unit.
var renderers = map[Rule]func(v *view, r rule, rs []rule, covered map[rule]bool) Reason{
	RulePin:         func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.pin(r) },
	RulePinOutside:  func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.pinOutside(r) },
	RuleRequirement: func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.requirement(r) },
	RuleForbid:      func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.forbid(r) },
	RuleTerms: func(v *view, r rule, rs []rule, covered map[rule]bool) Reason {
		var group []rule
		for _, x := range rs {
			if x.kind == RuleTerms && !covered[x] && v.core.slots[x.slot].unit == v.core.slots[r.slot].unit {
				group = append(group, x)
			}
		}
		return v.terms(group)
	},
	RuleCommuneCap:  func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.cap(r) },
	RuleVillageCap:  func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.cap(r) },
	RuleCommuneFund: func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.fund(r) },
	RuleVillageFund: func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.fund(r) },
	RuleWorkload:    func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.workload(r) },
	RuleMaxTitles:   func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.maxTitles(r) },
	RuleCombination: func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.combination(r) },
	RuleRecruitment: func(v *view, r rule, _ []rule, _ map[rule]bool) Reason { return v.recruitment(r) },
}

// kindRank orders the reasons of one unit: the rule that is broken first,
// then the facts that make it so.
var kindRank = map[Rule]int{
	RuleNoEligible: 0, RulePin: 1, RuleForbid: 2, RuleWorkload: 3, RuleMaxTitles: 4, RuleCombination: 5,
	RuleCommuneCap: 6, RuleVillageCap: 6, RuleCommuneFund: 7, RuleVillageFund: 7,
	RuleRequirement: 8, RuleTerms: 9, RuleRecruitment: 10,
}

func (e *explainer) noPlan() Reason {
	c := e.pl.units[0]
	return Reason{Kind: RuleNoPlan, Unit: c.Code,
		Vi: unitName(c) + ": không có phương án nào kể cả khi bỏ mọi quy định",
		En: unitName(c) + ": no plan exists even with every rule relaxed"}
}

func (e *explainer) notMinimal() Reason {
	c := e.pl.units[0]
	return Reason{Kind: RuleNotMinimal, Unit: c.Code,
		Vi: fmt.Sprintf("%s: các quy định trên mâu thuẫn nhau, nhưng chưa chứng minh được đây là tập nhỏ nhất (dừng sau %d lần giải)", unitName(c), e.solves),
		En: fmt.Sprintf("%s: the rules above conflict, but the set is not proven smallest (the search stopped after %d solves)", unitName(c), e.solves)}
}

// sentence builds a reason about unit u.
func sentence(kind Rule, u *model.Unit, title string, people []string, vi, en string, rules ...rule) Reason {
	return Reason{Kind: kind, Unit: u.Code, Title: title, People: people, Vi: unitName(u) + ": " + vi, En: unitName(u) + ": " + en, rules: rules}
}

// without solves the core pool with rule r relaxed too; the pool is
// feasible then, by the minimality of the set, unless a limit was hit.
func (v *view) without(r rule) (*pool, dpResult, bool) {
	active := map[rule]bool{}
	for x := range v.set {
		if x != r {
			active[x] = true
		}
	}
	p := v.e.only(active)
	res, verd := v.e.solve(p)
	return p, res, verd == vFeasible
}
