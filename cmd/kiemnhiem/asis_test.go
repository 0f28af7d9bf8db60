package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyDoubled writes the tiny test scenario with its roster edited so that
// P04, the village head of 99001-01, also heads its Front work committee
// (P05 no longer does), and a variant, tiny-forbid, whose rules forbid that
// pair (as hanoi-2019's do). It returns the variant's path.
func tinyDoubled(t *testing.T) string {
	t.Helper()
	dir, _, _ := tinyVariant(t)
	people, err := os.ReadFile(filepath.Join(dir, "people.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(people), "\n"), "\n")
	for i, l := range lines {
		switch {
		case i == 0:
			lines[i] = l + ",title_2,unit_2,start_2,term_end_2,main_2"
		case strings.HasPrefix(l, "P04,"):
			lines[i] = l + ",truong-ban-ctmt,99001-01,2012-09-01,,no"
		case strings.HasPrefix(l, "P05,"):
			lines[i] = strings.Replace(l, "truong-ban-ctmt,99001-01,2012-09-01,,yes", ",,,,", 1) + ",,,,,"
		default:
			lines[i] = l + ",,,,,"
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "people.csv"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	forbid := filepath.Join(dir, "forbid.yaml")
	src := `name: tiny-forbid
description: "test: tiny, the village head may not head the Front work committee"
extends: tiny.yaml
policy:
  combination:
    - from: "2024-12-01"
      value:
        mode: forbidden
        pairs:
          - [truong-thon, truong-ban-ctmt]
      source: "assumption: test variant, the pair hanoi-2019 forbids"
`
	if err := os.WriteFile(forbid, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return forbid
}

// TestCompareAsIs: compare --baseline as-is runs on a roster where one
// person holds two titles the rules forbid together: the breach (and the
// workload it overloads P04 with) is listed
// on the console and in the report, and the as-is world counts its 7
// holders (8 titles, P04 holding two), never 0.
func TestCompareAsIs(t *testing.T) {
	forbid := tinyDoubled(t)
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := cli(t, "compare", "--baseline", "as-is", forbid, "--years", "2", "--runs", "10", "--sensitivity-runs", "0",
		"--format", "svg", "--lang", "en", "--quiet", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"as-is (as it is today): 2 breaches of the rules, reported, not refused",
		"holds two titles that may not be combined", "person P04", "workload above the hours available (person P04)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, want := range []string{"Baseline: As it is today", "As it is today                     7 people [1 / 1 communes] (as it is today, 2 breaches of the rules)", "tiny-forbid"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h3>As it is today</h3>", "Breaches of the rules in today&#39;s holdings (reported, not refused): 2",
		"holds two titles that may not be combined (unit 99001-01, title truong-thon, person P04)"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	sum, err := os.ReadFile(filepath.Join(out, "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sum), "\nas-is,7,7,") {
		t.Errorf("summary.csv does not show the 7 holders of today:\n%s", sum)
	}
}

// TestSimulateAsIs: simulate --baseline as-is holds today's arrangement
// against the scenario's optimised one; as-is alone has no world.
func TestSimulateAsIs(t *testing.T) {
	forbid := tinyDoubled(t)
	code, stdout, stderr := cli(t, "simulate", forbid, "--baseline", "as-is", "--years", "2", "--runs", "5", "--json", "--quiet", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "breaches") {
		t.Errorf("stderr does not list the breaches:\n%s", stderr)
	}
	var sum struct {
		Baseline struct {
			Scenario         string `json:"scenario"`
			InitialHeadcount int    `json:"initial_headcount"`
		} `json:"baseline"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if sum.Baseline.Scenario != "as-is" || sum.Baseline.InitialHeadcount != 7 {
		t.Errorf("baseline %+v, want as-is with today's 7 holders", sum.Baseline)
	}
	for _, args := range [][]string{{"simulate", "as-is"}, {"simulate", "as-is", "--baseline", "as-is"}, {"compare", "as-is", "--out", "x"}} {
		if code, _, stderr := cli(t, args...); code != exitUsage || !strings.Contains(stderr, "name that scenario too") {
			t.Errorf("%v: exit %d, stderr %s", args, code, stderr)
		}
	}
}

// TestOptimizeAsIs: optimize --as-is prices today's holdings without
// optimising and lists their breaches, in the summary and its JSON.
func TestOptimizeAsIs(t *testing.T) {
	forbid := tinyDoubled(t)
	code, stdout, stderr := cli(t, "optimize", forbid, "--as-is", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"as it is today: the current holdings, not optimised [as_is]", "People: 7 → 7 (+0)", "2 breaches of the rules"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "holds two titles that may not be combined") {
		t.Errorf("stderr:\n%s", stderr)
	}
	code, stdout, stderr = cli(t, "optimize", forbid, "--as-is", "--json", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var sum struct {
		Status   string   `json:"status"`
		Breaches []string `json:"breaches"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Status != "as_is" || len(sum.Breaches) != 2 {
		t.Errorf("summary %+v, want as_is with 2 breaches", sum)
	}
	for _, flag := range []string{"--weighted", "--pin=P04:truong-thon@99001-01", "--solver=cbc"} {
		if code, _, stderr := cli(t, "optimize", forbid, "--as-is", flag); code != exitUsage || !strings.Contains(stderr, "does not apply") {
			t.Errorf("--as-is %s: exit %d, stderr %s", flag, code, stderr)
		}
	}
}
