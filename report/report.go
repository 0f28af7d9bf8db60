package report

import (
	"errors"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// Scenario is one arrangement in a comparison: the resolved scenario with
// its units and people, and its optimised plan on the scenario's date.
type Scenario struct {
	Model *model.Scenario
	Plan  *optimize.Result
	// Files are the files read: the scenario file, its bases, its unit
	// and people data (shown in the methods section); empty for a scenario
	// built in code.
	Files []string
	// Breaches are the rules an as-is plan (status optimize.AsIs, today's
	// holdings) breaks, in planner language, as the checker found them;
	// empty for a solver's plan.
	Breaches []model.Text
}

// Comparison is everything a report shows: the scenarios (the baseline
// first), their simulation on common random numbers and, optionally, the
// sensitivity of the first variant's savings.
type Comparison struct {
	// Lang is the language of the report; empty means Vietnamese.
	Lang      model.Lang
	Scenarios []Scenario
	// Sim holds the simulation of Scenarios in the same order: Sim.Baseline
	// is Scenarios[0], Sim.Variants the rest.
	Sim *sim.Comparison
	// Sensitivity of a variant's net savings; nil when not run.
	Sensitivity *sim.Sensitivity
	// SensitivityRuns and SensitivityPlanOnce say how the sensitivity was
	// run, for the methods section.
	SensitivityRuns     int
	SensitivityPlanOnce bool
	// Command is the command line that made the report, shown so that it
	// can be run again; empty to leave it out.
	Command string
	// DiscountRate is the yearly rate the budget windows were discounted
	// at (0: none).
	DiscountRate float64
	// Coverage is the communes the figures cover (coverage.go); its zero
	// value means the plans' own: every commune, less those some plan
	// could not arrange.
	Coverage Coverage
	// UnitDifferences say how the scenarios' units differ, when they were
	// compared although they do; the report shows them above its table.
	UnitDifferences []model.Text
	// Rearrangements holds, in the order of Scenarios, each scenario's
	// village rearrangement on its plan date, nil for a scenario without one.
	Rearrangements []*RearrangeSummary
}

// ErrMismatch is returned when a comparison's simulation does not match its
// scenarios.
var ErrMismatch = errors.New("report: the simulation does not match the scenarios")

// check validates c and fills the default language.
func (c *Comparison) check() error {
	if c.Lang == "" {
		c.Lang = model.Vietnamese
	}
	if err := checkLang(c.Lang); err != nil {
		return err
	}
	if len(c.Scenarios) == 0 {
		return errors.New("report: no scenario")
	}
	for i, s := range c.Scenarios {
		if s.Model == nil || s.Plan == nil {
			return fmt.Errorf("report: scenario %d has no model or no plan", i+1)
		}
	}
	if c.Sim == nil || c.Sim.Baseline == nil {
		return errors.New("report: no simulation")
	}
	if len(c.Sim.Variants) != len(c.Scenarios)-1 || len(c.Sim.Differences) != len(c.Sim.Variants) {
		return fmt.Errorf("%w: %d scenarios, %d simulated", ErrMismatch, len(c.Scenarios), len(c.Sim.Variants)+1)
	}
	if err := c.checkRearrangements(); err != nil {
		return err
	}
	for i, r := range c.results() {
		if r.Scenario != c.Scenarios[i].Model.Name {
			return fmt.Errorf("%w: scenario %d is %q, simulated %q", ErrMismatch, i+1, c.Scenarios[i].Model.Name, r.Scenario)
		}
	}
	return nil
}

// results lists the simulation results in the scenarios' order.
func (c *Comparison) results() []*sim.Result {
	return append([]*sim.Result{c.Sim.Baseline}, c.Sim.Variants...)
}
