package sim

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestFactorsLeaveTheirInputAlone: scaling returns a changed copy.
func TestFactorsLeaveTheirInputAlone(t *testing.T) {
	for _, f := range Factors {
		t.Run(f.Name, func(t *testing.T) {
			s := testScenario(3, 1)
			before := testScenario(3, 1)
			got := f.Scale(s, 0.8)
			if !reflect.DeepEqual(s, before) {
				t.Fatal("Scale changed its input")
			}
			if reflect.DeepEqual(got, before) {
				t.Fatal("Scale changed nothing")
			}
		})
	}
}

// TestSensitivityBaseSalary: with pay out of the resignation hazard and no
// one-off costs, every amount is a multiple of the base salary, so the
// savings scale with it exactly (up to rounding of the salary to the đồng).
func TestSensitivityBaseSalary(t *testing.T) {
	base := testScenario(8, 3)
	base.Dynamics.Resignation = model.Const(base.Date, model.ResignationRule{Base: 0.05}, "")
	base.Policy.Recruitment = model.Const(base.Date, model.RecruitmentRule{Allowed: true, MaxPerUnit: 2}, "")
	variant := *base
	variant.Name = "half rate"
	variant.Policy.ConcurrencyRate = model.Const(base.Date, 0.5, "")
	cfg := Config{Years: 5, Runs: 50, Assigner: combineAssigner}
	var factor Factor
	for _, f := range Factors {
		if f.Name == "base_salary" {
			factor = f
		}
	}
	sens, err := cfg.Sensitivity(context.Background(), base, &variant, []Factor{factor}, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	if sens.Years != 5 || len(sens.Effects) != 1 {
		t.Fatalf("years %d, %d effects", sens.Years, len(sens.Effects))
	}
	if sens.Base.Mean <= 0 {
		t.Fatalf("paying half for concurrent titles saves %v", sens.Base.Mean)
	}
	e := sens.Effects[0]
	for _, c := range []struct {
		k   float64
		got float64
	}{{0.8, e.AtLow.Mean}, {1.2, e.AtHigh.Mean}} {
		if want := c.k * sens.Base.Mean; math.Abs(c.got-want) > 1e-4*want {
			t.Errorf("base salary × %v: savings %v, want %v", c.k, c.got, want)
		}
	}
}
