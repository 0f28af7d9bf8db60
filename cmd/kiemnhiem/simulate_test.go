package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// compareArgs is the comparison the golden file pins: re-planning with the
// optimiser, 3 years, 20 runs.
var compareArgs = []string{"simulate", "nd33-2023", "--baseline", "no-concurrency", "--years", "3", "--runs", "20", "--seed", "1", "--json"}

// compareOut runs compareArgs once for the tests that need its output.
var compareOut = sync.OnceValues(func() (string, string) {
	var out, errOut bytes.Buffer
	code := run(context.Background(), compareArgs, strings.NewReader(""), &out, &errOut)
	if code != exitOK {
		return "", "exit " + strconv.Itoa(code) + ": " + errOut.String()
	}
	return out.String(), ""
})

// simulateOK runs simulate and fails the test unless it exits 0.
func simulateOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, append([]string{"simulate"}, args...)...)
	if code != exitOK {
		t.Fatalf("simulate %v: exit %d\nstderr:\n%s", args, code, errOut)
	}
	if errOut != "" {
		t.Errorf("simulate %v wrote to stderr (no terminal, so no progress bar):\n%s", args, errOut)
	}
	return out
}

// metricSeries is the series of metric name in ms, or none.
func metricSeries(ms report.SimMetrics, name string) report.SimSeries {
	for _, s := range ms {
		if s.Metric == name {
			return s
		}
	}
	return report.SimSeries{}
}

// metricKeys returns the keys of a "metrics" object in the order written.
func metricKeys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("metrics is not an object: %v %v", tok, err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func metricNames() []string {
	var names []string
	for _, m := range sim.Metrics {
		names = append(names, m.Name)
	}
	return names
}

// checkSeries checks one metric's lists: a value per year, ordered
// percentiles, money in whole đồng and counts to 2 decimals.
func checkSeries(t *testing.T, where string, s report.SimSeries, years int) {
	t.Helper()
	lists := [][]float64{s.P5, s.P25, s.P50, s.P75, s.P95, s.Mean}
	for _, l := range lists {
		if len(l) != years {
			t.Fatalf("%s: %d values, want one per year (%d)", where, len(l), years)
		}
		for _, x := range l {
			if s.Unit == "đồng" && x != math.Round(x) || math.Abs(x*100-math.Round(x*100)) > 1e-6 {
				t.Errorf("%s: %v has more decimals than allowed for %s", where, x, s.Unit)
			}
		}
	}
	for y := range years {
		if !(s.P5[y] <= s.P25[y] && s.P25[y] <= s.P50[y] && s.P50[y] <= s.P75[y] && s.P75[y] <= s.P95[y]) {
			t.Errorf("%s year %d: percentiles out of order: %v %v %v %v %v", where, y+1, s.P5[y], s.P25[y], s.P50[y], s.P75[y], s.P95[y])
		}
	}
}

func TestSimulateCompareGolden(t *testing.T) {
	out, failure := compareOut()
	if failure != "" {
		t.Fatalf("%v: %s", compareArgs, failure)
	}
	golden.Assert(t, filepath.Join("testdata", "simulate", "compare.json.golden"), []byte(out))

	var sum report.SimulateSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("--json is not JSON: %v\n%s", err, out)
	}
	if sum.Scenario != "nd33-2023" || sum.Years != 3 || sum.Runs != 20 || sum.Seed != 1 || !sum.Replan || sum.Start == "" {
		t.Errorf("header = %+v", sum)
	}
	if sum.Baseline == nil || sum.Variant == nil || sum.Difference == nil {
		t.Fatalf("a comparison lacks baseline, variant or difference:\n%.2000s", out)
	}
	if sum.SimResult != nil {
		t.Errorf("a comparison has a top-level result")
	}
	if sum.Baseline.Scenario != "no-concurrency" || sum.Variant.Scenario != "nd33-2023" ||
		sum.Difference.Variant != "nd33-2023" || sum.Difference.Baseline != "no-concurrency" {
		t.Errorf("names: baseline %q, variant %q, difference %q − %q", sum.Baseline.Scenario, sum.Variant.Scenario,
			sum.Difference.Variant, sum.Difference.Baseline)
	}
	for _, r := range []*report.SimResult{sum.Baseline, sum.Variant} {
		if r.InitialHeadcount == 0 || len(r.Replans) == 0 || r.Replans[0].Reason != "start" || len(r.Windows) == 0 {
			t.Errorf("%s: initial headcount %d, replans %+v, windows %+v", r.Scenario, r.InitialHeadcount, r.Replans, r.Windows)
		}
		for _, s := range r.Metrics {
			checkSeries(t, r.Scenario+" "+s.Metric, s, 3)
		}
	}
	for _, s := range sum.Difference.Metrics {
		checkSeries(t, "difference "+s.Metric, s, 3)
	}
	checkSeries(t, "savings", sum.Difference.Savings, 3)
	if len(sum.Difference.NetSavings) == 0 || sum.Difference.NetSavings[0].Metric != "savings" {
		t.Errorf("net_savings = %+v", sum.Difference.NetSavings)
	}
	// Concurrency is what nd33-2023 adds: it needs fewer people.
	if d := metricSeries(sum.Difference.Metrics, "headcount").P50[2]; d >= 0 {
		t.Errorf("median headcount difference in year 3 = %v, want fewer people with concurrency", d)
	}

	// The metrics are in sim.Metrics's order, in every object.
	var raw struct {
		Baseline   struct{ Metrics json.RawMessage }
		Variant    struct{ Metrics json.RawMessage }
		Difference struct{ Metrics json.RawMessage }
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, m := range []json.RawMessage{raw.Baseline.Metrics, raw.Variant.Metrics, raw.Difference.Metrics} {
		if got := metricKeys(t, m); !slices.Equal(got, metricNames()) {
			t.Errorf("metric keys %v, want %v", got, metricNames())
		}
	}
}

// The output depends on the seed only: not on the number of workers nor on
// GOMAXPROCS (which also sets how many communes the optimiser solves at
// once when it re-plans).
func TestSimulateDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("re-plans with the optimiser")
	}
	// Workers run replications: re-planning, done before them, is not the
	// point here.
	noReplan := append(slices.Clone(compareArgs[1:]), "--no-replan")
	want := simulateOK(t, noReplan...)
	for _, workers := range []string{"1", "7"} {
		if got := simulateOK(t, append(slices.Clone(noReplan), "--workers", workers)...); got != want {
			t.Errorf("--workers %s changes the output:\n%s", workers, golden.Diff([]byte(want), []byte(got)))
		}
	}

	want, failure := compareOut()
	if failure != "" {
		t.Fatalf("%v: %s", compareArgs, failure)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if got := simulateOK(t, append(slices.Clone(compareArgs[1:]), "--workers", "1")...); got != want {
		t.Errorf("GOMAXPROCS 1 and --workers 1 change the output:\n%s", golden.Diff([]byte(want), []byte(got)))
	}
}

func TestSimulateRunGolden(t *testing.T) {
	out := simulateOK(t, "nd33-2023", "--years", "2", "--runs", "10", "--seed", "7", "--no-replan", "--discount", "0.05", "--json")
	golden.Assert(t, filepath.Join("testdata", "simulate", "run-no-replan.json.golden"), []byte(out))
	var sum report.SimulateSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("--json is not JSON: %v\n%s", err, out)
	}
	if sum.Baseline != nil || sum.Variant != nil || sum.Difference != nil {
		t.Errorf("a single scenario has baseline, variant or difference")
	}
	if sum.Scenario != "nd33-2023" || sum.Years != 2 || sum.Runs != 10 || sum.Seed != 7 || sum.Replan || sum.DiscountRate != 0.05 {
		t.Errorf("header = %+v", sum)
	}
	if sum.SimResult == nil {
		t.Fatalf("a single scenario has no inline result:\n%.2000s", out)
	}
	if sum.InitialHeadcount == 0 || len(sum.Metrics) != len(sim.Metrics) || len(sum.Windows) != 2 {
		t.Errorf("initial headcount %d, %d metrics, %d windows; want the result inline", sum.InitialHeadcount, len(sum.Metrics), len(sum.Windows))
	}
	for _, s := range sum.Metrics {
		checkSeries(t, s.Metric, s, 2)
	}
	// Discounting: the 2-year total is year 1 plus year 2 / 1.05.
	cost := metricSeries(sum.Metrics, "cost")
	for _, w := range sum.Windows {
		if w.Metric == "cost" && w.Years == 2 && (w.P50 >= cost.P50[0]+cost.P50[1] || w.P50 <= cost.P50[0]) {
			t.Errorf("discounted 2-year cost p50 %v, years %v + %v", w.P50, cost.P50[0], cost.P50[1])
		}
	}
}

func TestSimulateOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	args := []string{"nd33-2023", "--baseline", "no-concurrency", "--years", "2", "--runs", "5", "--no-replan", "--json", "--out", dir}
	out := simulateOK(t, args...)
	summary, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if string(summary) != out {
		t.Errorf("summary.json is not what --json printed:\n%s", golden.Diff([]byte(out), summary))
	}

	nMetrics := len(sim.Metrics)
	pct := readCSV(t, filepath.Join(dir, "percentiles.csv"))
	if got := strings.Join(pct[0], ","); got != "scenario,kind,metric,unit,year,date,p5,p25,p50,p75,p95,mean,metric_name" {
		t.Fatalf("percentiles.csv header = %s", got)
	}
	// Two scenarios' levels, then the differences and the savings.
	if want := (2*nMetrics + nMetrics + 1) * 2; len(pct)-1 != want {
		t.Errorf("percentiles.csv has %d rows, want %d", len(pct)-1, want)
	}
	kinds := map[string]int{}
	for _, r := range pct[1:] {
		kinds[r[0]+"/"+r[1]]++
		for _, v := range r[6:12] {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				t.Fatalf("row %v: %v", r, err)
			}
		}
		if want := map[string]string{"1": "2025-01-01", "2": "2026-01-01"}[r[4]]; r[5] != want {
			t.Errorf("row %v: year %s starts %s, want %s", r, r[4], r[5], want)
		}
	}
	if kinds["no-concurrency/level"] != 2*nMetrics || kinds["nd33-2023/level"] != 2*nMetrics || kinds["nd33-2023/difference"] != 2*(nMetrics+1) {
		t.Errorf("rows by scenario and kind = %v", kinds)
	}
	if last := pct[len(pct)-1]; last[2] != "savings" || last[3] != "đồng" {
		t.Errorf("last row %v, want the savings", last)
	}

	win := readCSV(t, filepath.Join(dir, "windows.csv"))
	if got := strings.Join(win[0], ","); got != "scenario,kind,metric,unit,years,discount_rate,p5,p25,p50,p75,p95,mean,metric_name" {
		t.Fatalf("windows.csv header = %s", got)
	}
	var got []string
	for _, r := range win[1:] {
		got = append(got, strings.Join(r[:6], ","))
	}
	want := []string{
		"no-concurrency,level,cost,đồng,2,0", "no-concurrency,level,allowance,đồng,2,0",
		"nd33-2023,level,cost,đồng,2,0", "nd33-2023,level,allowance,đồng,2,0",
		"nd33-2023,difference,savings,đồng,2,0",
	}
	if !slices.Equal(got, want) {
		t.Errorf("windows.csv rows %q, want %q", got, want)
	}

	// A directory holding one of the inputs is refused, before anything is
	// simulated or written.
	scenario := filepath.Join(dir, "summary.json")
	src := "name: mine\ndescription: \"test: nd33-2023 saved under a name simulate writes\"\nextends: nd33-2023\n"
	if err := os.WriteFile(scenario, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"simulate", scenario, "--out", dir},
		{"simulate", "nd33-2023", "--baseline", scenario, "--out", dir},
	} {
		code, _, errOut := cli(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "would overwrite an input") {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit 2 and a refusal", args, code, errOut)
		}
	}
	if b, _ := os.ReadFile(scenario); string(b) != src {
		t.Errorf("the scenario was overwritten:\n%s", b)
	}
}

func TestSimulateHuman(t *testing.T) {
	// The generated province's holders, in both languages' digit grouping.
	base, err := scenarios.Load("no-concurrency")
	if err == nil {
		err = base.LoadData()
	}
	if err != nil {
		t.Fatal(err)
	}
	holders := len(base.People)
	out := simulateOK(t, "nd33-2023", "--baseline", "no-concurrency", "--years", "6", "--runs", "3", "--no-replan", "--lang", "en")
	for _, want := range []string{"Simulation of Decree 33/2023 from 2025-01-01: 6 years, 3 runs, seed 1, no re-planning; against No concurrency",
		"No concurrency: " + model.English.Int(int64(holders)) + " people hold titles", "headcount", "million đồng", "exits_released", "savings",
		"Decree 33/2023 − No concurrency"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// Years 1, 5 and the last (6) of each metric.
	lines := strings.Split(out, "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "allowance_main ") })
	if i < 0 || i+2 >= len(lines) {
		t.Fatalf("no allowance_main row:\n%s", out)
	}
	var years []string
	for _, l := range lines[i : i+3] {
		f := strings.Fields(l)
		years = append(years, f[len(f)-4])
	}
	if !slices.Equal(years, []string{"1", "5", "6"}) {
		t.Errorf("allowance_main rows are for years %v, want 1, 5, 6:\n%s", years, strings.Join(lines[i:i+3], "\n"))
	}
	vi := simulateOK(t, "nd33-2023", "--years", "1", "--runs", "2", "--no-replan")
	if !strings.Contains(vi, "Mô phỏng NĐ 33/2023") || !strings.Contains(vi, "triệu đồng") || !strings.Contains(vi, model.Vietnamese.Int(int64(holders))) {
		t.Errorf("Vietnamese summary:\n%s", vi)
	}
}

// Ctrl-C cancels the context: the command fails with the context's error
// and writes nothing.
func TestSimulateInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := filepath.Join(t.TempDir(), "out")
	var out, errOut bytes.Buffer
	code := run(ctx, []string{"simulate", "nd33-2023", "--years", "1", "--runs", "2", "--out", dir}, strings.NewReader(""), &out, &errOut)
	if code != exitInterrupted || !strings.Contains(errOut.String(), "interrupted") || !strings.Contains(errOut.String(), "context canceled") {
		t.Errorf("exit %d, stderr %q; want exit 130 and the context's error", code, errOut.String())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("--out directory exists after an interrupt (%v)", err)
	}
}

func TestSimulateUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"simulate"}, exitUsage, "exactly one SCENARIO"},
		{[]string{"simulate", "nd33-2023", "no-concurrency"}, exitUsage, "exactly one SCENARIO"},
		{[]string{"simulate", "nd33-2023", "--frobnicate"}, exitUsage, "unknown flag: --frobnicate"},
		{[]string{"simulate", "nd33-2023", "--years", "0"}, exitUsage, "--years must be between 1 and 50, got 0"},
		{[]string{"simulate", "nd33-2023", "--years", "51"}, exitUsage, "--years must be between 1 and 50, got 51"},
		{[]string{"simulate", "nd33-2023", "--years", "ten"}, exitUsage, "--years"},
		{[]string{"simulate", "nd33-2023", "--runs", "0"}, exitUsage, "--runs must be between 1 and 100000, got 0"},
		{[]string{"simulate", "nd33-2023", "--runs", "100001"}, exitUsage, "--runs must be between 1 and 100000"},
		{[]string{"simulate", "nd33-2023", "--workers", "-1"}, exitUsage, "--workers must not be negative"},
		{[]string{"simulate", "nd33-2023", "--discount", "1"}, exitUsage, "--discount must be at least 0 and below 1, got 1"},
		{[]string{"simulate", "nd33-2023", "--discount", "-0.01"}, exitUsage, "--discount must be at least 0"},
		{[]string{"simulate", "nd33-2023", "--discount", "NaN"}, exitUsage, "--discount"},
		{[]string{"simulate", "nd33-2023", "--seed", "0"}, exitUsage, "--seed must be at least 1"},
		{[]string{"simulate", "nd33-2023", "--seed", "-3"}, exitUsage, "--seed"},
		{[]string{"simulate", "nd33-2023", "--lang", "fr"}, exitUsage, "--lang must be vi or en"},
		{[]string{"simulate", "nd33-2023", "--baseline", ""}, exitUsage, "--baseline needs a SCENARIO"},
		{[]string{"simulate", "nd99-2099", "--years", "1", "--runs", "1"}, exitInput, `no preset "nd99-2099"`},
		{[]string{"simulate", "nd33-2023", "--baseline", "nd99-2099", "--years", "1", "--runs", "1"}, exitInput, `no preset "nd99-2099"`},
	}
	for _, tt := range tests {
		code, out, errOut := cli(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %.300q; want exit %d and %q", tt.args, code, out, errOut, tt.code, tt.want)
		}
		if tt.code == exitUsage && !strings.Contains(errOut, "Usage: kiemnhiem simulate SCENARIO") {
			t.Errorf("%v: a usage error without the usage:\n%s", tt.args, errOut)
		}
	}
}

func TestSimulateHelp(t *testing.T) {
	code, out, _ := cli(t, "simulate", "--help")
	if code != exitOK || !strings.HasPrefix(out, "Usage: kiemnhiem simulate SCENARIO [--baseline SCENARIO]") {
		t.Fatalf("simulate --help: exit %d\n%s", code, out)
	}
	for _, want := range append(metricNames(), "common random numbers", "percentiles.csv", "windows.csv", "summary.json",
		"--no-replan", "--discount", "--workers", "--quiet", "net_savings", "savings") {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("simulate --help does not mention %q", want)
		}
	}
	if _, all, _ := cli(t, "--help"); !strings.Contains(all, "\n\tsimulate    ") {
		t.Errorf("the manual's list of commands lacks simulate")
	}
}

// The bars follow the simulator's stages, never go back when replications
// report out of order, and end their lines.
func TestSimulateProgressBars(t *testing.T) {
	if newProgressBars(&bytes.Buffer{}, false) != nil || newProgressBars(os.Stderr, true) != nil {
		t.Errorf("bars drawn on a buffer or with --quiet")
	}
	var nilBars *progressBars
	if nilBars.callback() != nil {
		t.Errorf("no bars, but a callback")
	}
	nilBars.close()

	var buf bytes.Buffer
	p := &progressBars{w: &buf}
	report := p.callback()
	for _, sp := range []sim.Progress{
		{Scenario: "a", Stage: "plan", Done: 1, Total: 2}, {Scenario: "a", Stage: "plan", Done: 2, Total: 2},
		{Scenario: "a", Stage: "run", Done: 2, Total: 3}, {Scenario: "a", Stage: "run", Done: 1, Total: 3},
		{Scenario: "a", Stage: "run", Done: 3, Total: 3},
		{Scenario: "b", Stage: "plan", Done: 1, Total: 4}, // interrupted here
	} {
		report(sp)
	}
	p.close()
	out := buf.String()
	for _, want := range []string{"a: re-planning", "(2/2)", "a: runs", "(3/3)", "b: re-planning", "(1/4)"} {
		if !strings.Contains(out, want) {
			t.Errorf("bars lack %q:\n%q", want, out)
		}
	}
	if strings.Count(out, "\n") != 3 || !strings.HasSuffix(out, "\n") {
		t.Errorf("want 3 bars, each ending its line:\n%q", out)
	}
}
