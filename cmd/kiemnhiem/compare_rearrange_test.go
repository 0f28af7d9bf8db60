package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// TestCompareRearrangements: compare of the villages as they are against
// two rearrangement variants of Decree 185/2026 on the embedded default
// plans each variant on its villages after the merges and prints its
// rearrangement, while the as-is world keeps its villages; every figure
// covers the same 69 communes.
func TestCompareRearrangements(t *testing.T) {
	if testing.Short() {
		t.Skip("plans the embedded province three times")
	}
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := cli(t, "compare", "as-is", "nd185-2026", "nd185-2026-pairs", "--years", "2", "--runs", "4", "--sensitivity-runs", "0",
		"--format", "svg", "--lang", "en", "--quiet", "--discount", "0.05", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"Figures cover 69 / 69 communes",
		"As it is today                 4,221 people [69 / 69 communes]",
		"Decree 185/2026                2,763 people [69 / 69 communes]",
		"village rearrangement (at most 3 into one): 1,407 → 921 villages, 486 merged away",
		"village rearrangement (at most 2 into one): 1,407 → 923 villages, 484 merged away",
		"581 / 716 / 110 → 921 / 0 / 0",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if n := strings.Count(stdout, "village rearrangement"); n != 2 {
		t.Errorf("%d rearrangement lines, want 2 (none for the villages as they are):\n%s", n, stdout)
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	// --discount reaches the rearrangement's window (rearrange --discount
	// 0.05 states 298,239,290,625 đồng for nd185-2026).
	for _, want := range []string{`id="rearrangement"`, "1,407 → 921", "1,407 → 923", "rearrange-villages.svg", "rearrange-bands.svg",
		"336.43 (5 years, undiscounted); discounted at 5.0 % a year: 298.24"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	sum, err := os.ReadFile(filepath.Join(out, "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nas-is,4221,4221,", "\nnd185-2026,4221,2763,", "\nnd185-2026-pairs,4221,2769,"} {
		if !strings.Contains(string(sum), want) {
			t.Errorf("summary.csv lacks %q:\n%s", want, sum)
		}
	}
}

// TestCompareRearrangementCoverage: when the plan of the villages after a
// rearrangement has no plan in one commune, that commune is left out of
// every scenario, and the rearrangement is planned again on the communes
// kept: its summary covers them only.
func TestCompareRearrangementCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("plans the embedded province")
	}
	const commune = "42014"
	noPlan := func(ctx context.Context, p *optimize.Problem, s *optimize.Settings) (*optimize.Result, error) {
		res, err := optimize.Solve(ctx, p, s)
		if err != nil {
			return res, err
		}
		var kept []model.Assignment
		for _, a := range res.Plan.Assignments {
			if !strings.HasPrefix(a.Unit, commune) {
				kept = append(kept, a)
			}
		}
		res.Plan.Assignments = kept
		for i := range res.Pools {
			if pl := &res.Pools[i]; pl.Commune == commune {
				res.Objective = res.Objective.Sub(pl.Objective)
				pl.Status, pl.Objective = optimize.Infeasible, optimize.Objective{}
				res.Status = optimize.Infeasible
			}
		}
		return res, nil
	}
	out := filepath.Join(t.TempDir(), "report")
	var stdout, stderr bytes.Buffer
	err := compareWith(context.Background(), []string{"as-is", "nd185-2026", "--years", "1", "--runs", "2", "--sensitivity-runs", "0", "--format", "svg", "--lang", "en", "--quiet", "--out", out},
		&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, noPlan)
	if err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr.String())
	}
	console := stdout.String()
	if !strings.Contains(console, "68 / 69 communes") || !strings.Contains(console, "("+commune+")") {
		t.Errorf("stdout does not leave commune %s out:\n%s", commune, console)
	}
	// Xuân Kim's villages are not in the rearrangement of the 68 others.
	if strings.Contains(console, "1,407 → ") || !strings.Contains(console, "village rearrangement (at most 3 into one): 1,381 → 906 villages") {
		t.Errorf("the rearrangement still counts every commune's villages:\n%s", console)
	}
}

// TestCompareAsIsVillagesAsTheyAre: the as-is world of a rearrangement
// scenario is on the same units (no difference refused) and keeps its
// villages: its dynamics has no rearrangement merger, the scenario's
// still has its own.
func TestCompareAsIsVillagesAsTheyAre(t *testing.T) {
	c := &compareConfig{refs: []string{asIsRef, "nd185-2026"}, out: filepath.Join(t.TempDir(), "o"), lang: model.English}
	loaded, err := loadCompare(c)
	if err != nil {
		t.Fatal(err)
	}
	if d := unitDifferences(loaded); len(d) > 0 {
		t.Errorf("as-is against nd185-2026 is not like for like: %v", d)
	}
	asIs, nd185 := &loaded[0].Scenario, &loaded[1].Scenario
	if r := planDateRearrangement(asIs); r != nil || len(asIs.Dynamics.Mergers) != 0 {
		t.Errorf("as-is mergers %+v, want none: the villages as they are", asIs.Dynamics.Mergers)
	}
	if r := planDateRearrangement(nd185); r == nil || r.MaxMerge != 3 {
		t.Errorf("nd185-2026's own rearrangement %+v was changed", r)
	}
	if !strings.Contains(asIs.Description, "the villages as they are") {
		t.Errorf("as-is description %q does not say the villages stay", asIs.Description)
	}
}

// TestCompareRefusesPreAgainstPostReform: a rearrangement on post-reform
// units is still refused against the pre-reform world (exit 1, naming
// the unit lists), before anything is planned or written.
func TestCompareRefusesPreAgainstPostReform(t *testing.T) {
	out := filepath.Join(t.TempDir(), "refused")
	code, _, stderr := cli(t, "compare", "as-is", "nd33-2023", "nd185-2026", "--years", "1", "--runs", "2", "--sensitivity-runs", "0",
		"--format", "svg", "--lang", "en", "--quiet", "--out", out)
	if code != exitInput || !strings.Contains(stderr, "not on the same units") || !strings.Contains(stderr, "before the 2025 reform of units") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 naming the pre- and post-reform unit lists", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("compare wrote %s although the units differ", out)
	}
}

// TestWithoutRearrangements drops the rearrangement mergers only.
func TestWithoutRearrangements(t *testing.T) {
	d := model.MustDate("2026-07-01")
	for _, tt := range []struct {
		name string
		in   []model.Merger
		want int
	}{
		{"none", nil, 0},
		{"threshold kept", []model.Merger{{Date: d, BelowHouseholds: 100}}, 1},
		{"rearrangement dropped", []model.Merger{{Date: d, Rearrange: &model.MergerRearrange{MaxMerge: 3}}}, 0},
		{"decided mapping dropped", []model.Merger{{Date: d, Mapping: "m.csv", Into: map[string]string{"a": "b"}}}, 0},
		{"mixed", []model.Merger{{Date: d, Rearrange: &model.MergerRearrange{MaxMerge: 2}}, {Date: d.AddMonths(12), BelowHouseholds: 50}}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := model.Dynamics{Mergers: tt.in}
			got := withoutRearrangements(in)
			if len(got.Mergers) != tt.want {
				t.Errorf("%d mergers left, want %d: %+v", len(got.Mergers), tt.want, got.Mergers)
			}
			for _, m := range got.Mergers {
				if m.Rearrange != nil {
					t.Errorf("a rearrangement merger is left: %+v", m)
				}
			}
			if len(in.Mergers) != len(tt.in) {
				t.Errorf("the input was changed")
			}
		})
	}
}

// TestCompareDefaultRefs: with no scenario compare answers the 2026
// question: the villages as they are against the rearrangement and its
// variants; --baseline B takes as-is's place and is not compared with
// itself; named scenarios replace the defaults.
func TestCompareDefaultRefs(t *testing.T) {
	for _, tt := range []struct {
		name     string
		args     []string
		baseline string
		given    bool
		want     []string
	}{
		{"default", nil, "", false, []string{"as-is", "nd185-2026", "nd185-2026-strict", "nd185-2026-pairs"}},
		{"baseline among the variants", nil, "nd185-2026", true, []string{"nd185-2026", "nd185-2026-strict", "nd185-2026-pairs"}},
		{"other baseline", nil, "villages-2026", true, []string{"villages-2026", "nd185-2026", "nd185-2026-strict", "nd185-2026-pairs"}},
		{"the former comparison", []string{"nd33-2023", "hanoi-2019", "no-concurrency"}, "as-is", true, []string{"as-is", "nd33-2023", "hanoi-2019", "no-concurrency"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := compareRefs(tt.args, tt.baseline, tt.given)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("refs %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCompareDecidedMapping: a scenario whose plan date brings a decided
// mapping (rearrange's own mapping.csv) is planned on the villages after
// it, as the planner's rearrangement is, and summarised as the decided
// plan; its as-is world keeps the villages.
func TestCompareDecidedMapping(t *testing.T) {
	if testing.Short() {
		t.Skip("plans the embedded province")
	}
	dir := t.TempDir()
	if code, _, stderr := cli(t, "rearrange", "nd185-2026", "--out", filepath.Join(dir, "plan")); code != exitOK {
		t.Fatalf("rearrange: exit %d\n%s", code, stderr)
	}
	yaml := "name: decided\nextends: nd185-2026\ndynamics:\n  mergers:\n    - date: \"2026-07-01\"\n      mapping: plan/mapping.csv\n      source: \"assumption: test\"\n"
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "compare", "as-is", filepath.Join(dir, "s.yaml"), "--years", "1", "--runs", "2", "--sensitivity-runs", "0",
		"--format", "svg", "--lang", "en", "--quiet", "--out", filepath.Join(dir, "report"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"As it is today                 4,221 people [69 / 69 communes]", "decided                        2,763 people [69 / 69 communes]"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stdout, "The decided plan merges 486 villages away (leaving 921), leaves 0 below their floor") {
		t.Errorf("a decided mapping not summarised as the decided plan:\n%s", stdout)
	}
}

// TestCompareRearrangementOneSolve: compare plans the people of the
// villages after a rearrangement once, with its own solver and settings,
// for both the report's plan and the rearrangement's people and money.
func TestCompareRearrangementOneSolve(t *testing.T) {
	if testing.Short() {
		t.Skip("plans the embedded province")
	}
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"default objective", nil},
		{"cost first", []string{"--objective", "cost"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			calls := map[string]int{}
			counting := func(ctx context.Context, p *optimize.Problem, s *optimize.Settings) (*optimize.Result, error) {
				calls[p.Scenario.Name]++
				return optimize.Solve(ctx, p, s)
			}
			out := filepath.Join(t.TempDir(), "report")
			var stdout, stderr bytes.Buffer
			args := append([]string{"as-is", "nd185-2026", "--years", "1", "--runs", "1", "--sensitivity-runs", "0", "--format", "svg", "--lang", "en", "--quiet", "--out", out}, tt.args...)
			if err := compareWith(context.Background(), args, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, counting); err != nil {
				t.Fatalf("compare: %v\n%s", err, stderr.String())
			}
			if len(calls) != 1 || calls["nd185-2026"] != 1 {
				t.Errorf("solves by scenario %v, want nd185-2026 once", calls)
			}
			// The report's headcount after is the section's people after.
			if !strings.Contains(stdout.String(), "Decree 185/2026                2,763 people") {
				t.Errorf("stdout:\n%s", stdout.String())
			}
		})
	}
}
