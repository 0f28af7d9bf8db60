package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// twoCommunes copies the two-commune test scenario (tiny-two: communes
// 99001 and 99002) into dir/sub and writes beside it a variant paying
// half for concurrent titles; it returns both files' paths.
func twoCommunes(t *testing.T, dir, sub string) (base, variant string) {
	t.Helper()
	d := filepath.Join(dir, sub)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"two.yaml", "units.csv", "people.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "bad", "out-human-coverage", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	variant = filepath.Join(d, "half.yaml")
	src := `name: tiny-two-half-pay
description: "test: tiny-two, concurrent titles paid at 50 %"
extends: two.yaml
policy:
  concurrency_rate:
    - from: "2024-12-01"
      value: 0.5
      source: "assumption: test variant"
`
	if err := os.WriteFile(variant, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(d, "two.yaml"), variant
}

// withoutPlan solves as optimize.Solve does, except that scenario name
// gets no plan in commune 99002 (its pool infeasible), as when no plan
// there meets the rules.
func withoutPlan(name string) solveFunc {
	return func(ctx context.Context, p *optimize.Problem, s *optimize.Settings) (*optimize.Result, error) {
		res, err := optimize.Solve(ctx, p, s)
		if err != nil || p.Scenario.Name != name {
			return res, err
		}
		var kept []model.Assignment
		for _, a := range res.Plan.Assignments {
			if !strings.HasPrefix(a.Unit, "99002") {
				kept = append(kept, a)
			}
		}
		res.Plan.Assignments = kept
		for i := range res.Pools {
			if pl := &res.Pools[i]; pl.Commune == "99002" {
				res.Objective = res.Objective.Sub(pl.Objective)
				pl.Status, pl.Objective = optimize.Infeasible, optimize.Objective{}
				res.Status = optimize.Infeasible
			}
		}
		return res, nil
	}
}

// TestCompareBaselineWithoutPlan: a baseline with no plan in one of two
// communes. Every headline covers the commune planned in both (1 / 2),
// the commune left out is named, nobody reads "0 people", and the report
// opens with its conclusion.
func TestCompareBaselineWithoutPlan(t *testing.T) {
	base, variant := twoCommunes(t, t.TempDir(), "two")
	out := filepath.Join(t.TempDir(), "report")
	var stdout, stderr bytes.Buffer
	err := compareWith(context.Background(), []string{base, variant, "--years", "2", "--runs", "4", "--sensitivity-runs", "0", "--format", "svg", "--lang", "en", "--quiet", "--out", out},
		&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, withoutPlan("tiny-two"))
	if err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr.String())
	}
	console := stdout.String()
	for _, want := range []string{"1 / 2 communes", "Xã Thử Hai (99002) [tiny-two]"} {
		if !strings.Contains(console, want) {
			t.Errorf("stdout lacks %q:\n%s", want, console)
		}
	}
	for _, line := range strings.Split(console, "\n") {
		headline := strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "    ")
		if headline && !strings.Contains(line, "[1 / 2 communes]") {
			t.Errorf("a headline without its coverage: %q", line)
		}
		if strings.Contains(line, " 0 people") {
			t.Errorf("a scenario reads 0 people: %q", line)
		}
	}
	sum, err := os.ReadFile(filepath.Join(out, "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(sum)), "\n")
	header := strings.Split(rows[0], ",")
	for _, row := range rows[1:] {
		cells := strings.Split(row, ",")
		for i, key := range header {
			switch key {
			case "headcount_plan", "headcount_now":
				if cells[i] == "0" {
					t.Errorf("%s: %s is 0", cells[0], key)
				}
			case "communes_covered":
				if cells[i] != "1" {
					t.Errorf("%s: communes_covered %s, want 1", cells[0], cells[i])
				}
			}
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	c, s := strings.Index(html, `id="conclusion"`), strings.Index(html, `id="summary"`)
	if c < 0 || s < 0 || c > s {
		t.Errorf("report.html does not open with the conclusion (conclusion at %d, summary at %d)", c, s)
	}
	for _, want := range []string{"over 1 / 2 communes", "Communes left out of the figures", "Xã Thử Hai (99002) [tiny-two]", "a year on average", "[1 / 2 communes]"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
}

// TestCompareDifferentUnits: scenarios on different units are refused
// (exit 1, naming the difference) unless --allow-different-units is
// given; then the report says what differs above its table.
func TestCompareDifferentUnits(t *testing.T) {
	dir := t.TempDir()
	_, one, _ := tinyVariant(t)
	two, _ := twoCommunes(t, dir, "two")
	args := []string{"compare", one, two, "--years", "2", "--runs", "4", "--sensitivity-runs", "0", "--format", "svg", "--lang", "en", "--quiet"}
	out := filepath.Join(dir, "refused")
	code, _, stderr := cli(t, append(args, "--out", out)...)
	if code != exitInput || !strings.Contains(stderr, "not on the same units") || !strings.Contains(stderr, "1 communes of tiny-two are not in tiny (99002)") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 naming commune 99002", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("compare wrote %s although the units differ", out)
	}
	out = filepath.Join(dir, "allowed")
	code, stdout, stderr := cli(t, append(args, "--out", out, "--allow-different-units")...)
	if code != exitOK {
		t.Fatalf("with --allow-different-units: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Units differ:") {
		t.Errorf("stdout does not say the units differ:\n%s", stdout)
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	d, table := strings.Index(html, "The scenarios are not on the same units:"), strings.Index(html, `<table class="findings">`)
	if d < 0 || d > table {
		t.Errorf("report.html does not say what differs above its table (at %d, table at %d)", d, table)
	}
}

// TestDefaultCompareLikeForLike: the built-in comparison runs on one set
// of units: every default variant shares the baseline's units.
func TestDefaultCompareLikeForLike(t *testing.T) {
	refs, err := compareRefs(nil, "", false)
	if err != nil {
		t.Fatal(err)
	}
	c := &compareConfig{refs: refs, out: filepath.Join(t.TempDir(), "o"), lang: model.English}
	loaded, err := loadCompare(c)
	if err != nil {
		t.Fatal(err)
	}
	if d := unitDifferences(loaded); len(d) > 0 {
		t.Errorf("the default comparison is not like for like: %v", d)
	}
}

// TestDiffUnplannedCommune: a unit with holders in the first plan and none
// in the second has no plan there; its holders are not released.
func TestDiffUnplannedCommune(t *testing.T) {
	a := model.Plan{Assignments: []model.Assignment{
		{Person: "P1", Title: "t", Unit: "U1", Main: true},
		{Person: "P2", Title: "t", Unit: "U2", Main: true},
		{Person: "P3", Title: "u", Unit: "U1", Main: true},
	}}
	b := model.Plan{Assignments: []model.Assignment{
		{Person: "P1", Title: "t", Unit: "U1", Main: true},
		{Person: "P1", Title: "u", Unit: "U1"},
	}}
	d := diffCovered(a, b)
	if len(d.Released) != 1 || d.Released[0] != "P3" {
		t.Errorf("released %v, want [P3] (P2's unit U2 has no plan)", d.Released)
	}
	if len(d.NoPlanAfter) != 1 || d.NoPlanAfter[0] != "U2" || len(d.Uncounted) != 1 || d.Uncounted[0] != "P2" {
		t.Errorf("no plan after %v, uncounted %v; want [U2], [P2]", d.NoPlanAfter, d.Uncounted)
	}
	text := d.Text(model.English, "a.csv", "b.csv")
	if !strings.Contains(text, "No plan for 1 units in b.csv") || strings.Contains(text, "released: P2") || strings.Contains(text, "P2,") {
		t.Errorf("text:\n%s", text)
	}
}
