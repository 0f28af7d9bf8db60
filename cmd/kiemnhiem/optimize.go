package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
)

// Solvers optimize --solver accepts.
var optimizeSolvers = []string{"native", "cbc", "glpk"}

// Files optimize --out writes.
const (
	planCSVFile    = "plan.csv"
	planXLSXFile   = "plan.xlsx"
	peopleCSVFile  = "people.csv"
	summaryFile    = "summary.json"
	planSheet      = "plan"
	maxBindingText = 5 // binding reasons printed in the human summary
)

// optimizeSummary is what optimize --json prints and --out writes as
// summary.json.
type optimizeSummary struct {
	Scenario        string  `json:"scenario"`
	Date            string  `json:"date"`
	Solver          string  `json:"solver"`
	Mode            string  `json:"mode"`
	Status          string  `json:"status"`
	HeadcountBefore int     `json:"headcount_before"`
	HeadcountAfter  int     `json:"headcount_after"`
	CostBefore      int64   `json:"cost_before"`
	CostAfter       int64   `json:"cost_after"`
	Saving          int64   `json:"saving"`
	Objective       []int64 `json:"objective"`
	Bound           []int64 `json:"bound"`
	Gap             float64 `json:"gap"`
	Seconds         float64 `json:"seconds"`
	Pools           int     `json:"pools"`
	Titles          int     `json:"titles"`
	People          int     `json:"people"`
	Released        int     `json:"released"`
	Recruits        int     `json:"recruits"`
	SeveranceTotal  int64   `json:"severance_total"`
	UnplannedPools  int     `json:"unplanned_pools"`
	// ObjectiveChecked is the plan's value as the independent checker
	// prices it (omitted when some commune has no plan).
	ObjectiveChecked []int64       `json:"objective_checked,omitempty"`
	InfeasiblePools  []poolReasons `json:"infeasible_pools"`
	Binding          []poolReasons `json:"binding"`
	Pins             []string      `json:"pins"`
	Forbids          []string      `json:"forbids"`
	Out              string        `json:"out,omitempty"`
	ExportModel      string        `json:"export_model,omitempty"`

	status optimize.Status // for the human summary
	lang   string          // language of the texts
}

// poolReasons is one pool's explanation: why it has no plan, or what binds
// its headcount.
type poolReasons struct {
	Commune     string   `json:"commune"`
	CommuneName string   `json:"commune_name"`
	Reasons     []string `json:"reasons"`
}

func runOptimize(ctx context.Context, args []string, e *env) error {
	fs := newFlags("optimize")
	solver := fs.String("solver", "native", "solver: "+strings.Join(optimizeSolvers, ", "))
	timeLimit := fs.Duration("time-limit", 0, "stop the search after this long and report the best plan with its bound (0: no limit)")
	lang := fs.String("lang", "vi", "language of names and texts: vi or en")
	out := fs.String("out", "", "write plan.csv, plan.xlsx, people.csv and summary.json to this directory")
	asJSON := fs.Bool("json", false, "print a JSON summary")
	export := fs.String("export-mps", "", "also write the model to FILE: CPLEX-LP when FILE ends in .lp, MPS otherwise")
	pins := fs.StringArray("pin", nil, "PERSON:TITLE@UNIT: the person must hold the title (repeatable)")
	forbids := fs.StringArray("forbid", nil, "PERSON:TITLE@UNIT: the person must not hold the title (repeatable)")
	weighted := fs.Bool("weighted", false, "minimise a weighted sum of the levels instead of headcount, then cost, then disruption")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("optimize needs exactly one SCENARIO")
	}
	if !slices.Contains(optimizeSolvers, *solver) {
		return usagef("--solver must be one of %s, got %q", strings.Join(optimizeSolvers, ", "), *solver)
	}
	if *lang != "vi" && *lang != "en" {
		return usagef("--lang must be vi or en, got %q", *lang)
	}
	if *timeLimit < 0 {
		return usagef("--time-limit must not be negative, got %s", *timeLimit)
	}
	prob := &optimize.Problem{}
	for _, v := range *pins {
		p, err := parsePin(v)
		if err != nil {
			return usagef("--pin %v", err)
		}
		prob.Pins = append(prob.Pins, p)
	}
	for _, v := range *forbids {
		p, err := parsePin(v)
		if err != nil {
			return usagef("--forbid %v", err)
		}
		prob.Forbids = append(prob.Forbids, p)
	}

	s, err := scenarios.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	var outputs []string
	if *out != "" {
		for _, name := range []string{planCSVFile, planXLSXFile, peopleCSVFile, summaryFile} {
			outputs = append(outputs, filepath.Join(*out, name))
		}
	}
	if *export != "" {
		outputs = append(outputs, *export)
	}
	inputs := append([]string{s.Data.UnitsFile, s.Data.PeopleFile}, s.Chain...)
	if err := atomicfile.CheckDistinct(inputs, outputs); err != nil {
		return usagef("%v: choose another --out or --export-mps", err)
	}
	if *export != "" && *out != "" {
		if err := atomicfile.CheckDistinct(outputs[:len(outputs)-1], []string{*export}); err != nil {
			return usagef("%v: --export-mps names a file --out writes", err)
		}
	}
	if err := s.LoadData(); err != nil {
		return err
	}
	prob.Scenario = &s.Scenario
	set := &optimize.Settings{TimeLimit: *timeLimit}
	if *weighted {
		set.Mode = optimize.Weighted
	}

	if *export != "" {
		write := optimize.WriteMPS
		if strings.EqualFold(filepath.Ext(*export), ".lp") {
			write = optimize.WriteLP
		}
		if err := atomicfile.Write(*export, func(w io.Writer) error { return write(w, prob, set) }); err != nil {
			return err
		}
	}

	var res *optimize.Result
	if *solver == "native" {
		res, err = optimize.Solve(ctx, prob, set)
	} else {
		res, err = optimize.SolveExternal(ctx, prob, *solver, set)
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
	if vs := verified.Violations; len(vs) > 0 {
		fmt.Fprintf(e.stderr, "kiemnhiem optimize: the plan fails the checker (%d violations); this is a bug, please report it:\n", len(vs))
		for _, v := range vs {
			fmt.Fprintf(e.stderr, "  %v\n", v)
		}
		return errReported
	}
	unplanned := verified.Unplanned

	rows := planRows(&s.Scenario, ix, res.Plan, *lang)
	people := peopleRows(&s.Scenario, ix, res, unplanned, *lang)
	sum := summarise(s, ix, res, people, unplanned, *solver, set.Mode, *lang)
	// The checker prices the plan on its own; where every commune is
	// planned its value must be the solver's.
	if verified.Priced {
		sum.ObjectiveChecked = level(verified.Objective)
		if verified.Objective != res.Objective {
			fmt.Fprintf(e.stderr, "kiemnhiem optimize: warning: the solver values the plan at %v, the checker at %v (headcount, cost, disruption); please report this\n",
				sum.Objective, sum.ObjectiveChecked)
		}
	} else if verified.PriceErr != nil {
		fmt.Fprintf(e.stderr, "kiemnhiem optimize: warning: the checker cannot price the plan: %v\n", verified.PriceErr)
	}
	sum.Pins, sum.Forbids = pinStrings(prob.Pins), pinStrings(prob.Forbids)
	sum.Out, sum.ExportModel = *out, *export

	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		writes := []struct {
			name  string
			write func(io.Writer) error
		}{
			{planCSVFile, func(w io.Writer) error { return writePlanCSV(w, rows) }},
			{planXLSXFile, func(w io.Writer) error { return writePlanXLSX(w, rows) }},
			{peopleCSVFile, func(w io.Writer) error { return writePeopleCSV(w, people) }},
			{summaryFile, func(w io.Writer) error { return writeJSON(w, sum) }},
		}
		for _, f := range writes {
			if err := atomicfile.Write(filepath.Join(*out, f.name), f.write); err != nil {
				return err
			}
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, sum)
	}
	printSummary(e.stdout, sum)
	return nil
}

// parsePin reads PERSON:TITLE@UNIT.
func parsePin(v string) (optimize.Pin, error) {
	bad := func() (optimize.Pin, error) {
		return optimize.Pin{}, fmt.Errorf("%q: want PERSON:TITLE@UNIT, e.g. P000012:truong-thon@42001-03", v)
	}
	person, rest, ok := strings.Cut(v, ":")
	if !ok {
		return bad()
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return bad()
	}
	p := optimize.Pin{Person: strings.TrimSpace(person), Title: strings.TrimSpace(rest[:at]), Unit: strings.TrimSpace(rest[at+1:])}
	if p.Person == "" || p.Title == "" || p.Unit == "" || strings.ContainsAny(p.Title, ":@") || strings.Contains(p.Unit, ":") {
		return bad()
	}
	return p, nil
}

func pinStrings(ps []optimize.Pin) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// planRow is one line of plan.csv and plan.xlsx.
type planRow struct {
	Unit, UnitName, Title, TitleName, Person, PersonName, Role string
}

var planColumns = []string{"unit", "unit_name", "title", "title_name", "person", "person_name", "role"}

func (r planRow) record() []string {
	return []string{r.Unit, r.UnitName, r.Title, r.TitleName, r.Person, r.PersonName, r.Role}
}

func planRows(s *model.Scenario, ix *model.Index, plan model.Plan, lang string) []planRow {
	rows := make([]planRow, 0, len(plan.Assignments))
	for _, a := range plan.Assignments {
		r := planRow{Unit: a.Unit, Title: a.Title, Person: a.Person, Role: "concurrent"}
		if a.Main {
			r.Role = "main"
		}
		if u, ok := ix.Unit(a.Unit); ok {
			r.UnitName = u.Name
		}
		if t, ok := ix.Title(a.Title); ok {
			r.TitleName = t.Name.In(lang)
		}
		if p, ok := ix.Person(a.Person); ok {
			r.PersonName = p.Name
		} else if isRecruit(a.Person) {
			r.PersonName = tr(lang, "Người mới tuyển", "New recruit")
		}
		rows = append(rows, r)
	}
	return rows
}

// isRecruit reports whether id names a recruit of the plan (NEW-unit-n).
func isRecruit(id string) bool { return strings.HasPrefix(id, "NEW-") }

func writePlanCSV(w io.Writer, rows []planRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(planColumns); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writePlanXLSX writes the plan as one sheet, "plan", with the columns of
// plan.csv, a bold frozen header and every cell formatted as text so that
// codes keep their leading zeros.
func writePlanXLSX(w io.Writer, rows []planRow) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", planSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(planSheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, width := range []float64{12, 28, 28, 40, 12, 28, 12} {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	cells := make([]any, len(planColumns))
	for i, h := range planColumns {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for n, r := range rows {
		rec := r.record()
		cells := make([]any, len(rec))
		for i, v := range rec {
			cells[i] = excelize.Cell{StyleID: text, Value: v}
		}
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// personRow is one line of people.csv.
type personRow struct {
	ID, Name, Status          string
	TitlesBefore, TitlesAfter []string
	Severance                 model.Money
}

// Person statuses in people.csv.
const (
	statusKept       = "kept"       // holds titles after the plan (and held some before)
	statusReleased   = "released"   // held titles before, none after
	statusNew        = "new"        // a recruit of the plan
	statusAppointed  = "appointed"  // a listed candidate who held nothing and holds titles after
	statusUnassigned = "unassigned" // a listed candidate who holds nothing before or after
	statusUnplanned  = "unplanned"  // in a commune with no plan (infeasible or out of time): unchanged
)

var peopleOutColumns = []string{"id", "name", "status", "titles_before", "titles_after", "severance_estimate_dong"}

// peopleRows lists every person of the scenario, then the plan's recruits,
// with what they hold before and after and, for the released, the Decree
// 154/2025 severance estimate.
func peopleRows(s *model.Scenario, ix *model.Index, res *optimize.Result, unplanned map[string]bool, lang string) []personRow {
	after := map[string][]string{}
	var recruits []string
	for _, a := range res.Plan.Assignments {
		if _, seen := after[a.Person]; !seen && isRecruit(a.Person) {
			recruits = append(recruits, a.Person)
		}
		after[a.Person] = append(after[a.Person], a.Unit+"/"+a.Title)
	}
	sev := newSeverance(s, ix)
	rows := make([]personRow, 0, len(s.People)+len(recruits))
	for i := range s.People {
		p := &s.People[i]
		r := personRow{ID: p.ID, Name: p.Name, TitlesAfter: after[p.ID]}
		for _, h := range p.Holdings {
			r.TitlesBefore = append(r.TitlesBefore, h.Unit+"/"+h.Title)
		}
		switch {
		case len(unplanned) > 0 && unplanned[homeCommune(ix, p)]:
			r.Status = statusUnplanned
		case len(r.TitlesAfter) > 0 && len(r.TitlesBefore) > 0:
			r.Status = statusKept
		case len(r.TitlesAfter) > 0:
			r.Status = statusAppointed
		case len(r.TitlesBefore) > 0:
			r.Status = statusReleased
			r.Severance = sev.amount(p)
		default:
			r.Status = statusUnassigned
		}
		rows = append(rows, r)
	}
	sort.Strings(recruits)
	for _, id := range recruits {
		rows = append(rows, personRow{ID: id, Name: tr(lang, "Người mới tuyển", "New recruit"), Status: statusNew, TitlesAfter: after[id]})
	}
	return rows
}

// homeCommune is the commune a person's pool belongs to: that of their main
// holding, or else of their residence (as the optimiser splits pools).
func homeCommune(ix *model.Index, p *model.Person) string {
	if h, ok := p.MainHolding(); ok {
		if c, ok := ix.CommuneOf(h.Unit); ok {
			return c.Code
		}
	}
	if c, ok := ix.CommuneOf(p.Residence); ok {
		return c.Code
	}
	return ""
}

// severance estimates Decree 154/2025 support for released people on the
// plan date.
type severance struct {
	date       model.Date
	ix         *model.Index
	rule       model.SeveranceRule
	ok         bool
	base       model.Money
	retirement model.RetirementSchedule
}

func newSeverance(s *model.Scenario, ix *model.Index) *severance {
	sv := &severance{date: s.Date, ix: ix}
	var err1, err2 error
	sv.rule, err1 = s.Policy.Severance.At(s.Date)
	sv.base, err2 = s.Policy.BaseSalary.At(s.Date)
	sv.ok = err1 == nil && err2 == nil
	sv.retirement, _ = s.Policy.Retirement.At(s.Date)
	return sv
}

// amount is the support for p: A is the monthly allowance of p's main title
// today at the plan date's base salary; months served run from the main
// holding's start (0 when unknown); months to retirement from the plan date
// to p's retirement date (far off when the birth date is unknown). Someone
// who retired before the plan date gets none.
func (sv *severance) amount(p *model.Person) model.Money {
	if !sv.ok {
		return 0
	}
	h, ok := p.MainHolding()
	if !ok {
		return 0
	}
	t, ok := sv.ix.Title(h.Title)
	if !ok {
		return 0
	}
	a := t.AllowanceFor(p.Education).Of(sv.base)
	served := 0
	if !h.Start.IsZero() && h.Start < sv.date {
		served = h.Start.MonthsUntil(sv.date)
	}
	toRetirement := 1 << 20
	if r := sv.retirement.RetirementDate(p.Birth, p.Sex); !r.IsZero() {
		if r < sv.date {
			return 0 // retired before the plan date: a pension, not severance
		}
		toRetirement = sv.date.MonthsUntil(r)
	}
	return sv.rule.Amount(a, served, toRetirement)
}

func writePeopleCSV(w io.Writer, rows []personRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(peopleOutColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.ID, r.Name, r.Status, strings.Join(r.TitlesBefore, ";"), strings.Join(r.TitlesAfter, ";"), fmt.Sprint(int64(r.Severance))}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// level lists an objective's levels: headcount, cost, disruption.
func level(o optimize.Objective) []int64 {
	return []int64{int64(o.Headcount), int64(o.Cost), int64(o.Disruption)}
}

func summarise(s *scenarios.Scenario, ix *model.Index, res *optimize.Result, people []personRow, unplanned map[string]bool, solver string, mode optimize.Mode, lang string) *optimizeSummary {
	sum := &optimizeSummary{
		Scenario: s.Name, Date: s.Date.String(), Solver: solver, Mode: "lexicographic",
		Status:          res.Status.String(),
		HeadcountBefore: res.Before.Headcount, HeadcountAfter: res.Objective.Headcount,
		CostBefore: int64(res.AnnualCostBefore), CostAfter: int64(res.AnnualCostAfter),
		Saving:    int64(res.AnnualCostBefore - res.AnnualCostAfter),
		Objective: level(res.Objective), Bound: level(res.Bound), Gap: res.Gap, Seconds: res.Seconds,
		Pools: len(res.Pools), Titles: res.Titles, People: res.People,
		InfeasiblePools: []poolReasons{}, Binding: []poolReasons{},
		UnplannedPools: countCommunes(unplanned, res),
		status:         res.Status, lang: lang,
	}
	if mode == optimize.Weighted {
		sum.Mode = "weighted"
	}
	for _, p := range people {
		switch p.Status {
		case statusReleased:
			sum.Released++
			sum.SeveranceTotal += int64(p.Severance)
		case statusNew:
			sum.Recruits++
		}
	}
	for _, p := range res.Pools {
		if len(p.Explanation) == 0 && p.Status != optimize.Infeasible {
			continue
		}
		pr := poolReasons{Commune: p.Commune, Reasons: []string{}}
		if u, ok := ix.Unit(p.Commune); ok {
			pr.CommuneName = u.Name
		}
		for _, r := range p.Explanation {
			pr.Reasons = append(pr.Reasons, r.Text(lang))
		}
		if p.Status == optimize.Infeasible {
			sum.InfeasiblePools = append(sum.InfeasiblePools, pr)
		} else {
			sum.Binding = append(sum.Binding, pr)
		}
	}
	return sum
}

// countCommunes counts the pools whose commune is in set.
func countCommunes(set map[string]bool, res *optimize.Result) int {
	n := 0
	for _, p := range res.Pools {
		if set[p.Commune] {
			n++
		}
	}
	return n
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// tr picks the Vietnamese or English text.
func tr(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}

// printerFor formats numbers the local way: 1.234.567 in Vietnamese,
// 1,234,567 in English.
func printerFor(lang string) *message.Printer {
	if lang == "en" {
		return message.NewPrinter(language.English)
	}
	return message.NewPrinter(language.Vietnamese)
}

func statusText(s optimize.Status, lang string) string {
	switch s {
	case optimize.Optimal:
		return tr(lang, "tối ưu (đã chứng minh)", "optimal (proven)")
	case optimize.Feasible:
		return tr(lang, "khả thi, chưa chứng minh tối ưu", "feasible, not proven optimal")
	case optimize.Infeasible:
		return tr(lang, "không khả thi ở một số xã", "infeasible in some communes")
	case optimize.TimeLimit:
		return tr(lang, "hết thời gian, phương án tốt nhất đã tìm được", "time limit reached, best plan found")
	}
	return s.String()
}

// printSummary writes the human summary in the summary's language, with
// numbers grouped the local way (1.234.567 in Vietnamese, 1,234,567 in
// English).
func printSummary(w io.Writer, sum *optimizeSummary) {
	lang := sum.lang
	pr := printerFor(lang)
	money := func(m int64) string {
		if lang == "en" {
			return pr.Sprintf("%d dong", m)
		}
		return pr.Sprintf("%d đồng", m)
	}
	L := func(vi, en string) string { return tr(lang, vi, en) }
	fmt.Fprintf(w, "%s %s (%s), %s %s: %s [%s]\n", L("Kịch bản", "Scenario"), sum.Scenario, sum.Date,
		L("bộ giải", "solver"), sum.Solver, statusText(sum.status, lang), sum.Status)
	if sum.UnplannedPools > 0 {
		// Before covers every commune, after only the planned ones: no
		// difference is worth printing.
		pr.Fprintf(w, "%s: %d → %d %s\n", L("Số người", "People"), sum.HeadcountBefore, sum.HeadcountAfter,
			L("(sau: chỉ các xã có phương án)", "(after: communes with a plan only)"))
		fmt.Fprintf(w, "%s: %s → %s\n", L("Phụ cấp mỗi năm", "Annual allowance cost"), money(sum.CostBefore), money(sum.CostAfter))
	} else {
		pr.Fprintf(w, "%s: %d → %d (%+d)\n", L("Số người", "People"), sum.HeadcountBefore, sum.HeadcountAfter, sum.HeadcountAfter-sum.HeadcountBefore)
		fmt.Fprintf(w, "%s: %s → %s (%s %s)\n", L("Phụ cấp mỗi năm", "Annual allowance cost"),
			money(sum.CostBefore), money(sum.CostAfter), L("tiết kiệm", "saving"), money(sum.Saving))
	}
	if sum.Released > 0 || sum.Recruits > 0 {
		pr.Fprintf(w, "%s: %d; %s: %d; %s: %s\n", L("Thôi việc", "Released"), sum.Released,
			L("tuyển mới", "recruited"), sum.Recruits, L("hỗ trợ thôi việc ước tính (NĐ 154/2025)", "estimated severance (Decree 154/2025)"), money(sum.SeveranceTotal))
	}
	pr.Fprintf(w, "%s: %d %s, %d %s, %d %s; ", L("Quy mô", "Size"), sum.Pools, L("nhóm (xã)", "pools (communes)"),
		sum.Titles, L("chức danh", "titles"), sum.People, L("ứng viên", "candidates"))
	switch sum.status {
	case optimize.Optimal:
		pr.Fprintf(w, "%s; %.2f s\n", L("khoảng cách 0", "gap 0"), sum.Seconds)
	case optimize.Infeasible:
		pr.Fprintf(w, "%.2f s\n", sum.Seconds)
	default:
		pr.Fprintf(w, "%s %d/%d/%d, %s %.4f; %.2f s\n", L("cận dưới", "bound"), sum.Bound[0], sum.Bound[1], sum.Bound[2],
			L("khoảng cách", "gap"), sum.Gap, sum.Seconds)
	}
	if len(sum.InfeasiblePools) > 0 {
		pr.Fprintf(w, "%s (%d):\n", L("Xã không có phương án", "Communes with no plan"), len(sum.InfeasiblePools))
		for _, p := range sum.InfeasiblePools {
			fmt.Fprintf(w, "  %s %s:\n", p.Commune, p.CommuneName)
			for _, r := range p.Reasons {
				fmt.Fprintf(w, "    - %s\n", r)
			}
			if len(p.Reasons) == 0 {
				fmt.Fprintf(w, "    - %s\n", L("(không có giải thích)", "(no explanation)"))
			}
		}
	}
	if n := sum.UnplannedPools - len(sum.InfeasiblePools); n > 0 {
		pr.Fprintf(w, "%s: %d\n", L("Xã chưa có phương án khi dừng tìm kiếm", "Communes with no plan when the search stopped"), n)
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
			pr.Fprintf(w, "  … %s %d %s\n", L("và", "and"), total-shown, L("lý do khác (xem --json)", "more (see --json)"))
		}
	}
	if sum.Out != "" {
		fmt.Fprintf(w, "%s %s\n", L("Đã ghi", "Wrote"), strings.Join([]string{
			filepath.Join(sum.Out, planCSVFile), filepath.Join(sum.Out, planXLSXFile),
			filepath.Join(sum.Out, peopleCSVFile), filepath.Join(sum.Out, summaryFile)}, ", "))
	}
}
