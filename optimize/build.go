package optimize

import (
	"fmt"
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// RecruitCapacity is the weekly hours a new recruit is assumed to give;
// a recruit is assumed to meet every requirement of the titles of the unit
// they are recruited for, as long as one person can meet them together
// (recruitrule.go).
const RecruitCapacity model.Hours = 40

// slot is one title in one unit with the number of holders it needs.
type slot struct {
	unit  int // index in pool.units; 0 is the commune
	title int // index in pool.titles
	need  int
	work  model.Hours // per holder
}

// cand is a person who may hold titles of the pool, or a recruit.
type cand struct {
	person   *model.Person // nil for a recruit
	recruit  int           // unit index a recruit is for; -1 for a person
	capacity model.Hours
	group    int           // unit index of the village the candidate lives in; 0: the commune
	eligible []int         // slot indexes, sorted
	fixed    []int         // slot indexes the candidate must keep (terms, pins), sorted
	current  []int         // slot indexes held today, sorted
	pay      []model.Money // monthly allowance per eligible slot, parallel to eligible
	oneOff   model.Money   // one-off cost of using the candidate (recruits)
	// retired: the person reached the retirement age before the plan
	// date, so holds only titles that do not stop there (ReqRetirement).
	retired bool
	// severance is the one-off cost of releasing a current holder (one
	// with current slots) under a net-cost goal; 0 otherwise.
	severance model.Money
}

// pool is one independent piece of the problem: a commune, its villages,
// and everyone who may hold their titles.
type pool struct {
	date   model.Date
	units  []*model.Unit // [0] is the commune, then its villages
	titles []model.Title
	slots  []slot
	cands  []cand
	// Policy values in force on the plan date.
	maxTitles   int
	combination pairRule
	rate        float64 // concurrency allowance rate
	communeCap  int     // <0: not binding
	villageCap  int     // <0: not binding
	communeFund model.Money
	villageFund []model.Money // per unit; [0] unused
	fundBinds   bool
	baseSalary  model.Money
	goal        model.ObjectiveRule // what the cost level counts, and the order
	relaxed     map[rule]bool
	// rules lists the rule instances present, for explanations.
	rules      []rule
	fixedCount []int // per slot: candidates fixed on it (computed on first use)
	impossible []Pin // pins no candidate of the pool can honour
	// build and people rebuild the pool with other rules relaxed.
	build  *builder
	people []*model.Person
	// recruits says which titles one recruit may hold together
	// (recruitrule.go); relaxed with the combination rules.
	recruits recruitRule
}

// relax returns the pool built again with the given rules relaxed (on top
// of none: relaxations do not accumulate).
func (pl *pool) relax(relaxed map[rule]bool) *pool {
	return pl.build.pool(pl.units[0], pl.people, relaxed)
}

// builder turns a problem into pools.
type builder struct {
	prob  *Problem
	s     *model.Scenario
	ix    *model.Index
	pol   model.PolicyAt
	goal  model.ObjectiveRule
	sev   *model.SeveranceEstimate // net-cost goals only
	pins  map[Pin]bool
	forbs map[Pin]bool
	// recruits is the recruit rule on the date (recruitrule.go).
	recruits recruitRule
}

// poolSpec is what a pool is built from: a commune and the people who may
// serve there. Solve builds each pool only when a worker takes it up, so a
// whole country never has every pool in memory at once.
type poolSpec struct {
	commune *model.Unit
	people  []*model.Person
}

// buildPools splits the problem into pools, one per commune with titles to
// fill or people to place.
func buildPools(prob *Problem, set *Settings) ([]*pool, error) {
	b, specs, err := planPools(prob, set)
	if err != nil {
		return nil, err
	}
	var pools []*pool
	for _, sp := range specs {
		if pl := b.pool(sp.commune, sp.people, nil); len(pl.slots) > 0 || len(pl.cands) > 0 {
			pools = append(pools, pl)
		}
	}
	return pools, nil
}

// planPools checks the problem and lists the pools to build; set (nil:
// defaults) may override the scenario's objective.
func planPools(prob *Problem, set *Settings) (*builder, []poolSpec, error) {
	if prob == nil || prob.Scenario == nil {
		return nil, nil, ErrNoScenario
	}
	s := prob.Scenario
	if len(s.Units) == 0 {
		return nil, nil, ErrNoData
	}
	ix, err := model.NewIndex(s)
	if err != nil {
		return nil, nil, fmt.Errorf("optimize: %w", err)
	}
	pol, err := s.Policy.At(s.Date)
	if err != nil {
		return nil, nil, fmt.Errorf("optimize: %w", err)
	}
	if pol.MaxTitles < 1 {
		// The scenario format refuses it; a Problem built in code may not.
		return nil, nil, fmt.Errorf("optimize: %s on %s is %d; expected at least 1", model.PolicyMaxTitles, s.Date, pol.MaxTitles)
	}
	b := &builder{prob: prob, s: s, ix: ix, pol: pol, goal: goalOf(pol, set), pins: map[Pin]bool{}, forbs: map[Pin]bool{},
		recruits: newRecruitRule(s.Titles, pol.Retirement, s.Date)}
	if b.goal.NetCost() {
		b.sev = model.NewSeveranceEstimate(&s.Policy, s.Date, ix)
	}
	for _, p := range prob.Pins {
		if err := b.checkPin("pin", p); err != nil {
			return nil, nil, err
		}
		b.pins[p] = true
	}
	for _, p := range prob.Forbids {
		if err := b.checkPin("forbid", p); err != nil {
			return nil, nil, err
		}
		b.forbs[p] = true
	}
	// People by the commune they may serve in: that of their main holding,
	// or else of their residence.
	byCommune := map[string][]*model.Person{}
	for i := range s.People {
		p := &s.People[i]
		c := b.homeCommune(p)
		if c == "" {
			continue // lives outside the scenario's units and holds nothing here
		}
		byCommune[c] = append(byCommune[c], p)
	}
	var specs []poolSpec
	for i := range s.Units {
		if u := &s.Units[i]; u.Level == model.Commune {
			specs = append(specs, poolSpec{commune: u, people: byCommune[u.Code]})
		}
	}
	return b, specs, nil
}

func (b *builder) checkPin(what string, p Pin) error {
	if _, ok := b.ix.Person(p.Person); !ok {
		return fmt.Errorf("optimize: %s %s: no person %q", what, p, p.Person)
	}
	t, ok := b.ix.Title(p.Title)
	if !ok {
		return fmt.Errorf("optimize: %s %s: no title %q", what, p, p.Title)
	}
	u, ok := b.ix.Unit(p.Unit)
	if !ok {
		return fmt.Errorf("optimize: %s %s: no unit %q", what, p, p.Unit)
	}
	if !t.AppliesTo(u) {
		return fmt.Errorf("optimize: %s %s: title %s does not exist in %s", what, p, p.Title, p.Unit)
	}
	return nil
}

func (b *builder) homeCommune(p *model.Person) string { return b.ix.HomeCommune(p) }

// pool builds the pool of commune c with the given people, relaxing the
// rules in relaxed (nil: none).
func (b *builder) pool(c *model.Unit, people []*model.Person, relaxed map[rule]bool) *pool {
	s, d := b.s, b.s.Date
	pl := &pool{date: d, titles: s.Titles, relaxed: relaxed, baseSalary: b.pol.BaseSalary, goal: b.goal, build: b, people: people,
		maxTitles: b.pol.MaxTitles, combination: newPairRule(b.pol, s.Titles), recruits: b.recruits,
		rate: b.pol.ConcurrencyRate, fundBinds: b.pol.FundBinds}
	unitIdx := b.addUnits(pl, c)
	if relaxed[anyRule(RuleMaxTitles)] {
		pl.maxTitles = 1 << 30
	}
	if relaxed[anyRule(RuleCombination)] {
		pl.combination = pairRule{}
		pl.recruits = recruitRule{}
	}
	slotIdx := pl.addSlots()
	b.setLimits(pl, c)

	// Candidates: people, then recruits.
	sort.Slice(people, func(i, j int) bool { return people[i].ID < people[j].ID })
	retirement := b.pol.Retirement
	// Pins and forbids are rare: without them the loop over slots below
	// skips building and hashing a Pin per person and slot.
	pinning := len(b.pins) > 0 || len(b.forbs) > 0
	var unmet []model.Requirement // Unmet's result, reused across slots
	anyRetired := false
	for _, p := range people {
		// Someone retired before the plan date stays a candidate for the
		// titles that do not stop at the retirement age (elected
		// mass-organisation and village posts); the others count the age
		// as an unmet requirement (ReqRetirement).
		retired := retirement.RetiredBefore(p.Birth, p.Sex, d)
		anyRetired = anyRetired || retired
		var cd cand
		cd, unmet = b.candidate(pl, p, retired, unitIdx, slotIdx, pinning, unmet)
		pl.cands = append(pl.cands, cd)
	}
	b.addRecruits(pl)
	b.pinsOutside(pl, unitIdx, slotIdx)
	b.collectRules(pl)
	if anyRetired {
		collectRetirementRules(pl)
	}
	return pl
}

// addUnits lists commune c and its villages, the commune first, as pl's
// units, and returns their indexes by code.
func (b *builder) addUnits(pl *pool, c *model.Unit) map[string]int {
	pl.units = append(pl.units, c)
	unitIdx := map[string]int{c.Code: 0}
	var walk func(code string)
	walk = func(code string) {
		for _, ch := range b.ix.Children(code) {
			if ch.Level == model.Village {
				unitIdx[ch.Code] = len(pl.units)
				pl.units = append(pl.units, ch)
			}
			walk(ch.Code)
		}
	}
	walk(c.Code)
	return unitIdx
}

// addSlots lists pl's slots, in unit order then title order, and returns
// their indexes by unit and title index.
func (pl *pool) addSlots() map[[2]int]int {
	slotIdx := map[[2]int]int{}
	villages := len(pl.units) - 1 // the commune's villages follow it
	for ui, u := range pl.units {
		for ti := range pl.titles {
			t := &pl.titles[ti]
			if !t.AppliesTo(u) {
				continue
			}
			n := t.Holders.For(u)
			if n <= 0 {
				continue
			}
			slotIdx[[2]int{ui, ti}] = len(pl.slots)
			pl.slots = append(pl.slots, slot{unit: ui, title: ti, need: n, work: t.WorkloadPerHolder(u, villages)})
		}
	}
	return slotIdx
}

// setLimits sets pl's caps and funds (-1: none binds) on the plan date,
// but for those relaxed.
func (b *builder) setLimits(pl *pool, c *model.Unit) {
	s, d, relaxed := b.s, b.s.Date, pl.relaxed
	pl.communeCap = -1
	if !relaxed[unitRule(RuleCommuneCap, 0)] {
		if cap, err := s.Policy.CommuneCapFor(c, d); err == nil && b.communeSlotCount(pl) > cap {
			pl.communeCap = cap
		}
	}
	pl.villageCap = -1
	if b.pol.VillageCap > 0 {
		pl.villageCap = b.pol.VillageCap
	}
	pl.villageFund = make([]model.Money, len(pl.units))
	if b.pol.FundBinds {
		if f, err := s.Policy.CommuneFundFor(c, d); err == nil {
			pl.communeFund = f
		} else {
			pl.communeFund = -1
		}
		for ui := 1; ui < len(pl.units); ui++ {
			if f, err := s.Policy.VillageFundFor(pl.units[ui], d); err == nil {
				pl.villageFund[ui] = f
			} else {
				pl.villageFund[ui] = -1
			}
		}
	} else {
		pl.communeFund = -1
		for ui := range pl.villageFund {
			pl.villageFund[ui] = -1
		}
	}
	if relaxed[unitRule(RuleCommuneFund, 0)] {
		pl.communeFund = -1
	}
	for ui := 1; ui < len(pl.units); ui++ {
		if relaxed[unitRule(RuleVillageFund, ui)] {
			pl.villageFund[ui] = -1
		}
	}
}

// candidate makes person p, not retired, a candidate of pl: what they hold
// today, must keep, may hold and would be paid. unmet is scratch space,
// returned for reuse.
func (b *builder) candidate(pl *pool, p *model.Person, retired bool, unitIdx map[string]int, slotIdx map[[2]int]int, pinning bool, unmet []model.Requirement) (cand, []model.Requirement) {
	d, relaxed := pl.date, pl.relaxed
	ci := len(pl.cands)
	cd := cand{person: p, recruit: -1, capacity: p.Capacity, retired: retired}
	age := p.AgeAt(d)
	var forbidden map[int]bool
	if relaxed[anyRule(RuleWorkload)] {
		cd.capacity = 1e9
	}
	if gi, ok := unitIdx[p.Residence]; ok {
		cd.group = gi
	}
	b.holdings(pl, &cd, p, ci, unitIdx, slotIdx)
	if b.sev != nil && len(cd.current) > 0 {
		cd.severance = b.sev.Amount(p)
	}
	for si := range pl.slots {
		sl := &pl.slots[si]
		u, t := pl.units[sl.unit], &pl.titles[sl.title]
		// A pin fixes the title; a forbid, or unmet requirements, then
		// leave it ineligible, and a fixed but ineligible title makes the
		// pool infeasible (the conflict an explanation names).
		if pinning {
			pin := Pin{Person: p.ID, Title: t.ID, Unit: u.Code}
			if b.pins[pin] {
				r := holdingRule(RulePin, ci, si)
				pl.rules = append(pl.rules, r)
				if !relaxed[r] && !slices.Contains(cd.fixed, si) {
					cd.fixed = append(cd.fixed, si)
				}
			}
			if b.forbs[pin] {
				r := holdingRule(RuleForbid, ci, si)
				pl.rules = append(pl.rules, r)
				if !relaxed[r] {
					if forbidden == nil {
						forbidden = map[int]bool{}
					}
					forbidden[si] = true
					continue
				}
			}
		}
		unmet = t.Requires.AppendUnmetRetired(unmet[:0], p, age, retired, u, b.ix.InCommune)
		if pl.anyKept(unmet, sl.title) {
			// Ineligible (unmetOf says why). A pin on the slot stays
			// fixed and makes the pool infeasible; a term-bound holding
			// is added back below.
			continue
		}
		cd.eligible = append(cd.eligible, si)
		cd.pay = append(cd.pay, t.AllowanceFor(p.Education).Of(b.pol.BaseSalary))
	}
	// A term-bound holder keeps the title whatever the requirements say
	// (but not against a planner's forbid).
	for _, si := range cd.fixed {
		if !slices.Contains(cd.eligible, si) && isTermFixed(pl, ci, si) && !forbidden[si] {
			cd.eligible = insertSorted(cd.eligible, si)
			cd.pay = nil // rebuilt below
		}
	}
	if cd.pay == nil {
		for _, si := range cd.eligible {
			t := &pl.titles[pl.slots[si].title]
			cd.pay = append(cd.pay, t.AllowanceFor(p.Education).Of(b.pol.BaseSalary))
		}
	}
	sort.Ints(cd.fixed)
	sort.Ints(cd.current)
	return cd, unmet
}

// holdings records p's holdings among pl's slots in cd: all as current,
// the unexpired elected ones as fixed while terms bind.
func (b *builder) holdings(pl *pool, cd *cand, p *model.Person, ci int, unitIdx map[string]int, slotIdx map[[2]int]int) {
	d, relaxed := pl.date, pl.relaxed
	for _, h := range p.Holdings {
		ui, ok := unitIdx[h.Unit]
		if !ok {
			continue
		}
		ti := titleIndex(pl.titles, h.Title)
		si, ok := slotIdx[[2]int{ui, ti}]
		if !ok || (cd.retired && pl.titles[ti].Requires.StopsAtRetirement()) {
			continue // a retiree's post that stops at the age is gone already
		}
		cd.current = append(cd.current, si)
		if b.pol.TermsBind && pl.titles[ti].Term.Kind == model.Elected && h.TermEnd > d {
			r := holdingRule(RuleTerms, ci, si)
			pl.rules = append(pl.rules, r)
			if !relaxed[r] {
				cd.fixed = append(cd.fixed, si)
			}
		}
	}
}

// anyKept reports whether any of the unmet requirements of title ti is
// not relaxed.
func (pl *pool) anyKept(unmet []model.Requirement, ti int) bool {
	if pl.relaxed == nil {
		return len(unmet) > 0
	}
	for _, q := range unmet {
		if !pl.relaxed[requirementRule(q, ti)] {
			return true
		}
	}
	return false
}

// unmetOf returns the requirements, not relaxed, that keep candidate ci
// off slot si; nil for a recruit, an eligible slot or a forbidden one. Only
// explanations ask, so the pool works it out on demand rather than keep it
// for every person and slot.
func (pl *pool) unmetOf(ci, si int) []model.Requirement {
	p := pl.cands[ci].person
	if p == nil {
		return nil
	}
	sl := &pl.slots[si]
	u, t := pl.units[sl.unit], &pl.titles[sl.title]
	if b := pl.build; len(b.forbs) > 0 && b.forbs[Pin{Person: p.ID, Title: t.ID, Unit: u.Code}] &&
		!pl.relaxed[holdingRule(RuleForbid, ci, si)] {
		return nil
	}
	var kept []model.Requirement
	for _, q := range t.Requires.AppendUnmetRetired(nil, p, p.AgeAt(pl.date), pl.cands[ci].retired, u, pl.build.ix.InCommune) {
		if !pl.relaxed[requirementRule(q, sl.title)] {
			kept = append(kept, q)
		}
	}
	return kept
}

// pinsOutside records pins on this pool's titles whose person is not one of
// its candidates (retired, or serving another commune): no plan can honour
// them, so unless relaxed they make the pool infeasible.
func (b *builder) pinsOutside(pl *pool, unitIdx map[string]int, slotIdx map[[2]int]int) {
	if len(b.prob.Pins) == 0 {
		return
	}
	isCand := map[string]bool{}
	for _, c := range pl.cands {
		if c.person != nil {
			isCand[c.person.ID] = true
		}
	}
	for pi, pin := range b.prob.Pins {
		ui, ok := unitIdx[pin.Unit]
		if !ok || isCand[pin.Person] {
			continue
		}
		si, ok := slotIdx[[2]int{ui, titleIndex(pl.titles, pin.Title)}]
		if !ok {
			continue
		}
		r := holdingRule(RulePinOutside, pi, si)
		pl.rules = append(pl.rules, r)
		if !pl.relaxed[r] {
			pl.impossible = append(pl.impossible, pin)
		}
	}
}

// addRecruits adds the recruits the policy allows: up to MaxPerUnit per unit,
// each eligible for every title of their unit and, living in the commune,
// for its commune titles, but for a title whose requirements no one person
// can meet (pl.recruits; which titles one recruit may hold together is
// checked where bundles are made).
func (b *builder) addRecruits(pl *pool) {
	rec := b.pol.Recruitment
	var pay []model.Money // per slot, what a recruit is paid: priced once, not per recruit
	for ui := range pl.units {
		r := unitRule(RuleRecruitment, ui)
		n := 0
		if rec.Allowed {
			n = rec.MaxPerUnit
		}
		if pl.relaxed[r] {
			n = max(n, unitSlotCopies(pl, ui))
		}
		for range n {
			cd := cand{recruit: ui, capacity: RecruitCapacity, group: ui, oneOff: rec.Cost}
			if pl.relaxed[anyRule(RuleWorkload)] {
				cd.capacity = 1e9
			}
			if pay == nil {
				pay = make([]model.Money, len(pl.slots))
				for si, sl := range pl.slots {
					pay[si] = pl.titles[sl.title].Allowance.Of(b.pol.BaseSalary)
				}
			}
			for si := range pl.slots {
				if sl := &pl.slots[si]; (sl.unit == ui || sl.unit == 0) && pl.recruits.alone(sl.title) {
					cd.eligible = append(cd.eligible, si)
					cd.pay = append(cd.pay, pay[si])
				}
			}
			pl.cands = append(pl.cands, cd)
		}
	}
}

// collectRules records the pool-wide rules that could be relaxed, for the
// deletion filter of explanations.
func (b *builder) collectRules(pl *pool) {
	// Every rule below is added once: kinds, units and (title,
	// requirement) pairs differ.
	add := func(r rule) { pl.rules = append(pl.rules, r) }
	add(anyRule(RuleMaxTitles))
	if pl.combination.binds() || pl.recruits.binds() {
		add(anyRule(RuleCombination))
	}
	add(anyRule(RuleWorkload))
	add(unitRule(RuleCommuneCap, 0))
	add(unitRule(RuleCommuneFund, 0))
	for ui := range pl.units {
		if ui > 0 {
			add(unitRule(RuleVillageCap, ui))
			add(unitRule(RuleVillageFund, ui))
		}
		add(unitRule(RuleRecruitment, ui))
	}
	done := make([]bool, len(pl.titles)) // a title's rules are the same in every unit
	for _, sl := range pl.slots {
		if done[sl.title] {
			continue
		}
		done[sl.title] = true
		t := &pl.titles[sl.title]
		for _, q := range requirementKinds(t.Requires) {
			add(requirementRule(q, sl.title))
		}
	}
}

// requirementKinds lists the requirements a title actually imposes.
func requirementKinds(r model.Requirements) []model.Requirement {
	var out []model.Requirement
	if r.PartyMember {
		out = append(out, model.ReqPartyMember)
	}
	if r.MinEducation > model.EduNone {
		out = append(out, model.ReqEducation)
	}
	if r.Sex != model.SexAny {
		out = append(out, model.ReqSex)
	}
	if r.MinAge > 0 {
		out = append(out, model.ReqMinAge)
	}
	if r.MaxAge > 0 {
		out = append(out, model.ReqMaxAge)
	}
	if r.Resident {
		out = append(out, model.ReqResident)
	}
	return append(out, attrRequirementKinds(r)...)
}

func (b *builder) communeSlotCount(pl *pool) int {
	return unitSlotCopies(pl, 0)
}

func unitSlotCopies(pl *pool, ui int) int {
	n := 0
	for _, sl := range pl.slots {
		if sl.unit == ui {
			n += sl.need
		}
	}
	return n
}

func isTermFixed(pl *pool, ci, si int) bool {
	r := holdingRule(RuleTerms, ci, si)
	for _, x := range pl.rules {
		if x == r {
			return !pl.relaxed[r]
		}
	}
	return false
}

func titleIndex(titles []model.Title, id string) int {
	for i := range titles {
		if titles[i].ID == id {
			return i
		}
	}
	return -1
}

func insertSorted(xs []int, x int) []int {
	i := sort.SearchInts(xs, x)
	xs = append(xs, 0)
	copy(xs[i+1:], xs[i:])
	xs[i] = x
	return xs
}
