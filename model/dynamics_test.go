package model_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// logistic returns the probability whose log-odds are logit(base) + z.
func logistic(base, z float64) float64 {
	odds := base / (1 - base) * math.Exp(z)
	return odds / (1 + odds)
}

func TestResignationProbability(t *testing.T) {
	// The nd34-2019 preset's rule: 4 % a year at adequate pay and load.
	rule := model.ResignationRule{Base: 0.04, LowPay: 2.0, Overload: 1.5}
	const ref model.Money = 5_400_000
	tests := []struct {
		name            string
		rule            model.ResignationRule
		allowance, ref  model.Money
		hours, capacity model.Hours
		want            float64
	}{
		{"paid the reference, not overloaded", rule, ref, ref, 40, 40, 0.04},
		{"paid above the reference", rule, 2 * ref, ref, 20, 40, 0.04},
		{"half the reference", rule, ref / 2, ref, 40, 40, logistic(0.04, 1.0)},
		{"no allowance at all", rule, 0, ref, 40, 40, logistic(0.04, 2.0)},
		{"50 % overloaded", rule, ref, ref, 60, 40, logistic(0.04, 0.75)},
		{"half pay and 50 % overloaded add in log-odds", rule, ref / 2, ref, 60, 40, logistic(0.04, 1.75)},
		{"no reference income: pay has no effect", rule, 0, 0, 40, 40, 0.04},
		{"no capacity: load has no effect", rule, ref, ref, 80, 0, 0.04},
		{"flat slopes", model.ResignationRule{Base: 0.1}, 0, ref, 80, 40, 0.1},
		{"base 0: nobody resigns, whatever the pay", model.ResignationRule{LowPay: 5, Overload: 5}, 0, ref, 80, 40, 0},
		{"negative base is read as 0", model.ResignationRule{Base: -0.1, LowPay: 5}, 0, ref, 40, 40, 0},
		{"base 1: everybody resigns", model.ResignationRule{Base: 1}, ref, ref, 40, 40, 1},
		{"base above 1 is read as 1", model.ResignationRule{Base: 1.5}, ref, ref, 40, 40, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.rule.Probability(tt.allowance, tt.ref, tt.hours, tt.capacity)
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Probability(%v, %v, %v, %v) = %.15g, want %.15g", tt.allowance, tt.ref, tt.hours, tt.capacity, got, tt.want)
			}
		})
	}
	// The figures the preset's source states: half pay ≈ 10 % a year, 50 %
	// overload ≈ 8 %.
	if p := rule.Probability(ref/2, ref, 40, 40); math.Abs(p-0.1017) > 5e-4 {
		t.Errorf("half pay: %.4f, want about 0.1017", p)
	}
	if p := rule.Probability(ref, ref, 60, 40); math.Abs(p-0.0810) > 5e-4 {
		t.Errorf("50 %% overload: %.4f, want about 0.0810", p)
	}
	// Less pay and more load never make leaving less likely.
	prev := 0.0
	for a := ref; a >= 0; a -= ref / 10 {
		p := rule.Probability(a, ref, 40, 40)
		if p < prev {
			t.Errorf("allowance %v: %g < %g at a higher allowance", a, p, prev)
		}
		prev = p
	}
	prev = 0
	for h := model.Hours(0); h <= 100; h += 5 {
		p := rule.Probability(ref, ref, h, 40)
		if p < prev || p < 0 || p > 1 {
			t.Errorf("%v hours: %g (previous %g)", h, p, prev)
		}
		prev = p
	}
}

func TestFillProbability(t *testing.T) {
	rule := model.CandidateRule{PerThousand: 5, PartyShare: 0.25, Accept: 0.15, Age: 30}
	tests := []struct {
		name string
		rule model.CandidateRule
		n    int
		want float64
	}{
		{"no candidate", rule, 0, 0},
		{"negative pool", rule, -3, 0},
		{"one candidate", rule, 1, 0.15},
		{"six candidates", rule, 6, 1 - math.Pow(0.85, 6)},
		{"a large pool nearly always fills", rule, 200, 1 - math.Pow(0.85, 200)},
		{"nobody accepts", model.CandidateRule{Accept: 0}, 10, 0},
		{"negative accept is read as 0", model.CandidateRule{Accept: -0.5}, 10, 0},
		{"everybody accepts", model.CandidateRule{Accept: 1}, 1, 1},
		{"accept above 1 is read as 1", model.CandidateRule{Accept: 1.5}, 2, 1},
		{"everybody accepts, but no candidate", model.CandidateRule{Accept: 1}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rule.FillProbability(tt.n); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("FillProbability(%d) = %.15g, want %.15g", tt.n, got, tt.want)
			}
		})
	}
	if p := rule.FillProbability(6); math.Abs(p-0.6229) > 5e-4 {
		t.Errorf("six candidates: %.4f, want about 0.62 (the preset's source)", p)
	}
}

func TestParseVacancyCover(t *testing.T) {
	tests := []struct {
		in   string
		want model.VacancyCover
	}{
		{"concurrent", model.CoverConcurrent},
		{"vacant", model.LeaveVacant},
		{" Concurrent ", model.CoverConcurrent},
		{"VACANT", model.LeaveVacant},
		{"kiêm nhiệm", model.CoverConcurrent},
		{"Để trống", model.LeaveVacant},
	}
	for _, tt := range tests {
		got, err := model.ParseVacancyCover(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseVacancyCover(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "shared", "concurrently", "1"} {
		_, err := model.ParseVacancyCover(bad)
		var ee *model.EnumError
		if !errors.As(err, &ee) || ee.Kind != "vacancy cover" || ee.Value != bad {
			t.Errorf("ParseVacancyCover(%q) error = %v, want an *EnumError for vacancy cover", bad, err)
		}
	}
	names := model.VacancyCoverNames()
	if !slices.Equal(names, []string{"concurrent", "vacant"}) {
		t.Errorf("VacancyCoverNames() = %q", names)
	}
	for _, n := range names {
		v, err := model.ParseVacancyCover(n)
		if err != nil || v.String() != n {
			t.Errorf("%q parses to %v (%v), which prints as %q", n, v, err, v.String())
		}
	}
	var zero model.VacancyCover
	if zero != model.CoverConcurrent {
		t.Errorf("the zero VacancyCover is %v, want concurrent", zero)
	}
}
