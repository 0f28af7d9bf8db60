package villageplan

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// Options are the choices of one rearrangement variant.
type Options struct {
	// MaxMerge is the most villages that may merge into one (K), 1 to
	// rearrange.MaxMergeLimit.
	MaxMerge int
	// Goal is what the solver optimises: the decree's fewest merges, or
	// the what-if of the greatest consolidation.
	Goal rearrange.Goal
	// Adjacency merges only neighbours in a commune whose villages all
	// carry a neighbour list; a commune with a village without one merges
	// regardless of neighbours (kiemnhiem rearrange --adjacency auto).
	// False ignores the neighbour lists everywhere (--adjacency off).
	Adjacency bool
	// WindowYears is the years over which the net savings are stated; 0
	// means DefaultWindowYears.
	WindowYears int
	// DiscountRate discounts the window's savings as kiemnhiem compare
	// --discount does (year y's by (1+r)^−(y−1), the first year not
	// discounted; model.ObjectiveRule.AnnuityFactor), so the two commands
	// state one figure; 0, the default of both, does not discount. At
	// least 0 and below 1.
	DiscountRate float64
	// Settings are the optimiser's settings for the people of the
	// villages after (nil: optimize's defaults), and Solve, when set,
	// solves in place of optimize.Solve. kiemnhiem compare passes its own
	// (--objective, a test's solver) so that the plan its report shows and
	// the people and money of its rearrangement section are one solve
	// (Result.Solved).
	Settings *optimize.Settings
	Solve    func(context.Context, *optimize.Problem, *optimize.Settings) (*optimize.Result, error)
}

// DefaultWindowYears is the window of the net savings when
// Options.WindowYears is 0: five years, the village head's term (NĐ
// 185/2026 Art. 4, policy-facts 9.6).
const DefaultWindowYears = 5

// DefaultOptions are kiemnhiem rearrange's defaults: at most 3 villages
// into one, the fewest merges, neighbours only where known, five years.
func DefaultOptions() Options {
	return Options{MaxMerge: 3, Goal: rearrange.FewestMerges, Adjacency: true, WindowYears: DefaultWindowYears}
}

// MergerOptions are the options of a scenario's rearrangement merger
// (model.Merger.Rearrange) or of the rules a decided plan is checked
// against (model.Merger.DecidedRules), with the default window and no
// discounting.
func MergerOptions(r model.MergerRearrange) Options {
	goal := rearrange.FewestMerges
	if r.Goal == model.GoalConsolidation {
		goal = rearrange.Consolidation
	}
	return Options{MaxMerge: r.MaxMerge, Goal: goal, Adjacency: r.Adjacency}
}

// window is the window of the net savings in years.
func (o Options) window() int {
	if o.WindowYears == 0 {
		return DefaultWindowYears
	}
	return o.WindowYears
}

// solve solves p with o's settings and solver.
func (o Options) solve(ctx context.Context, p *optimize.Problem) (*optimize.Result, error) {
	if o.Solve != nil {
		return o.Solve(ctx, p, o.Settings)
	}
	return optimize.Solve(ctx, p, o.Settings)
}

// solver is the options one commune is solved with (Adjacency is then set
// per commune).
func (o Options) solver() rearrange.Options {
	return rearrange.Options{MaxMerge: o.MaxMerge, Goal: o.Goal}
}

// check refuses options no rearrangement can run with, in lang.
func (o Options) check(lang model.Lang) error {
	if o.MaxMerge < 1 || o.MaxMerge > rearrange.MaxMergeLimit {
		return fmt.Errorf(lang.Pick("villageplan: số thôn tối đa nhập thành một (MaxMerge) phải từ 1 đến %d, đang là %d",
			"villageplan: MaxMerge (the most villages into one) must be between 1 and %d, got %d"), rearrange.MaxMergeLimit, o.MaxMerge)
	}
	if o.Goal != rearrange.FewestMerges && o.Goal != rearrange.Consolidation {
		return fmt.Errorf(lang.Pick("villageplan: mục tiêu (Goal) không hợp lệ: %d", "villageplan: unknown Goal %d"), o.Goal)
	}
	if o.WindowYears < 0 || o.WindowYears > 100 {
		return fmt.Errorf(lang.Pick("villageplan: số năm tính tiết kiệm (WindowYears) phải từ 0 đến 100, đang là %d",
			"villageplan: WindowYears must be between 0 and 100, got %d"), o.WindowYears)
	}
	if !(o.DiscountRate >= 0 && o.DiscountRate < 1) {
		return fmt.Errorf(lang.Pick("villageplan: tỷ lệ chiết khấu (DiscountRate) phải từ 0 đến dưới 1, đang là %v",
			"villageplan: DiscountRate must be at least 0 and below 1, got %v"), o.DiscountRate)
	}
	return nil
}
