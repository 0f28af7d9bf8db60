package rearrange

import (
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Village is one thôn or tổ dân phố as the commune files it.
type Village struct {
	Code       string         // unique within the commune
	Name       string         // shown in explanations and resolutions
	Type       model.UnitType // thôn, tổ dân phố, ấp, bản, khu phố; informational
	Households int            // households now (≥ 0)
	// Floor is the household floor that applies to this village alone: the
	// region's floor for its type (NĐ 185/2026 Art. 10(1)), or the lower
	// floor the province sets for it (Art. 10(3)). Zero: no floor.
	Floor int
	// Exempt marks a village of an Art. 10(3) category; Floor is then its
	// lower floor. How it enters the rearrangement is Options.Exempt.
	Exempt bool
	// Neighbours are the codes of the villages it borders, in the same
	// commune. Read only when Options.Adjacency is set; an edge listed on
	// one side only counts for both.
	Neighbours []string
}

// Commune is the unit within which villages merge.
type Commune struct {
	Code, Name string
	Villages   []Village
}

// Goal is what the rearrangement optimises, lexicographically.
type Goal uint8

// Goals.
const (
	// FewestMerges: (1) fewest villages left below their floor, (2) the
	// most villages kept (fewest merges), (3) the fewest households that
	// change village. The decree's reading: merge only to reach a floor.
	FewestMerges Goal = iota
	// Consolidation, the what-if: (1) fewest villages below their floor,
	// (2) the fewest villages after, (3) the fewest households moved. A
	// merger that leaves the new village below its floor is not made.
	Consolidation
)

var goalTexts = [...]model.Text{
	FewestMerges:  {Vi: "ít sáp nhập nhất", En: "fewest merges"},
	Consolidation: {Vi: "hợp nhất nhiều nhất", En: "greatest consolidation"},
}

// Text names the goal in both languages.
func (g Goal) Text() model.Text {
	if int(g) < len(goalTexts) {
		return goalTexts[g]
	}
	return model.KeyText("goal?")
}

func (g Goal) String() string { return g.Text().En }

// ExemptRule says how villages marked Exempt enter the rearrangement.
type ExemptRule uint8

// Exempt rules.
const (
	// ExemptOwnFloor: an exempt village is measured against its own lower
	// floor and may absorb or be absorbed like any other; a merged village
	// takes the strictest floor of its members.
	ExemptOwnFloor ExemptRule = iota
	// ExemptStays: an exempt village is kept as it is, neither absorbing
	// nor absorbed (a province that exempts these villages from the
	// rearrangement altogether).
	ExemptStays
)

// Options are the rules of one rearrangement. The zero value is not usable:
// MaxMerge must be at least 1 (1 forbids every merger).
type Options struct {
	// MaxMerge is the most villages that may merge into one (K). At most
	// MaxMergeLimit.
	MaxMerge int
	// Adjacency restricts mergers to neighbours: a merged village's members
	// must be connected through Village.Neighbours.
	Adjacency bool
	Goal      Goal
	Exempt    ExemptRule
	// MaxNodes bounds the search of one commune; 0 means DefaultMaxNodes.
	// A commune that reaches it reports its best plan, a bound and the gap.
	MaxNodes int64
	// TimeLimit bounds the search of one commune; 0 means none.
	TimeLimit time.Duration
}

// MaxMergeLimit is the largest MaxMerge accepted: model's, which scenario
// files are checked against.
const MaxMergeLimit = model.MaxMergeLimit

// DefaultMaxNodes is the node budget of one commune when Options.MaxNodes
// is 0.
const DefaultMaxNodes = 2_000_000

// Objective is the value of a plan, level by level.
type Objective struct {
	// Under is the number of villages (before) whose village after is
	// below its floor. An unmerged village counts once; a merged village
	// below its floor counts each of its members, so merging villages that
	// stay below the floor never lowers it.
	Under int
	// Merges is the number of villages absorbed: villages before minus
	// villages after.
	Merges int
	// Disruption is the households that change village: in each merged
	// village, every household but those of its keeper (the largest
	// member, which keeps its identity).
	Disruption int
}

// Status says how far the search went.
type Status uint8

// Statuses.
const (
	Optimal Status = iota // proven optimal
	Limited               // the node or time limit stopped the search: the plan is feasible, Bound says how far from optimal it may be
)

var statusTexts = [...]model.Text{
	Optimal: {Vi: "tối ưu (đã chứng minh)", En: "optimal (proven)"},
	Limited: {Vi: "dừng ở giới hạn, chưa chứng minh tối ưu", En: "stopped at the limit, not proven optimal"},
}

// Text names the status in both languages.
func (s Status) Text() model.Text {
	if int(s) < len(statusTexts) {
		return statusTexts[s]
	}
	return model.KeyText("status?")
}

func (s Status) String() string { return s.Text().En }

// Group is one village after the rearrangement.
type Group struct {
	// Members index Commune.Villages; the keeper, whose identity the new
	// village keeps, is first, the others follow in input order.
	Members    []int
	Households int  // the members' households
	Floor      int  // the strictest of the members' floors
	Below      bool // Households < Floor
}

// Plan is the rearrangement of one commune.
type Plan struct {
	Commune   string
	Groups    []Group // in the order of their keepers in Commune.Villages
	Objective Objective
	// Bound is a bound on the optimum: equal to Objective when Status is
	// Optimal. Under a limit its Under is a lower bound on the fewest
	// villages below their floor; when Bound.Under equals Objective.Under,
	// Merges is a lower bound under FewestMerges and an upper bound under
	// Consolidation, and Disruption a lower bound (else both are 0).
	Bound  Objective
	Status Status
	Nodes  int64 // search nodes
	// TieBroken says that the plan is the one the fourth level (see the
	// package doc) puts first among the optimal plans: false when Status
	// is Limited, or when the tie-break stopped at the node or time limit
	// (the plan is then optimal, but another tied plan may come first).
	TieBroken bool
	// Before and After count the villages.
	Before, After int
	// Explanations say, for every village after that is below its floor,
	// why.
	Explanations []Explanation
}

// Gap is the number of villages below their floor that the bound leaves
// open (0 when proven optimal).
func (p *Plan) Gap() int { return p.Objective.Under - p.Bound.Under }
