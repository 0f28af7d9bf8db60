package report

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// Standard sizes: a full-width figure on A4, and a tall one for charts
// with many rows.
var (
	chartWidth  = 17 * vg.Centimeter
	chartHeight = 9.5 * vg.Centimeter
)

// money formats đồng for a CSV cell: whole đồng.
func money(x float64) string { return FormatValue(moneyUnit, x) }

// number formats a count or mean for a CSV cell: at most 2 decimals.
func number(x float64) string { return FormatValue("", x) }

// band returns the polygon between lo and hi over xs.
func band(xs, lo, hi []float64, c color.NRGBA) (*plotter.Polygon, error) {
	pts := make(plotter.XYs, 0, 2*len(xs))
	for i := range xs {
		pts = append(pts, plotter.XY{X: xs[i], Y: lo[i]})
	}
	for i := len(xs) - 1; i >= 0; i-- {
		pts = append(pts, plotter.XY{X: xs[i], Y: hi[i]})
	}
	p, err := plotter.NewPolygon(pts)
	if err != nil {
		return nil, err
	}
	p.Color = c
	p.LineStyle.Width = 0
	return p, nil
}

// calendarYears returns the calendar year of each simulated year: year 1
// is the year the simulation starts in.
func calendarYears(start model.Date, n int) []float64 {
	xs := make([]float64, n)
	for y := range n {
		xs[y] = float64(start.Year() + y)
	}
	return xs
}

// FanChart draws every variant's savings against the baseline, year by
// year: the median as a line, the 50 % and 90 % bands shaded. Positive is
// cheaper than the baseline.
func FanChart(c *sim.Comparison, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if c == nil || c.Baseline == nil || len(c.Differences) == 0 {
		return nil, errors.New("report: a fan chart needs a comparison with at least one variant")
	}
	b := c.Baseline
	p := newPlot(
		lang.Pick("Tiết kiệm so với ", "Savings against ")+b.Scenario,
		lang.Pick("Năm", "Year"),
		lang.Pick("Tiết kiệm mỗi năm (tỷ đồng)", "Savings per year (billion đồng)"))
	addGrid(p, false)
	xs := calendarYears(b.Start, b.Years)
	p.X.Tick.Marker = yearTicks(int(xs[0]), int(xs[len(xs)-1]))
	p.Y.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	zero := plotter.NewFunction(func(float64) float64 { return 0 })
	zero.Color = color.Gray{Y: 0x88}
	p.Add(zero)
	leg := newLegend()
	ch := &Chart{
		Name: "fan-savings", Title: p.Title.Text, Plot: p, Legend: leg,
		Width: chartWidth, Height: chartHeight,
		Columns: []string{"variant", "year", "calendar_year", "p5", "p25", "p50", "p75", "p95", "mean"},
	}
	for i, d := range c.Differences {
		col := seriesColor(i + 1)
		s := d.Savings.Years
		get := func(f func(sim.Summary) float64) []float64 {
			out := make([]float64, len(s))
			for y := range s {
				out[y] = f(s[y]) / billion
			}
			return out
		}
		p5, p25 := get(func(s sim.Summary) float64 { return s.P5 }), get(func(s sim.Summary) float64 { return s.P25 })
		p50 := get(func(s sim.Summary) float64 { return s.P50 })
		p75, p95 := get(func(s sim.Summary) float64 { return s.P75 }), get(func(s sim.Summary) float64 { return s.P95 })
		outer, err := band(xs, p5, p95, withAlpha(col, 0.15))
		if err != nil {
			return nil, err
		}
		inner, err := band(xs, p25, p75, withAlpha(col, 0.3))
		if err != nil {
			return nil, err
		}
		pts := make(plotter.XYs, len(xs))
		for y := range xs {
			pts[y] = plotter.XY{X: xs[y], Y: p50[y]}
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.Color = col
		line.Width = vg.Points(1.6)
		p.Add(outer, inner, line)
		leg.Add(nfc(d.Variant), line)
		for y, x := range s {
			ch.Rows = append(ch.Rows, []string{d.Variant, strconv.Itoa(y + 1), strconv.Itoa(int(xs[y])),
				money(x.P5), money(x.P25), money(x.P50), money(x.P75), money(x.P95), money(x.Mean)})
		}
	}
	grey := color.NRGBA{0x55, 0x55, 0x55, 0xff}
	leg.Add(lang.Pick("đường: trung vị", "line: median"), lineSwatch{grey})
	leg.Add(lang.Pick("vùng đậm: 50 %", "dark band: 50 %"), thumb(withAlpha(grey, 0.45)))
	leg.Add(lang.Pick("vùng nhạt: 90 %", "light band: 90 %"), thumb(withAlpha(grey, 0.2)))
	return ch, nil
}

// costComponents are the parts of a scenario's cost, stacked in this
// order.
var costComponents = []sim.Metric{sim.AllowanceMain, sim.AllowanceConcurrent, sim.Severance, sim.RecruitmentCost}

// CostBars draws, for every scenario, its cost over the horizon stacked by
// component: main-title and concurrent allowances, severance and
// recruitment (means over the runs, summed over the years).
func CostBars(c *sim.Comparison, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if c == nil || c.Baseline == nil {
		return nil, errors.New("report: cost bars need a simulation")
	}
	results := append([]*sim.Result{c.Baseline}, c.Variants...)
	years := c.Baseline.Years
	p := newPlot(
		fmt.Sprintf(lang.Pick("Chi phí %d năm theo thành phần", "Cost over %d years by component"), years),
		"", lang.Pick("tỷ đồng", "billion đồng"))
	addGrid(p, false)
	p.Y.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	names := make([]string, len(results))
	for i, r := range results {
		names[i] = wrap(nfc(r.Scenario), 14)
	}
	leg := newLegend()
	ch := &Chart{
		Name: "cost-components", Title: p.Title.Text, Plot: p, Legend: leg,
		Width: chartWidth, Height: chartHeight,
		Columns: []string{"scenario", "component", "total_dong"},
	}
	var below *plotter.BarChart
	stackColors := []color.NRGBA{seriesColor(1), seriesColor(6), seriesColor(2), seriesColor(5)}
	for j, m := range costComponents {
		vals := make(plotter.Values, len(results))
		for i, r := range results {
			total := 0.0
			for _, y := range r.Metrics[m].Years {
				total += y.Mean
			}
			vals[i] = total / billion
			ch.Rows = append(ch.Rows, []string{r.Scenario, sim.Metrics[m].Name, money(total)})
		}
		bars, err := plotter.NewBarChart(vals, vg.Points(40))
		if err != nil {
			return nil, err
		}
		bars.Color = stackColors[j]
		bars.LineStyle.Width = 0
		if below != nil {
			bars.StackOn(below)
		}
		below = bars
		p.Add(bars)
		leg.Add(m.Text().In(lang), bars)
	}
	p.NominalX(names...)
	p.Y.Min = 0
	headroom(&p.Y)
	return ch, nil
}

// GapHeatMap draws a scenario's staffing gap — titles vacant on average
// in the year — for its worst communes (at most n, by their total over
// the horizon) year by year, on a colour scale of its own (0 to its
// largest value). To compare scenarios side by side use GapHeatMaps,
// which puts them all on one scale.
func GapHeatMap(r *sim.Result, n int, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	rs, err := worstCommunes(r, n)
	if err != nil {
		return nil, err
	}
	return gapHeatMap(r, rs, gapMax(rs), false, lang)
}

// GapHeatMaps draws GapHeatMap for every result on one shared colour
// scale, 0 to the largest value of any of them, so that equal colours mean
// the same number of vacant titles in every scenario.
func GapHeatMaps(results []*sim.Result, n int, lang model.Lang) ([]*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	ranked := make([][]rankedGap, len(results))
	hi := 0.0
	for i, r := range results {
		rs, err := worstCommunes(r, n)
		if err != nil {
			return nil, err
		}
		ranked[i] = rs
		hi = max(hi, gapMax(rs))
	}
	out := make([]*Chart, len(results))
	for i, r := range results {
		ch, err := gapHeatMap(r, ranked[i], hi, len(results) > 1, lang)
		if err != nil {
			return nil, err
		}
		out[i] = ch
	}
	return out, nil
}

// rankedGap is a commune's gap and its total over the horizon.
type rankedGap struct {
	g     sim.CommuneGap
	total float64
}

// worstCommunes are r's communes with the largest total gap, at most n.
func worstCommunes(r *sim.Result, n int) ([]rankedGap, error) {
	if r == nil || len(r.Gaps) == 0 {
		return nil, errors.New("report: a gap heat map needs a result with communes")
	}
	if n < 1 {
		return nil, fmt.Errorf("report: heat map of %d communes", n)
	}
	var rs []rankedGap
	for _, g := range r.Gaps {
		t := 0.0
		for _, v := range g.Years {
			t += v
		}
		rs = append(rs, rankedGap{g, t})
	}
	slices.SortStableFunc(rs, func(a, b rankedGap) int {
		if c := cmp.Compare(b.total, a.total); c != 0 {
			return c
		}
		return cmp.Compare(a.g.Commune, b.g.Commune)
	})
	return rs[:min(n, len(rs))], nil
}

// gapMax is the largest yearly value (titles vacant on average) of rs.
func gapMax(rs []rankedGap) float64 {
	hi := 0.0
	for _, x := range rs {
		for _, v := range x.g.Years {
			hi = max(hi, v/12)
		}
	}
	return hi
}

// gapColors maps 0…hi to light (few vacancies) through dark (many),
// ColorBrewer YlOrRd.
func gapColors(hi float64) (palette.ColorMap, error) {
	// moreland wants the controls in increasing luminance: dark first,
	// then reversed.
	dark, err := moreland.NewLuminance([]color.Color{
		color.NRGBA{0x80, 0x00, 0x26, 0xff}, color.NRGBA{0xf0, 0x3b, 0x20, 0xff},
		color.NRGBA{0xfe, 0xb2, 0x4c, 0xff}, color.NRGBA{0xff, 0xff, 0xcc, 0xff},
	})
	if err != nil {
		return nil, err
	}
	dark.SetMin(0)
	dark.SetMax(max(hi, 1))
	return palette.Reverse(dark), nil
}

// gapHeatMap draws the heat map of rs, r's worst communes, on the colour
// scale 0…hi; shared says the scale is shared with other scenarios.
func gapHeatMap(r *sim.Result, rs []rankedGap, hi float64, shared bool, lang model.Lang) (*Chart, error) {
	grid := &gapGrid{years: calendarYears(r.Start, r.Years)}
	labels := make([]string, len(rs))
	for i, x := range rs {
		row := make([]float64, r.Years)
		for y, v := range x.g.Years {
			row[y] = v / 12 // title-months → titles vacant on average
		}
		grid.rows = append(grid.rows, row)
		name := x.g.Name
		if name == "" {
			name = x.g.Commune
		}
		labels[i] = nfc(name)
	}
	top := max(hi, 1)
	cm, err := gapColors(top)
	if err != nil {
		return nil, err
	}
	heat := plotter.NewHeatMap(grid, cm.Palette(64))
	heat.Min, heat.Max = 0, top

	xLabel := lang.Pick("Năm (màu: số chức danh trống, trung bình trong năm)", "Year (colour: titles vacant, mean over the year)")
	if shared {
		xLabel = lang.Pick("Năm (màu: số chức danh trống, trung bình trong năm; cùng thang màu cho mọi phương án)",
			"Year (colour: titles vacant, mean over the year; one colour scale for every scenario)")
	}
	p := newPlot(
		fmt.Sprintf(lang.Pick("Chức danh trống — %s, %d xã thiếu nhiều nhất", "Vacant titles — %s, the %d worst communes"), r.Scenario, len(rs)),
		xLabel, "")
	p.X.Label.Text = wrap(p.X.Label.Text, 80)
	p.Add(heat)
	p.X.Tick.Marker = yearTicks(int(grid.years[0]), int(grid.years[len(grid.years)-1]))
	var ticks plot.ConstantTicks
	for i, l := range labels {
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: l})
	}
	p.Y.Tick.Marker = ticks
	p.Y.Tick.Label.Font = font.From(chartFont, 7)
	p.Y.Min, p.Y.Max = -0.5, float64(len(rs))-0.5
	p.Y.Scale = flipped{}
	p.X.Min, p.X.Max = grid.years[0]-0.5, grid.years[len(grid.years)-1]+0.5

	bar := &colorBar{cm: cm, lo: 0, hi: top, unit: lang.Pick("chức danh", "titles"), lang: lang}
	ch := &Chart{
		Name: "gaps-" + r.Scenario, Title: p.Title.Text, Plot: p,
		Side: func(dc draw.Canvas) {
			// The column spans the plot's height: line the bar up with
			// the data area.
			da := p.DataCanvas(dc)
			bar.draw(dc, dc.Max.Y-da.Max.Y, da.Min.Y-dc.Min.Y)
		},
		SideWidth: 1.8 * vg.Centimeter,
		Width:     chartWidth, Height: vg.Length(max(9.5, 3.5+0.42*float64(len(rs)))) * vg.Centimeter,
		Columns:    []string{"commune", "name", "year", "calendar_year", "vacant_title_months_mean"},
		colorScale: [2]float64{0, top},
	}
	for _, x := range rs {
		for y, v := range x.g.Years {
			ch.Rows = append(ch.Rows, []string{x.g.Commune, x.g.Name, strconv.Itoa(y + 1), strconv.Itoa(int(grid.years[y])), number(v)})
		}
	}
	return ch, nil
}

// gapGrid is a heat map's grid: rows are communes (0 at the top), columns
// years.
type gapGrid struct {
	years []float64
	rows  [][]float64
}

func (g *gapGrid) Dims() (c, r int)   { return len(g.years), len(g.rows) }
func (g *gapGrid) Z(c, r int) float64 { return g.rows[r][c] }
func (g *gapGrid) X(c int) float64    { return g.years[c] }
func (g *gapGrid) Y(r int) float64    { return float64(r) }

// flipped puts the first row at the top.
type flipped struct{}

func (flipped) Normalize(min, max, x float64) float64 { return (max - x) / (max - min) }

// classKeys are the groups of units headcount is counted by.
type classKey struct {
	level model.Level
	class model.Class
}

// classLabel names a group of units.
func classLabel(k classKey, lang model.Lang) string {
	if k.level == model.Village {
		return lang.Pick("Thôn, tổ dân phố", "Villages")
	}
	switch k.class {
	case model.ClassI:
		return lang.Pick("Xã loại I", "Communes, class I")
	case model.ClassII:
		return lang.Pick("Xã loại II", "Communes, class II")
	case model.ClassIII:
		return lang.Pick("Xã loại III", "Communes, class III")
	}
	return lang.Pick("Xã chưa phân loại", "Communes, unclassified")
}

// headcountByClass counts the people holding titles in each group of
// units: by the unit of their main title (or their first title).
func headcountByClass(s *model.Scenario, plan model.Plan) map[classKey]int {
	units := make(map[string]*model.Unit, len(s.Units))
	for i := range s.Units {
		units[s.Units[i].Code] = &s.Units[i]
	}
	where := map[string]string{}
	for _, a := range plan.Assignments {
		if _, seen := where[a.Person]; !seen || a.Main {
			where[a.Person] = a.Unit
		}
	}
	out := map[classKey]int{}
	for _, code := range where {
		u, ok := units[code]
		if !ok {
			continue
		}
		k := classKey{level: u.Level}
		if u.Level != model.Village {
			k.level, k.class = model.Commune, u.Class
		}
		out[k]++
	}
	return out
}

// HeadcountByClass draws grouped bars of the people holding titles by
// class of unit: today (the first scenario's holders) and under each
// scenario's plan.
func HeadcountByClass(scenarios []Scenario, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if len(scenarios) == 0 {
		return nil, errors.New("report: no scenario")
	}
	type series struct {
		name   string
		counts map[classKey]int
	}
	first := scenarios[0].Model
	all := []series{{lang.Pick("Hiện nay", "Today"), headcountByClass(first, first.CurrentPlan())}}
	for _, s := range scenarios {
		if s.Model == nil || s.Plan == nil {
			return nil, errors.New("report: scenario without model or plan")
		}
		all = append(all, series{scenarioLabel(s, lang), headcountByClass(s.Model, s.Plan.Plan)})
	}
	keySet := map[classKey]bool{}
	for _, s := range all {
		for k := range s.counts {
			keySet[k] = true
		}
	}
	keys := make([]classKey, 0, len(keySet))
	for k := range keySet {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b classKey) int {
		if c := cmp.Compare(a.level, b.level); c != 0 {
			return c
		}
		return cmp.Compare(a.class, b.class)
	})
	p := newPlot(lang.Pick("Số người giữ chức danh theo loại đơn vị", "People holding titles by class of unit"), "", lang.Pick("người", "people"))
	addGrid(p, false)
	p.Y.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	leg := newLegend()
	ch := &Chart{
		Name: "headcount-by-class", Title: p.Title.Text, Plot: p, Legend: leg,
		Width: chartWidth, Height: chartHeight,
		Columns: []string{"class", "series", "people"},
	}
	w := vg.Points(math.Min(18, 260/float64(len(all)*max(1, len(keys)))))
	for i, s := range all {
		vals := make(plotter.Values, len(keys))
		for j, k := range keys {
			vals[j] = float64(s.counts[k])
			ch.Rows = append(ch.Rows, []string{classLabel(k, lang), s.name, strconv.Itoa(s.counts[k])})
		}
		bars, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return nil, err
		}
		bars.Color = seriesColor(i)
		if i == 0 {
			bars.Color = color.NRGBA{0xbb, 0xbb, 0xbb, 0xff}
		}
		bars.LineStyle.Width = 0
		bars.Offset = w * vg.Length(float64(i)-float64(len(all)-1)/2)
		p.Add(bars)
		leg.Add(nfc(s.name), bars)
	}
	labels := make([]string, len(keys))
	for j, k := range keys {
		labels[j] = classLabel(k, lang)
	}
	p.NominalX(labels...)
	p.Y.Min = 0
	headroom(&p.Y)
	return ch, nil
}

// Tornado draws how the variant's net savings move when each factor is
// scaled down and up: one bar per factor from its low to its high result,
// widest at the top, around the unchanged result.
func Tornado(s *sim.Sensitivity, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if s == nil || len(s.Effects) == 0 {
		return nil, errors.New("report: a tornado chart needs a sensitivity analysis")
	}
	effects := slices.Clone(s.Effects)
	slices.SortStableFunc(effects, func(a, b sim.Effect) int {
		return cmp.Compare(math.Abs(a.AtHigh.P50-a.AtLow.P50), math.Abs(b.AtHigh.P50-b.AtLow.P50))
	})
	p := newPlot(
		fmt.Sprintf(lang.Pick("Độ nhạy: tiết kiệm ròng %d năm của %s (±%.0f %%)", "Sensitivity: %d-year net savings of %s (±%.0f %%)"),
			s.Years, s.Variant, (s.High-1)*100),
		lang.Pick("Tiết kiệm ròng, trung vị (tỷ đồng)", "Net savings, median (billion đồng)"), "")
	addGrid(p, true)
	p.X.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	bars := &tornadoBars{base: s.Base.P50 / billion}
	labels := make([]string, len(effects))
	ch := &Chart{
		Name: "tornado", Title: p.Title.Text, Plot: p, Legend: newLegend(),
		Width: chartWidth, Height: chartHeight,
		Columns: []string{"factor", "low_multiplier", "high_multiplier", "net_savings_low_p50", "net_savings_high_p50", "net_savings_base_p50", "years"},
	}
	for i, e := range effects {
		bars.low = append(bars.low, e.AtLow.P50/billion)
		bars.high = append(bars.high, e.AtHigh.P50/billion)
		labels[i] = sim.FactorText(e.Factor).In(lang)
	}
	for _, e := range s.Effects {
		ch.Rows = append(ch.Rows, []string{e.Factor, number(s.Low), number(s.High), money(e.AtLow.P50), money(e.AtHigh.P50), money(s.Base.P50), strconv.Itoa(s.Years)})
	}
	p.Add(bars)
	p.NominalY(labels...)
	ch.Legend.Add(fmt.Sprintf("× %s", formatNumber(lang, s.Low, 1)), thumb(lowColor))
	ch.Legend.Add(fmt.Sprintf("× %s", formatNumber(lang, s.High, 1)), thumb(highColor))
	ch.Legend.Add(lang.Pick("giữ nguyên", "unchanged"), lineThumb{})
	return ch, nil
}

var (
	lowColor  = seriesColor(1)
	highColor = seriesColor(2)
)

// tornadoBars draws, for factor i at y = i, a bar from the base to the low
// result and one from the base to the high result, and the base line.
type tornadoBars struct {
	base      float64
	low, high []float64
}

func (t *tornadoBars) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	half := vg.Points(9)
	for i := range t.low {
		y := ty(float64(i))
		for _, b := range []struct {
			v   float64
			col color.Color
		}{{t.low[i], lowColor}, {t.high[i], highColor}} {
			x0, x1 := tx(t.base), tx(b.v)
			if x0 > x1 {
				x0, x1 = x1, x0
			}
			r := vg.Rectangle{Min: vg.Point{X: x0, Y: y - half}, Max: vg.Point{X: x1, Y: y + half}}
			c.SetColor(b.col)
			c.Fill(r.Path())
		}
	}
	x := tx(t.base)
	c.StrokeLine2(draw.LineStyle{Color: color.Black, Width: vg.Points(1)}, x, c.Min.Y, x, c.Max.Y)
}

func (t *tornadoBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = t.base, t.base
	for i := range t.low {
		xmin = min(xmin, t.low[i], t.high[i])
		xmax = max(xmax, t.low[i], t.high[i])
	}
	pad := (xmax - xmin) * 0.05
	if pad == 0 {
		pad = math.Max(1, math.Abs(t.base)*0.05)
	}
	return xmin - pad, xmax + pad, -0.5, float64(len(t.low)) - 0.5
}

// thumb is a legend swatch of one colour.
type thumb color.NRGBA

func (t thumb) Thumbnail(c *draw.Canvas) {
	c.SetColor(color.NRGBA(t))
	c.Fill(c.Rectangle.Path())
}

// lineSwatch is a legend swatch of a horizontal line.
type lineSwatch struct{ c color.Color }

func (l lineSwatch) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(draw.LineStyle{Color: l.c, Width: vg.Points(1.6)}, c.Min.X, y, c.Max.X, y)
}

// lineThumb is a legend swatch of a black vertical line.
type lineThumb struct{}

func (lineThumb) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.StrokeLine2(draw.LineStyle{Color: color.Black, Width: vg.Points(1)}, x, c.Min.Y, x, c.Max.Y)
}

// axisUnit names the unit of a chart's values.
func axisUnit(unit string, lang model.Lang) (string, float64) {
	if unit == moneyUnit {
		return moneyAxis(lang), billion
	}
	return unit, 1
}

// SweepChart draws a result over a grid of a parameter: ys[i] is its
// distribution at xs[i], shown as the median line and the p5–p95 band.
// Money (unit "đồng") is drawn in tỷ đồng.
func SweepChart(title, xLabel string, xs []float64, ys []sim.Summary, unit string, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if len(xs) == 0 || len(xs) != len(ys) {
		return nil, fmt.Errorf("report: sweep of %d points with %d results", len(xs), len(ys))
	}
	if !slices.IsSorted(xs) {
		return nil, errors.New("report: sweep points must be in increasing order")
	}
	yLabel, scale := axisUnit(unit, lang)
	p := newPlot(title, xLabel, yLabel)
	addGrid(p, true)
	p.X.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	p.Y.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	lo, hi, mid := make([]float64, len(xs)), make([]float64, len(xs)), make(plotter.XYs, len(xs))
	ch := &Chart{
		Name: "sweep", Title: p.Title.Text, Plot: p, Legend: newLegend(),
		Width: chartWidth, Height: chartHeight,
		Columns: []string{"x", "p5", "p25", "p50", "p75", "p95", "mean", "unit"},
	}
	for i, s := range ys {
		lo[i], hi[i] = s.P5/scale, s.P95/scale
		mid[i] = plotter.XY{X: xs[i], Y: s.P50 / scale}
		ch.Rows = append(ch.Rows, []string{number(xs[i]), number(s.P5), number(s.P25), number(s.P50), number(s.P75), number(s.P95), number(s.Mean), unit})
	}
	col := seriesColor(1)
	b, err := band(xs, lo, hi, withAlpha(col, 0.2))
	if err != nil {
		return nil, err
	}
	line, err := plotter.NewLine(mid)
	if err != nil {
		return nil, err
	}
	line.Color, line.Width = col, vg.Points(1.6)
	pts, err := plotter.NewScatter(mid)
	if err != nil {
		return nil, err
	}
	pts.Color = col
	p.Add(b, line, pts)
	ch.Legend.Add(lang.Pick("trung vị", "median"), line)
	ch.Legend.Add("p5–p95", b)
	return ch, nil
}

// RankedBars draws horizontal bars of values by label, the largest at the
// top. Money (unit "đồng") is drawn in tỷ đồng.
func RankedBars(title, unit string, labels []string, values []float64, lang model.Lang) (*Chart, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if len(labels) == 0 || len(labels) != len(values) {
		return nil, fmt.Errorf("report: %d labels for %d values", len(labels), len(values))
	}
	order := make([]int, len(values))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(values[a], values[b]) })
	xLabel, scale := axisUnit(unit, lang)
	p := newPlot(title, xLabel, "")
	addGrid(p, true)
	p.X.Tick.Marker = localTicks{plot.DefaultTicks{}, lang}
	vals := make(plotter.Values, len(order))
	names := make([]string, len(order))
	ch := &Chart{
		Name: "ranked", Title: p.Title.Text, Plot: p,
		Width: chartWidth, Height: vg.Length(max(9.5, 3+0.42*float64(len(order)))) * vg.Centimeter,
		Columns: []string{"rank", "label", "value", "unit"},
	}
	for i, k := range order {
		vals[i] = values[k] / scale
		names[i] = nfc(labels[k])
	}
	for r := len(order) - 1; r >= 0; r-- {
		k := order[r]
		ch.Rows = append(ch.Rows, []string{strconv.Itoa(len(order) - r), labels[k], number(values[k]), unit})
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(math.Min(14, 300/float64(len(vals)))))
	if err != nil {
		return nil, err
	}
	bars.Horizontal = true
	bars.Color = seriesColor(1)
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalY(names...)
	p.Y.Tick.Label.Font = font.From(chartFont, 7)
	headroom(&p.X)
	return ch, nil
}

// headroom leaves a little space beyond the longest bar, so that it does
// not run into the edge of the plot. The axis's range is read from its
// plotters, which must have been added.
func headroom(a *plot.Axis) {
	if a.Max > 0 {
		a.Max *= 1.05
	}
	if a.Min < 0 {
		a.Min *= 1.05
	}
}
