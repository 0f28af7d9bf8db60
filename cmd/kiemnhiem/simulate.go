package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// Row kinds in percentiles.csv and windows.csv.
const (
	kindLevel      = "level"      // a scenario's own values
	kindDifference = "difference" // variant minus baseline, run by run (savings: baseline cost minus variant cost)
)

var (
	percentilesColumns = []string{"scenario", "kind", "metric", "unit", "year", "date", "p5", "p25", "p50", "p75", "p95", "mean"}
	windowsColumns     = []string{"scenario", "kind", "metric", "unit", "years", "discount_rate", "p5", "p25", "p50", "p75", "p95", "mean"}
)

// simulateSummary is what simulate --json prints and --out writes as
// summary.json. Without --baseline the scenario's result is inline; with
// one, it is under baseline and variant, and difference holds the paired
// differences.
type simulateSummary struct {
	Scenario     string  `json:"scenario"`
	Start        string  `json:"start"`
	Years        int     `json:"years"`
	Runs         int     `json:"runs"`
	Seed         uint64  `json:"seed"`
	DiscountRate float64 `json:"discount_rate"`
	Replan       bool    `json:"replan"`
	*SimResult
	Baseline   *SimResult     `json:"baseline,omitempty"`
	Variant    *SimResult     `json:"variant,omitempty"`
	Difference *SimDifference `json:"difference,omitempty"`

	lang string // language of the human summary
}

// SimResult is one scenario's result in the JSON summary. (It is exported
// only so that encoding/json inlines it where it is embedded.)
type SimResult struct {
	Scenario         string       `json:"scenario"`
	InitialHeadcount int          `json:"initial_headcount"`
	Seats            int          `json:"seats"`
	Replans          []simReplan  `json:"replans"`
	Metrics          simMetrics   `json:"metrics"`
	Windows          []simWindow  `json:"windows"`
	years            []yearOfPlan // for the files
}

// SimDifference is a variant against the baseline in the JSON summary.
type SimDifference struct {
	Variant    string      `json:"variant"`
	Baseline   string      `json:"baseline"`
	Metrics    simMetrics  `json:"metrics"`
	Savings    simSeries   `json:"savings"`
	NetSavings []simWindow `json:"net_savings"`
}

type simReplan struct {
	Date      string `json:"date"`
	Reason    string `json:"reason"`
	Headcount int    `json:"headcount"`
	Changed   int    `json:"changed"`
	Kept      int    `json:"kept"`
}

// simSeries is one metric's distribution: element y of each list is year
// y+1.
type simSeries struct {
	name string
	Unit string    `json:"unit"`
	P5   []float64 `json:"p5"`
	P25  []float64 `json:"p25"`
	P50  []float64 `json:"p50"`
	P75  []float64 `json:"p75"`
	P95  []float64 `json:"p95"`
	Mean []float64 `json:"mean"`
}

// simMetrics is an object keyed by metric name, in the order of
// sim.Metrics (a Go map would be sorted by name).
type simMetrics []simSeries

// MarshalJSON writes the metrics as an object in their order.
func (ms simMetrics) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, s := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(s.name)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type simWindow struct {
	Metric string  `json:"metric"`
	Unit   string  `json:"unit"`
	Years  int     `json:"years"`
	P5     float64 `json:"p5"`
	P25    float64 `json:"p25"`
	P50    float64 `json:"p50"`
	P75    float64 `json:"p75"`
	P95    float64 `json:"p95"`
	Mean   float64 `json:"mean"`
}

// yearOfPlan is one simulated year: its number from 1 and its first day.
type yearOfPlan struct {
	n     int
	start model.Date
}

// moneyUnit is the unit of amounts of money in sim's metrics.
const moneyUnit = "đồng"

func seriesJSON(s sim.Series) simSeries {
	out := simSeries{name: s.Metric, Unit: s.Unit}
	for _, y := range s.Years {
		out.P5 = append(out.P5, report.Round(s.Unit, y.P5))
		out.P25 = append(out.P25, report.Round(s.Unit, y.P25))
		out.P50 = append(out.P50, report.Round(s.Unit, y.P50))
		out.P75 = append(out.P75, report.Round(s.Unit, y.P75))
		out.P95 = append(out.P95, report.Round(s.Unit, y.P95))
		out.Mean = append(out.Mean, report.Round(s.Unit, y.Mean))
	}
	return out
}

func metricsJSON(ss []sim.Series) simMetrics {
	out := make(simMetrics, len(ss))
	for i, s := range ss {
		out[i] = seriesJSON(s)
	}
	return out
}

// windowUnit is the unit of a window's metric: every window is money.
func windowUnit(metric string) string {
	if i, ok := sim.MetricIndex(metric); ok {
		return sim.Metrics[i].Unit
	}
	return moneyUnit // savings
}

func windowsJSON(ws []sim.Window) []simWindow {
	out := make([]simWindow, len(ws))
	for i, w := range ws {
		u := windowUnit(w.Metric)
		out[i] = simWindow{Metric: w.Metric, Unit: u, Years: w.Years,
			P5: report.Round(u, w.P5), P25: report.Round(u, w.P25), P50: report.Round(u, w.P50),
			P75: report.Round(u, w.P75), P95: report.Round(u, w.P95), Mean: report.Round(u, w.Mean)}
	}
	return out
}

func resultJSON(r *sim.Result) *SimResult {
	out := &SimResult{
		Scenario: r.Scenario, InitialHeadcount: r.InitialHeadcount, Seats: r.Seats,
		Replans: []simReplan{}, Metrics: metricsJSON(r.Metrics), Windows: windowsJSON(r.Windows),
	}
	for _, p := range r.Replans {
		out.Replans = append(out.Replans, simReplan{Date: p.Date.String(), Reason: p.Reason, Headcount: p.Headcount, Changed: p.Changed, Kept: p.Kept})
	}
	for y := range r.Years {
		out.years = append(out.years, yearOfPlan{y + 1, r.Start.AddMonths(12 * y)})
	}
	return out
}

func differenceJSON(d *sim.Difference, baseline string) *SimDifference {
	return &SimDifference{
		Variant: d.Variant, Baseline: baseline,
		Metrics: metricsJSON(d.Metrics), Savings: seriesJSON(d.Savings), NetSavings: windowsJSON(d.NetSavings),
	}
}

func runSimulate(ctx context.Context, args []string, e *env) error {
	fs := newFlags("simulate")
	baselineRef := fs.String("baseline", "", "compare with this SCENARIO, on common random numbers (differences are SCENARIO minus baseline)")
	years := fs.Int("years", 10, fmt.Sprintf("years simulated, 1 to %d", simMaxYears))
	runs := fs.Int("runs", 1000, fmt.Sprintf("replications, 1 to %d", simMaxRuns))
	seed := fs.Uint64("seed", 1, "master seed (at least 1): the same seed gives the same output")
	out := fs.String("out", "", "write percentiles.csv, windows.csv and summary.json to this directory")
	asJSON := fs.Bool("json", false, "print a JSON summary")
	workers := fs.Int("workers", 0, "replications run at once (0: one per CPU); the output does not depend on it")
	rate := fs.Float64("discount", 0, "discount rate per year of the 5- and 10-year totals, in [0, 1) (0.05 = 5 %)")
	lang := fs.String("lang", "vi", "language of the human summary: vi or en")
	quiet := fs.Bool("quiet", false, "draw no progress bar")
	noReplan := fs.Bool("no-replan", false, "never re-plan: holders keep their titles, recruits inherit the titles of those who leave")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("simulate needs exactly one SCENARIO")
	}
	if *years < 1 || *years > simMaxYears {
		return usagef("--years must be between 1 and %d, got %d", simMaxYears, *years)
	}
	if *runs < 1 || *runs > simMaxRuns {
		return usagef("--runs must be between 1 and %d, got %d", simMaxRuns, *runs)
	}
	if *seed == 0 {
		return usagef("--seed must be at least 1")
	}
	if *workers < 0 {
		return usagef("--workers must not be negative, got %d", *workers)
	}
	if !(*rate >= 0 && *rate < 1) { // also rejects NaN
		return usagef("--discount must be at least 0 and below 1, got %v", *rate)
	}
	if *lang != "vi" && *lang != "en" {
		return usagef("--lang must be vi or en, got %q", *lang)
	}
	if fs.Changed("baseline") && *baselineRef == "" {
		return usagef("--baseline needs a SCENARIO")
	}

	// Load the scenarios, baseline first, and refuse outputs that would
	// overwrite any of their files before reading any data.
	refs := []string{fs.Arg(0)}
	if *baselineRef != "" {
		refs = []string{*baselineRef, fs.Arg(0)}
	}
	loaded := make([]*scenarios.Scenario, len(refs))
	var inputs []string
	for i, ref := range refs {
		s, err := scenarios.Load(ref)
		if err != nil {
			return err
		}
		loaded[i] = s
		inputs = append(inputs, s.Data.UnitsFile, s.Data.PeopleFile)
		inputs = append(inputs, s.Chain...)
	}
	var outputs []string
	if *out != "" {
		for _, name := range []string{percentilesFile, windowsFile, summaryFile} {
			outputs = append(outputs, filepath.Join(*out, name))
		}
	}
	if err := atomicfile.CheckDistinct(inputs, outputs); err != nil {
		return usagef("%v: choose another --out", err)
	}
	for _, s := range loaded {
		if err := s.LoadData(); err != nil {
			return err
		}
	}

	cfg := sim.Config{Years: *years, Runs: *runs, Seed: *seed, Workers: *workers, DiscountRate: *rate}
	if !*noReplan {
		// Caching: a pool the next re-plan hands over unchanged is not
		// solved again.
		cfg.Assigner = optimize.NewAssigner(nil)
	}
	bars := newProgressBars(e.stderr, *quiet)
	cfg.Progress = bars.callback()
	var cmp *sim.Comparison
	var err error
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

	sum := simulateSummaryOf(cmp, cfg, *lang)
	js, err := encodeJSONRows(sum)
	if err != nil {
		return err
	}
	if *out != "" {
		files := []struct {
			name  string
			write func(io.Writer) error
		}{
			{percentilesFile, func(w io.Writer) error { return writePercentilesCSV(w, sum) }},
			{windowsFile, func(w io.Writer) error { return writeWindowsCSV(w, sum, *rate) }},
			{summaryFile, func(w io.Writer) error { _, err := w.Write(js); return err }},
		}
		// Render everything first: an error or an interrupt leaves no file
		// of this run behind.
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
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		for i, f := range files {
			if err := atomicfile.Write(filepath.Join(*out, f.name), func(w io.Writer) error {
				_, err := w.Write(rendered[i])
				return err
			}); err != nil {
				return err
			}
		}
	}
	if *asJSON {
		_, err := e.stdout.Write(js)
		return err
	}
	printSimulateSummary(e.stdout, sum, *out)
	return nil
}

// encodeJSONRows indents v as writeJSON does but keeps every list of
// numbers or strings on one line, so that a metric's yearly values read as
// a row, and every object in a list whose values are all numbers or strings
// (a re-plan, a window) on one line too.
func encodeJSONRows(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	lines := strings.SplitAfter(b.String(), "\n")
	lines = joinLines(lines, "[", func(item string) bool { return item[0] != '{' && item[0] != '[' })
	lines = joinLines(lines, "{", func(item string) bool {
		_, val, ok := strings.Cut(item, `": `)
		return ok && val != "" && val[0] != '{' && val[0] != '['
	})
	return []byte(strings.Join(lines, "")), nil
}

// joinLines puts each list (open "[") or each object that is an element of
// a list (open "{") on one line when every item passes simple. Encoded
// strings never hold a raw newline, so a line that ends in the opening
// bracket opens a list or an object, and the items of a one-level
// container are the lines up to the first that starts with its closing
// bracket.
func joinLines(lines []string, open string, simple func(item string) bool) []string {
	closing := map[string]string{"[": "]", "{": "}"}[open]
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasSuffix(l, open+"\n") || open == "{" && strings.TrimSpace(l) != "{" {
			out = append(out, l)
			continue
		}
		var items []string
		j := i + 1
		for ; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if t == "" || strings.HasPrefix(t, closing) || !simple(t) {
				break
			}
			items = append(items, strings.TrimSuffix(t, ","))
		}
		if j == len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[j]), closing) || len(items) == 0 {
			out = append(out, l) // nested: as it is
			continue
		}
		out = append(out, strings.TrimSuffix(l, "\n")+strings.Join(items, ", ")+strings.TrimSpace(lines[j])+"\n")
		i = j
	}
	return out
}

// simulateSummaryOf turns the simulator's answer into the summary: cmp
// holds a baseline alone (Run) or a baseline and one variant (Compare).
func simulateSummaryOf(cmp *sim.Comparison, cfg sim.Config, lang string) *simulateSummary {
	b := cmp.Baseline
	sum := &simulateSummary{
		Scenario: b.Scenario, Start: b.Start.String(), Years: b.Years, Runs: b.Runs, Seed: b.Seed,
		DiscountRate: cfg.DiscountRate, Replan: cfg.Assigner != nil, lang: lang,
	}
	if len(cmp.Variants) == 0 {
		sum.SimResult = resultJSON(b)
		return sum
	}
	v := cmp.Variants[0]
	sum.Scenario = v.Scenario
	sum.Baseline, sum.Variant = resultJSON(b), resultJSON(v)
	sum.Difference = differenceJSON(&cmp.Differences[0], b.Scenario)
	return sum
}

// levels lists the scenarios' own results, baseline first.
func (s *simulateSummary) levels() []*SimResult {
	if s.SimResult != nil {
		return []*SimResult{s.SimResult}
	}
	return []*SimResult{s.Baseline, s.Variant}
}

// writePercentilesCSV writes one row per scenario, metric and year: the
// levels of every scenario, then the differences of the variant (its
// metrics, then its savings).
func writePercentilesCSV(w io.Writer, sum *simulateSummary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(percentilesColumns); err != nil {
		return err
	}
	var years []yearOfPlan
	rows := func(scenario, kind string, ms []simSeries) error {
		for _, m := range ms {
			for i, y := range years {
				rec := []string{scenario, kind, m.name, m.Unit, strconv.Itoa(y.n), y.start.String(),
					report.FormatValue(m.Unit, m.P5[i]), report.FormatValue(m.Unit, m.P25[i]), report.FormatValue(m.Unit, m.P50[i]),
					report.FormatValue(m.Unit, m.P75[i]), report.FormatValue(m.Unit, m.P95[i]), report.FormatValue(m.Unit, m.Mean[i])}
				if err := cw.Write(rec); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, r := range sum.levels() {
		years = r.years
		if err := rows(r.Scenario, kindLevel, r.Metrics); err != nil {
			return err
		}
	}
	if d := sum.Difference; d != nil {
		if err := rows(d.Variant, kindDifference, append(slices.Clone(d.Metrics), d.Savings)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeWindowsCSV writes the 5- and 10-year totals: every scenario's cost
// and allowance, then the variant's net savings.
func writeWindowsCSV(w io.Writer, sum *simulateSummary, rate float64) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(windowsColumns); err != nil {
		return err
	}
	r := strconv.FormatFloat(rate, 'f', -1, 64)
	rows := func(scenario, kind string, ws []simWindow) error {
		for _, x := range ws {
			rec := []string{scenario, kind, x.Metric, x.Unit, strconv.Itoa(x.Years), r,
				report.FormatValue(x.Unit, x.P5), report.FormatValue(x.Unit, x.P25), report.FormatValue(x.Unit, x.P50),
				report.FormatValue(x.Unit, x.P75), report.FormatValue(x.Unit, x.P95), report.FormatValue(x.Unit, x.Mean)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		return nil
	}
	for _, res := range sum.levels() {
		if err := rows(res.Scenario, kindLevel, res.Windows); err != nil {
			return err
		}
	}
	if d := sum.Difference; d != nil {
		if err := rows(d.Variant, kindDifference, d.NetSavings); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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

// reasonText names why the simulator re-planned.
func reasonText(reason, lang string) string {
	switch reason {
	case "start":
		return tr(lang, "đầu kỳ", "start")
	case "election":
		return tr(lang, "bầu cử", "election")
	case "merger":
		return tr(lang, "sáp nhập", "merger")
	}
	return reason
}

// printSimulateSummary writes the human summary: for every scenario (and
// the difference) each metric's p5, p50 and p95 in years 1, 5 and 10 (or
// the last), then the budget windows. Numbers are grouped the local way, as
// optimize does; money is in million đồng.
func printSimulateSummary(w io.Writer, sum *simulateSummary, out string) {
	lang := sum.lang
	L := func(vi, en string) string { return tr(lang, vi, en) }
	pr := printerFor(lang)
	num := func(unit string, x float64) string {
		if unit == moneyUnit {
			return pr.Sprintf("%.0f", x/1e6)
		}
		if x == math.Trunc(x) {
			return pr.Sprintf("%.0f", x)
		}
		return pr.Sprintf("%.1f", x)
	}
	unitText := func(unit string) string {
		switch unit {
		case moneyUnit:
			return L("triệu đồng", "million dong")
		case "people":
			return L("người", "people")
		case "units":
			return L("đơn vị", "units")
		case "title-months":
			return L("chức danh-tháng", "title-months")
		case "person-months":
			return L("người-tháng", "person-months")
		}
		return unit
	}

	replan := L("có tái lập phương án", "re-planning")
	if !sum.Replan {
		replan = L("không tái lập phương án", "no re-planning")
	}
	pr.Fprintf(w, "%s %s %s %s: %d %s, %d %s, %s %d, %s", L("Mô phỏng", "Simulation of"), sum.Scenario, L("từ", "from"), sum.Start,
		sum.Years, L("năm", "years"), sum.Runs, L("lần chạy", "runs"), L("hạt giống", "seed"), sum.Seed, replan)
	if sum.DiscountRate > 0 {
		pr.Fprintf(w, ", %s %.2f%%", L("chiết khấu", "discount"), sum.DiscountRate*100)
	}
	if sum.Baseline != nil {
		fmt.Fprintf(w, "; %s %s", L("so với", "against"), sum.Baseline.Scenario)
	}
	fmt.Fprintln(w)

	ys := shownYears(sum.Years)
	table := func(title string, ms []simSeries, ws []simWindow) {
		fmt.Fprintf(w, "\n%s\n", title)
		fmt.Fprintf(w, "  %-26s %-16s %4s %14s %14s %14s\n", L("chỉ số", "metric"), L("đơn vị", "unit"), L("năm", "year"), "p5", "p50", "p95")
		for _, m := range ms {
			for i, y := range ys {
				name, unit := "", ""
				if i == 0 {
					name, unit = m.name, unitText(m.Unit)
				}
				fmt.Fprintf(w, "  %-26s %-16s %4d %14s %14s %14s\n", name, unit, y,
					num(m.Unit, m.P5[y-1]), num(m.Unit, m.P50[y-1]), num(m.Unit, m.P95[y-1]))
			}
		}
		for _, x := range ws {
			span := "1"
			if x.Years > 1 {
				span = fmt.Sprintf("1–%d", x.Years)
			}
			fmt.Fprintf(w, "  %-26s %-16s %4s %14s %14s %14s\n", x.Metric, unitText(x.Unit), span,
				num(x.Unit, x.P5), num(x.Unit, x.P50), num(x.Unit, x.P95))
		}
	}
	for _, r := range sum.levels() {
		title := pr.Sprintf("%s: %d %s, %d %s", r.Scenario, r.InitialHeadcount, L("người giữ chức danh lúc đầu", "people hold titles at the start"),
			r.Seats, L("suất cần người giữ", "seats to fill"))
		if sum.Replan {
			for _, p := range r.Replans {
				title += pr.Sprintf("\n  %s %s %-9s %d %s, %d %s", L("tái lập", "re-plan"), p.Date, reasonText(p.Reason, lang),
					p.Headcount, L("người", "people"), p.Changed, L("người đổi chức danh", "changed titles"))
				if p.Kept > 0 {
					title += pr.Sprintf(", %d %s", p.Kept, L("xã không có phương án giữ người cũ", "communes with no plan kept their holders"))
				}
			}
		}
		table(title, r.Metrics, r.Windows)
	}
	if d := sum.Difference; d != nil {
		title := fmt.Sprintf("%s − %s (%s)", d.Variant, d.Baseline,
			L("từng lần chạy; savings = chi phí của phương án gốc − của phương án so sánh", "run by run; savings = baseline cost − variant cost"))
		table(title, append(slices.Clone(d.Metrics), d.Savings), d.NetSavings)
	}
	if out != "" {
		fmt.Fprintf(w, "\n%s %s\n", L("Đã ghi", "Wrote"), strings.Join([]string{
			filepath.Join(out, percentilesFile), filepath.Join(out, windowsFile), filepath.Join(out, summaryFile)}, ", "))
	}
}
