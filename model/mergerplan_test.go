package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestThresholdPlan checks the threshold rule as a plan: small villages
// into the smallest that stays, or into the largest of a commune's small
// ones, ties to the first.
func TestThresholdPlan(t *testing.T) {
	vs := func(hh ...int) []model.ThresholdVillage {
		var out []model.ThresholdVillage
		for i, h := range hh {
			out = append(out, model.ThresholdVillage{Code: string(rune('A' + i)), Commune: "C", Households: h})
		}
		return out
	}
	tests := []struct {
		name  string
		vs    []model.ThresholdVillage
		below int
		want  map[string]string
	}{
		{"none small", vs(300, 400), 100, map[string]string{}},
		{"into the smallest that stays", vs(50, 400, 300, 60), 100, map[string]string{"A": "C", "D": "C"}},
		{"all small: into the largest, first of equals", vs(50, 80, 80), 100, map[string]string{"A": "B", "C": "B"}},
		{"alone in its commune", vs(50), 100, map[string]string{}},
		{"ties among those that stay: the first", vs(50, 300, 300), 100, map[string]string{"A": "B"}},
		{"communes apart", append(vs(50, 300), model.ThresholdVillage{Code: "Z", Commune: "D", Households: 40}), 100, map[string]string{"A": "B"}},
	}
	for _, tt := range tests {
		got := model.ThresholdPlan(tt.vs, tt.below)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}

func TestMergerKindAndGoal(t *testing.T) {
	for _, tt := range []struct {
		m    model.Merger
		want string
	}{
		{model.Merger{BelowHouseholds: 100}, "below_households"},
		{model.Merger{Rearrange: &model.MergerRearrange{MaxMerge: 3}}, "rearrange"},
		{model.Merger{Mapping: "m.csv"}, "mapping"},
		{model.Merger{Into: map[string]string{"B": "A"}}, "into"},
		{model.Merger{}, ""},
	} {
		if got := tt.m.Kind(); got != tt.want {
			t.Errorf("%+v: kind %q, want %q", tt.m, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s    string
		want model.RearrangeGoal
		ok   bool
	}{
		{"fewest-merges", model.GoalFewestMerges, true},
		{" Consolidation ", model.GoalConsolidation, true},
		{"fewest", 0, false},
	} {
		g, err := model.ParseRearrangeGoal(tt.s)
		if (err == nil) != tt.ok || g != tt.want {
			t.Errorf("%q: %v, %v; want %v, ok %v", tt.s, g, err, tt.want, tt.ok)
		}
		if tt.ok && g.String() != model.RearrangeGoalNames()[g] {
			t.Errorf("%v prints as %q", g, g.String())
		}
	}
}
