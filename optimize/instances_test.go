package optimize

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Seeded random instances for the tests: one province, one commune (or a
// few, for export tests) with 1–4 villages, a handful of titles and people,
// and a policy drawn from the whole space the optimiser has to handle. About
// a quarter of the instances are drawn "tight" (strict requirements, small
// capacities, caps and funds below the titles' needs, terms that must be
// kept, vacancies) and are mostly infeasible. The others are drawn around a
// plan that meets every rule (today's holdings, plus holders for the vacant
// titles), with the policy drawn so that the plan stays within it: those
// are feasible. A third of them are "risky": caps and funds at or below
// what that plan uses, so that they bind on the optimum; some of those
// are infeasible.

// instanceSize bounds a random instance; each pair is an inclusive range.
type instanceSize struct {
	communes      int // communes in the province; 0 means 1
	villages      [2]int
	communeTitles [2]int
	villageTitles [2]int
	people        [2]int // per commune
}

var (
	// sizeSmall is the size of the cross-check against CBC.
	sizeSmall = instanceSize{villages: [2]int{1, 4}, communeTitles: [2]int{2, 6}, villageTitles: [2]int{1, 3}, people: [2]int{4, 20}}
	// sizeTiny keeps slow solvers (glpsol) and fuzzing quick.
	sizeTiny = instanceSize{villages: [2]int{1, 2}, communeTitles: [2]int{2, 3}, villageTitles: [2]int{1, 2}, people: [2]int{3, 8}}
)

// instanceDate is the plan date of every random instance.
var instanceDate = model.MustDate("2025-01-01")

// between draws an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// randomScenario draws a scenario. The same generator and size give the
// same scenario.
func randomScenario(r *rand.Rand, size instanceSize) *model.Scenario {
	s, _ := randomInstance(r, size)
	return s
}

// post is one title in one unit, as indexes into a scenario's Titles and
// Units.
type post struct{ unit, title int }

// randomInstance draws a scenario (named "random", "random-risky" or
// "random-tight") and, for a "random" one, a plan that meets every rule
// (per person, the posts they hold in it); nil for the others.
func randomInstance(r *rand.Rand, size instanceSize) (*model.Scenario, [][]post) {
	d := instanceDate
	tight := r.IntN(4) == 0
	s := &model.Scenario{Name: "random", Date: d}
	if tight {
		s.Name = "random-tight"
	}
	communes := max(size.communes, 1)

	// Units.
	s.Units = append(s.Units, model.Unit{Code: "01", Name: "Tỉnh Thử", Level: model.Province, Type: model.Tinh})
	type commune struct {
		unit     int
		villages []int
	}
	var cs []commune
	for k := range communes {
		code := fmt.Sprintf("%05d", k+1)
		typ := model.Xa
		if chance(r, 0.3) {
			typ = model.Phuong
		}
		cu := model.Unit{Code: code, Name: "Xã " + code, Level: model.Commune, Type: typ,
			Class: model.Classes[r.IntN(3)], Parent: "01", Households: between(r, 800, 4000), AreaKm2: float64(between(r, 5, 120))}
		cu.Population = 4 * cu.Households
		c := commune{unit: len(s.Units)}
		s.Units = append(s.Units, cu)
		for v := range between(r, size.villages[0], size.villages[1]) {
			vt := model.Thon
			if typ == model.Phuong {
				vt = model.ToDanPho
			}
			hh := between(r, 60, 600)
			vu := model.Unit{Code: fmt.Sprintf("%s%02d", code, v+1), Name: fmt.Sprintf("Thôn %d", v+1), Level: model.Village,
				Type: vt, Parent: code, Households: hh, Population: 4 * hh, AreaKm2: float64(between(r, 1, 40)) / 2}
			if chance(r, 0.15) {
				vu.Flags |= model.KeySecurity
			}
			c.villages = append(c.villages, len(s.Units))
			s.Units = append(s.Units, vu)
		}
		cs = append(cs, c)
	}

	// Titles.
	anchor := model.MustDate("2021-05-23")
	newTitle := func(id string, level model.Level) model.Title {
		t := model.Title{ID: id, Level: level, Name: model.Text{Vi: id, En: id}, Holders: model.HoldersRule{Base: 1}}
		t.Workload = model.Workload{Base: model.Hours(between(r, 4, 32)) / 2}
		if chance(r, 0.5) {
			t.Workload.PerThousandHouseholds = model.Hours(between(r, 1, 4)) / 2
		}
		if chance(r, 0.3) {
			t.Workload.PerKm2 = model.Hours(between(r, 1, 5)) / 50
		}
		t.Allowance = model.Coefficient(float64(between(r, 30, 250)) / 100)
		if chance(r, 0.3) {
			e := model.Education(between(r, int(model.EduUpperSec), int(model.EduUniversity)))
			t.AllowanceByEducation = append(t.AllowanceByEducation, model.EducationAllowance{MinEducation: e, Allowance: t.Allowance + model.Coefficient(float64(between(r, 5, 60))/100)})
			if chance(r, 0.5) {
				t.AllowanceByEducation = append(t.AllowanceByEducation, model.EducationAllowance{MinEducation: min(e+2, model.EduPostgraduate), Allowance: t.Allowance + model.Coefficient(float64(between(r, 61, 120))/100)})
			}
		}
		strict := 0.6
		if tight {
			strict = 1.5
		}
		q := &t.Requires
		q.PartyMember = chance(r, 0.25*strict)
		if chance(r, 0.25*strict) {
			q.MinEducation = model.Education(between(r, 1, 6))
		}
		if chance(r, 0.08*strict) {
			q.Sex = model.Sex(between(r, 1, 2))
		}
		if chance(r, 0.15*strict) {
			q.MinAge = between(r, 18, 35)
		}
		if chance(r, 0.15*strict) {
			q.MaxAge = between(r, 40, 65)
		}
		if chance(r, 0.4) {
			t.Term = model.TermRule{Kind: model.Elected, Months: 60, Anchor: anchor}
		}
		switch {
		case chance(r, 0.08):
			t.Holders.Base = 2
		case level == model.Village && chance(r, 0.1):
			t.Holders = model.HoldersRule{Base: 1, PerPopulation: 800, Above: 1200, Max: 3}
		}
		return t
	}
	nCommune := between(r, size.communeTitles[0], size.communeTitles[1])
	nVillage := between(r, size.villageTitles[0], size.villageTitles[1])
	for k := range nCommune {
		s.Titles = append(s.Titles, newTitle(fmt.Sprintf("xa-%d", k+1), model.Commune))
		if k == 0 && chance(r, 0.2) {
			s.Titles[0].UnitTypes = []model.UnitType{model.Xa} // not in wards
		}
	}
	for k := range nVillage {
		t := newTitle(fmt.Sprintf("thon-%d", k+1), model.Village)
		t.Requires.Resident = true
		s.Titles = append(s.Titles, t)
	}
	if chance(r, 0.3) {
		s.Titles[r.IntN(nCommune)].Requires.Resident = true
	}

	// People.
	var witness [][]post // per person: a plan that meets every rule (loose instances)
	retirement := model.Decree135()
	retired := func(p *model.Person) bool {
		rd := retirement.RetirementDate(p.Birth, p.Sex)
		return !rd.IsZero() && rd < d
	}
	inCommune := func(res, commune string) bool {
		return res == commune || (len(res) > len(commune) && res[:len(commune)] == commune)
	}
	for k, c := range cs {
		code := s.Units[c.unit].Code
		n := between(r, size.people[0], size.people[1])
		if !tight {
			// Enough people for two residents per village, most of the time.
			n = min(max(n, 2*len(c.villages)+2), size.people[1])
		}
		first := len(s.People)
		for i := range n {
			p := model.Person{ID: fmt.Sprintf("P%d-%02d", k+1, i+1), Sex: model.Sex(between(r, 1, 2)),
				Education: model.Education(between(r, 1, 7)), PartyMember: chance(r, 0.5)}
			p.Name = p.ID
			age := between(r, 19, 61)
			if chance(r, 0.05) {
				age = between(r, 60, 66) // some past retirement
			}
			p.Birth = d.AddMonths(-(12*age + r.IntN(12))).AddDays(-r.IntN(28))
			p.Capacity = model.Hours(between(r, 20, 48))
			if tight {
				p.Capacity = model.Hours(between(r, 12, 36))
			}
			switch {
			case !tight && i < 2*len(c.villages):
				p.Residence = s.Units[c.villages[i%len(c.villages)]].Code
			case chance(r, 0.03):
				p.Residence = "99999" // outside the scenario
			case chance(r, 0.2) || len(c.villages) == 0:
				p.Residence = code
			default:
				p.Residence = s.Units[c.villages[r.IntN(len(c.villages))]].Code
			}
			s.People = append(s.People, p)
			witness = append(witness, nil)
		}
		people := s.People[first:]
		plan := witness[first:]
		load := make([]model.Hours, len(people))
		eligibleFor := func(p *model.Person, ps []post) bool {
			for _, q := range ps {
				if len(s.Titles[q.title].Requires.Unmet(p, &s.Units[q.unit], d, inCommune)) > 0 {
					return false
				}
			}
			return true
		}
		// Every title copy gets a holder in the plan, and with probability
		// 0.9 that holder holds it today (the first title held is the main
		// one). In a loose instance the plan's holders are eligible, within
		// their capacity and not retired, so the plan meets every rule and
		// the policy below is drawn so that it stays feasible. In a tight
		// one anyone may hold anything, and copies may stay vacant.
		units := append([]int{c.unit}, c.villages...)
		for _, ui := range units {
			u := &s.Units[ui]
			for ti := range s.Titles {
				t := &s.Titles[ti]
				if !t.AppliesTo(u) {
					continue
				}
				work := t.WorkloadPerHolder(u, len(c.villages))
				for range t.Holders.For(u) {
					if tight && !chance(r, 0.85) {
						continue
					}
					holds := func(pi int) bool {
						for _, q := range plan[pi] {
							if s.Titles[q.title].ID == t.ID {
								return true
							}
						}
						return false
					}
					var pick []int
					for pi := range people {
						p := &people[pi]
						if len(plan[pi]) >= 2 || (len(plan[pi]) == 1 && !chance(r, 0.35)) || holds(pi) {
							continue
						}
						// Someone who lives outside and holds nothing today
						// is no candidate: keep them out of the plan.
						outside := !inCommune(p.Residence, code)
						if !tight && (outside || retired(p) || len(t.Requires.Unmet(p, u, d, inCommune)) > 0 || load[pi]+work > p.Capacity) {
							continue
						}
						if tight && u.Level == model.Village && p.Residence != u.Code && !chance(r, 0.1) {
							continue
						}
						pick = append(pick, pi)
					}
					if len(pick) == 0 && !tight {
						// Make someone who lives there eligible, if that
						// leaves their other titles eligible too.
						for _, pi := range r.Perm(len(people)) {
							p := &people[pi]
							if len(plan[pi]) >= 2 || holds(pi) || !(p.Residence == u.Code || (u.Level == model.Commune && inCommune(p.Residence, u.Code))) {
								continue
							}
							was := *p
							makeEligible(p, &t.Requires, d)
							p.Capacity = max(p.Capacity, min(48, load[pi]+work+model.Hours(between(r, 0, 6))))
							if load[pi]+work <= p.Capacity && !retired(p) && eligibleFor(p, append(plan[pi], post{ui, ti})) {
								pick = append(pick, pi)
								break
							}
							*p = was
						}
					}
					if len(pick) == 0 && !tight {
						// Nobody fits: a new resident takes the title.
						p := model.Person{ID: fmt.Sprintf("P%d-%02d", k+1, len(people)+1), Sex: model.Sex(between(r, 1, 2)),
							Education: model.Education(between(r, 1, 7)), Residence: u.Code, Capacity: max(work, 20),
							Birth: d.AddMonths(-12 * between(r, 25, 50))}
						if u.Level == model.Commune && len(c.villages) > 0 && chance(r, 0.5) {
							p.Residence = s.Units[c.villages[r.IntN(len(c.villages))]].Code
						}
						p.Name = p.ID
						makeEligible(&p, &t.Requires, d)
						s.People = append(s.People, p)
						witness = append(witness, nil)
						people, plan = s.People[first:], witness[first:]
						load = append(load, 0)
						pick = append(pick, len(people)-1)
					}
					if len(pick) == 0 {
						continue
					}
					pi := pick[r.IntN(len(pick))]
					p := &people[pi]
					load[pi] += work
					plan[pi] = append(plan[pi], post{ui, ti})
					if !chance(r, 0.9) {
						continue // vacant today
					}
					h := model.Holding{Title: t.ID, Unit: u.Code, Start: d.AddMonths(-between(r, 1, 120)), Main: len(p.Holdings) == 0}
					if t.Term.Kind == model.Elected {
						if chance(r, 0.6) {
							h.TermEnd = d.AddMonths(between(r, 1, 30))
						} else {
							h.TermEnd = d.AddMonths(-between(r, 1, 12))
						}
					}
					p.Holdings = append(p.Holdings, h)
				}
			}
		}
	}

	// Policy.
	pol := &s.Policy
	from := model.MustDate("2019-01-01")
	base := model.Money(2_340_000)
	pol.BaseSalary = model.Series[model.Money]{
		{From: model.MustDate("2019-07-01"), Value: 1_490_000, Source: "test"},
		{From: model.MustDate("2023-07-01"), Value: 1_800_000, Source: "test"},
		{From: model.MustDate("2024-07-01"), Value: base, Source: "test"},
	}
	rate := []float64{0.3, 0.5, 1}[r.IntN(3)]
	pol.ConcurrencyRate = model.Const(from, rate, "test")

	// What the plan uses: titles per person, pairs held together, people
	// and monthly allowances per unit.
	maxHeld := 1
	usedPair := map[[2]string]bool{}
	people := map[string]map[int]bool{} // unit code → people (index) holding a title there
	spend := map[string]model.Money{}
	for pi, ps := range witness {
		maxHeld = max(maxHeld, len(ps))
		p := &s.People[pi]
		var pays []model.Money
		main := 0
		for k, q := range ps {
			for _, o := range ps[:k] {
				a, b := s.Titles[o.title].ID, s.Titles[q.title].ID
				usedPair[[2]string{a, b}], usedPair[[2]string{b, a}] = true, true
			}
			code := s.Units[q.unit].Code
			if people[code] == nil {
				people[code] = map[int]bool{}
			}
			people[code][pi] = true
			pays = append(pays, s.Titles[q.title].AllowanceFor(p.Education).Of(base))
			if pays[k] > pays[main] {
				main = k
			}
		}
		for k, q := range ps {
			pay := pays[k]
			if k != main {
				pay = pay.Scale(rate)
			}
			spend[s.Units[q.unit].Code] += pay
		}
	}

	maxTitles := between(r, 1, 4)
	if !tight {
		maxTitles = between(r, maxHeld, 4)
	}
	pol.MaxTitlesPerPerson = model.Const(from, maxTitles, "test")
	var ids []string
	for _, t := range s.Titles {
		ids = append(ids, t.ID)
	}
	comb := model.CombinationRule{}
	switch x := r.Float64(); {
	case x < 0.3:
		comb.Mode = model.AllowedPairs
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if chance(r, 0.5) || (!tight && usedPair[[2]string{ids[i], ids[j]}]) {
					comb.Pairs = append(comb.Pairs, [2]string{ids[i], ids[j]})
				}
			}
		}
	case x < 0.6:
		comb.Mode = model.ForbiddenPairs
		for range between(r, 1, 3) {
			pair := [2]string{ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]}
			if tight || !usedPair[pair] {
				comb.Pairs = append(comb.Pairs, pair)
			}
		}
	}
	pol.Combination = model.Const(from, comb, "test")

	// Caps and funds: in a loose instance at least what the plan uses,
	// sometimes exactly that, so they bind on the optimum now and then; in
	// a tight one drawn around the titles' needs, often below.
	communeSlots, communePay, villagePay := 0, model.Coefficient(0), model.Coefficient(0)
	for ti := range s.Titles {
		t := &s.Titles[ti]
		if t.Level == model.Commune {
			communeSlots += t.Holders.Base
			communePay += t.Allowance * model.Coefficient(t.Holders.Base)
		} else {
			villagePay += t.Allowance * model.Coefficient(t.Holders.Base)
		}
	}
	var communeUse, villageUse int
	var communeSpend, villageSpend model.Money
	for _, c := range cs {
		communeUse = max(communeUse, len(people[s.Units[c.unit].Code]))
		communeSpend = max(communeSpend, spend[s.Units[c.unit].Code])
		for _, vi := range c.villages {
			villageUse = max(villageUse, len(people[s.Units[vi].Code]))
			villageSpend = max(villageSpend, spend[s.Units[vi].Code])
		}
	}
	// A third of the loose instances are drawn "risky": caps and funds
	// at or below what the plan uses, so they bind on the optimum, at the
	// price of the guarantee that a plan exists.
	risky := !tight && chance(r, 0.3)
	capFor := func() int {
		switch {
		case tight:
			return max(communeSlots+between(r, -2, 0), 0)
		case risky:
			return max(communeUse+between(r, -1, 0), 0)
		}
		return communeUse + between(r, 0, 2)
	}
	pol.CommuneCap = model.Const(from, model.ByClass[int]{I: capFor(), II: capFor(), III: capFor()}, "test")
	if chance(r, 0.2) {
		pol.ExtraWorkers = model.Const(from, model.ExtraWorkerRule{
			Population:     model.Standards[int]{Xa: 4000, XaMountainous: 2000, UrbanDistrictWard: 8000, Ward: 6000, Township: 5000},
			PopulationStep: 0.5,
		}, "test")
		pol.ExtraWorkerFund = model.Const(from, model.Coefficient(1.0), "test")
	}
	// A fund as a coefficient of the base salary, rounded up to 0.01.
	coef := func(m model.Money, share float64) model.Coefficient {
		return model.Coefficient(math.Ceil(float64(m)*share/float64(base)*100) / 100)
	}
	fundFor := func(pay model.Coefficient, use model.Money) model.Coefficient {
		switch {
		case tight:
			return coef(pay.Of(base), float64(between(r, 60, 110))/100)
		case risky:
			return coef(use, float64(between(r, 85, 100))/100)
		}
		return coef(use, float64(between(r, 100, 150))/100)
	}
	pol.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: fundFor(communePay, communeSpend), II: fundFor(communePay, communeSpend), III: fundFor(communePay, communeSpend)}, "test")
	standard := fundFor(villagePay, villageSpend)
	pol.VillageFund = model.Const(from, model.VillageFundRule{Standard: standard, Large: coef(standard.Of(base), 1.3),
		ThonHouseholds: 350, ToDanPhoHouseholds: 500, KeySecurityIsLarge: true}, "test")
	villageCap := 0 // not binding
	switch {
	case tight:
		villageCap = between(r, 1, nVillage)
	case risky:
		villageCap = max(villageUse, 1)
	case chance(r, 0.6):
		villageCap = max(villageUse, 1) + between(r, 0, 1)
	}
	pol.VillageCap = model.Const(from, villageCap, "test")
	pol.FundBinds = model.Const(from, chance(r, 0.5) || (risky && chance(r, 0.6)), "test")
	pol.TermsBind = model.Const(from, chance(r, 0.5) || tight, "test")
	rec := model.RecruitmentRule{}
	if (!tight && chance(r, 0.6)) || (tight && chance(r, 0.2)) {
		rec = model.RecruitmentRule{Allowed: true, MaxPerUnit: between(r, 0, 2), Cost: model.Money(between(r, 0, 40)) * 500_000}
	}
	pol.Recruitment = model.Const(from, rec, "test")
	pol.Retirement = model.Const(from, retirement, "test")
	pol.Severance = model.Const(from, model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}, "test")
	switch {
	case tight:
		witness = nil
	case risky:
		s.Name, witness = "random-risky", nil
	}
	// Drawn last, so the draws above match the instances drawn before the
	// level rule existed.
	pol.Levels = model.Const(from, randomLevels(r, s, witness), "test")
	return s, witness
}

// randomLevels draws a level rule: half the time levels mix, a quarter
// they are kept apart, a quarter a random list of commune titles may be
// held with village titles. With a witness plan the rule keeps it valid:
// every commune title it holds with a village title is listed.
func randomLevels(r *rand.Rand, s *model.Scenario, witness [][]post) model.LevelRule {
	var lv model.LevelRule
	switch x := r.Float64(); {
	case x < 0.5:
		return lv
	case x < 0.75:
		lv.Mode = model.LevelsApart
	default:
		lv.Mode = model.LevelsListed
		for _, t := range s.Titles {
			if t.Level == model.Commune && chance(r, 0.5) {
				lv.Titles = append(lv.Titles, t.ID)
			}
		}
	}
	for _, held := range witness {
		for _, a := range held {
			for _, b := range held {
				ta, tb := &s.Titles[a.title], &s.Titles[b.title]
				if ta.Level == model.Commune && tb.Level == model.Village && !lv.AllowsCommune(ta.ID) {
					lv.Mode = model.LevelsListed
					lv.Titles = append(lv.Titles, ta.ID)
				}
			}
		}
	}
	return lv
}

// makeEligible changes p so that it meets q on date d (residence aside).
func makeEligible(p *model.Person, q *model.Requirements, d model.Date) {
	if q.PartyMember {
		p.PartyMember = true
	}
	p.Education = max(p.Education, q.MinEducation)
	if q.Sex != model.SexAny {
		p.Sex = q.Sex
	}
	age := p.AgeAt(d)
	want := age
	if q.MinAge > 0 {
		want = max(want, q.MinAge)
	}
	if q.MaxAge > 0 {
		want = min(want, q.MaxAge)
	}
	want = min(want, 54) // before either sex retires
	if want != age {
		p.Birth = d.AddMonths(-(12*want + 6))
	}
}

// randomProblem draws a scenario and, now and then, a pin and a forbid. In
// a loose instance they agree with the instance's plan, so it stays
// feasible.
func randomProblem(r *rand.Rand, size instanceSize) *Problem {
	s, witness := randomInstance(r, size)
	p := &Problem{Scenario: s}
	if len(s.People) == 0 {
		return p
	}
	inPlan := func(pi int, q post) bool {
		for _, x := range witness[pi] {
			if x == q {
				return true
			}
		}
		return false
	}
	draw := func(pin bool) {
		for range 10 {
			pi := r.IntN(len(s.People))
			q := post{1 + r.IntN(len(s.Units)-1), r.IntN(len(s.Titles))}
			if pin && witness != nil && len(witness[pi]) > 0 {
				q = witness[pi][r.IntN(len(witness[pi]))]
			}
			if !s.Titles[q.title].AppliesTo(&s.Units[q.unit]) || (witness != nil && inPlan(pi, q) != pin) {
				continue
			}
			x := Pin{Person: s.People[pi].ID, Title: s.Titles[q.title].ID, Unit: s.Units[q.unit].Code}
			if pin {
				p.Pins = append(p.Pins, x)
			} else {
				p.Forbids = append(p.Forbids, x)
			}
			return
		}
	}
	if chance(r, 0.15) {
		draw(true)
	}
	if chance(r, 0.15) {
		draw(false)
	}
	return p
}

// seeded returns the generator for one test seed.
func seeded(seed uint64) *rand.Rand { return newRand(seed, 0x6b69656d6e68) }

func newRand(s1, s2 uint64) *rand.Rand { return rand.New(rand.NewPCG(s1, s2)) }
