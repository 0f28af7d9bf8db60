package check

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// Violation is one rule a plan breaks.
//
// Rule is one of: coverage, duplicate, candidate, eligibility, terms, pin,
// forbid, max_titles, combination, workload, commune_cap, village_cap,
// commune_fund, village_fund (see [optimize.Rule]; JSON and String show
// these keys). Unit, Title and Person locate the violation where the rule
// is about one of them (empty otherwise).
type Violation struct {
	Rule   optimize.Rule
	Unit   string
	Title  string
	Person string
	Msg    string
	MsgVi  string // Msg in Vietnamese; "" when it has none
}

// String formats v as "rule [unit U, title T, person P]: message".
func (v Violation) String() string {
	var where []string
	if v.Unit != "" {
		where = append(where, "unit "+v.Unit)
	}
	if v.Title != "" {
		where = append(where, "title "+v.Title)
	}
	if v.Person != "" {
		where = append(where, "person "+v.Person)
	}
	s := v.Rule.String()
	if len(where) > 0 {
		s += " [" + strings.Join(where, ", ") + "]"
	}
	if v.Msg != "" {
		s += ": " + v.Msg
	}
	return s
}

// Check re-verifies every rule on plan, on the scenario's date (plan.Date is
// not used), and returns the violations found, nil when the plan is valid.
//
// The rules:
//   - coverage: every (unit, title) slot has exactly the holders it needs,
//     and nobody is assigned a (unit, title) that is not a slot;
//   - duplicate: a person holds a slot at most once and never two titles
//     with the same ID;
//   - candidate: a person holds only titles of their home commune (that of
//     their main holding, else of their residence) and is not retired; a
//     recruit "NEW-<unit>-<k>" (k = 1..MaxPerUnit, when recruitment is
//     allowed) holds only titles of its unit and of that unit's commune; any
//     other ID is unknown;
//   - eligibility: the title's requirements are met, except on a term-bound
//     holding;
//   - terms: when terms bind, a candidate keeps each elected title whose
//     term ends after the date;
//   - pin, forbid: the problem's pins are held, its forbids are not;
//   - max_titles, combination, workload: per person (combination: the
//     listed pairs, and policy.levels between a commune title and a
//     village title, read from the titles' levels; and a recruit's
//     titles must ask for a sex and age one person can have together,
//     below the retirement age of that sex when a title stops there);
//     a title's weekly
//     hours in a unit are shared equally by the holders it needs there
//     ([model.Title.WorkloadPerHolder]);
//   - commune_cap, village_cap: distinct people per commune (its own
//     titles) and per village; a village cap of 0 or less means no cap;
//   - commune_fund, village_fund: when funds bind, each unit's monthly
//     allowance spending (main title at 100 %, the others at the concurrency
//     rate) is within its fund.
//
// The policy is read by [model.Policy.At]: an optional value not in force
// on the date takes its documented default (no retirement, no recruits,
// terms and funds do not bind, no village cap, any pair combines); a
// required one leaves the rules that need it unchecked (max_titles without
// the most titles per person, the funds without the base salary or the
// concurrency rate), as does a cap or fund that cannot be determined for a
// unit.
func Check(p *optimize.Problem, plan model.Plan) []Violation {
	c, _ := newChecker(p)
	return c.check(plan)
}

// check runs every rule.
func (c *checker) check(plan model.Plan) []Violation {
	pc := &planCheck{checker: c, holders: map[string]checkHolder{}, seen: map[string]map[checkSlot]bool{}}
	pc.assignments(plan)
	pc.people, pc.held = c.holdings(plan)
	pc.titlesTwice()
	pc.coverage()
	pc.perPerson()
	pc.recruits()
	pc.terms()
	pc.pinsHeld()
	pc.caps()
	pc.funds()
	return pc.out
}

// planCheck is one run of the checker over a plan: the violations found so
// far and what the rules share.
type planCheck struct {
	*checker
	out     []Violation
	holders map[string]checkHolder        // by person ID, resolved strictly
	seen    map[string]map[checkSlot]bool // the slots each person is assigned
	people  []string                      // in order of first assignment
	held    map[string][]checkSlot        // each person's distinct slots
}

func (c *planCheck) add(rule optimize.Rule, unit, title, person, format string, args ...any) {
	c.out = append(c.out, Violation{Rule: rule, Unit: unit, Title: title, Person: person, Msg: fmt.Sprintf(format, model.EnglishArgs(args)...), MsgVi: breachesVi.Vi(format, args...)})
}

func (c *planCheck) holderOf(id string) checkHolder {
	h, ok := c.holders[id]
	if !ok {
		h = c.holder(id, true)
		c.holders[id] = h
	}
	return h
}

// assignments checks each assignment: duplicates, slots, candidates, eligibility and forbids.
func (c *planCheck) assignments(plan model.Plan) {
	for _, a := range plan.Assignments {
		k := checkSlot{a.Unit, a.Title}
		if c.seen[a.Person] == nil {
			c.seen[a.Person] = map[checkSlot]bool{}
		}
		if c.seen[a.Person][k] {
			c.add(optimize.RuleDuplicate, a.Unit, a.Title, a.Person, "assigned the same title in the same unit twice")
			continue
		}
		c.seen[a.Person][k] = true
		u, okU := c.ix.Unit(a.Unit)
		t, okT := c.ix.Title(a.Title)
		switch {
		case !okU:
			c.add(optimize.RuleCoverage, a.Unit, a.Title, a.Person, "no unit %q", a.Unit)
		case !okT:
			c.add(optimize.RuleCoverage, a.Unit, a.Title, a.Person, "no title %q", a.Title)
		case c.need[k] == 0:
			c.add(optimize.RuleCoverage, a.Unit, a.Title, a.Person, "title %s is not held in unit %s", a.Title, a.Unit)
		}
		if c.forbids[optimize.Pin{Person: a.Person, Title: a.Title, Unit: a.Unit}] {
			c.add(optimize.RuleForbid, a.Unit, a.Title, a.Person, "forbidden by the planner")
		}
		h := c.holderOf(a.Person)
		switch h.kind {
		case holderUnknown:
			c.add(optimize.RuleCandidate, a.Unit, a.Title, a.Person, "unknown person (neither in the scenario nor an allowed recruit)")
		case holderRecruit:
			if a.Unit != h.unit.Code && a.Unit != c.communeOf(h.unit.Code) {
				c.add(optimize.RuleCandidate, a.Unit, a.Title, a.Person, "a recruit for %s may hold only titles of %s and of its commune", h.unit.Code, h.unit.Code)
			}
		case holderPerson:
			switch cu := c.communeOf(a.Unit); {
			case h.home == "":
				c.add(optimize.RuleCandidate, a.Unit, a.Title, a.Person, "lives and holds titles outside the scenario's communes")
			case cu != h.home:
				c.add(optimize.RuleCandidate, a.Unit, a.Title, a.Person, "home commune is %s, not %s", h.home, cu)
			}
			if okU && okT {
				// Retirement is a requirement of the titles that stop at
				// the age (Requirements.PastRetirement false), as the
				// solver has it.
				unmet := t.Requires.AppendUnmetRetired(nil, h.person, h.person.AgeAt(c.date), !h.retired.IsZero(), u, c.ix.InCommune)
				if len(unmet) > 0 && !c.termBound(h, k) {
					names := make([]string, len(unmet))
					for i, q := range unmet {
						names[i] = q.String()
					}
					c.add(optimize.RuleEligibility, a.Unit, a.Title, a.Person, "requirements not met: %s", strings.Join(names, ", "))
				}
			}
		}
	}
}

// titlesTwice reports a title ID a person holds in two units.
func (c *planCheck) titlesTwice() {
	for _, id := range c.people {
		unitOf := map[string]string{}
		for _, k := range c.held[id] {
			if prev, dup := unitOf[k.title]; dup {
				c.add(optimize.RuleDuplicate, k.unit, k.title, id, "already holds title %s in %s", k.title, prev)
				continue
			}
			unitOf[k.title] = k.unit
		}
	}
}

// coverage reports the slots without exactly the holders they need.
func (c *planCheck) coverage() {
	count := map[checkSlot]int{}
	for _, id := range c.people {
		for _, k := range c.held[id] {
			count[k]++
		}
	}
	for _, k := range c.slots {
		if n := count[k]; n != c.need[k] {
			c.add(optimize.RuleCoverage, k.unit, k.title, "", "needs %d holder(s), has %d", c.need[k], n)
		}
	}
}

// pair checks that person id may hold slots x and y together: the
// combination rule's pairs, then the level rule (policy.levels) read from
// the two titles' levels.
func (c *planCheck) pair(id string, x, y checkSlot) {
	a, b := x.title, y.title
	if a == b {
		return
	}
	if !c.pol.Combination.Allows(a, b) {
		c.add(optimize.RuleCombination, y.unit, b, id, "may not hold %s together with %s", b, a)
		return
	}
	ia, okA := c.titlePos[a]
	ib, okB := c.titlePos[b]
	if !okA || !okB {
		return // not a slot's title: coverage reports it
	}
	ta, tb := &c.s.Titles[ia], &c.s.Titles[ib]
	if !c.pol.Levels.Allows(ta, tb) {
		c.add(optimize.RuleCombination, y.unit, b, id, "may not hold %s title %s together with %s title %s: %s (policy.levels)",
			tb.Level, b, ta.Level, a, c.pol.Levels.Text())
	}
}

// perPerson checks each holder's titles, combinations and workload.
func (c *planCheck) perPerson() {
	for _, id := range c.people {
		keys := c.held[id]
		if c.maxOK && len(keys) > c.pol.MaxTitles {
			c.add(optimize.RuleMaxTitles, "", "", id, "holds %d titles, at most %d allowed", len(keys), c.pol.MaxTitles)
		}
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				c.pair(id, keys[i], keys[j])
			}
		}
		h := c.holderOf(id)
		var capacity model.Hours
		switch h.kind {
		case holderPerson:
			capacity = h.person.Capacity
		case holderRecruit:
			capacity = optimize.RecruitCapacity
		default:
			continue
		}
		var work model.Hours
		for _, k := range keys {
			u, okU := c.ix.Unit(k.unit)
			t, okT := c.ix.Title(k.title)
			if okU && okT {
				work += t.WorkloadPerHolder(u, c.ix.Villages(u.Code))
			}
		}
		if work > capacity+1e-9 {
			c.add(optimize.RuleWorkload, "", "", id, "%.4g h a week > capacity %.4g h", float64(work), float64(capacity))
		}
	}
}

// terms reports the term-bound holdings a candidate does not keep.
func (c *planCheck) terms() {
	if !c.pol.TermsBind {
		return
	}
	for i := range c.s.People {
		pe := &c.s.People[i]
		h := c.holderOf(pe.ID)
		if !h.isCandidate() {
			continue
		}
		has := map[checkSlot]bool{}
		for _, k := range c.held[pe.ID] {
			has[k] = true
		}
		for _, hd := range pe.Holdings {
			k := checkSlot{hd.Unit, hd.Title}
			if c.termBound(h, k) && !has[k] {
				c.add(optimize.RuleTerms, k.unit, k.title, pe.ID, "elected until %s, must keep the title", hd.TermEnd)
				has[k] = true // report a repeated holding once
			}
		}
	}
}

// pinsHeld reports the pins the plan does not honour.
func (c *planCheck) pinsHeld() {
	for _, pin := range c.p.Pins {
		if !c.seen[pin.Person][checkSlot{pin.Unit, pin.Title}] {
			c.add(optimize.RulePin, pin.Unit, pin.Title, pin.Person, "pinned to the title but not given it")
		}
	}
}

// caps reports the communes and villages over their cap.
func (c *planCheck) caps() {
	perUnit := map[string]map[string]bool{}
	for _, id := range c.people {
		for _, k := range c.held[id] {
			if _, ok := c.ix.Title(k.title); !ok {
				continue
			}
			if perUnit[k.unit] == nil {
				perUnit[k.unit] = map[string]bool{}
			}
			perUnit[k.unit][id] = true
		}
	}
	for i := range c.s.Units {
		u := &c.s.Units[i]
		n := len(perUnit[u.Code])
		switch u.Level {
		case model.Commune:
			if limit, err := c.s.Policy.CommuneCapFor(u, c.date); err == nil && n > limit {
				c.add(optimize.RuleCommuneCap, u.Code, "", "", "%d people hold the commune's titles, cap %d", n, limit)
			}
		case model.Village:
			if c.pol.VillageCap > 0 && n > c.pol.VillageCap {
				c.add(optimize.RuleVillageCap, u.Code, "", "", "%d people hold the village's titles, cap %d", n, c.pol.VillageCap)
			}
		}
	}
}

// funds reports the units whose allowances exceed their fund.
func (c *planCheck) funds() {
	if !(c.pol.FundBinds && c.baseOK && c.rateOK) {
		return
	}
	spend := map[string]model.Money{}
	for _, id := range c.people {
		h := c.holderOf(id)
		if h.kind == holderUnknown {
			continue
		}
		for _, up := range c.pay(h, c.held[id]) {
			spend[up.slot.unit] += up.money
		}
	}
	for i := range c.s.Units {
		u := &c.s.Units[i]
		switch u.Level {
		case model.Commune:
			if fund, err := c.s.Policy.CommuneFundFor(u, c.date); err == nil && spend[u.Code] > fund {
				c.add(optimize.RuleCommuneFund, u.Code, "", "", "allowances %s đồng a month > fund %s", spend[u.Code], fund)
			}
		case model.Village:
			if fund, err := c.s.Policy.VillageFundFor(u, c.date); err == nil && spend[u.Code] > fund {
				c.add(optimize.RuleVillageFund, u.Code, "", "", "allowances %s đồng a month > fund %s", spend[u.Code], fund)
			}
		}
	}
}
