package villageplan

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// Result is one rearrangement variant planned end to end.
type Result struct {
	// Scenario is the world as it is (not changed by Plan).
	Scenario *model.Scenario
	Options  Options
	// Communes are the communes with villages, in the order of the units,
	// each with its verified plan.
	Communes []Commune
	// After is the world after the merges (see [After]).
	After *model.Scenario
	// Into maps every absorbed village's code to its keeper's.
	Into map[string]string
	// People is the people and money before and after.
	People *People
	// Solved is the optimiser's plan of After (Options.Settings), verified
	// by optimize/check: the plan People was read off.
	Solved *optimize.Result
	// Decided marks a commune-decided plan priced by [FromMapping]: the
	// Communes' plans are the mapping's, not the solver's.
	Decided bool
	// Breaches are the rules the decided plan breaks (the merge size
	// limit, neighbours), one text per merged village; nil for Plan.
	Breaches []model.Text
	// Optimal is, for a decided plan, the solver's plan of each commune
	// (in the order of Communes) under the same options: the optimum the
	// decided plan is compared with. Nil for Plan.
	Optimal []*rearrange.Plan
}

// needFloors refuses a scenario without village household floors on its
// date, in lang.
func needFloors(s *model.Scenario, lang model.Lang) error {
	if _, err := s.Policy.VillageFloors.At(s.Date); err != nil {
		return fmt.Errorf(lang.Pick("rearrange: phương án %s không có mức chuẩn số hộ của thôn (policy.village_floors, NĐ 185/2026 Điều 10) vào ngày %s: hãy dùng một phương án dựa trên nd185-2026 (extends: nd185-2026)",
			"rearrange: scenario %s has no village household floors (policy.village_floors, NĐ 185/2026 Art. 10) on %s: use a scenario based on nd185-2026 (extends: nd185-2026)"), s.Name, s.Date)
	}
	return nil
}

// Plan rearranges the villages of s under opt: it solves and verifies
// every commune ([Communes]), builds the world after the merges ([After]),
// and prices the people before and after with each person's outcome.
// Errors and outcome texts are in lang. s must carry the village household
// floors of NĐ 185/2026 Art. 10 on its date (a scenario that extends
// nd185-2026); s is not changed. A cancelled ctx returns an error that
// wraps ctx.Err().
func Plan(ctx context.Context, s *model.Scenario, opt Options, lang model.Lang) (*Result, error) {
	if err := opt.check(lang); err != nil {
		return nil, err
	}
	if err := needFloors(s, lang); err != nil {
		return nil, err
	}
	cs, err := Communes(ctx, s, opt)
	if err != nil {
		return nil, err
	}
	w, into := After(s, cs)
	people, solved, err := prices(ctx, s, w, opt, lang)
	if err != nil {
		return nil, err
	}
	return &Result{Scenario: s, Options: opt, Communes: cs, After: w, Into: into, People: people, Solved: solved}, nil
}
