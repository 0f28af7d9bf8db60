package rearrange_test

import (
	"context"
	"fmt"
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
// groups at their floor must lose nothing). It also returns the best
// partition the fourth level puts first (see groupsCompare). Groups are
// ascending, in the order of their first village.
func bruteForce(c *rearrange.Commune, opt rearrange.Options) (rearrange.Objective, [][]int) {
	n := len(c.Villages)
	label := make([]int, n)
	var best rearrange.Objective
	var bestGroups [][]int
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
			if !found || better(opt.Goal, o, best) || o == best && groupsCompare(groups, bestGroups) < 0 {
				best, bestGroups, found = o, groups, true
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
	return best, bestGroups
}

// groupsCompare is the fourth level, written from the package doc: the
// groups (ascending, by first village) compared one after the other, each
// as a sequence of villages, a sequence that is the beginning of another
// coming first.
func groupsCompare(a, b [][]int) int {
	for i := range min(len(a), len(b)) {
		if c := slices.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// partition is a plan's groups as bruteForce gives them: members
// ascending, groups by first member.
func partition(p *rearrange.Plan) [][]int {
	var out [][]int
	for _, g := range p.Groups {
		out = append(out, slices.Sorted(slices.Values(g.Members)))
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
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
// rules, K from 1 to 4: the same objective and the same plan (the fourth
// level). With ties, households are drawn from a few values, so that
// many plans tie on the three levels and the fourth decides.
func TestBruteForce(t *testing.T) {
	count := 300
	if testing.Short() {
		count = 60
	}
	for _, ties := range []bool{false, true} {
		for _, adjacency := range []bool{false, true} {
			t.Run(fmt.Sprintf("ties=%v/adjacency=%v", ties, adjacency), func(t *testing.T) {
				bruteForceCompare(t, count, ties, adjacency)
			})
		}
	}
}

// TestBruteForceEagerBounds repeats the comparison under the adjacency
// rule with the Lagrangian and cluster bounds built at the first node
// (they otherwise wait for searches longer than these communes need): a
// bound that cut off an optimal plan would change the objective or the
// plan.
func TestBruteForceEagerBounds(t *testing.T) {
	rearrange.SetEagerBounds(true)
	defer rearrange.SetEagerBounds(false)
	count := 300
	if testing.Short() {
		count = 60
	}
	for _, ties := range []bool{false, true} {
		t.Run(fmt.Sprintf("ties=%v", ties), func(t *testing.T) {
			bruteForceCompare(t, count, ties, true)
		})
	}
}

func bruteForceCompare(t *testing.T, count int, ties, adjacency bool) {
	bruteForceRun(t, count, ties, adjacency, t.Errorf)
}

// TestBruteForceWrongBound checks that the brute-force cross-check
// catches a wrong Lagrangian bound (lagrange.go): with the shares split
// from candidates' merges and households moved overstated by half, the
// search must "prove" some wrong plans.
func TestBruteForceWrongBound(t *testing.T) {
	rearrange.SetEagerBounds(true)
	rearrange.SetLagSkew(1.5)
	defer rearrange.SetEagerBounds(false)
	defer rearrange.SetLagSkew(1)
	wrong := 0
	bruteForceRun(t, 300, false, true, func(string, ...any) { wrong++ })
	if wrong == 0 {
		t.Error("an overstated Lagrangian bound went unnoticed")
	}
	t.Logf("%d wrong answers", wrong)
}

// bruteForceRun solves count seeded random communes and reports through
// errorf each answer the brute force or the checker disagrees with.
func bruteForceRun(t *testing.T, count int, ties, adjacency bool, errorf func(string, ...any)) {
	for seed := range uint64(count) {
		{
			r := rand.New(rand.NewPCG(seed, 24))
			n := 1 + r.IntN(9)
			if seed%3 != 0 {
				n = 7 + r.IntN(3)
			}
			c := randomCommune(r, n, adjacency)
			if ties {
				for i := range c.Villages {
					c.Villages[i].Households = []int{40, 60, 75, 150, 160}[r.IntN(5)] * c.Villages[i].Floor / 150
				}
			}
			opt := randomOptions(r, adjacency)
			p, err := rearrange.Solve(context.Background(), c, opt)
			if err != nil {
				t.Fatalf("adjacency %v seed %d: %v", adjacency, seed, err)
			}
			if err := check.Check(c, opt, p); err != nil {
				errorf("adjacency %v seed %d: %v", adjacency, seed, err)
			}
			if p.Status != rearrange.Optimal || !p.TieBroken {
				errorf("adjacency %v seed %d: status %v, tie broken %v", adjacency, seed, p.Status, p.TieBroken)
			}
			want, groups := bruteForce(c, opt)
			if p.Objective != want {
				errorf("adjacency %v seed %d (%d villages, %+v): objective %+v, brute force %+v", adjacency, seed, n, opt, p.Objective, want)
			} else if got := partition(p); !slices.EqualFunc(got, groups, slices.Equal) {
				errorf("adjacency %v seed %d (%d villages, %+v): plan %v, brute force %v (tied on %+v)", adjacency, seed, n, opt, got, groups, want)
			}
		}
	}
}
