package optimize

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"

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

// radix packs a vector of class counters, digit i counting the holders of
// the titles of class keys[i] (0..need), into bit fields of one uint64.
// When every class needs one holder (the usual case) the vector is a plain
// bit set.
type radix struct {
	keys   []int
	need   []uint64
	shift  []uint
	mask   []uint64    // field mask, unshifted
	digit  map[int]int // class index → digit
	full   uint64
	binary bool
	bits   uint // bits used
}

// newRadix makes a radix over the given classes.
func newRadix(cls []class, keys []int) (*radix, error) {
	r := &radix{digit: map[int]int{}, binary: true}
	var used uint
	for _, k := range keys {
		n := uint64(cls[k].need)
		w := uint(bits.Len64(n))
		if used+w > 64 {
			return nil, fmt.Errorf("%w: too many titles to track at once", errStateLimit)
		}
		r.digit[k] = len(r.keys)
		r.keys = append(r.keys, k)
		r.need = append(r.need, n)
		r.shift = append(r.shift, used)
		r.mask = append(r.mask, 1<<w-1)
		r.full |= n << used
		if n != 1 {
			r.binary = false
		}
		used += w
	}
	r.bits = used
	return r, nil
}

// get returns digit i of v.
func (r *radix) get(v uint64, i int) uint64 { return v >> r.shift[i] & r.mask[i] }

// add adds holders to digits; ok is false if any digit would pass its need.
func (r *radix) add(v uint64, ds []digitCount) (uint64, bool) {
	for _, d := range ds {
		if r.get(v, d.digit)+d.count > r.need[d.digit] {
			return v, false
		}
		v += d.count << r.shift[d.digit]
	}
	return v, true
}

// digitCount adds count holders to one digit.
type digitCount struct {
	digit int
	count uint64
}

// sum adds two vectors digit by digit; ok is false if any digit overflows.
func (r *radix) sum(a, b uint64) (uint64, bool) {
	if r.binary {
		return a | b, a&b == 0
	}
	if a == 0 || b == 0 {
		return a + b, true
	}
	for i := range r.keys {
		if r.get(a, i)+r.get(b, i) > r.need[i] {
			return 0, false
		}
	}
	return a + b, true
}

const (
	maxVillageFunds = 2 // binding village funds tracked per group
	maxCapVillages  = 8 // binding village caps tracked per group (4 bits each)
)

// move is a bundle prepared for the programme: which digits it fills and
// what it uses.
type move struct {
	bundle int // index in the candidate's bundles
	// For a radix that is a plain bit set: the bits the move sets.
	localMask, sharedMask uint64
	local                 []digitCount
	shared                []digitCount
	commune               bool   // holds a commune title (counts towards the commune cap)
	capMask               uint32 // binding village caps touched (bit per tracked village)
	vspend                [maxVillageFunds]model.Money
	cspend                model.Money
	obj                   Objective
}

// label is one Pareto-best partial plan at a state.
type label struct {
	obj    Objective
	cspend model.Money
	vspend [maxVillageFunds]model.Money
	prev   int32 // label index in the previous layer (or group option)
	choice int32 // move index (group programme) or option label (commune programme)
}

type stateKey struct{ local, shared, counters uint64 }

// layer holds the states of one step of a programme, in creation order so
// the search is deterministic. With pareto false every state keeps a single
// best label (no money is tracked, so the objective alone decides).
type layer struct {
	moves  []move // group programme: the moves of the candidate this layer added
	keys   []stateKey
	pack   keyPacker
	fast   map[uint64]int32
	slow   map[stateKey]int32
	pareto bool
	best   []int32   // !pareto: the label of each state
	labels [][]int32 // pareto: the labels of each state
	all    []label
}

// keyPacker packs a state key into one uint64 when its fields fit.
type keyPacker struct {
	ok                  bool
	sharedAt, countedAt uint
}

func newPacker(localBits, sharedBits, counterBits uint) keyPacker {
	if localBits+sharedBits+counterBits > 64 {
		return keyPacker{}
	}
	return keyPacker{ok: true, sharedAt: localBits, countedAt: localBits + sharedBits}
}

func (p keyPacker) pack(k stateKey) uint64 {
	return k.local | k.shared<<p.sharedAt | k.counters<<p.countedAt
}

func newLayer(pack keyPacker, pareto bool) *layer { return newLayerSized(pack, pareto, 0) }

// newLayerSized makes a layer with room for about hint states, so growing
// it does not dominate the search.
func newLayerSized(pack keyPacker, pareto bool, hint int) *layer {
	ly := &layer{pack: pack, pareto: pareto, keys: make([]stateKey, 0, hint), all: make([]label, 0, hint)}
	if pareto {
		ly.labels = make([][]int32, 0, hint)
	} else {
		ly.best = make([]int32, 0, hint)
	}
	if pack.ok {
		ly.fast = make(map[uint64]int32, hint)
	} else {
		ly.slow = make(map[stateKey]int32, hint)
	}
	return ly
}

// at returns the labels of state si.
func (ly *layer) at(si int) []int32 {
	if ly.pareto {
		return ly.labels[si]
	}
	return ly.best[si : si+1]
}

// state returns the index of key's state, creating it when new.
func (ly *layer) state(key stateKey) (int, bool) {
	var si int32
	var ok bool
	if ly.pack.ok {
		p := ly.pack.pack(key)
		if si, ok = ly.fast[p]; !ok {
			si = int32(len(ly.keys))
			ly.fast[p] = si
		}
	} else if si, ok = ly.slow[key]; !ok {
		si = int32(len(ly.keys))
		ly.slow[key] = si
	}
	if !ok {
		ly.keys = append(ly.keys, key)
		if ly.pareto {
			ly.labels = append(ly.labels, nil)
		} else {
			ly.best = append(ly.best, -1)
		}
	}
	return int(si), ok
}

// better compares objectives in the solve's mode.
type better func(a, b Objective) bool

func lexBetter(a, b Objective) bool { return a.Less(b) }

func weightedBetter(w Weights) better {
	return func(a, b Objective) bool {
		wa, wb := a.Weighted(w), b.Weighted(w)
		if wa != wb {
			return wa < wb
		}
		return a.Less(b)
	}
}

// dominates reports whether a is at least as good as b in objective and in
// every tracked amount of money.
func dominates(a, b *label, less better) bool {
	if less(b.obj, a.obj) {
		return false
	}
	if a.cspend > b.cspend {
		return false
	}
	for i := range a.vspend {
		if a.vspend[i] > b.vspend[i] {
			return false
		}
	}
	return true
}

// insert adds l at key unless a label there dominates it, removing the
// labels it dominates. It returns false when the label was not kept.
func (ly *layer) insert(key stateKey, l label, less better) bool {
	si, _ := ly.state(key)
	if !ly.pareto {
		if b := ly.best[si]; b >= 0 && !less(l.obj, ly.all[b].obj) {
			return false
		}
		ly.all = append(ly.all, l)
		ly.best[si] = int32(len(ly.all) - 1)
		return true
	}
	list := ly.labels[si]
	for _, li := range list {
		if dominates(&ly.all[li], &l, less) {
			return false
		}
	}
	kept := list[:0]
	for _, li := range list {
		if !dominates(&l, &ly.all[li], less) {
			kept = append(kept, li)
		}
	}
	ly.all = append(ly.all, l)
	ly.labels[si] = append(kept, int32(len(ly.all)-1))
	return true
}

// group is a set of candidates whose village titles only they can hold.
type group struct {
	index      int
	cands      []int
	local      *radix
	capVillage []int // unit indexes whose cap is tracked, bit i of capMask
	fundVill   []int // unit indexes whose fund is tracked, vspend[i]
	layers     []*layer
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
	lbH           []int // per group: fewest people it needs for its village titles
	lbRest        []int // per group: Σ of lbH over the other groups
}

func solvePool(ctx context.Context, pl *pool, set *Settings) (dpResult, error) {
	sv := &solver{ctx: ctx, pl: pl, less: lexBetter, maxStates: set.MaxStates, lexicographic: set.Mode == Lexicographic}
	if set.Mode == Weighted {
		sv.less = weightedBetter(set.Weights)
	}
	r, err := sv.run()
	if errors.Is(err, errUnrealizable) {
		again := &solver{ctx: ctx, pl: pl, less: sv.less, maxStates: set.MaxStates, lexicographic: sv.lexicographic, noMerge: true}
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
	sv.bundles = make([][]cbundle, len(pl.cands))
	for ci := range pl.cands {
		b, ok := pl.classBundles(ci, sv.classOf, sv.cls)
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
			res.states = sv.states
			return res, nil // this group cannot cover its village titles
		}
		options[gi] = opt
	}
	layers, err := sv.communeProgramme(options)
	if err != nil {
		return res, err
	}
	res.states = sv.states
	last := layers[len(layers)-1]
	bestLabel := int32(-1)
	for si, key := range last.keys {
		if key.shared != sv.shared.full {
			continue
		}
		for _, li := range last.at(si) {
			if bestLabel < 0 || sv.less(last.all[li].obj, last.all[bestLabel].obj) {
				bestLabel = li
			}
		}
	}
	if bestLabel < 0 {
		return res, nil
	}
	res.feasible = true
	res.obj = last.all[bestLabel].obj
	choice := make([]int, len(pl.cands))
	for i := range choice {
		choice[i] = -1
	}
	// Walk back: commune layers give each group's option label, which
	// points into the group's final layer, which walks back per candidate.
	li := bestLabel
	for gi := len(sv.groups) - 1; gi >= 0; gi-- {
		ly := layers[gi+1]
		l := ly.all[li]
		opt := options[gi].all[l.choice]
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
			if pl.villageCap >= 0 && !pl.relaxed[rule{kind: ruleVillageCap, title: -1, unit: ui, cand: -1, slot: -1}] && unitSlotCopies(pl, ui) > pl.villageCap {
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
	var total model.Money
	for si, sl := range pl.slots {
		if sl.unit != ui {
			continue
		}
		var best model.Money
		for ci := range pl.cands {
			c := &pl.cands[ci]
			for k, e := range c.eligible {
				if e == si && c.pay[k] > best {
					best = c.pay[k]
				}
			}
		}
		total += best * model.Money(sl.need)
	}
	return total
}

// moves prepares candidate ci's bundles for group g, dropping bundles that
// touch slots outside the group (they belong to no state).
func (sv *solver) moves(g *group, ci int) []move {
	var out []move
	for bi := range sv.bundles[ci] {
		b := &sv.bundles[ci][bi]
		m := move{bundle: bi, obj: b.obj}
		ok := true
		for _, it := range b.items {
			c := &sv.cls[it.class]
			if c.unit == 0 {
				m.shared = append(m.shared, digitCount{sv.shared.digit[it.class], uint64(it.count)})
				m.commune = true
				continue
			}
			d, in := g.local.digit[it.class]
			if !in {
				ok = false
				break
			}
			m.local = append(m.local, digitCount{d, uint64(it.count)})
			for i, ui := range g.capVillage {
				if ui == c.unit {
					m.capMask |= 1 << i
				}
			}
		}
		if !ok {
			continue
		}
		for _, d := range m.local {
			m.localMask |= 1 << g.local.shift[d.digit]
		}
		for _, d := range m.shared {
			m.sharedMask |= 1 << sv.shared.shift[d.digit]
		}
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

// groupOptions runs the group programme. It returns the options layer,
// keyed by commune titles covered and commune holders, its labels pointing
// into the group's final layer (g.layers keeps every layer for the walk
// back).
func (sv *solver) groupOptions(g *group) (opts *layer, err error) {
	pl := sv.pl
	pack := newPacker(g.local.bits, sv.shared.bits, 8+4*uint(len(g.capVillage)))
	pareto := sv.fundBinds || len(g.fundVill) > 0
	cur := newLayer(pack, pareto)
	cur.insert(stateKey{}, label{prev: -1, choice: -1}, sv.less)
	layers := []*layer{cur}
	maxH := math.MaxInt
	if sv.ub != nil {
		maxH = sv.ub.Headcount - sv.lbRest[g.index]
	}
	for _, ci := range g.cands {
		if err := sv.ctx.Err(); err != nil {
			return nil, err
		}
		moves := sv.moves(g, ci)
		next := newLayerSized(pack, pareto, min(2*len(cur.keys)+8, 1<<16))
		for si, key := range cur.keys {
			for _, li := range cur.at(si) {
				l := &cur.all[li]
				for mi := range moves {
					m := &moves[mi]
					var local, shared uint64
					ok := true
					if g.local.binary {
						if key.local&m.localMask != 0 {
							continue
						}
						local = key.local | m.localMask
					} else if local, ok = g.local.add(key.local, m.local); !ok {
						continue
					}
					if sv.shared.binary {
						if key.shared&m.sharedMask != 0 {
							continue
						}
						shared = key.shared | m.sharedMask
					} else if shared, ok = sv.shared.add(key.shared, m.shared); !ok {
						continue
					}
					counters := key.counters
					if m.commune && sv.capBinds {
						counters++
						if int(counters&0xff) > pl.communeCap {
							continue
						}
					}
					if m.capMask != 0 {
						over := false
						for i := range g.capVillage {
							if m.capMask&(1<<i) == 0 {
								continue
							}
							shift := 8 + 4*uint(i)
							n := (counters>>shift)&0xf + 1
							if int(n) > pl.villageCap {
								over = true
								break
							}
							counters += 1 << shift
						}
						if over {
							continue
						}
					}
					nl := label{obj: l.obj.Add(m.obj), cspend: l.cspend + m.cspend, prev: li, choice: int32(mi)}
					if nl.obj.Headcount > maxH {
						continue
					}
					over := sv.fundBinds && nl.cspend > pl.communeFund
					for i, ui := range g.fundVill {
						nl.vspend[i] = l.vspend[i] + m.vspend[i]
						if nl.vspend[i] > pl.villageFund[ui] {
							over = true
						}
					}
					if over {
						continue
					}
					if next.insert(stateKey{local, shared, counters}, nl, sv.less) {
						sv.states++
					}
				}
			}
			if sv.states > sv.maxStates {
				return nil, errStateLimit
			}
		}
		// Keep the moves with the layer so the walk back can read them.
		next.moves = moves
		cur = next
		layers = append(layers, cur)
	}
	g.layers = layers
	opts = newLayer(newPacker(0, sv.shared.bits, 8), sv.fundBinds)
	for si, key := range cur.keys {
		if key.local != g.local.full {
			continue
		}
		for _, li := range cur.at(si) {
			l := cur.all[li]
			opt := label{obj: l.obj, cspend: l.cspend, prev: li, choice: -1}
			opts.insert(stateKey{shared: key.shared, counters: key.counters & 0xff}, opt, sv.less)
		}
	}
	return opts, nil
}

// walkGroup follows labels back from the final layer of g, writing each
// candidate's bundle.
func (sv *solver) walkGroup(g *group, li int32, choice []int) {
	for k := len(g.cands) - 1; k >= 0; k-- {
		ly := g.layers[k+1]
		l := ly.all[li]
		choice[g.cands[k]] = ly.moves[l.choice].bundle
		li = l.prev
	}
}

// communeProgramme combines the groups' options. layers[0] is the start,
// layers[g+1] the states after group g.
func (sv *solver) communeProgramme(options []*layer) ([]*layer, error) {
	pl := sv.pl
	pack := newPacker(0, sv.shared.bits, 8)
	cur := newLayer(pack, sv.fundBinds)
	cur.insert(stateKey{}, label{prev: -1, choice: -1}, sv.less)
	layers := []*layer{cur}
	// suffix[g]: the fewest people the groups from g on need.
	suffix := make([]int, len(options)+1)
	for gi := len(options) - 1; gi >= 0; gi-- {
		suffix[gi] = suffix[gi+1] + minHeadcount(options[gi])
	}
	for gi := range options {
		if err := sv.ctx.Err(); err != nil {
			return nil, err
		}
		opt := options[gi]
		next := newLayerSized(pack, sv.fundBinds, min(2*len(cur.keys)+8, 1<<16))
		for si, key := range cur.keys {
			for _, li := range cur.at(si) {
				l := &cur.all[li]
				for oi, okey := range opt.keys {
					shared, ok := sv.shared.sum(key.shared, okey.shared)
					if !ok {
						continue
					}
					k := key.counters + okey.counters
					if sv.capBinds && int(k) > pl.communeCap {
						continue
					}
					for _, oli := range opt.at(oi) {
						o := &opt.all[oli]
						nl := label{obj: l.obj.Add(o.obj), cspend: l.cspend + o.cspend, prev: li, choice: oli}
						if sv.fundBinds && nl.cspend > pl.communeFund {
							continue
						}
						if sv.ub != nil && nl.obj.Headcount+suffix[gi+1] > sv.ub.Headcount {
							continue
						}
						if next.insert(stateKey{shared: shared, counters: k}, nl, sv.less) {
							sv.states++
						}
					}
				}
			}
			if sv.states > sv.maxStates {
				return nil, errStateLimit
			}
		}
		cur = next
		layers = append(layers, cur)
	}
	return layers, nil
}

// minHeadcount is the fewest people any label of a layer uses.
func minHeadcount(ly *layer) int {
	best := math.MaxInt
	for i := range ly.keys {
		for _, li := range ly.at(i) {
			best = min(best, ly.all[li].obj.Headcount)
		}
	}
	return best
}

// localLB is the fewest people of group g who can hold its village titles,
// ignoring the commune titles; ok is false when they cannot. When that takes
// too many states it gives up and returns the trivial bound 0.
func (sv *solver) localLB(g *group) (int, bool) {
	cur := map[uint64]int{0: 0}
	order := []uint64{0}
	for _, ci := range g.cands {
		next := map[uint64]int{}
		var norder []uint64
		put := func(k uint64, h int) {
			if old, ok := next[k]; !ok || h < old {
				if !ok {
					norder = append(norder, k)
				}
				next[k] = h
			}
		}
		mustUse := len(sv.pl.cands[ci].fixed) > 0
		for _, k := range order {
			h := cur[k]
			if !mustUse {
				put(k, h)
			}
			for bi := range sv.bundles[ci] {
				b := &sv.bundles[ci][bi]
				if len(b.items) == 0 {
					continue
				}
				var ds []digitCount
				ok := true
				for _, it := range b.items {
					if sv.cls[it.class].unit == 0 {
						continue
					}
					d, in := g.local.digit[it.class]
					if !in {
						ok = false
						break
					}
					ds = append(ds, digitCount{d, uint64(it.count)})
				}
				if !ok {
					continue
				}
				if nk, ok := g.local.add(k, ds); ok {
					put(nk, h+1)
				}
			}
		}
		cur, order = next, norder
		if len(cur) > sv.maxStates/16 || sv.ctx.Err() != nil {
			return 0, true // too many to bound cheaply: 0 is still a bound
		}
	}
	h, ok := cur[g.local.full]
	return h, ok
}
