package rearrange

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// tiedCommune draws a commune of n villages whose households take a few
// values around the floor (so that many plans tie on the three levels),
// each village a random point joined to its two or three nearest.
func tiedCommune(r *rand.Rand, n int) *Commune {
	c := &Commune{Code: "T", Name: "Xã thử"}
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range n {
		c.Villages = append(c.Villages, Village{Code: fmt.Sprintf("V%d", i), Name: fmt.Sprintf("Thôn %d", i),
			Households: []int{40, 60, 75, 90, 150, 160}[r.IntN(6)], Floor: 150})
		xs[i], ys[i] = r.Float64(), r.Float64()
	}
	for i := range n {
		for range 2 + r.IntN(2) {
			best, bd := -1, math.Inf(1)
			for j := range n {
				d := math.Hypot(xs[i]-xs[j], ys[i]-ys[j])
				if j != i && d < bd && !containsCode(c.Villages[i].Neighbours, c.Villages[j].Code) {
					best, bd = j, d
				}
			}
			c.Villages[i].Neighbours = append(c.Villages[i].Neighbours, c.Villages[best].Code)
		}
	}
	return c
}

func containsCode(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// TestOptimalCandidates compares the optimal candidates (tieset.go) with
// a search per candidate, fixed at the root, asked whether the proven
// optimum is still reachable: the same set, on communes too large for the
// brute force (up to 40 villages, many tied plans), both goals, K 2 to 4.
// A set that misses a candidate would let the tie-break skip an option
// that comes first; one that holds too many only costs searches, and is
// caught here too.
func TestOptimalCandidates(t *testing.T) {
	cases := []struct {
		n, k  int
		goal  Goal
		seeds uint64
	}{
		{12, 2, FewestMerges, 60}, {12, 3, FewestMerges, 60}, {20, 3, FewestMerges, 40},
		{40, 3, FewestMerges, 20}, {20, 4, FewestMerges, 20}, {16, 3, Consolidation, 30},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("n=%d/K=%d/%v", tc.n, tc.k, tc.goal), func(t *testing.T) {
			seeds := tc.seeds
			if testing.Short() {
				seeds = max(2, seeds/4)
			}
			in, total := 0, 0
			for seed := range seeds {
				r := rand.New(rand.NewPCG(seed, 185))
				a, b := compareOptimal(t, tiedCommune(r, tc.n), Options{MaxMerge: tc.k, Adjacency: true, Goal: tc.goal}, seed)
				in, total = in+a, total+b
			}
			t.Logf("%d of %d candidates in an optimal plan", in, total)
			if in == 0 || in == total {
				t.Errorf("%d of %d candidates optimal: the cases test nothing", in, total)
			}
		})
	}
}

// compareOptimal checks one commune and returns the candidates found in an
// optimal plan and all candidates.
func compareOptimal(t *testing.T, c *Commune, opt Options, seed uint64) (in, total int) {
	t.Helper()
	inst, err := newInstance(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	all := inst.candidates()
	used := make([]bool, inst.n)
	for _, ids := range inst.components(all) {
		s := newSearcher(inst, all, ids, nil, used)
		s.run()
		target := s.best
		set := s.optimalCandidates(target, 1<<40)
		if set == nil {
			t.Fatalf("seed %d: no set", seed)
		}
		for j := range s.cands {
			_, reach := s.reaches(j, 0, target)
			if set[j] != reach {
				t.Errorf("seed %d: candidate %v: in the set %v, reaches the optimum %v", seed, s.cands[j].members, set[j], reach)
			}
			if reach {
				in++
			}
			total++
		}
	}
	return in, total
}

// TestTieBreakSet solves communes beyond the brute force's reach with and
// without the optimal candidates: the tie-break must choose the same plan
// (the three Hồ Chí Minh City wards of testdata/hcmc_wards.json, 74 to
// 112 villages, and larger tied communes).
func TestTieBreakSet(t *testing.T) {
	communes := readCommunes(t, "testdata/hcmc_wards.json")
	if testing.Short() {
		communes = communes[:1]
	}
	r := rand.New(rand.NewPCG(7, 185))
	for range 6 {
		communes = append(communes, tiedCommune(r, 60))
	}
	defer func() { tieSetOn = true }()
	for i, c := range communes {
		opt := Options{MaxMerge: 3, Adjacency: true, MaxNodes: 400_000}
		var plans [2]*Plan
		for k, on := range []bool{true, false} {
			tieSetOn = on
			p, err := Solve(context.Background(), c, opt)
			if err != nil {
				t.Fatal(err)
			}
			if p.Status != Optimal || !p.TieBroken {
				t.Fatalf("commune %d (%s), set %v: %v, tie broken %v", i, c.Name, on, p.Status, p.TieBroken)
			}
			plans[k] = p
		}
		if !slices.EqualFunc(plans[0].Groups, plans[1].Groups, func(a, b Group) bool { return slices.Equal(a.Members, b.Members) }) {
			t.Errorf("commune %d (%s): the tie-break with the optimal candidates chose another plan", i, c.Name)
		}
	}
}

// TestTieBreakBudget gives the tie-break of tied communes of 40 to 60
// villages, once their optimum is proven, budgets of 10 to 3,000 nodes
// (the search for the optimal candidates among what they cut short): the
// plan it keeps must reach the optimum, and a plan marked tie-broken must
// be the one chosen without a limit; some must run out, or nothing is
// tested.
func TestTieBreakBudget(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 185))
	short, broken := 0, 0
	for i := range 6 {
		c := tiedCommune(r, 40+4*i)
		in, err := newInstance(c, Options{MaxMerge: 3, Adjacency: true})
		if err != nil {
			t.Fatal(err)
		}
		all := in.candidates()
		for _, ids := range in.components(all) {
			var want []int
			for _, budget := range []int64{0, 10, 30, 100, 300, 1000, 3000} {
				s := newSearcher(in, all, ids, nil, make([]bool, in.n))
				s.run()
				target := s.best
				s.maxNodes = budget
				s.canonical()
				if got := s.value(s.bestSet); got != target {
					t.Fatalf("commune %d, budget %d: plan worth %d, optimum %d", i, budget, got, target)
				}
				switch {
				case budget == 0:
					want = slices.Clone(s.bestSet)
				case !s.tieBroken:
					short++
				case !slices.Equal(sortedSet(s.bestSet), sortedSet(want)):
					t.Errorf("commune %d, budget %d: tie broken, but not the plan chosen without a limit", i, budget)
				default:
					broken++
				}
			}
		}
	}
	t.Logf("%d tie-breaks ran out, %d settled within their budget", short, broken)
	if short == 0 || broken == 0 {
		t.Error("the budgets test nothing")
	}
}

func (s *searcher) value(plan []int) int64 {
	var v int64
	for _, j := range plan {
		v += s.cands[j].w
	}
	return v
}

func sortedSet(plan []int) []int {
	return slices.Sorted(slices.Values(plan))
}
