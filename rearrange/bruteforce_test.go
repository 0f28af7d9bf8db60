package rearrange_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// bruteForce returns the best objective over every partition of the
// villages that the rules allow: groups of at most K, connected under the
// adjacency rule, exempt villages alone under ExemptStays; under
// Consolidation a merged group must reach its floor (the documented rule),
// under FewestMerges nothing more (the solver's restriction to merged
// groups at their floor must lose nothing).
func bruteForce(c *rearrange.Commune, opt rearrange.Options) rearrange.Objective {
	n := len(c.Villages)
	label := make([]int, n)
	var best rearrange.Objective
	found := false
	var rec func(i, blocks int)
	rec = func(i, blocks int) {
		if i == n {
			groups := make([][]int, blocks)
			for v, b := range label {
				groups[b] = append(groups[b], v)
			}
			if !allowed(c, opt, groups) {
				return
			}
			o := objective(c, groups)
			if !found || better(opt.Goal, o, best) {
				best, found = o, true
			}
			return
		}
		for b := 0; b <= blocks; b++ {
			label[i] = b
			if b == blocks {
				rec(i+1, blocks+1)
			} else {
				rec(i+1, blocks)
			}
		}
	}
	rec(0, 0)
	return best
}

func allowed(c *rearrange.Commune, opt rearrange.Options, groups [][]int) bool {
	for _, g := range groups {
		if len(g) == 1 {
			continue
		}
		if len(g) > opt.MaxMerge {
			return false
		}
		hh, floor := 0, 0
		for _, v := range g {
			if c.Villages[v].Exempt && opt.Exempt == rearrange.ExemptStays {
				return false
			}
			hh += c.Villages[v].Households
			floor = max(floor, c.Villages[v].Floor)
		}
		if opt.Goal == rearrange.Consolidation && hh < floor {
			return false
		}
		if opt.Adjacency && !linked(c, g) {
			return false
		}
	}
	return true
}

func linked(c *rearrange.Commune, g []int) bool {
	edge := func(a, b int) bool {
		return slices.Contains(c.Villages[a].Neighbours, c.Villages[b].Code) || slices.Contains(c.Villages[b].Neighbours, c.Villages[a].Code)
	}
	in := []int{g[0]}
	for grew := true; grew; {
		grew = false
		for _, b := range g {
			if slices.Contains(in, b) {
				continue
			}
			for _, a := range in {
				if edge(a, b) {
					in, grew = append(in, b), true
					break
				}
			}
		}
	}
	return len(in) == len(g)
}

func objective(c *rearrange.Commune, groups [][]int) rearrange.Objective {
	var o rearrange.Objective
	for _, g := range groups {
		hh, floor, big := 0, 0, 0
		for _, v := range g {
			hh += c.Villages[v].Households
			floor = max(floor, c.Villages[v].Floor)
			big = max(big, c.Villages[v].Households)
		}
		if hh < floor {
			o.Under += len(g)
		}
		o.Disruption += hh - big
	}
	o.Merges = len(c.Villages) - len(groups)
	return o
}

// TestBruteForce compares the solver with every partition of communes of
// up to 9 villages, with and without adjacency, both goals, both exempt
// rules, K from 1 to 4.
func TestBruteForce(t *testing.T) {
	count := 300
	if testing.Short() {
		count = 60
	}
	for _, adjacency := range []bool{false, true} {
		for seed := range uint64(count) {
			r := rand.New(rand.NewPCG(seed, 24))
			n := 1 + r.IntN(9)
			if seed%3 != 0 {
				n = 7 + r.IntN(3)
			}
			c := randomCommune(r, n, adjacency)
			opt := randomOptions(r, adjacency)
			p, err := rearrange.Solve(context.Background(), c, opt)
			if err != nil {
				t.Fatalf("adjacency %v seed %d: %v", adjacency, seed, err)
			}
			if err := check.Check(c, opt, p); err != nil {
				t.Errorf("adjacency %v seed %d: %v", adjacency, seed, err)
			}
			if p.Status != rearrange.Optimal {
				t.Errorf("adjacency %v seed %d: status %v", adjacency, seed, p.Status)
			}
			if want := bruteForce(c, opt); p.Objective != want {
				t.Errorf("adjacency %v seed %d (%d villages, %+v): objective %+v, brute force %+v", adjacency, seed, n, opt, p.Objective, want)
			}
		}
	}
}
