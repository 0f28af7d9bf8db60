package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// defaultVariants are what compare runs with no scenario: the 2026
// question (issue 24), the village rearrangement of Decree 185/2026 and
// two of its variants — stricter floors (no lower floor for the villages
// of Art. 10(3)) and at most 2 villages into one — against
// defaultBaseline, the embedded post-reform province's villages as they
// are under nd185-2026's rules on its date (as-is: today's holdings, no
// village merged). Like for like: the same communes, people and date.
// The former comparison of commune concurrency (nd33-2023, hanoi-2019,
// no-concurrency on the pre-reform units) is one command away with
// explicit references.
var defaultVariants = []string{"nd185-2026", "nd185-2026-strict", "nd185-2026-pairs"}

// defaultBaseline is compare's baseline when --baseline is not given.
const defaultBaseline = asIsRef

// Defaults of compare: chosen so the built-in comparison finishes within a
// minute on 2 cores.
const (
	compareRuns            = 500
	compareSensitivityRuns = 100
	sensitivityStep        = 0.2
)

// compareConfig is what compare runs with, read from its flags.
type compareConfig struct {
	refs     []string // scenarios, the baseline first
	sim      sim.Config
	sensRuns int // replications of each sensitivity run (0: none)
	lang     model.Lang
	formats  []string
	out      string
	quiet    bool
	command  string                // the command line, for the report
	solve    solveFunc             // optimize.Solve; a test hands in a plan that breaks a rule
	order    *model.ObjectiveOrder // --objective, or nil: each scenario's
	// allowUnits compares scenarios on different units all the same
	// (--allow-different-units).
	allowUnits bool
}

// solveFunc solves a problem as optimize.Solve does.
type solveFunc func(context.Context, *optimize.Problem, *optimize.Settings) (*optimize.Result, error)

// compareFlags reads compare's flags and arguments.
func compareFlags(args []string) (*compareConfig, error) {
	fs := newFlags("compare")
	years := fs.Int("years", 10, fmt.Sprintf("years simulated, 1 to %d", simMaxYears))
	runs := fs.Int("runs", compareRuns, fmt.Sprintf("replications, 1 to %d", simMaxRuns))
	seed := fs.Uint64("seed", 1, "master seed (at least 1): the same seed gives the same output")
	langArg := langFlag(fs, "language of the report and charts")
	formats := fs.StringSlice("format", []string{"svg", "png"}, "image formats of the charts: svg, png, pdf (pdf also prints the whole report to report.pdf on A4; it needs rsvg-convert and Chromium)")
	out := fs.String("out", "", "directory to write the report into (required)")
	quiet := fs.Bool("quiet", false, "draw no progress bar")
	sensRuns := fs.Int("sensitivity-runs", compareSensitivityRuns, "replications of each sensitivity run (0: no tornado chart)")
	workers := fs.Int("workers", 0, "replications run at once (0: one per CPU); the output does not depend on it")
	rate := fs.Float64("discount", 0, "discount rate per year of the 5- and 10-year totals, in [0, 1)")
	baseline := fs.String("baseline", "", "the SCENARIO the others are compared with; as-is is the next scenario's world as it is today (default: as-is with no scenario given, else the first scenario)")
	objective := objectiveFlag(fs)
	allowUnits := fs.Bool(allowDifferentUnitsFlag, false, "compare scenarios on different units (places, or pre- against post-reform units) all the same; the report says what differs")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	order, err := parseObjective(fs, *objective)
	if err != nil {
		return nil, err
	}
	refs, err := compareRefs(fs.Args(), *baseline, fs.Changed("baseline"))
	if err != nil {
		return nil, err
	}
	switch {
	case *out == "":
		return nil, usagef("compare needs --out DIR")
	case *years < 1 || *years > simMaxYears:
		return nil, usagef("--years must be between 1 and %d, got %d", simMaxYears, *years)
	case *runs < 1 || *runs > simMaxRuns:
		return nil, usagef("--runs must be between 1 and %d, got %d", simMaxRuns, *runs)
	case *sensRuns < 0 || *sensRuns > simMaxRuns:
		return nil, usagef("--sensitivity-runs must be between 0 and %d, got %d", simMaxRuns, *sensRuns)
	case *seed == 0:
		return nil, usagef("--seed must be at least 1")
	case *workers < 0:
		return nil, usagef("--workers must not be negative, got %d", *workers)
	case !(*rate >= 0 && *rate < 1):
		return nil, usagef("--discount must be at least 0 and below 1, got %v", *rate)
	}
	if err := checkOutDir("--out", *out); err != nil {
		return nil, err
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	for _, f := range *formats {
		if !slices.Contains(report.Formats, f) {
			return nil, usagef("--format %q: want a list of %s", f, strings.Join(report.Formats, ", "))
		}
	}
	if err := checkPrintTools(*formats); err != nil {
		return nil, err
	}
	return &compareConfig{refs: refs, sensRuns: *sensRuns, lang: lang, formats: *formats, out: *out, quiet: *quiet,
		command: commandLine(args), sim: sim.Config{Years: *years, Runs: *runs, Seed: *seed, Workers: *workers, DiscountRate: *rate},
		solve: optimize.Solve, order: order, allowUnits: *allowUnits}, nil
}

// compareRefs are the scenarios compare runs, the baseline first: the
// baseline (as-is when none is given and no scenario is named) then the
// scenarios named (the default variants when none is).
func compareRefs(args []string, baseline string, given bool) ([]string, error) {
	if given && baseline == "" {
		return nil, usagef("--baseline needs a SCENARIO")
	}
	if len(args) == 0 {
		if !given {
			baseline = defaultBaseline
		}
		// --baseline nd185-2026 alone compares it with the other variants.
		args = slices.DeleteFunc(slices.Clone(defaultVariants), func(v string) bool { return v == baseline })
	}
	refs := slices.Clone(args)
	if baseline != "" {
		refs = append([]string{baseline}, refs...)
	}
	if _, err := asIsWorld(refs); err != nil {
		return nil, err
	}
	return refs, nil
}

// loadCompare loads the scenarios, which must have distinct names, and
// refuses an output directory among their files before reading any data.
func loadCompare(c *compareConfig) ([]*scenarios.Scenario, error) {
	loaded := make([]*scenarios.Scenario, len(c.refs))
	names := map[string]string{}
	var inputs []string
	for i, ref := range c.refs {
		s, err := loadRef(ref)
		if err != nil {
			return nil, err
		}
		name := asIsRef
		if s != nil {
			name = s.Name
		}
		if prev, dup := names[name]; dup {
			return nil, usagef("scenarios %s and %s are both named %q: names must differ", prev, ref, name)
		}
		names[name] = ref
		if s == nil {
			continue
		}
		loaded[i] = s
		inputs = append(inputs, s.Chain...)
		inputs = append(inputs, s.Data.Files()...)
	}
	// The report must never overwrite, or sit among, the files it is made
	// from.
	if err := atomicfile.CheckOutside(c.out, inputs); err != nil {
		return nil, usagef("--out: %v: choose another directory", err)
	}
	return loaded, loadData(loaded, c.refs, c.lang)
}

// compareWith is compare with the scenarios' plans made by solve, so that a
// test can hand it a plan that breaks a rule.
func compareWith(ctx context.Context, args []string, e *env, solve solveFunc) error {
	c, err := compareFlags(args)
	if err != nil {
		return err
	}
	c.solve = solve
	return compareRun(ctx, c, e)
}

// compareRun optimises and simulates every scenario and writes the report.
func compareRun(ctx context.Context, c *compareConfig, e *env) error {
	loaded, err := loadCompare(c)
	if err != nil {
		return err
	}
	diffs := unitDifferences(loaded)
	if len(diffs) > 0 && !c.allowUnits {
		return differentUnitsError(diffs, c.lang)
	}
	reportWarnings(e.stderr, e.lang, loaded...)
	bars := newProgressBars(e.stderr, c.quiet)
	defer bars.close()
	cmp := &report.Comparison{Lang: c.lang, DiscountRate: c.sim.DiscountRate, Command: c.command, UnitDifferences: diffs}
	models := make([]*model.Scenario, len(loaded))
	for i, s := range loaded {
		models[i] = &s.Scenario
		sc, rs, err := planCompared(ctx, c, models[i], e.stderr)
		if err != nil {
			return err
		}
		cmp.Rearrangements = append(cmp.Rearrangements, rs)
		bars.report(sim.Progress{Scenario: "compare", Stage: sim.StageOptimize, Done: i + 1, Total: len(loaded)})
		sc.Files = slices.Clone(s.Chain)
		for _, f := range s.Data.Files() {
			if f != "" {
				sc.Files = append(sc.Files, f)
			}
		}
		cmp.Scenarios = append(cmp.Scenarios, sc)
	}
	if cmp.Coverage, err = restrictToCoverage(ctx, c, models, cmp.Scenarios, cmp.Rearrangements); err != nil {
		return interrupted(ctx, err)
	}
	if !slices.ContainsFunc(cmp.Rearrangements, func(r *report.RearrangeSummary) bool { return r != nil }) {
		cmp.Rearrangements = nil
	}
	// One caching Assigner for the comparison and the sensitivity runs: a
	// pool the next re-plans hand over unchanged (a factor that leaves the
	// expected world alone repeats the last run's) is not solved again.
	// The as-is world is never re-planned.
	cfg := c.sim
	cfg.Assigner, cfg.Progress = asIsAssigner{next: optimize.NewAssigner(objectiveSettings(c.order))}, bars.callback()
	cfg.Mergers = mergePlanner(c.lang)
	if cmp.Sim, err = cfg.Compare(ctx, models[0], models[1:]...); err != nil {
		return interrupted(ctx, err)
	}
	if c.sensRuns > 0 && len(models) > 1 {
		sc := cfg
		sc.Runs, sc.PlanOnce = c.sensRuns, true
		if bars != nil {
			sc.Progress = func(p sim.Progress) {
				p.Scenario = "sensitivity: " + p.Scenario
				bars.report(p)
			}
		}
		if cmp.Sensitivity, err = sc.Sensitivity(ctx, models[0], models[1], sim.Factors, sensitivityStep); err != nil {
			return interrupted(ctx, err)
		}
		cmp.SensitivityRuns, cmp.SensitivityPlanOnce = sc.Runs, true
	}
	bars.close()
	return writeReport(ctx, c, cmp, e)
}

// comparePlan makes the plan of one scenario of the comparison, re-verified
// by the independent checker: the solver's, or today's holdings for the
// as-is world, whose breaches are printed to w and kept for the report.
func comparePlan(ctx context.Context, c *compareConfig, s *model.Scenario, w io.Writer) (report.Scenario, error) {
	if s.Name == asIsRef {
		res, breaches, err := asIsPlan(w, s, c.order, c.lang)
		if err != nil {
			return report.Scenario{}, fmt.Errorf("%s: %w", s.Name, err)
		}
		sc := report.Scenario{Model: s, Plan: res}
		for _, v := range breaches {
			sc.Breaches = append(sc.Breaches, v.Text())
		}
		return sc, nil
	}
	// A cancelled solve may return a partial plan without an error.
	prob := &optimize.Problem{Scenario: s}
	res, err := c.solve(ctx, prob, objectiveSettings(c.order))
	if err != nil || ctx.Err() != nil {
		return report.Scenario{}, interrupted(ctx, fmt.Errorf("optimising %s: %w", s.Name, err))
	}
	// Every plan the report shows is re-verified by the independent
	// checker.
	if _, err := check.Verify(prob, res); err != nil {
		return report.Scenario{}, fmt.Errorf("optimising %s: %w", s.Name, err)
	}
	return report.Scenario{Model: s, Plan: res}, nil
}

// writeReport renders the report and writes it into the output directory.
// Everything is rendered before anything is written, and the files are
// written as one set: an error or an interrupt leaves the directory as it
// was.
func writeReport(ctx context.Context, c *compareConfig, cmp *report.Comparison, e *env) error {
	files, err := report.Build(ctx, cmp, c.formats)
	if err != nil || ctx.Err() != nil {
		return interrupted(ctx, err)
	}
	set := make([]atomicfile.File, len(files))
	for i, f := range files {
		set[i] = atomicfile.File{Name: f.Name, Write: func(w io.Writer) error {
			_, err := w.Write(f.Data)
			return err
		}}
	}
	if err := writeSet(ctx, c.out, "compare", set); err != nil {
		return err
	}
	printCompareSummary(e.stdout, cmp, c.out, len(files))
	return nil
}

// interrupted says the command was interrupted when ctx was cancelled, and
// returns err otherwise.
func interrupted(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("compare interrupted: %w", ctx.Err())
	}
	return err
}

// commandLine is the command as a user would type it again.
func commandLine(args []string) string {
	parts := []string{"kiemnhiem", "compare"}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t'\"$\\") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// printCompareSummary prints the headline figures and where the report is.
func printCompareSummary(w io.Writer, c *report.Comparison, out string, nFiles int) {
	lang := c.Lang
	base := c.Scenarios[0]
	fmt.Fprintf(w, "%s %s\n", lang.Pick("Phương án gốc:", "Baseline:"), report.ScenarioName(base.Model, lang))
	for _, d := range c.UnitDifferences {
		fmt.Fprintf(w, "%s %s\n", lang.Pick("Khác đơn vị:", "Units differ:"), d.In(lang))
	}
	printCoverage(w, c.Coverage, lang)
	on := c.Coverage.Text(lang)
	for i, s := range c.Scenarios {
		line := fmt.Sprintf("  %-28s %7s %s [%s]", report.ScenarioName(s.Model, lang), lang.Int(int64(s.Plan.Objective.Headcount)), lang.Pick("người", "people"), on)
		if s.Plan.Status == optimize.AsIs {
			line += fmt.Sprintf(lang.Pick(" (hiện trạng, %s vi phạm quy định)", " (as it is today, %s breaches of the rules)"), lang.Int(int64(len(s.Breaches))))
		}
		if i > 0 {
			d := c.Sim.Differences[i-1]
			if len(d.NetSavings) > 0 {
				x := d.NetSavings[len(d.NetSavings)-1]
				line += fmt.Sprintf(lang.Pick(", tiết kiệm ròng %s năm %s tỷ đồng (p5 %s, p95 %s; bình quân %s tỷ/năm)", ", net savings over %s years %s billion đồng (p5 %s, p95 %s; %s billion a year on average)"),
					lang.Int(int64(x.Years)), lang.Number(x.P50/1e9, 1), lang.Number(x.P5/1e9, 1), lang.Number(x.P95/1e9, 1), lang.Number(x.P50/1e9/float64(x.Years), 2))
			}
		}
		fmt.Fprintln(w, line)
		printCompareRearrangement(w, c, i)
		if x := report.ExplainNetSavings(c, i); x != "" {
			fmt.Fprintf(w, "    %s\n", x)
		}
	}
	fmt.Fprintf(w, "%s %d %s %s\n", lang.Pick("Đã ghi", "Wrote"), nFiles, lang.Pick("tệp vào", "files to"), filepath.Join(out, report.ReportHTML)+" …")
}
