package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Solvers optimize --solver accepts.
var optimizeSolvers = []string{"native", "cbc", "glpk"}

// Files optimize --out writes.
const (
	planCSVFile    = "plan.csv"
	planXLSXFile   = "plan.xlsx"
	peopleCSVFile  = "people.csv"
	summaryFile    = "summary.json"
	scheduleFile   = "schedule.csv" // schedule.go
	planAtFile     = "plan-at.csv"  // with --at
	maxBindingText = 5              // binding reasons printed in the human summary
)

// optimizeConfig is what optimize runs with, read from its flags.
type optimizeConfig struct {
	scenario      string // SCENARIO
	solver        string
	timeLimit     time.Duration
	lang          model.Lang
	out           string // --out directory, or ""
	asJSON        bool
	export        string // --export-mps file, or ""
	pins, forbids []optimize.Pin
	weighted      bool
	force         bool                  // replace a people.csv in out that optimize did not write
	asIs          bool                  // today's holdings as the plan, not optimised
	at            model.Date            // --at: the arrangement on this date, or zero
	order         *model.ObjectiveOrder // --objective, or nil: the scenario's
}

// optimizeFlags reads optimize's flags and arguments.
func optimizeFlags(args []string) (*optimizeConfig, error) {
	fs := newFlags("optimize")
	solver := fs.String("solver", "native", "solver: "+strings.Join(optimizeSolvers, ", "))
	timeLimit := fs.Duration("time-limit", 0, "stop the search after this long and report the best plan with its bound (0: no limit)")
	langArg := langFlag(fs, "language of names and texts")
	out := fs.String("out", "", "write plan.csv, plan.xlsx, people.csv and summary.json to this directory")
	asJSON := fs.Bool("json", false, "print a JSON summary")
	export := fs.String("export-mps", "", "also write the model to FILE: CPLEX-LP when FILE ends in .lp, MPS otherwise")
	pins := fs.StringArray("pin", nil, "PERSON:TITLE@UNIT: the person must hold the title (repeatable)")
	forbids := fs.StringArray("forbid", nil, "PERSON:TITLE@UNIT: the person must not hold the title (repeatable)")
	weighted := fs.Bool("weighted", false, "minimise a weighted sum of the levels instead of headcount, then cost, then disruption")
	force := fs.Bool("force", false, "replace a people.csv in --out that optimize did not write (a roster)")
	asIs := fs.Bool("as-is", false, "do not optimise: take today's holdings as the plan, price them and list the rules they break")
	at := fs.String("at", "", "DATE (YYYY-MM-DD): also give the arrangement as it stands on DATE as the plan's schedule carries it out (with --out: plan-at.csv)")
	objective := objectiveFlag(fs)
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	order, err := parseObjective(fs, *objective)
	if err != nil {
		return nil, err
	}
	if *asIs {
		for _, f := range []string{"solver", "time-limit", "export-mps", "pin", "forbid", "weighted"} {
			if fs.Changed(f) {
				return nil, usagef("--as-is does not optimise: --%s does not apply", f)
			}
		}
	}
	if *out != "" {
		if err := checkOutDir("--out", *out); err != nil {
			return nil, err
		}
	}
	if *export != "" {
		if err := checkExportFile(*export); err != nil {
			return nil, err
		}
	}
	if fs.NArg() != 1 {
		return nil, usagef("optimize needs exactly one SCENARIO")
	}
	if !slices.Contains(optimizeSolvers, *solver) {
		return nil, usagef("--solver must be one of %s, got %q", strings.Join(optimizeSolvers, ", "), *solver)
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	if *timeLimit < 0 {
		return nil, usagef("--time-limit must not be negative, got %s", *timeLimit)
	}
	c := &optimizeConfig{scenario: fs.Arg(0), solver: *solver, timeLimit: *timeLimit, lang: lang,
		out: *out, asJSON: *asJSON, export: *export, weighted: *weighted, force: *force, asIs: *asIs, order: order}
	if *at != "" {
		d, err := model.ParseDate(*at)
		if err != nil {
			return nil, usagef("--at expects a date YYYY-MM-DD, got %q", *at)
		}
		c.at = d
	}
	for _, v := range *pins {
		p, err := parsePin(v)
		if err != nil {
			return nil, usagef("--pin %v", err)
		}
		c.pins = append(c.pins, p)
	}
	for _, v := range *forbids {
		p, err := parsePin(v)
		if err != nil {
			return nil, usagef("--forbid %v", err)
		}
		c.forbids = append(c.forbids, p)
	}
	return c, nil
}

// loadOptimize loads the scenario and its data, refusing outputs that would
// overwrite any of its files before reading any data.
func loadOptimize(c *optimizeConfig) (*scenarios.Scenario, error) {
	s, err := scenarios.Load(c.scenario)
	if err != nil {
		return nil, err
	}
	var outputs []string
	if c.out != "" {
		for _, name := range []string{planCSVFile, planXLSXFile, peopleCSVFile, peopleXLSXFile, appointmentsFile, summaryFile, scheduleFile, planAtFile} {
			outputs = append(outputs, filepath.Join(c.out, name))
		}
	}
	if c.export != "" {
		outputs = append(outputs, c.export)
	}
	inputs := append(s.Data.Files(), s.Chain...)
	if err := atomicfile.CheckDistinct(inputs, outputs); err != nil {
		return nil, usagef("%v: choose another --out or --export-mps", err)
	}
	if c.export != "" && c.out != "" {
		if err := atomicfile.CheckDistinct(outputs[:len(outputs)-1], []string{c.export}); err != nil {
			return nil, usagef("%v: --export-mps names a file --out writes", err)
		}
	}
	if c.out != "" {
		if err := refuseRosters(c.out, "optimize", []string{peopleCSVFile, peopleXLSXFile}, c.force); err != nil {
			return nil, err
		}
	}
	return s, s.LoadData()
}

// optimizeRun solves, verifies the plan, and prints or writes the result.
func optimizeRun(ctx context.Context, c *optimizeConfig, e *env) error {
	s, err := loadOptimize(c)
	if err != nil {
		return err
	}
	reportWarnings(e.stderr, e.lang, s)
	prob := &optimize.Problem{Scenario: &s.Scenario, Pins: c.pins, Forbids: c.forbids}
	set := &optimize.Settings{TimeLimit: c.timeLimit, Order: c.order}
	if c.weighted {
		set.Mode = optimize.Weighted
	}
	if c.export != "" {
		if err := exportModel(ctx, c.export, prob, set); err != nil {
			return err
		}
	}

	var res *optimize.Result
	switch {
	case c.asIs:
		res, err = optimize.AsItIsFor(prob, set)
	case c.solver == "native":
		res, err = optimize.Solve(ctx, prob, set)
	default:
		res, err = optimize.SolveExternal(ctx, prob, c.solver, set)
	}
	// An interrupted search is not a result: its plan may be worse than
	// the one already in --out, so nothing is printed or written.
	if ctx.Err() != nil || (err == nil && res.Status == optimize.Interrupted) {
		return fmt.Errorf("optimize: the search was stopped before it ended: %w", errInterrupted)
	}
	if err != nil {
		return err
	}
	ix, err := model.NewIndex(&s.Scenario)
	if err != nil {
		return err
	}
	// The independent checker re-verifies the plan. A violation is a bug
	// in the solver: it is printed and the command fails without writing
	// the plan.
	verified, verr := check.Verify(prob, res)
	if verified == nil {
		return verr
	}
	if verified.AsIs {
		printBreaches(e.stderr, s.Name, verified.Violations, c.lang)
	} else if vs := verified.Violations; len(vs) > 0 {
		fmt.Fprintf(e.stderr, "kiemnhiem optimize: the plan fails the checker (%d violations); this is a bug, please report it:\n", len(vs))
		for _, v := range vs {
			fmt.Fprintf(e.stderr, "  %v\n", v)
		}
		return errReported
	}
	unplanned := verified.Unplanned

	rows := tables.PlanRows(&s.Scenario, ix, res.Plan, c.lang)
	people := tables.PersonOutcomes(&s.Scenario, ix, res.Plan, unplanned, c.lang)
	sum := report.NewOptimizeSummary(&s.Scenario, ix, res, people, unplanned, c.solver, set.Mode, c.lang)
	// The checker prices the plan on its own; where every commune is
	// planned its value must be the solver's.
	if verified.Priced {
		sum.ObjectiveChecked = report.ObjectiveLevels(verified.Objective)
		if verified.Objective != res.Objective {
			fmt.Fprintf(e.stderr, "kiemnhiem optimize: warning: the solver values the plan at %v, the checker at %v (headcount, cost, disruption); please report this\n",
				sum.Objective, sum.ObjectiveChecked)
		}
	} else if verified.PriceErr != nil {
		fmt.Fprintf(e.stderr, "kiemnhiem optimize: warning: the checker cannot price the plan: %v\n", verified.PriceErr)
	}
	sum.Pins, sum.Forbids = pinStrings(prob.Pins), pinStrings(prob.Forbids)
	for _, w := range s.Warnings {
		sum.Warnings = append(sum.Warnings, w.Warning())
	}
	sum.Out, sum.ExportModel = c.out, c.export
	if verified.AsIs {
		for _, v := range verified.Violations {
			sum.Breaches = append(sum.Breaches, v.Text().In(c.lang))
		}
	}

	sched, err := newPlanSchedule(c, s, res, sum)
	if err != nil {
		return err
	}
	if c.out != "" {
		files := optimizeFiles(rows, sum)
		files = append(files, newPlanRoster(s, ix, res.Plan, unplanned, c.lang).files()...)
		files = append(files, sched.files(c, s, ix)...)
		if err := writeSet(ctx, c.out, "optimize", files); err != nil {
			return err
		}
	}
	if c.asJSON {
		return report.WriteJSON(e.stdout, sum)
	}
	printSummary(e.stdout, sum)
	return nil
}

// optimizeFiles are plan.csv, plan.xlsx and summary.json (people.csv and
// the other roster files are planfiles.go's),
// written into --out as one set with the schedule's files (schedule.go).
func optimizeFiles(rows []tables.PlanRow, sum *report.OptimizeSummary) []atomicfile.File {
	return []atomicfile.File{
		{Name: planCSVFile, Write: func(w io.Writer) error { return tables.WritePlanCSVIn(w, rows, sum.Lang) }},
		{Name: planXLSXFile, Write: func(w io.Writer) error { return tables.WritePlanXLSXIn(w, rows, sum.Lang) }},
		{Name: summaryFile, Write: func(w io.Writer) error { return report.WriteJSON(w, sum) }},
	}
}

// exportModel writes the model to path: CPLEX-LP when it ends in .lp, MPS
// otherwise. It is written before the solve (a solver may fail or run
// long), unless a signal came first.
func exportModel(ctx context.Context, path string, prob *optimize.Problem, set *optimize.Settings) error {
	write := optimize.WriteMPS
	if strings.EqualFold(filepath.Ext(path), ".lp") {
		write = optimize.WriteLP
	}
	var b bytes.Buffer
	if err := write(&b, prob, set); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("--export-mps: %w", errInterrupted)
	}
	return atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(b.Bytes()); return err })
}

// printSummary writes the human summary in the summary's language, with
// numbers grouped the local way (1.234.567 in Vietnamese, 1,234,567 in
// English).
func printSummary(w io.Writer, sum *report.OptimizeSummary) {
	lang := sum.Lang
	L, n := lang.Pick, lang.Int
	money := func(m int64) string { return n(m) + " đồng" }
	fmt.Fprintf(w, "%s %s (%s), %s %s: %s [%s]\n", L("Kịch bản", "Scenario"), sum.Scenario, sum.Date,
		L("bộ giải", "solver"), sum.Solver, sum.SolveStatus.Text().In(lang), sum.Status)
	printObjective(w, sum)
	// Before, after and saving cover the same communes: those with a plan.
	if sum.UnplannedPools > 0 {
		fmt.Fprintf(w, "%s: %s/%s %s; %s: %s %s, %s\n", L("Phạm vi", "Coverage"), n(int64(sum.PlannedPools)), n(int64(sum.Pools)),
			L("xã có phương án, số liệu dưới đây chỉ tính các xã này", "communes with a plan, the figures below cover those only"),
			L("hiện nay ở mọi xã", "today in every commune"), n(int64(sum.HeadcountBeforeAll)), L("người", "people"), money(sum.CostBeforeAll))
	}
	change := n(int64(sum.HeadcountAfter - sum.HeadcountBefore))
	if sum.HeadcountAfter >= sum.HeadcountBefore {
		change = "+" + change
	}
	// Every headline names its coverage: the same communes before and after.
	on := ""
	if sum.Pools > 0 {
		on = fmt.Sprintf(" [%s / %s %s]", n(int64(sum.PlannedPools)), n(int64(sum.Pools)), L("xã", "communes"))
	}
	fmt.Fprintf(w, "%s: %s → %s (%s)%s\n", L("Số người", "People"), n(int64(sum.HeadcountBefore)), n(int64(sum.HeadcountAfter)), change, on)
	fmt.Fprintf(w, "%s: %s → %s (%s %s)%s\n", L("Phụ cấp mỗi năm", "Annual allowance cost"),
		money(sum.CostBefore), money(sum.CostAfter), L("tiết kiệm", "saving"), money(sum.Saving), on)
	if sum.Released > 0 || sum.Recruits > 0 {
		fmt.Fprintf(w, "%s: %s; %s: %s; %s: %s\n", L("Thôi việc", "Released"), n(int64(sum.Released)),
			L("tuyển mới", "recruited"), n(int64(sum.Recruits)), L("hỗ trợ thôi việc ước tính (NĐ 154/2025)", "estimated severance (Decree 154/2025)"), money(sum.SeveranceTotal))
	}
	printSize(w, sum)
	printSchedule(w, sum)
	printCauses(w, sum)
	if len(sum.InfeasiblePools) > 0 {
		fmt.Fprintf(w, "%s (%s):\n", L("Xã không có phương án", "Communes with no plan"), n(int64(len(sum.InfeasiblePools))))
		for _, p := range sum.InfeasiblePools {
			fmt.Fprintf(w, "  %s %s:\n", p.Commune, p.CommuneName)
			for _, r := range p.Reasons {
				fmt.Fprintf(w, "    - %s\n", r)
			}
			if len(p.Reasons) == 0 {
				fmt.Fprintf(w, "    - %s\n", L("(không có giải thích)", "(no explanation)"))
			}
			printFixes(w, sum, p)
		}
	}
	printPinEffects(w, sum)
	if stopped := sum.UnplannedPools - len(sum.InfeasiblePools); stopped > 0 {
		fmt.Fprintf(w, "%s: %s\n", L("Xã chưa có phương án khi dừng tìm kiếm", "Communes with no plan when the search stopped"), n(int64(stopped)))
	}
	shown, total := 0, 0
	for _, p := range sum.Binding {
		total += len(p.Reasons)
	}
	if total > 0 {
		fmt.Fprintf(w, "%s:\n", L("Ràng buộc giữ số người", "What keeps the headcount up"))
	binding:
		for _, p := range sum.Binding {
			for _, r := range p.Reasons {
				if shown == maxBindingText {
					break binding
				}
				fmt.Fprintf(w, "  - %s %s: %s\n", p.Commune, p.CommuneName, r)
				shown++
			}
		}
		if total > shown {
			fmt.Fprintf(w, "  … %s %s %s\n", L("và", "and"), n(int64(total-shown)), L("lý do khác (xem --json)", "more (see --json)"))
		}
	}
	if sum.Out != "" {
		fmt.Fprintf(w, "%s %s\n", L("Đã ghi", "Wrote"), strings.Join([]string{
			filepath.Join(sum.Out, planCSVFile), filepath.Join(sum.Out, planXLSXFile),
			filepath.Join(sum.Out, peopleCSVFile), filepath.Join(sum.Out, peopleXLSXFile), filepath.Join(sum.Out, appointmentsFile),
			filepath.Join(sum.Out, summaryFile), filepath.Join(sum.Out, scheduleFile)}, ", "))
	}
}

// printSize prints the size of the problem and how far the answer is from
// proven: for today's holdings (--as-is), the seats held and the breaches.
func printSize(w io.Writer, sum *report.OptimizeSummary) {
	lang := sum.Lang
	L, n := lang.Pick, lang.Int
	if sum.SolveStatus == optimize.AsIs {
		fmt.Fprintf(w, "%s: %s %s, %s %s; %s %s; %s s\n", L("Quy mô", "Size"), n(int64(sum.Titles)), L("suất chức danh đang có người giữ", "title seats held"),
			n(int64(sum.HeadcountAfter)), L("người", "people"), n(int64(len(sum.Breaches))), L("vi phạm quy định (xem trên)", "breaches of the rules (listed above)"),
			lang.Number(sum.Seconds, 2))
		return
	}
	fmt.Fprintf(w, "%s: %s %s, %s %s, %s %s; ", L("Quy mô", "Size"), n(int64(sum.Pools)), L("nhóm (xã)", "pools (communes)"),
		n(int64(sum.Titles)), L("chức danh", "titles"), n(int64(sum.People)), L("ứng viên", "candidates"))
	switch sum.SolveStatus {
	case optimize.Optimal:
		fmt.Fprintf(w, "%s; %s s\n", L("khoảng cách 0", "gap 0"), lang.Number(sum.Seconds, 2))
	case optimize.Infeasible:
		fmt.Fprintf(w, "%s s\n", lang.Number(sum.Seconds, 2))
	default:
		fmt.Fprintf(w, "%s %s/%s/%s, %s %s; %s s\n", L("cận dưới", "bound"), n(sum.Bound[0]), n(sum.Bound[1]), n(sum.Bound[2]),
			L("khoảng cách", "gap"), lang.Number(sum.Gap, 4), lang.Number(sum.Seconds, 2))
	}
}
