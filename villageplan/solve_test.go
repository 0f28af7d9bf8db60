package villageplan_test

import (
	"context"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// TestSharedSolve: the people of the villages after are planned once,
// with the caller's settings and solver, and that plan is Result.Solved,
// the one People is read off (kiemnhiem compare shows it in its report).
func TestSharedSolve(t *testing.T) {
	cost := model.OrderCost
	for _, tt := range []struct {
		name     string
		settings *optimize.Settings
		decided  bool
	}{
		{"defaults", nil, false},
		{"cost first", &optimize.Settings{Order: &cost}, false},
		{"decided plan, cost first", &optimize.Settings{Order: &cost}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var calls int
			var returned *optimize.Result
			opt := villageplan.DefaultOptions()
			opt.Settings = tt.settings
			opt.Solve = func(ctx context.Context, p *optimize.Problem, s *optimize.Settings) (*optimize.Result, error) {
				calls++
				if s != tt.settings {
					t.Errorf("solved with settings %+v, want %+v", s, tt.settings)
				}
				res, err := optimize.Solve(ctx, p, s)
				returned = res
				return res, err
			}
			s := commune(400, 90, 300, 60, 200)
			var r *villageplan.Result
			var err error
			if tt.decided {
				r, err = villageplan.FromMapping(t.Context(), s, map[string]string{"25001-04": "25001-02"}, opt, model.English)
			} else {
				r, err = villageplan.Plan(t.Context(), s, opt, model.English)
			}
			if err != nil {
				t.Fatal(err)
			}
			if calls != 1 || r.Solved == nil || r.Solved != returned {
				t.Fatalf("%d solves, Solved %p, the solver returned %p; want one, the same", calls, r.Solved, returned)
			}
			if got := r.Solved.Goal.Order; tt.settings != nil && got != *tt.settings.Order {
				t.Errorf("plan ordered by %v, want %v", got, *tt.settings.Order)
			}
			if p := r.People; p.PeopleAfter != r.Solved.Objective.Headcount || p.AllowancesAfter != int64(r.Solved.AnnualCostAfter) || p.TitlesAfter != len(r.Solved.Plan.Assignments) {
				t.Errorf("people %+v not read off the plan solved (headcount %d)", p, r.Solved.Objective.Headcount)
			}
		})
	}
}
