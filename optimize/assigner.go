package optimize

import (
	"context"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Assigner re-plans a scenario with Solve: it satisfies the simulator's
// sim.Assigner interface without this package importing sim (or sim this
// one), so a caller wires the two together:
//
//	cfg := sim.Config{Assigner: optimize.NewAssigner(nil)}
//
// A commune with no plan (an infeasible pool) simply gets no assignments,
// and the simulator keeps its holders. Pools are not explained: the
// simulator reads the plan alone.
//
// The zero value solves every scenario from scratch; NewAssigner makes one
// that remembers solved pools. Copies of an Assigner share its cache.
type Assigner struct {
	// Settings tune every solve; nil means defaults.
	Settings *Settings
	cache    *planCache
}

// NewAssigner returns an Assigner with the given settings (nil: defaults)
// that caches between calls: a commune whose pool — its units' titles and
// hours, caps, funds, candidates with what they may hold, must keep, hold
// today and are paid, the policy and the settings — is exactly one solved
// before gets that plan again without a search, the plan a fresh solve
// gives. Successive re-plans of one simulation seldom repeat a pool (terms
// end, people retire, hours grow with households), but the re-plans of
// scenarios that differ only in their dynamics, as in a sensitivity
// analysis, do. The cache keeps the pools used in the last 4 calls, up to
// about 128 MiB. The Assigner is safe for concurrent use.
func NewAssigner(settings *Settings) Assigner {
	return Assigner{Settings: settings, cache: newPlanCache(defaultCacheBytes)}
}

// Assign solves s and returns its plan. A cancelled solve is an error, never
// a partial plan passed off as a re-plan.
func (a Assigner) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	res, err := solve(ctx, &Problem{Scenario: s}, a.Settings, solveOptions{planOnly: true, cache: a.cache})
	if err != nil {
		return model.Plan{}, err
	}
	if err := ctx.Err(); err != nil {
		return model.Plan{}, err
	}
	return res.Plan, nil
}

// CacheStats counts what an Assigner's cache has done.
type CacheStats struct {
	Hits   int // pools answered from the cache
	Misses int // pools solved
	Pools  int // pools kept
	Bytes  int // about what they take
}

// CacheStats reports what a's cache has done; zero for an Assigner without
// one.
func (a Assigner) CacheStats() CacheStats {
	if a.cache == nil {
		return CacheStats{}
	}
	return a.cache.stats()
}
