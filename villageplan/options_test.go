package villageplan_test

import (
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// TestMergerOptions: a merger's rules, or their defaults when a decided
// plan gives none, become the options it is planned or checked under.
func TestMergerOptions(t *testing.T) {
	k5 := &model.MergerRearrange{MaxMerge: 5, Goal: model.GoalConsolidation}
	for _, tt := range []struct {
		name string
		m    model.Merger
		want villageplan.Options
	}{
		{"no rules: rearrange's defaults", model.Merger{Mapping: "m.csv"}, villageplan.Options{MaxMerge: 3, Goal: rearrange.FewestMerges, Adjacency: true}},
		{"rules", model.Merger{Mapping: "m.csv", Rules: k5}, villageplan.Options{MaxMerge: 5, Goal: rearrange.Consolidation}},
		{"adjacency only", model.Merger{Mapping: "m.csv", Rules: &model.MergerRearrange{MaxMerge: 2, Adjacency: true}}, villageplan.Options{MaxMerge: 2, Goal: rearrange.FewestMerges, Adjacency: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := villageplan.MergerOptions(tt.m.DecidedRules())
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MergerOptions = %+v, want %+v", got, tt.want)
			}
			def := villageplan.DefaultOptions()
			def.WindowYears = 0
			if tt.m.Rules == nil && !reflect.DeepEqual(got, def) {
				t.Errorf("no rules gives %+v, rearrange's defaults are %+v", got, def)
			}
		})
	}
}
