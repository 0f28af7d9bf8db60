package sim

import (
	"context"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestReleasePastRetirement: a re-plan that lets go of holders past the
// retirement age (their titles do not stop there) pays them no Decree
// 154/2025 support, as the optimiser prices it; letting go of younger
// holders does.
func TestReleasePastRetirement(t *testing.T) {
	for _, tt := range []struct {
		name      string
		birthYear int
		paid      bool
	}{
		{"past the retirement age", 1950, false},
		{"of working age", 1985, true},
	} {
		s := testScenario(30, 3)
		s.Dynamics.Resignation = model.Const(s.Date, model.ResignationRule{}, "")
		s.Dynamics.Death = model.Const(s.Date, 0.0, "")
		for i := range s.Titles {
			s.Titles[i].Requires.PastRetirement = true
		}
		let := map[string]bool{}
		for i := range s.People {
			if i%3 == 0 {
				s.People[i].Birth = model.NewDate(tt.birthYear, 3, 1)
				let[s.People[i].ID] = true
			}
		}
		release := AssignerFunc(func(_ context.Context, sc *model.Scenario) (model.Plan, error) {
			cur := sc.CurrentPlan()
			out := model.Plan{Date: cur.Date}
			for _, a := range cur.Assignments {
				if !let[a.Person] {
					out.Assignments = append(out.Assignments, a)
				}
			}
			return out, nil
		})
		r := mustRun(t, Config{Years: 1, Runs: 1, Assigner: release}, s)
		released, paid := r.Samples(ExitsReleased)[0][0], r.Samples(Severance)[0][0]
		if released == 0 || (paid > 0) != tt.paid {
			t.Errorf("%s: %v released, severance %v; want some released and paid = %v", tt.name, released, paid, tt.paid)
		}
	}
}
