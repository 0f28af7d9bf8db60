package report

import (
	"strings"
	"testing"
)

// TestHeatMapsShareOneVectorScale: the heat maps of a comparison share one
// colour scale, the largest value of any of them, and draw their colour
// bar as vector bands (no raster image) in SVG.
func TestHeatMapsShareOneVectorScale(t *testing.T) {
	c := testComparison(t)
	results := c.results()
	shared, err := GapHeatMaps(results, WorstCommunes, c.Lang)
	if err != nil {
		t.Fatal(err)
	}
	hi := 0.0
	own := map[float64]bool{}
	for i, r := range results {
		ch, err := GapHeatMap(r, WorstCommunes, c.Lang)
		if err != nil {
			t.Fatal(err)
		}
		hi = max(hi, ch.colorScale[1])
		own[ch.colorScale[1]] = true
		if shared[i].colorScale != shared[0].colorScale {
			t.Errorf("heat map %d is on 0–%v, heat map 1 on 0–%v", i+1, shared[i].colorScale[1], shared[0].colorScale[1])
		}
	}
	if len(own) < 2 {
		t.Fatalf("the fixture's heat maps have one maximum (%v): the test cannot tell shared from own scales", own)
	}
	if shared[0].colorScale != [2]float64{0, hi} {
		t.Errorf("shared scale %v, want [0 %v]", shared[0].colorScale, hi)
	}
	for _, ch := range shared {
		for _, embed := range []bool{false, true} {
			svg, err := ch.svg(embed)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(svg), "<image") {
				t.Errorf("%s.svg holds a raster image", ch.Name)
			}
			if n := strings.Count(string(svg), "<path"); n < colorBarSteps {
				t.Errorf("%s.svg has %d paths, fewer than the colour bar's %d bands", ch.Name, n, colorBarSteps)
			}
		}
	}
}
