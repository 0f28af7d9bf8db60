package report

import (
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// OptimizeSummary is the summary of one optimisation as JSON (what
// kiemnhiem optimize --json prints and --out writes as summary.json).
// Money is in đồng a year; objectives list headcount, cost and disruption.
type OptimizeSummary struct {
	Scenario        string  `json:"scenario"`
	Date            string  `json:"date"`
	Solver          string  `json:"solver"`
	Mode            string  `json:"mode"`
	Status          string  `json:"status"`
	HeadcountBefore int     `json:"headcount_before"`
	HeadcountAfter  int     `json:"headcount_after"`
	CostBefore      int64   `json:"cost_before"`
	CostAfter       int64   `json:"cost_after"`
	Saving          int64   `json:"saving"`
	Objective       []int64 `json:"objective"`
	// ObjectiveUsed is the planner's objective solved: its order, horizon
	// and rates, and the plan's value on each level.
	ObjectiveUsed *ObjectiveUsed `json:"objective_used,omitempty"`
	Bound         []int64        `json:"bound"`
	// Gap is 1 when some commune has no plan (nothing is proven about
	// the whole).
	Gap            float64 `json:"gap"`
	Seconds        float64 `json:"seconds"`
	Pools          int     `json:"pools"`
	Titles         int     `json:"titles"`
	People         int     `json:"people"`
	Released       int     `json:"released"`
	Recruits       int     `json:"recruits"`
	SeveranceTotal int64   `json:"severance_total"`
	UnplannedPools int     `json:"unplanned_pools"`
	// PlannedPools of Pools have a plan. The before, after and saving
	// figures cover those communes only, so that they compare the same
	// communes; HeadcountBeforeAll and CostBeforeAll are today's figures
	// over every commune.
	PlannedPools       int   `json:"planned_pools"`
	HeadcountBeforeAll int   `json:"headcount_before_all"`
	CostBeforeAll      int64 `json:"cost_before_all"`
	// ObjectiveChecked is the plan's value as the independent checker
	// prices it (omitted when some commune has no plan).
	ObjectiveChecked []int64       `json:"objective_checked,omitempty"`
	InfeasiblePools  []PoolReasons `json:"infeasible_pools"`
	Binding          []PoolReasons `json:"binding"`
	// Causes, Unfixed and PinEffects: see optimize_causes.go.
	Causes      []CauseSummary     `json:"causes,omitempty"`
	Unfixed     []string           `json:"unfixed,omitempty"`
	PinEffects  []PinEffectSummary `json:"pin_effects,omitempty"`
	Pins        []string           `json:"pins"`
	Forbids     []string           `json:"forbids"`
	Out         string             `json:"out,omitempty"`
	ExportModel string             `json:"export_model,omitempty"`
	// Breaches are the rules an as-is plan (status as_is: today's
	// holdings, optimize --as-is) breaks, in the summary's language;
	// absent for a solver's plan, which breaks none.
	Breaches []string `json:"breaches,omitempty"`
	// Warnings are what the data checks accepted but flag because it
	// changes the result (file:line:col: warning: …), as printed on
	// stderr; absent when there are none.
	Warnings []string `json:"warnings,omitempty"`
	// Schedule is when the plan's changes happen (schedule.go); absent
	// for today's holdings (--as-is), which change nothing.
	Schedule *ScheduleSummary `json:"schedule,omitempty"`

	// SolveStatus and Lang serve a human summary; they are not in the JSON.
	SolveStatus optimize.Status `json:"-"`
	Lang        model.Lang      `json:"-"` // language of the reasons
}

// PoolReasons is one pool's explanation: why it has no plan, or what binds
// its headcount.
type PoolReasons struct {
	Commune     string   `json:"commune"`
	CommuneName string   `json:"commune_name"`
	Reasons     []string `json:"reasons"`
	// Fixes are the single changes that give the commune a plan.
	Fixes []string `json:"fixes,omitempty"`
}

// ObjectiveLevels lists an objective's levels: headcount, cost, disruption.
func ObjectiveLevels(o optimize.Objective) []int64 {
	return []int64{int64(o.Headcount), int64(o.Cost), int64(o.Disruption)}
}

// NewOptimizeSummary summarises res, the optimisation of s by solver in
// mode: people are its [tables.PersonOutcomes] (for the released and their
// severance), unplanned the codes of the communes with no plan. Reasons are
// in lang. Pins, forbids, outputs and the checked objective are left for
// the caller.
func NewOptimizeSummary(s *model.Scenario, ix *model.Index, res *optimize.Result, people []tables.PersonOutcome, unplanned map[string]bool, solver string, mode optimize.Mode, lang model.Lang) *OptimizeSummary {
	sum := &OptimizeSummary{
		Scenario: s.Name, Date: s.Date.String(), Solver: solver, Mode: "lexicographic",
		Status:          res.Status.String(),
		HeadcountBefore: res.PlannedBefore.Headcount, HeadcountAfter: res.Objective.Headcount,
		CostBefore: int64(res.AnnualCostPlannedBefore), CostAfter: int64(res.AnnualCostAfter),
		Saving:             int64(res.AnnualCostPlannedBefore - res.AnnualCostAfter),
		HeadcountBeforeAll: res.Before.Headcount, CostBeforeAll: int64(res.AnnualCostBefore),
		Objective: ObjectiveLevels(res.Objective), Bound: ObjectiveLevels(res.Bound), Gap: res.Gap, Seconds: res.Seconds,
		Pools: len(res.Pools), Titles: res.Titles, People: res.People,
		InfeasiblePools: []PoolReasons{}, Binding: []PoolReasons{},
		UnplannedPools: countCommunes(unplanned, res),
		SolveStatus:    res.Status, Lang: lang,
	}
	sum.PlannedPools = sum.Pools - sum.UnplannedPools
	if mode == optimize.Weighted {
		sum.Mode = "weighted"
	}
	for _, p := range people {
		switch p.Status {
		case tables.PersonReleased:
			sum.Released++
			sum.SeveranceTotal += int64(p.Severance)
		case tables.PersonNew:
			sum.Recruits++
		}
	}
	rec, _ := s.Policy.Recruitment.At(s.Date)
	sum.ObjectiveUsed = NewObjectiveUsed(res, sum.SeveranceTotal, sum.Recruits, rec.Cost, lang)
	for _, p := range res.Pools {
		if len(p.Explanation) == 0 && p.Status != optimize.Infeasible {
			continue
		}
		pr := PoolReasons{Commune: p.Commune, Reasons: []string{}}
		if u, ok := ix.Unit(p.Commune); ok {
			pr.CommuneName = u.Name
		}
		for _, r := range p.Explanation {
			pr.Reasons = append(pr.Reasons, r.Text(lang))
		}
		if p.Status == optimize.Infeasible {
			sum.InfeasiblePools = append(sum.InfeasiblePools, pr)
		} else {
			sum.Binding = append(sum.Binding, pr)
		}
	}
	addCauses(sum, res, lang)
	return sum
}

// countCommunes counts the pools whose commune is in set.
func countCommunes(set map[string]bool, res *optimize.Result) int {
	n := 0
	for _, p := range res.Pools {
		if set[p.Commune] {
			n++
		}
	}
	return n
}
