package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// Table is the summary of a comparison: one row per scenario. Columns are
// machine keys (the CSV header); Headers name them for people, in the
// report's language (the XLSX and HTML header).
type Table struct {
	Columns []string
	Headers []string
	Units   []string // "people", "đồng", "titles", "units" or "" for text
	Rows    [][]Cell
}

// Cell is a table value: a number (Num, when IsNum) or text.
type Cell struct {
	Text  string
	Num   float64
	IsNum bool
}

func text(s string) Cell { return Cell{Text: s} }
func num(x float64) Cell { return Cell{Num: x, IsNum: true} }
func (c Cell) csv(unit string) string {
	if !c.IsNum {
		return model.SpreadsheetSafe(c.Text)
	}
	if unit == moneyUnit {
		return money(c.Num)
	}
	return number(c.Num)
}

// SummaryTable builds the comparison's summary: per scenario, headcount
// today, in the plan and at the horizon; allowance cost per year and the
// savings against the baseline's plan; net savings after severance over 5
// and 10 years (p5, p50, p95); titles vacant on average in years 5 and 10
// (p50, p95); people overloaded in the last year (p50); communes that
// could not be arranged; the communes the figures cover (those planned in
// every scenario, named in the headers) and in all.
func SummaryTable(c *Comparison) (*Table, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	lang := c.Lang
	results := c.results()
	years, start := c.Sim.Baseline.Years, c.Sim.Baseline.Start
	t := &Table{}
	col := func(key, vi, en, unit string) {
		t.Columns = append(t.Columns, key)
		t.Headers = append(t.Headers, lang.Pick(vi, en))
		t.Units = append(t.Units, unit)
	}
	cov := c.coverage()
	// Every headline says what it covers: the communes planned in every
	// scenario.
	on := " [" + cov.Text(lang) + "]"
	col("scenario", "Phương án", "Scenario", "")
	col("headcount_now", "Số người hiện nay"+on, "People today"+on, "people")
	col("headcount_plan", "Số người theo phương án"+on, "People in the plan"+on, "people")
	col(fmt.Sprintf("headcount_year%d_p50", years), "Số người "+simYear(start, years, model.Vietnamese)+" (p50)"+on, "People "+simYear(start, years, model.English)+" (p50)"+on, "people")
	col("allowance_cost_per_year", "Chi phụ cấp mỗi năm ở ngày phương án (đồng)"+on, "Allowance cost per year on the plan date (đồng)"+on, moneyUnit)
	col("savings_per_year", "Tiết kiệm phụ cấp mỗi năm ở ngày phương án so với gốc (đồng)"+on, "Allowance savings per year on the plan date against the baseline (đồng)"+on, moneyUnit)
	windows := c.Sim.Baseline.Windows
	var spans []int
	for _, w := range windows {
		if w.Metric == "cost" {
			spans = append(spans, w.Years)
		}
	}
	for _, n := range spans {
		for _, q := range []string{"p5", "p50", "p95"} {
			col(fmt.Sprintf("net_savings_%dy_%s", n, q),
				fmt.Sprintf("Tiết kiệm ròng %d năm, %s (đồng)", n, q)+on,
				fmt.Sprintf("Net savings over %d years, %s (đồng)", n, q)+on, moneyUnit)
		}
	}
	avgYears := 0
	if len(spans) > 0 {
		avgYears = spans[len(spans)-1]
		col(fmt.Sprintf("net_savings_%dy_mean_per_year_p50", avgYears),
			fmt.Sprintf("Tiết kiệm ròng bình quân mỗi năm trong %d năm, p50 (đồng)", avgYears)+on,
			fmt.Sprintf("Net savings a year, averaged over %d years, p50 (đồng)", avgYears)+on, moneyUnit)
	}
	var vacantYears []int
	for _, y := range []int{5, 10} {
		if y <= years {
			vacantYears = append(vacantYears, y)
		}
	}
	for _, y := range vacantYears {
		for _, q := range []string{"p50", "p95"} {
			col(fmt.Sprintf("vacant_titles_year%d_%s", y, q),
				fmt.Sprintf("Chức danh trống %s, %s", simYear(start, y, model.Vietnamese), q),
				fmt.Sprintf("Vacant titles %s, %s", simYear(start, y, model.English), q), "titles")
		}
	}
	col(fmt.Sprintf("overloaded_people_year%d_p50", years),
		"Người quá tải "+simYear(start, years, model.Vietnamese)+" (p50)",
		"Overloaded people "+simYear(start, years, model.English)+" (p50)", "people")
	col("communes_not_arranged", "Xã không sắp xếp được (bị loại khỏi mọi số liệu)", "Communes that could not be arranged (left out of every figure)", "units")
	col("communes_covered", "Số xã tính trong số liệu", "Communes the figures cover", "units")
	col("communes_total", "Tổng số xã", "Communes in all", "units")

	basePlan := c.Scenarios[0].Plan
	for i, s := range c.Scenarios {
		r := results[i]
		row := []Cell{
			text(s.Model.Name),
			// Today and the plan over the same communes, those planned in
			// every scenario (communes_covered).
			num(float64(s.Plan.PlannedBefore.Headcount)),
			num(float64(s.Plan.Objective.Headcount)),
			num(r.Metrics[sim.Headcount].Years[years-1].P50),
			num(float64(s.Plan.AnnualCostAfter)),
			num(float64(basePlan.AnnualCostAfter - s.Plan.AnnualCostAfter)),
		}
		for _, n := range spans {
			var w sim.Window
			if i > 0 {
				for _, x := range c.Sim.Differences[i-1].NetSavings {
					if x.Years == n {
						w = x
					}
				}
			}
			row = append(row, num(w.P5), num(w.P50), num(w.P95))
		}
		if avgYears > 0 {
			row = append(row, num(perYear(c, i, avgYears)))
		}
		for _, y := range vacantYears {
			v := r.Metrics[sim.VacantTitleMonths].Years[y-1]
			row = append(row, num(v.P50/12), num(v.P95/12))
		}
		row = append(row, num(r.Metrics[sim.OverloadedPersonMonths].Years[years-1].P50/12))
		row = append(row, num(float64(cov.LeftBy(s.Model.Name))), num(float64(cov.Covered())), num(float64(cov.Total)))
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// CSV writes the table with machine keys as the header; money in whole
// đồng, other numbers with at most 2 decimals.
func (t *Table) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(t.Columns); err != nil {
		return nil, err
	}
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, c := range row {
			rec[i] = c.csv(t.Units[i])
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// summarySheet is the name of the XLSX sheet.
const summarySheet = "summary"

// XLSX writes the table as a workbook: the headers for people (bold,
// frozen), numbers as numbers (money grouped, whole đồng), and a second
// row of machine keys hidden under the header so the file reads back
// unambiguously.
func (t *Table) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", summarySheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	keyStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "808080", Size: 8}})
	if err != nil {
		return nil, err
	}
	whole, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	if err != nil {
		return nil, err
	}
	decimal, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(summarySheet)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	for i := range t.Columns {
		width := 18.0
		if i == 0 {
			width = 28
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, err
		}
	}
	header := make([]any, len(t.Headers))
	keys := make([]any, len(t.Columns))
	for i := range t.Headers {
		header[i] = excelize.Cell{StyleID: bold, Value: t.Headers[i]}
		keys[i] = excelize.Cell{StyleID: keyStyle, Value: t.Columns[i]}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 45}); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A2", keys); err != nil {
		return nil, err
	}
	for n, row := range t.Rows {
		cells := make([]any, len(row))
		for i, c := range row {
			switch {
			case !c.IsNum:
				cells[i] = excelize.Cell{Value: c.Text}
			case t.Units[i] == moneyUnit || c.Num == math.Trunc(c.Num):
				cells[i] = excelize.Cell{StyleID: whole, Value: math.Round(c.Num)}
			default:
				v, _ := strconv.ParseFloat(number(c.Num), 64)
				cells[i] = excelize.Cell{StyleID: decimal, Value: v}
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, n+3)
		if err != nil {
			return nil, err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// perYear is variant i's median net savings over the window of n years,
// averaged per year (0 for the baseline or without that window).
func perYear(c *Comparison, i, n int) float64 {
	if i < 1 || n <= 0 {
		return 0
	}
	for _, w := range c.Sim.Differences[i-1].NetSavings {
		if w.Years == n {
			return w.P50 / float64(n)
		}
	}
	return 0
}
