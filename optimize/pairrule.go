package optimize

import "github.com/kiemnhiem/kiemnhiem/model"

// pairRule is the policy's combination rule and level rule together, read
// by title ID: the programme, the bundles and the classes ask it whether
// one person may hold two titles, and both rules must allow the pair. The
// zero pairRule allows every pair (the combination rules relaxed).
type pairRule struct {
	combination model.CombinationRule
	levels      model.LevelRule
	level       map[string]model.Level // title ID → level; nil when levels mix
}

// newPairRule reads the rules in force in pol for the given titles.
func newPairRule(pol model.PolicyAt, titles []model.Title) pairRule {
	r := pairRule{combination: pol.Combination, levels: pol.Levels}
	if pol.Levels.Mode != model.LevelsMixed {
		r.level = make(map[string]model.Level, len(titles))
		for i := range titles {
			r.level[titles[i].ID] = titles[i].Level
		}
	}
	return r
}

// Allows reports whether titles a and b may be held by one person.
func (r pairRule) Allows(a, b string) bool {
	return r.combination.Allows(a, b) && r.levelsAllow(a, b)
}

// levelsAllow reports whether the level rule alone allows titles a and b.
func (r pairRule) levelsAllow(a, b string) bool {
	if r.level == nil {
		return true
	}
	ta := model.Title{ID: a, Level: r.level[a]}
	tb := model.Title{ID: b, Level: r.level[b]}
	return r.levels.Allows(&ta, &tb)
}

// binds reports whether the rules forbid any pair at all.
func (r pairRule) binds() bool {
	return r.combination.Mode != model.AnyPair || r.levels.Mode != model.LevelsMixed
}
