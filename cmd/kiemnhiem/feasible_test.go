package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
)

// minPlannedShare is the share of communes every preset must plan: the
// presets stand for decrees and schemes that were carried out everywhere,
// so a preset whose rules leave many communes without a plan misstates the
// law it stands for (issue 22, item 7).
const minPlannedShare = 0.95

// plannedShare solves s and returns the communes with a plan (proven
// optimal, or feasible at a search limit) and the communes solved.
func plannedShare(t *testing.T, s *scenarios.Scenario) (planned, pools int) {
	t.Helper()
	r, err := optimize.Solve(context.Background(), &optimize.Problem{Scenario: &s.Scenario}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Pools {
		if p.Status == optimize.Optimal || p.Status == optimize.Feasible {
			planned++
		}
	}
	return planned, len(r.Pools)
}

// checkPlanned logs the share of communes planned, failing below
// minPlannedShare.
func checkPlanned(t *testing.T, what string, planned, pools int) {
	t.Helper()
	share := float64(planned) / float64(max(pools, 1))
	if pools > 0 && share >= minPlannedShare {
		t.Logf("%s: %d of %d communes planned (%.1f %%)", what, planned, pools, 100*share)
	} else {
		t.Errorf("%s: %d of %d communes planned (%.1f %%), want at least %.0f %%",
			what, planned, pools, 100*share, 100*minPlannedShare)
	}
}

// TestPresetsFeasibleDefault solves every embedded preset on its embedded
// default data (the generator's Hà Tĩnh: 216 communes on the 2024-11 list,
// 69 on the 2025-07 list) and requires at least 95 % of communes planned.
func TestPresetsFeasibleDefault(t *testing.T) {
	for _, name := range scenarios.Presets() {
		t.Run(name, func(t *testing.T) {
			s, err := scenarios.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.LoadData(); err != nil {
				t.Fatal(err)
			}
			planned, pools := plannedShare(t, s)
			checkPlanned(t, name+" on the embedded default", planned, pools)
		})
	}
}

// feasibleLists names, for each unit-list vintage, the real list of
// ../shared/data and the provinces TestPresetsFeasibleReal solves on it.
var feasibleLists = map[string]struct {
	file      string
	provinces []string
}{
	// Pre-reform presets: Hà Nội (01, 579 communes, the largest and most
	// urban), Điện Biên (11, 129, mountainous, on the border) and Bến Tre
	// (83, 157, Mekong delta).
	"2024-11": {"vn_communes_2024-11_pre_reform.csv", []string{"01", "11", "83"}},
	// Post-reform presets: Hà Nội (01, 126), Điện Biên (11, 45) and Vĩnh
	// Long (86, 124, which took in Bến Tre and Trà Vinh).
	"2025-07": {"vn_communes_2025-07_post_reform.csv", []string{"01", "11", "86"}},
}

// TestPresetsFeasibleReal solves every embedded preset on real unit lists
// of ../shared/data, with synthetic villages and holders as the benchmarks
// build them (data.units.file and province over the preset), and requires
// at least 95 % of communes planned in each province. The sample keeps CI
// time reasonable: three whole provinces of the 2024-11 list for the
// pre-reform presets and three of the 2025-07 list for the post-reform
// ones (the preset's data vintage decides), as feasibleLists names them.
// It skips without the shared data; it takes a few seconds.
func TestPresetsFeasibleReal(t *testing.T) {
	for _, name := range scenarios.Presets() {
		base, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		vintage := base.Data.Vintage
		if vintage == "" {
			vintage = scenarios.DefaultVintage
		}
		list, ok := feasibleLists[vintage]
		if !ok {
			t.Fatalf("%s: no real list for vintage %q", name, vintage)
		}
		shareddata.Open(t, list.file).Close()
		for _, prov := range list.provinces {
			t.Run(name+"/"+prov, func(t *testing.T) {
				s := realScenario(t, name, filepath.Join(shareddata.Dir(), list.file), prov)
				planned, pools := plannedShare(t, s)
				checkPlanned(t, fmt.Sprintf("%s on %s province %s", name, list.file, prov), planned, pools)
			})
		}
	}
}

// realScenario loads preset over the units of one province of a real list.
func realScenario(t *testing.T, preset, file, province string) *scenarios.Scenario {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	src := fmt.Sprintf("extends: %s\ndata:\n  units:\n    file: %q\n    province: %q\n", preset, abs, province)
	s, err := scenarios.LoadBytes("feasible.yaml", "", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		t.Fatal(err)
	}
	return s
}
