package rearrange_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// TestHardWards solves three Hồ Chí Minh City wards of synth's country
// (internal/rearrangebench, seed 185: 74 to 112 villages, 85–95 % below
// their floor, K = 3, Gabriel neighbours), which the search could not
// prove within 100,000 nodes before the pairing bound (pairbound.go): each
// must now be proven within that budget, at the optimum CBC finds for the
// same set partitioning (when cbc is installed).
func TestHardWards(t *testing.T) {
	b, err := os.ReadFile("testdata/hcmc_wards.json")
	if err != nil {
		t.Fatal(err)
	}
	var communes []*rearrange.Commune
	if err := json.Unmarshal(b, &communes); err != nil {
		t.Fatal(err)
	}
	want := map[string]rearrange.Objective{
		"25987": {Merges: 56, Disruption: 17064}, // Bình Hòa
		"26506": {Merges: 38, Disruption: 11826}, // Vũng Tàu
		"27418": {Merges: 55, Disruption: 17633}, // Chánh Hưng
	}
	opt := rearrange.Options{MaxMerge: 3, Adjacency: true, MaxNodes: 100_000}
	for _, c := range communes {
		t.Run(c.Code, func(t *testing.T) {
			p, err := rearrange.Solve(context.Background(), c, opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := check.Check(c, opt, p); err != nil {
				t.Error(err)
			}
			t.Logf("%s: %d villages, %+v, %d nodes", c.Name, len(c.Villages), p.Objective, p.Nodes)
			if p.Status != rearrange.Optimal || p.Objective != want[c.Code] {
				t.Errorf("%v %+v (bound %+v), want optimal %+v", p.Status, p.Objective, p.Bound, want[c.Code])
			}
			if testing.Short() {
				return
			}
			cbc := needCBC(t)
			chosen := solveCBC(t, cbc, t.TempDir(), len(c.Villages), milpGroups(c, opt))
			got := objective(c, chosen)
			t.Logf("CBC: %+v", got)
			if got != p.Objective {
				t.Errorf("CBC %+v, search %+v", got, p.Objective)
			}
		})
	}
}
