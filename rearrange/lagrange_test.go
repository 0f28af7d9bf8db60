package rearrange

import (
	"testing"
)

// TestLagrangeShares checks the Lagrangian bound on the three Hồ Chí Minh
// City wards of testdata/hcmc_wards.json: every candidate's shares sum to
// at most its merges (households moved), and at the root the bound on
// merges lies between the shares bound and the optimum CBC finds.
func TestLagrangeShares(t *testing.T) {
	communes := readCommunes(t, "testdata/hcmc_wards.json")
	optimum := map[string]int64{"25987": 56, "26506": 38, "27418": 55} // CBC, hardwards_test.go
	opt := Options{MaxMerge: 3, Adjacency: true}
	for _, c := range communes {
		var merges int64
		for _, s := range searchers(t, c, opt) {
			_, _, sum := s.pick(0)
			s.initLagrange(lagStepsMax)
			if s.lg == nil {
				t.Fatalf("%s: no Lagrangian bound", c.Name)
			}
			checkShares(t, s, s.lg.byKey, func(g candidate) int64 { return int64(len(g.members) - 1) })
			checkShares(t, s, s.lg.byMoved, func(g candidate) int64 { return int64(g.moved) })
			m := s.lagMerges()
			if shares := (sum[1] + s.scale - 1) / s.scale; m < shares {
				t.Errorf("%s: Lagrangian merges %d below the shares bound %d", c.Name, m, shares)
			}
			if moved := s.leastMoved(); s.lagMoved() < moved {
				t.Errorf("%s: Lagrangian moved %d below the least moved %d (scaled)", c.Name, s.lagMoved(), moved)
			}
			merges += m
		}
		t.Logf("%s: root bound %d merges, optimum %d", c.Name, merges, optimum[c.Code])
		if merges != optimum[c.Code] {
			t.Errorf("%s: bound %d merges, want the optimum %d", c.Name, merges, optimum[c.Code])
		}
	}
}

// checkShares fails when the shares of a candidate sum above its cost.
func checkShares(t *testing.T, s *searcher, by [][]lagShare, cost func(candidate) int64) {
	t.Helper()
	total := make([]int64, len(s.cands))
	for _, v := range s.keys {
		if len(by[v]) != len(s.byKey[v]) {
			t.Fatalf("key %d: %d shares for %d candidates", v, len(by[v]), len(s.byKey[v]))
		}
		for _, x := range by[v] {
			total[x.cand] += x.share
		}
	}
	for j, g := range s.cands {
		if total[j] > cost(g)*lagDen {
			t.Fatalf("candidate %v: shares %d above %d·%d", g.members, total[j], cost(g), lagDen)
		}
	}
}
