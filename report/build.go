package report

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/sim"
)

// File is one output of a report: its name in the output directory and its
// contents.
type File struct {
	Name string
	Data []byte
}

// Output file names.
const (
	SummaryCSV  = "summary.csv"
	SummaryXLSX = "summary.xlsx"
	ReportHTML  = "report.html"
)

// WorstCommunes is how many communes a gap heat map shows.
const WorstCommunes = 30

// Charts draws every chart of a comparison, in the report's order: the fan
// chart of savings (when there are variants), cost by component, headcount
// by class of unit, the tornado (when a sensitivity was run) and a heat map
// of the worst communes' gaps for each scenario.
func Charts(c *Comparison) ([]*Chart, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	var out []*Chart
	add := func(ch *Chart, err error) error {
		if err != nil {
			return err
		}
		out = append(out, ch)
		return nil
	}
	named := c.labelledSim()
	if len(c.Sim.Variants) > 0 {
		if err := add(FanChart(named.Comparison, c.Lang)); err != nil {
			return nil, err
		}
	}
	if err := add(CostBars(named.Comparison, c.Lang)); err != nil {
		return nil, err
	}
	if err := add(HeadcountByClass(c.Scenarios, c.Lang)); err != nil {
		return nil, err
	}
	if c.Sensitivity != nil {
		if err := add(Tornado(c.Sensitivity, c.Lang)); err != nil {
			return nil, err
		}
	}
	results := c.results()
	labelled := make([]*sim.Result, len(results))
	for i := range results {
		labelled[i] = named.result(i)
	}
	heats, err := GapHeatMaps(labelled, WorstCommunes, c.Lang)
	if err != nil {
		return nil, err
	}
	for i, ch := range heats {
		ch.Name = fmt.Sprintf("gaps-%d-%s", i+1, fileStem(results[i].Scenario))
		out = append(out, ch)
	}
	rearranged, err := RearrangeCharts(c)
	return append(out, rearranged...), err
}

// fileStem makes a scenario's name safe as part of a file name.
func fileStem(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-.")
	if s == "" {
		s = "scenario"
	}
	return s
}

// Build renders a whole comparison: summary.csv and summary.xlsx, every
// chart as CSV and in each of formats ("svg", "png", "pdf"), and
// report.html; with "pdf", also report.pdf, the whole report printed on A4
// by headless Chromium (PrintPDF). Nothing is written: the caller writes the files (all or
// none). ctx stops the rendering between files.
func Build(ctx context.Context, c *Comparison, formats []string) ([]File, error) {
	for _, f := range formats {
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("report: image format %q: want one of %s", f, strings.Join(Formats, ", "))
		}
	}
	table, err := SummaryTable(c)
	if err != nil {
		return nil, err
	}
	var files []File
	csvData, err := table.CSV()
	if err != nil {
		return nil, err
	}
	xlsx, err := table.XLSX()
	if err != nil {
		return nil, err
	}
	files = append(files, File{SummaryCSV, csvData}, File{SummaryXLSX, xlsx})
	rf, err := rearrangeFiles(c)
	if err != nil {
		return nil, err
	}
	files = append(files, rf...)
	charts, err := Charts(c)
	if err != nil {
		return nil, err
	}
	for _, ch := range charts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := ch.CSV()
		if err != nil {
			return nil, err
		}
		files = append(files, File{ch.Name + ".csv", data})
		for _, f := range formats {
			img, err := ch.Render(f)
			if err != nil {
				return nil, err
			}
			files = append(files, File{ch.Name + "." + f, img})
		}
	}
	html, err := renderHTML(c, table, charts, formats)
	if err != nil {
		return nil, err
	}
	files = append(files, File{ReportHTML, html})
	if slices.Contains(formats, "pdf") {
		pdf, err := PrintPDF(ctx, html)
		if err != nil {
			return nil, err
		}
		files = append(files, File{ReportPDF, pdf})
	}
	return files, nil
}
