package check_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

func TestVerify(t *testing.T) {
	solved := func(t *testing.T) (*optimize.Problem, *optimize.Result) {
		p := &optimize.Problem{Scenario: ckScenario()}
		res, err := optimize.Solve(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		return p, res
	}
	tests := []struct {
		name   string
		edit   func(p *optimize.Problem, res *optimize.Result)
		want   error // nil: the plan verifies
		priced bool
	}{
		{name: "the solver's plan", priced: true},
		{name: "a title left without its holder",
			edit: func(_ *optimize.Problem, res *optimize.Result) { res.Plan.Assignments = res.Plan.Assignments[1:] },
			want: check.ErrBroken, priced: true},
		{name: "an objective the checker does not confirm",
			edit: func(_ *optimize.Problem, res *optimize.Result) { res.Objective.Cost++ },
			want: check.ErrMismatch, priced: true},
		{name: "an unplanned commune's empty titles are by design",
			edit: func(_ *optimize.Problem, res *optimize.Result) {
				res.Plan.Assignments = nil
				res.Pools[0].Status = optimize.Infeasible
			}},
		{name: "no scenario",
			edit: func(p *optimize.Problem, _ *optimize.Result) { p.Scenario = nil },
			want: optimize.ErrNoScenario},
		{name: "a required policy value missing",
			edit: func(p *optimize.Problem, _ *optimize.Result) { p.Scenario.Policy.BaseSalary = nil },
			want: model.ErrNoValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, res := solved(t)
			if tc.edit != nil {
				tc.edit(p, res)
			}
			rep, err := check.Verify(p, res)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("Verify: %v, want %v", err, tc.want)
			}
			if rep == nil {
				return
			}
			if rep.Priced != tc.priced {
				t.Errorf("Priced = %v, want %v", rep.Priced, tc.priced)
			}
			if errors.Is(err, check.ErrBroken) != (len(rep.Violations) > 0) {
				t.Errorf("violations %v with error %v", rep.Violations, err)
			}
		})
	}
}

func ExampleVerify() {
	s := exampleVillage(40,
		model.Title{ID: "truong-thon", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Allowance: 0.7, Workload: model.Workload{Base: 10}},
	)
	p := &optimize.Problem{Scenario: s}
	res, err := optimize.Solve(context.Background(), p, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := check.Verify(p, res)
	fmt.Println(err, rep.Priced, rep.Objective.Headcount)
	// A plan that leaves the title without its holder fails.
	res.Plan.Assignments = nil
	_, err = check.Verify(p, res)
	fmt.Println(errors.Is(err, check.ErrBroken))
	// Output:
	// <nil> true 1
	// true
}

// exampleVillage is a commune X with one village X-1, where titles are to
// be held, and Lan, living there, who can work capacity hours a week.
func exampleVillage(capacity model.Hours, titles ...model.Title) *model.Scenario {
	from := model.MustDate("2024-07-01")
	return &model.Scenario{
		Date: model.MustDate("2026-01-01"),
		Policy: model.Policy{
			BaseSalary:         model.Const[model.Money](from, 2_340_000, ""),
			MaxTitlesPerPerson: model.Const(from, 2, ""),
			ConcurrencyRate:    model.Const(from, 1.0, ""),
			VillageCap:         model.Const(from, 3, ""),
		},
		Titles: titles,
		Units: []model.Unit{
			{Code: "X", Level: model.Commune, Type: model.Xa},
			{Code: "X-1", Level: model.Village, Type: model.Thon, Parent: "X"},
		},
		People: []model.Person{{ID: "lan", Birth: model.MustDate("1980-03-01"), Residence: "X-1", Capacity: capacity}},
	}
}
