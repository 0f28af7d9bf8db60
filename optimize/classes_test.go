package optimize

import (
	"context"
	"strconv"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// homogenise makes the commune titles of a random scenario interchangeable
// and needing two holders each, with today's holders spread over them, so
// that the programme merges titles needing several holders into one class
// and must hand their copies out by flow.
func homogenise(s *model.Scenario) {
	var first *model.Title
	for i := range s.Titles {
		t := &s.Titles[i]
		if t.Level != model.Commune {
			continue
		}
		if first == nil {
			first = t
		}
		t.Workload, t.Allowance, t.AllowanceByEducation = first.Workload, first.Allowance, first.AllowanceByEducation
		t.Requires, t.Term, t.UnitTypes = first.Requires, model.TermRule{Kind: model.Appointed}, nil
		t.Holders = model.HoldersRule{Base: 2}
	}
	s.Policy.Combination = model.Const(s.Date, model.CombinationRule{}, "test")
}

// TestMergedMultiHolderTitles checks, against CBC on the same model and
// against the independent checker, titles that need two holders each and
// cannot be told apart.
func TestMergedMultiHolderTitles(t *testing.T) {
	needBinary(t, "cbc")
	optimal := 0
	defer func() {
		if optimal < 20 {
			t.Errorf("only %d of 60 instances feasible: the test barely exercises merged titles", optimal)
		}
	}()
	for seed := uint64(1); seed <= 60; seed++ {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			s := randomScenario(seeded(seed), sizeSmall)
			homogenise(s)
			p := &Problem{Scenario: s}
			set := &Settings{Workers: 1}
			native, err := Solve(context.Background(), p, set)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := SolveExternal(context.Background(), p, "cbc", set)
			if err != nil {
				t.Fatal(err)
			}
			if native.Status != ref.Status || native.Objective != ref.Objective {
				t.Fatalf("native %v %+v, cbc %v %+v", native.Status, native.Objective, ref.Status, ref.Objective)
			}
			if native.Status != Optimal {
				return
			}
			optimal++
			if v := Check(p, native.Plan); len(v) > 0 {
				t.Fatalf("plan breaks rules: %v", v)
			}
			if got, err := Evaluate(p, native.Plan); err != nil || got != native.Objective {
				t.Fatalf("Evaluate = %+v, %v; solver says %+v", got, err, native.Objective)
			}
		})
	}
}
