package report

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// colorBar is a heat map's colour scale drawn as vector shapes: steps
// filled rectangles from lo (bottom) to hi (top), outlined, with ticks and
// labels at its right and the unit above. gonum/plot's own ColorBar is a
// one-pixel-wide raster image scaled up, which SVG viewers draw as a
// hairline and rsvg-convert's PDF loses.
type colorBar struct {
	cm     palette.ColorMap
	lo, hi float64
	unit   string
	lang   model.Lang
}

// colorBarSteps is how many bands the bar is drawn in: more than the eye
// tells apart, few enough to keep the SVG small.
const colorBarSteps = 48

// barWidth is the width of the bar itself.
var barWidth = vg.Points(11)

// draw draws the bar in dc, the chart's side column, leaving top and
// bottom margins level with the plot's data area.
func (b *colorBar) draw(dc draw.Canvas, top, bottom vg.Length) {
	x0 := dc.Min.X + vg.Points(6)
	y0, y1 := dc.Min.Y+bottom, dc.Max.Y-top
	if y1 <= y0 || b.hi <= b.lo {
		return
	}
	h := (y1 - y0) / colorBarSteps
	for i := range colorBarSteps {
		v := b.lo + (b.hi-b.lo)*(float64(i)+0.5)/colorBarSteps
		c, err := b.cm.At(v)
		if err != nil {
			c = color.Black
		}
		dc.SetColor(c)
		// Overlap by a hair so no seam shows between bands.
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: y0 + h*vg.Length(i)}, Max: vg.Point{X: x0 + barWidth, Y: y0 + h*vg.Length(i+1) + vg.Points(0.3)}}
		dc.Fill(r.Path())
	}
	edge := draw.LineStyle{Color: color.Gray{Y: 0x66}, Width: vg.Points(0.5)}
	outline := vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x0 + barWidth, Y: y1}}
	dc.StrokeLines(edge, []vg.Point{outline.Min, {X: outline.Max.X, Y: outline.Min.Y}, outline.Max, {X: outline.Min.X, Y: outline.Max.Y}, outline.Min})
	style := plottext.Style{Color: color.Black, Font: font.From(chartFont, 8), XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	for _, t := range (localTicks{plot.DefaultTicks{}, b.lang}).Ticks(b.lo, b.hi) {
		if t.Label == "" || t.Value < b.lo || t.Value > b.hi {
			continue
		}
		y := y0 + (y1-y0)*vg.Length((t.Value-b.lo)/(b.hi-b.lo))
		dc.StrokeLine2(edge, x0+barWidth, y, x0+barWidth+vg.Points(3), y)
		dc.FillText(style, vg.Point{X: x0 + barWidth + vg.Points(5), Y: y}, t.Label)
	}
	if b.unit != "" {
		head := style
		head.YAlign = draw.YBottom
		dc.FillText(head, vg.Point{X: x0, Y: y1 + vg.Points(5)}, b.unit)
	}
}
