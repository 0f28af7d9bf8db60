package main

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
)

// TestGeneratedTableIsCurrent remakes synth's calibration table from the
// shared data set and fails when the committed file differs, so that a
// hand edit or a stale table cannot go unnoticed.
func TestGeneratedTableIsCurrent(t *testing.T) {
	shareddata.Open(t, calibFile) // skips when the data set is absent
	got, err := generate(shareddata.Dir())
	if err != nil {
		t.Fatal(err)
	}
	golden.Current(t, "../../calibration_table.go", got, "synth/calibration_table.go is stale or edited by hand: run go generate ./synth")
}

// TestGenerateMissingData checks that a directory without the files is an
// error, not a panic or an empty table.
func TestGenerateMissingData(t *testing.T) {
	if _, err := generate(t.TempDir()); err == nil {
		t.Error("generate on an empty directory succeeded")
	}
}
