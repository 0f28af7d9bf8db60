package report

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// The rearrangement section of a comparison: when at least one scenario
// carries a village rearrangement (Comparison.Rearrangements), the report
// shows each scenario's villages, bands, people and money before and after
// it side by side, with two charts (rearrange_section_charts.go) and
// sentences in the conclusion (rearrange_section_conclusion.go).

// Output files of the rearrangement section.
const (
	RearrangementCSV      = "rearrangement.csv"
	RearrangementXLSX     = "rearrangement.xlsx"
	RearrangementBelowCSV = "rearrangement-below-floor.csv"
)

// checkRearrangements checks that c has no rearrangement or one entry,
// nil or not, per scenario.
func (c *Comparison) checkRearrangements() error {
	if n := len(c.Rearrangements); n != 0 && n != len(c.Scenarios) {
		return fmt.Errorf("%w: %d scenarios, %d rearrangements", ErrMismatch, len(c.Scenarios), n)
	}
	return nil
}

// hasRearrangement reports whether some scenario of c rearranges its
// villages.
func (c *Comparison) hasRearrangement() bool {
	return c.referenceRearrangement() != nil
}

// referenceRearrangement is the first scenario's rearrangement, whose
// villages before stand for the villages as they are; nil when none.
func (c *Comparison) referenceRearrangement() *RearrangeSummary {
	for _, r := range c.Rearrangements {
		if r != nil {
			return r
		}
	}
	return nil
}

// rearrangeColumn is one scenario's figures in the section: its own
// rearrangement, or, for a scenario without one, the villages as they are
// (the reference's villages before, unchanged).
type rearrangeColumn struct {
	Index int    // in c.Scenarios, for the colour of its series
	Label string // the scenario as the report names it
	Name  string // the scenario's name
	AsIs  bool   // no rearrangement: the villages as they are
	// VillagesBefore … Below are the figures; Proven is -1 as is.
	VillagesBefore, VillagesAfter int
	Merges, Moved                 int
	Before, After                 Bands
	Communes, Proven, Below       int
	People                        *rearrangeMoney // nil: not priced
	Sum                           *RearrangeSummary
	FloorSource                   string // the floors' citation
}

// rearrangeColumns lists every scenario's column, in the order of
// Scenarios; nil when no scenario rearranges its villages.
func rearrangeColumns(c *Comparison) []rearrangeColumn {
	ref := c.referenceRearrangement()
	if ref == nil {
		return nil
	}
	out := make([]rearrangeColumn, len(c.Scenarios))
	for i, s := range c.Scenarios {
		col := rearrangeColumn{Index: i, Label: scenarioLabel(s, c.Lang), Name: s.Model.Name, FloorSource: floorSource(s.Model, c.Lang)}
		if sum := c.Rearrangements[i]; sum != nil {
			col.fill(sum)
		} else {
			col.asIs(ref)
		}
		out[i] = col
	}
	return out
}

// fill takes the figures of sum.
func (col *rearrangeColumn) fill(sum *RearrangeSummary) {
	col.Sum = sum
	col.VillagesBefore, col.VillagesAfter = sum.VillagesBefore, sum.VillagesAfter
	col.Merges, col.Moved = sum.Merges, sum.HouseholdsMoved
	col.Before, col.After = sum.BandsBefore, sum.BandsAfter
	col.Communes, col.Proven, col.Below = sum.Communes, sum.Proven, len(sum.Below)
	if sum.Decided != nil {
		col.Proven = -1 // a decided plan is not searched
	}
	col.People = moneyOf(sum)
}

// asIs takes the villages as they are: ref's before, unchanged.
func (col *rearrangeColumn) asIs(ref *RearrangeSummary) {
	col.AsIs = true
	col.VillagesBefore, col.VillagesAfter = ref.VillagesBefore, ref.VillagesBefore
	col.Before, col.After = ref.BandsBefore, ref.BandsBefore
	col.Communes, col.Proven = ref.Communes, -1
	col.Below = ref.BandsBefore.Half + ref.BandsBefore.UnderHalf
	if p := moneyOf(ref); p != nil {
		col.People = &rearrangeMoney{PeopleBefore: p.PeopleBefore, PeopleAfter: p.PeopleBefore, TitlesBefore: p.TitlesBefore,
			TitlesAfter: p.TitlesBefore, AllowancesBefore: p.AllowancesBefore, AllowancesAfter: p.AllowancesBefore,
			FundsBefore: p.FundsBefore, FundsAfter: p.FundsBefore, WindowYears: p.WindowYears, DiscountRate: p.DiscountRate}
	}
}

// rearrangeMoney is the people and money of a column: a summary's People
// (allowances and funds a year, in đồng), or, as it is, the people before
// kept as they are.
type rearrangeMoney struct {
	PeopleBefore, PeopleAfter, TitlesBefore, TitlesAfter, Released, WindowYears       int
	Severance, AllowancesBefore, AllowancesAfter, FundsBefore, FundsAfter, NetSavings int64
	// NetSavingsDiscounted is NetSavings discounted at DiscountRate
	// (compare's --discount), equal to it at 0.
	NetSavingsDiscounted int64
	DiscountRate         float64
}

// moneyOf copies the people and money of sum; nil when not priced.
func moneyOf(sum *RearrangeSummary) *rearrangeMoney {
	p := sum.People
	if p == nil {
		return nil
	}
	return &rearrangeMoney{PeopleBefore: p.PeopleBefore, PeopleAfter: p.PeopleAfter, TitlesBefore: p.TitlesBefore, TitlesAfter: p.TitlesAfter,
		Released: p.Released, WindowYears: p.WindowYears, Severance: p.Severance, AllowancesBefore: p.AllowancesBefore,
		AllowancesAfter: p.AllowancesAfter, FundsBefore: p.FundsBefore, FundsAfter: p.FundsAfter, NetSavings: p.NetSavings,
		NetSavingsDiscounted: p.NetSavingsDiscounted, DiscountRate: p.DiscountRate}
}

// floorSource cites where s's household floors come from on its date: the
// decree's floors by region and, when it sets its own, the province's.
func floorSource(s *model.Scenario, lang model.Lang) string {
	var out string
	if e, ok := s.Policy.VillageFloors.Entry(s.Date); ok {
		out = Citation(e.Source, lang)
	}
	if e, ok := s.Policy.ProvinceFloors.Entry(s.Date); ok && len(e.Value) > 0 {
		if own := Citation(e.Source, lang); own != "" && own != out {
			if out != "" {
				out += "; "
			}
			out += lang.Pick("mức của tỉnh: ", "the province's floors: ") + own
		}
	}
	return out
}

// goalText names a summary's goal (its --goal key) in lang.
func goalText(key string, lang model.Lang) string {
	if key == "consolidation" {
		return rearrange.Consolidation.Text().In(lang)
	}
	return rearrange.FewestMerges.Text().In(lang)
}

// adjacencyText says how a summary used neighbour lists, in lang: ignored,
// or followed in the communes that have them.
func adjacencyText(sum *RearrangeSummary, lang model.Lang) string {
	if sum.Adjacency == "off" {
		return lang.Pick("không xét liền kề", "neighbours ignored")
	}
	with := 0
	for _, c := range sum.ByCommune {
		if c.Adjacency {
			with++
		}
	}
	return fmt.Sprintf(lang.Pick("chỉ nhập thôn liền kề ở %s/%s xã có danh sách liền kề", "neighbours only, in the %s of %s communes with neighbour lists"),
		lang.Int(int64(with)), lang.Int(int64(len(sum.ByCommune))))
}

// reasonTexts name, shortly, why a village stays below its floor (the
// keys of rearrange.Reason).
var reasonTexts = map[string]model.Text{
	"exempt":             {Vi: "thuộc diện đặc thù", En: "exempt"},
	"no-merging":         {Vi: "không được sáp nhập", En: "merging not allowed"},
	"no-neighbour":       {Vi: "không có thôn liền kề để nhập", En: "no neighbour to merge with"},
	"too-few-in-commune": {Vi: "cả xã không đủ số hộ", En: "too few households in the commune"},
	"too-few-in-reach":   {Vi: "các thôn nhập được không đủ số hộ", En: "too few households within reach"},
	"needed-elsewhere":   {Vi: "thôn lân cận cần cho thôn khác", En: "neighbours needed by other villages"},
	"not-proven":         {Vi: "tìm kiếm dừng ở giới hạn", En: "search stopped at its limit"},
	"decided-plan":       {Vi: "phương án đã quyết định để dưới mức chuẩn", En: "left below by the decided plan"},
}

// reasonText names a reason key in lang; an unknown key is shown as it is.
func reasonText(key string, lang model.Lang) string {
	if t, ok := reasonTexts[key]; ok {
		return t.In(lang)
	}
	return key
}
