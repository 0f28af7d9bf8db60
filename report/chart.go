package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"image/color"
	"os/exec"
	"strings"
	"unicode/utf8"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Chart is one figure: a gonum/plot Plot, the entries of its legend (drawn
// beside the data area, never over it) and the data it shows as a table,
// written as CSV next to the image so that a planner can rebuild or check
// it.
type Chart struct {
	// Name is the file stem: "fan-savings" gives fan-savings.svg and
	// fan-savings.csv.
	Name string
	// Title is the caption, in the chart's language.
	Title string
	Plot  *plot.Plot
	// Legend is drawn in a column at the right of the plot; nil for none.
	Legend *plot.Legend
	// Side draws extra content (a colour bar) in a column of SideWidth at
	// the right of the plot.
	Side      func(draw.Canvas)
	SideWidth vg.Length
	// Width and Height are the size of the image.
	Width, Height vg.Length
	// Columns and Rows are the data shown, as written to the CSV file.
	Columns []string
	Rows    [][]string
	// colorScale is a heat map's colour scale, low and high; zero for
	// other charts.
	colorScale [2]float64
}

// Formats are the image formats Render writes.
var Formats = []string{"svg", "png", "pdf"}

// ErrNoConverter is returned when a PDF is asked for and rsvg-convert
// (Debian package librsvg2-bin) is not installed.
var ErrNoConverter = errors.New("report: PDF needs rsvg-convert (Debian package librsvg2-bin) and the Liberation fonts (fonts-liberation2)")

// Render draws the chart as "svg" (fonts embedded, so it shows the same
// anywhere), "png" (at 192 dots per inch) or "pdf" (the SVG converted by
// rsvg-convert: gonum/plot's own PDF back end garbles Vietnamese text).
func (c *Chart) Render(format string) ([]byte, error) {
	switch format {
	case "svg":
		return c.svg(true)
	case "png":
		cv := vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(192), vgimg.UseBackgroundColor(color.White))
		c.draw(draw.New(cv))
		var b bytes.Buffer
		if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(&b); err != nil {
			return nil, fmt.Errorf("report: %s.png: %w", c.Name, err)
		}
		return b.Bytes(), nil
	case "pdf":
		svg, err := c.svg(false)
		if err != nil {
			return nil, err
		}
		return svgToPDF(context.Background(), svg)
	}
	return nil, fmt.Errorf("report: image format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// svg draws the chart as SVG; without embedded fonts the text names
// Liberation Sans, which the reader must have (the HTML report embeds it
// once for all its charts).
func (c *Chart) svg(embed bool) (out []byte, err error) {
	// vgsvg panics when a font cannot be read; turn that into an error.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("report: %s.svg: %v", c.Name, r)
		}
	}()
	cv := vgsvg.NewWith(vgsvg.UseWH(c.Width, c.Height), vgsvg.EmbedFonts(embed))
	c.draw(draw.New(cv))
	var b bytes.Buffer
	if _, err := cv.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("report: %s.svg: %w", c.Name, err)
	}
	return b.Bytes(), nil
}

// draw lays the chart out on dc: the plot, then the side column.
func (c *Chart) draw(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	side := c.SideWidth
	if c.Legend != nil {
		r := c.Legend.Rectangle(dc)
		side = max(side, r.Max.X-r.Min.X+vg.Points(12))
	}
	plotArea := draw.Crop(dc, 0, -side, 0, 0)
	c.Plot.Draw(plotArea)
	if side == 0 {
		return
	}
	column := draw.Crop(dc, dc.Max.X-dc.Min.X-side, 0, 0, 0)
	if c.Side != nil {
		c.Side(column)
	}
	if c.Legend != nil {
		c.Legend.Draw(draw.Crop(column, vg.Points(6), 0, 0, -vg.Points(28)))
	}
}

// CSV writes the chart's data.
func (c *Chart) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(model.SpreadsheetSafeRecord(c.Columns)); err != nil {
		return nil, err
	}
	for _, r := range c.Rows {
		if err := w.Write(model.SpreadsheetSafeRecord(r)); err != nil {
			return nil, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// svgToPDF converts an SVG with rsvg-convert, which shapes Vietnamese
// text with the system's Liberation fonts.
func svgToPDF(ctx context.Context, svg []byte) ([]byte, error) {
	path, err := exec.LookPath("rsvg-convert")
	if err != nil {
		return nil, ErrNoConverter
	}
	cmd := exec.CommandContext(ctx, path, "--format", "pdf")
	cmd.Stdin = bytes.NewReader(svg)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("report: rsvg-convert: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if out.Len() == 0 {
		return nil, errors.New("report: rsvg-convert wrote nothing")
	}
	return out.Bytes(), nil
}

// Style shared by every chart.
var (
	chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
	boldFont  = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold}
	// palette: colour-blind-safe (Okabe–Ito), baseline first.
	seriesColors = []color.NRGBA{
		{0x55, 0x55, 0x55, 0xff}, // grey
		{0x00, 0x72, 0xb2, 0xff}, // blue
		{0xd5, 0x5e, 0x00, 0xff}, // vermilion
		{0x00, 0x9e, 0x73, 0xff}, // green
		{0xcc, 0x79, 0xa7, 0xff}, // purple
		{0xe6, 0x9f, 0x00, 0xff}, // orange
		{0x56, 0xb4, 0xe9, 0xff}, // sky
		{0xf0, 0xe4, 0x42, 0xff}, // yellow
	}
)

// seriesColor is the colour of series i.
func seriesColor(i int) color.NRGBA { return seriesColors[i%len(seriesColors)] }

// withAlpha returns c at opacity a (0–1).
func withAlpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(a * 255)
	return c
}

// newPlot returns a plot in the house style: sans-serif text, a bold title,
// light grid lines.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = wrap(nfc(title), 64)
	p.Title.TextStyle.Font = font.From(boldFont, 13)
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = nfc(xLabel)
	p.Y.Label.Text = nfc(yLabel)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(chartFont, 10)
		a.Tick.Label.Font = font.From(chartFont, 9)
	}
	p.Legend.TextStyle.Font = font.From(chartFont, 9)
	return p
}

// wrap breaks text into lines of at most width characters, after a hyphen
// or at a space: gonum/plot clips a title that does not fit instead of
// wrapping it, and runs long names under neighbouring bars together. A
// word longer than width keeps its own line.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for len(s) > 0 {
		i := strings.IndexAny(s, "- ")
		word := s
		if i >= 0 {
			word = s[:i+1]
		}
		s = s[len(word):]
		if line != "" && utf8.RuneCountInString(line+strings.TrimRight(word, " ")) > width {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		line += word
	}
	return strings.Join(append(lines, strings.TrimRight(line, " ")), "\n")
}

// newLegend returns a legend for the side column.
func newLegend() *plot.Legend {
	l := plot.NewLegend()
	l.TextStyle.Font = font.From(chartFont, 9)
	l.Top, l.Left = true, true
	l.ThumbnailWidth = vg.Points(14)
	l.Padding = vg.Points(3)
	return &l
}

// addGrid draws light grid lines under the data.
func addGrid(p *plot.Plot, vertical bool) {
	g := plotter.NewGrid()
	g.Horizontal.Color = color.Gray{Y: 0xdd}
	g.Vertical.Color = color.Gray{Y: 0xdd}
	if !vertical {
		g.Vertical.Width = 0
	}
	p.Add(g)
}

// localTicks formats an axis's ticks the local way (1.000 in Vietnamese),
// on the ticks the wrapped ticker chooses.
type localTicks struct {
	plot.Ticker
	lang model.Lang
}

// Ticks implements plot.Ticker.
func (t localTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := t.Ticker.Ticks(lo, hi)
	step := 0.0
	for i := 1; i < len(ticks); i++ {
		if ticks[i].Label != "" && ticks[i-1].Label != "" {
			step = ticks[i].Value - ticks[i-1].Value
			break
		}
	}
	decimals := 0
	for step > 0 && step < 1 && decimals < 4 {
		step *= 10
		decimals++
	}
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = formatNumber(t.lang, ticks[i].Value, decimals)
		}
	}
	return ticks
}

// yearTicks labels every calendar year (gonum/plot thins integer ticks).
func yearTicks(first, last int) plot.ConstantTicks {
	every := 1
	if last-first > 12 {
		every = (last - first + 11) / 12
	}
	var ticks plot.ConstantTicks
	for y := first; y <= last; y++ {
		label := ""
		if (y-first)%every == 0 {
			label = fmt.Sprint(y)
		}
		ticks = append(ticks, plot.Tick{Value: float64(y), Label: label})
	}
	return ticks
}
