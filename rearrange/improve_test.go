package rearrange_test

import (
	"context"
	"runtime"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// TestImproveLimited solves three Hồ Chí Minh City wards of synth's
// country (internal/rearrangebench, seed 185: Phú Lợi, Thạnh Mỹ Tây, Bà
// Điểm; 86 to 186 villages, K = 3, Gabriel neighbours) at a limit of
// 20,000 nodes, with and without the improvement of the incumbent
// (improve.go). With the Lagrangian bound the search proves them within
// 100,000 nodes, so the limit is set where it still stops; without the
// improvement Phú Lợi and Thạnh Mỹ Tây merge 46 and 57 times there and
// move 14,546 and 17,730 households (47 and 58 merges before the cluster
// bound). With it every plan must pass the checker, keep the villages it
// brings to their floor, merge no more in any ward, stay within its
// bound, be the same plan with GOMAXPROCS=1, and in all merge fewer, or
// as many and move fewer households.
func TestImproveLimited(t *testing.T) {
	communes := rearrange.ReadCommunes(t, "testdata/hcmc_limited.json")
	opt := rearrange.Options{MaxMerge: 3, Adjacency: true, MaxNodes: 20_000}
	defer rearrange.SetImprove(true)
	var before, after [2]int // merges, households moved
	for _, c := range communes {
		var plans [2]*rearrange.Plan
		for i, on := range []bool{false, true} {
			rearrange.SetImprove(on)
			p, err := rearrange.Solve(context.Background(), c, opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := check.Check(c, opt, p); err != nil {
				t.Errorf("%s (improve %v): %v", c.Name, on, err)
			}
			plans[i] = p
		}
		old, now := plans[0], plans[1]
		prev := runtime.GOMAXPROCS(1)
		again, err := rearrange.Solve(context.Background(), c, opt)
		runtime.GOMAXPROCS(prev)
		if err != nil || !slices.EqualFunc(again.Groups, now.Groups, func(a, b rearrange.Group) bool { return slices.Equal(a.Members, b.Members) }) {
			t.Errorf("%s: another plan with GOMAXPROCS=1 (%v)", c.Name, err)
		}
		t.Logf("%s: %d villages: %+v → %+v (bound %+v)", c.Name, len(c.Villages), old.Objective, now.Objective, now.Bound)
		if now.Objective.Under > old.Objective.Under {
			t.Errorf("%s: %d villages below their floor, without the improvement %d", c.Name, now.Objective.Under, old.Objective.Under)
		}
		if now.Objective.Under == old.Objective.Under && now.Objective.Merges > old.Objective.Merges {
			t.Errorf("%s: %d merges, without the improvement %d", c.Name, now.Objective.Merges, old.Objective.Merges)
		}
		if now.Objective.Merges < now.Bound.Merges {
			t.Errorf("%s: %d merges, below the bound %d", c.Name, now.Objective.Merges, now.Bound.Merges)
		}
		before[0], before[1] = before[0]+old.Objective.Merges, before[1]+old.Objective.Disruption
		after[0], after[1] = after[0]+now.Objective.Merges, after[1]+now.Objective.Disruption
	}
	if slices.Compare(after[:], before[:]) >= 0 {
		t.Errorf("merges and households moved in all %v, without the improvement %v: want fewer", after, before)
	}
}
