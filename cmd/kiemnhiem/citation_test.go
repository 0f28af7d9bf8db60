package main

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
)

// TestPresetCitations checks every source of every preset as the report
// shows it: no internal file names, nothing left of a removed reference,
// and in Vietnamese no English prose.
func TestPresetCitations(t *testing.T) {
	bad := []string{"policy-facts", "../shared", ".md", ".yaml", "( ", " )", "()", "(,", ",)", " ,", " :"}
	english := []string{"assumption", "Art.", " the ", " of "}
	for _, name := range scenarios.Presets() {
		s, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range model.Langs {
			for _, p := range report.Parameters(&s.Scenario, lang) {
				p.Source = report.Citation(p.Source, lang)
				if p.Source == "" {
					t.Errorf("%s %s %s: empty source", name, lang, p.Name)
				}
				for _, b := range bad {
					if strings.Contains(p.Source, b) {
						t.Errorf("%s %s %s: source shows %q: %s", name, lang, p.Name, b, p.Source)
					}
				}
				if lang != model.Vietnamese {
					continue
				}
				for _, w := range english {
					if strings.Contains(p.Source, w) {
						t.Errorf("%s %s: Vietnamese source has English %q: %s", name, p.Name, w, p.Source)
					}
				}
			}
		}
	}
}
