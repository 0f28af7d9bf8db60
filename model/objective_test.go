package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestObjectiveRule(t *testing.T) {
	tests := []struct {
		name    string
		r       model.ObjectiveRule
		monthly model.Money
		factor  float64
		want    model.Money
	}{
		{"headcount: annual", model.ObjectiveRule{HorizonYears: 10, DiscountRate: 0.1, InsuranceRate: 0.14}, 1_000_000, 6.75902381627515, 12_000_000},
		{"cost, undiscounted", model.ObjectiveRule{Order: model.OrderCost, HorizonYears: 10}, 1_000_000, 10, 120_000_000},
		{"cost, insurance", model.ObjectiveRule{Order: model.OrderCost, HorizonYears: 10, InsuranceRate: 0.14}, 1_000_000, 10, 136_800_000},
		{"stability, discounted", model.ObjectiveRule{Order: model.OrderStability, HorizonYears: 2, DiscountRate: 0.25}, 1_000_000, 1.8, 21_600_000},
		{"rounded once", model.ObjectiveRule{Order: model.OrderCost, HorizonYears: 3, DiscountRate: 0.1}, 1, 1 + 1/1.1 + 1/1.21, 33},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f := tt.r.AnnuityFactor(); f-tt.factor > 1e-9 || tt.factor-f > 1e-9 {
				t.Errorf("AnnuityFactor = %v, want %v", f, tt.factor)
			}
			if got := tt.r.AllowanceCost(tt.monthly); got != tt.want {
				t.Errorf("AllowanceCost(%d) = %d, want %d", tt.monthly, got, tt.want)
			}
		})
	}
}

func TestObjectiveOrder(t *testing.T) {
	for _, o := range model.ObjectiveOrders() {
		p, err := model.ParseObjectiveOrder(o.String())
		if err != nil || p != o {
			t.Errorf("ParseObjectiveOrder(%q) = %v, %v", o, p, err)
		}
		if tx := o.Text(); tx.Vi == "" || tx.En == "" || tx.Vi == tx.En {
			t.Errorf("%s: text %+v lacks a language", o, tx)
		}
		r := model.ObjectiveRule{}.WithOrder(o)
		if (o == model.OrderHeadcount) == (r.HorizonYears == model.DefaultHorizonYears) || r.NetCost() != (o != model.OrderHeadcount) {
			t.Errorf("WithOrder(%s) = %+v", o, r)
		}
	}
	if _, err := model.ParseObjectiveOrder("cheapest"); err == nil {
		t.Error("ParseObjectiveOrder(cheapest) succeeded")
	}
	if r := (model.ObjectiveRule{HorizonYears: 5, DiscountRate: 0.03}).WithOrder(model.OrderCost); r.HorizonYears != 5 || r.DiscountRate != 0.03 {
		t.Errorf("WithOrder replaced a stated horizon: %+v", r)
	}
}
