package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOptimizeSchedule: optimize --out writes schedule.csv, and with --at
// plan-at.csv; the summary carries the schedule. On tiny with terms not
// binding (the target arrangement, carried out as terms end) the village
// titles move on their organisations' calendars (the roster has no term
// ends); with terms binding (tiny itself) every change is on the plan
// date.
func TestOptimizeSchedule(t *testing.T) {
	abs, err := filepath.Abs(tiny)
	if err != nil {
		t.Fatal(err)
	}
	variant := filepath.Join(t.TempDir(), "tiny-target.yaml")
	src := "extends: " + abs + `
policy:
  terms_bind:
    - from: "2024-12-01"
      value: false
      source: "assumption: test: the plan is the target, carried out as terms end"
`
	if err := os.WriteFile(variant, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum := optimizeOK(t, variant, "--out", dir, "--at", "2025-03-01", "--lang", "en")
	sc := sum.Schedule
	if sc == nil {
		t.Fatal("the summary has no schedule")
	}
	if sc.Changes != 5 || sc.First != "2025-01-01" || sc.Last != "2029-01-01" || sc.Today.Headcount != 8 || sc.Left != 5 || sc.Joined != 0 {
		t.Errorf("schedule = %+v; want 5 changes from 2025-01-01 to 2029-01-01, 8 people today, 5 leaving, none joining", sc)
	}
	if end := sc.Points[len(sc.Points)-1]; end.Headcount != 3 || end.Seats != 8 {
		t.Errorf("after the last change: %+v, want the plan's 3 people holding 8 seats", end)
	}
	// On 2025-03-01 the broadcasting post has moved (appointed) and the
	// Party cells have elected (no change: their secretaries stay).
	if sc.At == nil || sc.At.Date != "2025-03-01" || sc.At.Headcount != 7 || sc.At.Seats != 8 {
		t.Errorf("at = %+v, want 7 people on 2025-03-01", sc.At)
	}

	f, err := os.Open(filepath.Join(dir, "schedule.csv"))
	if err != nil {
		t.Fatalf("--out did not write schedule.csv: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range recs[1:] {
		got[r[1]+"/"+r[3]] = r[0] + " " + r[6] + "→" + r[7] + " " + r[8] + " left:" + r[11] + " " + r[5]
	}
	want := map[string]string{
		"99001/phu-trach-truyen-thanh": "2025-01-01 P02→P01 appointed left:P02 People's Committee",
		"99001-01/truong-thon":         "2025-06-01 P04→P03 calendar left:P04 Village self-management",
		"99001-02/truong-thon":         "2025-06-01 P07→P06 calendar left:P07 Village self-management",
		"99001-01/truong-ban-ctmt":     "2029-01-01 P05→P03 calendar left:P05 Vietnam Fatherland Front",
		"99001-02/truong-ban-ctmt":     "2029-01-01 P08→P06 calendar left:P08 Vietnam Fatherland Front",
	}
	if strings.Join(recs[0], ",") != strings.Join(scheduleColumnsForTest, ",") {
		t.Errorf("schedule.csv header %v", recs[0])
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("schedule.csv %s: %q, want %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("schedule.csv has %d rows, want %d: %v", len(got), len(want), got)
	}
	at, err := os.ReadFile(filepath.Join(dir, "plan-at.csv"))
	if err != nil {
		t.Fatalf("--at did not write plan-at.csv: %v", err)
	}
	if !strings.Contains(string(at), "phu-trach-truyen-thanh,Commune broadcasting,P01") || !strings.Contains(string(at), "truong-thon,Village head / residential-group head,P04") {
		t.Errorf("plan-at.csv is not the arrangement on 2025-03-01:\n%s", at)
	}

	// Terms bind in tiny: the plan keeps unexpired holders, so every
	// change is on the plan date.
	sum = optimizeOK(t, tiny)
	if sc := sum.Schedule; sc == nil || sc.Changes == 0 || sc.First != "2025-01-01" || sc.Last != "2025-01-01" {
		t.Errorf("terms bind: schedule %+v, want every change on the plan date", sc)
	}
}

var scheduleColumnsForTest = []string{"date", "unit", "unit_name", "title", "title_name", "organisation", "before", "after", "reason", "reason_text",
	"joined", "left", "headcount_after", "monthly_cost_after"}

func TestOptimizeAtBadDate(t *testing.T) {
	code, _, errOut := cli(t, "optimize", tiny, "--at", "2025-13-01")
	if code != exitUsage || !strings.Contains(errOut, "--at expects a date") {
		t.Errorf("optimize --at 2025-13-01: exit %d, stderr %q; want a usage error", code, errOut)
	}
}
