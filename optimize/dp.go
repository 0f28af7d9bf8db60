package optimize

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The native solver is an exact dynamic programme that follows the shape of
// the problem. Village titles can only go to residents, so the candidates
// of a commune fall into groups (the residents of one village, or of several
// villages joined by a title open to both), and the groups interact only
// through the commune's own titles, the commune cap and the commune fund.
//
//  1. Inside a group, candidates are taken one at a time; a state records
//     which of the group's village titles and which commune titles are
//     covered, how many people hold commune titles and, where a village cap
//     or fund can bind, the people and money used in each village. Each
//     state keeps the Pareto-best partial plans (objective, money spent).
//  2. The group's complete states become its options: "cover these commune
//     titles with k commune holders, at this objective and commune spend".
//  3. A second programme combines the groups' options over the commune
//     titles, the cap and the fund.
//
// Both programmes are exact, so the best final state is a proven optimum.
// A pool whose state space exceeds Settings.MaxStates stops with
// errStateLimit and is reported as not proven.

var errStateLimit = errors.New("optimize: state limit reached")

// errUnrealizable means merged titles could not be handed out as counted;
// the pool is solved again without merging them.
var errUnrealizable = errors.New("optimize: merged titles could not be handed out")

const (
	maxVillageFunds = 2 // binding village funds tracked per group
	maxCapVillages  = 8 // binding village caps tracked per group (4 bits each)
)

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// group is a set of candidates whose village titles only they can hold.
type group struct {
	index      int
	cands      []int
	local      *radix
	capVillage []int // unit indexes whose cap is tracked, bit i of capMask
	fundVill   []int // unit indexes whose fund is tracked, vspend[i]
	layers     []*layer
	// bound is the group programme's completion bound over the group's
	// village titles (nil when too costly); others the best the other
	// groups can add for their own village titles, a lower bound.
	bound  *completion
	others Objective
}

// dpResult is the outcome of one pool's programme.
type dpResult struct {
	feasible bool
	obj      Objective
	held     [][]int // slots held per candidate (nil: none)
	proven   bool    // held is optimal; otherwise the heuristic plan, with bound
	bound    Objective
	states   int
}

type solver struct {
	ctx       context.Context
	pl        *pool
	sc        *scratch
	less      better
	maxStates int
	states    int
	classOf   []int
	cls       []class
	bundles   [][]cbundle
	shared    *radix
	groups    []*group
	capBinds  bool
	fundBinds bool // commune fund
	// With ub set (from the greedy plan), labels that cannot reach a plan
	// with ub's headcount or fewer are dropped.
	lexicographic bool
	noMerge       bool // titles needing several holders stay classes of their own
	ub            *Objective
	lbH           []int         // per group: fewest people it needs for its village titles
	lbRest        []int         // per group: Σ of lbH over the other groups
	bestPay       []model.Money // per slot: the best pay of any candidate (by maxUnitSpend)
}

func solvePool(ctx context.Context, pl *pool, set *Settings) (dpResult, error) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.links.reset() // the last solve's layers are gone
	sc.bound.reset()
	// The headcount pruning (the greedy plan's headcount as a limit, the
	// completion bounds against it) holds only when headcount comes first;
	// other orders and the weighted mode search without it, as exactly.
	headFirst := pl.goal.Order == model.OrderHeadcount
	sv := &solver{ctx: ctx, pl: pl, sc: sc, less: lexBetter, maxStates: set.MaxStates, lexicographic: set.Mode == Lexicographic && headFirst}
	switch {
	case set.Mode == Weighted:
		sv.less = weightedBetter(set.Weights)
	case !headFirst:
		sv.less = orderBetter(pl.goal.Order)
	}
	sc.b.less, sc.b.lex = sv.less, set.Mode != Weighted && headFirst
	r, err := sv.run()
	if errors.Is(err, errUnrealizable) {
		again := &solver{ctx: ctx, pl: pl, sc: sc, less: sv.less, maxStates: set.MaxStates, lexicographic: sv.lexicographic, noMerge: true}
		return again.run()
	}
	return r, err
}

func (sv *solver) run() (dpResult, error) {
	res, ready, err := sv.setup()
	if err != nil || !ready {
		return res, err
	}
	// A narrow heuristic pass first: its plan, if any, bounds the headcount
	// (lexicographic mode), so the exact pass drops every partial plan that
	// cannot beat it; and it is the answer if the exact pass runs out of
	// states.
	// A greedy plan first: it bounds the headcount (lexicographic mode), so
	// the exact search drops every partial plan that cannot beat it, and it
	// is the answer when the exact search runs out of states or time.
	heur := sv.greedy()
	if heur.feasible && sv.lexicographic {
		ub := heur.obj
		sv.ub = &ub
	}
	exact, err := sv.search()
	if err != nil && heur.feasible {
		heur.states = exact.states
		heur.bound = Objective{Headcount: sum(sv.lbH)}
		return heur, err
	}
	if err == nil && exact.feasible {
		exact.proven = true
		exact.bound = exact.obj
	}
	return exact, err
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// setup prepares bundles and groups; ready is false when the pool is
// already known to be infeasible.
func (sv *solver) setup() (res dpResult, ready bool, err error) {
	pl := sv.pl
	if len(pl.impossible) > 0 {
		return res, false, nil
	}
	sv.classOf, sv.cls = pl.makeClasses(!sv.noMerge)
	sv.sc.bundles.reset()
	sv.bundles = make([][]cbundle, len(pl.cands))
	for ci := range pl.cands {
		b, ok := pl.classBundles(ci, sv.classOf, sv.cls, &sv.sc.bundles)
		if !ok {
			return res, false, fmt.Errorf("%w: a candidate has more than %d possible sets of titles", errStateLimit, maxBundlesPerCand)
		}
		if len(b) == 0 {
			return res, false, nil // a candidate whose fixed titles cannot be held: infeasible
		}
		sv.bundles[ci] = b
	}
	// Every slot needs enough eligible candidates.
	elig := make([]int, len(pl.slots))
	for ci := range pl.cands {
		for _, si := range pl.cands[ci].eligible {
			elig[si]++
		}
	}
	for si, sl := range pl.slots {
		if elig[si] < sl.need {
			return res, false, nil
		}
	}
	if err := sv.makeGroups(); err != nil {
		return res, false, err
	}
	sv.capBinds = pl.communeCap >= 0
	sv.fundBinds = pl.communeFund >= 0 && sv.maxUnitSpend(0) > pl.communeFund
	sv.lbH = make([]int, len(sv.groups))
	total := 0
	for gi, g := range sv.groups {
		lb, ok := sv.localLB(g)
		if !ok {
			return res, false, nil // the group cannot cover its village titles
		}
		sv.lbH[gi] = lb
		total += lb
	}
	sv.lbRest = make([]int, len(sv.groups))
	for gi := range sv.groups {
		sv.lbRest[gi] = total - sv.lbH[gi]
	}
	return res, true, nil
}

// search runs the group programmes and the commune programme once, with the
// solver's beam and bound.
func (sv *solver) search() (dpResult, error) {
	pl := sv.pl
	res := dpResult{}

	sv.groupBounds()
	// Groups' options, then the commune programme.
	options := make([]*layer, len(sv.groups))
	for gi, g := range sv.groups {
		if err := sv.ctx.Err(); err != nil {
			return res, err
		}
		opt, err := sv.groupOptions(g)
		if err != nil {
			return res, err
		}
		if len(opt.keys) == 0 {
			sv.releaseAll(options, nil)
			res.states = sv.states
			return res, nil // this group cannot cover its village titles
		}
		options[gi] = opt
	}
	layers, err := sv.communeProgramme(options)
	if err != nil {
		sv.releaseAll(options, nil)
		return res, err
	}
	defer sv.releaseAll(options, layers)
	res.states = sv.states
	last := layers[len(layers)-1]
	bestLabel := int32(-1)
	for si, key := range last.keys {
		if key.shared != sv.shared.full {
			continue
		}
		lo, hi := last.labels(si)
		for li := lo; li < hi; li++ {
			if bestLabel < 0 || sv.less(last.vals[li].obj, last.vals[bestLabel].obj) {
				bestLabel = li
			}
		}
	}
	if bestLabel < 0 {
		return res, nil
	}
	res.feasible = true
	res.obj = last.vals[bestLabel].obj
	choice := make([]int, len(pl.cands))
	for i := range choice {
		choice[i] = -1
	}
	// Walk back: commune layers give each group's option label, which
	// points into the group's final layer, which walks back per candidate.
	li := bestLabel
	for gi := len(sv.groups) - 1; gi >= 0; gi-- {
		l := layers[gi+1].links[li]
		opt := options[gi].links[l.choice]
		sv.walkGroup(sv.groups[gi], opt.prev, choice)
		li = l.prev
	}
	counts := make([][]item, len(pl.cands))
	for ci, bi := range choice {
		if bi >= 0 {
			counts[ci] = sv.bundles[ci][bi].items
		}
	}
	held, ok := pl.slotsFor(counts, sv.classOf, sv.cls)
	if !ok {
		return res, errUnrealizable
	}
	res.held = held
	return res, nil
}

// makeGroups joins candidates who compete for the same village titles.
func (sv *solver) makeGroups() error {
	pl := sv.pl
	parent := make([]int, len(pl.cands))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	byGroup := map[int]int{} // residence group → first candidate
	for ci := range pl.cands {
		g := pl.cands[ci].group
		if f, ok := byGroup[g]; ok {
			parent[find(ci)] = find(f)
		} else {
			byGroup[g] = ci
		}
	}
	firstOnSlot := make([]int, len(pl.slots))
	for i := range firstOnSlot {
		firstOnSlot[i] = -1
	}
	for ci := range pl.cands {
		for _, si := range pl.cands[ci].eligible {
			if pl.slots[si].unit == 0 {
				continue
			}
			if f := firstOnSlot[si]; f >= 0 {
				parent[find(ci)] = find(f)
			} else {
				firstOnSlot[si] = ci
			}
		}
	}
	var shared []int
	for k, c := range sv.cls {
		if c.unit == 0 {
			shared = append(shared, k)
		}
	}
	var err error
	if sv.shared, err = newRadix(sv.cls, shared); err != nil {
		return err
	}
	roots := map[int]*group{}
	for ci := range pl.cands {
		r := find(ci)
		g, ok := roots[r]
		if !ok {
			g = &group{index: len(sv.groups)}
			roots[r] = g
			sv.groups = append(sv.groups, g)
		}
		g.cands = append(g.cands, ci)
	}
	for _, g := range sv.groups {
		var local []int
		villages := map[int]bool{}
		for k, c := range sv.cls {
			if c.unit == 0 {
				continue
			}
			if f := firstOnSlot[c.slots[0]]; f >= 0 && find(f) == find(g.cands[0]) {
				local = append(local, k)
				villages[c.unit] = true
			}
		}
		if g.local, err = newRadix(sv.cls, local); err != nil {
			return err
		}
		for ui := 1; ui < len(pl.units); ui++ {
			if !villages[ui] {
				continue
			}
			if pl.villageCap >= 0 && !pl.relaxed[unitRule(RuleVillageCap, ui)] && unitSlotCopies(pl, ui) > pl.villageCap {
				if len(g.capVillage) == maxCapVillages {
					return fmt.Errorf("%w: more than %d villages share candidates", errStateLimit, maxCapVillages)
				}
				g.capVillage = append(g.capVillage, ui)
			}
			if pl.villageFund[ui] >= 0 && sv.maxUnitSpend(ui) > pl.villageFund[ui] {
				if len(g.fundVill) == maxVillageFunds {
					return fmt.Errorf("%w: more than %d village funds share candidates", errStateLimit, maxVillageFunds)
				}
				g.fundVill = append(g.fundVill, ui)
			}
		}
	}
	// Slots nobody can hold are caught before; a village slot with
	// candidates belongs to exactly one group.
	return nil
}

// maxUnitSpend bounds from above the monthly allowances of unit ui's titles.
func (sv *solver) maxUnitSpend(ui int) model.Money {
	pl := sv.pl
	if sv.bestPay == nil {
		// Every unit asks: find each slot's best pay in one pass.
		sv.bestPay = make([]model.Money, len(pl.slots))
		for ci := range pl.cands {
			c := &pl.cands[ci]
			for k, si := range c.eligible {
				sv.bestPay[si] = max(sv.bestPay[si], c.pay[k])
			}
		}
	}
	var total model.Money
	for si, sl := range pl.slots {
		if sl.unit == ui {
			total += sv.bestPay[si] * model.Money(sl.need)
		}
	}
	return total
}

// moves prepares candidate ci's bundles for group g, dropping bundles that
// touch slots outside the group (they belong to no state). The moves live
// in sv.sc until the next call.
func (sv *solver) moves(g *group, ci int) []move {
	out := sv.sc.moves[:0]
	// The digits of every move share one buffer, sized first so that the
	// moves' subslices stay valid.
	n := 0
	for bi := range sv.bundles[ci] {
		n += len(sv.bundles[ci][bi].items)
	}
	digits := slices.Grow(sv.sc.digits[:0], n)
	defer func() { sv.sc.moves, sv.sc.digits = out[:0], digits[:0] }()
	for bi := range sv.bundles[ci] {
		b := &sv.bundles[ci][bi]
		local, ok := sv.villageVector(g, b)
		if !ok {
			continue
		}
		m := move{bundle: bi, obj: b.obj, localAdd: local}
		from := len(digits)
		for _, it := range b.items {
			c := &sv.cls[it.class]
			if c.unit == 0 {
				continue
			}
			digits = append(digits, g.local.adder(g.local.digit[it.class], uint64(it.count)))
			for i, ui := range g.capVillage {
				if ui == c.unit {
					m.capMask |= 1 << i
				}
			}
		}
		m.local = digits[from:len(digits):len(digits)]
		from = len(digits)
		for _, it := range b.items {
			if sv.cls[it.class].unit == 0 {
				d := sv.shared.digit[it.class]
				digits = append(digits, sv.shared.adder(d, uint64(it.count)))
				m.sharedAdd += uint64(it.count) << sv.shared.shift[d]
				m.commune = true
			}
		}
		m.shared = digits[from:len(digits):len(digits)]
		for _, sp := range b.spend {
			if sp.unit == 0 {
				if sv.fundBinds {
					m.cspend += sp.money
				}
				continue
			}
			for i, ui := range g.fundVill {
				if ui == sp.unit {
					m.vspend[i] += sp.money
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// villageVector returns the village titles bundle b adds to group g's
// vector; ok is false when it holds a village title of another group,
// which makes it no move of g's.
func (sv *solver) villageVector(g *group, b *cbundle) (v uint64, ok bool) {
	for _, it := range b.items {
		if sv.cls[it.class].unit == 0 {
			continue
		}
		d := g.local.digit[it.class]
		if d < 0 {
			return 0, false
		}
		v += uint64(it.count) << g.local.shift[d]
	}
	return v, true
}

// releaseAll hands the memory of finished layers back for reuse.
func (sv *solver) releaseAll(lists ...[]*layer) {
	for _, layers := range lists {
		for _, ly := range layers {
			if ly != nil {
				sv.sc.release(ly)
			}
		}
	}
}
