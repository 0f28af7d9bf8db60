package rearrange

import "testing"

// SetImprove switches the improvement of the incumbent (improve.go) on or
// off, for the tests of package rearrange_test.
func SetImprove(on bool) { improveOn = on }

// SetEagerBounds builds the Lagrangian and the cluster bounds at a
// component's first node instead of after lagAfter nodes, and rebuilds
// them after 50 nodes instead of lagMore, with clusters of at most 3
// keys, so that the small communes of the tests exercise them, the
// rebuild and across clusters too; off restores the defaults.
func SetEagerBounds(on bool) {
	lagAfter, lagMore, clusterAfter = boundDefaults[0], boundDefaults[1], boundDefaults[2]
	clusterKeys = int(boundDefaults[3])
	if on {
		lagAfter, lagMore, clusterAfter, clusterKeys = 0, 50, 0, 3
	}
}

// boundDefaults: lagAfter, lagMore, clusterAfter and clusterKeys as the
// package sets them.
var boundDefaults = [4]int64{lagAfter, lagMore, clusterAfter, int64(clusterKeys)}

// SetLagSkew overstates the costs the Lagrangian shares split by the
// factor f (1: exact), for the test that a wrong bound is caught.
func SetLagSkew(f float64) { lagSkew = f }

// ReadCommunes reads communes saved as JSON, for the tests of package
// rearrange_test.
func ReadCommunes(t *testing.T, path string) []*Commune { return readCommunes(t, path) }
