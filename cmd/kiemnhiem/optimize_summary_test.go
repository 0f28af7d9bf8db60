package main

import (
	"encoding/json"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/report"
)

// two is tiny twice: communes 99001 and 99002 with 8 people each.
const two = "testdata/optimize2/two.yaml"

// TestOptimizeSummaryDiscipline: whatever the solver and however a commune
// comes to have no plan (infeasible, or stopped before a first plan), the
// bound never exceeds the objective, a result with an unplanned commune has
// gap 1, and before, after and saving cover the same communes.
func TestOptimizeSummaryDiscipline(t *testing.T) {
	tests := []struct {
		name            string
		args            []string
		planned         int
		headcountBefore int // over the planned communes
	}{
		{"all planned", nil, 2, 16},
		{"one infeasible", []string{"--pin", "P04:bi-thu-chi-bo@99001-01"}, 1, 8},
		{"stopped at once", []string{"--time-limit", "1ns"}, -1, -1},
	}
	for _, solver := range []string{"native", "cbc", "glpk"} {
		for _, tt := range tests {
			t.Run(solver+"/"+tt.name, func(t *testing.T) {
				if solver != "native" {
					requireTool(t, map[string]string{"cbc": "cbc", "glpk": "glpsol"}[solver])
				}
				code, out, errOut := cli(t, append([]string{"optimize", two, "--json", "--solver", solver}, tt.args...)...)
				if code != exitOK {
					t.Fatalf("exit %d\n%s", code, errOut)
				}
				var s report.OptimizeSummary
				if err := json.Unmarshal([]byte(out), &s); err != nil {
					t.Fatal(err)
				}
				checkDiscipline(t, &s)
				if tt.planned >= 0 && (s.PlannedPools != tt.planned || s.HeadcountBefore != tt.headcountBefore) {
					t.Errorf("%d communes planned, %d people before; want %d and %d", s.PlannedPools, s.HeadcountBefore, tt.planned, tt.headcountBefore)
				}
			})
		}
	}
}

func checkDiscipline(t *testing.T, s *report.OptimizeSummary) {
	t.Helper()
	for i := range s.Bound {
		if s.Bound[i] != s.Objective[i] {
			if s.Bound[i] > s.Objective[i] {
				t.Errorf("bound %v above the objective %v", s.Bound, s.Objective)
			}
			break
		}
	}
	if s.PlannedPools+s.UnplannedPools != s.Pools {
		t.Errorf("%d planned + %d unplanned communes, of %d", s.PlannedPools, s.UnplannedPools, s.Pools)
	}
	if s.UnplannedPools > 0 && s.Gap != 1 {
		t.Errorf("gap %v with %d communes unplanned, want 1", s.Gap, s.UnplannedPools)
	}
	if s.Saving != s.CostBefore-s.CostAfter {
		t.Errorf("saving %d is not cost before %d − after %d", s.Saving, s.CostBefore, s.CostAfter)
	}
	if s.PlannedPools == 0 && (s.HeadcountBefore != 0 || s.CostBefore != 0 || s.Saving != 0) {
		t.Errorf("no commune planned, yet before %d people, %d đồng, saving %d", s.HeadcountBefore, s.CostBefore, s.Saving)
	}
	if s.HeadcountBeforeAll != 16 || s.CostBeforeAll < s.CostBefore {
		t.Errorf("today over every commune: %d people, %d đồng; want 16 and at least %d", s.HeadcountBeforeAll, s.CostBeforeAll, s.CostBefore)
	}
}
