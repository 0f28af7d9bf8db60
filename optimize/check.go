package optimize

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The checker is a second implementation of the rules, written from their
// statement and the model package alone: it shares no code with the pool
// builder, the bundles or the programmes, so a bug in one is caught by the
// other. It is deliberately plain — maps and loops over the plan — and must
// never panic, whatever the scenario or plan.

// Violation is one rule a plan breaks.
//
// Rule is one of: coverage, duplicate, candidate, eligibility, terms, pin,
// forbid, max_titles, combination, workload, commune_cap, village_cap,
// commune_fund, village_fund. Unit, Title and Person locate the violation
// where the rule is about one of them (empty otherwise).
type Violation struct {
	Rule   string
	Unit   string
	Title  string
	Person string
	Msg    string
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
	s := v.Rule
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
//   - max_titles, combination, workload: per person; a title's weekly
//     hours in a unit are shared equally by the holders it needs there
//     ([model.Title.WorkloadPerHolder]);
//   - commune_cap, village_cap: distinct people per commune (its own
//     titles) and per village; a village cap of 0 or less means no cap;
//   - commune_fund, village_fund: when funds bind, each unit's monthly
//     allowance spending (main title at 100 %, the others at the concurrency
//     rate) is within its fund.
//
// A policy value that is not in force on the date, or a cap or fund that
// cannot be determined for a unit, leaves its rule unchecked: a retirement
// schedule retires nobody, recruitment allows no recruits, terms and funds
// do not bind.
func Check(p *Problem, plan model.Plan) []Violation {
	c, _ := newChecker(p)
	return c.check(plan)
}

// Evaluate returns the objective of plan, computed independently of the
// solver: headcount (distinct people, recruits included), annual cost
// (12 × each person's monthly allowance, main title at 100 % and the others
// at the concurrency rate, plus the recruitment cost of each recruit), and
// disruption (for each candidate who is not retired, their current holdings
// of slots in their home commune that the plan does not give them, plus one
// if they held any such slot and hold nothing in the plan).
//
// Evaluate does not check the rules (see [Check]); it fails when the plan
// cannot be priced: no scenario, no base salary or concurrency rate on the
// date, or an unknown person, title or unit. A repeated assignment is
// counted once.
func Evaluate(p *Problem, plan model.Plan) (Objective, error) {
	c, err := newChecker(p)
	if err != nil {
		return Objective{}, err
	}
	var obj Objective
	if !c.baseOK {
		return obj, fmt.Errorf("optimize: evaluate: no base salary on %s", c.date)
	}
	if !c.rateOK {
		return obj, fmt.Errorf("optimize: evaluate: no concurrency rate on %s", c.date)
	}
	people, held := c.holdings(plan)
	for _, id := range people {
		h := c.holder(id, false)
		if h.kind == holderUnknown {
			return Objective{}, fmt.Errorf("optimize: evaluate: unknown person %q", id)
		}
		for _, k := range held[id] {
			if _, ok := c.ix.Unit(k.unit); !ok {
				return Objective{}, fmt.Errorf("optimize: evaluate: %s holds title %q in unknown unit %q", id, k.title, k.unit)
			}
			if _, ok := c.ix.Title(k.title); !ok {
				return Objective{}, fmt.Errorf("optimize: evaluate: %s holds unknown title %q", id, k.title)
			}
		}
		if len(held[id]) == 0 {
			continue
		}
		obj.Headcount++
		var monthly model.Money
		for _, pay := range c.pay(h, held[id]) {
			monthly += pay.money
		}
		obj.Cost += 12 * monthly
		if h.kind == holderRecruit {
			obj.Cost += c.rec.Cost
		}
	}
	for i := range c.s.People {
		pe := &c.s.People[i]
		h := c.holder(pe.ID, false)
		if !h.isCandidate() {
			continue
		}
		current := c.currentSlots(pe, h.home)
		kept := map[checkSlot]bool{}
		for _, k := range held[pe.ID] {
			kept[k] = true
		}
		for _, k := range current {
			if !kept[k] {
				obj.Disruption++
			}
		}
		if len(current) > 0 && len(held[pe.ID]) == 0 {
			obj.Disruption++
		}
	}
	return obj, nil
}

// checkSlot is a (unit, title) pair.
type checkSlot struct{ unit, title string }

type holderKind uint8

const (
	holderUnknown holderKind = iota
	holderPerson
	holderRecruit
)

// checkHolder is what the checker knows about a person ID of a plan.
type checkHolder struct {
	id      string
	kind    holderKind
	person  *model.Person // holderPerson
	unit    *model.Unit   // holderRecruit: the unit the recruit is for
	home    string        // holderPerson: home commune code, "" for none
	retired model.Date    // holderPerson: retirement date when retired on the plan date
}

// isCandidate reports whether h is a person who may hold titles of their
// home commune on the date.
func (h checkHolder) isCandidate() bool {
	return h.kind == holderPerson && h.home != "" && h.retired.IsZero()
}

// checker holds the scenario's lookups and the policy values in force on
// the date.
type checker struct {
	p        *Problem
	s        *model.Scenario
	ix       *model.Index
	date     model.Date
	slots    []checkSlot       // scenario order: units, then titles
	need     map[checkSlot]int // holders needed per slot
	unitPos  map[string]int
	titlePos map[string]int
	pins     map[Pin]bool
	forbids  map[Pin]bool

	retirement model.RetirementSchedule
	rec        model.RecruitmentRule
	termsBind  bool
	fundBinds  bool
	base       model.Money
	baseOK     bool
	rate       float64
	rateOK     bool
	maxTitles  int
	maxOK      bool
	comb       model.CombinationRule
	combOK     bool
	villageCap int // <= 0: none
}

// newChecker indexes the problem. A nil problem or scenario gives a checker
// over an empty scenario and ErrNoScenario; duplicate IDs in the scenario
// keep their first definition.
func newChecker(p *Problem) (*checker, error) {
	var err error
	if p == nil {
		p = &Problem{}
	}
	s := p.Scenario
	if s == nil {
		s, err = &model.Scenario{}, ErrNoScenario
	}
	ix, ierr := model.NewIndex(s)
	if ierr != nil {
		s = dedupScenario(s)
		ix, _ = model.NewIndex(s)
	}
	c := &checker{p: p, s: s, ix: ix, date: s.Date, need: map[checkSlot]int{},
		unitPos: map[string]int{}, titlePos: map[string]int{}, pins: map[Pin]bool{}, forbids: map[Pin]bool{}}
	for i, u := range s.Units {
		c.unitPos[u.Code] = i
	}
	for i, t := range s.Titles {
		c.titlePos[t.ID] = i
	}
	for _, sl := range s.Slots() {
		k := checkSlot{sl.Unit, sl.Title}
		c.slots = append(c.slots, k)
		c.need[k] = sl.Holders
	}
	for _, pin := range p.Pins {
		c.pins[pin] = true
	}
	for _, f := range p.Forbids {
		c.forbids[f] = true
	}
	pol, d := &s.Policy, s.Date
	c.retirement, _ = pol.Retirement.At(d)
	c.rec, _ = pol.Recruitment.At(d)
	c.termsBind, _ = pol.TermsBind.At(d)
	c.fundBinds, _ = pol.FundBinds.At(d)
	var e error
	c.base, e = pol.BaseSalary.At(d)
	c.baseOK = e == nil
	c.rate, e = pol.ConcurrencyRate.At(d)
	c.rateOK = e == nil
	c.maxTitles, e = pol.MaxTitlesPerPerson.At(d)
	c.maxOK = e == nil
	c.comb, e = pol.Combination.At(d)
	c.combOK = e == nil
	c.villageCap, _ = pol.VillageCap.At(d)
	return c, err
}

// dedupScenario returns a shallow copy of s keeping the first title, unit
// and person of each ID.
func dedupScenario(s *model.Scenario) *model.Scenario {
	out := *s
	out.Titles, out.Units, out.People = nil, nil, nil
	seen := map[string]bool{}
	for _, t := range s.Titles {
		if !seen[t.ID] {
			seen[t.ID] = true
			out.Titles = append(out.Titles, t)
		}
	}
	seen = map[string]bool{}
	for _, u := range s.Units {
		if !seen[u.Code] {
			seen[u.Code] = true
			out.Units = append(out.Units, u)
		}
	}
	seen = map[string]bool{}
	for _, pe := range s.People {
		if !seen[pe.ID] {
			seen[pe.ID] = true
			out.People = append(out.People, pe)
		}
	}
	return &out
}

// communeOf returns the code of the commune containing unit code, or "".
func (c *checker) communeOf(code string) string {
	if u, ok := c.ix.CommuneOf(code); ok {
		return u.Code
	}
	return ""
}

// holder resolves a person ID. With strict, a recruit ID is known only
// when the recruitment rule allows it; without, any "NEW-<unit>-<k>" with
// an existing unit and k ≥ 1 is a recruit (for pricing a plan).
func (c *checker) holder(id string, strict bool) checkHolder {
	h := checkHolder{id: id}
	if pe, ok := c.ix.Person(id); ok {
		h.kind, h.person = holderPerson, pe
		if mh, ok := pe.MainHolding(); ok {
			h.home = c.communeOf(mh.Unit)
		}
		if h.home == "" {
			h.home = c.communeOf(pe.Residence)
		}
		if r := c.retirement.RetirementDate(pe.Birth, pe.Sex); !r.IsZero() && r < c.date {
			h.retired = r
		}
		return h
	}
	code, k, ok := parseRecruitID(id)
	if !ok || k < 1 {
		return h
	}
	u, ok := c.ix.Unit(code)
	if !ok || c.communeOf(code) == "" {
		return h
	}
	if strict && (!c.rec.Allowed || k > c.rec.MaxPerUnit) {
		return h
	}
	h.kind, h.unit = holderRecruit, u
	return h
}

// parseRecruitID splits "NEW-<unit>-<k>"; k must be written canonically so
// that one recruit has one ID.
func parseRecruitID(id string) (unit string, k int, ok bool) {
	rest, found := strings.CutPrefix(id, "NEW-")
	if !found {
		return "", 0, false
	}
	i := strings.LastIndexByte(rest, '-')
	if i <= 0 {
		return "", 0, false
	}
	k, err := strconv.Atoi(rest[i+1:])
	if err != nil || strconv.Itoa(k) != rest[i+1:] {
		return "", 0, false
	}
	return rest[:i], k, true
}

// homeSlot reports whether k is a slot of commune home or of one of its
// villages.
func (c *checker) homeSlot(k checkSlot, home string) bool {
	return home != "" && c.need[k] > 0 && c.communeOf(k.unit) == home
}

// currentSlots lists the slots of pe's home commune that pe holds today,
// in holding order.
func (c *checker) currentSlots(pe *model.Person, home string) []checkSlot {
	var out []checkSlot
	for _, h := range pe.Holdings {
		if k := (checkSlot{h.Unit, h.Title}); c.homeSlot(k, home) {
			out = append(out, k)
		}
	}
	return out
}

// termBound reports whether h must keep slot k: terms bind, h is a
// candidate, and holds k today as an elected title whose term ends after
// the date.
func (c *checker) termBound(h checkHolder, k checkSlot) bool {
	if !c.termsBind || !h.isCandidate() || !c.homeSlot(k, h.home) {
		return false
	}
	t, ok := c.ix.Title(k.title)
	if !ok || t.Term.Kind != model.Elected {
		return false
	}
	for _, hd := range h.person.Holdings {
		if hd.Unit == k.unit && hd.Title == k.title && hd.TermEnd > c.date {
			return true
		}
	}
	return false
}

// holdings groups the plan by person: people in order of first appearance
// and each one's distinct slots in plan order.
func (c *checker) holdings(plan model.Plan) ([]string, map[string][]checkSlot) {
	var people []string
	held := map[string][]checkSlot{}
	seen := map[string]map[checkSlot]bool{}
	for _, a := range plan.Assignments {
		k := checkSlot{a.Unit, a.Title}
		if seen[a.Person] == nil {
			seen[a.Person] = map[checkSlot]bool{}
			people = append(people, a.Person)
		}
		if seen[a.Person][k] {
			continue
		}
		seen[a.Person][k] = true
		held[a.Person] = append(held[a.Person], k)
	}
	return people, held
}

// unitPay is the monthly allowance one held title pays, by unit.
type unitPay struct {
	slot  checkSlot
	money model.Money
}

// pay prices h's titles (those with a known unit and title): the best paid
// is the main title at 100 %, ties going to the title whose unit comes
// first (communes before villages, then scenario order) and then to the
// title listed first; every other title is paid at the concurrency rate.
func (c *checker) pay(h checkHolder, keys []checkSlot) []unitPay {
	var out []unitPay
	for _, k := range keys {
		t, okT := c.ix.Title(k.title)
		_, okU := c.ix.Unit(k.unit)
		if !okT || !okU {
			continue
		}
		coef := t.Allowance
		if h.kind == holderPerson {
			coef = t.AllowanceFor(h.person.Education)
		}
		out = append(out, unitPay{k, coef.Of(c.base)})
	}
	main := -1
	for i := range out {
		if main < 0 || out[i].money > out[main].money ||
			(out[i].money == out[main].money && c.before(out[i].slot, out[main].slot)) {
			main = i
		}
	}
	for i := range out {
		if i != main {
			out[i].money = out[i].money.Scale(c.rate)
		}
	}
	return out
}

// before orders slots for the main-title tie-break: the commune before the
// villages, units in scenario order, then titles in scenario order.
func (c *checker) before(a, b checkSlot) bool {
	ra, rb := c.unitRank(a.unit), c.unitRank(b.unit)
	if ra != rb {
		return ra < rb
	}
	return c.titlePos[a.title] < c.titlePos[b.title]
}

func (c *checker) unitRank(code string) int {
	u, ok := c.ix.Unit(code)
	if !ok {
		return 1 << 30
	}
	r := c.unitPos[code]
	if u.Level != model.Commune {
		r += len(c.s.Units)
	}
	return r
}

// check runs every rule.
func (c *checker) check(plan model.Plan) []Violation {
	var out []Violation
	add := func(rule, unit, title, person, format string, args ...any) {
		out = append(out, Violation{Rule: rule, Unit: unit, Title: title, Person: person, Msg: fmt.Sprintf(format, args...)})
	}
	holders := map[string]checkHolder{}
	holderOf := func(id string) checkHolder {
		h, ok := holders[id]
		if !ok {
			h = c.holder(id, true)
			holders[id] = h
		}
		return h
	}

	// Per assignment: duplicates, slots, candidates, eligibility, forbids.
	seen := map[string]map[checkSlot]bool{}
	for _, a := range plan.Assignments {
		k := checkSlot{a.Unit, a.Title}
		if seen[a.Person] == nil {
			seen[a.Person] = map[checkSlot]bool{}
		}
		if seen[a.Person][k] {
			add("duplicate", a.Unit, a.Title, a.Person, "assigned the same title in the same unit twice")
			continue
		}
		seen[a.Person][k] = true
		u, okU := c.ix.Unit(a.Unit)
		t, okT := c.ix.Title(a.Title)
		switch {
		case !okU:
			add("coverage", a.Unit, a.Title, a.Person, "no unit %q", a.Unit)
		case !okT:
			add("coverage", a.Unit, a.Title, a.Person, "no title %q", a.Title)
		case c.need[k] == 0:
			add("coverage", a.Unit, a.Title, a.Person, "title %s is not held in unit %s", a.Title, a.Unit)
		}
		if c.forbids[Pin{Person: a.Person, Title: a.Title, Unit: a.Unit}] {
			add("forbid", a.Unit, a.Title, a.Person, "forbidden by the planner")
		}
		h := holderOf(a.Person)
		switch h.kind {
		case holderUnknown:
			add("candidate", a.Unit, a.Title, a.Person, "unknown person (neither in the scenario nor an allowed recruit)")
		case holderRecruit:
			if a.Unit != h.unit.Code && a.Unit != c.communeOf(h.unit.Code) {
				add("candidate", a.Unit, a.Title, a.Person, "a recruit for %s may hold only titles of %s and of its commune", h.unit.Code, h.unit.Code)
			}
		case holderPerson:
			switch cu := c.communeOf(a.Unit); {
			case h.home == "":
				add("candidate", a.Unit, a.Title, a.Person, "lives and holds titles outside the scenario's communes")
			case cu != h.home:
				add("candidate", a.Unit, a.Title, a.Person, "home commune is %s, not %s", h.home, cu)
			}
			if !h.retired.IsZero() {
				add("candidate", a.Unit, a.Title, a.Person, "retired on %s", h.retired)
			}
			if okU && okT {
				if unmet := t.Requires.Unmet(h.person, u, c.date, c.ix.InCommune); len(unmet) > 0 && !c.termBound(h, k) {
					names := make([]string, len(unmet))
					for i, q := range unmet {
						names[i] = q.String()
					}
					add("eligibility", a.Unit, a.Title, a.Person, "requirements not met: %s", strings.Join(names, ", "))
				}
			}
		}
	}

	people, held := c.holdings(plan)

	// A title ID held twice (in two units).
	for _, id := range people {
		unitOf := map[string]string{}
		for _, k := range held[id] {
			if prev, dup := unitOf[k.title]; dup {
				add("duplicate", k.unit, k.title, id, "already holds title %s in %s", k.title, prev)
				continue
			}
			unitOf[k.title] = k.unit
		}
	}

	// Coverage.
	count := map[checkSlot]int{}
	for _, id := range people {
		for _, k := range held[id] {
			count[k]++
		}
	}
	for _, k := range c.slots {
		if n := count[k]; n != c.need[k] {
			add("coverage", k.unit, k.title, "", "needs %d holder(s), has %d", c.need[k], n)
		}
	}

	// Per person: titles, combinations, workload.
	for _, id := range people {
		keys := held[id]
		if c.maxOK && len(keys) > c.maxTitles {
			add("max_titles", "", "", id, "holds %d titles, at most %d allowed", len(keys), c.maxTitles)
		}
		if c.combOK {
			for i := range keys {
				for j := i + 1; j < len(keys); j++ {
					a, b := keys[i].title, keys[j].title
					if a != b && !c.comb.Allows(a, b) {
						add("combination", keys[j].unit, b, id, "may not hold %s together with %s", b, a)
					}
				}
			}
		}
		h := holderOf(id)
		var capacity model.Hours
		switch h.kind {
		case holderPerson:
			capacity = h.person.Capacity
		case holderRecruit:
			capacity = RecruitCapacity
		default:
			continue
		}
		var work model.Hours
		for _, k := range keys {
			u, okU := c.ix.Unit(k.unit)
			t, okT := c.ix.Title(k.title)
			if okU && okT {
				work += t.WorkloadPerHolder(u)
			}
		}
		if work > capacity+1e-9 {
			add("workload", "", "", id, "%.4g h a week > capacity %.4g h", float64(work), float64(capacity))
		}
	}

	// Terms.
	if c.termsBind {
		for i := range c.s.People {
			pe := &c.s.People[i]
			h := holderOf(pe.ID)
			if !h.isCandidate() {
				continue
			}
			has := map[checkSlot]bool{}
			for _, k := range held[pe.ID] {
				has[k] = true
			}
			for _, hd := range pe.Holdings {
				k := checkSlot{hd.Unit, hd.Title}
				if c.termBound(h, k) && !has[k] {
					add("terms", k.unit, k.title, pe.ID, "elected until %s, must keep the title", hd.TermEnd)
					has[k] = true // report a repeated holding once
				}
			}
		}
	}

	// Pins.
	for _, pin := range c.p.Pins {
		if !seen[pin.Person][checkSlot{pin.Unit, pin.Title}] {
			add("pin", pin.Unit, pin.Title, pin.Person, "pinned to the title but not given it")
		}
	}

	// Caps.
	perUnit := map[string]map[string]bool{}
	for _, id := range people {
		for _, k := range held[id] {
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
				add("commune_cap", u.Code, "", "", "%d people hold the commune's titles, cap %d", n, limit)
			}
		case model.Village:
			if c.villageCap > 0 && n > c.villageCap {
				add("village_cap", u.Code, "", "", "%d people hold the village's titles, cap %d", n, c.villageCap)
			}
		}
	}

	// Funds.
	if c.fundBinds && c.baseOK && c.rateOK {
		spend := map[string]model.Money{}
		for _, id := range people {
			h := holderOf(id)
			if h.kind == holderUnknown {
				continue
			}
			for _, up := range c.pay(h, held[id]) {
				spend[up.slot.unit] += up.money
			}
		}
		for i := range c.s.Units {
			u := &c.s.Units[i]
			switch u.Level {
			case model.Commune:
				if fund, err := c.s.Policy.CommuneFundFor(u, c.date); err == nil && spend[u.Code] > fund {
					add("commune_fund", u.Code, "", "", "allowances %s đồng a month > fund %s", spend[u.Code], fund)
				}
			case model.Village:
				if fund, err := c.s.Policy.VillageFundFor(u, c.date); err == nil && spend[u.Code] > fund {
					add("village_fund", u.Code, "", "", "allowances %s đồng a month > fund %s", spend[u.Code], fund)
				}
			}
		}
	}
	return out
}
