package model

import "slices"

// LevelMode says which commune titles a [LevelRule] lets one person hold
// together with village titles.
type LevelMode uint8

// Level modes. The zero mode is the default of a policy that says nothing:
// levels mix freely, as the combination rule alone decides.
const (
	LevelsMixed  LevelMode = iota // every commune title may be held with village titles
	LevelsApart                   // no commune title may be held with a village title
	LevelsListed                  // only the listed commune titles may be held with village titles
)

// The file spelling answers "which commune titles may combine with village
// titles": all, none, or only the listed ones.
var levelModeNames = enumNames[LevelMode]{{"all"}, {"none"}, {"only"}}

func (m LevelMode) String() string { return levelModeNames.str(m) }

// ParseLevelMode parses "all", "none" or "only".
func ParseLevelMode(s string) (LevelMode, error) { return levelModeNames.parse("level mode", s) }

// LevelModeNames lists the level modes as scenario files spell them.
func LevelModeNames() []string { return levelModeNames.canonical() }

// LevelRule says whether one person may hold a commune title together with
// a village title: a provincial board "keeps the levels apart" (Hanoi's Đề
// án 21-ĐA/TU of 2019), lets them mix (NĐ 33/2023 Art. 33(7)–(8)), or lets
// village workers also take only some commune posts. Pairs within one
// level are not its concern: [CombinationRule] governs those, and both
// rules must allow a pair.
type LevelRule struct {
	Mode   LevelMode
	Titles []string // LevelsListed: the commune title IDs that may combine
}

// AllowsCommune reports whether the commune title with the given ID may be
// held together with village titles.
func (r LevelRule) AllowsCommune(id string) bool {
	switch r.Mode {
	case LevelsApart:
		return false
	case LevelsListed:
		return slices.Contains(r.Titles, id)
	}
	return true
}

// Allows reports whether titles a and b may be held by one person as far
// as levels go: always for two titles of one level, and for a commune
// title and a village title as AllowsCommune says of the commune one.
func (r LevelRule) Allows(a, b *Title) bool {
	switch {
	case a.Level == Commune && b.Level == Village:
		return r.AllowsCommune(a.ID)
	case a.Level == Village && b.Level == Commune:
		return r.AllowsCommune(b.ID)
	}
	return true
}

// Text states the rule for people, as `kiemnhiem show` and explanations
// print it.
func (r LevelRule) Text() Text {
	switch r.Mode {
	case LevelsApart:
		return Text{Vi: "tách cấp: không bố trí kiêm nhiệm giữa chức danh cấp xã và chức danh ở thôn, tổ dân phố",
			En: "levels kept apart: no commune title may be held with a village title"}
	case LevelsListed:
		return Text{Vi: "chỉ các chức danh cấp xã được liệt kê được kiêm nhiệm với chức danh ở thôn, tổ dân phố",
			En: "only the listed commune titles may be held with a village title"}
	}
	return Text{Vi: "chức danh cấp xã và chức danh ở thôn, tổ dân phố được kiêm nhiệm",
		En: "commune and village titles may be held together"}
}

// MayCombine reports whether one person may hold titles a and b together
// under the policy in force: the combination rule and the level rule must
// both allow the pair.
func (p PolicyAt) MayCombine(a, b *Title) bool {
	return p.Combination.Allows(a.ID, b.ID) && p.Levels.Allows(a, b)
}
