package model

import (
	"cmp"
	"slices"
)

// MaxMergeLimit is the most villages a rearrangement may merge into one
// (the rearrange planner's limit; a scenario's max_merge is checked
// against it here, since model may not import the planner).
const MaxMergeLimit = 8

// RearrangeGoal is what a rearrangement optimises (the rearrange planner's
// goals, named for scenario files).
type RearrangeGoal uint8

// Rearrangement goals.
const (
	// GoalFewestMerges: fewest villages below their floor, then the most
	// villages kept, then the fewest households moved (the decree's
	// reading: merge only to reach a floor).
	GoalFewestMerges RearrangeGoal = iota
	// GoalConsolidation: fewest villages below their floor, then the
	// fewest villages after, then the fewest households moved (what-if).
	GoalConsolidation
)

var rearrangeGoalNames = enumNames[RearrangeGoal]{
	{"fewest-merges", "fewest_merges", "ít-sáp-nhập"},
	{"consolidation", "hợp-nhất"},
}

func (g RearrangeGoal) String() string { return rearrangeGoalNames.str(g) }

// ParseRearrangeGoal parses "fewest-merges" or "consolidation".
func ParseRearrangeGoal(s string) (RearrangeGoal, error) {
	return rearrangeGoalNames.parse("rearrangement goal", s)
}

// RearrangeGoalNames lists the canonical goal names.
func RearrangeGoalNames() []string { return rearrangeGoalNames.canonical() }

// MergerRearrange asks the exact rearrangement planner for a merger's plan:
// at most MaxMerge villages into one, optimising Goal, and with Adjacency
// only between neighbours in a commune whose villages all list them
// ("auto": a commune without neighbour lists merges freely).
type MergerRearrange struct {
	MaxMerge  int
	Goal      RearrangeGoal
	Adjacency bool
}

// DefaultMergerRules are the rules a decided plan (a mapping merger
// without rules) is checked against and its optimum planned under:
// kiemnhiem rearrange's defaults, at most 3 villages into one (an
// assumption: NĐ 185/2026 sets no limit), the fewest merges, neighbours
// only where the villages list them.
func DefaultMergerRules() MergerRearrange {
	return MergerRearrange{MaxMerge: 3, Goal: GoalFewestMerges, Adjacency: true}
}

// ThresholdVillage is what the threshold rule reads of a village.
type ThresholdVillage struct {
	Code, Commune string
	Households    int
}

// ThresholdPlan returns the plan of the threshold rule (Merger
// BelowHouseholds): within each commune every village with fewer than
// below households merges into the village with the fewest households
// among those that stay, or, when all of a commune's villages are small,
// into the largest of them. Ties go to the village listed first. The map
// is absorbed code → keeper code; villages that stay are not in it.
func ThresholdPlan(villages []ThresholdVillage, below int) map[string]string {
	into := map[string]string{}
	byCommune := map[string][]int{}
	var order []string
	for i, v := range villages {
		if _, ok := byCommune[v.Commune]; !ok {
			order = append(order, v.Commune)
		}
		byCommune[v.Commune] = append(byCommune[v.Commune], i)
	}
	for _, c := range order {
		idx := byCommune[c]
		keeper, small := -1, []int{}
		for _, i := range idx {
			if villages[i].Households < below {
				small = append(small, i)
			} else if keeper < 0 || villages[i].Households < villages[keeper].Households {
				keeper = i
			}
		}
		if len(small) == 0 || len(idx) < 2 {
			continue
		}
		if keeper < 0 { // all small: into the largest, the first of equals
			keeper = slices.MaxFunc(small, func(a, b int) int { return cmp.Compare(villages[a].Households, villages[b].Households) })
		}
		for _, i := range small {
			if i != keeper {
				into[villages[i].Code] = villages[keeper].Code
			}
		}
	}
	return into
}
