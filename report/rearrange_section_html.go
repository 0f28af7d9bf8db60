package report

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// shownBelow is how many villages below their floor the page lists; the
// CSV file lists them all.
const shownBelow = 100

// htmlRearrange is the rearrangement section of the page: a table with a
// column per scenario, the charts, and the villages left below their
// floor in a collapsible table.
type htmlRearrange struct {
	Title, Intro string
	Headers      []string // "", then the scenarios
	Rows         [][]string
	Notes        []string
	Figures      []htmlFigure
	Below        htmlTable
	BelowSummary string // the collapsed table's heading
	BelowMore    string // the rows not shown, and where they are
}

// rearrangeChart reports whether a chart belongs in the rearrangement
// section rather than with the other charts.
func rearrangeChart(ch *Chart) bool { return strings.HasPrefix(ch.Name, rearrangeChartPrefix) }

// rearrangeHTML is the section of c; nil when no scenario rearranges its
// villages.
func rearrangeHTML(c *Comparison) (*htmlRearrange, error) {
	cols := rearrangeColumns(c)
	if cols == nil {
		return nil, nil
	}
	lang := c.Lang
	sec := &htmlRearrange{
		Title: lang.Pick("Sắp xếp thôn, tổ dân phố (NĐ 185/2026/NĐ-CP)", "Village rearrangement (Decree 185/2026)"),
		Intro: lang.Pick("Mỗi cột là một phương án ở ngày phương án: số thôn, mức đạt chuẩn số hộ, người và tiền trước và sau khi sắp xếp. Phương án không sắp xếp giữ nguyên thôn như hiện nay.",
			"Each column is a scenario on its plan date: villages, how they stand against their household floor, people and money before and after the rearrangement. A scenario without one keeps its villages as they are."),
		Headers: []string{lang.Pick("Chỉ tiêu", "Figure")},
	}
	for _, col := range cols {
		h := col.Label
		if col.AsIs {
			h += lang.Pick(" (giữ nguyên thôn)", " (villages as they are)")
		} else if col.Sum.Decided != nil {
			h += lang.Pick(" (phương án đã quyết định)", " (decided plan)")
		}
		sec.Headers = append(sec.Headers, h)
	}
	for _, r := range rearrangeRows(lang) {
		row := []string{r.label.In(lang)}
		for i := range cols {
			row = append(row, r.cell(&cols[i], lang))
		}
		sec.Rows = append(sec.Rows, row)
	}
	sec.Notes = rearrangeNotes(c, cols)
	below, err := BelowFloorTable(c)
	if err != nil {
		return nil, err
	}
	sec.fillBelow(below, lang)
	return sec, nil
}

// fillBelow puts the first shownBelow rows of the villages below their
// floor in the section.
func (sec *htmlRearrange) fillBelow(t *Table, lang model.Lang) {
	sec.BelowSummary = fmt.Sprintf(lang.Pick("Thôn vẫn dưới mức chuẩn sau sắp xếp và lý do (%s)", "Villages still below their floor after the rearrangement, and why (%s)"), lang.Int(int64(len(t.Rows))))
	keep := []int{0, 2, 4, 5, 6, 8} // scenario, commune, village, households, floor, why
	for _, k := range keep {
		sec.Below.Headers = append(sec.Below.Headers, t.Headers[k])
	}
	for n, r := range t.Rows {
		if n == shownBelow {
			sec.BelowMore = fmt.Sprintf(lang.Pick("… và %s thôn khác: xem %s.", "… and %s more: see %s."), lang.Int(int64(len(t.Rows)-n)), RearrangementBelowCSV)
			break
		}
		row := make([]string, 0, len(keep))
		for _, k := range keep {
			row = append(row, cellText(r[k], t.Units[k], lang))
		}
		row[1] += " (" + r[1].Text + ")"
		row[2] += " (" + r[3].Text + ")"
		sec.Below.Rows = append(sec.Below.Rows, row)
	}
}

// rearrangeRow is one row of the section's table.
type rearrangeRow struct {
	label model.Text
	cell  func(col *rearrangeColumn, lang model.Lang) string
}

// arrow writes a figure before → after.
func arrow(lang model.Lang, before, after float64) string {
	return formatCount(lang, before) + " → " + formatCount(lang, after)
}

// bnArrow writes an amount before → after in tỷ đồng.
func bnArrow(lang model.Lang, before, after int64) string {
	return formatNumber(lang, float64(before)/billion, 2) + " → " + formatNumber(lang, float64(after)/billion, 2)
}

// bandCell writes a band's villages and share.
func bandCell(lang model.Lang, n int, share float64) string {
	return formatCount(lang, float64(n)) + " (" + formatNumber(lang, share*100, 1) + " %)"
}

// pricedCell writes a figure of the people and money, or a dash when
// they were not priced.
func pricedCell(col *rearrangeColumn, f func(p *rearrangeMoney) string) string {
	if col.People == nil {
		return "—"
	}
	return f(col.People)
}

// optionCell writes an option of a rearrangement, or a dash as it is.
func optionCell(col *rearrangeColumn, f func(s *RearrangeSummary) string) string {
	if col.Sum == nil {
		return "—"
	}
	return f(col.Sum)
}

// rearrangeRows are the rows of the section's table.
func rearrangeRows(lang model.Lang) []rearrangeRow {
	bn := func(x int64) string { return formatNumber(lang, float64(x)/billion, 2) }
	rows := []rearrangeRow{
		{model.Text{Vi: "Số thôn trước → sau", En: "Villages before → after"}, func(c *rearrangeColumn, l model.Lang) string {
			return arrow(l, float64(c.VillagesBefore), float64(c.VillagesAfter))
		}},
		{model.Text{Vi: "Thôn được nhập vào thôn khác", En: "Villages merged into another"}, func(c *rearrangeColumn, l model.Lang) string { return formatCount(l, float64(c.Merges)) }},
		{model.Text{Vi: "Số hộ đổi thôn", En: "Households that change village"}, func(c *rearrangeColumn, l model.Lang) string { return formatCount(l, float64(c.Moved)) }},
	}
	for _, when := range []struct {
		t model.Text
		b func(c *rearrangeColumn) Bands
	}{
		{model.Text{Vi: "trước", En: "before"}, func(c *rearrangeColumn) Bands { return c.Before }},
		{model.Text{Vi: "sau", En: "after"}, func(c *rearrangeColumn) Bands { return c.After }},
	} {
		b := when.b
		rows = append(rows,
			rearrangeRow{model.Text{Vi: "Thôn đạt ≥ 100 % mức chuẩn, " + when.t.Vi, En: "Villages at ≥ 100 % of their floor, " + when.t.En}, func(c *rearrangeColumn, l model.Lang) string {
				return bandCell(l, b(c).Meets, b(c).MeetsShare)
			}},
			rearrangeRow{model.Text{Vi: "Thôn đạt 50 đến < 100 %, " + when.t.Vi, En: "Villages at 50 to < 100 %, " + when.t.En}, func(c *rearrangeColumn, l model.Lang) string {
				return bandCell(l, b(c).Half, b(c).HalfShare)
			}},
			rearrangeRow{model.Text{Vi: "Thôn dưới 50 %, " + when.t.Vi, En: "Villages under 50 %, " + when.t.En}, func(c *rearrangeColumn, l model.Lang) string {
				return bandCell(l, b(c).UnderHalf, b(c).UnderHalfShare)
			}})
	}
	return append(rows,
		rearrangeRow{model.Text{Vi: "Xã có phương án được chứng minh tối ưu", En: "Communes proven optimal"}, func(c *rearrangeColumn, l model.Lang) string {
			if c.Proven < 0 {
				return "—"
			}
			return formatCount(l, float64(c.Proven)) + "/" + formatCount(l, float64(c.Communes))
		}},
		rearrangeRow{model.Text{Vi: "Thôn vẫn dưới mức chuẩn", En: "Villages still below their floor"}, func(c *rearrangeColumn, l model.Lang) string { return formatCount(l, float64(c.Below)) }},
		rearrangeRow{model.Text{Vi: "Số người trước → sau", En: "People before → after"}, func(c *rearrangeColumn, l model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return arrow(l, float64(p.PeopleBefore), float64(p.PeopleAfter)) })
		}},
		rearrangeRow{model.Text{Vi: "Suất chức danh trước → sau", En: "Title seats before → after"}, func(c *rearrangeColumn, l model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return arrow(l, float64(p.TitlesBefore), float64(p.TitlesAfter)) })
		}},
		rearrangeRow{model.Text{Vi: "Số người nghỉ việc", En: "People released"}, func(c *rearrangeColumn, l model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return formatCount(l, float64(p.Released)) })
		}},
		rearrangeRow{model.Text{Vi: "Trợ cấp thôi việc (tỷ đồng)", En: "Severance (billion đồng)"}, func(c *rearrangeColumn, _ model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return bn(p.Severance) })
		}},
		rearrangeRow{model.Text{Vi: "Phụ cấp/năm trước → sau (tỷ đồng)", En: "Allowances a year before → after (billion đồng)"}, func(c *rearrangeColumn, l model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return bnArrow(l, p.AllowancesBefore, p.AllowancesAfter) })
		}},
		rearrangeRow{model.Text{Vi: "Quỹ phụ cấp thôn/năm trước → sau (tỷ đồng)", En: "Village funds a year before → after (billion đồng)"}, func(c *rearrangeColumn, l model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return bnArrow(l, p.FundsBefore, p.FundsAfter) })
		}},
		rearrangeRow{model.Text{Vi: "Tiết kiệm phụ cấp/năm (tỷ đồng)", En: "Allowances saved a year (billion đồng)"}, func(c *rearrangeColumn, _ model.Lang) string {
			return pricedCell(c, func(p *rearrangeMoney) string { return bn(p.AllowancesBefore - p.AllowancesAfter) })
		}},
		rearrangeRow{model.Text{Vi: "Tiết kiệm ròng cả kỳ, trừ trợ cấp thôi việc (tỷ đồng)", En: "Net savings over the window, less severance (billion đồng)"}, netSavingsCell},
		rearrangeRow{model.Text{Vi: "Tối đa số thôn nhập thành một", En: "At most villages into one"}, func(c *rearrangeColumn, l model.Lang) string {
			return optionCell(c, func(s *RearrangeSummary) string { return l.Int(int64(s.MaxMerge)) })
		}},
		rearrangeRow{model.Text{Vi: "Mục tiêu", En: "Goal"}, func(c *rearrangeColumn, l model.Lang) string {
			return optionCell(c, func(s *RearrangeSummary) string { return goalText(s.Goal, l) })
		}},
		rearrangeRow{model.Text{Vi: "Liền kề", En: "Adjacency"}, func(c *rearrangeColumn, l model.Lang) string {
			return optionCell(c, func(s *RearrangeSummary) string { return adjacencyText(s, l) })
		}},
		rearrangeRow{model.Text{Vi: "Nguồn mức chuẩn số hộ", En: "Source of the household floors"}, func(c *rearrangeColumn, _ model.Lang) string {
			if c.FloorSource == "" {
				return "—"
			}
			return c.FloorSource
		}},
	)
}

// rearrangeNotes say how to read the table: what a column as it is shows,
// and which communes' searches stopped at their limit.
func rearrangeNotes(c *Comparison, cols []rearrangeColumn) []string {
	lang := c.Lang
	var out []string
	ref := ""
	for _, col := range cols {
		if col.Sum != nil && ref == "" {
			ref = col.Label
		}
	}
	for _, col := range cols {
		if col.AsIs {
			out = append(out, fmt.Sprintf(lang.Pick("%s giữ nguyên thôn: số thôn và mức đạt chuẩn của nó là của thôn hiện nay, đo theo mức chuẩn của %s.",
				"%s keeps its villages: its villages and bands are today's, measured against the floors of %s."), col.Label, ref))
			break
		}
	}
	for _, col := range cols {
		if s := col.Sum; s != nil && len(s.Limited) > 0 {
			out = append(out, fmt.Sprintf(lang.Pick("%s: %s xã dừng tìm kiếm ở giới hạn; phương án của các xã này có thể chưa tối ưu.",
				"%s: %s communes stopped their search at its limit; their plans may not be optimal."), col.Label, lang.Int(int64(len(s.Limited)))))
		}
	}
	return append(out, decidedNotes(cols, lang)...)
}

// netSavingsCell writes a column's net savings over its window,
// undiscounted, and discounted too when compare was given --discount.
func netSavingsCell(c *rearrangeColumn, l model.Lang) string {
	bn := func(x int64) string { return formatNumber(l, float64(x)/billion, 2) }
	return pricedCell(c, func(p *rearrangeMoney) string {
		s := fmt.Sprintf(l.Pick("%s (%s năm, chưa chiết khấu)", "%s (%s years, undiscounted)"), bn(p.NetSavings), l.Int(int64(p.WindowYears)))
		if p.DiscountRate > 0 {
			s += fmt.Sprintf(l.Pick("; chiết khấu %s %%/năm: %s", "; discounted at %s %% a year: %s"), formatNumber(l, 100*p.DiscountRate, 1), bn(p.NetSavingsDiscounted))
		}
		return s
	})
}
