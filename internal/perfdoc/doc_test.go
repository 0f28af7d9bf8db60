package main

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
)

// TestPerformanceDocUpToDate checks that docs/performance.md is what
// perfdoc makes of the committed raw outputs.
func TestPerformanceDocUpToDate(t *testing.T) {
	got, err := build([]string{"../../docs/bench"})
	if err != nil {
		t.Fatal(err)
	}
	golden.Current(t, "../../docs/performance.md", got, "docs/performance.md is stale: run go generate ./internal/perfdoc")
}
