package sim

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Assigner gives the titles of a scenario's units to its people: the
// simulator calls it at the start and at every election and merger, with
// the world as it is expected to be on that date (units grown and merged,
// people aged, retirees gone, holders from the previous plan with their
// terms). A commune that gets no assignment in the returned plan (for
// example because no plan meets the rules there) keeps its previous
// holders. Package optimize provides one; cmd/kiemnhiem wires it in.
type Assigner interface {
	Assign(ctx context.Context, s *model.Scenario) (model.Plan, error)
}

// AssignerFunc adapts a function to [Assigner].
type AssignerFunc func(ctx context.Context, s *model.Scenario) (model.Plan, error)

// Assign calls f.
func (f AssignerFunc) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	return f(ctx, s)
}

// Config says how to simulate. Its zero value is ready to use.
type Config struct {
	// Start is the first day simulated. Default: the scenario's date.
	Start model.Date
	// Years is the horizon. Default 10.
	Years int
	// Runs is the number of replications. Default 1,000.
	Runs int
	// Seed is the master seed every random stream is derived from.
	// Default (0): 1.
	Seed uint64
	// Workers is the number of replications run at once. Default 0:
	// GOMAXPROCS. The results do not depend on it.
	Workers int
	// Assigner re-plans at the start, at elections and at mergers. Default
	// nil: holders keep their titles, and the titles of people who retire
	// pass to recruits of the same unit at the next election.
	Assigner Assigner
	// Mergers produces the plans of the scenario's mergers that ask the
	// rearrangement planner (model.Merger.Rearrange). Default nil: such a
	// merger is an error; a threshold or an explicit plan needs none.
	Mergers MergePlanner
	// PlanOnce asks the Assigner for the start's plan only; at later
	// elections and mergers holders keep their titles, as without an
	// Assigner. It trades the re-plans' cost for realism, e.g. in a
	// sensitivity analysis. Default false: re-plan at every event.
	PlanOnce bool
	// DiscountRate discounts the budget-window totals, per year (0.05 =
	// 5 %); year 1 is not discounted. Default 0: no discounting.
	DiscountRate float64
	// Progress, when set, is told how far the work has gone: after each
	// re-plan and each replication. It is called from one goroutine at a
	// time.
	Progress func(Progress)
	// Independent gives every scenario its own random streams instead of
	// common random numbers: only for measuring what common random numbers
	// buy. Default false.
	Independent bool

	hooks hooks
}

// hooks are settings only tests change, to check that a shortcut of the
// engine changes nothing. The zero value is the simulator's behaviour.
type hooks struct {
	// partPeople, when positive, is the size parts are filled to instead
	// of the constant partPeople: tests split finer.
	partPeople int
	// dropKept makes a re-plan drop and hand back the seats a person keeps,
	// which realise otherwise leaves in place.
	dropKept bool
}

// Progress reports how far a Run or Compare has gone.
type Progress struct {
	Scenario string
	// Stage is StagePlan for the re-plans of the expected world, then
	// StageRun for the replications, first reported with Done 0 as they
	// begin.
	Stage Stage
	Done  int
	Total int
}

// Stage is a step of the work a Progress reports.
type Stage string

// Stages of the work. StageOptimize is not the simulator's: a caller that
// optimises its scenarios before simulating them reports it on the same
// bars.
const (
	StagePlan     Stage = "plan"
	StageRun      Stage = "run"
	StageOptimize Stage = "optimize"
)

// Stages lists every stage.
var Stages = []Stage{StagePlan, StageRun, StageOptimize}

// Text names the stage for people; an unknown stage shows its key.
func (s Stage) Text() model.Text { return model.TextOf(stageTexts, s) }

var stageTexts = map[Stage]model.Text{
	StagePlan:     {Vi: "lập lại phương án", En: "re-planning"},
	StageRun:      {Vi: "lần chạy", En: "runs"},
	StageOptimize: {Vi: "tối ưu", En: "optimising"},
}

func (c Config) withDefaults(s *model.Scenario) Config {
	if c.Start.IsZero() {
		c.Start = s.Date
	}
	if c.Years <= 0 {
		c.Years = 10
	}
	if c.Runs <= 0 {
		c.Runs = 1000
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	return c
}

// Sentinel errors.
var (
	ErrNoScenario = errors.New("sim: no scenario")
	ErrNoUnits    = errors.New("sim: scenario has no units; load its data first")
	ErrDynamics   = errors.New("sim: scenario's dynamics are missing a parameter")
)

// Run simulates scenario s: Runs replications of Years years from Start.
func (c Config) Run(ctx context.Context, s *model.Scenario) (*Result, error) {
	cmp, err := c.run(ctx, []*model.Scenario{s})
	if err != nil {
		return nil, err
	}
	return cmp.Baseline, nil
}

// Compare simulates a baseline and its variants on common random numbers:
// the same people draw the same random numbers in every scenario, so the
// differences between scenarios carry little noise. Differences are
// variant minus baseline, replication by replication.
func (c Config) Compare(ctx context.Context, baseline *model.Scenario, variants ...*model.Scenario) (*Comparison, error) {
	return c.run(ctx, append([]*model.Scenario{baseline}, variants...))
}

func (c Config) run(ctx context.Context, ss []*model.Scenario) (*Comparison, error) {
	for _, s := range ss {
		if s == nil {
			return nil, ErrNoScenario
		}
		if len(s.Units) == 0 {
			return nil, fmt.Errorf("%w (%s)", ErrNoUnits, s.Name)
		}
	}
	cfg := c.withDefaults(ss[0])
	var mu sync.Mutex
	report := func(p Progress) {
		if cfg.Progress != nil {
			mu.Lock()
			cfg.Progress(p)
			mu.Unlock()
		}
	}
	results := make([]*Result, len(ss))
	for i, s := range ss {
		w, err := buildWorld(ctx, s, cfg, report)
		if err != nil {
			return nil, fmt.Errorf("sim: %s: %w", s.Name, err)
		}
		r, err := w.simulate(ctx, cfg, report)
		if err != nil {
			return nil, fmt.Errorf("sim: %s: %w", s.Name, err)
		}
		results[i] = r
	}
	return compare(cfg, results), nil
}
