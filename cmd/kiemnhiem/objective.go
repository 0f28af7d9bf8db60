package main

import (
	"strings"

	"github.com/spf13/pflag"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// objectiveFlag adds --objective to fs: the order that overrides the
// scenarios' policy.objective.
func objectiveFlag(fs *pflag.FlagSet) *string {
	return fs.String("objective", "", "the planner's objective, overriding the scenario's policy.objective: "+
		"headcount (ít người nhất / fewest people), cost (chi phí ròng thấp nhất / lowest net cost over the horizon) or "+
		"stability (ít thay đổi nhất / fewest changes of holder)")
}

// parseObjective reads --objective: nil when not given.
func parseObjective(fs *pflag.FlagSet, v string) (*model.ObjectiveOrder, error) {
	if !fs.Changed("objective") {
		return nil, nil
	}
	o, err := model.ParseObjectiveOrder(v)
	if err != nil {
		var names []string
		for _, x := range model.ObjectiveOrders() {
			names = append(names, x.String())
		}
		return nil, usagef("--objective must be one of %s, got %q", strings.Join(names, ", "), v)
	}
	return &o, nil
}

// objectiveSettings are the settings of a solve with order o (nil: the
// scenario's objective).
func objectiveSettings(o *model.ObjectiveOrder) *optimize.Settings {
	if o == nil {
		return nil
	}
	return &optimize.Settings{Order: o}
}
