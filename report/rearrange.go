package report

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// RearrangeSummary is the result of kiemnhiem rearrange: what --json
// prints, and what the mapping, bands and dossier files are written from.
// Shares are fractions of the villages counted (0..1).
type RearrangeSummary struct {
	Scenario       string `json:"scenario"`
	Date           string `json:"date"`
	Goal           string `json:"goal"` // fewest-merges or consolidation
	GoalText       string `json:"goal_text"`
	MaxMerge       int    `json:"max_merge"`
	Adjacency      string `json:"adjacency"`
	Communes       int    `json:"communes"`
	Proven         int    `json:"communes_proven"`
	VillagesBefore int    `json:"villages_before"`
	VillagesAfter  int    `json:"villages_after"`
	Merges         int    `json:"merges"`
	// HouseholdsMoved are the households that change village.
	HouseholdsMoved int `json:"households_moved"`
	// BandsBefore and BandsAfter are the province's villages in the three
	// bands of their floor (policy-facts 9.18).
	BandsBefore Bands          `json:"bands_before"`
	BandsAfter  Bands          `json:"bands_after"`
	ByCommune   []CommuneBands `json:"by_commune"`
	// Below lists every village after that is below its floor, with why.
	Below   []BelowFloor    `json:"below_floor"`
	Limited []LimitedSearch `json:"limited"`
	Mapping []MappingRow    `json:"mapping"`
	// People is the people and money before and after (nil when not
	// computed).
	People *villageplan.People `json:"people,omitempty"`
	// Decided is set for a commune's decided plan (villageplan.FromMapping).
	Decided *DecidedPlan `json:"decided,omitempty"`
	Lang    model.Lang   `json:"-"`
}

// Bands counts villages by band: at or above the floor, 50 % to below it,
// below half.
type Bands struct {
	Villages       int     `json:"villages"`
	Meets          int     `json:"meets"`
	Half           int     `json:"half"`
	UnderHalf      int     `json:"under_half"`
	MeetsShare     float64 `json:"meets_share"`
	HalfShare      float64 `json:"half_share"`
	UnderHalfShare float64 `json:"under_half_share"`
}

func (b *Bands) add(band model.FloorBand) {
	b.Villages++
	switch band {
	case model.BandMeets:
		b.Meets++
	case model.BandHalf:
		b.Half++
	default:
		b.UnderHalf++
	}
}

func (b *Bands) plus(o Bands) {
	b.Villages += o.Villages
	b.Meets += o.Meets
	b.Half += o.Half
	b.UnderHalf += o.UnderHalf
}

func (b *Bands) shares() {
	if b.Villages == 0 {
		return
	}
	n := float64(b.Villages)
	b.MeetsShare, b.HalfShare, b.UnderHalfShare = float64(b.Meets)/n, float64(b.Half)/n, float64(b.UnderHalf)/n
}

// CommuneBands is one commune's row of the bands table.
type CommuneBands struct {
	Commune     string `json:"commune"`
	CommuneName string `json:"commune_name"`
	Before      Bands  `json:"before"`
	After       Bands  `json:"after"`
	Merges      int    `json:"merges"`
	Status      string `json:"status"`
	// BoundUnder and Gap: a commune not proven optimal reports the bound
	// on its villages below their floor and the gap to its plan.
	BoundUnder int   `json:"bound_under"`
	Gap        int   `json:"gap"`
	Nodes      int64 `json:"nodes"`
	Adjacency  bool  `json:"adjacency"`
	// People is the commune's paid people before and after, the released
	// and their severance (see SetPeople).
	PeopleBefore int   `json:"people_before"`
	PeopleAfter  int   `json:"people_after"`
	Released     int   `json:"released"`
	Severance    int64 `json:"severance"`
}

// BelowFloor is a village left below its floor after the rearrangement.
type BelowFloor struct {
	Commune    string `json:"commune"`
	Village    string `json:"village"`
	Name       string `json:"name"`
	Households int    `json:"households"`
	Floor      int    `json:"floor"`
	Reason     string `json:"reason"` // the solver's reason key
	Why        string `json:"why"`    // in the summary's language
	FloorWhy   string `json:"floor_why"`
}

// LimitedSearch is a commune whose search stopped at its limit: its
// plan's villages below their floor and merges, and the bounds on both
// (see rearrange.Plan.Bound: under consolidation BoundMerges is an upper
// bound, under fewest merges a lower one when BoundUnder equals Under).
type LimitedSearch struct {
	Commune     string `json:"commune"`
	Under       int    `json:"under"`
	BoundUnder  int    `json:"bound_under"`
	Gap         int    `json:"gap"`
	Merges      int    `json:"merges"`
	BoundMerges int    `json:"bound_merges"`
	// MergeBound says BoundMerges bounds the merges on the right side
	// (≥ the plan's under consolidation, ≤ under fewest merges); when
	// false the search left no usable bound on them.
	MergeBound bool  `json:"merge_bound"`
	Nodes      int64 `json:"nodes"`
}

// MappingRow is one old village and the village it becomes.
type MappingRow struct {
	Commune       string `json:"commune"`
	CommuneName   string `json:"commune_name"`
	Village       string `json:"village"`
	Name          string `json:"name"`
	Households    int    `json:"households"`
	Floor         int    `json:"floor"`
	NewVillage    string `json:"new_village"`
	NewName       string `json:"new_name"`
	NewHouseholds int    `json:"new_households"`
	NewFloor      int    `json:"new_floor"`
	Merged        bool   `json:"merged"`
	// Resolution is the sentence of the commune HĐND resolution (the same
	// on every row of a merged village); empty for a village kept as it is.
	Resolution string `json:"resolution,omitempty"`
}

// NewRearrangeSummary summarises the rearrangement r, in lang: the
// communes' plans, bands and mapping, and the people and money (r.People,
// when computed). Adjacency reads "auto" when r merged only neighbours
// where known, "off" when it ignored neighbour lists.
func NewRearrangeSummary(r *villageplan.Result, lang model.Lang) *RearrangeSummary {
	adjacency := "off"
	if r.Options.Adjacency {
		adjacency = "auto"
	}
	opt := rearrange.Options{MaxMerge: r.Options.MaxMerge, Goal: r.Options.Goal}
	sum := communesSummary(r.Scenario.Name, r.Scenario.Date, opt, adjacency, r.Communes, lang)
	sum.SetPeople(r.People)
	sum.Decided = decidedOf(r, sum, lang)
	return sum
}

// communesSummary summarises the plans of cs, in lang.
func communesSummary(scenario string, d model.Date, opt rearrange.Options, adjacency string, cs []villageplan.Commune, lang model.Lang) *RearrangeSummary {
	sum := &RearrangeSummary{Scenario: scenario, Date: d.String(), Goal: goalKey(opt.Goal), GoalText: opt.Goal.Text().In(lang), MaxMerge: opt.MaxMerge,
		Adjacency: adjacency, Communes: len(cs), Below: []BelowFloor{}, Limited: []LimitedSearch{}, Mapping: []MappingRow{}, Lang: lang}
	for i := range cs {
		c := &cs[i]
		row := communeBands(c)
		sum.ByCommune = append(sum.ByCommune, row)
		sum.BandsBefore.plus(row.Before)
		sum.BandsAfter.plus(row.After)
		p := c.Plan
		sum.VillagesBefore += p.Before
		sum.VillagesAfter += p.After
		sum.Merges += p.Objective.Merges
		sum.HouseholdsMoved += p.Objective.Disruption
		if p.Status == rearrange.Optimal {
			sum.Proven++
		} else {
			sum.Limited = append(sum.Limited, LimitedSearch{Commune: c.Unit.Code, Under: p.Objective.Under, BoundUnder: p.Bound.Under, Gap: p.Gap(),
				Merges: p.Objective.Merges, BoundMerges: p.Bound.Merges, Nodes: p.Nodes, MergeBound: mergeBound(opt.Goal, p)})
		}
		sum.Below = append(sum.Below, belowFloor(c, lang)...)
		sum.Mapping = append(sum.Mapping, mappingRows(c, lang)...)
	}
	sum.BandsBefore.shares()
	sum.BandsAfter.shares()
	return sum
}

// communeBands counts one commune's bands before and after.
func communeBands(c *villageplan.Commune) CommuneBands {
	p := c.Plan
	row := CommuneBands{Commune: c.Unit.Code, CommuneName: c.Unit.Name, Merges: p.Objective.Merges,
		Status: statusKey(p.Status), BoundUnder: p.Bound.Under, Gap: p.Gap(), Nodes: p.Nodes, Adjacency: c.Options.Adjacency}
	for i, v := range c.Commune.Villages {
		row.Before.add(c.Floors[i].Band(v.Households))
	}
	for _, g := range p.Groups {
		row.After.add(model.VillageFloor{Floor: g.Floor}.Band(g.Households))
	}
	row.Before.shares()
	row.After.shares()
	return row
}

// belowFloor lists c's villages after that are below their floor.
func belowFloor(c *villageplan.Commune, lang model.Lang) []BelowFloor {
	var out []BelowFloor
	for _, e := range c.Plan.Explanations {
		v := c.Commune.Villages[e.Village]
		out = append(out, BelowFloor{Commune: c.Unit.Code, Village: v.Code, Name: v.Name, Households: v.Households,
			Floor: v.Floor, Reason: e.Reason.String(), Why: e.Text.In(lang), FloorWhy: c.Floors[e.Village].ReasonText().In(lang)})
	}
	return out
}

// mappingRows lists c's villages in input order with the village each
// becomes.
func mappingRows(c *villageplan.Commune, lang model.Lang) []MappingRow {
	vs := c.Commune.Villages
	rows := make([]MappingRow, len(vs))
	for _, g := range c.Plan.Groups {
		keeper := vs[g.Members[0]]
		res := ""
		if len(g.Members) > 1 {
			res = Resolution(vs, g, lang)
		}
		for _, m := range g.Members {
			v := vs[m]
			rows[m] = MappingRow{Commune: c.Unit.Code, CommuneName: c.Unit.Name, Village: v.Code, Name: v.Name,
				Households: v.Households, Floor: v.Floor, NewVillage: keeper.Code, NewName: keeper.Name,
				NewHouseholds: g.Households, NewFloor: g.Floor, Merged: len(g.Members) > 1, Resolution: res}
		}
	}
	return rows
}

// Resolution is the sentence a commune HĐND resolution states for one
// merged village: "Nhập thôn A (x hộ) và thôn B (y hộ) thành thôn A
// (x + y hộ)", the members in the group's order (the keeper first).
func Resolution(vs []rearrange.Village, g rearrange.Group, lang model.Lang) string {
	parts := make([]string, len(g.Members))
	for i, m := range g.Members {
		parts[i] = fmt.Sprintf("%s (%s %s)", villageNamed(vs[m], lang), lang.Int(int64(vs[m].Households)), lang.Pick("hộ", "households"))
	}
	list := parts[0]
	if n := len(parts); n > 1 {
		list = strings.Join(parts[:n-1], ", ") + lang.Pick(" và ", " and ") + parts[n-1]
	}
	k := vs[g.Members[0]]
	return fmt.Sprintf(lang.Pick("Nhập %s thành %s (%s hộ).", "Merge %s into %s (%s households)."),
		list, villageNamed(k, lang), lang.Int(int64(g.Households)))
}

// villageTypeWords name the village types in both languages.
var villageTypeWords = map[model.UnitType]model.Text{
	model.Thon:     {Vi: "thôn", En: "village"},
	model.ToDanPho: {Vi: "tổ dân phố", En: "residential group"},
	model.Ap:       {Vi: "ấp", En: "hamlet"},
	model.Ban:      {Vi: "bản", En: "hamlet"},
	model.KhuPho:   {Vi: "khu phố", En: "quarter"},
}

// villageNamed is the village's name with its type in front, unless the
// name already starts with it ("Thôn Đông" stays as it is).
func villageNamed(v rearrange.Village, lang model.Lang) string {
	t, ok := villageTypeWords[v.Type]
	if !ok {
		return v.Name
	}
	w := t.In(lang)
	if strings.HasPrefix(strings.ToLower(v.Name), strings.ToLower(w)) || strings.HasPrefix(strings.ToLower(v.Name), "tdp") {
		return v.Name
	}
	return w + " " + v.Name
}

// goalKey is the goal as --goal names it.
func goalKey(g rearrange.Goal) string {
	if g == rearrange.Consolidation {
		return "consolidation"
	}
	return "fewest-merges"
}

// statusKey is a plan's status as a machine key: optimal or limited.
func statusKey(s rearrange.Status) string {
	if s == rearrange.Optimal {
		return "optimal"
	}
	return "limited"
}

// mergeBound reports whether p's bound on merges is one: under
// consolidation at least the plan's merges, under fewest merges at most
// them with the first level settled.
func mergeBound(g rearrange.Goal, p *rearrange.Plan) bool {
	if g == rearrange.Consolidation {
		return p.Bound.Under == p.Objective.Under && p.Bound.Merges >= p.Objective.Merges
	}
	return p.Bound.Under == p.Objective.Under && p.Bound.Merges <= p.Objective.Merges
}
