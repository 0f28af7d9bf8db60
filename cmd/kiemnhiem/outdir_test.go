package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRosterForce: generate and optimize refuse to replace a roster they
// did not write (exit 2, the file named) unless --force, and replace their
// own set freely.
func TestRosterForce(t *testing.T) {
	tests := []struct {
		name   string
		file   string // the roster already in the output directory
		args   []string
		forced []string
	}{
		{"generate", "units.csv", []string{"generate", "--province", "42"}, []string{"--force"}},
		{"optimize", "people.csv", []string{"optimize", tiny}, []string{"--force"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "o")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			roster := filepath.Join(out, tt.file)
			if err := os.WriteFile(roster, []byte("a roster\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(tt.args, "--out", out)
			code, _, stderr := cli(t, args...)
			if b, _ := os.ReadFile(roster); code != exitUsage || !strings.Contains(stderr, roster) || string(b) != "a roster\n" {
				t.Fatalf("without --force: exit %d, roster %q\n%s", code, b, stderr)
			}
			if code, _, stderr := cli(t, append(args, tt.forced...)...); code != exitOK {
				t.Fatalf("with --force: exit %d\n%s", code, stderr)
			}
			if code, _, stderr := cli(t, args...); code != exitOK {
				t.Errorf("over its own set: exit %d\n%s", code, stderr)
			}
		})
	}
}
