package check

import (
	"errors"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// Errors Verify wraps.
var (
	// ErrBroken: the plan breaks rules outside the communes left
	// unplanned.
	ErrBroken = errors.New("optimize: the plan fails the checker")
	// ErrMismatch: the checker prices the plan otherwise than the solver.
	ErrMismatch = errors.New("optimize: the checker values the plan otherwise than the solver")
)

// Report is what Verify finds.
type Report struct {
	// Unplanned holds the codes of the communes whose pool has no plan
	// (infeasible, or stopped by a limit before a first plan) and of every
	// unit in them: their titles are unfilled by design.
	Unplanned map[string]bool
	// Violations are the rules the plan breaks outside Unplanned: any is
	// a bug in the solver, except in an as-is result, where they are the
	// breaches of today's holdings (see AsIs).
	Violations []Violation
	// AsIs says the result was today's holdings (optimize.AsItIs), not a
	// solver's plan: its Violations are breaches to report, not an error.
	AsIs bool
	// Priced says the checker priced the plan, which it does only when
	// every commune is planned; Objective is then its value of the plan.
	Priced    bool
	Objective optimize.Objective
	// PriceErr says why the checker could not price a plan in which every
	// commune is planned.
	PriceErr error
}

// Verify re-verifies a solver's result as the optimize command does: it
// checks every rule of the plan ([Check]) outside the communes left
// unplanned and, when every commune is planned, prices the plan
// ([Evaluate]) against the solver's objective.
//
// An as-is result (status optimize.AsIs) is today's holdings, which may
// break rules: Verify reports them, not refuses them. Its Violations list
// every breach (nothing is unplanned) and AsIs is set; the error is nil
// unless the checker prices the holdings otherwise than optimize.AsIs
// (ErrMismatch, a bug) or the problem cannot be read.
//
// The error wraps ErrBroken when the plan breaks a rule, else ErrMismatch
// when the checker's value differs from res.Objective or it cannot price
// the plan, else the problem's own error (no scenario, duplicate IDs, a
// required policy value missing); the Report is nil only in that last
// case.
func Verify(p *optimize.Problem, res *optimize.Result) (*Report, error) {
	if p == nil || p.Scenario == nil {
		return nil, optimize.ErrNoScenario
	}
	if res == nil {
		return nil, errors.New("optimize: verify: no result")
	}
	s := p.Scenario
	ix, err := model.NewIndex(s)
	if err != nil {
		return nil, fmt.Errorf("optimize: %w", err)
	}
	if _, err := s.Policy.At(s.Date); err != nil {
		return nil, fmt.Errorf("optimize: %w", err)
	}
	rep := &Report{Unplanned: unplannedUnits(ix, s, res), AsIs: res.Status == optimize.AsIs}
	for _, v := range Check(p, res.Plan) {
		if v.Unit == "" || !rep.Unplanned[v.Unit] {
			rep.Violations = append(rep.Violations, v)
		}
	}
	if len(rep.Unplanned) == 0 {
		rep.Objective, rep.PriceErr = EvaluateGoal(p, res.Plan, res.Goal)
		rep.Priced = rep.PriceErr == nil
	}
	switch {
	case len(rep.Violations) > 0 && !rep.AsIs:
		return rep, fmt.Errorf("%w: %d violations, the first: %v", ErrBroken, len(rep.Violations), rep.Violations[0])
	case rep.PriceErr != nil:
		return rep, fmt.Errorf("%w: it cannot price it: %v", ErrMismatch, rep.PriceErr)
	case rep.Priced && rep.Objective != res.Objective:
		return rep, fmt.Errorf("%w: %v against %v (headcount, cost, disruption)", ErrMismatch, rep.Objective, res.Objective)
	}
	return rep, nil
}

// unplannedUnits returns the codes of the communes whose pool has no plan
// (infeasible, or out of time or states before a first plan), with the
// codes of all the units in them.
func unplannedUnits(ix *model.Index, s *model.Scenario, res *optimize.Result) map[string]bool {
	planned := map[string]bool{}
	for _, a := range res.Plan.Assignments {
		if c, ok := ix.CommuneOf(a.Unit); ok {
			planned[c.Code] = true
		}
	}
	out := map[string]bool{}
	for _, p := range res.Pools {
		if p.Status == optimize.Infeasible || (p.Status != optimize.Optimal && !planned[p.Commune]) {
			out[p.Commune] = true
		}
	}
	if len(out) == 0 {
		return out
	}
	for i := range s.Units {
		if c, ok := ix.CommuneOf(s.Units[i].Code); ok && out[c.Code] {
			out[s.Units[i].Code] = true
		}
	}
	return out
}
