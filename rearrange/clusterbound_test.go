package rearrange

import (
	"testing"
)

// TestClusterBound checks the cluster bound at the root of the three Hồ
// Chí Minh City wards of testdata/hcmc_wards.json: its merges and
// households moved lie between the Lagrangian bound's (the clusters of
// one key) and the optimum CBC finds, and a cluster never reports a cover
// where none exists (every ward's keys can all be brought to their
// floor).
func TestClusterBound(t *testing.T) {
	communes := readCommunes(t, "testdata/hcmc_wards.json")
	optimum := map[string][2]int64{"25987": {56, 17064}, "26506": {38, 11826}, "27418": {55, 17633}} // CBC, hardwards_test.go
	opt := Options{MaxMerge: 3, Adjacency: true}
	for _, c := range communes {
		var lag, cl [2]int64
		for _, s := range searchers(t, c, opt) {
			s.initLagrange(lagStepsMax)
			if s.lg == nil {
				t.Fatalf("%s: no Lagrangian bound", c.Name)
			}
			s.initClusters()
			m, ok := s.clusterCosts(0)
			d, ok2 := s.clusterCosts(1)
			if !ok || !ok2 {
				t.Fatalf("%s: a cluster without a cover", c.Name)
			}
			lag[0], lag[1] = lag[0]+s.lagMerges(), lag[1]+s.lagMoved()/s.scale
			cl[0], cl[1] = cl[0]+ceilDen(m), cl[1]+ceilDen(d)
		}
		want := optimum[c.Code]
		t.Logf("%s: Lagrangian %v, clusters %v, optimum %v", c.Name, lag, cl, want)
		for l := range cl {
			if cl[l] < lag[l] || cl[l] > want[l] {
				t.Errorf("%s: level %d: cluster bound %d, want between %d and %d", c.Name, l+2, cl[l], lag[l], want[l])
			}
		}
	}
}

// clusterCosts is the sum over the clusters of their least cost at level
// l (0: merges, 1: households moved; 1/lagDen) at the current node; ok
// is false when a cluster cannot be covered.
func (s *searcher) clusterCosts(l int) (sum int64, ok bool) {
	ex, ok := s.clusterExcess(l, nil)
	return s.lagSum(l) + ex, ok
}
