// Package shareddata finds the project's shared data set for tests: the
// GSO unit lists and calibration files kept in ../shared/data beside the
// repository root, outside the module because of their size and licences.
// A test that needs them skips when they are absent, so the module's tests
// pass on a bare clone.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the shared data directory. It is found from this file's
// place in the repository, so it is the same whichever package's test asks.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data")
}

// Open opens the named file of the shared data set until the end of the
// test, or skips the test when the file is absent.
func Open(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(Dir(), name))
	if err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
