package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// planOrPrice is what kiemnhiem rearrange computes for s: the decided
// plan of its plan date priced against the rules of opt
// (villageplan.FromMapping) when a dynamics.mergers entry with mapping:
// falls on it, else the solver's plan (villageplan.Plan).
func planOrPrice(ctx context.Context, s *model.Scenario, opt villageplan.Options, lang model.Lang) (*villageplan.Result, error) {
	if m := planDateMapping(s); m != nil {
		return villageplan.FromMapping(ctx, s, m.Into, opt, lang)
	}
	return villageplan.Plan(ctx, s, opt, lang)
}

// hasVillageFloors reports whether s carries the village household
// floors of NĐ 185/2026 Art. 10 on its date.
func hasVillageFloors(s *model.Scenario) bool {
	_, err := s.Policy.VillageFloors.At(s.Date)
	return err == nil
}

// printDecided writes, for a decided plan, that it is one, how it compares
// with the optimum, and the rules it breaks.
func printDecided(w io.Writer, sum *report.RearrangeSummary) {
	d := sum.Decided
	if d == nil {
		return
	}
	lang := sum.Lang
	fmt.Fprintf(w, "%s\n%s.\n", lang.Pick("Phương án sắp xếp đã quyết định (dynamics.mergers, mapping:), đối chiếu với phương án tối ưu theo NĐ 185/2026:",
		"The decided rearrangement (dynamics.mergers, mapping:), against the NĐ 185/2026 optimum:"), d.Text)
	fmt.Fprintf(w, "%s: %s / %s\n", lang.Pick("Xã có phương án tối ưu đã chứng minh", "Communes whose optimum is proven"), lang.Int(int64(d.OptimumProven)), lang.Int(int64(sum.Communes)))
	fmt.Fprintf(w, "%s: %s\n", lang.Pick("Xã có phương án khác phương án tối ưu", "Communes whose plan differs from the optimum"), lang.Int(int64(len(d.Differs))))
	for _, c := range d.Differs {
		fmt.Fprintf(w, "  %s\n", c.Text)
	}
	fmt.Fprintf(w, "%s: %s\n", lang.Pick("Vi phạm quy tắc", "Rule breaches"), lang.Int(int64(len(d.Breaches))))
	for _, b := range d.Breaches {
		fmt.Fprintf(w, "  %s\n", b)
	}
}

// printCompareDecided writes compare's lines for a decided plan: the
// comparison with the optimum and the rules it breaks.
func printCompareDecided(w io.Writer, sum *report.RearrangeSummary) {
	d := sum.Decided
	if d == nil {
		return
	}
	fmt.Fprintf(w, "    %s\n", d.Text)
	for _, b := range d.Breaches {
		fmt.Fprintf(w, "      %s\n", b)
	}
}
