package optimize

import (
	"context"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Assigner re-plans a scenario with Solve: it satisfies the simulator's
// sim.Assigner interface without this package importing sim (or sim this
// one), so a caller wires the two together:
//
//	cfg := sim.Config{Assigner: optimize.Assigner{}}
//
// A commune with no plan (an infeasible pool) simply gets no assignments,
// and the simulator keeps its holders.
type Assigner struct {
	// Settings tune every solve; nil means defaults.
	Settings *Settings
}

// Assign solves s and returns its plan. A cancelled solve is an error, never
// a partial plan passed off as a re-plan.
func (a Assigner) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	res, err := Solve(ctx, &Problem{Scenario: s}, a.Settings)
	if err != nil {
		return model.Plan{}, err
	}
	if err := ctx.Err(); err != nil {
		return model.Plan{}, err
	}
	return res.Plan, nil
}
