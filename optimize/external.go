package optimize

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The bundle model: for every pool, one binary column x[c,b] per candidate
// c and non-empty bundle b (a set of titles c may hold, from pool.bundles),
// and the rows
//
//	cand_c:   Σ_b x[c,b] ≤ 1            (= 1 when c has fixed titles)
//	cover_s:  Σ_{b∋s} x[c,b] = need_s
//	ccap:     Σ_{b holds a commune title} x ≤ commune cap
//	vcap_u:   Σ_{b holds a title of village u} x ≤ village cap
//	cfund:    Σ spend_commune(b)·x ≤ commune fund (monthly đồng)
//	vfund_u:  Σ spend_u(b)·x ≤ fund of village u
//	pinout_k: 0 = 1                     (a pin on someone who is no candidate)
//
// Each level's objective is Σ (obj(b) − obj(∅_c))·x[c,b] plus the constant
// Σ_c obj(∅_c) (the disruption of releasing everyone), which is kept out of
// the files and added back when a solution is read. The native solver
// optimises exactly this model; the external back ends exist to check it.

// bundleVar is one column of the bundle model.
type bundleVar struct {
	cand, bundle int
	delta        Objective // obj(b) − obj(∅_c)
}

// bundleModel is the bundle model of one pool.
type bundleModel struct {
	pl      *pool
	prefix  string
	bundles [][]bundle
	vars    []bundleVar
	names   []string
	rows    []lpRow // constraints shared by every level; every coefficient is whole
	base    Objective
}

// lpRowStem names the rows of the bundle model that enforce rule k, after
// the pool's prefix; "" when the columns enforce it (a candidate's bundles
// hold only titles they may hold, together, within their hours and the
// titles per person, and recruits exist only as the policy allows), and
// "-" for a note, which no row enforces. A candidate with titles to keep
// (terms, pins) takes exactly one bundle, and every bundle keeps them.
func lpRowStem(k Rule) string {
	switch k {
	case RuleTerms, RulePin:
		return "cand"
	case RuleCoverage:
		return "cover"
	case RulePinOutside:
		return "pinout"
	case RuleCommuneCap:
		return "ccap"
	case RuleVillageCap:
		return "vcap"
	case RuleCommuneFund:
		return "cfund"
	case RuleVillageFund:
		return "vfund"
	case RuleRequirement, RuleEligibility, RuleMaxTitles, RuleCombination, RuleWorkload, RuleForbid,
		RuleRecruitment, RuleCandidate, RuleDuplicate:
		return ""
	case RuleNoEligible, RuleNotMinimal, RuleNoPlan:
		return "-"
	}
	panic("optimize: the LP writer does not know rule " + k.String())
}

// newBundleModel enumerates the bundles of pool pl and writes its rows.
// Names start with prefix.
func newBundleModel(pl *pool, prefix string) (*bundleModel, error) {
	bm := &bundleModel{pl: pl, prefix: prefix, bundles: make([][]bundle, len(pl.cands))}
	candRows, err := bm.candidateRows()
	if err != nil {
		return nil, err
	}
	bm.rows = append(candRows, bm.coverRows()...)
	// A pin on someone who is not a candidate here (retired, or serving
	// another commune) cannot be honoured: a row no plan meets.
	for k := range pl.impossible {
		bm.rows = append(bm.rows, lpRow{name: fmt.Sprintf("%s_%s%d", prefix, lpRowStem(RulePinOutside), k), sense: lpEQ, rhs: 1})
	}
	bm.addCapRows()
	bm.addFundRows()
	return bm, nil
}

// candidateRows enumerates each candidate's bundles, adds a column for
// each bundle but the empty one, and returns the rows that let each
// candidate take one bundle at most (exactly one when they must keep a
// title or have no empty bundle).
func (bm *bundleModel) candidateRows() ([]lpRow, error) {
	pl, prefix := bm.pl, bm.prefix
	var candRows []lpRow
	for ci := range pl.cands {
		bs, ok := pl.bundles(ci)
		if !ok {
			return nil, fmt.Errorf("optimize: commune %s: candidate %s has more than %d possible sets of titles; the bundle model would be too large",
				pl.units[0].Code, bm.candName(ci), maxBundlesPerCand)
		}
		bm.bundles[ci] = bs
		var empty Objective
		hasEmpty := false
		for _, b := range bs {
			if len(b.slots) == 0 {
				empty, hasEmpty = b.obj, true
			}
		}
		bm.base = bm.base.Add(empty)
		row := lpRow{name: fmt.Sprintf("%s_%s%d", prefix, lpRowStem(RuleTerms), ci), sense: lpLE, rhs: 1}
		if len(pl.cands[ci].fixed) > 0 || !hasEmpty {
			row.sense = lpEQ
		}
		for bi, b := range bs {
			if len(b.slots) == 0 {
				continue
			}
			j := len(bm.vars)
			d := Objective{b.obj.Headcount - empty.Headcount, b.obj.Cost - empty.Cost, b.obj.Disruption - empty.Disruption}
			bm.vars = append(bm.vars, bundleVar{cand: ci, bundle: bi, delta: d})
			bm.names = append(bm.names, fmt.Sprintf("%s_x%d_%d", prefix, ci, bi))
			row.terms = append(row.terms, lpTerm{j, 1})
		}
		// A row without terms is kept only when x = 0 breaks it.
		if len(row.terms) > 0 || row.sense == lpEQ {
			candRows = append(candRows, row)
		}
	}
	return candRows, nil
}

// coverRows are the rows that give each slot its holders.
func (bm *bundleModel) coverRows() []lpRow {
	pl, prefix := bm.pl, bm.prefix
	cover := make([]lpRow, len(pl.slots))
	for si, sl := range pl.slots {
		cover[si] = lpRow{name: fmt.Sprintf("%s_%s%d", prefix, lpRowStem(RuleCoverage), si), sense: lpEQ, rhs: float64(sl.need)}
	}
	for j, v := range bm.vars {
		for _, si := range bm.bundles[v.cand][v.bundle].slots {
			cover[si].terms = append(cover[si].terms, lpTerm{j, 1})
		}
	}
	return cover
}

// addCapRows adds the caps' rows: distinct people holding a title of the
// unit.
func (bm *bundleModel) addCapRows() {
	pl, prefix := bm.pl, bm.prefix
	touches := func(j, ui int) bool {
		for _, si := range bm.bundles[bm.vars[j].cand][bm.vars[j].bundle].slots {
			if pl.slots[si].unit == ui {
				return true
			}
		}
		return false
	}
	capRow := func(name string, ui, limit int) {
		r := lpRow{name: name, sense: lpLE, rhs: float64(limit)}
		for j := range bm.vars {
			if touches(j, ui) {
				r.terms = append(r.terms, lpTerm{j, 1})
			}
		}
		if len(r.terms) > 0 || limit < 0 {
			bm.rows = append(bm.rows, r)
		}
	}
	if pl.communeCap >= 0 {
		capRow(prefix+"_"+lpRowStem(RuleCommuneCap), 0, pl.communeCap)
	}
	if pl.villageCap >= 0 {
		for ui := 1; ui < len(pl.units); ui++ {
			if !pl.relaxed[unitRule(RuleVillageCap, ui)] {
				capRow(fmt.Sprintf("%s_%s%d", prefix, lpRowStem(RuleVillageCap), ui), ui, pl.villageCap)
			}
		}
	}
}

// addFundRows adds the funds' rows: monthly allowances paid in the unit.
func (bm *bundleModel) addFundRows() {
	pl, prefix := bm.pl, bm.prefix
	fundRow := func(name string, ui int, fund model.Money) {
		r := lpRow{name: name, sense: lpLE, rhs: float64(fund)}
		for j, v := range bm.vars {
			for _, sp := range bm.bundles[v.cand][v.bundle].spend {
				if sp.unit == ui && sp.money != 0 {
					r.terms = append(r.terms, lpTerm{j, float64(sp.money)})
				}
			}
		}
		if len(r.terms) > 0 || fund < 0 {
			bm.rows = append(bm.rows, r)
		}
	}
	if pl.communeFund >= 0 {
		fundRow(prefix+"_"+lpRowStem(RuleCommuneFund), 0, pl.communeFund)
	}
	for ui := 1; ui < len(pl.units); ui++ {
		if pl.villageFund[ui] >= 0 {
			fundRow(fmt.Sprintf("%s_%s%d", prefix, lpRowStem(RuleVillageFund), ui), ui, pl.villageFund[ui])
		}
	}
}

// legend describes the pool for the comments of a model file.
func (bm *bundleModel) legend(rows int, constant float64) []string {
	pl := bm.pl
	out := []string{fmt.Sprintf("pool %s: commune %s, %d candidates, %d titles, %d columns, %d rows, objective constant %s",
		bm.prefix, printable(pl.units[0].Code), len(pl.cands), len(pl.slots), len(bm.vars), rows, lpNum(constant))}
	for si, sl := range pl.slots {
		out = append(out, fmt.Sprintf("  title %d: %s in %s, %d holder(s)", si, printable(pl.titles[sl.title].ID), printable(pl.units[sl.unit].Code), sl.need))
	}
	for ci := range pl.cands {
		out = append(out, fmt.Sprintf("  candidate %d: %s", ci, printable(bm.candName(ci))))
	}
	return out
}

// printable keeps a name from breaking a comment line.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

func (bm *bundleModel) candName(ci int) string {
	c := &bm.pl.cands[ci]
	if c.person != nil {
		return c.person.ID
	}
	return "recruit for " + bm.pl.units[c.recruit].Code
}

var extLevelNames = map[int]string{levelHeadcount: "headcount", levelCost: "cost (dong)", levelDisruption: "disruption", levelWeighted: "weighted"}

// level returns the model of one objective level with the levels in fixed
// (solved before it) held at their values in at: headcount and disruption
// equal to them, cost within them.
func (bm *bundleModel) level(lvl int, w Weights, fixed []int, at Objective) *lpModel {
	m := &lpModel{name: bm.prefix, cols: bm.names, obj: make([]float64, len(bm.vars)), rows: bm.rows}
	pick := func(o Objective) float64 {
		switch lvl {
		case levelHeadcount:
			return float64(o.Headcount)
		case levelCost:
			return float64(o.Cost)
		case levelDisruption:
			return float64(o.Disruption)
		}
		return o.Weighted(w)
	}
	for j, v := range bm.vars {
		m.obj[j] = pick(v.delta)
	}
	m.objConst = pick(bm.base)
	if len(fixed) > 0 {
		m.rows = append([]lpRow(nil), bm.rows...)
	}
	for _, f := range fixed {
		r := lpRow{name: bm.prefix + "_" + levelRowNames[f], sense: lpEQ, rhs: float64(at.level(f) - bm.base.level(f))}
		if f == levelCost {
			r.sense, r.rhs = lpLE, r.rhs+0.5
		}
		for j, v := range bm.vars {
			if d := v.delta.level(f); d != 0 {
				r.terms = append(r.terms, lpTerm{j, float64(d)})
			}
		}
		m.rows = append(m.rows, r)
	}
	return m
}

// levelRowNames name the rows that hold a solved level.
var levelRowNames = map[int]string{levelHeadcount: "headcount", levelCost: "cost", levelDisruption: "disruption"}

// value returns the objective of a choice of columns.
func (bm *bundleModel) value(x []bool) Objective {
	o := bm.base
	for j, on := range x {
		if on {
			o = o.Add(bm.vars[j].delta)
		}
	}
	return o
}

// check verifies a choice of columns against the shared rows in whole
// numbers, so a solver's tolerance cannot pass a broken plan.
func (bm *bundleModel) check(x []bool) error {
	for _, r := range bm.rows {
		var lhs int64
		for _, t := range r.terms {
			if x[t.col] {
				lhs += int64(t.coef)
			}
		}
		rhs := int64(r.rhs)
		if (r.sense == lpEQ && lhs != rhs) || (r.sense == lpLE && lhs > rhs) {
			return fmt.Errorf("row %s: %d %c %d does not hold", r.name, lhs, r.sense, rhs)
		}
	}
	return nil
}

// held turns a choice of columns into the slots each candidate holds.
func (bm *bundleModel) held(x []bool) [][]int {
	out := make([][]int, len(bm.pl.cands))
	for j, on := range x {
		if on {
			v := bm.vars[j]
			out[v.cand] = bm.bundles[v.cand][v.bundle].slots
		}
	}
	return out
}

// poolPrefix names pool i of a problem in model files.
func poolPrefix(i int, pl *pool) string {
	code := lpName(pl.units[0].Code)
	if len(code) > 40 {
		code = code[:40]
	}
	return fmt.Sprintf("p%d_%s", i, code)
}

// WriteLP writes the first-level model of every pool of p (headcount, or
// the weighted objective in Weighted mode) as one CPLEX-LP file. Names
// carry a pool prefix; the objective's constant is given in a comment.
func WriteLP(w io.Writer, p *Problem, s *Settings) error {
	m, err := problemModel(p, s)
	if err != nil {
		return err
	}
	return m.writeLP(w)
}

// WriteMPS writes the same model as WriteLP in free MPS format.
func WriteMPS(w io.Writer, p *Problem, s *Settings) error {
	m, err := problemModel(p, s)
	if err != nil {
		return err
	}
	return m.writeMPS(w)
}

// problemModel joins the first-level models of every pool.
func problemModel(p *Problem, s *Settings) (*lpModel, error) {
	set := s.orDefault()
	pools, err := buildPools(p, &set)
	if err != nil {
		return nil, err
	}
	goal, _ := Goal(p, &set)
	lvl := levelsOf(goal.Order)[0]
	if set.Mode == Weighted {
		lvl = levelWeighted
	}
	out := &lpModel{name: "kiemnhiem"}
	head := "kiemnhiem bundle model, objective level 1: headcount"
	if goal.Order != model.OrderHeadcount {
		head = "kiemnhiem bundle model, objective level 1: " + extLevelNames[lvl] + ", order " + goal.Order.String()
	}
	if lvl == levelWeighted {
		w := set.Weights
		head = fmt.Sprintf("kiemnhiem bundle model, weighted objective: %s per person + %s per dong + %s per change",
			lpNum(w.Headcount), lpNum(w.Cost), lpNum(w.Disruption))
	}
	out.comments = append(out.comments, head, fmt.Sprintf("%d pools", len(pools)),
		"column <pool>_x<c>_<b>: candidate c holds the titles of their bundle b (and no other)",
		"rows: cand (one bundle each), cover (holders per title), ccap/vcap (people per unit), cfund/vfund (monthly allowances per unit, dong), pinout (a pin no candidate can honour)")
	for i, pl := range pools {
		bm, err := newBundleModel(pl, poolPrefix(i, pl))
		if err != nil {
			return nil, err
		}
		m := bm.level(lvl, set.Weights, nil, Objective{})
		out.comments = append(out.comments, bm.legend(len(m.rows), m.objConst)...)
		off := len(out.cols)
		out.cols = append(out.cols, m.cols...)
		out.obj = append(out.obj, m.obj...)
		out.objConst += m.objConst
		for _, r := range m.rows {
			r2 := r
			r2.terms = make([]lpTerm, len(r.terms))
			for k, t := range r.terms {
				r2.terms[k] = lpTerm{t.col + off, t.coef}
			}
			out.rows = append(out.rows, r2)
		}
	}
	return out, nil
}

// SolveExternal solves p with an external MILP solver, "cbc" or "glpk"
// (glpsol), on the bundle model the native solver optimises: each pool's
// model is written as free MPS to a temporary directory, the binary is run
// on it and its solution read back. In Lexicographic mode every pool takes
// three solves — headcount; cost with the headcount fixed; disruption with
// both fixed — and in Weighted mode one. Settings.TimeLimit is passed to the
// solver; a stop on time is reported as TimeLimit, never Optimal.
// Settings.Workers solver processes run at once.
func SolveExternal(ctx context.Context, p *Problem, solver string, s *Settings) (*Result, error) {
	start := time.Now()
	set := s.orDefault()
	es, err := findSolver(solver)
	if err != nil {
		return nil, err
	}
	pools, err := buildPools(p, &set)
	if err != nil {
		return nil, err
	}
	var deadline time.Time
	outer := ctx // cancelled by the caller: Interrupted, not TimeLimit
	if set.TimeLimit > 0 {
		deadline = start.Add(set.TimeLimit)
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(10*time.Second))
		defer cancel()
	}
	dir, err := os.MkdirTemp("", "kiemnhiem-"+es.name+"-")
	if err != nil {
		return nil, fmt.Errorf("optimize: %w", err)
	}
	defer os.RemoveAll(dir)

	outs := make([]poolOutcome, len(pools))
	errs := make([]error, len(pools))
	order := make([]int, len(pools))
	for i := range order {
		order[i] = i
	}
	fanOut(set.Workers, order, func(next <-chan int) {
		for i := range next {
			outs[i], errs[i] = es.solvePool(ctx, pools[i], i, &set, dir, deadline)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	goal, _ := Goal(p, &set)
	res := &Result{Status: Optimal, Plan: model.Plan{Date: p.Scenario.Date}, Goal: goal}
	for i, pl := range pools {
		outs[i].titles, outs[i].people = pl.size()
		res.add(pl.units[0].Code, outs[i])
	}
	return res.finish(p, start, outer), nil
}

// solvePool runs the levels of one pool.
func (es *extSolver) solvePool(ctx context.Context, pl *pool, i int, set *Settings, dir string, deadline time.Time) (poolOutcome, error) {
	bm, err := newBundleModel(pl, poolPrefix(i, pl))
	if err != nil {
		return poolOutcome{}, err
	}
	ordered := levelsOf(pl.goal.Order)
	levels := ordered[:]
	if set.Mode == Weighted {
		levels = []int{levelWeighted}
	}
	var (
		x     []bool    // the best solution so far
		at    Objective // the solved levels' values
		bound = lowerBound(pl)
	)
	finish := func(status Status) poolOutcome {
		out := poolOutcome{status: status, bound: bound}
		if x != nil {
			out.obj = bm.value(x)
			out.assignments, out.annual = pl.assignments(bm.held(x))
		}
		if status == Optimal {
			out.bound = out.obj
		}
		return out
	}
	for k, lvl := range levels {
		fixed := levels[:k]
		m := bm.level(lvl, set.Weights, fixed, at)
		r, err := es.run(ctx, m, dir, fmt.Sprintf("%s_l%d", bm.prefix, k+1), deadline)
		if err != nil {
			return poolOutcome{}, err
		}
		if r.x != nil {
			if err := bm.check(r.x); err != nil {
				return poolOutcome{}, fmt.Errorf("optimize: %s on %s, level %s: the solution breaks %v", es.name, bm.prefix, extLevelNames[lvl], err)
			}
			v := bm.value(r.x)
			for _, f := range fixed {
				if f == levelCost && v.Cost > at.Cost {
					return poolOutcome{}, fmt.Errorf("optimize: %s on %s, level %s: cost %d above the optimum %d", es.name, bm.prefix, extLevelNames[lvl], v.Cost, at.Cost)
				}
				if f != levelCost && v.level(f) != at.level(f) {
					return poolOutcome{}, fmt.Errorf("optimize: %s on %s, level %s: %s %d, fixed at %d", es.name, bm.prefix, extLevelNames[lvl], extLevelNames[f], v.level(f), at.level(f))
				}
			}
			x = r.x
		}
		switch r.status {
		case extInfeasible:
			if k > 0 {
				return poolOutcome{}, fmt.Errorf("optimize: %s on %s: level %s infeasible after a plan was found", es.name, bm.prefix, extLevelNames[lvl])
			}
			return poolOutcome{status: Infeasible}, nil
		case extStopped:
			return finish(TimeLimit), nil
		}
		at = bm.value(x)
		if k < len(levels)-1 && lvl != levelWeighted {
			bound = Objective{} // the levels solved so far, the rest 0
			for _, f := range levels[:k+1] {
				bound = bound.with(f, at.level(f))
			}
		}
	}
	return finish(Optimal), nil
}
