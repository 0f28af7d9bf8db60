package main

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
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

// mergerOptions are the rearrangement options of a scenario's merger.
func mergerOptions(r *model.MergerRearrange) villageplan.Options {
	goal := rearrange.FewestMerges
	if r.Goal == model.GoalConsolidation {
		goal = rearrange.Consolidation
	}
	return villageplan.Options{MaxMerge: r.MaxMerge, Goal: goal, Adjacency: r.Adjacency}
}

// planDateMapping is the decided plan (dynamics.mergers with mapping:,
// absorbed village → keeper) of s on its plan date, or nil when it has
// none.
func planDateMapping(s *model.Scenario) map[string]string {
	for _, m := range s.Dynamics.Mergers {
		if m.Rearrange == nil && m.Into != nil && m.Date == s.Date {
			return m.Into
		}
	}
	return nil
}

// mappedWorld is s after the decided merges of into, built as
// villageplan.After builds the world after a planned rearrangement: each
// keeper with its absorbed villages is one group, the keeper first.
func mappedWorld(s *model.Scenario, into map[string]string) *model.Scenario {
	groups := map[string][]string{}
	var keepers []string
	for a, k := range into {
		if _, ok := groups[k]; !ok {
			keepers = append(keepers, k)
		}
		groups[k] = append(groups[k], a)
	}
	slices.Sort(keepers)
	cs := make([]villageplan.Commune, len(keepers))
	for i, k := range keepers {
		members := append([]string{k}, groups[k]...)
		c := &rearrange.Commune{}
		g := rearrange.Group{}
		for j, code := range members {
			c.Villages = append(c.Villages, rearrange.Village{Code: code})
			g.Members = append(g.Members, j)
		}
		cs[i] = villageplan.Commune{Commune: c, Plan: &rearrange.Plan{Groups: []rearrange.Group{g}}}
	}
	w, _ := villageplan.After(s, cs)
	return w
}

// planCompared makes the plan of one scenario of the comparison. A
// scenario that rearranges its villages on its plan date is planned on the
// world after the merges, which becomes the model the report shows, and
// its rearrangement is summarised; a scenario whose plan date brings a
// decided mapping is planned on the world after it, and, when it carries
// the village floors, the decided plan is summarised against the NĐ 185
// optimum (planDecided); any other is planned as comparePlan does.
func planCompared(ctx context.Context, c *compareConfig, s *model.Scenario, w io.Writer) (report.Scenario, *report.RearrangeSummary, error) {
	r := planDateRearrangement(s)
	if into := planDateMapping(s); r == nil && into != nil && hasVillageFloors(s) {
		return planDecided(ctx, c, s, into, w)
	}
	if r == nil {
		if into := planDateMapping(s); into != nil {
			s = mappedWorld(s, into)
		}
		sc, err := comparePlan(ctx, c, s, w)
		return sc, nil, err
	}
	after, sum, err := rearrangeForCompare(ctx, s, r, c.lang)
	if err != nil || ctx.Err() != nil {
		return report.Scenario{}, nil, interrupted(ctx, fmt.Errorf("%s: %w", s.Name, err))
	}
	sc, err := comparePlan(ctx, c, after, w)
	if err != nil {
		return report.Scenario{}, nil, err
	}
	return sc, sum, nil
}

// rearrangeForCompare rearranges the villages of s as its merger r says
// (villageplan.Plan: every commune's plan checked, the people priced
// before and after) and returns the world after the merges and the
// summary.
func rearrangeForCompare(ctx context.Context, s *model.Scenario, r *model.MergerRearrange, lang model.Lang) (*model.Scenario, *report.RearrangeSummary, error) {
	res, err := villageplan.Plan(ctx, s, mergerOptions(r), lang)
	if err != nil {
		return nil, nil, err
	}
	return res.After, report.NewRearrangeSummary(res, lang), nil
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
