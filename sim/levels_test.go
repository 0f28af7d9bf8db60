package sim

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestLevelsInCoverTable checks that the table a vacancy's cover is drawn
// from keeps policy.levels as the optimiser does: with the levels kept
// apart no one may hold a commune title together with a village title,
// and titles of one level still combine.
func TestLevelsInCoverTable(t *testing.T) {
	for _, tc := range []struct {
		mode      model.LevelMode
		crossOK   bool
		levelName string
	}{
		{model.LevelsMixed, true, "mixed"},
		{model.LevelsApart, false, "apart"},
	} {
		t.Run(tc.levelName, func(t *testing.T) {
			s := testScenario(2, 1)
			s.Policy.Levels = model.Const(s.Date, model.LevelRule{Mode: tc.mode}, "test")
			w := splittableWorld(t, s, 1)
			p, nt := w.monthly[0], len(s.Titles)
			for a := range nt {
				for b := range nt {
					if a == b {
						continue
					}
					cross := s.Titles[a].Level != s.Titles[b].Level
					if got, want := p.allows[a*nt+b], !cross || tc.crossOK; got != want {
						t.Errorf("%s with %s: allowed %v, want %v", s.Titles[a].ID, s.Titles[b].ID, got, want)
					}
				}
			}
		})
	}
}
