package main

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// realUnits is the real 2024-11 unit list beside the repository.
const realUnits = "../../../shared/data/vn_communes_2024-11_pre_reform.csv"

// benchSize is a named instance of the benchmarks: real communes of a GSO
// selection with synthetic villages and today's holders.
type benchSize struct {
	name     string
	province string
	district string
	communes int // keep only the first n communes (0: all)
}

var benchSizes = []benchSize{
	{name: "commune", province: "01", district: "280", communes: 1}, // Phú Xuyên, Hanoi: its first commune
	{name: "district", province: "01", district: "280"},             // Phú Xuyên: 27 communes
	{name: "province", province: "01"},                              // Hanoi: 579 communes
	{name: "country"},                                               // 10,472 communes
}

var benchCache sync.Map // preset/size → *scenarios.Scenario

// benchScenario loads preset over the real units of size, once per process.
func benchScenario(b *testing.B, preset string, size benchSize) *scenarios.Scenario {
	return benchScenarioT(b, preset, size)
}

// benchScenarioT is benchScenario for any test.
func benchScenarioT(b testing.TB, preset string, size benchSize) *scenarios.Scenario {
	b.Helper()
	key := preset + "/" + size.name
	if s, ok := benchCache.Load(key); ok {
		return s.(*scenarios.Scenario)
	}
	abs, err := filepath.Abs(realUnits)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		b.Skipf("real data not present: %v", err)
	}
	src := "extends: " + preset + "\ndata:\n  units:\n    file: " + abs + "\n"
	if size.province != "" {
		src += "    province: \"" + size.province + "\"\n"
	}
	if size.district != "" {
		src += "    district: \"" + size.district + "\"\n"
	}
	s, err := scenarios.LoadBytes("bench.yaml", "", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		b.Fatal(err)
	}
	if size.communes > 0 {
		keepFirstCommunes(&s.Scenario, size.communes)
	}
	benchCache.Store(key, s)
	return s
}

// BenchmarkSolve solves named sizes under a preset with binding terms of
// office (nd33-2023: elected holders keep their titles) and one without
// (hanoi-2019: the target arrangement at the next elections), reporting
// title holders placed per second and the share of communes whose plan is
// proven optimal (the rest stop at the state limit with a plan and bound).
func BenchmarkSolve(b *testing.B) {
	for _, preset := range []string{"nd33-2023", "hanoi-2019"} {
		for _, size := range benchSizes {
			b.Run(preset+"/"+size.name, func(b *testing.B) {
				if size.name == "country" && testing.Short() {
					b.Skip("country size skipped in -short mode")
				}
				benchSolve(b, benchScenario(b, preset, size), nil)
			})
		}
	}
}

// benchSolve is one solve benchmark of s with settings set.
func benchSolve(b *testing.B, s *scenarios.Scenario, set *optimize.Settings) {
	p := &optimize.Problem{Scenario: &s.Scenario}
	var titles, proven, planned, pools int
	start := takeClockSample()
	for b.Loop() {
		r, err := optimize.Solve(context.Background(), p, set)
		if err != nil {
			b.Fatal(err)
		}
		// A commune without a plan is an answer (explained); a search
		// stopped short is not a measurement.
		if r.Status == optimize.TimeLimit {
			b.Fatalf("status %v", r.Status)
		}
		titles, proven, planned, pools = r.Titles, 0, 0, len(r.Pools)
		for _, pr := range r.Pools {
			if pr.Status == optimize.Optimal {
				proven++
			}
			if pr.Status == optimize.Optimal || pr.Status == optimize.Feasible {
				planned++
			}
		}
	}
	var span clockSpan
	span.add(start, takeClockSample())
	b.ReportMetric(float64(titles)*float64(b.N)/span.wall.Seconds(), "titles/s")
	if span.cpu > 0 {
		b.ReportMetric(span.cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	if st := span.stealPercent(); st >= 0 {
		b.ReportMetric(st, "steal-%")
	}
	b.ReportMetric(float64(titles), "titles")
	b.ReportMetric(100*float64(proven)/float64(max(pools, 1)), "%proven")
	b.ReportMetric(100*float64(planned)/float64(max(pools, 1)), "%planned")
}

// keepFirstCommunes cuts a scenario to its first n communes, their villages
// and the people living or holding titles there.
func keepFirstCommunes(s *model.Scenario, n int) {
	keep := map[string]bool{}
	count := 0
	var units []model.Unit
	for _, u := range s.Units {
		switch u.Level {
		case model.Commune:
			if count >= n {
				continue
			}
			count++
			keep[u.Code] = true
		case model.Village:
			if !keep[u.Parent] {
				continue
			}
			keep[u.Code] = true
		}
		units = append(units, u)
	}
	s.Units = units
	var people []model.Person
	for _, p := range s.People {
		if keep[p.Residence] {
			people = append(people, p)
		}
	}
	s.People = people
}

// BenchmarkRun simulates nd33-2023 over the real units of each named size
// for 10 years, reporting person-years simulated per second (holders at
// the start × years × runs over the time of the replications alone) and
// the time 1,000 replications take with the re-plans of the expected
// world. "static" keeps today's holders (no optimiser); "retirement-only"
// also sets resignation and death to zero, which measures the yearly pass
// over people without the events that follow exits; "replan" re-plans
// with the optimiser at the start, at every election and at mergers.
func BenchmarkRun(b *testing.B) {
	runs := map[string]int{"commune": 1000, "district": 1000, "province": 100, "country": 40}
	for _, mode := range []string{"static", "retirement-only", "replan"} {
		for _, size := range benchSizes {
			b.Run(mode+"/"+size.name, func(b *testing.B) {
				if size.name == "country" && testing.Short() {
					b.Skip("country size skipped in -short mode")
				}
				s := benchScenario(b, "nd33-2023", size)
				sc := s.Scenario
				if mode == "retirement-only" {
					sc.Dynamics.Resignation = model.Const(sc.Date, model.ResignationRule{}, "benchmark")
					sc.Dynamics.Death = model.Const(sc.Date, 0.0, "benchmark")
				}
				cfg := sim.Config{Years: 10, Runs: runs[size.name]}
				var planned, simulated clockSpan
				var people int
				var as optimize.Assigner
				for b.Loop() {
					if mode == "replan" {
						// A fresh cache each time: a warm one would plan
						// from memory what a real run solves.
						as = optimize.NewAssigner(nil)
						cfg.Assigner = as
					}
					t0 := takeClockSample()
					var t1 clockSample
					cfg.Progress = func(p sim.Progress) {
						if p.Stage == "run" && t1.wall.IsZero() {
							t1 = takeClockSample()
						}
					}
					r, err := cfg.Run(context.Background(), &sc)
					if err != nil {
						b.Fatal(err)
					}
					end := takeClockSample()
					// The replications begin with the first "run" report.
					planned.add(t0, t1)
					simulated.add(t1, end)
					people = r.InitialHeadcount
				}
				n := float64(b.N)
				personYears := float64(people) * 10 * float64(cfg.Runs) * n
				per1000 := func(plan, sim time.Duration) float64 {
					return plan.Seconds()/n + sim.Seconds()/n/float64(cfg.Runs)*1000
				}
				b.ReportMetric(personYears/simulated.wall.Seconds(), "person-years/s")
				b.ReportMetric(float64(people), "people")
				b.ReportMetric(planned.wall.Seconds()/n, "plan-s")
				b.ReportMetric(per1000(planned.wall, simulated.wall), "s/1000runs")
				// The same on CPU time, which the host's steal does not
				// inflate: what the work costs, whatever share of the
				// cores the machine got.
				if simulated.cpu > 0 {
					b.ReportMetric(personYears/simulated.cpu.Seconds(), "person-years/cpu-s")
					b.ReportMetric(planned.cpu.Seconds()/n, "plan-cpu-s")
					b.ReportMetric(per1000(planned.cpu, simulated.cpu), "cpu-s/1000runs")
				}
				if st := planned.plus(simulated).stealPercent(); st >= 0 {
					b.ReportMetric(st, "steal-%")
				}
				if mode == "replan" {
					st := as.CacheStats()
					b.ReportMetric(100*float64(st.Hits)/float64(max(st.Hits+st.Misses, 1)), "%pools-cached")
				}
			})
		}
	}
}
