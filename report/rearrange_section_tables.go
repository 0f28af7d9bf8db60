package report

import (
	"strconv"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// measure is one figure of the rearrangement table: its column in the CSV
// and XLSX (a row per scenario), its header in both languages, its unit,
// and its value for a column (ok false: not known, an empty cell).
type measure struct {
	column
	value func(col *rearrangeColumn) (float64, bool)
}

// known wraps a figure always known.
func known(f func(col *rearrangeColumn) float64) func(*rearrangeColumn) (float64, bool) {
	return func(col *rearrangeColumn) (float64, bool) { return f(col), true }
}

// priced wraps a figure of the people and money, known when priced.
func priced(f func(p *rearrangeMoney) float64) func(*rearrangeColumn) (float64, bool) {
	return func(col *rearrangeColumn) (float64, bool) {
		if col.People == nil {
			return 0, false
		}
		return f(col.People), true
	}
}

// bandMeasures are the counts and shares of the three bands of b.
func bandMeasures(when model.Text, b func(col *rearrangeColumn) Bands) []measure {
	k := "_" + when.En
	return []measure{
		{column{"meets" + k, model.Text{Vi: "Thôn đạt ≥ 100 % mức chuẩn " + when.Vi, En: "Villages at ≥ 100 % of their floor " + when.En}, ""}, known(func(c *rearrangeColumn) float64 { return float64(b(c).Meets) })},
		{column{"meets_pct" + k, model.Text{Vi: "Tỷ lệ ≥ 100 % " + when.Vi + " (%)", En: "Share ≥ 100 % " + when.En + " (%)"}, "%"}, known(func(c *rearrangeColumn) float64 { return 100 * b(c).MeetsShare })},
		{column{"half" + k, model.Text{Vi: "Thôn đạt 50 đến < 100 % " + when.Vi, En: "Villages at 50 to < 100 % " + when.En}, ""}, known(func(c *rearrangeColumn) float64 { return float64(b(c).Half) })},
		{column{"half_pct" + k, model.Text{Vi: "Tỷ lệ 50 đến < 100 % " + when.Vi + " (%)", En: "Share 50 to < 100 % " + when.En + " (%)"}, "%"}, known(func(c *rearrangeColumn) float64 { return 100 * b(c).HalfShare })},
		{column{"under_half" + k, model.Text{Vi: "Thôn dưới 50 % " + when.Vi, En: "Villages under 50 % " + when.En}, ""}, known(func(c *rearrangeColumn) float64 { return float64(b(c).UnderHalf) })},
		{column{"under_half_pct" + k, model.Text{Vi: "Tỷ lệ dưới 50 % " + when.Vi + " (%)", En: "Share under 50 % " + when.En + " (%)"}, "%"}, known(func(c *rearrangeColumn) float64 { return 100 * b(c).UnderHalfShare })},
	}
}

// rearrangeMeasures are the figures of the table, in its order.
func rearrangeMeasures() []measure {
	ms := []measure{
		{column{"villages_before", model.Text{Vi: "Số thôn trước", En: "Villages before"}, ""}, known(func(c *rearrangeColumn) float64 { return float64(c.VillagesBefore) })},
		{column{"villages_after", model.Text{Vi: "Số thôn sau", En: "Villages after"}, ""}, known(func(c *rearrangeColumn) float64 { return float64(c.VillagesAfter) })},
		{column{"merges", model.Text{Vi: "Số thôn được nhập vào thôn khác", En: "Villages merged into another"}, ""}, known(func(c *rearrangeColumn) float64 { return float64(c.Merges) })},
		{column{"households_moved", model.Text{Vi: "Số hộ đổi thôn", En: "Households that change village"}, ""}, known(func(c *rearrangeColumn) float64 { return float64(c.Moved) })},
	}
	ms = append(ms, bandMeasures(model.Text{Vi: "trước", En: "before"}, func(c *rearrangeColumn) Bands { return c.Before })...)
	ms = append(ms, bandMeasures(model.Text{Vi: "sau", En: "after"}, func(c *rearrangeColumn) Bands { return c.After })...)
	return append(ms,
		measure{column{"communes", model.Text{Vi: "Số xã", En: "Communes"}, ""}, known(func(c *rearrangeColumn) float64 { return float64(c.Communes) })},
		measure{column{"communes_proven", model.Text{Vi: "Số xã có phương án được chứng minh tối ưu", En: "Communes proven optimal"}, ""}, func(c *rearrangeColumn) (float64, bool) { return float64(c.Proven), c.Proven >= 0 }},
		measure{column{"below_floor_after", model.Text{Vi: "Thôn vẫn dưới mức chuẩn", En: "Villages still below their floor"}, ""}, known(func(c *rearrangeColumn) float64 { return float64(c.Below) })},
		measure{column{"people_before", model.Text{Vi: "Số người trước", En: "People before"}, ""}, priced(func(p *rearrangeMoney) float64 { return float64(p.PeopleBefore) })},
		measure{column{"people_after", model.Text{Vi: "Số người sau", En: "People after"}, ""}, priced(func(p *rearrangeMoney) float64 { return float64(p.PeopleAfter) })},
		measure{column{"titles_before", model.Text{Vi: "Suất chức danh trước", En: "Title seats before"}, ""}, priced(func(p *rearrangeMoney) float64 { return float64(p.TitlesBefore) })},
		measure{column{"titles_after", model.Text{Vi: "Suất chức danh sau", En: "Title seats after"}, ""}, priced(func(p *rearrangeMoney) float64 { return float64(p.TitlesAfter) })},
		measure{column{"released", model.Text{Vi: "Số người nghỉ việc", En: "People released"}, ""}, priced(func(p *rearrangeMoney) float64 { return float64(p.Released) })},
		measure{column{"severance", model.Text{Vi: "Trợ cấp thôi việc (đồng)", En: "Severance (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.Severance) })},
		measure{column{"allowances_before", model.Text{Vi: "Phụ cấp/năm trước (đồng)", En: "Allowances a year before (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.AllowancesBefore) })},
		measure{column{"allowances_after", model.Text{Vi: "Phụ cấp/năm sau (đồng)", En: "Allowances a year after (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.AllowancesAfter) })},
		measure{column{"funds_before", model.Text{Vi: "Quỹ phụ cấp thôn/năm trước (đồng)", En: "Village funds a year before (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.FundsBefore) })},
		measure{column{"funds_after", model.Text{Vi: "Quỹ phụ cấp thôn/năm sau (đồng)", En: "Village funds a year after (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.FundsAfter) })},
		measure{column{"saving_per_year", model.Text{Vi: "Tiết kiệm phụ cấp/năm (đồng)", En: "Allowances saved a year (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.AllowancesBefore - p.AllowancesAfter) })},
		measure{column{"net_savings", model.Text{Vi: "Tiết kiệm ròng trong kỳ, chưa chiết khấu, trừ trợ cấp thôi việc (đồng)", En: "Net savings over the window, undiscounted, less severance (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.NetSavings) })},
		measure{column{"window_years", model.Text{Vi: "Số năm của kỳ", En: "Years of the window"}, ""}, priced(func(p *rearrangeMoney) float64 { return float64(p.WindowYears) })},
		measure{column{"discount_rate_pct", model.Text{Vi: "Tỷ lệ chiết khấu mỗi năm (%)", En: "Discount rate a year (%)"}, "%"}, priced(func(p *rearrangeMoney) float64 { return 100 * p.DiscountRate })},
		measure{column{"net_savings_discounted", model.Text{Vi: "Tiết kiệm ròng trong kỳ đã chiết khấu, trừ trợ cấp thôi việc (đồng)", En: "Net savings over the window, discounted, less severance (đồng)"}, moneyUnit}, priced(func(p *rearrangeMoney) float64 { return float64(p.NetSavingsDiscounted) })},
	)
}

// textMeasures are the table's text columns after the figures: the
// options and the floors' source.
var textMeasures = []struct {
	column
	value func(col *rearrangeColumn, lang model.Lang) string
}{
	{column{"max_merge", model.Text{Vi: "Tối đa số thôn nhập thành một", En: "At most villages into one"}, ""}, func(c *rearrangeColumn, _ model.Lang) string {
		if c.Sum == nil {
			return ""
		}
		return strconv.Itoa(c.Sum.MaxMerge)
	}},
	{column{"goal", model.Text{Vi: "Mục tiêu", En: "Goal"}, ""}, func(c *rearrangeColumn, lang model.Lang) string {
		if c.Sum == nil {
			return ""
		}
		return goalText(c.Sum.Goal, lang)
	}},
	{column{"adjacency", model.Text{Vi: "Liền kề", En: "Adjacency"}, ""}, func(c *rearrangeColumn, lang model.Lang) string {
		if c.Sum == nil {
			return ""
		}
		return adjacencyText(c.Sum, lang)
	}},
	{column{"floor_source", model.Text{Vi: "Nguồn mức chuẩn số hộ", En: "Source of the household floors"}, ""}, func(c *rearrangeColumn, _ model.Lang) string { return c.FloorSource }},
}

// RearrangementTable is the rearrangement section's figures, a row per
// scenario (the one as it is included), as rearrangement.csv and .xlsx
// write them: money in whole đồng, shares as fractions (0..1). Nil when no
// scenario rearranges its villages.
func RearrangementTable(c *Comparison) (*Table, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	cols := rearrangeColumns(c)
	if cols == nil {
		return nil, nil
	}
	head := []column{
		{"scenario", model.Text{Vi: "Phương án", En: "Scenario"}, ""},
		{"rearranged", model.Text{Vi: "Có sắp xếp thôn", En: "Villages rearranged"}, ""},
	}
	ms := rearrangeMeasures()
	for _, m := range ms {
		head = append(head, m.column)
	}
	for _, m := range textMeasures {
		head = append(head, m.column)
	}
	t := newTable(head, c.Lang)
	for i := range cols {
		col := &cols[i]
		row := []Cell{text(col.Name), text(yesNo(!col.AsIs, c.Lang))}
		for _, m := range ms {
			if v, ok := m.value(col); ok {
				row = append(row, num(v))
			} else {
				row = append(row, text(""))
			}
		}
		for _, m := range textMeasures {
			row = append(row, text(m.value(col, c.Lang)))
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// yesNo says b in lang.
func yesNo(b bool, lang model.Lang) string {
	if b {
		return lang.Pick("có", "yes")
	}
	return lang.Pick("không", "no")
}

var belowColumns = []column{
	{"scenario", model.Text{Vi: "Phương án", En: "Scenario"}, ""},
	{"commune", model.Text{Vi: "Mã xã", En: "Commune code"}, ""},
	{"commune_name", model.Text{Vi: "Tên xã", En: "Commune"}, ""},
	{"village", model.Text{Vi: "Mã thôn", En: "Village code"}, ""},
	{"name", model.Text{Vi: "Tên thôn", En: "Village"}, ""},
	{"households", model.Text{Vi: "Số hộ", En: "Households"}, ""},
	{"floor", model.Text{Vi: "Mức chuẩn số hộ", En: "Household floor"}, ""},
	{"reason", model.Text{Vi: "Mã lý do", En: "Reason key"}, ""},
	{"why", model.Text{Vi: "Lý do", En: "Why"}, ""},
}

// BelowFloorTable lists, for every scenario that rearranges its villages,
// the villages left below their floor and why. Nil when no scenario
// rearranges its villages.
func BelowFloorTable(c *Comparison) (*Table, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if !c.hasRearrangement() {
		return nil, nil
	}
	t := newTable(belowColumns, c.Lang)
	for i, sum := range c.Rearrangements {
		if sum == nil {
			continue
		}
		names := communeNames(sum)
		for _, b := range sum.Below {
			t.Rows = append(t.Rows, []Cell{text(c.Scenarios[i].Model.Name), text(b.Commune), text(names[b.Commune]), text(b.Village), text(b.Name),
				num(float64(b.Households)), num(float64(b.Floor)), text(b.Reason), text(belowWhy(b, sum, c.Lang))})
		}
	}
	return t, nil
}

// belowWhy says why b stays below its floor in lang: the solver's own
// sentence when the summary was made in lang, else the reason's name.
func belowWhy(b BelowFloor, sum *RearrangeSummary, lang model.Lang) string {
	if sum.Lang == lang && b.Why != "" {
		return b.Why
	}
	return reasonText(b.Reason, lang)
}

// communeNames maps a summary's commune codes to their names.
func communeNames(sum *RearrangeSummary) map[string]string {
	out := make(map[string]string, len(sum.ByCommune))
	for _, c := range sum.ByCommune {
		out[c.Commune] = c.CommuneName
	}
	return out
}

// rearrangeFiles are the rearrangement section's tables as files:
// rearrangement.csv and .xlsx, and the villages below their floor as CSV.
// None when no scenario rearranges its villages.
func rearrangeFiles(c *Comparison) ([]File, error) {
	t, err := RearrangementTable(c)
	if err != nil || t == nil {
		return nil, err
	}
	below, err := BelowFloorTable(c)
	if err != nil {
		return nil, err
	}
	csvData, err := t.CSV()
	if err != nil {
		return nil, err
	}
	xlsx, err := t.XLSX()
	if err != nil {
		return nil, err
	}
	belowData, err := below.CSV()
	if err != nil {
		return nil, err
	}
	return []File{{RearrangementCSV, csvData}, {RearrangementXLSX, xlsx}, {RearrangementBelowCSV, belowData}}, nil
}
