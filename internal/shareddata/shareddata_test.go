package shareddata

import (
	"os"
	"testing"
)

func TestOpen(t *testing.T) {
	if _, err := os.Stat(Dir()); err != nil {
		t.Skipf("no shared data here: %v", err)
	}
	f := Open(t, "README.md")
	if _, err := f.Stat(); err != nil {
		t.Error(err)
	}
}
