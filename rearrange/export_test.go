package rearrange

// SetImprove switches the improvement of the incumbent (improve.go) on or
// off, for the tests of package rearrange_test.
func SetImprove(on bool) { improveOn = on }
