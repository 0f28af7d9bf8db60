package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/report"
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

// printObjective prints the objective solved and, for a net-cost order,
// where the plan's net cost goes.
func printObjective(w io.Writer, sum *report.OptimizeSummary) {
	u := sum.ObjectiveUsed
	if u == nil {
		return
	}
	lang := sum.Lang
	L, n := lang.Pick, lang.Int
	fmt.Fprintf(w, "%s: %s (%s)", L("Mục tiêu", "Objective"), u.Name, strings.Join(u.Levels, ", "))
	if u.NetCost == nil {
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, L("; chi phí ròng %s năm, chiết khấu %s%%/năm, hỗ trợ bảo hiểm %s%%\n", "; net cost over %s years, discount %s%% a year, insurance support %s%%\n"),
		n(int64(u.HorizonYears)), lang.Number(100*u.DiscountRate, 1), lang.Number(100*u.InsuranceRate, 1))
	nc := u.NetCost
	money := func(m int64) string { return n(m) + " đồng" }
	fmt.Fprintf(w, "%s: %s = %s %s + %s %s + %s %s (%s %s)\n", L("Chi phí ròng", "Net cost"), money(nc.Total),
		L("phụ cấp", "allowances"), money(nc.Allowances), L("trợ cấp thôi việc", "severance"), money(nc.Severance),
		L("tuyển mới", "recruitment"), money(nc.Recruitment), L("phụ cấp nếu giữ nguyên hiện nay:", "allowances if kept as today:"), money(nc.AllowancesBefore))
}
