package sim

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
)

// TestGoldenSummary pins the random streams: a fixed scenario and seed
// must give the same summary, digit for digit. Regenerate on purpose with
// go test ./sim -run GoldenSummary -update.
func TestGoldenSummary(t *testing.T) {
	base := testScenario(15, 1)
	variant := testScenario(15, 1)
	variant.Name = "half-rate"
	variant.Policy.ConcurrencyRate[0].Value = 0.5
	c, err := Config{Years: 5, Runs: 50, Seed: 7, Assigner: combineAssigner}.Compare(context.Background(), base, variant)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range append([]*Result{c.Baseline}, c.Variants...) {
		fmt.Fprintf(&b, "scenario %s start %s years %d runs %d seed %d initial %d seats %d\n", r.Scenario, r.Start, r.Years, r.Runs, r.Seed, r.InitialHeadcount, r.Seats)
		for _, rp := range r.Replans {
			fmt.Fprintf(&b, "  replan %s %-8s headcount %d changed %d kept %d\n", rp.Date, rp.Reason, rp.Headcount, rp.Changed, rp.Kept)
		}
		for _, m := range r.Metrics {
			writeSeries(&b, m)
		}
		for _, w := range r.Windows {
			fmt.Fprintf(&b, "  window %s %dy p5 %.0f p50 %.0f p95 %.0f\n", w.Metric, w.Years, w.P5, w.P50, w.P95)
		}
	}
	for _, d := range c.Differences {
		fmt.Fprintf(&b, "difference %s − %s\n", d.Variant, c.Baseline.Scenario)
		writeSeries(&b, d.Savings)
		for _, w := range d.NetSavings {
			fmt.Fprintf(&b, "  net savings %dy p5 %.0f p50 %.0f p95 %.0f\n", w.Years, w.P5, w.P50, w.P95)
		}
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "summary.txt"), []byte(b.String()))
}

func writeSeries(b *strings.Builder, s Series) {
	fmt.Fprintf(b, "  %-24s", s.Metric)
	for _, y := range s.Years {
		fmt.Fprintf(b, " %.6g/%.6g/%.6g", y.P5, y.P50, y.P95)
	}
	b.WriteByte('\n')
}
