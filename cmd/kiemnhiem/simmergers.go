package main

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/sim"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// mergePlanner plans the simulator's rearrange mergers with the exact
// rearrangement planner, as kiemnhiem rearrange does, on the expected
// world of the merger's date: every commune with villages solved to
// proven optimality and checked, each group's first village the keeper.
func mergePlanner(lang model.Lang) sim.MergePlanner {
	return sim.MergePlannerFunc(func(ctx context.Context, m model.Merger, s *model.Scenario) (map[string]string, error) {
		if _, err := s.Policy.VillageFloors.At(s.Date); err != nil {
			return nil, fmt.Errorf(lang.Pick("phương án %s không có mức chuẩn số hộ của thôn (policy.village_floors, NĐ 185/2026 Điều 10) vào ngày %s để sắp xếp thôn",
				"scenario %s has no village household floors (policy.village_floors, NĐ 185/2026 Art. 10) on %s to rearrange its villages"), s.Name, s.Date)
		}
		cs, err := villageplan.Communes(ctx, s, villageplan.MergerOptions(*m.Rearrange))
		if err != nil {
			return nil, err
		}
		return villageplan.Into(cs), nil
	})
}

// mergerLine says, under a re-plan of simulate's summary, what a village
// rearrangement on its date did ("" when none).
func mergerLine(p report.SimReplan, n func(int) string, L func(vi, en string) string) string {
	if p.Merged == 0 {
		return ""
	}
	s := fmt.Sprintf("\n    %s %s %s", L("sắp xếp thôn:", "village rearrangement:"), n(p.Merged), L("thôn nhập vào thôn khác", "villages merged into others"))
	if p.Rearranged > 0 {
		s += fmt.Sprintf(", %s %s", n(p.Rearranged), L("người thôi việc do sắp xếp", "people released by the rearrangement"))
		switch p.Regime {
		case model.RegimeVillage.String():
			s += " (" + L(model.RegimeVillage.Text().Vi, model.RegimeVillage.Text().En) + ")"
		case model.RegimeCommune.String():
			s += " (" + L(model.RegimeCommune.Text().Vi, model.RegimeCommune.Text().En) + ")"
		}
	}
	if p.Provisional > 0 {
		s += fmt.Sprintf("; %s %s %s %s", n(p.Provisional), L("xã có trưởng thôn lâm thời đến", "communes with a provisional village head until"), p.ProvisionalUntil,
			L("rồi bầu lại", "then elect"))
	}
	return s
}
