package optimize

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Schedule returns the schedule of r's plan for s, the scenario r was
// solved for (see [NewSchedule]). A commune with no plan keeps today's
// holdings, so it has no steps.
func (r *Result) Schedule(s *model.Scenario) (*Schedule, error) {
	if s == nil {
		return nil, ErrNoScenario
	}
	target := model.Plan{Date: r.Plan.Date, Assignments: append([]model.Assignment(nil), r.Plan.Assignments...)}
	if len(r.unplanned) > 0 {
		ix, err := model.NewIndex(s)
		if err != nil {
			return nil, fmt.Errorf("optimize: schedule: %w", err)
		}
		for _, a := range s.CurrentPlan().Assignments {
			if c, ok := ix.CommuneOf(a.Unit); ok && r.unplanned[c.Code] {
				target.Assignments = append(target.Assignments, a)
			}
		}
	}
	return NewSchedule(s, target)
}
