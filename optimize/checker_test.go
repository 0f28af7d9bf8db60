package optimize

import (
	"github.com/kiemnhiem/kiemnhiem/model"
)

// The independent checker (package optimize/check) imports this package, so
// the in-package tests cannot import it without a cycle. checker_link_test.go,
// an external test file of the same test binary, hands its functions over
// through UseChecker before any test runs; Check and Evaluate below call
// them.

// CheckedViolation is a violation the checker found, as the in-package
// tests see it.
type CheckedViolation struct {
	Rule Rule
	Text string
}

func (v CheckedViolation) String() string { return v.Text }

var checker struct {
	check    func(*Problem, model.Plan) []CheckedViolation
	evaluate func(*Problem, model.Plan, model.ObjectiveRule) (Objective, error)
}

// UseChecker installs the independent checker's functions.
func UseChecker(check func(*Problem, model.Plan) []CheckedViolation, evaluate func(*Problem, model.Plan, model.ObjectiveRule) (Objective, error)) {
	checker.check, checker.evaluate = check, evaluate
}

// Check is check.Check.
func Check(p *Problem, plan model.Plan) []CheckedViolation {
	if checker.check == nil {
		panic("optimize tests: the checker is not installed (checker_link_test.go)")
	}
	return checker.check(p, plan)
}

// Evaluate is check.Evaluate: the scenario's own objective.
func Evaluate(p *Problem, plan model.Plan) (Objective, error) {
	pa, _ := p.Scenario.Policy.At(p.Scenario.Date)
	return EvaluateGoal(p, plan, pa.Objective)
}

// EvaluateGoal is check.EvaluateGoal.
func EvaluateGoal(p *Problem, plan model.Plan, goal model.ObjectiveRule) (Objective, error) {
	if checker.evaluate == nil {
		panic("optimize tests: the checker is not installed (checker_link_test.go)")
	}
	return checker.evaluate(p, plan, goal)
}
