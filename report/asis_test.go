package report

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// TestAsIsLabels: an as-is plan reads "As it is today" in both languages,
// its status says it was not optimised, and its breaches are listed up to
// shownBreaches with a line counting the rest.
func TestAsIsLabels(t *testing.T) {
	many := make([]model.Text, shownBreaches+3)
	for i := range many {
		many[i] = model.Text{Vi: "vi phạm", En: "breach"}
	}
	tests := []struct {
		name      string
		status    optimize.Status
		breaches  []model.Text
		lang      model.Lang
		wantLabel string
		wantLines int
		wantLast  string
	}{
		{"solver's plan", optimize.Optimal, nil, model.English, "s", 0, ""},
		{"as-is, English", optimize.AsIs, many[:2], model.English, "As it is today (s)", 2, "breach"},
		{"as-is, Vietnamese", optimize.AsIs, many[:1], model.Vietnamese, "Hiện trạng (s)", 1, "vi phạm"},
		{"as-is, more than shown", optimize.AsIs, many, model.English, "As it is today (s)", shownBreaches + 1, "… and 3 more"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Scenario{Model: &model.Scenario{Name: "s"}, Plan: &optimize.Result{Status: tc.status, Objective: optimize.Objective{Headcount: 7}, Titles: 8}, Breaches: tc.breaches}
			if got := scenarioLabel(s, tc.lang); got != tc.wantLabel {
				t.Errorf("label %q, want %q", got, tc.wantLabel)
			}
			lines := breachLines(s, tc.lang)
			if len(lines) != tc.wantLines || (len(lines) > 0 && lines[len(lines)-1] != tc.wantLast) {
				t.Errorf("breach lines %q, want %d ending %q", lines, tc.wantLines, tc.wantLast)
			}
			if st := statusText(s.Plan, tc.lang); tc.status == optimize.AsIs && (strings.Contains(st, "gap") || !strings.Contains(st, "7")) {
				t.Errorf("status %q", st)
			}
		})
	}
}
