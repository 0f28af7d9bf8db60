package report

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// fixtureVillages are the households of the villages of the fixture's
// communes C1–C4: one merge to make in C1, TDP-sized villages in C2, a
// commune with too few households in C3, every village at its floor in C4.
var fixtureVillages = [][]int{{400, 100, 300, 90}, {800, 200, 650}, {120, 60}, {500, 360, 380}}

// rearrangeFixture solves the fixture's villages under floor (C2's floor
// is floor+150, as for tổ dân phố) with at most maxMerge into one, and
// summarises the plans as kiemnhiem rearrange --json does, with two people
// per village before and per village after: the others are released at
// 45 million đồng each.
func rearrangeFixture(t testing.TB, c *Comparison, scenario string, floor, maxMerge int, lang model.Lang) *RearrangeSummary {
	t.Helper()
	opt := rearrange.Options{MaxMerge: maxMerge}
	cs := make([]villageplan.Commune, len(fixtureVillages))
	for k, hh := range fixtureVillages {
		code := fmt.Sprintf("C%d", k+1)
		u := unitByCode(c.Scenarios[0].Model, code)
		com := &rearrange.Commune{Code: code, Name: u.Name}
		var floors []model.VillageFloor
		for v, h := range hh {
			f := floor
			if k == 1 {
				f += 150
			}
			com.Villages = append(com.Villages, rearrange.Village{Code: fmt.Sprintf("%s-%d", code, v+1), Name: fmt.Sprintf("Thôn %d", v+1), Type: model.Thon, Households: h, Floor: f})
			floors = append(floors, model.VillageFloor{Full: f, Floor: f})
		}
		p, err := rearrange.Solve(t.Context(), com, opt)
		if err != nil {
			t.Fatal(err)
		}
		cs[k] = villageplan.Commune{Unit: u, Commune: com, Floors: floors, Options: opt, Plan: p}
	}
	sum := communesSummary(scenario, c.Scenarios[0].Model.Date, opt, "off", cs, lang)
	released := 2 * sum.Merges
	after := 1_200_000_000 * sum.VillagesAfter / sum.VillagesBefore
	severance, saving := 45_000_000*released, 1_200_000_000-after
	// Discounted at 4 % a year, the first year not (compare --discount).
	pv := 0.0
	for y := range 5 {
		pv += float64(saving) / math.Pow(1.04, float64(y))
	}
	people := fmt.Sprintf(`{"people": {"people_before": %d, "people_after": %d, "titles_before": %[1]d, "titles_after": %[2]d,
		"allowances_before": 1200000000, "allowances_after": %d, "funds_before": 1500000000, "funds_after": %d,
		"released": %d, "severance": %d, "window_years": 5, "net_savings": %d,
		"discount_rate": 0.04, "net_savings_discounted": %d}}`,
		2*sum.VillagesBefore, 2*sum.VillagesAfter, after, 1_500_000_000*sum.VillagesAfter/sum.VillagesBefore,
		released, severance, 5*saving-severance, int(math.Round(pv))-severance)
	if err := json.Unmarshal([]byte(people), sum); err != nil {
		t.Fatal(err)
	}
	return sum
}

// unitByCode is the unit of s with code.
func unitByCode(s *model.Scenario, code string) *model.Unit {
	for i := range s.Units {
		if s.Units[i].Code == code {
			return &s.Units[i]
		}
	}
	return nil
}

// rearrangedComparison is the test comparison with a rearrangement
// section: the baseline as it is, the decree's floors (350) for the first
// variant and stricter floors (500) with at most 2 into one for the
// second. It is a copy: the shared fixture is not changed.
func rearrangedComparison(t testing.TB, lang model.Lang) *Comparison {
	t.Helper()
	c := *testComparison(t)
	c.Lang = lang
	c.Scenarios = slices.Clone(c.Scenarios)
	for i, src := range []string{"NĐ 185/2026/NĐ-CP Art. 10(1) (policy-facts 9.7)", "assumption: stricter floors, a variant (policy-facts 9.7)"} {
		m := *c.Scenarios[i+1].Model
		m.Policy.VillageFloors = model.Const(model.MustDate("2019-01-01"), model.VillageFloorRule{}, src)
		c.Scenarios[i+1].Model = &m
	}
	c.Rearrangements = []*RearrangeSummary{nil,
		rearrangeFixture(t, &c, c.Scenarios[1].Model.Name, 350, 3, lang),
		rearrangeFixture(t, &c, c.Scenarios[2].Model.Name, 500, 2, lang)}
	return &c
}
