package main

import (
	"context"
	"slices"
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
// Assigner; the loop then solves all of them and reports the mean time of
// one re-plan.
func BenchmarkReplans(b *testing.B) {
	for _, preset := range []string{"no-concurrency", "hanoi-2019"} {
		b.Run(preset, func(b *testing.B) {
			scs := replanScenarios(b, preset)
			start := time.Now()
			for b.Loop() {
				for _, sc := range scs {
					if _, err := optimize.Solve(context.Background(), &optimize.Problem{Scenario: sc}, nil); err != nil {
						b.Fatal(err)
					}
				}
			}
			per := time.Since(start).Seconds() / float64(b.N) / float64(len(scs))
			b.ReportMetric(per, "s/replan")
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
	rec := sim.AssignerFunc(func(ctx context.Context, sc *model.Scenario) (model.Plan, error) {
		scs = append(scs, copyScenario(sc))
		return optimize.Assigner{}.Assign(ctx, sc)
	})
	if _, err := (sim.Config{Years: 10, Runs: 1, Assigner: rec}).Run(context.Background(), &s.Scenario); err != nil {
		tb.Fatal(err)
	}
	if len(scs) == 0 {
		tb.Fatal("the simulator asked for no re-plan")
	}
	return scs
}

// copyScenario copies the slices of sc the simulator may reuse between
// re-plans.
func copyScenario(sc *model.Scenario) *model.Scenario {
	c := *sc
	c.Titles = slices.Clone(sc.Titles)
	c.Units = slices.Clone(sc.Units)
	c.People = slices.Clone(sc.People)
	for i := range c.People {
		c.People[i].Holdings = slices.Clone(c.People[i].Holdings)
	}
	return &c
}
