package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestComparePDFNeedsChromium: compare --format pdf with rsvg-convert but no
// Chromium on PATH fails at once, exit 1, naming Chromium, and writes
// nothing.
func TestComparePDFNeedsChromium(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert is not installed: the check would stop at it first")
	}
	bin := t.TempDir()
	if err := os.Symlink(rsvg, filepath.Join(bin, "rsvg-convert")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := cli(t, "compare", "nd33-2023", "--format", "svg,pdf", "--runs", "2", "--quiet", "--out", out)
	if code != exitInput {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
	}
	if !strings.Contains(stderr, "Chromium") || !strings.Contains(stderr, "report.pdf") {
		t.Errorf("the error does not say report.pdf needs Chromium:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output directory was touched: %v", err)
	}
}
