package rearrange_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// TestLimitBoundHolds stops communes of 20 to 40 villages (10 to 16
// without adjacency) after a few
// nodes, at every stage of the search (the aspiration passes, the search
// after them, the tie-break), and compares the bound with the optimum
// solved without a limit: never beyond it, level by level where the
// bound states a level.
func TestLimitBoundHolds(t *testing.T) {
	for _, adjacency := range []bool{true, false} {
		for _, goal := range []rearrange.Goal{rearrange.FewestMerges, rearrange.Consolidation} {
			t.Run(fmt.Sprintf("adjacency=%v/%v", adjacency, goal), func(t *testing.T) {
				limited := 0
				for seed := range uint64(12) {
					r := rand.New(rand.NewPCG(seed, 185))
					n := 20 + r.IntN(21)
					if !adjacency {
						n = 10 + r.IntN(7) // any villages may merge: small enough to solve exactly
					}
					c := randomCommune(r, n, adjacency)
					opt := rearrange.Options{MaxMerge: 3, Adjacency: adjacency, Goal: goal}
					exact, err := rearrange.Solve(context.Background(), c, opt)
					if err != nil || exact.Status != rearrange.Optimal {
						t.Fatalf("seed %d: %v, %v", seed, err, exact.Status)
					}
					for _, nodes := range []int64{1, 3, 10, 30, 100, 300, 1000} {
						opt.MaxNodes = nodes
						p, err := rearrange.Solve(context.Background(), c, opt)
						if err != nil {
							t.Fatal(err)
						}
						if err := check.Check(c, opt, p); err != nil {
							t.Fatalf("seed %d, %d nodes: %v", seed, nodes, err)
						}
						if p.Status == rearrange.Optimal {
							if p.Objective != exact.Objective {
								t.Errorf("seed %d, %d nodes: optimal %+v, want %+v", seed, nodes, p.Objective, exact.Objective)
							}
							continue
						}
						limited++
						if p.TieBroken {
							t.Errorf("seed %d, %d nodes: limited plan marked tie-broken", seed, nodes)
						}
						if msg := beyond(goal, p, exact.Objective); msg != "" {
							t.Errorf("seed %d, %d nodes: bound %+v (plan %+v) %s optimum %+v", seed, nodes, p.Bound, p.Objective, msg, exact.Objective)
						}
					}
				}
				if limited == 0 {
					t.Error("no commune reached a limit")
				}
			})
		}
	}
}

// beyond says how a limited plan's bound claims more than the optimum
// opt allows, or "".
func beyond(goal rearrange.Goal, p *rearrange.Plan, opt rearrange.Objective) string {
	b := p.Bound
	switch {
	case b.Under > opt.Under:
		return "under beyond"
	case b.Under < opt.Under || b.Under != p.Objective.Under:
		return ""
	case goal == rearrange.FewestMerges && b.Merges > opt.Merges:
		return "merges beyond"
	case goal == rearrange.Consolidation && b.Merges < opt.Merges:
		return "merges beyond"
	case b.Merges == opt.Merges && b.Disruption > opt.Disruption:
		return "disruption beyond"
	}
	return ""
}
