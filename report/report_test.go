package report

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// testCharts are one chart of every type, built from the fixture.
func testCharts(t *testing.T) map[string]*Chart {
	c := testComparison(t)
	out := map[string]*Chart{}
	add := func(name string, ch *Chart, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = ch
	}
	fan, err := FanChart(c.Sim, "vi")
	add("fan", fan, err)
	cost, err := CostBars(c.Sim, "en")
	add("cost", cost, err)
	heat, err := GapHeatMap(c.Sim.Variants[1], WorstCommunes, "vi")
	add("heat", heat, err)
	head, err := HeadcountByClass(c.Scenarios, "vi")
	add("headcount", head, err)
	tor, err := Tornado(c.Sensitivity, "vi")
	add("tornado", tor, err)
	w := c.Sim.Differences[1].NetSavings
	sweep, err := SweepChart("Tiết kiệm ròng theo hệ số", "hệ số", []float64{1, 2}, []sim.Summary{w[0].Summary, w[len(w)-1].Summary}, "đồng", "vi")
	add("sweep", sweep, err)
	ranked, err := RankedBars("Chênh lệch số người theo xã", "người", []string{"Xã Đông Thuận", "Phường Hải Quý", "Xã Trung Thọ"}, []float64{3, 7, 1}, "vi")
	add("ranked", ranked, err)
	return out
}

// TestChartsGolden pins every chart type's SVG (fonts not embedded, so the
// file diffs as text) and its data.
func TestChartsGolden(t *testing.T) {
	for name, ch := range testCharts(t) {
		t.Run(name, func(t *testing.T) {
			svg, err := ch.svg(false)
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", "golden", name+".svg"), svg)
			data, err := ch.CSV()
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", "golden", name+".csv"), data)
		})
	}
}

// TestRender: every format gives its own kind of file; SVG carries its
// fonts.
func TestRender(t *testing.T) {
	ch := testCharts(t)["fan"]
	svg, err := ch.Render("svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("@font-face")) || !bytes.Contains(svg, []byte("Tiết kiệm so với")) {
		t.Error("SVG lacks its embedded font or its Vietnamese title")
	}
	png, err := ch.Render("png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Error("PNG has no PNG signature")
	}
	if _, err := ch.Render("gif"); err == nil {
		t.Error("Render(gif) did not fail")
	}
}

// TestSummaryXLSXReadBack: the workbook holds the table's headers, keys
// and values, numbers as numbers.
func TestSummaryXLSXReadBack(t *testing.T) {
	table, err := SummaryTable(testComparison(t))
	if err != nil {
		t.Fatal(err)
	}
	data, err := table.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(summarySheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2+len(table.Rows) {
		t.Fatalf("%d rows, want %d", len(rows), 2+len(table.Rows))
	}
	if !slices.Equal(rows[0], table.Headers) || !slices.Equal(rows[1], table.Columns) {
		t.Fatalf("header rows %q / %q", rows[0], rows[1])
	}
	for i, want := range table.Rows {
		got := rows[i+2]
		for j, cell := range want {
			if !cell.IsNum {
				if got[j] != cell.Text {
					t.Errorf("row %d %s = %q, want %q", i, table.Columns[j], got[j], cell.Text)
				}
				continue
			}
			x, err := strconv.ParseFloat(got[j], 64)
			if err != nil {
				t.Errorf("row %d %s = %q, not a number", i, table.Columns[j], got[j])
				continue
			}
			if want, _ := strconv.ParseFloat(cell.csv(table.Units[j]), 64); x != want {
				t.Errorf("row %d %s = %v, want %v", i, table.Columns[j], x, want)
			}
		}
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "summary.csv"), must(table.CSV()))
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestHTMLEscapes: strings from scenarios are escaped everywhere, the page
// fetches nothing, and it has its sections.
func TestHTMLEscapes(t *testing.T) {
	c := testComparison(t)
	charts, err := Charts(c)
	if err != nil {
		t.Fatal(err)
	}
	page, err := HTML(c, charts, []string{"svg"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, bad := range []string{"<kiểm tra>", "Trung Thọ <b>", "<test>", "src=\"http", "href=\"http", "url(http"} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q unescaped (or a network fetch)", bad)
		}
	}
	for _, want := range []string{"&lt;kiểm tra&gt;", "Trung Thọ &lt;b&gt;", `id="summary"`, `id="charts"`, `id="tables"`, `id="methods"`, "NĐ 73/2024/NĐ-CP", "@page"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(s, "<svg"); n != len(charts) {
		t.Errorf("%d inline SVGs, want %d", n, len(charts))
	}
}

// TestBuild: the files of a report, in order, and a format it does not
// know refused.
func TestBuild(t *testing.T) {
	c := testComparison(t)
	files, err := Build(context.Background(), c, []string{"svg", "png"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		if len(f.Data) == 0 {
			t.Errorf("%s is empty", f.Name)
		}
		names = append(names, f.Name)
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "files.txt"), []byte(strings.Join(names, "\n")+"\n"))
	if _, err := Build(context.Background(), c, []string{"bmp"}); err == nil {
		t.Error("Build accepted format bmp")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, c, nil); err == nil {
		t.Error("Build with a cancelled context did not fail")
	}
}

// TestFormatting: Vietnamese groups with dots and uses a decimal comma.
func TestFormatting(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		x    float64
		want string
	}{
		{"vi", 1234567, "1.234.567 đồng"},
		{"vi", 12_345_678_900, "12,35 tỷ đồng"},
		{"en", 12_345_678_900, "12.35 billion đồng"},
		{"vi", -850_000_000, "-850.000.000 đồng"},
		{"en", 0, "0 đồng"},
	} {
		if got := FormatMoney(tc.lang, tc.x); got != tc.want {
			t.Errorf("FormatMoney(%s, %v) = %q, want %q", tc.lang, tc.x, got, tc.want)
		}
	}
	if got := nfc("Tie\u0302\u0301t kie\u0323\u0302m"); got != "Tiết kiệm" {
		t.Errorf("nfc = %q", got)
	}
}

// TestErrors: bad input is an error, never a panic.
func TestErrors(t *testing.T) {
	c := testComparison(t)
	if _, err := FanChart(c.Sim, "fr"); err == nil {
		t.Error("FanChart accepted language fr")
	}
	if _, err := FanChart(&sim.Comparison{Baseline: c.Sim.Baseline}, "vi"); err == nil {
		t.Error("FanChart without variants did not fail")
	}
	if _, err := SweepChart("t", "x", []float64{2, 1}, make([]sim.Summary, 2), "", "vi"); err == nil {
		t.Error("SweepChart accepted decreasing points")
	}
	if _, err := RankedBars("t", "", []string{"a"}, nil, "vi"); err == nil {
		t.Error("RankedBars accepted mismatched lengths")
	}
	bad := *c
	bad.Scenarios = bad.Scenarios[:1]
	if _, err := SummaryTable(&bad); err == nil {
		t.Error("SummaryTable accepted a simulation of more scenarios than given")
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"nd33-2023", "nd33-2023"},
		{"villages-2026-two-people", "villages-2026-\ntwo-people"},
		{"Phương án A mới", "Phương án A\nmới"},
		{"averyveryverylongname", "averyveryverylongname"},
	} {
		if got := wrap(tc.in, 14); got != tc.want {
			t.Errorf("wrap(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
