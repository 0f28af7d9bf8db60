package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// Files simulate --out writes (and summaryFile, shared with optimize).
const (
	percentilesFile = "percentiles.csv"
	windowsFile     = "windows.csv"
)

// Limits of simulate's flags.
const (
	simMaxYears = 50
	simMaxRuns  = 100_000
)

// moneyUnit is the unit of amounts of money in sim's metrics.
const moneyUnit = "đồng"

// simulateConfig is what simulate runs with, read from its flags.
type simulateConfig struct {
	refs     []string // SCENARIO, or the baseline then SCENARIO
	sim      sim.Config
	out      string // --out directory, or ""
	asJSON   bool
	lang     model.Lang
	quiet    bool
	noReplan bool
	order    *model.ObjectiveOrder // --objective, or nil: each scenario's
}

// simulateFlags reads simulate's flags and arguments.
func simulateFlags(args []string) (*simulateConfig, error) {
	fs := newFlags("simulate")
	baselineRef := fs.String("baseline", "", "compare with this SCENARIO, on common random numbers (differences are SCENARIO minus baseline); as-is is SCENARIO's world as it is today")
	years := fs.Int("years", 10, fmt.Sprintf("years simulated, 1 to %d", simMaxYears))
	runs := fs.Int("runs", 1000, fmt.Sprintf("replications, 1 to %d", simMaxRuns))
	seed := fs.Uint64("seed", 1, "master seed (at least 1): the same seed gives the same output")
	out := fs.String("out", "", "write percentiles.csv, windows.csv and summary.json to this directory")
	asJSON := fs.Bool("json", false, "print a JSON summary")
	workers := fs.Int("workers", 0, "replications run at once (0: one per CPU); the output does not depend on it")
	rate := fs.Float64("discount", 0, "discount rate per year of the 5- and 10-year totals, in [0, 1) (0.05 = 5 %)")
	langArg := langFlag(fs, "language of the human summary")
	quiet := fs.Bool("quiet", false, "draw no progress bar")
	noReplan := fs.Bool("no-replan", false, "never re-plan: holders keep their titles, recruits inherit the titles of those who leave")
	objective := objectiveFlag(fs)
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	order, err := parseObjective(fs, *objective)
	if err != nil {
		return nil, err
	}
	if fs.NArg() != 1 {
		return nil, usagef("simulate needs exactly one SCENARIO")
	}
	if *years < 1 || *years > simMaxYears {
		return nil, usagef("--years must be between 1 and %d, got %d", simMaxYears, *years)
	}
	if *runs < 1 || *runs > simMaxRuns {
		return nil, usagef("--runs must be between 1 and %d, got %d", simMaxRuns, *runs)
	}
	if *seed == 0 {
		return nil, usagef("--seed must be at least 1")
	}
	if *workers < 0 {
		return nil, usagef("--workers must not be negative, got %d", *workers)
	}
	if !(*rate >= 0 && *rate < 1) { // also rejects NaN
		return nil, usagef("--discount must be at least 0 and below 1, got %v", *rate)
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	if fs.Changed("baseline") && *baselineRef == "" {
		return nil, usagef("--baseline needs a SCENARIO")
	}
	if err := checkOutDir("--out", *out); *out != "" && err != nil {
		return nil, err
	}
	c := &simulateConfig{refs: []string{fs.Arg(0)}, out: *out, asJSON: *asJSON, lang: lang, quiet: *quiet, noReplan: *noReplan, order: order,
		sim: sim.Config{Years: *years, Runs: *runs, Seed: *seed, Workers: *workers, DiscountRate: *rate}}
	if *baselineRef != "" {
		c.refs = []string{*baselineRef, fs.Arg(0)}
	}
	if _, err := asIsWorld(c.refs); err != nil {
		return nil, err
	}
	return c, nil
}

// loadSimulate loads the scenarios, baseline first, and refuses outputs
// that would overwrite any of their files before reading any data.
func loadSimulate(c *simulateConfig) ([]*scenarios.Scenario, error) {
	loaded := make([]*scenarios.Scenario, len(c.refs))
	var inputs []string
	for i, ref := range c.refs {
		s, err := loadRef(ref)
		if err != nil || s == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		loaded[i] = s
		inputs = append(inputs, s.Data.Files()...)
		inputs = append(inputs, s.Chain...)
	}
	var outputs []string
	if c.out != "" {
		for _, name := range []string{percentilesFile, windowsFile, summaryFile} {
			outputs = append(outputs, filepath.Join(c.out, name))
		}
	}
	if err := atomicfile.CheckDistinct(inputs, outputs); err != nil {
		return nil, usagef("%v: choose another --out", err)
	}
	return loaded, loadData(loaded, c.refs, c.lang)
}

// simulateRun simulates the scenario (against the baseline, if any) and
// prints or writes the result.
func simulateRun(ctx context.Context, c *simulateConfig, e *env) error {
	loaded, err := loadSimulate(c)
	if err != nil {
		return err
	}
	reportWarnings(e.stderr, e.lang, loaded...)
	cfg := c.sim
	cfg.Mergers = mergePlanner(c.lang)
	if !c.noReplan {
		// Caching: a pool the next re-plan hands over unchanged is not
		// solved again. The as-is world is never re-planned.
		cfg.Assigner = asIsAssigner{next: optimize.NewAssigner(objectiveSettings(c.order))}
	}
	for _, s := range loaded {
		if s.Name == asIsRef {
			if _, _, err := asIsPlan(e.stderr, &s.Scenario, c.order, c.lang); err != nil {
				return fmt.Errorf("%s: %w", s.Name, err)
			}
		}
	}
	bars := newProgressBars(e.stderr, c.quiet)
	cfg.Progress = bars.callback()
	var cmp *sim.Comparison
	if len(loaded) == 2 {
		cmp, err = cfg.Compare(ctx, &loaded[0].Scenario, &loaded[1].Scenario)
	} else {
		var r *sim.Result
		if r, err = cfg.Run(ctx, &loaded[0].Scenario); err == nil {
			cmp = &sim.Comparison{Baseline: r}
		}
	}
	bars.close()
	if ctx.Err() != nil {
		return fmt.Errorf("simulate interrupted: %w", ctx.Err())
	}
	if err != nil {
		return err
	}

	sum := report.NewSimulateSummary(cmp, cfg, c.lang)
	sum.NameScenarios(simModels(loaded)...)
	js, err := report.EncodeJSONRows(sum)
	if err != nil {
		return err
	}
	if c.out != "" {
		if err := writeSimulateOut(ctx, c.out, sum, js); err != nil {
			return err
		}
	}
	if c.asJSON {
		_, err := e.stdout.Write(js)
		return err
	}
	printSimulateSummary(e.stdout, sum, c.out)
	return nil
}

// writeSimulateOut writes percentiles.csv, windows.csv and summary.json
// (js) into dir. Everything is rendered first: an error or an interrupt
// leaves no file of this run behind.
func writeSimulateOut(ctx context.Context, dir string, sum *report.SimulateSummary, js []byte) error {
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{percentilesFile, func(w io.Writer) error { return report.WritePercentilesCSV(w, sum) }},
		{windowsFile, func(w io.Writer) error { return report.WriteWindowsCSV(w, sum) }},
		{summaryFile, func(w io.Writer) error { _, err := w.Write(js); return err }},
	}
	rendered := make([][]byte, len(files))
	for i, f := range files {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			return err
		}
		rendered[i] = b.Bytes()
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("simulate interrupted: %w", err)
	}
	set := make([]atomicfile.File, len(files))
	for i, f := range files {
		set[i] = atomicfile.File{Name: f.name, Write: func(w io.Writer) error {
			_, err := w.Write(rendered[i])
			return err
		}}
	}
	return writeSet(ctx, dir, "simulate", set)
}

// shownYears are the years the human summary shows: 1, 5 and 10 as far as
// the horizon goes, and the last.
func shownYears(years int) []int {
	var out []int
	for _, y := range []int{1, 5, 10} {
		if y <= years {
			out = append(out, y)
		}
	}
	if out[len(out)-1] != years {
		out = append(out, years)
	}
	return out
}

// printSimulateSummary writes the human summary: for every scenario (and
// the difference) each metric's p5, p50 and p95 in years 1, 5 and 10 (or
// the last), then the budget windows. Numbers are grouped the local way, as
// optimize does; money is in million đồng.
func printSimulateSummary(w io.Writer, sum *report.SimulateSummary, out string) {
	lang := sum.Lang
	L, n := lang.Pick, func(i int) string { return lang.Int(int64(i)) }
	num := func(unit string, x float64) string {
		if unit == moneyUnit {
			return lang.Number(x/1e6, 0)
		}
		if x == math.Trunc(x) {
			return lang.Number(x, 0)
		}
		return lang.Number(x, 1)
	}
	unitText := func(unit string) string {
		if unit == moneyUnit { // printed in millions
			return L("triệu đồng", "million dong")
		}
		return sim.UnitText(unit).In(lang)
	}

	replan := L("có tái lập phương án", "re-planning")
	if !sum.Replan {
		replan = L("không tái lập phương án", "no re-planning")
	}
	fmt.Fprintf(w, "%s %s %s %s: %s %s, %s %s, %s %s, %s", L("Mô phỏng", "Simulation of"), sum.Name, L("từ", "from"), sum.Start,
		n(sum.Years), L("năm", "years"), n(sum.Runs), L("lần chạy", "runs"), L("hạt giống", "seed"), lang.Uint(sum.Seed), replan)
	if sum.DiscountRate > 0 {
		fmt.Fprintf(w, ", %s %s%%", L("chiết khấu", "discount"), lang.Number(sum.DiscountRate*100, 2))
	}
	if sum.Baseline != nil {
		fmt.Fprintf(w, "; %s %s", L("so với", "against"), sum.Baseline.DisplayName())
	}
	fmt.Fprintln(w)

	ys := shownYears(sum.Years)
	table := func(title string, ms []report.SimSeries, ws []report.SimWindow) {
		fmt.Fprintf(w, "\n%s\n", title)
		keys := []string{}
		for _, m := range ms {
			keys = append(keys, m.Metric)
		}
		for _, x := range ws {
			keys = append(keys, x.Metric)
		}
		lw := labelWidth(keys, lang)
		fmt.Fprintf(w, "  %-*s %-16s %4s %14s %14s %14s\n", lw, L("chỉ số", "metric"), L("đơn vị", "unit"), L("năm", "year"), "p5", "p50", "p95")
		for _, m := range ms {
			for i, y := range ys {
				name, unit := "", ""
				if i == 0 {
					name, unit = metricLabel(m.Metric, lang), unitText(m.Unit)
				}
				fmt.Fprintf(w, "  %-*s %-16s %4d %14s %14s %14s\n", lw, name, unit, y,
					num(m.Unit, m.P5[y-1]), num(m.Unit, m.P50[y-1]), num(m.Unit, m.P95[y-1]))
			}
		}
		for _, x := range ws {
			span := "1"
			if x.Years > 1 {
				span = fmt.Sprintf("1–%d", x.Years)
			}
			fmt.Fprintf(w, "  %-*s %-16s %4s %14s %14s %14s\n", lw, metricLabel(x.Metric, lang), unitText(x.Unit), span,
				num(x.Unit, x.P5), num(x.Unit, x.P50), num(x.Unit, x.P95))
		}
	}
	for _, r := range sum.Results() {
		title := fmt.Sprintf("%s: %s %s, %s %s", r.DisplayName(), n(r.InitialHeadcount), L("người giữ chức danh lúc đầu", "people hold titles at the start"),
			n(r.Seats), L("suất cần người giữ", "seats to fill"))
		if sum.Replan {
			for _, p := range r.Replans {
				title += fmt.Sprintf("\n  %s %s %-9s %s %s, %s %s", L("tái lập", "re-plan"), p.Date, p.Reason.Text().In(lang),
					n(p.Headcount), L("người", "people"), n(p.Changed), L("người đổi chức danh", "changed titles"))
				if p.Kept > 0 {
					title += fmt.Sprintf(", %s %s", n(p.Kept), L("xã không có phương án giữ người cũ", "communes with no plan kept their holders"))
				}
				title += mergerLine(p, n, L)
			}
		}
		table(title, r.Metrics, r.Windows)
	}
	if d := sum.Difference; d != nil {
		title := fmt.Sprintf("%s − %s (%s)", d.VariantName, d.BaselineName,
			L("từng lần chạy; tiết kiệm = chi phí của phương án gốc − của phương án so sánh", "run by run; savings = baseline cost − variant cost"))
		table(title, append(slices.Clone(d.Metrics), d.Savings), d.NetSavings)
	}
	if out != "" {
		fmt.Fprintf(w, "\n%s %s\n", L("Đã ghi", "Wrote"), strings.Join([]string{
			filepath.Join(out, percentilesFile), filepath.Join(out, windowsFile), filepath.Join(out, summaryFile)}, ", "))
	}
}
