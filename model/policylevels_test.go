package model_test

import (
	"fmt"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestLevelRuleAllows checks every pair of a small title list under each
// level mode: apart forbids exactly the commune × village pairs, a list
// allows exactly the listed commune titles with village titles, and no
// mode touches a pair within one level.
func TestLevelRuleAllows(t *testing.T) {
	titles := []model.Title{
		{ID: "pct-mttq", Level: model.Commune},
		{ID: "cht-quan-su", Level: model.Commune},
		{ID: "truong-thon", Level: model.Village},
		{ID: "bi-thu-chi-bo", Level: model.Village},
	}
	cross := func(a, b *model.Title) bool { return a.Level != b.Level }
	tests := []struct {
		name  string
		rule  model.LevelRule
		allow func(a, b *model.Title) bool
	}{
		{"zero rule mixes", model.LevelRule{}, func(_, _ *model.Title) bool { return true }},
		{"all", model.LevelRule{Mode: model.LevelsMixed}, func(_, _ *model.Title) bool { return true }},
		{"none", model.LevelRule{Mode: model.LevelsApart}, func(a, b *model.Title) bool { return !cross(a, b) }},
		{"only pct-mttq", model.LevelRule{Mode: model.LevelsListed, Titles: []string{"pct-mttq"}}, func(a, b *model.Title) bool {
			return !cross(a, b) || a.ID == "pct-mttq" || b.ID == "pct-mttq"
		}},
		{"only an empty list", model.LevelRule{Mode: model.LevelsListed}, func(a, b *model.Title) bool { return !cross(a, b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range titles {
				for j := range titles {
					a, b := &titles[i], &titles[j]
					if got, want := tt.rule.Allows(a, b), tt.allow(a, b); got != want {
						t.Errorf("Allows(%s, %s) = %v, want %v", a.ID, b.ID, got, want)
					}
				}
			}
		})
	}
}

// TestMayCombine checks that the combination and level rules both bind.
func TestMayCombine(t *testing.T) {
	c := model.Title{ID: "pct-mttq", Level: model.Commune}
	c2 := model.Title{ID: "cht-quan-su", Level: model.Commune}
	v := model.Title{ID: "truong-thon", Level: model.Village}
	pa := model.PolicyAt{
		Combination: model.CombinationRule{Mode: model.ForbiddenPairs, Pairs: [][2]string{{"pct-mttq", "cht-quan-su"}}},
		Levels:      model.LevelRule{Mode: model.LevelsListed, Titles: []string{"pct-mttq"}},
	}
	tests := []struct {
		a, b *model.Title
		want bool
	}{{&c, &v, true}, {&c2, &v, false}, {&c, &c2, false}, {&v, &c, true}}
	for _, tt := range tests {
		if got := pa.MayCombine(tt.a, tt.b); got != tt.want {
			t.Errorf("MayCombine(%s, %s) = %v, want %v", tt.a.ID, tt.b.ID, got, tt.want)
		}
	}
}

func TestParseLevelMode(t *testing.T) {
	for _, m := range []model.LevelMode{model.LevelsMixed, model.LevelsApart, model.LevelsListed} {
		got, err := model.ParseLevelMode(m.String())
		if err != nil || got != m {
			t.Errorf("ParseLevelMode(%q) = %v, %v", m.String(), got, err)
		}
	}
	if _, err := model.ParseLevelMode("apart"); err == nil {
		t.Error("ParseLevelMode(apart): no error")
	}
}

// A Bến Tre-style rule: village workers may also take the Front vice-chair
// post, but no other commune title.
func ExamplePolicyAt_MayCombine() {
	mttq := model.Title{ID: "pho-chu-tich-mttq", Level: model.Commune}
	office := model.Title{ID: "van-phong-dang-uy", Level: model.Commune}
	head := model.Title{ID: "truong-thon", Level: model.Village}
	pa := model.PolicyAt{Levels: model.LevelRule{Mode: model.LevelsListed, Titles: []string{mttq.ID}}}
	fmt.Println(pa.MayCombine(&mttq, &head), pa.MayCombine(&office, &head), pa.MayCombine(&office, &mttq))
	pa.Levels = model.LevelRule{Mode: model.LevelsApart}
	fmt.Println(pa.MayCombine(&mttq, &head))
	fmt.Println(pa.Levels.Text().En)
	// Output:
	// true false true
	// false
	// levels kept apart: no commune title may be held with a village title
}
