package report

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// rearrangeChartPrefix starts the names of the rearrangement section's
// charts, which the page shows in that section.
const rearrangeChartPrefix = "rearrange-"

// beforeColor is the villages before a rearrangement: light grey, apart
// from the baseline's dark grey.
var beforeColor = color.NRGBA{0xbb, 0xbb, 0xbb, 0xff}

// bandColors are the three bands: green at the floor, orange from half of
// it, vermilion below half (Okabe–Ito).
var bandColors = [...]color.NRGBA{seriesColor(3), seriesColor(5), seriesColor(2)}

// bandNames name the three bands shortly, for the legend.
var bandNames = [...]model.Text{
	{Vi: "≥ 100 % mức chuẩn", En: "≥ 100 % of the floor"},
	{Vi: "50 đến < 100 %", En: "50 to < 100 %"},
	{Vi: "< 50 %", En: "< 50 %"},
}

// afterGlyphs tell the scenarios apart by shape as well as colour.
var afterGlyphs = []draw.GlyphDrawer{draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}, draw.RingGlyph{}}

// RearrangeCharts draws the rearrangement section's charts: the villages
// before and after by commune, and the three bands before and after. None
// when no scenario rearranges its villages.
func RearrangeCharts(c *Comparison) ([]*Chart, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if !c.hasRearrangement() {
		return nil, nil
	}
	villages, err := RearrangeVillagesChart(c)
	if err != nil {
		return nil, err
	}
	bands, err := RearrangeBandsChart(c)
	if err != nil {
		return nil, err
	}
	return []*Chart{villages, bands}, nil
}

// maxVillageRows is the most communes the villages chart draws, those
// with the most villages before (a province has up to about 150; its CSV
// has them all).
const maxVillageRows = 150

// villagesRows are the villages chart's data: for each commune, its
// villages before and after in each scenario that rearranges.
func villagesRows(c *Comparison, all []communeVillages) [][]string {
	var out [][]string
	for _, cv := range all {
		out = append(out, []string{cv.code, cv.name, "before", "", strconv.Itoa(cv.before)})
		for i, a := range cv.after {
			if a >= 0 {
				out = append(out, []string{cv.code, cv.name, "after", c.Scenarios[i].Model.Name, strconv.Itoa(a)})
			}
		}
	}
	return out
}

// communeVillages is one commune of the villages chart: its villages
// before, and after in each scenario that rearranges (-1: not in it).
type communeVillages struct {
	code, name string
	before     int
	after      []int
}

// villagesByCommune gathers every commune of c's rearrangements, the
// most villages before first; before is the first rearrangement's count.
func villagesByCommune(c *Comparison) []communeVillages {
	at := map[string]int{}
	var out []communeVillages
	for i, sum := range c.Rearrangements {
		if sum == nil {
			continue
		}
		for _, cb := range sum.ByCommune {
			k, ok := at[cb.Commune]
			if !ok {
				k = len(out)
				at[cb.Commune] = k
				after := make([]int, len(c.Rearrangements))
				for j := range after {
					after[j] = -1
				}
				out = append(out, communeVillages{code: cb.Commune, name: cb.CommuneName, before: cb.Before.Villages, after: after})
			}
			out[k].after[i] = cb.After.Villages
		}
	}
	slices.SortStableFunc(out, func(a, b communeVillages) int {
		if d := cmp.Compare(b.before, a.before); d != 0 {
			return d
		}
		return cmp.Compare(a.code, b.code)
	})
	return out
}

// RearrangeVillagesChart is a dot plot of the villages of each commune
// before (grey) and after each scenario's rearrangement (its colour and
// shape), a row per commune, the most villages before at the top.
func RearrangeVillagesChart(c *Comparison) (*Chart, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	lang := c.Lang
	all := villagesByCommune(c)
	if len(all) == 0 {
		return nil, errors.New("report: no commune rearranged")
	}
	rows := all[:min(len(all), maxVillageRows)]
	n := len(rows)
	title := lang.Pick("Số thôn trước và sau sắp xếp, theo xã", "Villages before and after the rearrangement, by commune")
	if n < len(all) {
		title = fmt.Sprintf(lang.Pick("Số thôn trước và sau sắp xếp: %s trong %s xã có nhiều thôn nhất", "Villages before and after the rearrangement: the %s of %s communes with the most villages"),
			lang.Int(int64(n)), lang.Int(int64(len(all))))
	}
	p := newPlot(title, lang.Pick("số thôn", "villages"), "")
	addGrid(p, true)
	p.X.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	leg := newLegend()
	ch := &Chart{
		Name: rearrangeChartPrefix + "villages", Title: p.Title.Text, Plot: p, Legend: leg,
		Width: chartWidth, Height: vg.Length(max(9.5, 3.2+0.27*float64(n))) * vg.Centimeter,
		Columns: []string{"commune", "commune_name", "when", "scenario", "villages"},
		Rows:    villagesRows(c, all),
	}
	labels := make([]string, n)
	for r, cv := range rows {
		label := cv.name
		if label == "" {
			label = cv.code
		}
		labels[n-1-r] = wrap(nfc(label), 32)
	}
	series := rearrangedIndexes(c)
	before := make(plotter.XYs, n)
	for r, cv := range rows {
		before[r] = plotter.XY{X: float64(cv.before), Y: float64(n-1-r) + dodge(0, len(series)+1)}
	}
	if err := addDots(p, leg, before, draw.CircleGlyph{}, beforeColor, lang.Pick("Trước", "Before")); err != nil {
		return nil, err
	}
	for k, i := range series {
		var pts plotter.XYs
		for r, cv := range rows {
			if a := cv.after[i]; a >= 0 {
				pts = append(pts, plotter.XY{X: float64(a), Y: float64(n-1-r) + dodge(k+1, len(series)+1)})
			}
		}
		name := fmt.Sprintf(lang.Pick("Sau: %s", "After: %s"), scenarioLabel(c.Scenarios[i], lang))
		if err := addDots(p, leg, pts, afterGlyphs[k%len(afterGlyphs)], seriesColor(i), wrap(nfc(name), 26)); err != nil {
			return nil, err
		}
	}
	p.NominalY(labels...)
	p.Y.Tick.Label.Font = font.From(chartFont, 7)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Min = 0
	headroom(&p.X)
	return ch, nil
}

// dodge is where the j-th of n series sits around its row: centred on
// the row's label, from above down, at most 0.3 of a row either way, so
// that equal values of different series stay apart.
func dodge(j, n int) float64 {
	if n < 2 {
		return 0
	}
	spread := min(0.3, 0.1*float64(n-1))
	return spread * (1 - 2*float64(j)/float64(n-1))
}

// addDots adds a scatter of pts to p and its legend.
func addDots(p *plot.Plot, leg *plot.Legend, pts plotter.XYs, g draw.GlyphDrawer, col color.NRGBA, name string) error {
	if len(pts) == 0 {
		return nil
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		return err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.6), Shape: g}
	p.Add(s)
	leg.Add(name, s)
	return nil
}

// rearrangedIndexes are the indexes of the scenarios that rearrange.
func rearrangedIndexes(c *Comparison) []int {
	var out []int
	for i, sum := range c.Rearrangements {
		if sum != nil {
			out = append(out, i)
		}
	}
	return out
}

// bandsBar is one bar of the bands chart.
type bandsBar struct {
	label, when, scenario string
	bands                 Bands
}

// bandsBars are the bars of the bands chart: the villages before, then
// each rearrangement's after. When the rearrangements measure the villages
// before against different floors, each has its own bar before.
func bandsBars(c *Comparison) []bandsBar {
	lang := c.Lang
	idx := rearrangedIndexes(c)
	same := true
	for _, i := range idx[1:] {
		same = same && sameBands(c.Rearrangements[i].BandsBefore, c.Rearrangements[idx[0]].BandsBefore)
	}
	var out []bandsBar
	if same {
		out = append(out, bandsBar{lang.Pick("Trước", "Before"), "before", "", c.Rearrangements[idx[0]].BandsBefore})
	}
	for _, i := range idx {
		sum, name := c.Rearrangements[i], scenarioLabel(c.Scenarios[i], lang)
		if !same {
			out = append(out, bandsBar{lang.Pick("Trước", "Before") + "\n" + wrap(nfc(name), 12), "before", c.Scenarios[i].Model.Name, sum.BandsBefore})
		}
		out = append(out, bandsBar{lang.Pick("Sau", "After") + "\n" + wrap(nfc(name), 12), "after", c.Scenarios[i].Model.Name, sum.BandsAfter})
	}
	return out
}

// sameBands reports whether a and b count the same villages in each band.
func sameBands(a, b Bands) bool {
	return a.Villages == b.Villages && a.Meets == b.Meets && a.Half == b.Half && a.UnderHalf == b.UnderHalf
}

// RearrangeBandsChart stacks to 100 % the villages at or above their
// floor, from half of it and below half, before and after each scenario's
// rearrangement.
func RearrangeBandsChart(c *Comparison) (*Chart, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if !c.hasRearrangement() {
		return nil, errors.New("report: no rearrangement")
	}
	lang := c.Lang
	bars := bandsBars(c)
	p := newPlot(lang.Pick("Thôn theo mức đạt chuẩn số hộ, trước và sau", "Villages against their household floor, before and after"),
		"", lang.Pick("% số thôn", "% of villages"))
	addGrid(p, false)
	p.Y.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	leg := newLegend()
	ch := &Chart{
		Name: rearrangeChartPrefix + "bands", Title: p.Title.Text, Plot: p, Legend: leg,
		Width: chartWidth, Height: chartHeight,
		Columns: []string{"bar", "when", "scenario", "band", "villages", "percent"},
	}
	names := make([]string, len(bars))
	for i, b := range bars {
		names[i] = b.label // "Before"/"After" on a line of its own, the name wrapped narrow: six bars fit
	}
	w := vg.Points(min(40, 300/float64(len(bars))))
	var below *plotter.BarChart
	for k, band := range model.FloorBands {
		vals := make(plotter.Values, len(bars))
		for i, b := range bars {
			count, share := bandOf(b.bands, band)
			vals[i] = 100 * share
			ch.Rows = append(ch.Rows, []string{strconv.Itoa(i + 1), b.when, b.scenario, band.String(), strconv.Itoa(count), number(100 * share)})
		}
		bc, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return nil, err
		}
		bc.Color = bandColors[k]
		bc.LineStyle.Width = 0
		if below != nil {
			bc.StackOn(below)
		}
		below = bc
		p.Add(bc)
		leg.Add(bandNames[k].In(lang), bc)
	}
	p.NominalX(names...)
	p.X.Tick.Label.Font = font.From(chartFont, 8)
	p.Y.Min, p.Y.Max = 0, 100
	return ch, nil
}

// bandOf is the villages of b in band and their share.
func bandOf(b Bands, band model.FloorBand) (int, float64) {
	switch band {
	case model.BandMeets:
		return b.Meets, b.MeetsShare
	case model.BandHalf:
		return b.Half, b.HalfShare
	}
	return b.UnderHalf, b.UnderHalfShare
}
