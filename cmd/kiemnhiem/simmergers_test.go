package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/report"
)

// TestSimulateRearrangement: nd185-2026's rearrangement on its plan date
// is an event of simulate — villages merge on the start date, the people
// of the absorbed villages are released under the streamlining regime, the
// merged communes have a provisional head for 6 months and then elect —
// and the same plan given as a mapping file (rearrange's own mapping.csv)
// gives the same simulation.
func TestSimulateRearrangement(t *testing.T) {
	if testing.Short() {
		t.Skip("solves a province's rearrangement and re-plans it")
	}
	args := []string{"--years", "2", "--runs", "4", "--json"}
	var planned report.SimulateSummary
	out := simulateOK(t, append([]string{"nd185-2026"}, args...)...)
	if err := json.Unmarshal([]byte(out), &planned); err != nil {
		t.Fatal(err)
	}
	rs := planned.Results()[0].Replans
	if len(rs) < 2 {
		t.Fatalf("re-plans %+v", rs)
	}
	start, after := rs[0], rs[1]
	if start.Date != "2026-07-01" || start.Merged == 0 || start.Rearranged == 0 || start.Provisional == 0 ||
		start.ProvisionalUntil != "2027-01-01" || start.Regime != "village" {
		t.Errorf("start re-plan %+v: want villages merged, people released under the village regime, provisional heads until 2027-01-01", start)
	}
	if after.Date != "2027-01-01" || after.Reason != "after-merger" {
		t.Errorf("second re-plan %+v: want the election after the rearrangement on 2027-01-01", after)
	}
	text := simulateOK(t, "nd185-2026", "--years", "2", "--runs", "4", "--lang", "en")
	if !strings.Contains(text, "village rearrangement: ") || !strings.Contains(text, "election after rearrangement") {
		t.Errorf("the summary does not show the rearrangement:\n%s", text)
	}

	dir := t.TempDir()
	sum, _ := runRearrange(t, "nd185-2026", "--out", filepath.Join(dir, "plan"), "--json")
	if sum.Merges != start.Merged {
		t.Errorf("rearrange merges %d villages, simulate %d", sum.Merges, start.Merged)
	}
	yaml := "extends: nd185-2026\ndynamics:\n  mergers:\n    - date: \"2026-07-01\"\n      mapping: plan/mapping.csv\n      source: \"assumption: test\"\n"
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	var decided report.SimulateSummary
	if err := json.Unmarshal([]byte(simulateOK(t, append([]string{filepath.Join(dir, "s.yaml")}, args...)...)), &decided); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(planned.Results()[0].Replans)
	b, _ := json.Marshal(decided.Results()[0].Replans)
	if string(a) != string(b) {
		t.Errorf("re-plans with the mapping differ from the planner's:\n%s\n%s", b, a)
	}
}
