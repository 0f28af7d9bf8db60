package main

import (
	"context"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// BenchmarkReplans times the optimiser on the expected worlds the simulator
// re-plans over 10 years of a preset on the embedded default province, the
// solves that dominate `kiemnhiem simulate`. The scenarios are collected
// once, outside the timer, by running the simulator with a recording
// Assigner; the loop then solves all of them with Solve and reports the
// mean time of one re-plan (s/replan), and plans them in order with a
// fresh caching Assigner, as the simulator does (s/replan-assign, with the
// share of pools its cache answered).
func BenchmarkReplans(b *testing.B) {
	for _, preset := range []string{"no-concurrency", "hanoi-2019"} {
		b.Run(preset, func(b *testing.B) {
			scs := replanScenarios(b, preset)
			var solving, assigning time.Duration
			var cache optimize.CacheStats
			for b.Loop() {
				start := time.Now()
				for _, sc := range scs {
					if _, err := optimize.Solve(context.Background(), &optimize.Problem{Scenario: sc}, nil); err != nil {
						b.Fatal(err)
					}
				}
				mid := time.Now()
				as := optimize.NewAssigner(nil)
				for _, sc := range scs {
					if _, err := as.Assign(context.Background(), sc); err != nil {
						b.Fatal(err)
					}
				}
				solving, assigning = solving+mid.Sub(start), assigning+time.Since(mid)
				cache = as.CacheStats()
			}
			per := func(d time.Duration) float64 { return d.Seconds() / float64(b.N) / float64(len(scs)) }
			b.ReportMetric(per(solving), "s/replan")
			b.ReportMetric(per(assigning), "s/replan-assign")
			b.ReportMetric(100*float64(cache.Hits)/float64(max(cache.Hits+cache.Misses, 1)), "%pools-cached")
			b.ReportMetric(float64(len(scs)), "replans")
		})
	}
}

// replanScenarios runs one replication of the simulator on preset and
// returns a copy of every expected world it asks its Assigner to plan.
func replanScenarios(tb testing.TB, preset string) []*model.Scenario {
	tb.Helper()
	s, err := scenarios.Load(preset)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		tb.Fatal(err)
	}
	var scs []*model.Scenario
	as := optimize.NewAssigner(nil)
	rec := sim.AssignerFunc(func(ctx context.Context, sc *model.Scenario) (model.Plan, error) {
		scs = append(scs, sc.Clone())
		return as.Assign(ctx, sc)
	})
	if _, err := (sim.Config{Years: 10, Runs: 1, Assigner: rec}).Run(context.Background(), &s.Scenario); err != nil {
		tb.Fatal(err)
	}
	if len(scs) == 0 {
		tb.Fatal("the simulator asked for no re-plan")
	}
	return scs
}
