package optimize

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
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
	Kind   string   // machine-readable: no_eligible, workload, commune_cap, …
	Unit   string   // unit code, when the rule is about one unit
	Title  string   // title ID, when the rule is about one title
	People []string // person IDs involved
	Vi, En string   // the sentence a planner reads

	rules []rule // the rule instances the reason stands for
}

// Text returns the reason in language lang: "vi" or "en".
func (r Reason) Text(lang string) string {
	if lang == "en" {
		return r.En
	}
	return r.Vi
}

// Limits of the explanation search, per pool.
const (
	// maxExplainSolves caps the solves spent explaining one infeasible pool:
	// the deletion filter gets filterSolves of them, the figures quoted in
	// the reasons the rest.
	maxExplainSolves = 80
	filterSolves     = 64
	// explainMaxStates caps the states of one explanation solve.
	explainMaxStates = 200_000
	// explainTime caps the time spent explaining one pool; past it the
	// set found so far is reported as not proven minimal.
	explainTime = 2 * time.Second
)

// verdict is the outcome of one feasibility test.
type verdict uint8

const (
	vFeasible verdict = iota
	vInfeasible
	vUnknown // the solve hit a limit, or the budget or the context ran out
)

// explainer re-solves one pool with rules relaxed.
type explainer struct {
	ctx    context.Context
	cancel context.CancelFunc
	pl     *pool
	set    Settings
	rules  []rule // pl.rules without duplicates, in order
	solves int
	budget int
	unsure bool // a rule was kept without proof that it is needed
}

func newExplainer(ctx context.Context, pl *pool, set *Settings) *explainer {
	ctx, cancel := context.WithTimeout(ctx, explainTime)
	e := &explainer{ctx: ctx, cancel: cancel, pl: pl, budget: maxExplainSolves}
	if set != nil {
		e.set = *set
	}
	e.set = e.set.orDefault()
	e.set.MaxStates = min(e.set.MaxStates, explainMaxStates)
	seen := map[rule]bool{}
	for _, r := range pl.rules {
		// Residence is never relaxed: it is what ties a village's titles
		// to its people, and a pool without it is one large search.
		if r.kind == ruleRequirement && r.req == model.ReqResident {
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
	if e.solves >= e.budget || e.ctx.Err() != nil {
		return dpResult{}, vUnknown
	}
	e.solves++
	r, err := solvePool(e.ctx, p, &e.set)
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
			if !slices.Contains(c.eligible, si) || !pl.combinesWith(held, si) {
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

// ---------------------------------------------------------------------------
// Infeasible pools: the smallest set of conflicting rules.

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

// families groups the pool's rules in the order the filter tries to drop
// them. A family tried early is left out of the explanation whenever
// another set of rules explains the conflict as well; the families whose
// relaxation makes the search large (more candidates eligible, recruits,
// unlimited hours or titles) come last, so most tests run with them still
// in force.
func (e *explainer) families() [][]rule {
	order := []ruleKind{ruleVillageFund, ruleCommuneFund, ruleVillageCap, ruleCommuneCap, ruleForbid, rulePin,
		ruleTerms, ruleCombination, ruleRequirement, ruleRecruitment, ruleWorkload, ruleMaxTitles}
	var out [][]rule
	for _, k := range order {
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
		if v == vUnknown && (e.solves >= e.budget || e.ctx.Err() != nil) {
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

// ---------------------------------------------------------------------------
// Rendering a conflict set.

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
		if r.kind == rulePin {
			add(v.pin(r))
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
		switch r.kind {
		case rulePinOutside:
			add(v.pinOutside(r))
		case ruleRequirement:
			add(v.requirement(r))
		case ruleForbid:
			add(v.forbid(r))
		case ruleTerms:
			var group []rule
			for _, x := range rs {
				if x.kind == ruleTerms && !covered[x] && v.core.slots[x.slot].unit == v.core.slots[r.slot].unit {
					group = append(group, x)
				}
			}
			add(v.terms(group))
		case ruleCommuneCap, ruleVillageCap:
			add(v.cap(r))
		case ruleCommuneFund, ruleVillageFund:
			add(v.fund(r))
		case ruleWorkload:
			add(v.workload(r))
		case ruleMaxTitles:
			add(v.maxTitles(r))
		case ruleCombination:
			add(v.combination(r))
		case ruleRecruitment:
			add(v.recruitment(r))
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

// kindRank orders the reasons of one unit: the rule that is broken first,
// then the facts that make it so.
var kindRank = map[string]int{
	"no_eligible": 0, "pin": 1, "forbid": 2, "workload": 3, "max_titles": 4, "combination": 5,
	"commune_cap": 6, "village_cap": 6, "commune_fund": 7, "village_fund": 7,
	"requirement": 8, "terms": 9, "recruitment": 10,
}

func (e *explainer) noPlan() Reason {
	c := e.pl.units[0]
	return Reason{Kind: "no_plan", Unit: c.Code,
		Vi: unitName(c) + ": không có phương án nào kể cả khi bỏ mọi quy định",
		En: unitName(c) + ": no plan exists even with every rule relaxed"}
}

func (e *explainer) notMinimal() Reason {
	c := e.pl.units[0]
	return Reason{Kind: "not_minimal", Unit: c.Code,
		Vi: fmt.Sprintf("%s: các quy định trên mâu thuẫn nhau, nhưng chưa chứng minh được đây là tập nhỏ nhất (dừng sau %d lần giải)", unitName(c), e.solves),
		En: fmt.Sprintf("%s: the rules above conflict, but the set is not proven smallest (the search stopped after %d solves)", unitName(c), e.solves)}
}

// sentence builds a reason about unit u.
func sentence(kind string, u *model.Unit, title string, people []string, vi, en string, rules ...rule) Reason {
	return Reason{Kind: kind, Unit: u.Code, Title: title, People: people, Vi: unitName(u) + ": " + vi, En: unitName(u) + ": " + en, rules: rules}
}

// noEligible explains slot si of the core pool when it has fewer eligible
// candidates than it needs holders.
func (v *view) noEligible(si int) (Reason, bool) {
	core := v.core
	sl := core.slots[si]
	eligible := 0
	for ci := range core.cands {
		if slices.Contains(core.cands[ci].eligible, si) {
			eligible++
		}
	}
	if eligible >= sl.need {
		return Reason{}, false
	}
	t, u := &core.titles[sl.title], core.units[sl.unit]
	residents := t.Requires.Resident
	var rules []rule
	var people []string
	var groups []factGroup
	for ci := range core.cands {
		c := &core.cands[ci]
		if c.person == nil {
			continue
		}
		unmet := core.unmetOf(ci, si)
		if residents && hasReq(unmet, model.ReqResident) {
			continue // lives elsewhere
		}
		people = append(people, c.person.ID)
		var key, vi, en string
		switch {
		case slices.Contains(c.eligible, si):
			key, vi, en = "eligible", "đủ điều kiện", "eligible"
		case v.set[holdingRule(ruleForbid, ci, si)]:
			rules = append(rules, holdingRule(ruleForbid, ci, si))
			key, vi, en = "forbidden", "bị loại theo yêu cầu", "forbidden by the planner"
		default:
			var qs []model.Requirement
			for _, q := range unmet {
				if q == model.ReqResident && residents {
					continue
				}
				qs = append(qs, q)
				r := requirementRule(q, sl.title)
				if !containsRule(rules, r) {
					rules = append(rules, r)
				}
			}
			key = fmt.Sprint(qs)
			vi, en = failPhrase(qs, t, u, "vi", false), failPhrase(qs, t, u, "en", false)
			groups = addFact(groups, key, vi, en, failPhrase(qs, t, u, "en", true))
			continue
		}
		groups = addFact(groups, key, vi, en, en)
	}
	who := whoWords{viOne: "người cư trú", enOne: "resident", enMany: "residents", viNone: "không có người cư trú nào", enNone: "no residents"}
	if !residents {
		who = whoWords{viOne: "ứng viên", enOne: "candidate", enMany: "candidates", viNone: "không có ứng viên nào", enNone: "no candidates"}
	}
	sumVi, sumEn := summarise(groups, len(people), who)
	var vi, en string
	if sl.need == 1 {
		vi = fmt.Sprintf("không có người đủ điều kiện giữ chức %s — %s", t.Name.In("vi"), sumVi)
		en = fmt.Sprintf("no eligible holder for %s — %s", titleEn(t), sumEn)
	} else {
		vi = fmt.Sprintf("chức %s cần %d người giữ, chỉ %d người đủ điều kiện — %s", t.Name.In("vi"), sl.need, eligible, sumVi)
		en = fmt.Sprintf("%s needs %d holders, %d eligible — %s", titleEn(t), sl.need, eligible, sumEn)
	}
	return sentence("no_eligible", u, t.ID, people, vi, en, rules...), true
}

func containsRule(rs []rule, r rule) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func hasReq(qs []model.Requirement, q model.Requirement) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// factGroup counts the people who share one fact.
type factGroup struct {
	key            string
	vi, en, enMany string
	n              int
}

func addFact(gs []factGroup, key, vi, en, enMany string) []factGroup {
	for i := range gs {
		if gs[i].key == key {
			gs[i].n++
			return gs
		}
	}
	return append(gs, factGroup{key: key, vi: vi, en: en, enMany: enMany, n: 1})
}

type whoWords struct{ viOne, enOne, enMany, viNone, enNone string }

// summarise writes "2 residents, both under 21" or "3 residents: 2 under
// 21, 1 not a Party member".
func summarise(gs []factGroup, n int, w whoWords) (vi, en string) {
	switch {
	case n == 0:
		return w.viNone, w.enNone
	case len(gs) == 1 && n == 1:
		return fmt.Sprintf("1 %s, %s", w.viOne, gs[0].vi), fmt.Sprintf("1 %s, %s", w.enOne, gs[0].en)
	case len(gs) == 1 && n == 2:
		return fmt.Sprintf("2 %s, cả 2 đều %s", w.viOne, gs[0].vi), fmt.Sprintf("2 %s, both %s", w.enMany, gs[0].enMany)
	case len(gs) == 1:
		return fmt.Sprintf("%d %s, cả %d đều %s", n, w.viOne, n, gs[0].vi), fmt.Sprintf("%d %s, all %s", n, w.enMany, gs[0].enMany)
	}
	var vs, es []string
	for _, g := range gs {
		vs = append(vs, fmt.Sprintf("%d người %s", g.n, g.vi))
		if g.n == 1 {
			es = append(es, "1 "+g.en)
		} else {
			es = append(es, fmt.Sprintf("%d %s", g.n, g.enMany))
		}
	}
	return fmt.Sprintf("%d %s: %s", n, w.viOne, strings.Join(vs, ", ")),
		fmt.Sprintf("%d %s: %s", n, w.enMany, strings.Join(es, ", "))
}

// failPhrase describes a group failing requirements qs of title t in unit u:
// "under 21 and not a Party member".
func failPhrase(qs []model.Requirement, t *model.Title, u *model.Unit, lang string, plural bool) string {
	var parts []string
	for _, q := range qs {
		parts = append(parts, failWord(q, t, u, lang, plural))
	}
	if lang == "vi" {
		return strings.Join(parts, " và ")
	}
	return strings.Join(parts, " and ")
}

func failWord(q model.Requirement, t *model.Title, u *model.Unit, lang string, plural bool) string {
	r := t.Requires
	vi := lang == "vi"
	switch q {
	case model.ReqPartyMember:
		switch {
		case vi:
			return "không phải đảng viên"
		case plural:
			return "not Party members"
		}
		return "not a Party member"
	case model.ReqEducation:
		if vi {
			return "có trình độ dưới " + eduName(r.MinEducation, "vi")
		}
		return "with less than " + eduName(r.MinEducation, "en") + " education"
	case model.ReqSex:
		if r.Sex == model.Female {
			if vi {
				return "là nam"
			}
			return "male"
		}
		if vi {
			return "là nữ"
		}
		return "female"
	case model.ReqMinAge:
		if vi {
			return fmt.Sprintf("dưới %d tuổi", r.MinAge)
		}
		return fmt.Sprintf("under %d", r.MinAge)
	case model.ReqMaxAge:
		if vi {
			return fmt.Sprintf("trên %d tuổi", r.MaxAge)
		}
		return fmt.Sprintf("over %d", r.MaxAge)
	case model.ReqResident:
		if vi {
			return "không cư trú tại " + unitName(u)
		}
		return "not living in " + unitName(u)
	}
	return q.String()
}

// needWord names what requirement q of title t asks for: "age 21 or over".
func needWord(q model.Requirement, t *model.Title, u *model.Unit, lang string) string {
	r := t.Requires
	vi := lang == "vi"
	switch q {
	case model.ReqPartyMember:
		if vi {
			return "là đảng viên"
		}
		return "Party membership"
	case model.ReqEducation:
		if vi {
			return "trình độ từ " + eduName(r.MinEducation, "vi") + " trở lên"
		}
		return eduName(r.MinEducation, "en") + " education or more"
	case model.ReqSex:
		if r.Sex == model.Female {
			if vi {
				return "là nữ"
			}
			return "a woman"
		}
		if vi {
			return "là nam"
		}
		return "a man"
	case model.ReqMinAge:
		if vi {
			return fmt.Sprintf("từ đủ %d tuổi", r.MinAge)
		}
		return fmt.Sprintf("age %d or over", r.MinAge)
	case model.ReqMaxAge:
		if vi {
			return fmt.Sprintf("không quá %d tuổi", r.MaxAge)
		}
		return fmt.Sprintf("age %d or under", r.MaxAge)
	case model.ReqResident:
		if vi {
			return "cư trú tại " + unitName(u)
		}
		return "living in " + unitName(u)
	}
	return q.String()
}

// personFacts says why person p fails requirements qs: "is 19 (under 21)".
func personFacts(p *model.Person, qs []model.Requirement, t *model.Title, u *model.Unit, d model.Date, lang string) string {
	vi := lang == "vi"
	var parts []string
	for _, q := range qs {
		age := p.AgeAt(d)
		var s string
		switch q {
		case model.ReqMinAge:
			if vi {
				s = fmt.Sprintf("mới %d tuổi (dưới %d tuổi)", age, t.Requires.MinAge)
			} else {
				s = fmt.Sprintf("is %d (under %d)", age, t.Requires.MinAge)
			}
		case model.ReqMaxAge:
			if vi {
				s = fmt.Sprintf("đã %d tuổi (trên %d tuổi)", age, t.Requires.MaxAge)
			} else {
				s = fmt.Sprintf("is %d (over %d)", age, t.Requires.MaxAge)
			}
		case model.ReqEducation:
			if vi {
				s = fmt.Sprintf("có trình độ %s (dưới %s)", eduName(p.Education, "vi"), eduName(t.Requires.MinEducation, "vi"))
			} else {
				s = fmt.Sprintf("has %s education (less than %s)", eduName(p.Education, "en"), eduName(t.Requires.MinEducation, "en"))
			}
		case model.ReqSex:
			switch {
			case vi && p.Sex == model.Female:
				s = "là nữ"
			case vi:
				s = "là nam"
			case p.Sex == model.Female:
				s = "is a woman"
			default:
				s = "is a man"
			}
		case model.ReqPartyMember:
			if vi {
				s = "không phải đảng viên"
			} else {
				s = "is not a Party member"
			}
		case model.ReqResident:
			if vi {
				s = "không cư trú tại " + unitName(u)
			} else {
				s = "does not live in " + unitName(u)
			}
		}
		parts = append(parts, s)
	}
	if vi {
		return strings.Join(parts, " và ")
	}
	return strings.Join(parts, " and ")
}

var eduNames = [...][2]string{
	model.EduNone:         {"không có bằng cấp", "no schooling"},
	model.EduPrimary:      {"tiểu học", "primary"},
	model.EduLowerSec:     {"trung học cơ sở", "lower-secondary"},
	model.EduUpperSec:     {"trung học phổ thông", "upper-secondary"},
	model.EduIntermediate: {"trung cấp", "intermediate"},
	model.EduCollege:      {"cao đẳng", "college"},
	model.EduUniversity:   {"đại học", "university"},
	model.EduPostgraduate: {"sau đại học", "postgraduate"},
}

func eduName(e model.Education, lang string) string {
	if int(e) >= len(eduNames) {
		return e.String()
	}
	if lang == "vi" {
		return eduNames[e][0]
	}
	return eduNames[e][1]
}

// pin explains a planner's pin in the conflict set, with the requirements
// the pinned person fails.
func (v *view) pin(r rule) Reason {
	c := &v.core.cands[r.cand]
	sl := v.core.slots[r.slot]
	t, u := &v.core.titles[sl.title], v.core.units[sl.unit]
	rules := []rule{r}
	var qs []model.Requirement
	for _, q := range v.core.unmetOf(r.cand, r.slot) {
		qr := requirementRule(q, sl.title)
		if v.set[qr] {
			qs = append(qs, q)
			rules = append(rules, qr)
		}
	}
	name := personName(c.person)
	vi := fmt.Sprintf("%s được ghim giữ chức %s", name, t.Name.In("vi"))
	en := fmt.Sprintf("%s is pinned to %s", name, titleEn(t))
	if len(qs) > 0 {
		vi += ", nhưng " + personFacts(c.person, qs, t, u, v.core.date, "vi")
		en += ", but " + personFacts(c.person, qs, t, u, v.core.date, "en")
	}
	return sentence("pin", u, t.ID, []string{c.person.ID}, vi, en, rules...)
}

// pinOutside explains a pin on someone who cannot serve in this commune.
func (v *view) pinOutside(r rule) Reason {
	pin := v.pl.build.prob.Pins[r.cand]
	sl := v.core.slots[r.slot]
	t, u := &v.core.titles[sl.title], v.core.units[sl.unit]
	vi, en := "không phục vụ ở xã này", "does not serve in this commune"
	name := pin.Person
	if p, ok := v.pl.build.ix.Person(pin.Person); ok {
		name = personName(p)
		d := v.pl.date
		if ret, err := v.pl.build.s.Policy.Retirement.At(d); err == nil {
			if rd := ret.RetirementDate(p.Birth, p.Sex); !rd.IsZero() && rd < d {
				vi = "đã nghỉ hưu từ " + fmtDate(rd, "vi")
				en = "retired on " + fmtDate(rd, "en")
			}
		}
	}
	return sentence("pin", u, t.ID, []string{pin.Person},
		fmt.Sprintf("%s được ghim giữ chức %s, nhưng %s", name, t.Name.In("vi"), vi),
		fmt.Sprintf("%s is pinned to %s, but %s", name, titleEn(t), en), r)
}

func (v *view) forbid(r rule) Reason {
	c := &v.core.cands[r.cand]
	sl := v.core.slots[r.slot]
	t, u := &v.core.titles[sl.title], v.core.units[sl.unit]
	name := personName(c.person)
	return sentence("forbid", u, t.ID, []string{c.person.ID},
		fmt.Sprintf("%s không được giữ chức %s (theo yêu cầu của người lập phương án)", name, t.Name.In("vi")),
		fmt.Sprintf("%s may not hold %s (forbidden by the planner)", name, titleEn(t)), r)
}

// terms explains elected holders of one unit who keep their titles until
// their terms end.
func (v *view) terms(rs []rule) Reason {
	core := v.core
	u := core.units[core.slots[rs[0].slot].unit]
	if len(rs) == 1 {
		r := rs[0]
		c := &core.cands[r.cand]
		t := &core.titles[core.slots[r.slot].title]
		end := termEnd(c.person, t.ID, u.Code)
		name := personName(c.person)
		return sentence("terms", u, t.ID, []string{c.person.ID},
			fmt.Sprintf("nhiệm kỳ %s của %s kéo dài đến %s", t.Name.In("vi"), name, fmtDate(end, "vi")),
			fmt.Sprintf("%s's term as %s runs to %s", name, titleEn(t), fmtDate(end, "en")), r)
	}
	// One clause per person: "A as X (to d) and Y (to e)".
	var people []string
	vis, ens := map[string][]string{}, map[string][]string{}
	for _, r := range rs {
		c := &core.cands[r.cand]
		t := &core.titles[core.slots[r.slot].title]
		end := termEnd(c.person, t.ID, u.Code)
		if !slices.Contains(people, c.person.ID) {
			people = append(people, c.person.ID)
		}
		vis[c.person.ID] = append(vis[c.person.ID], fmt.Sprintf("%s (đến %s)", t.Name.In("vi"), fmtDate(end, "vi")))
		ens[c.person.ID] = append(ens[c.person.ID], fmt.Sprintf("%s (to %s)", titleEn(t), fmtDate(end, "en")))
	}
	var vi, en []string
	for _, id := range people {
		var name string
		for _, r := range rs {
			if c := &core.cands[r.cand]; c.person.ID == id {
				name = personName(c.person)
			}
		}
		vi = append(vi, name+" giữ chức "+joinAnd(vis[id], "vi"))
		en = append(en, name+" as "+joinAnd(ens[id], "en"))
	}
	return sentence("terms", u, "", people,
		fmt.Sprintf("%d nhiệm kỳ chưa kết thúc — %s", len(rs), strings.Join(vi, "; ")),
		fmt.Sprintf("%d terms of office have not ended — %s", len(rs), strings.Join(en, "; ")), rs...)
}

func termEnd(p *model.Person, title, unit string) model.Date {
	for _, h := range p.Holdings {
		if h.Title == title && h.Unit == unit {
			return h.TermEnd
		}
	}
	return 0
}

// requirement explains an eligibility requirement that conflicts otherwise
// than by leaving a title without eligible candidates.
func (v *view) requirement(r rule) Reason {
	core := v.core
	t := &core.titles[r.title]
	type hit struct {
		si         int
		n, failing int
		people     []string
	}
	var hits []hit
	for si, sl := range core.slots {
		if sl.title != r.title {
			continue
		}
		h := hit{si: si}
		for ci := range core.cands {
			c := &core.cands[ci]
			if c.person == nil {
				continue
			}
			unmet := core.unmetOf(ci, si)
			if r.req != model.ReqResident && hasReq(unmet, model.ReqResident) {
				continue
			}
			h.n++
			if hasReq(unmet, r.req) {
				h.failing++
				h.people = append(h.people, c.person.ID)
			}
		}
		if h.failing > 0 {
			hits = append(hits, h)
		}
	}
	u := core.units[0]
	n, failing := 0, 0
	var people []string
	for _, h := range hits {
		n += h.n
		failing += h.failing
		people = append(people, h.people...)
	}
	if len(hits) == 1 {
		u = core.units[core.slots[hits[0].si].unit]
	}
	vi := fmt.Sprintf("chức %s yêu cầu %s (%d/%d người không đạt)", t.Name.In("vi"), needWord(r.req, t, u, "vi"), failing, n)
	en := fmt.Sprintf("%s requires %s (%d of %d people do not meet it)", titleEn(t), needWord(r.req, t, u, "en"), failing, n)
	return sentence("requirement", u, t.ID, people, vi, en, r)
}

func (v *view) recruitment(r rule) Reason {
	u := v.core.units[r.unit]
	rec := v.pl.build.pol.recruitment
	if !rec.Allowed || rec.MaxPerUnit <= 0 {
		return sentence("recruitment", u, "", nil, "không được tuyển thêm người", "recruitment is not allowed", r)
	}
	return sentence("recruitment", u, "", nil,
		fmt.Sprintf("chỉ được tuyển thêm tối đa %d người", rec.MaxPerUnit),
		fmt.Sprintf("at most %d %s", rec.MaxPerUnit, plural(rec.MaxPerUnit, "recruit", "recruits")), r)
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
	if r.kind == ruleVillageCap {
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
			if r.kind == ruleCommuneCap {
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
	kind := "commune_cap"
	if r.kind == ruleVillageCap {
		kind = "village_cap"
	}
	return sentence(kind, u, "", nil,
		fmt.Sprintf("cần ít nhất %d người giữ các chức danh, nhưng chỉ được tối đa %d người", need, limit),
		fmt.Sprintf("needs at least %d people for its titles, cap %d", need, limit), r)
}

// fund explains a commune or village allowance fund: the least monthly
// allowances the other rules need there.
func (v *view) fund(r rule) Reason {
	ui := r.unit
	u := v.core.units[ui]
	fund := v.core.communeFund
	if r.kind == ruleVillageFund {
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
				if r.kind == ruleCommuneFund {
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
	kind := "commune_fund"
	if r.kind == ruleVillageFund {
		kind = "village_fund"
	}
	return sentence(kind, u, "", nil,
		fmt.Sprintf("phụ cấp cần ít nhất %s mỗi tháng, quỹ chỉ có %s", fmtMoney(need, "vi"), fmtMoney(fund, "vi")),
		fmt.Sprintf("allowances of at least %s a month, fund %s", fmtMoney(need, "en"), fmtMoney(fund, "en")), r)
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

func (v *view) titleList(slots []int, lang string) string {
	var names []string
	for _, si := range slots {
		t := &v.core.titles[v.core.slots[si].title]
		if lang == "vi" {
			names = append(names, t.Name.In("vi"))
		} else {
			names = append(names, titleEn(t))
		}
	}
	return joinAnd(names, lang)
}

// joinAnd writes "a, b and c" (vi: "a, b và c").
func joinAnd(xs []string, lang string) string {
	and := " and "
	if lang == "vi" {
		and = " và "
	}
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + and + xs[len(xs)-1]
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
			return sentence("workload", u, "", []string{c.person.ID},
				fmt.Sprintf("%s phải giữ %s: %s mỗi tuần > %s", name, v.titleList(fx, "vi"), fmtHours(w, "vi"), fmtHours(c.capacity, "vi")),
				fmt.Sprintf("%s must keep %s: %s a week > %s", name, v.titleList(fx, "en"), fmtHours(w, "en"), fmtHours(c.capacity, "en")), r)
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
			return sentence("workload", u, t.ID, nil,
				fmt.Sprintf("chức %s cần %s mỗi tuần, nhiều hơn thời gian của bất kỳ người đủ điều kiện nào (nhiều nhất %s)", t.Name.In("vi"), fmtHours(sl.work, "vi"), fmtHours(most, "vi")),
				fmt.Sprintf("%s takes %s a week, more than any eligible candidate can give (at most %s)", titleEn(t), fmtHours(sl.work, "en"), fmtHours(most, "en")), r)
		}
	}
	u := core.units[0]
	if p, res, ok := v.without(r); ok {
		if ci, w, cp := overload(p, core, res.held, -1); ci >= 0 {
			var people []string
			if c := &p.cands[ci]; c.person != nil {
				people = []string{c.person.ID}
			}
			return sentence("workload", u, "", people,
				fmt.Sprintf("các chức danh vượt quá thời gian của những người có thể giữ: nếu bỏ giới hạn này, sẽ có người phải làm %s mỗi tuần > %s", fmtHours(w, "vi"), fmtHours(cp, "vi")),
				fmt.Sprintf("the titles do not fit in the hours of those who may hold them: without this limit someone would need %s a week > %s", fmtHours(w, "en"), fmtHours(cp, "en")), r)
		}
	}
	return sentence("workload", u, "", nil,
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
			return sentence("max_titles", u, "", []string{c.person.ID},
				fmt.Sprintf("%s phải giữ %d chức danh (%s), mỗi người tối đa %d", name, len(fx), v.titleList(fx, "vi"), m),
				fmt.Sprintf("%s must keep %d titles (%s), at most %d per person", name, len(fx), v.titleList(fx, "en"), m), r)
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
	return sentence("max_titles", u, "", nil, vi, en, r)
}

func (v *view) combination(r rule) Reason {
	core := v.core
	for ci := range core.cands {
		c := &core.cands[ci]
		fx := fixedSlots(core, ci)
		if c.person == nil {
			continue
		}
		if a, b, ok := badPair(core, fx); ok {
			u := core.units[core.slots[fx[0]].unit]
			name := personName(c.person)
			return sentence("combination", u, "", []string{c.person.ID},
				fmt.Sprintf("%s phải giữ cả %s và %s, hai chức danh không được kiêm nhiệm", name, v.titleList([]int{a}, "vi"), v.titleList([]int{b}, "vi")),
				fmt.Sprintf("%s must keep both %s and %s, which may not be held together", name, v.titleList([]int{a}, "en"), v.titleList([]int{b}, "en")), r)
		}
	}
	u := core.units[0]
	if p, res, ok := v.without(r); ok {
		for _, slots := range res.held {
			if a, b, ok := badPair(p, slots); ok {
				ta, tb := &p.titles[p.slots[a].title], &p.titles[p.slots[b].title]
				return sentence("combination", u, "", nil,
					fmt.Sprintf("%s và %s không được kiêm nhiệm (nếu bỏ quy định này, sẽ có người giữ cả hai)", ta.Name.In("vi"), tb.Name.In("vi")),
					fmt.Sprintf("%s and %s may not be held together (without this rule someone would hold both)", titleEn(ta), titleEn(tb)), r)
			}
		}
	}
	return sentence("combination", u, "", nil,
		"quy định về các chức danh được kiêm nhiệm", "the rules on which titles may be held together", r)
}

// badPair finds two slots the combination rule keeps apart.
func badPair(p *pool, slots []int) (a, b int, ok bool) {
	for i, x := range slots {
		for _, y := range slots[:i] {
			tx, ty := p.titles[p.slots[x].title].ID, p.titles[p.slots[y].title].ID
			if tx != ty && !p.combination.Allows(tx, ty) {
				return y, x, true
			}
		}
	}
	return 0, 0, false
}

// ---------------------------------------------------------------------------
// Feasible pools: what binds the headcount.

// bindingFamily is one family of rules relaxed together to see whether it
// keeps the headcount up.
type bindingFamily struct {
	kind ruleKind
	name string // Reason.Kind
}

var bindingFamilies = []bindingFamily{
	{ruleWorkload, "workload"},
	{ruleMaxTitles, "max_titles"},
	{ruleCombination, "combination"},
	{ruleCommuneCap, "commune_cap"},
	{ruleVillageCap, "village_cap"},
	{ruleCommuneFund, "commune_fund"},
	{ruleVillageFund, "village_fund"},
	{ruleTerms, "terms"},
	{ruleRequirement, "requirement"},
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
func familyApplies(pl *pool, k ruleKind) bool {
	switch k {
	case ruleCommuneCap:
		return pl.communeCap >= 0
	case ruleVillageCap:
		if pl.villageCap < 0 {
			return false
		}
		for ui := 1; ui < len(pl.units); ui++ {
			if unitSlotCopies(pl, ui) > pl.villageCap {
				return true
			}
		}
		return false
	case ruleCommuneFund:
		return pl.communeFund >= 0
	case ruleVillageFund:
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
	case ruleCommuneCap, ruleVillageCap:
		for ui, u := range pl.units {
			if (fam.kind == ruleCommuneCap) != (ui == 0) {
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
			out = append(out, sentence(fam.name, u, "", nil,
				fmt.Sprintf("giới hạn %d người buộc giữ tổng cộng %d người (nếu chỉ %d người, %s sẽ cần %d người)", limit, h0, h1, unitName(u), k),
				fmt.Sprintf("the cap of %d people keeps %d people in all (with %d, %s would need %d)", limit, h0, h1, unitName(u), k)))
		}
		return withRules(out, relaxed)
	case ruleCommuneFund, ruleVillageFund:
		spend := unitSpend(rp, res.held)
		for ui, u := range pl.units {
			if (fam.kind == ruleCommuneFund) != (ui == 0) {
				continue
			}
			fund := pl.communeFund
			if ui > 0 {
				fund = pl.villageFund[ui]
			}
			if fund < 0 || spend[ui] <= fund {
				continue
			}
			out = append(out, sentence(fam.name, u, "", nil,
				fmt.Sprintf("quỹ phụ cấp %s mỗi tháng buộc giữ tổng cộng %d người (nếu chỉ %d người, phụ cấp sẽ là %s mỗi tháng)", fmtMoney(fund, "vi"), h0, h1, fmtMoney(spend[ui], "vi")),
				fmt.Sprintf("the allowance fund of %s a month keeps %d people in all (with %d, allowances would be %s a month)", fmtMoney(fund, "en"), h0, h1, fmtMoney(spend[ui], "en"))))
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
		r := Reason{Kind: fam.name, Unit: u.Code, People: people, Vi: pre + ": " + vi, En: pre + ": " + en}
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
	case ruleWorkload:
		vi = fmt.Sprintf("khối lượng công việc buộc giữ %d người", n0)
		en = fmt.Sprintf("workload keeps %d people", n0)
		ci, w, cp := overload(rp, pl, res.held, ui)
		if ci < 0 {
			ci, w, cp = overload(rp, pl, res.held, -1)
		}
		if ci >= 0 {
			vi += fmt.Sprintf(" (nếu chỉ %d người, sẽ có người phải làm %s mỗi tuần > %s)", n1, fmtHours(w, "vi"), fmtHours(cp, "vi"))
			en += fmt.Sprintf(" (with %d, someone would need %s a week > %s)", n1, fmtHours(w, "en"), fmtHours(cp, "en"))
		}
	case ruleMaxTitles:
		most := 0
		for _, k := range holders(rp, res.held, ui) {
			most = max(most, len(res.held[k]))
		}
		vi = fmt.Sprintf("giới hạn %d chức danh mỗi người buộc giữ %d người (nếu chỉ %d người, sẽ có người giữ %d chức danh)", pl.maxTitles, n0, n1, most)
		en = fmt.Sprintf("the limit of %d %s per person keeps %d people (with %d, someone would hold %d)", pl.maxTitles, plural(pl.maxTitles, "title", "titles"), n0, n1, most)
	case ruleCombination:
		vi = fmt.Sprintf("quy định kiêm nhiệm buộc giữ %d người", n0)
		en = fmt.Sprintf("the combination rules keep %d people", n0)
		for _, k := range holders(rp, res.held, ui) {
			if a, b, ok := badPair(pl, res.held[k]); ok {
				ta, tb := &pl.titles[pl.slots[a].title], &pl.titles[pl.slots[b].title]
				vi += fmt.Sprintf(" (nếu chỉ %d người, sẽ có người giữ cả %s và %s)", n1, ta.Name.In("vi"), tb.Name.In("vi"))
				en += fmt.Sprintf(" (with %d, someone would hold both %s and %s)", n1, titleEn(ta), titleEn(tb))
				break
			}
		}
	case ruleTerms:
		// The earliest end among the terms the relaxed plan cuts short.
		var first model.Date
		for _, r := range pl.rules {
			if r.kind != ruleTerms || (ui >= 0 && pl.slots[r.slot].unit != ui) {
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
		vi = fmt.Sprintf("nhiệm kỳ chưa kết thúc buộc giữ %d người đến khi hết nhiệm kỳ (sớm nhất %s); sau đó chỉ cần %d người", n0, fmtDate(first, "vi"), n1)
		en = fmt.Sprintf("terms of office keep %d people until their terms end (earliest %s); %d after that", n0, fmtDate(first, "en"), n1)
	case ruleRequirement:
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
					vi += fmt.Sprintf(" (nếu chỉ %d người, %s sẽ giữ chức %s dù %s)", n1, name, t.Name.In("vi"), personFacts(c.person, qs, t, u, pl.date, "vi"))
					en += fmt.Sprintf(" (with %d, %s would hold %s but %s)", n1, name, titleEn(t), personFacts(c.person, qs, t, u, pl.date, "en"))
					people = []string{c.person.ID}
					return vi, en, people
				}
			}
		}
	}
	return vi, en, people
}

// ---------------------------------------------------------------------------
// Formatting.

func unitName(u *model.Unit) string {
	if u.Name != "" {
		return u.Name
	}
	return u.Code
}

func personName(p *model.Person) string {
	if p == nil {
		return "?"
	}
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

func titleEn(t *model.Title) string {
	if t.Name.En != "" {
		return t.Name.En
	}
	if t.Name.Vi != "" {
		return t.Name.Vi
	}
	return t.ID
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

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

// ---------------------------------------------------------------------------
// What-if: the difference between two plans.

// PlanDiff is what changes from one plan to another: the titles whose
// holders differ, the people who come in and the people who are released.
type PlanDiff struct {
	Changes  []HolderChange // by unit, then title
	Added    []string       // hold a title in the second plan and none in the first, sorted
	Released []string       // hold a title in the first plan and none in the second, sorted
}

// HolderChange is one title of one unit whose holders differ between two
// plans.
type HolderChange struct {
	Unit, Title   string
	Before, After []string // person IDs, sorted; empty when the title is vacant
}

// Empty reports whether the two plans give every title the same holders.
func (d PlanDiff) Empty() bool {
	return len(d.Changes) == 0 && len(d.Added) == 0 && len(d.Released) == 0
}

// Diff compares plan a with plan b: which titles change hands, who is added
// and who is released. Whether a title is someone's main or concurrent one
// is not compared.
func Diff(a, b model.Plan) PlanDiff {
	type key struct{ unit, title string }
	holdersOf := func(p model.Plan) (map[key][]string, map[string]bool) {
		m := map[key][]string{}
		people := map[string]bool{}
		for _, as := range p.Assignments {
			k := key{as.Unit, as.Title}
			if !slices.Contains(m[k], as.Person) {
				m[k] = append(m[k], as.Person)
			}
			people[as.Person] = true
		}
		for k := range m {
			sort.Strings(m[k])
		}
		return m, people
	}
	ha, pa := holdersOf(a)
	hb, pb := holdersOf(b)
	keys := map[key]bool{}
	for k := range ha {
		keys[k] = true
	}
	for k := range hb {
		keys[k] = true
	}
	var d PlanDiff
	for k := range keys {
		if !slices.Equal(ha[k], hb[k]) {
			d.Changes = append(d.Changes, HolderChange{Unit: k.unit, Title: k.title, Before: ha[k], After: hb[k]})
		}
	}
	sort.Slice(d.Changes, func(i, j int) bool {
		if d.Changes[i].Unit != d.Changes[j].Unit {
			return d.Changes[i].Unit < d.Changes[j].Unit
		}
		return d.Changes[i].Title < d.Changes[j].Title
	})
	for p := range pb {
		if !pa[p] {
			d.Added = append(d.Added, p)
		}
	}
	for p := range pa {
		if !pb[p] {
			d.Released = append(d.Released, p)
		}
	}
	sort.Strings(d.Added)
	sort.Strings(d.Released)
	return d
}

// Text renders the diff in language lang ("vi" or "en"): a summary line,
// one line per title that changes hands ("unit title: before → after"),
// then the people added and released.
func (d PlanDiff) Text(lang string) string {
	vi := lang != "en"
	if d.Empty() {
		if vi {
			return "Không có thay đổi.\n"
		}
		return "No changes.\n"
	}
	var b strings.Builder
	n, add, rel := len(d.Changes), len(d.Added), len(d.Released)
	if vi {
		fmt.Fprintf(&b, "%d chức danh đổi người giữ; thêm %d người; %d người thôi giữ chức danh\n", n, add, rel)
	} else {
		fmt.Fprintf(&b, "%d %s %s hands; %d %s added; %d released\n", n, plural(n, "title", "titles"), plural(n, "changes", "change"),
			add, plural(add, "person", "people"), rel)
	}
	list := func(ids []string) string {
		if len(ids) == 0 {
			if vi {
				return "(trống)"
			}
			return "(vacant)"
		}
		return strings.Join(ids, ", ")
	}
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "%s %s: %s → %s\n", c.Unit, c.Title, list(c.Before), list(c.After))
	}
	if add > 0 {
		if vi {
			fmt.Fprintf(&b, "thêm: %s\n", strings.Join(d.Added, ", "))
		} else {
			fmt.Fprintf(&b, "added: %s\n", strings.Join(d.Added, ", "))
		}
	}
	if rel > 0 {
		if vi {
			fmt.Fprintf(&b, "thôi giữ chức danh: %s\n", strings.Join(d.Released, ", "))
		} else {
			fmt.Fprintf(&b, "released: %s\n", strings.Join(d.Released, ", "))
		}
	}
	return b.String()
}
