package main

import (
	"context"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// optimizeAssigner is the [sim.Assigner] the simulate command re-plans
// with: the native optimiser, with its default settings, on the expected
// world the simulator hands it. A commune with no plan (an infeasible pool)
// simply gets no assignments, and the simulator keeps its holders. Package
// sim cannot import optimize; this is where the two meet.
type optimizeAssigner struct{}

var _ sim.Assigner = optimizeAssigner{}

// Assign solves s and returns its plan.
func (optimizeAssigner) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	res, err := optimize.Solve(ctx, &optimize.Problem{Scenario: s}, nil)
	if err != nil {
		return model.Plan{}, err
	}
	// A cancelled solve may return the best plan found so far: never let
	// it pass for a re-plan.
	if err := ctx.Err(); err != nil {
		return model.Plan{}, err
	}
	return res.Plan, nil
}
