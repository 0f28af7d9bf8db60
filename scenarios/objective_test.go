package scenarios

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// objectiveVariant is a variant of nd33-2023 with one objective value.
func objectiveVariant(value string) []byte {
	return []byte("extends: nd33-2023\npolicy:\n  objective:\n    - from: \"2025-01-01\"\n      value: " + value + "\n      source: \"assumption: test\"\n")
}

// TestObjectiveErrors: every bad objective is a positioned error naming
// the field and what was expected.
func TestObjectiveErrors(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"unknown order", "{order: cheapest}", `v.yaml:5:22: policy.objective[0].value.order: expected headcount, cost, stability, got "cheapest"`},
		{"no order", "{horizon_years: 10, discount_rate: 0, insurance_rate: 0}", "policy.objective[0].value.order: required"},
		{"cost without horizon", "{order: cost}", "policy.objective[0].value.horizon_years: required with order cost"},
		{"stability without horizon", "{order: stability}", "policy.objective[0].value.horizon_years: required with order stability"},
		{"horizon without rates", "{order: headcount, horizon_years: 10}", "policy.objective[0].value.discount_rate: required"},
		{"horizon 0", "{order: cost, horizon_years: 0, discount_rate: 0, insurance_rate: 0}", "horizon_years: expected a whole number of years from 1 to 50, got 0"},
		{"horizon 51", "{order: cost, horizon_years: 51, discount_rate: 0, insurance_rate: 0}", "got 51"},
		{"negative rate", "{order: cost, horizon_years: 10, discount_rate: -0.01, insurance_rate: 0}", "discount_rate: expected a yearly rate from 0 to 0.5"},
		{"NaN rate", "{order: cost, horizon_years: 10, discount_rate: .nan, insurance_rate: 0}", "discount_rate: expected a yearly rate from 0 to 0.5 (0.03 = 3 % a year), got .nan"},
		{"insurance above 1", "{order: cost, horizon_years: 10, discount_rate: 0, insurance_rate: 1.5}", "insurance_rate: expected a share of the allowance from 0 to 1"},
		{"unknown key", "{order: cost, horizon: 10}", "horizon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBytes("v.yaml", "", objectiveVariant(tt.value))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestObjective: the presets' objectives on their plan dates, a variant
// that changes it, and the file format's round trip.
func TestObjective(t *testing.T) {
	tests := []struct {
		preset string
		want   model.ObjectiveRule
	}{
		{"nd34-2019", model.ObjectiveRule{Order: model.OrderHeadcount, HorizonYears: 10, InsuranceRate: 0.14}},
		{"nd33-2023", model.ObjectiveRule{Order: model.OrderCost, HorizonYears: 10, InsuranceRate: 0.14}},
		{"hanoi-2019", model.ObjectiveRule{Order: model.OrderHeadcount, HorizonYears: 10, InsuranceRate: 0.14}},
		{"villages-2026", model.ObjectiveRule{Order: model.OrderCost, HorizonYears: 10, InsuranceRate: 0.14}},
	}
	for _, tt := range tests {
		s, err := Load(tt.preset)
		if err != nil {
			t.Fatal(err)
		}
		pa, err := s.Policy.At(s.Date)
		if err != nil {
			t.Fatal(err)
		}
		if pa.Objective != tt.want {
			t.Errorf("%s on %s: objective %+v, want %+v", tt.preset, s.Date, pa.Objective, tt.want)
		}
		src := s.Policy.Objective[len(s.Policy.Objective)-1].Source
		if !strings.Contains(src, "assumption") || !strings.Contains(src, " / ") || !strings.Contains(src, "policy-facts") {
			t.Errorf("%s: source %q: want the assumption in Vietnamese / English with its policy-facts rows", tt.preset, src)
		}
	}
	s, err := LoadBytes("v.yaml", "", objectiveVariant("{order: stability, horizon_years: 5, discount_rate: 0.03, insurance_rate: 0}"))
	if err != nil {
		t.Fatal(err)
	}
	pa, _ := s.Policy.At(s.Date)
	if want := (model.ObjectiveRule{Order: model.OrderStability, HorizonYears: 5, DiscountRate: 0.03}); pa.Objective != want {
		t.Errorf("variant: %+v, want %+v", pa.Objective, want)
	}
	y, err := s.YAML()
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadBytes("back.yaml", "", y)
	if err != nil {
		t.Fatalf("show output does not load: %v", err)
	}
	if pb, _ := back.Policy.At(back.Date); pb.Objective != pa.Objective {
		t.Errorf("round trip: %+v, want %+v", pb.Objective, pa.Objective)
	}
}
