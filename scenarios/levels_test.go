package scenarios

import (
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestPresetLevels checks what each preset says about holding commune and
// village titles together on its plan date, and that each value carries a
// source stating the rule in Vietnamese and English.
func TestPresetLevels(t *testing.T) {
	tests := []struct {
		preset string
		want   model.LevelMode
	}{
		{"nd34-2019", model.LevelsMixed},
		{"nd33-2023", model.LevelsMixed},
		{"hanoi-2019", model.LevelsApart},
		{"no-concurrency", model.LevelsMixed},
		{"villages-2026", model.LevelsMixed},
		{"villages-2026-two-people", model.LevelsMixed},
		{"nd185-2026", model.LevelsMixed},
		{"nd185-2026-strict", model.LevelsMixed},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			s, err := Load(tt.preset)
			if err != nil {
				t.Fatal(err)
			}
			pa, err := s.Policy.At(s.Date)
			if err != nil {
				t.Fatal(err)
			}
			if pa.Levels.Mode != tt.want {
				t.Errorf("levels on %s = %s, want %s", s.Date, pa.Levels.Mode, tt.want)
			}
			if len(s.Policy.Levels) == 0 {
				t.Fatal("no policy.levels: every preset states it")
			}
			src := s.Policy.Levels[len(s.Policy.Levels)-1].Source
			if !strings.Contains(src, " / ") || !strings.Contains(src, "policy-facts") {
				t.Errorf("source %q: want the rule in Vietnamese / English and its policy-facts row", src)
			}
		})
	}
}

// TestLevelsVariant lays a Bến Tre-style variant over hanoi-2019 (policy-
// facts 7.2b: village workers also hold commune posts): first letting two
// commune titles combine with village titles, then all of them.
func TestLevelsVariant(t *testing.T) {
	s, err := LoadBytes("ben-tre.yaml", "", []byte(`extends: hanoi-2019
policy:
  levels:
    - from: "2025-01-01"
      value:
        commune_with_village: only
        titles: [pho-chu-tich-mttq, pho-chu-tich-hoi-nong-dan]
      source: "assumption: Bến Tre's model (policy-facts 7.2b), two titles first"
    - from: "2026-01-01"
      value: {commune_with_village: all}
      source: "assumption: Bến Tre's model (policy-facts 7.2b)"
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date   string
		mode   model.LevelMode
		titles []string
	}{
		{"2024-06-01", model.LevelsApart, nil}, // hanoi-2019's, inherited
		{"2025-06-01", model.LevelsListed, []string{"pho-chu-tich-mttq", "pho-chu-tich-hoi-nong-dan"}},
		{"2026-06-01", model.LevelsMixed, nil},
	}
	for _, tt := range tests {
		pa, err := s.Policy.At(model.MustDate(tt.date))
		if err != nil {
			t.Fatal(err)
		}
		if pa.Levels.Mode != tt.mode || !slices.Equal(pa.Levels.Titles, tt.titles) {
			t.Errorf("levels on %s = %+v, want %s %v", tt.date, pa.Levels, tt.mode, tt.titles)
		}
	}
	y, err := s.YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"commune_with_village: only", "- pho-chu-tich-hoi-nong-dan", "commune_with_village: none"} {
		if !strings.Contains(string(y), want) {
			t.Errorf("show output lacks %q", want)
		}
	}
}
