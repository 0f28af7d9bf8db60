package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRearrangeInterrupt: a context cancelled before the search exits 130,
// prints nothing on stdout and writes no --out directory.
func TestRearrangeInterrupt(t *testing.T) {
	dir := t.TempDir()
	s := writeVillagesXLSX(t, dir, true)
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"rearrange", s, "--out", out, "--json"}, strings.NewReader(""), &stdout, &stderr)
	if code != exitInterrupted || stdout.Len() > 0 || !strings.Contains(stderr.String(), "stopped by a signal") {
		t.Errorf("cancelled rearrange: exit %d, stdout %q, stderr %q; want 130, nothing printed", code, stdout.String(), stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--out %s exists after an interrupted rearrange (%v)", out, err)
	}
}
