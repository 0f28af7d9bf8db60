package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// tinyVariant writes, beside a copy of the tiny test scenario, a variant
// that pays half for concurrent titles, and returns both files' paths.
func tinyVariant(t *testing.T) (dir, base, variant string) {
	t.Helper()
	dir = t.TempDir()
	for _, name := range []string{"tiny.yaml", "units.csv", "people.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "optimize", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	variant = filepath.Join(dir, "half.yaml")
	src := `name: tiny-half-pay
description: "test: tiny, concurrent titles paid at 50 %"
extends: tiny.yaml
policy:
  concurrency_rate:
    - from: "2024-12-01"
      value: 0.5
      source: "assumption: test variant"
`
	if err := os.WriteFile(variant, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, filepath.Join(dir, "tiny.yaml"), variant
}

// TestCompare runs a small comparison end to end: every file is written,
// the summary is pinned, and the page holds the report's sections.
func TestCompare(t *testing.T) {
	_, base, variant := tinyVariant(t)
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := cli(t, "compare", base, variant, "--years", "4", "--runs", "30", "--sensitivity-runs", "10", "--format", "svg", "--lang", "en", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr (no terminal, so no progress bar):\n%s", stderr)
	}
	if !strings.Contains(stdout, "tiny-half-pay") {
		t.Errorf("stdout:\n%s", stdout)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	charts := 0
	for _, e := range entries {
		names = append(names, e.Name())
		if strings.HasSuffix(e.Name(), ".svg") {
			charts++
		}
		if strings.HasPrefix(e.Name(), ".") && e.Name() != ".kiemnhiem-set" { // the set's manifest
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if charts < 5 {
		t.Errorf("%d charts, want at least 5: %v", charts, names)
	}
	for _, want := range []string{"summary.csv", "summary.xlsx", "report.html", "fan-savings.csv", "tornado.svg"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("missing %s", want)
		}
	}
	sum, err := os.ReadFile(filepath.Join(out, "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("testdata", "compare", "summary.csv.golden"), sum)
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="en">`, "Comparison of kiêm nhiệm arrangements", "assumption: test variant", "kiemnhiem compare "} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("report.html lacks %q", want)
		}
	}
}

// TestCompareRefuses: bad flags are usage errors, and an output directory
// that holds an input is refused before anything is written.
func TestCompareRefuses(t *testing.T) {
	dir, base, variant := tinyVariant(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no out", []string{base, variant}, "needs --out"},
		{"years", []string{base, "--years", "0", "--out", "x"}, "--years"},
		{"runs", []string{base, "--runs", "0", "--out", "x"}, "--runs"},
		{"format", []string{base, "--format", "gif", "--out", "x"}, "--format"},
		{"lang", []string{base, "--lang", "fr", "--out", "x"}, "--lang"},
		{"seed", []string{base, "--seed", "0", "--out", "x"}, "--seed"},
		{"same name", []string{base, base, "--out", filepath.Join(t.TempDir(), "o")}, "both named"},
		{"out holds inputs", []string{base, variant, "--out", dir}, "holds an input"},
		// A directory above the inputs holds their directory, which no
		// set wrote: it is refused as not kiemnhiem's own.
		{"out above inputs", []string{base, variant, "--out", filepath.Dir(dir)}, "which kiemnhiem did not write"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadDir(dir)
			code, _, stderr := cli(t, append([]string{"compare"}, tc.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, stderr, tc.want)
			}
			if after, _ := os.ReadDir(dir); len(after) != len(before) {
				t.Errorf("files written to %s", dir)
			}
		})
	}
}

// TestCompareVerifiesPlans hands compare a plan that breaks a rule (one
// title left without its holder in a commune reported optimal): compare
// must fail, naming the checker and the rule, and write nothing.
func TestCompareVerifiesPlans(t *testing.T) {
	_, base, variant := tinyVariant(t)
	out := filepath.Join(t.TempDir(), "report")
	broken := func(ctx context.Context, p *optimize.Problem, s *optimize.Settings) (*optimize.Result, error) {
		res, err := optimize.Solve(ctx, p, s)
		if err == nil && len(res.Plan.Assignments) > 0 {
			res.Plan.Assignments = res.Plan.Assignments[1:]
		}
		return res, err
	}
	var stdout, stderr bytes.Buffer
	err := compareWith(context.Background(), []string{base, variant, "--years", "1", "--runs", "1", "--sensitivity-runs", "0", "--format", "svg", "--quiet", "--out", out},
		&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, broken)
	if !errors.Is(err, check.ErrBroken) || !strings.Contains(err.Error(), "coverage") {
		t.Fatalf("compare with a broken plan: %v, want check.ErrBroken naming coverage", err)
	}
	if _, statErr := os.Stat(out); !os.IsNotExist(statErr) {
		t.Errorf("compare wrote %s although a plan fails the checker", out)
	}
}
