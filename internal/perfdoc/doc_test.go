package main

import (
	"bytes"
	"os"
	"testing"
)

// TestPerformanceDocUpToDate checks that docs/performance.md is what
// perfdoc makes of the committed raw outputs.
func TestPerformanceDocUpToDate(t *testing.T) {
	got, err := build([]string{"../../docs/bench"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../docs/performance.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/performance.md is stale: run go generate ./internal/perfdoc")
	}
}
