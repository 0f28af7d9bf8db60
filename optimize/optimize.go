package optimize

import (
	"errors"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Problem is what to solve: a scenario with its units and people loaded,
// and the planner's what-if constraints.
type Problem struct {
	Scenario *model.Scenario
	// Pins keep a person on a title: the plan must give them that title.
	Pins []Pin
	// Forbids keep a person off a title.
	Forbids []Pin
}

// Pin names one person and one title in one unit.
type Pin struct {
	Person string
	Title  string
	Unit   string
}

func (p Pin) String() string { return p.Person + ":" + p.Title + "@" + p.Unit }

// Mode is how the three objective levels are combined.
type Mode uint8

// Objective modes.
const (
	// Lexicographic minimises headcount, then allowance cost among the plans
	// with fewest people, then disruption among those.
	Lexicographic Mode = iota
	// Weighted minimises Weights.Headcount·people + Weights.Cost·đồng +
	// Weights.Disruption·changes.
	Weighted
)

// Weights are the per-unit prices of the weighted mode, in đồng: what one
// more person and one more change are worth against a đồng of annual cost.
type Weights struct {
	Headcount  float64
	Cost       float64
	Disruption float64
}

// Settings tune Solve. A nil *Settings means every default.
type Settings struct {
	// TimeLimit stops the search and returns the best plan found with its
	// bound. Default 0: no limit (the context still cancels).
	TimeLimit time.Duration
	// Workers is the number of pools solved at once. Default 0: GOMAXPROCS.
	Workers int
	// Mode combines the objective levels. Default Lexicographic.
	Mode Mode
	// Order overrides the order of the scenario's objective
	// (policy.objective on the plan date): headcount, cost or stability
	// first. Default nil: the scenario's (headcount first when it states
	// none). A net-cost order on a scenario without a horizon takes
	// model.DefaultHorizonYears, undiscounted (model.ObjectiveRule.WithOrder).
	Order *model.ObjectiveOrder
	// Weights are used in Weighted mode. Default (zero): 1e9 đồng per person,
	// 1 per đồng, 1e6 đồng per change.
	Weights Weights
	// MaxStates caps the states of one pool's search; a pool that needs
	// more stops with the best plan found and its bound. Default 0: 4
	// million.
	MaxStates int
	// Explain makes every feasible pool say which rules keep its headcount
	// up (PoolResult.Explanation: workload, max titles, combination, caps,
	// funds, terms, requirements), at the cost of solving the pool again
	// once per rule family present. Infeasible pools are always explained.
	// Default false; the CLI turns it on.
	Explain bool
}

func (s *Settings) orDefault() Settings {
	var out Settings
	if s != nil {
		out = *s
	}
	if out.Weights == (Weights{}) {
		out.Weights = Weights{Headcount: 1e9, Cost: 1, Disruption: 1e6}
	}
	if out.MaxStates <= 0 {
		out.MaxStates = 4_000_000
	}
	return out
}

// Objective is the value of a plan on the three levels.
type Objective struct {
	Headcount int // people holding at least one title
	// Cost is the annual allowance cost plus one-off recruitment cost
	// under the headcount order; the net cost over the horizon under the
	// cost and stability orders (see Result.Goal and objective.go).
	Cost       model.Money
	Disruption int // people released plus titles that change hands
}

// Less reports whether o is lexicographically better than p in the
// headcount order (see LessIn for the others).
func (o Objective) Less(p Objective) bool {
	if o.Headcount != p.Headcount {
		return o.Headcount < p.Headcount
	}
	if o.Cost != p.Cost {
		return o.Cost < p.Cost
	}
	return o.Disruption < p.Disruption
}

// Add returns the level-wise sum.
func (o Objective) Add(p Objective) Objective {
	return Objective{o.Headcount + p.Headcount, o.Cost + p.Cost, o.Disruption + p.Disruption}
}

// Sub returns the level-wise difference.
func (o Objective) Sub(p Objective) Objective {
	return Objective{o.Headcount - p.Headcount, o.Cost - p.Cost, o.Disruption - p.Disruption}
}

// Weighted returns the weighted-mode value of o.
func (o Objective) Weighted(w Weights) float64 {
	return w.Headcount*float64(o.Headcount) + w.Cost*float64(o.Cost) + w.Disruption*float64(o.Disruption)
}

// Result is a solved problem.
type Result struct {
	Status Status
	// Plan gives every title of every feasible pool its holders. For an
	// infeasible pool it is empty.
	Plan model.Plan
	// Objective is the plan's value; Bound a proven lower bound on the best
	// value (level by level: the bound on cost holds among plans with the
	// bound's headcount). For an optimal result they are equal.
	Objective, Bound Objective
	// Objective and Bound sum the pools that have a plan only.
	//
	// Gap is (objective − bound) / objective on the first level where they
	// differ; 0 when optimal; 1 when some pool has no plan (infeasible, or
	// stopped before finding one): nothing is proven about the whole.
	Gap float64
	// Before is the objective of today's holdings (infeasible rules
	// notwithstanding), for comparison.
	Before Objective
	// AnnualCostBefore and AnnualCostAfter are allowance costs per year in
	// đồng, without one-off costs.
	AnnualCostBefore, AnnualCostAfter model.Money
	Pools                             []PoolResult
	Titles                            int // title holders needed (slots × holders)
	People                            int // candidates considered, recruits excluded
	Seconds                           float64

	// PlannedBefore and AnnualCostPlannedBefore are Before and
	// AnnualCostBefore over the people of the communes with a plan: what
	// Objective and AnnualCostAfter are compared with. They equal Before and
	// AnnualCostBefore when every commune has a plan.
	PlannedBefore           Objective
	AnnualCostPlannedBefore model.Money

	// Goal is the objective solved: its order (which level Objective,
	// Bound and Gap compare first) and, for a net-cost order, the horizon
	// and rates Objective.Cost counts.
	Goal model.ObjectiveRule

	unplanned map[string]bool // communes with no plan
}

// PoolResult is the outcome for one pool: a commune with its villages and
// the people who may hold their titles.
type PoolResult struct {
	Commune          string // unit code
	Status           Status
	Objective, Bound Objective
	States           int // search states explored
	// Infeasible: the smallest set of conflicting rules found. Feasible:
	// what binds the headcount.
	Explanation []Reason
	// Fixes are the single changes that give an infeasible pool a plan,
	// each the least of its kind (explain_fix.go); Pins says what each
	// pin and forbid of a pool with a plan changes (explain_pins.go).
	Fixes []Fix
	Pins  []PinEffect
}

// Sentinel errors.
var (
	ErrNoScenario = errors.New("optimize: problem has no scenario")
	ErrNoData     = errors.New("optimize: scenario has no units; load its data first")
)
