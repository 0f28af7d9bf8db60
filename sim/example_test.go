package sim_test

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// exampleScenario is a commune with three villages, each with a head and
// a police officer, paid rate for a title held concurrently.
func exampleScenario(rate float64) *model.Scenario {
	from := model.MustDate("2019-01-01")
	s := &model.Scenario{Name: fmt.Sprintf("rate %.1f", rate), Date: model.MustDate("2025-01-01")}
	s.Policy.BaseSalary = model.Const(from, model.Money(2_340_000), "NĐ 73/2024")
	s.Policy.MaxTitlesPerPerson = model.Const(from, 2, "")
	s.Policy.ConcurrencyRate = model.Const(from, rate, "")
	s.Policy.Retirement = model.Const(from, model.Decree135(), "NĐ 135/2020")
	s.Dynamics.Resignation = model.Const(from, model.ResignationRule{Base: 0.05, LowPay: 2}, "assumption")
	s.Dynamics.Death = model.Const(from, 0.004, "assumption")
	s.Dynamics.ReferenceIncome = model.Const(from, model.Money(5_400_000), "assumption")
	s.Dynamics.Candidates = model.Const(from, model.CandidateRule{PerThousand: 5, PartyShare: 0.25, Accept: 0.15, Age: 30}, "assumption")
	s.Titles = []model.Title{
		{ID: "truong-thon", Level: model.Village, Workload: model.Workload{Base: 10}, Allowance: 1.0, Holders: model.HoldersRule{Base: 1}},
		{ID: "cong-an", Level: model.Village, Workload: model.Workload{Base: 10}, Allowance: 0.9, Holders: model.HoldersRule{Base: 1}},
	}
	s.Units = []model.Unit{{Code: "C", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 3000}}
	for v := range 3 {
		code := fmt.Sprintf("V%d", v+1)
		s.Units = append(s.Units, model.Unit{Code: code, Level: model.Village, Type: model.Thon, Parent: "C", Population: 1000, Households: 250})
		for k, title := range []string{"truong-thon", "cong-an"} {
			s.People = append(s.People, model.Person{
				ID: fmt.Sprintf("%s-%d", code, k), Birth: model.NewDate(1970+5*v+10*k, 3, 1), Sex: model.Male,
				Residence: code, Capacity: 40, Holdings: []model.Holding{{Title: title, Unit: code, Main: true}},
			})
		}
	}
	return s
}

// Run simulates one scenario and reports the median and the 90 % band of
// a metric, year by year.
func ExampleConfig_Run() {
	res, err := sim.Config{Years: 3, Runs: 200}.Run(context.Background(), exampleScenario(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("people holding titles at the start:", res.InitialHeadcount)
	for y, s := range res.Metrics[sim.Headcount].Years {
		fmt.Printf("year %d: headcount p5 %.0f, p50 %.0f, p95 %.0f\n", y+1, s.P5, s.P50, s.P95)
	}
	// Output:
	// people holding titles at the start: 6
	// year 1: headcount p5 4, p50 5, p95 6
	// year 2: headcount p5 4, p50 5, p95 6
	// year 3: headcount p5 3, p50 5, p95 6
}

// Compare runs a baseline and a variant on common random numbers and
// reports the paired savings.
func ExampleConfig_Compare() {
	c, err := sim.Config{Years: 3, Runs: 200}.Compare(context.Background(), exampleScenario(1), exampleScenario(0.5))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := c.Differences[0]
	fmt.Printf("%s against %s\n", d.Variant, c.Baseline.Scenario)
	for _, w := range d.NetSavings {
		fmt.Printf("net savings over %d years: p50 %.0f đồng\n", w.Years, w.P50)
	}
	// Output:
	// rate 0.5 against rate 1.0
	// net savings over 3 years: p50 21645000 đồng
}

// Sensitivity scales each assumption by 0.8 and 1.2 in both scenarios and
// reports how the variant's net savings move: what a tornado chart shows.
func ExampleConfig_Sensitivity() {
	cfg := sim.Config{Years: 3, Runs: 200}
	s, err := cfg.Sensitivity(context.Background(), exampleScenario(1), exampleScenario(0.5), sim.Factors, 0.2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, net savings over %d years: p50 %.0f đồng\n", s.Variant, s.Years, s.Base.P50)
	for _, e := range s.Effects {
		fmt.Printf("%-20s × %.1f: %.0f   × %.1f: %.0f\n", e.Factor, s.Low, e.AtLow.P50, s.High, e.AtHigh.P50)
	}
	// Output:
	// rate 0.5, net savings over 3 years: p50 21645000 đồng
	// resignation_response × 0.8: 16848000   × 1.2: 24219000
	// base_salary          × 0.8: 19375200   × 1.2: 24008400
	// concurrency_rate     × 0.8: 17690400   × 1.2: 17269200
	// workload             × 0.8: 21645000   × 1.2: 21645000
}
