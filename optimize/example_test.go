package optimize_test

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// exampleVillages is a commune with two villages, each with a head and a
// party secretary held by two people today.
func exampleVillages() *model.Scenario {
	from := model.MustDate("2024-07-01")
	s := &model.Scenario{
		Date: model.MustDate("2026-01-01"),
		Policy: model.Policy{
			BaseSalary:         model.Const[model.Money](from, 2_340_000, "NĐ 73/2024"),
			MaxTitlesPerPerson: model.Const(from, 2, ""),
			ConcurrencyRate:    model.Const(from, 0.5, ""),
			VillageCap:         model.Const(from, 3, ""),
			Combination:        model.Const(from, model.CombinationRule{Mode: model.AnyPair}, ""),
			FundBinds:          model.Const(from, false, ""),
			TermsBind:          model.Const(from, false, ""),
			Recruitment:        model.Const(from, model.RecruitmentRule{}, ""),
		},
		Titles: []model.Title{
			{ID: "truong-thon", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Allowance: 0.7, Workload: model.Workload{Base: 10}, Requires: model.Requirements{Resident: true}},
			{ID: "bi-thu-chi-bo", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Allowance: 0.7, Workload: model.Workload{Base: 10}, Requires: model.Requirements{PartyMember: true}},
		},
		Units: []model.Unit{{Code: "X", Level: model.Commune, Type: model.Xa}},
	}
	for v := range 2 {
		code := fmt.Sprintf("X-%d", v+1)
		s.Units = append(s.Units, model.Unit{Code: code, Level: model.Village, Type: model.Thon, Parent: "X"})
		for k, title := range []string{"truong-thon", "bi-thu-chi-bo"} {
			s.People = append(s.People, model.Person{
				ID: fmt.Sprintf("%s-%d", code, k), Birth: model.NewDate(1975+v, 3, 1), Residence: code,
				Capacity: 40, PartyMember: k == 1 || v == 0,
				Holdings: []model.Holding{{Title: title, Unit: code, Main: true}},
			})
		}
	}
	return s
}

// Solve finds the plan with the fewest people, then the least allowance,
// then the fewest changes, and proves it optimal.
func ExampleSolve() {
	res, err := optimize.Solve(context.Background(), &optimize.Problem{Scenario: exampleVillages()}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Status, "—", res.Objective.Headcount, "people")
	for _, a := range res.Plan.Assignments {
		fmt.Printf("%s holds %s in %s (main %v)\n", a.Person, a.Title, a.Unit, a.Main)
	}
	// Output:
	// optimal — 2 people
	// X-1-1 holds bi-thu-chi-bo in X-1 (main false)
	// X-1-1 holds truong-thon in X-1 (main true)
	// X-2-1 holds bi-thu-chi-bo in X-2 (main false)
	// X-2-1 holds truong-thon in X-2 (main true)
}

// Assigner lets the simulator re-plan with the optimiser: pass it as
// sim.Config.Assigner.
func ExampleAssigner() {
	plan, err := optimize.Assigner{}.Assign(context.Background(), exampleVillages())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(plan.Assignments), "titles assigned")
	// Output:
	// 4 titles assigned
}

// NewAssigner remembers the pools it has solved: a second scenario that
// differs from the first only in its name, or in anything the plan does
// not depend on, is planned from the cache, with the plan a fresh solve
// gives.
func ExampleNewAssigner() {
	a := optimize.NewAssigner(nil)
	s := exampleVillages()
	first, err := a.Assign(context.Background(), s)
	if err != nil {
		fmt.Println(err)
		return
	}
	again := *s
	again.Name = "the same villages, another name"
	second, err := a.Assign(context.Background(), &again)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := a.CacheStats()
	fmt.Println(len(first.Assignments), len(second.Assignments), "titles assigned")
	fmt.Println(st.Misses, "pool solved,", st.Hits, "from the cache")
	// Output:
	// 4 4 titles assigned
	// 1 pool solved, 1 from the cache
}

// AsItIs takes today's holdings as the plan, without optimising: four
// people, each paid 0.7 × 2,340,000 đồng a month.
func ExampleAsItIs() {
	res, err := optimize.AsItIs(&optimize.Problem{Scenario: exampleVillages()})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Status, "—", res.Objective.Headcount, "people,", int64(res.Objective.Cost), "đồng a year,", res.Objective.Disruption, "changes")
	fmt.Println(res.Status.Text().En)
	// Output:
	// as_is — 4 people, 78624000 đồng a year, 0 changes
	// as it is today: the current holdings, not optimised
}
