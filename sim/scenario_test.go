package sim

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// testScenario builds a commune with n villages: two commune titles (one
// elected, one appointed), two village titles (head elected for 30
// months, police appointed), one holder per title, people of every age.
func testScenario(n int, seed uint64) *model.Scenario {
	from := model.MustDate("2019-01-01")
	c := func(v float64) model.Coefficient { return model.Coefficient(v) }
	s := &model.Scenario{Name: "test", Date: model.MustDate("2025-01-01")}
	p := &s.Policy
	p.BaseSalary = model.Series[model.Money]{
		{From: from, Value: 1_800_000}, {From: model.MustDate("2024-07-01"), Value: 2_340_000}, {From: model.MustDate("2026-07-01"), Value: 2_530_000}}
	p.MaxTitlesPerPerson = model.Const(from, 2, "")
	p.Combination = model.Const(from, model.CombinationRule{}, "")
	p.ConcurrencyRate = model.Const(from, 1.0, "")
	p.CommuneCap = model.Const(from, model.ByClass[int]{I: 14, II: 12, III: 10}, "")
	p.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: 21, II: 18, III: 15}, "")
	p.VillageCap = model.Const(from, 3, "")
	p.VillageFund = model.Const(from, model.VillageFundRule{Standard: 4.5, Large: 6, ThonHouseholds: 350}, "")
	p.Recruitment = model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: 2, Cost: 1_000_000}, "")
	p.Retirement = model.Const(from, model.Decree135(), "")
	p.Severance = model.Const(from, model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}, "")
	d := &s.Dynamics
	d.Resignation = model.Const(from, model.ResignationRule{Base: 0.04, LowPay: 2, Overload: 1.5}, "")
	d.Death = model.Const(from, 0.004, "")
	d.ReferenceIncome = model.Const(from, model.Money(5_400_000), "")
	d.Candidates = model.Const(from, model.CandidateRule{PerThousand: 5, PartyShare: 0.25, Accept: 0.15, Age: 30}, "")
	d.Growth = model.Const(from, model.GrowthRule{Population: 0.009, Households: 0.015}, "")

	elected := func(months int, anchor string) model.TermRule {
		return model.TermRule{Kind: model.Elected, Months: months, Anchor: model.MustDate(anchor)}
	}
	one := model.HoldersRule{Base: 1}
	s.Titles = []model.Title{
		{ID: "chu-tich", Level: model.Commune, Workload: model.Workload{Base: 20}, Allowance: c(1.2), Term: elected(60, "2021-06-01"), Holders: one, Requires: model.Requirements{PartyMember: true}},
		{ID: "van-phong", Level: model.Commune, Workload: model.Workload{Base: 20}, Allowance: c(1.0), Holders: one},
		{ID: "truong-thon", Level: model.Village, Workload: model.Workload{Base: 8, PerThousandHouseholds: 20}, Allowance: c(1.0), Term: elected(30, "2022-06-01"), Holders: one},
		{ID: "cong-an", Level: model.Village, Workload: model.Workload{Base: 8, PerThousandHouseholds: 20}, Allowance: c(0.9), Holders: one},
	}
	s.Units = append(s.Units, model.Unit{Code: "C1", Name: "Xã Một", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 1000 * n, Households: 250 * n, AreaKm2: 3 * float64(n)})
	for v := range n {
		s.Units = append(s.Units, model.Unit{Code: fmt.Sprintf("V%02d", v+1), Name: fmt.Sprintf("Thôn %d", v+1), Level: model.Village, Type: model.Thon,
			Parent: "C1", Population: 1000, Households: 200 + 10*v, AreaKm2: 3})
	}
	g := rand.New(rand.NewPCG(seed, 7))
	add := func(title, unit, residence string, main bool) {
		age := 25 + g.IntN(38)
		sex := model.Male
		if g.IntN(2) == 1 {
			sex = model.Female
		}
		id := fmt.Sprintf("P%03d", len(s.People)+1)
		start := s.Date.AddMonths(-g.IntN(180) - 1)
		term := model.Date(0)
		for _, t := range s.Titles {
			if t.ID == title {
				term = t.Term.NextElection(s.Date)
			}
		}
		s.People = append(s.People, model.Person{
			ID: id, Birth: s.Date.AddMonths(-12*age - g.IntN(12)), Sex: sex, Education: model.EduUniversity, PartyMember: true,
			Residence: residence, Capacity: 40,
			Holdings: []model.Holding{{Title: title, Unit: unit, Start: start, TermEnd: term, Main: main}},
		})
	}
	add("chu-tich", "C1", "V01", true)
	add("van-phong", "C1", "V01", true)
	for v := range n {
		code := fmt.Sprintf("V%02d", v+1)
		add("truong-thon", code, code, true)
		add("cong-an", code, code, true)
	}
	return s
}

// combineAssigner gives each village's two titles to one person, the head
// if they are there (else a recruit), and keeps the commune's holders:
// a small re-planning rule that releases people and calls for recruits.
var combineAssigner = AssignerFunc(func(_ context.Context, s *model.Scenario) (model.Plan, error) {
	holder := map[[2]string]string{}
	for _, p := range s.People {
		for _, h := range p.Holdings {
			holder[[2]string{h.Title, h.Unit}] = p.ID
		}
	}
	plan := model.Plan{Date: s.Date}
	for _, u := range s.Units {
		switch u.Level {
		case model.Commune:
			for _, t := range []string{"chu-tich", "van-phong"} {
				id, ok := holder[[2]string{t, u.Code}]
				if !ok {
					id = "NEW-" + u.Code + "-" + t
				}
				plan.Assignments = append(plan.Assignments, model.Assignment{Person: id, Title: t, Unit: u.Code, Main: true})
			}
		case model.Village:
			id, ok := holder[[2]string{"truong-thon", u.Code}]
			if !ok {
				id = "NEW-" + u.Code
			}
			plan.Assignments = append(plan.Assignments,
				model.Assignment{Person: id, Title: "truong-thon", Unit: u.Code, Main: true},
				model.Assignment{Person: id, Title: "cong-an", Unit: u.Code})
		}
	}
	return plan, nil
})
