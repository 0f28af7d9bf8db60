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
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// Values of rearrange's --goal and --adjacency.
var (
	rearrangeGoals     = []string{"fewest-merges", "consolidation"}
	rearrangeAdjacency = []string{"auto", "off"}
)

// rearrangeWindow is the years over which rearrange states net savings.
const rearrangeWindow = villageplan.DefaultWindowYears

// rearrangeConfig is what rearrange runs with, read from its flags.
type rearrangeConfig struct {
	scenario  string
	out       string
	asJSON    bool
	lang      model.Lang
	maxMerge  int
	goal      rearrange.Goal
	adjacency string // auto or off
	discount  float64
	// given holds the rule flags (max-merge, goal, adjacency) given on
	// the command line: they override a decided plan's rules.
	given map[string]bool
}

// rearrangeFlags reads rearrange's flags and arguments.
func rearrangeFlags(args []string) (*rearrangeConfig, error) {
	fs := newFlags("rearrange")
	out := fs.String("out", "", "write mapping, bands and dossier files (CSV and XLSX) to this directory")
	asJSON := fs.Bool("json", false, "print the result as one JSON object")
	langArg := langFlag(fs, "language of names and texts")
	maxMerge := fs.Int("max-merge", 3, "the most villages that may merge into one")
	goal := fs.String("goal", "fewest-merges", "what to optimise: "+strings.Join(rearrangeGoals, ", "))
	adj := fs.String("adjacency", "auto", "merge only neighbours when the villages carry neighbour lists (auto), or ignore them (off)")
	rate := fs.Float64("discount", 0, "discount rate per year of the net savings over the window, in [0, 1), as compare's --discount")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 1 {
		return nil, usagef("rearrange needs exactly one SCENARIO")
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	if *maxMerge < 1 || *maxMerge > rearrange.MaxMergeLimit {
		return nil, usagef("--max-merge must be between 1 and %d, got %d", rearrange.MaxMergeLimit, *maxMerge)
	}
	g := slices.Index(rearrangeGoals, *goal)
	if g < 0 {
		return nil, usagef("--goal must be one of %s, got %q", strings.Join(rearrangeGoals, ", "), *goal)
	}
	if !slices.Contains(rearrangeAdjacency, *adj) {
		return nil, usagef("--adjacency must be one of %s, got %q", strings.Join(rearrangeAdjacency, ", "), *adj)
	}
	if !(*rate >= 0 && *rate < 1) {
		return nil, usagef("--discount must be at least 0 and below 1, got %v", *rate)
	}
	if *out != "" {
		if err := checkOutDir("--out", *out); err != nil {
			return nil, err
		}
	}
	return &rearrangeConfig{scenario: fs.Arg(0), out: *out, asJSON: *asJSON, lang: lang, maxMerge: *maxMerge,
		goal: rearrange.Goal(g), adjacency: *adj, discount: *rate,
		given: map[string]bool{"max-merge": fs.Changed("max-merge"), "goal": fs.Changed("goal"), "adjacency": fs.Changed("adjacency")}}, nil
}

// rearrangeRun plans the rearrangement of every commune's villages,
// verifies each plan, re-plans the people of the villages after it, and
// prints or writes the result.
func rearrangeRun(ctx context.Context, c *rearrangeConfig, e *env) error {
	s, err := loadRearrange(c)
	if err != nil {
		return err
	}
	reportWarnings(e.stderr, e.lang, s)
	r, err := planOrPrice(ctx, &s.Scenario, c.options(planDateMapping(&s.Scenario)), c.lang)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("rearrange: %w", errInterrupted)
	}
	if err != nil {
		return err
	}
	sum := report.NewRearrangeSummary(r, c.lang)
	if c.out != "" {
		if err := writeSet(ctx, c.out, "rearrange", rearrangeFiles(sum, r.Communes)); err != nil {
			return err
		}
	}
	if c.asJSON {
		return report.WriteJSON(e.stdout, sum)
	}
	printRearrange(e.stdout, sum)
	return nil
}

// options are what rearrange plans or prices with: its flags, and for a
// decided plan m (nil: none) the rules of its merger where no flag is
// given (model.Merger.DecidedRules, rearrange's defaults without rules).
func (c *rearrangeConfig) options(m *model.Merger) villageplan.Options {
	opt := villageplan.Options{MaxMerge: c.maxMerge, Goal: c.goal, Adjacency: c.adjacency == "auto", WindowYears: rearrangeWindow,
		DiscountRate: c.discount}
	if m == nil {
		return opt
	}
	r := villageplan.MergerOptions(m.DecidedRules())
	if !c.given["max-merge"] {
		opt.MaxMerge = r.MaxMerge
	}
	if !c.given["goal"] {
		opt.Goal = r.Goal
	}
	if !c.given["adjacency"] {
		opt.Adjacency = r.Adjacency
	}
	return opt
}

// loadRearrange loads the scenario and its data, refusing an --out that
// would overwrite one of its files.
func loadRearrange(c *rearrangeConfig) (*scenarios.Scenario, error) {
	s, err := scenarios.Load(c.scenario)
	if err != nil {
		return nil, err
	}
	if c.out != "" {
		var outputs []string
		for _, f := range rearrangeFileNames {
			outputs = append(outputs, filepath.Join(c.out, f))
		}
		if err := atomicfile.CheckDistinct(append(s.Data.Files(), s.Chain...), outputs); err != nil {
			return nil, usagef("%v: choose another --out", err)
		}
	}
	return s, s.LoadData()
}

// printRearrange writes the human summary in the summary's language.
func printRearrange(w io.Writer, sum *report.RearrangeSummary) {
	lang := sum.Lang
	L, n := lang.Pick, func(x int) string { return lang.Int(int64(x)) }
	fmt.Fprintf(w, "%s %s (%s): %s; %s; %s %s\n", L("Kịch bản", "Scenario"), sum.Scenario, sum.Date, sum.GoalText,
		fmt.Sprintf(L("tối đa %d thôn nhập thành một", "at most %d villages into one"), sum.MaxMerge), L("liền kề", "adjacency"), sum.Adjacency)
	fmt.Fprintf(w, "%s: %s → %s (%s %s, %s %s)\n", L("Số thôn, tổ dân phố", "Villages"), n(sum.VillagesBefore), n(sum.VillagesAfter),
		n(sum.Merges), L("thôn được nhập", "merged away"), n(sum.HouseholdsMoved), L("hộ chuyển thôn", "households change village"))
	band := func(b report.Bands) string {
		pc := func(x float64) string { return lang.Number(100*x, 1) + " %" }
		return fmt.Sprintf("%s (%s) / %s (%s) / %s (%s)", n(b.Meets), pc(b.MeetsShare), n(b.Half), pc(b.HalfShare), n(b.UnderHalf), pc(b.UnderHalfShare))
	}
	fmt.Fprintf(w, "%s:\n  %s: %s\n  %s: %s\n", L("Thôn đạt ≥ 100 % / 50 đến < 100 % / < 50 % mức chuẩn số hộ", "Villages at ≥ 100 % / 50 to < 100 % / < 50 % of their floor"),
		L("trước", "before"), band(sum.BandsBefore), L("sau", "after"), band(sum.BandsAfter))
	printDecided(w, sum)
	if sum.Decided == nil {
		fmt.Fprintf(w, "%s: %s / %s\n", L("Xã đã chứng minh tối ưu", "Communes proven optimal"), n(sum.Proven), n(sum.Communes))
	}
	for _, l := range sum.Limited {
		bound := L("chưa có cận", "no bound")
		if l.MergeBound {
			bound = L("cận ", "bound ") + n(l.BoundMerges)
		}
		fmt.Fprintf(w, "  %s %s: %s %d (%s %d), %s %d (%s), %s %s %s\n", L("xã", "commune"), l.Commune,
			L("thôn dưới mức chuẩn", "villages below their floor"), l.Under, L("cận", "bound"), l.BoundUnder,
			L("thôn được nhập", "merged away"), l.Merges, bound,
			L("dừng sau", "stopped after"), lang.Int(l.Nodes), L("nút", "nodes"))
	}
	fmt.Fprintf(w, "%s: %s\n", L("Thôn còn dưới mức chuẩn sau sắp xếp", "Villages still below their floor"), n(len(sum.Below)))
	for _, b := range sum.Below {
		fmt.Fprintf(w, "  %s %s: %s (%s %s)\n", L("xã", "commune"), b.Commune, strings.TrimSuffix(b.Why, "."), L("mức chuẩn:", "floor:"), b.FloorWhy)
	}
	printRearrangePeople(w, sum)
}

// printRearrangePeople writes the people and money lines.
func printRearrangePeople(w io.Writer, sum *report.RearrangeSummary) {
	p := sum.People
	if p == nil {
		return
	}
	lang := sum.Lang
	L, n := lang.Pick, func(x int) string { return lang.Int(int64(x)) }
	money := func(m int64) string { return lang.Int(m) + " đồng" }
	fmt.Fprintf(w, "%s: %s → %s; %s: %s → %s\n", L("Số người", "People"), n(p.PeopleBefore), n(p.PeopleAfter),
		L("chức danh", "titles"), n(p.TitlesBefore), n(p.TitlesAfter))
	fmt.Fprintf(w, "%s %s, %s %s, %s %s\n", L("Giữ lại", "Kept"), n(p.Kept), L("thôi việc", "released"), n(p.Released),
		L("tuyển mới", "recruited"), n(p.Recruited))
	fmt.Fprintf(w, "%s: %s → %s; %s: %s → %s\n", L("Phụ cấp mỗi năm", "Allowances a year"), money(p.AllowancesBefore), money(p.AllowancesAfter),
		L("quỹ phụ cấp mỗi năm", "allowance funds a year"), money(p.FundsBefore), money(p.FundsAfter))
	fmt.Fprintf(w, "%s (%s): %s\n", L("Trợ cấp thôi việc", "Severance"), p.SeveranceRegime, money(p.Severance))
	fmt.Fprintf(w, "%s: %s; %s %d %s (%s): %s", L("Tiết kiệm mỗi năm", "Saving a year"), money(p.SavingPerYear),
		L("tiết kiệm ròng", "net savings over"), p.WindowYears, L("năm", "years"), L("chưa chiết khấu", "undiscounted"), money(p.NetSavings))
	if p.DiscountRate > 0 {
		fmt.Fprintf(w, "; %s %s %%/%s: %s", L("chiết khấu", "discounted at"), lang.Number(100*p.DiscountRate, 1), L("năm", "year"), money(p.NetSavingsDiscounted))
	}
	fmt.Fprintf(w, "\n  %s\n", p.NetSavingsBasis)
}
