package main

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// planDateRearrangement is the rearrangement merger of s on its plan date
// (dynamics.mergers with rearrange:), or nil when it has none.
func planDateRearrangement(s *model.Scenario) *model.MergerRearrange {
	for _, m := range s.Dynamics.Mergers {
		if m.Rearrange != nil && m.Date == s.Date {
			return m.Rearrange
		}
	}
	return nil
}

// planDateMapping is the decided plan of s on its plan date (the
// dynamics.mergers entry with mapping:, its Into absorbed village →
// keeper, its rules what the plan is checked against), or nil when it
// has none.
func planDateMapping(s *model.Scenario) *model.Merger {
	for i, m := range s.Dynamics.Mergers {
		if m.Rearrange == nil && m.Into != nil && m.Date == s.Date {
			return &s.Dynamics.Mergers[i]
		}
	}
	return nil
}

// planCompared makes the plan of one scenario of the comparison. A
// scenario whose plan date brings a rearrangement (the planner's, or a
// decided mapping priced against the NĐ 185 optimum when it carries the
// village floors) is planned on the world after the merges, which becomes
// the model the report shows, and its rearrangement is summarised; a
// decided mapping without floors is planned on the world after it, with
// nothing to summarise; any other is planned as comparePlan does.
func planCompared(ctx context.Context, c *compareConfig, s *model.Scenario, w io.Writer) (report.Scenario, *report.RearrangeSummary, error) {
	var res *villageplan.Result
	var err error
	switch r, m := planDateRearrangement(s), planDateMapping(s); {
	case r != nil:
		res, err = villageplan.Plan(ctx, s, c.rearrangeOptions(*r), c.lang)
	case m != nil && hasVillageFloors(s):
		// The merger's rules, rearrange's defaults where it gives none.
		res, err = villageplan.FromMapping(ctx, s, m.Into, c.rearrangeOptions(m.DecidedRules()), c.lang)
	case m != nil:
		sc, err := comparePlan(ctx, c, villageplan.Merge(s, m.Into), w)
		return sc, nil, err
	default:
		sc, err := comparePlan(ctx, c, s, w)
		return sc, nil, err
	}
	if err != nil || ctx.Err() != nil {
		return report.Scenario{}, nil, interrupted(ctx, fmt.Errorf("%s: %w", s.Name, err))
	}
	// villageplan solved and verified the world after under compare's
	// settings: the report shows that plan.
	return report.Scenario{Model: res.After, Plan: res.Solved}, report.NewRearrangeSummary(res, c.lang), nil
}

// rearrangeOptions are the options compare plans or prices the
// rearrangement r with: its discount rate, so the window's net savings
// follow one convention, and its optimiser settings and solver, so the
// report's plan of the villages after and the people and money of the
// rearrangement section are one solve.
func (c *compareConfig) rearrangeOptions(r model.MergerRearrange) villageplan.Options {
	opt := villageplan.MergerOptions(r)
	opt.DiscountRate = c.sim.DiscountRate
	opt.Settings, opt.Solve = objectiveSettings(c.order), c.solve
	return opt
}

// withoutRearrangements is d without its rearrangement mergers, planned
// or decided (a mapping): the dynamics of the villages as they are.
func withoutRearrangements(d model.Dynamics) model.Dynamics {
	d.Mergers = slices.DeleteFunc(slices.Clone(d.Mergers), func(m model.Merger) bool { return m.Rearrange != nil || m.Into != nil || m.Mapping != "" })
	if len(d.Mergers) == 0 {
		d.Mergers = nil
	}
	return d
}

// printCompareRearrangement prints the rearrangement of scenario i of c,
// when it has one: villages before and after, merges, households moved
// and the three bands of the floor before and after.
func printCompareRearrangement(w io.Writer, c *report.Comparison, i int) {
	if i >= len(c.Rearrangements) || c.Rearrangements[i] == nil {
		return
	}
	r, lang := c.Rearrangements[i], c.Lang
	n := func(x int) string { return lang.Int(int64(x)) }
	fmt.Fprintf(w, lang.Pick("    sắp xếp thôn (tối đa %d thôn thành một): %s → %s thôn, %s thôn được nhập, %s hộ chuyển thôn; đạt ≥ 100 %% / 50 đến < 100 %% / < 50 %% mức chuẩn: %s / %s / %s → %s / %s / %s\n",
		"    village rearrangement (at most %d into one): %s → %s villages, %s merged away, %s households change village; at ≥ 100 %% / 50 to < 100 %% / < 50 %% of their floor: %s / %s / %s → %s / %s / %s\n"),
		r.MaxMerge, n(r.VillagesBefore), n(r.VillagesAfter), n(r.Merges), n(r.HouseholdsMoved),
		n(r.BandsBefore.Meets), n(r.BandsBefore.Half), n(r.BandsBefore.UnderHalf), n(r.BandsAfter.Meets), n(r.BandsAfter.Half), n(r.BandsAfter.UnderHalf))
	printCompareDecided(w, r)
}
