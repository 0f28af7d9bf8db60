package rearrange

// SetImprove switches the improvement of the incumbent (improve.go) on or
// off, for the tests of package rearrange_test.
func SetImprove(on bool) { improveOn = on }

// SetEagerBounds builds the Lagrangian and the cluster bounds at a
// component's first node instead of after lagAfter nodes, so that the
// small communes of the tests exercise them; off restores the default.
func SetEagerBounds(on bool) {
	lagAfter = 2000
	if on {
		lagAfter = 0
	}
}
