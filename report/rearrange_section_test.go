package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// sectionOf cuts the rearrangement section out of a page, each inlined
// chart replaced by its size so that the fragment diffs as text.
func sectionOf(page []byte) string {
	s := string(page)
	i := strings.Index(s, `<section id="rearrangement">`)
	if i < 0 {
		return ""
	}
	s = s[i:]
	s = s[:strings.Index(s, "</section>")+len("</section>")]
	return regexp.MustCompile(`(?s)<svg.*?</svg>`).ReplaceAllStringFunc(s, func(m string) string {
		return fmt.Sprintf("<svg %d bytes/>", len(m))
	})
}

// TestRearrangeSectionAbsent: without a rearrangement, or with none but
// nil ones, the report has no rearrangement section, chart or file; a
// list of the wrong length is refused.
func TestRearrangeSectionAbsent(t *testing.T) {
	for _, tt := range []struct {
		name string
		rs   []*RearrangeSummary
	}{{"none", nil}, {"all nil", []*RearrangeSummary{nil, nil, nil}}} {
		t.Run(tt.name, func(t *testing.T) {
			c := *testComparison(t)
			c.Rearrangements = tt.rs
			files, err := Build(t.Context(), &c, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if strings.HasPrefix(f.Name, "rearrange") {
					t.Errorf("file %s written without a rearrangement", f.Name)
				}
				if f.Name == ReportHTML && (strings.Contains(string(f.Data), `id="rearrangement"`) || strings.Contains(string(f.Data), "Sắp xếp thôn")) {
					t.Error("report.html has a rearrangement section without a rearrangement")
				}
			}
		})
	}
	c := *testComparison(t)
	c.Rearrangements = []*RearrangeSummary{nil}
	if _, err := Charts(&c); !errors.Is(err, ErrMismatch) {
		t.Errorf("one rearrangement for 3 scenarios: %v, want ErrMismatch", err)
	}
}

// TestRearrangeSectionGolden pins the section's HTML, its tables and its
// charts' data, in both languages.
func TestRearrangeSectionGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.Vietnamese, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			c := rearrangedComparison(t, lang)
			files, err := Build(t.Context(), c, []string{"svg"})
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string][]byte{}
			for _, f := range files {
				byName[f.Name] = f.Data
			}
			dir := filepath.Join("testdata", "golden", "rearrange")
			golden.Assert(t, filepath.Join(dir, "section-"+string(lang)+".html"), []byte(sectionOf(byName[ReportHTML])+"\n"))
			for _, name := range []string{RearrangementCSV, RearrangementBelowCSV, "rearrange-villages.csv", "rearrange-bands.csv"} {
				if byName[name] == nil {
					t.Errorf("%s not written", name)
					continue
				}
				golden.Assert(t, filepath.Join(dir, strings.TrimSuffix(name, ".csv")+"-"+string(lang)+".csv"), byName[name])
			}
			for _, name := range []string{RearrangementXLSX, "rearrange-villages.svg", "rearrange-bands.svg"} {
				if len(byName[name]) == 0 {
					t.Errorf("%s not written", name)
				}
			}
			conclusion, err := Conclusion(c)
			if err != nil {
				t.Fatal(err)
			}
			own := rearrangeConclusion(c)
			for _, s := range own {
				if !slices.Contains(conclusion, s) {
					t.Errorf("the conclusion does not say %q", s)
				}
			}
			golden.Assert(t, filepath.Join(dir, "conclusion-"+string(lang)+".txt"), []byte(strings.Join(own, "\n")+"\n"))
		})
	}
}

// TestRearrangeChartsMatchSummaries: every point of the villages chart is
// a commune's villages before or after in its scenario's summary, and the
// bands chart's bars are the summaries' bands, summing to 100 %.
func TestRearrangeChartsMatchSummaries(t *testing.T) {
	for _, lang := range []model.Lang{model.Vietnamese, model.English} {
		c := rearrangedComparison(t, lang)
		charts, err := RearrangeCharts(c)
		if err != nil || len(charts) != 2 {
			t.Fatalf("%s: %d charts, %v", lang, len(charts), err)
		}
		villages, bands := charts[0], charts[1]
		want := map[string]string{}
		for i, sum := range c.Rearrangements {
			if sum == nil {
				continue
			}
			for _, cb := range sum.ByCommune {
				want[cb.Commune+"/before/"] = strconv.Itoa(cb.Before.Villages)
				want[cb.Commune+"/after/"+c.Scenarios[i].Model.Name] = strconv.Itoa(cb.After.Villages)
			}
		}
		if len(villages.Rows) != len(want) {
			t.Errorf("%s: villages chart has %d rows, want %d", lang, len(villages.Rows), len(want))
		}
		last := math.MaxInt
		for _, r := range villages.Rows {
			if got := want[r[0]+"/"+r[2]+"/"+r[3]]; got != r[4] {
				t.Errorf("%s: villages chart row %v, summary says %s", lang, r, got)
			}
			if r[2] == "before" {
				n, _ := strconv.Atoi(r[4])
				if n > last {
					t.Errorf("%s: commune %s (%d villages) after one of %d: not sorted", lang, r[0], n, last)
				}
				last = n
			}
		}
		checkBands(t, c, bands)
	}
}

// checkBands checks the bands chart's rows against c's summaries.
func checkBands(t *testing.T, c *Comparison, ch *Chart) {
	t.Helper()
	totals := map[string]float64{}
	for _, r := range ch.Rows {
		var b Bands
		for i, sum := range c.Rearrangements {
			if sum != nil && (r[2] == "" || r[2] == c.Scenarios[i].Model.Name) {
				b = sum.BandsAfter
				if r[1] == "before" {
					b = sum.BandsBefore
				}
				break
			}
		}
		band := model.FloorBands[slices.IndexFunc(model.FloorBands[:], func(f model.FloorBand) bool { return f.String() == r[3] })]
		n, share := bandOf(b, band)
		pct, _ := strconv.ParseFloat(r[5], 64)
		if r[4] != strconv.Itoa(n) || math.Abs(pct-100*share) > 0.005 {
			t.Errorf("bands chart row %v, summary says %d (%.2f %%)", r, n, 100*share)
		}
		totals[r[0]] += pct
	}
	if want := len(bandsBars(c)); len(totals) != want || want < 3 {
		t.Errorf("%d bars, want %d (at least a before and two afters)", len(totals), want)
	}
	for bar, sum := range totals {
		if math.Abs(sum-100) > 0.02 {
			t.Errorf("bar %s sums to %.2f %%", bar, sum)
		}
	}
}

// TestRearrangeBandsBarsPerFloor: rearrangements that measure the same
// villages against different floors each get their bar before; against
// the same floors, one bar before is shared.
func TestRearrangeBandsBarsPerFloor(t *testing.T) {
	c := rearrangedComparison(t, model.English) // floors 350 and 500
	for _, tt := range []struct {
		name string
		same bool
		want []string
	}{
		{"different floors", false, []string{"before", "after", "before", "after"}},
		{"same floors", true, []string{"before", "after", "after"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cc := *c
			cc.Rearrangements = slices.Clone(c.Rearrangements)
			if tt.same {
				second := *cc.Rearrangements[2]
				second.BandsBefore = cc.Rearrangements[1].BandsBefore
				cc.Rearrangements[2] = &second
			}
			var got []string
			for _, b := range bandsBars(&cc) {
				got = append(got, b.when)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("bars %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRearrangeVillagesChartManyCommunes: 69 communes (the default) give
// a chart tall enough for a row each, every commune labelled; a country's
// communes are cut to the maxVillageRows with the most villages, and the
// title says so, while the CSV keeps them all.
func TestRearrangeVillagesChartManyCommunes(t *testing.T) {
	for _, tt := range []struct {
		communes, drawn int
		cut             bool
	}{{69, 69, false}, {400, maxVillageRows, true}} {
		t.Run(strconv.Itoa(tt.communes), func(t *testing.T) {
			c := rearrangedComparison(t, model.English)
			sum := *c.Rearrangements[1]
			sum.ByCommune = nil
			for k := range tt.communes {
				n := 5 + (k*37)%23
				sum.ByCommune = append(sum.ByCommune, CommuneBands{Commune: fmt.Sprintf("%05d", k), CommuneName: fmt.Sprintf("Xã Thử Nghiệm Số %d", k),
					Before: Bands{Villages: n}, After: Bands{Villages: n - n/3}})
			}
			c.Rearrangements = []*RearrangeSummary{nil, &sum, nil}
			ch, err := RearrangeVillagesChart(c)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(ch.Plot.Y.Tick.Marker.Ticks(ch.Plot.Y.Min, ch.Plot.Y.Max)); got != tt.drawn {
				t.Errorf("%d commune labels, want %d", got, tt.drawn)
			}
			if least := vg.Length(0.25*float64(tt.drawn)) * vg.Centimeter; ch.Height < least {
				t.Errorf("chart %v high for %d communes, want at least %v", ch.Height, tt.drawn, least)
			}
			if len(ch.Rows) != 2*tt.communes {
				t.Errorf("%d data rows, want %d", len(ch.Rows), 2*tt.communes)
			}
			if cut := strings.Contains(ch.Title, "with the most villages"); cut != tt.cut {
				t.Errorf("title %q: says it is cut %v, want %v", ch.Title, cut, tt.cut)
			}
			if _, err := ch.Render("png"); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestRearrangeSentence: the conclusion's sentence, generated from the
// figures, in both languages.
func TestRearrangeSentence(t *testing.T) {
	sum := &RearrangeSummary{VillagesBefore: 1407, VillagesAfter: 921, Merges: 486}
	people := `{"people": {"released": 1458, "severance": 84000000000, "allowances_before": 300000000000, "allowances_after": 215900000000}}`
	if err := json.Unmarshal([]byte(people), sum); err != nil {
		t.Fatal(err)
	}
	below := &RearrangeSummary{VillagesBefore: 10, VillagesAfter: 8, Merges: 2,
		Below: []BelowFloor{{Reason: "no-neighbour"}, {Reason: "exempt"}, {Reason: "no-neighbour"}}}
	for _, tt := range []struct {
		name string
		sum  *RearrangeSummary
		lang model.Lang
		want string
	}{
		{"all meet, vi", sum, model.Vietnamese, "NĐ 185: nhập 486 trong 1.407 thôn (còn 921 thôn); mọi thôn đều đạt mức chuẩn số hộ; 1.458 người nghỉ việc, trợ cấp thôi việc 84,00 tỷ đồng; phụ cấp tiết kiệm 84,10 tỷ đồng mỗi năm."},
		{"all meet, en", sum, model.English, "NĐ 185 merges 486 of 1,407 villages (into 921); every village reaches its floor; 1,458 people released, severance 84.00 billion đồng; allowances: 84.10 billion đồng saved a year."},
		{"below, en", below, model.English, "NĐ 185 merges 2 of 10 villages (into 8); 3 remain below their floor (no neighbour to merge with: 2; exempt: 1)."},
		{"below, vi", below, model.Vietnamese, "NĐ 185: nhập 2 trong 10 thôn (còn 8 thôn); 3 thôn vẫn dưới mức chuẩn (không có thôn liền kề để nhập: 2; thuộc diện đặc thù: 1)."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := rearrangeSentence("NĐ 185", tt.sum, tt.lang); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestRearrangeSectionFallbacks: a summary made in the other language
// shows its reasons by name in the report's; one without people shows
// dashes for the people and money; the as-is column keeps today's.
func TestRearrangeSectionFallbacks(t *testing.T) {
	c := rearrangedComparison(t, model.English)
	vi := *c.Rearrangements[2]
	vi.Lang = model.Vietnamese
	vi.People = nil
	c.Rearrangements[2] = &vi
	sec, err := rearrangeHTML(c)
	if err != nil {
		t.Fatal(err)
	}
	cell := func(label string, col int) string {
		for _, r := range sec.Rows {
			if r[0] == label {
				return r[col]
			}
		}
		t.Fatalf("no row %q", label)
		return ""
	}
	for _, tt := range []struct {
		label string
		col   int
		want  string
	}{
		{"People before → after", 1, "24 → 24"},
		{"People before → after", 2, "24 → 18"},
		{"People before → after", 3, "—"},
		{"Severance (billion đồng)", 3, "—"},
		{"Communes proven optimal", 1, "—"},
		{"Villages still below their floor", 1, "6"},
		{"Goal", 3, "fewest merges"},
	} {
		if got := cell(tt.label, tt.col); got != tt.want {
			t.Errorf("%s, column %d: %q, want %q", tt.label, tt.col, got, tt.want)
		}
	}
	names := map[string]bool{}
	for _, t := range reasonTexts {
		names[t.En] = true
	}
	for _, r := range sec.Below.Rows {
		if r[0] == vi.Scenario && !names[r[5]] {
			t.Errorf("reason %q of a Vietnamese summary in an English report: want a reason's English name", r[5])
		}
	}
	if got := rearrangeSentence("x", &vi, model.English); strings.Contains(got, "released") {
		t.Errorf("sentence without people speaks of them: %q", got)
	}
}
