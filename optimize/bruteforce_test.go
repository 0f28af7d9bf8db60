package optimize

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestBruteForce compares Solve with an exhaustive search on tiny random
// instances: every assignment of holders to the slots is enumerated, the
// plans Check accepts are kept, and the best by Evaluate is the optimum.
// Nothing of the solver is used but its answer: the enumeration prunes only
// with rules that adding titles can never repair (per assignment: who may
// hold the title; per person: titles, combinations, hours; per unit:
// distinct people), each written here from the model.
func TestBruteForce(t *testing.T) {
	instances := uint64(500)
	if testing.Short() {
		instances = 150
	}
	stats := map[string]int{}
	for seed := uint64(1); seed <= instances; seed++ {
		bf := bfCompare(t, fmt.Sprintf("seed %d", seed), bfGenerate(seed))
		stats["plans checked"] += bf.leaves
		if bf.feasible {
			stats["feasible"]++
			if bf.weighted != bf.lex {
				stats["weighted optimum differs"]++
			}
		} else {
			stats["infeasible"]++
		}
	}
	t.Logf("%d instances: %v", instances, stats)
	if stats["feasible"] < int(instances)/4 || stats["infeasible"] < int(instances)/20 || stats["weighted optimum differs"] == 0 {
		t.Errorf("the generator is unbalanced: %v", stats)
	}
}

// TestBruteForceMinimal runs hand-minimised instances of disagreements the
// random instances found.
func TestBruteForceMinimal(t *testing.T) {
	from := model.MustDate("2020-01-01")
	// One commune C with one title t (one holder, no requirements); P1 and
	// P2 live in C and may hold it.
	base := func() *Problem {
		s := &model.Scenario{
			Date: model.MustDate("2026-01-01"),
			Units: []model.Unit{
				{Code: "C", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 5000, Households: 1000, AreaKm2: 10},
			},
			Titles: []model.Title{{ID: "t", Level: model.Commune, Holders: model.HoldersRule{Base: 1},
				Workload: model.Workload{Base: 10}, Allowance: 1,
				Term: model.TermRule{Kind: model.Elected, Months: 60, Anchor: model.MustDate("2021-06-01")}}},
			People: []model.Person{
				{ID: "P1", Birth: model.MustDate("1980-01-01"), Sex: model.Male, Residence: "C", Capacity: 40},
				{ID: "P2", Birth: model.MustDate("1985-01-01"), Sex: model.Female, Residence: "C", Capacity: 40},
			},
		}
		s.Policy = flatPolicy{base: 2_340_000, maxTitles: 3, rate: 1, communeCap: 5, communeFund: 5, villageCap: 3, villageFund: 3, termsBind: true}.policy(from, "")
		return &Problem{Scenario: s}
	}
	pin := Pin{Person: "P1", Title: "t", Unit: "C"}
	for _, tc := range []struct {
		name string
		edit func(p *Problem)
	}{
		{"pin on a retired person", func(p *Problem) {
			p.Scenario.People[0].Birth = model.MustDate("1950-01-01") // retired in 2010
			p.Pins = []Pin{pin}
		}},
		{"pin on a person living outside the scenario", func(p *Problem) {
			p.Scenario.People[0].Residence = "X"
			p.Pins = []Pin{pin}
		}},
		{"pin on a person of another commune", func(p *Problem) {
			p.Scenario.Units = append(p.Scenario.Units, model.Unit{Code: "D", Level: model.Commune, Type: model.Xa, Class: model.ClassI})
			p.Scenario.People = append(p.Scenario.People, model.Person{ID: "P3", Birth: model.MustDate("1985-01-01"), Residence: "D", Capacity: 40})
			p.Scenario.People[0].Residence = "D"
			p.Pins = []Pin{pin}
		}},
		{"pinned and forbidden", func(p *Problem) {
			p.Pins = []Pin{pin}
			p.Forbids = []Pin{pin}
		}},
		{"forbid on a term-bound holding", func(p *Problem) {
			p.Scenario.People[0].Holdings = []model.Holding{{Title: "t", Unit: "C", Main: true, TermEnd: model.MustDate("2026-06-30")}}
			p.Forbids = []Pin{pin}
		}},
	} {
		p := base()
		tc.edit(p)
		bfCompare(t, tc.name, p)
	}
}

// bfCompare solves prob by brute force and with Solve in both modes, and
// reports every disagreement.
func bfCompare(t *testing.T, name string, prob *Problem) bfResult {
	t.Helper()
	weights := (&Settings{}).orDefault().Weights
	bf := bfSolve(prob, weights)
	type run struct {
		mode  Mode
		order model.ObjectiveOrder
	}
	runs := []run{{Lexicographic, model.OrderHeadcount}, {Weighted, model.OrderHeadcount}, {Lexicographic, model.OrderCost}, {Lexicographic, model.OrderStability}}
	for _, rn := range runs {
		mode := rn.mode
		want, wantPlan := bf.lex, bf.lexPlan
		if mode == Weighted {
			want, wantPlan = bf.weighted, bf.weightedPlan
		}
		if rn.order != model.OrderHeadcount {
			want, wantPlan = bf.ordered[rn.order], bf.orderedPlan[rn.order]
		}
		res, err := Solve(context.Background(), prob, &Settings{Mode: mode, Workers: 1, Order: &rn.order})
		if err != nil {
			t.Errorf("%s, mode %d: Solve: %v\n%s", name, mode, err, bfDump(prob))
			continue
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s, mode %d, order %s: %s\n%sbrute force: feasible=%v %+v\n%ssolver: %v %+v\n%s",
				name, mode, rn.order, fmt.Sprintf(format, args...), bfDump(prob),
				bf.feasible, want, bfPlanString(wantPlan), res.Status, res.Objective, bfPlanString(res.Plan))
		}
		if !bf.feasible {
			if res.Status != Infeasible {
				fail("brute force finds no valid plan, the solver says %v", res.Status)
			}
			continue
		}
		if res.Status != Optimal {
			fail("status %v, want optimal", res.Status)
			continue
		}
		if vs := Check(prob, res.Plan); len(vs) > 0 {
			var b strings.Builder
			for _, v := range vs {
				fmt.Fprintf(&b, "\t%s\n", v)
			}
			fail("the solver's plan breaks rules:\n%s", b.String())
			continue
		}
		got, err := EvaluateGoal(prob, res.Plan, res.Goal)
		if err != nil || got != res.Objective {
			fail("Evaluate(solver plan) = %+v, %v; Result.Objective %+v", got, err, res.Objective)
			continue
		}
		if got != want {
			fail("objective %+v, brute force %+v", got, want)
		}
	}
	return bf
}

// bfResult is the outcome of the exhaustive search.
type bfResult struct {
	feasible     bool
	lex          Objective
	lexPlan      model.Plan
	weighted     Objective // best by weighted value, ties broken lexicographically
	weightedPlan model.Plan
	// ordered and orderedPlan: the best by each net-cost order (cost,
	// stability), priced by the checker under that order's goal.
	ordered     map[model.ObjectiveOrder]Objective
	orderedPlan map[model.ObjectiveOrder]model.Plan
	leaves      int
}

// bfSolve enumerates every plan of prob.
func bfSolve(prob *Problem, w Weights) bfResult {
	s := prob.Scenario
	d := s.Date
	pol := &s.Policy
	slots := s.Slots()

	// Every possible holder: the scenario's people and recruit IDs of every
	// commune and village (Check rejects those the policy does not allow).
	var ids []string
	for _, p := range s.People {
		ids = append(ids, p.ID)
	}
	rec, _ := pol.Recruitment.At(d)
	for _, u := range s.Units {
		for k := 1; k <= max(rec.MaxPerUnit, 1); k++ {
			ids = append(ids, fmt.Sprintf("NEW-%s-%d", u.Code, k))
		}
	}
	// Per slot, the holders whose assignment alone breaks no per-assignment
	// rule (who may hold titles where, requirements, forbids).
	perAssignment := map[Rule]bool{RuleCandidate: true, RuleEligibility: true, RuleForbid: true}
	allowed := make([][]string, len(slots))
	for si, sl := range slots {
		for _, id := range ids {
			plan := model.Plan{Assignments: []model.Assignment{{Person: id, Title: sl.Title, Unit: sl.Unit}}}
			ok := true
			for _, v := range Check(prob, plan) {
				if perAssignment[v.Rule] {
					ok = false
				}
			}
			if ok {
				allowed[si] = append(allowed[si], id)
			}
		}
	}

	// Monotone rules, for pruning.
	maxTitles, _ := pol.MaxTitlesPerPerson.At(d)
	pa, _ := pol.At(d)
	villageCap, _ := pol.VillageCap.At(d)
	units := map[string]*model.Unit{}
	villages := map[string]int{}
	for i, n := range model.CommuneVillages(s.Units, nil) {
		villages[s.Units[i].Code] = n
	}
	for i := range s.Units {
		units[s.Units[i].Code] = &s.Units[i]
	}
	titles := map[string]*model.Title{}
	for i := range s.Titles {
		titles[s.Titles[i].ID] = &s.Titles[i]
	}
	people := map[string]*model.Person{}
	for i := range s.People {
		people[s.People[i].ID] = &s.People[i]
	}
	unitCap := map[string]int{}
	for _, u := range s.Units {
		unitCap[u.Code] = 1 << 30
		if u.Level == model.Commune {
			if c, err := pol.CommuneCapFor(&u, d); err == nil {
				unitCap[u.Code] = c
			}
		} else if villageCap > 0 {
			unitCap[u.Code] = villageCap
		}
	}
	capacity := func(id string) model.Hours {
		if p, ok := people[id]; ok {
			return p.Capacity
		}
		return RecruitCapacity
	}
	heldTitles := map[string][]string{}
	work := map[string]model.Hours{}
	inUnit := map[string]map[string]int{} // unit → holder → titles held there
	for code := range units {
		inUnit[code] = map[string]int{}
	}

	res := bfResult{ordered: map[model.ObjectiveOrder]Objective{}, orderedPlan: map[model.ObjectiveOrder]model.Plan{}}
	netOrders := []model.ObjectiveOrder{model.OrderCost, model.OrderStability}
	var cur []model.Assignment
	var rec2 func(si int)
	// place tries holders of slot si from index from on, k more to place.
	var place func(si, from, k int)
	canTake := func(id string, sl model.Slot) bool {
		ts := heldTitles[id]
		if len(ts)+1 > maxTitles {
			return false
		}
		for _, t := range ts {
			if t == sl.Title || !pa.MayCombine(titles[t], titles[sl.Title]) {
				return false
			}
		}
		if work[id]+titles[sl.Title].WorkloadPerHolder(units[sl.Unit], villages[sl.Unit]) > capacity(id)+1e-9 {
			return false
		}
		if inUnit[sl.Unit][id] == 0 && len(inUnit[sl.Unit])+1 > unitCap[sl.Unit] {
			return false
		}
		return true
	}
	take := func(id string, sl model.Slot, sign int) {
		if sign > 0 {
			heldTitles[id] = append(heldTitles[id], sl.Title)
		} else {
			heldTitles[id] = heldTitles[id][:len(heldTitles[id])-1]
		}
		work[id] += model.Hours(sign) * titles[sl.Title].WorkloadPerHolder(units[sl.Unit], villages[sl.Unit])
		inUnit[sl.Unit][id] += sign
		if inUnit[sl.Unit][id] == 0 {
			delete(inUnit[sl.Unit], id)
		}
	}
	place = func(si, from, k int) {
		if k == 0 {
			rec2(si + 1)
			return
		}
		sl := slots[si]
		for i := from; i < len(allowed[si]); i++ {
			id := allowed[si][i]
			if !canTake(id, sl) {
				continue
			}
			take(id, sl, +1)
			cur = append(cur, model.Assignment{Person: id, Title: sl.Title, Unit: sl.Unit})
			place(si, i+1, k-1)
			cur = cur[:len(cur)-1]
			take(id, sl, -1)
		}
	}
	rec2 = func(si int) {
		if si < len(slots) {
			place(si, 0, slots[si].Holders)
			return
		}
		res.leaves++
		plan := model.Plan{Date: d, Assignments: append([]model.Assignment(nil), cur...)}
		if len(Check(prob, plan)) > 0 {
			return
		}
		obj, err := Evaluate(prob, plan)
		if err != nil {
			panic(err)
		}
		if !res.feasible || obj.Less(res.lex) {
			res.lex, res.lexPlan = obj, plan
		}
		if !res.feasible || obj.Weighted(w) < res.weighted.Weighted(w) ||
			(obj.Weighted(w) == res.weighted.Weighted(w) && obj.Less(res.weighted)) {
			res.weighted, res.weightedPlan = obj, plan
		}
		for _, o := range netOrders {
			g := pa.Objective.WithOrder(o)
			obj, err := EvaluateGoal(prob, plan, g)
			if err != nil {
				panic(err)
			}
			if best, ok := res.ordered[o]; !ok || obj.LessIn(o, best) {
				res.ordered[o], res.orderedPlan[o] = obj, plan
			}
		}
		res.feasible = true
	}
	rec2(0)
	return res
}

// bfGenerate builds a tiny random instance: a commune with one or two
// villages, at most 6 holders to place and at most 8 people.
func bfGenerate(seed uint64) *Problem {
	r := rand.New(rand.NewPCG(seed, seed*0x9e3779b97f4a7c15+1))
	pick := func(n int) int { return r.IntN(n) }
	chance := func(p float64) bool { return r.Float64() < p }
	dates := []model.Date{model.MustDate("2025-07-01"), model.MustDate("2026-01-01"), model.MustDate("2026-07-01")}
	from := model.MustDate("2020-01-01")
	s := &model.Scenario{Name: fmt.Sprintf("bf-%d", seed), Date: dates[pick(len(dates))]}

	// Units, each of its level's other type with chance pType and
	// flagged with chance pFlag.
	vary := func(u *model.Unit, other model.UnitType, pType float64, flag model.Flags, pFlag float64) {
		if chance(pType) {
			u.Type = other
		}
		if chance(pFlag) {
			u.Flags |= flag
		}
	}
	c := model.Unit{Code: "C", Name: "Xã C", Level: model.Commune, Type: model.Xa, Class: model.Classes[pick(3)],
		Population: 3000 + pick(13000), Households: 800 + pick(3000), AreaKm2: float64(5 + pick(40))}
	vary(&c, model.Phuong, 0.3, model.Mountainous, 0.2)
	s.Units = append(s.Units, c)
	for v := range 1 + pick(2) {
		u := model.Unit{Code: fmt.Sprintf("V%d", v+1), Level: model.Village, Type: model.Thon, Parent: "C",
			Population: 200 + pick(1500), Households: 50 + pick(400), AreaKm2: float64(1 + pick(5))}
		vary(&u, model.ToDanPho, 0.35, model.KeySecurity, 0.1)
		s.Units = append(s.Units, u)
	}

	// Titles, redrawn until there are 1 to 6 holders to place.
	for {
		s.Titles = nil
		nc, nv := 1+pick(3), pick(3)
		for i := range nc + nv {
			t := model.Title{ID: fmt.Sprintf("c%d", i+1), Level: model.Commune, Holders: model.HoldersRule{Base: 1}}
			if i >= nc {
				t.ID, t.Level = fmt.Sprintf("v%d", i-nc+1), model.Village
				if chance(0.2) {
					t.UnitTypes = []model.UnitType{model.Thon}
				}
			}
			switch {
			case chance(0.1):
				t.Holders = model.HoldersRule{Base: 2}
			case chance(0.08):
				t.Holders = model.HoldersRule{Base: 0, PerPopulation: 800, Above: 200, Max: 1}
			}
			t.Name = model.Text{Vi: t.ID, En: t.ID}
			t.Workload = model.Workload{Base: model.Hours([]float64{4, 6, 8, 10, 12, 16, 20}[pick(7)])}
			if chance(0.3) {
				t.Workload.PerThousandHouseholds = 2
				t.Workload.PerKm2 = 0.1
			}
			t.Allowance = model.Coefficient([]float64{0.3, 0.5, 0.7, 1.0, 1.01, 1.14, 1.15, 1.2}[pick(8)])
			if chance(0.25) {
				t.AllowanceByEducation = []model.EducationAllowance{{MinEducation: model.EduUniversity, Allowance: t.Allowance + []model.Coefficient{0.01, 0.2}[pick(2)]}}
			}
			q := &t.Requires
			q.PartyMember = chance(0.2)
			if chance(0.15) {
				q.MinEducation = model.Education(1 + pick(6))
			}
			if chance(0.05) {
				q.Sex = model.Sex(1 + pick(2))
			}
			if chance(0.15) {
				q.MinAge = 21
			}
			if chance(0.05) {
				q.MaxAge = 55
			}
			q.Resident = (t.Level == model.Village && chance(0.5)) || chance(0.05)
			if chance(0.4) {
				t.Term = model.TermRule{Kind: model.Elected, Months: 60, Anchor: model.MustDate("2021-06-01")}
			}
			s.Titles = append(s.Titles, t)
		}
		n := 0
		for _, sl := range s.Slots() {
			n += sl.Holders
		}
		if n >= 1 && n <= 6 {
			break
		}
	}
	slots := s.Slots()

	// People.
	np := 3 + pick(6)
	for i := range np {
		p := model.Person{ID: fmt.Sprintf("P%d", i+1),
			Birth:       model.NewDate(1960+pick(46), time.Month(1+pick(12)), 1+pick(28)),
			Sex:         model.Sex(1 + pick(2)),
			Education:   model.Education(1 + pick(7)),
			PartyMember: chance(0.5),
			Residence:   s.Units[pick(len(s.Units))].Code,
			Capacity:    model.Hours([]float64{8, 16, 20, 24, 30, 40, 40, 48}[pick(8)]),
		}
		if chance(0.07) {
			p.Residence = "OUT" // lives outside the scenario
		}
		s.People = append(s.People, p)
	}
	// Today's holdings: most slots have holders.
	for _, sl := range slots {
		for range sl.Holders {
			if !chance(0.7) {
				continue
			}
			p := &s.People[pick(np)]
			dup := false
			for _, h := range p.Holdings {
				dup = dup || (h.Unit == sl.Unit && h.Title == sl.Title)
			}
			if dup {
				continue
			}
			h := model.Holding{Title: sl.Title, Unit: sl.Unit, Start: model.MustDate("2021-06-01"), Main: len(p.Holdings) == 0}
			for _, t := range s.Titles {
				if t.ID == sl.Title && t.Term.Kind == model.Elected {
					h.TermEnd = []model.Date{model.MustDate("2025-12-31"), model.MustDate("2026-06-01"), model.MustDate("2026-12-31")}[pick(3)]
				}
			}
			p.Holdings = append(p.Holdings, h)
		}
	}
	if chance(0.05) { // a holding that is no slot here
		p := &s.People[pick(np)]
		p.Holdings = append(p.Holdings, model.Holding{Title: "c1", Unit: "ZZ", Main: chance(0.5)})
	}

	// Policy.
	pol := &s.Policy
	pol.BaseSalary = model.Const[model.Money](from, 2_340_000, "NĐ 73/2024/NĐ-CP")
	pol.MaxTitlesPerPerson = model.Const(from, 1+pick(3), "")
	var comb model.CombinationRule
	comb.Mode = model.CombinationMode(pick(3))
	for i := range s.Titles {
		for j := i + 1; j < len(s.Titles); j++ {
			if chance(0.4) {
				comb.Pairs = append(comb.Pairs, [2]string{s.Titles[i].ID, s.Titles[j].ID})
			}
		}
	}
	pol.Combination = model.Const(from, comb, "")
	pol.ConcurrencyRate = model.Const(from, []float64{0, 0.3, 0.5, 1}[pick(4)], "")
	pol.CommuneCap = model.Const(from, model.ByClass[int]{I: 2 + pick(3), II: 2 + pick(3), III: 1 + pick(4)}, "")
	if chance(0.3) {
		pol.ExtraWorkers = model.Const(from, model.ExtraWorkerRule{
			Population:     model.Standards[int]{Xa: 8000, XaMountainous: 5000, Ward: 7000, UrbanDistrictWard: 7000, Township: 7000},
			PopulationStep: 0.5, UrbanDistrictWardStep: 1.0 / 3, AreaStep: 1,
		}, "")
		pol.ExtraWorkerFund = model.Const[model.Coefficient](from, 1.5, "")
	}
	fund := func() model.Coefficient { return model.Coefficient([]float64{1.5, 2, 3, 5}[pick(4)]) }
	pol.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: fund(), II: fund(), III: fund()}, "")
	pol.VillageCap = model.Const(from, 1+pick(3), "")
	std := model.Coefficient([]float64{1, 1.5, 2, 3}[pick(4)])
	pol.VillageFund = model.Const(from, model.VillageFundRule{Standard: std, Large: std + 0.5, ThonHouseholds: 300, ToDanPhoHouseholds: 350, KeySecurityIsLarge: true}, "")
	pol.FundBinds = model.Const(from, chance(0.5), "")
	pol.TermsBind = model.Const(from, chance(0.5), "")
	recr := model.RecruitmentRule{}
	if chance(0.4) {
		recr = model.RecruitmentRule{Allowed: true, MaxPerUnit: []int{0, 1, 1}[pick(3)], Cost: model.Money([]int64{0, 1_000_000, 50_000_000, 1_500_000_000, 2_000_000_000}[pick(5)])}
	}
	pol.Recruitment = model.Const(from, recr, "")
	pol.Retirement = model.Const(from, model.Decree135(), "NĐ 135/2020/NĐ-CP")
	pol.Severance = model.Const(from, model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}, "")
	// The objective's horizon and rates, from a generator of their own so
	// that the instances' other draws stay as they were.
	ro := rand.New(rand.NewPCG(seed, 0x6f626a))
	pol.Objective = model.Const(from, model.ObjectiveRule{HorizonYears: 1 + ro.IntN(12), DiscountRate: []float64{0, 0.03, 0.1}[ro.IntN(3)], InsuranceRate: []float64{0, 0.14}[ro.IntN(2)]}, "")

	prob := &Problem{Scenario: s}
	if chance(0.2) {
		sl := slots[pick(len(slots))]
		prob.Pins = append(prob.Pins, Pin{Person: s.People[pick(np)].ID, Title: sl.Title, Unit: sl.Unit})
	}
	if chance(0.2) {
		sl := slots[pick(len(slots))]
		prob.Forbids = append(prob.Forbids, Pin{Person: s.People[pick(np)].ID, Title: sl.Title, Unit: sl.Unit})
	}
	// The level rule, drawn last so the draws above are unchanged: levels
	// mix, are kept apart, or a random list of commune titles may combine.
	var lv model.LevelRule
	lv.Mode = model.LevelMode(pick(3))
	if lv.Mode == model.LevelsListed {
		for _, t := range s.Titles {
			if t.Level == model.Commune && chance(0.5) {
				lv.Titles = append(lv.Titles, t.ID)
			}
		}
	}
	pol.Levels = model.Const(from, lv, "")
	return prob
}

// bfDump describes an instance for a failure report.
func bfDump(prob *Problem) string {
	s := prob.Scenario
	var b strings.Builder
	d := s.Date
	at := func(v any, err error) string {
		if err != nil {
			return "none"
		}
		return fmt.Sprintf("%+v", v)
	}
	pol := &s.Policy
	fmt.Fprintf(&b, "date %s\n", d)
	fmt.Fprintf(&b, "policy: max titles %s; combination %s; levels %s; rate %s; commune cap %s; extra %s; commune fund %s; village cap %s; village fund %s; funds bind %s; terms bind %s; recruitment %s\n",
		at(pol.MaxTitlesPerPerson.At(d)), at(pol.Combination.At(d)), at(pol.Levels.At(d)), at(pol.ConcurrencyRate.At(d)), at(pol.CommuneCap.At(d)),
		at(pol.ExtraWorkers.At(d)), at(pol.CommuneFund.At(d)), at(pol.VillageCap.At(d)), at(pol.VillageFund.At(d)),
		at(pol.FundBinds.At(d)), at(pol.TermsBind.At(d)), at(pol.Recruitment.At(d)))
	for _, u := range s.Units {
		fmt.Fprintf(&b, "unit %s %v %v class %v parent %q pop %d hh %d area %g flags %v\n", u.Code, u.Level, u.Type, u.Class, u.Parent, u.Population, u.Households, u.AreaKm2, u.Flags)
	}
	for _, t := range s.Titles {
		fmt.Fprintf(&b, "title %s %v types %v holders %+v work %+v allowance %v by-edu %+v requires %+v term %v\n",
			t.ID, t.Level, t.UnitTypes, t.Holders, t.Workload, t.Allowance, t.AllowanceByEducation, t.Requires, t.Term.Kind)
	}
	for _, p := range s.People {
		fmt.Fprintf(&b, "person %s born %s %v %v party %v res %s cap %g holds %+v\n", p.ID, p.Birth, p.Sex, p.Education, p.PartyMember, p.Residence, p.Capacity, p.Holdings)
	}
	if len(prob.Pins)+len(prob.Forbids) > 0 {
		fmt.Fprintf(&b, "pins %v forbids %v\n", prob.Pins, prob.Forbids)
	}
	return b.String()
}

func bfPlanString(p model.Plan) string {
	var b strings.Builder
	for _, a := range p.Assignments {
		fmt.Fprintf(&b, "\t%s %s@%s main=%v\n", a.Person, a.Title, a.Unit, a.Main)
	}
	return b.String()
}

// flatPolicy is the policy of a hand-made problem: no combination or
// recruitment rule, Decree 135's retirement, and one commune cap and fund
// for every class, one village fund for every village.
type flatPolicy struct {
	base                   model.Money
	maxTitles              int
	rate                   float64
	communeCap, villageCap int
	communeFund            model.Coefficient
	villageFund            model.Coefficient
	fundBinds, termsBind   bool
}

// policy is v in force from from, every value with source src.
func (v flatPolicy) policy(from model.Date, src string) model.Policy {
	return model.Policy{
		BaseSalary:         model.Const(from, v.base, src),
		MaxTitlesPerPerson: model.Const(from, v.maxTitles, src),
		Combination:        model.Const(from, model.CombinationRule{}, src),
		ConcurrencyRate:    model.Const(from, v.rate, src),
		CommuneCap:         model.Const(from, model.ByClass[int]{I: v.communeCap, II: v.communeCap, III: v.communeCap}, src),
		CommuneFund:        model.Const(from, model.ByClass[model.Coefficient]{I: v.communeFund, II: v.communeFund, III: v.communeFund}, src),
		VillageCap:         model.Const(from, v.villageCap, src),
		VillageFund:        model.Const(from, model.VillageFundRule{Standard: v.villageFund, Large: v.villageFund}, src),
		FundBinds:          model.Const(from, v.fundBinds, src),
		TermsBind:          model.Const(from, v.termsBind, src),
		Recruitment:        model.Const(from, model.RecruitmentRule{}, src),
		Retirement:         model.Const(from, model.Decree135(), src),
	}
}
