package sim

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Factor is an assumption a sensitivity analysis scales. Scale returns a
// copy of s with the assumption multiplied by k; s is not changed (the
// parts of a copy that Scale does not touch are shared with s).
type Factor struct {
	Name  string     // key in files, e.g. "base_salary"
	Label model.Text // name for people, e.g. on a tornado chart
	Doc   string
	Scale func(s *model.Scenario, k float64) *model.Scenario
}

// FactorText names the factor called name for people; an unknown name
// shows itself.
func FactorText(name string) model.Text {
	for _, f := range Factors {
		if f.Name == name {
			return f.Label
		}
	}
	return model.KeyText(name)
}

// Factors are the assumptions a proposal's savings depend on most, the ones
// a tornado chart varies.
var Factors = []Factor{
	{"resignation_response", model.Text{Vi: "Phản ứng nghỉ việc khi phụ cấp thấp", En: "Resignation response to low pay"}, "how much more likely a holder is to resign when the allowance falls short of the reference income (Dynamics.Resignation LowPay)", scaleResignation},
	{"base_salary", model.Text{Vi: "Lộ trình lương cơ sở", En: "Base salary path"}, "the base salary path (Policy.BaseSalary), which every allowance, fund and severance is a multiple of", scaleBaseSalary},
	{"concurrency_rate", model.Text{Vi: "Tỷ lệ hưởng phụ cấp kiêm nhiệm", En: "Concurrency rate"}, "the share of a concurrent title's allowance that is paid (Policy.ConcurrencyRate, at most 100 %)", scaleConcurrencyRate},
	{"workload", model.Text{Vi: "Quy tắc khối lượng công việc", En: "Workload rule"}, "the weekly hours every title takes (each title's Workload rule)", scaleWorkload},
}

func scaleResignation(s *model.Scenario, k float64) *model.Scenario {
	c := *s
	c.Dynamics.Resignation = mapSeries(s.Dynamics.Resignation, func(r model.ResignationRule) model.ResignationRule {
		r.LowPay *= k
		return r
	})
	return &c
}

func scaleBaseSalary(s *model.Scenario, k float64) *model.Scenario {
	c := *s
	c.Policy.BaseSalary = mapSeries(s.Policy.BaseSalary, func(m model.Money) model.Money {
		return model.Money(math.Round(float64(m) * k))
	})
	return &c
}

func scaleConcurrencyRate(s *model.Scenario, k float64) *model.Scenario {
	c := *s
	c.Policy.ConcurrencyRate = mapSeries(s.Policy.ConcurrencyRate, func(r float64) float64 {
		return min(1, r*k)
	})
	return &c
}

func scaleWorkload(s *model.Scenario, k float64) *model.Scenario {
	c := *s
	c.Titles = slices.Clone(s.Titles)
	scale := func(w *model.Workload) {
		w.Base = model.Hours(float64(w.Base) * k)
		w.PerThousandHouseholds = model.Hours(float64(w.PerThousandHouseholds) * k)
		w.PerKm2 = model.Hours(float64(w.PerKm2) * k)
		if k > 0 { // trips take k times as long
			w.Travel.Kmh, w.Travel.Mountain = w.Travel.Kmh/k, w.Travel.Mountain/k
		}
		w.Activities = slices.Clone(w.Activities)
		for j := range w.Activities {
			w.Activities[j].Hours = model.Hours(float64(w.Activities[j].Hours) * k)
		}
	}
	for i := range c.Titles {
		t := &c.Titles[i]
		scale(&t.Workload)
		// A re-plan dates the titles again: every version scales alike.
		t.Versions = slices.Clone(t.Versions)
		for j := range t.Versions {
			scale(&t.Versions[j].Title.Workload)
		}
	}
	return &c
}

// mapSeries returns a copy of s with f applied to every value.
func mapSeries[T any](s model.Series[T], f func(T) T) model.Series[T] {
	out := slices.Clone(s)
	for i := range out {
		out[i].Value = f(out[i].Value)
	}
	return out
}

// Sensitivity is how a variant's net savings against the baseline move when
// each factor is scaled down and up, the same factor in both scenarios.
type Sensitivity struct {
	Variant string
	// Years is the window of the net savings (10, or the horizon if
	// shorter); Low and High the factors' multipliers (0.8 and 1.2 for
	// ±20 %).
	Years     int
	Low, High float64
	// Base is the net savings with every factor as it is, from the same
	// runs' configuration.
	Base    Window
	Effects []Effect
}

// Effect is one factor's swing.
type Effect struct {
	Factor        string
	AtLow, AtHigh Window
}

// Sensitivity simulates baseline and variant with each factor scaled by
// 1 − delta and 1 + delta, on common random numbers, and returns the
// variant's net savings over 10 years (or the horizon) in each case. It
// runs 1 + 2 × len(factors) comparisons; with an Assigner, PlanOnce makes
// it much cheaper.
func (c Config) Sensitivity(ctx context.Context, baseline, variant *model.Scenario, factors []Factor, delta float64) (*Sensitivity, error) {
	if baseline == nil || variant == nil {
		return nil, ErrNoScenario
	}
	if !(delta > 0 && delta < 1) {
		return nil, fmt.Errorf("sim: sensitivity step %v: want a fraction in (0, 1)", delta)
	}
	// netSavings is the longest window of the variant's net savings.
	netSavings := func(b, v *model.Scenario) (Window, error) {
		cmp, err := c.Compare(ctx, b, v)
		if err != nil {
			return Window{}, err
		}
		ws := cmp.Differences[0].NetSavings
		if len(ws) == 0 {
			return Window{}, fmt.Errorf("sim: no budget window in %d years", cmp.Baseline.Years)
		}
		return ws[len(ws)-1], nil
	}
	base, err := netSavings(baseline, variant)
	if err != nil {
		return nil, err
	}
	out := &Sensitivity{Variant: variant.Name, Years: base.Years, Low: 1 - delta, High: 1 + delta, Base: base}
	for _, f := range factors {
		e := Effect{Factor: f.Name}
		if e.AtLow, err = netSavings(f.Scale(baseline, out.Low), f.Scale(variant, out.Low)); err != nil {
			return nil, fmt.Errorf("sim: %s × %v: %w", f.Name, out.Low, err)
		}
		if e.AtHigh, err = netSavings(f.Scale(baseline, out.High), f.Scale(variant, out.High)); err != nil {
			return nil, fmt.Errorf("sim: %s × %v: %w", f.Name, out.High, err)
		}
		out.Effects = append(out.Effects, e)
	}
	return out, nil
}
