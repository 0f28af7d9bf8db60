package optimize_test

import (
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// init hands the independent checker to the in-package tests (see
// checker_test.go), which cannot import it.
func init() {
	optimize.UseChecker(func(p *optimize.Problem, plan model.Plan) []optimize.CheckedViolation {
		var out []optimize.CheckedViolation
		for _, v := range check.Check(p, plan) {
			out = append(out, optimize.CheckedViolation{Rule: v.Rule, Text: v.String()})
		}
		return out
	}, check.EvaluateGoal)
}
