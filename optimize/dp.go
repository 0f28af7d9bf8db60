package optimize

import (
	"context"
	"errors"
	"fmt"
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
	maxVillageFunds = 4 // binding village funds tracked per group
	maxCapVillages  = 8 // binding village caps tracked per group (4 bits each)
)

// move is a bundle prepared for the programme: which digits it fills and
// what it uses.
type move struct {
	bundle  int // index in the candidate's bundles
	local   []digitCount
	shared  []digitCount
	commune bool   // holds a commune title (counts towards the commune cap)
	capMask uint32 // binding village caps touched (bit per tracked village)
	vspend  [maxVillageFunds]model.Money
	cspend  model.Money
	obj     Objective
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
// the search is deterministic.
type layer struct {
	moves  []move // group programme: the moves of the candidate this layer added
	keys   []stateKey
	index  map[stateKey]int
	labels [][]int32 // per state: label indexes into all
	all    []label
}

func newLayer() *layer { return &layer{index: map[stateKey]int{}} }

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
	si, ok := ly.index[key]
	if !ok {
		si = len(ly.keys)
		ly.index[key] = si
		ly.keys = append(ly.keys, key)
		ly.labels = append(ly.labels, nil)
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
}

func solvePool(ctx context.Context, pl *pool, set *Settings) (dpResult, error) {
	sv := &solver{ctx: ctx, pl: pl, less: lexBetter, maxStates: set.MaxStates}
	if set.Mode == Weighted {
		sv.less = weightedBetter(set.Weights)
	}
	return sv.run()
}

func (sv *solver) run() (dpResult, error) {
	pl := sv.pl
	res := dpResult{}
	sv.classOf, sv.cls = pl.makeClasses()
	sv.bundles = make([][]cbundle, len(pl.cands))
	for ci := range pl.cands {
		b, ok := pl.classBundles(ci, sv.classOf, sv.cls)
		if !ok {
			return res, fmt.Errorf("%w: a candidate has more than %d possible sets of titles", errStateLimit, maxBundlesPerCand)
		}
		if len(b) == 0 {
			return res, nil // a candidate whose fixed titles cannot be held: infeasible
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
			return res, nil
		}
	}
	if err := sv.makeGroups(); err != nil {
		return res, err
	}
	sv.capBinds = pl.communeCap >= 0
	sv.fundBinds = pl.communeFund >= 0 && sv.maxCommuneSpend() > pl.communeFund

	// Groups' options, then the commune programme.
	options := make([]*layer, len(sv.groups))
	finals := make([]*layer, len(sv.groups))
	for gi, g := range sv.groups {
		if err := sv.ctx.Err(); err != nil {
			return res, err
		}
		opt, fin, err := sv.groupOptions(g)
		if err != nil {
			return res, err
		}
		if len(opt.keys) == 0 {
			res.states = sv.states
			return res, nil // this group cannot cover its village titles
		}
		options[gi], finals[gi] = opt, fin
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
		for _, li := range last.labels[si] {
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
		sv.walkGroup(sv.groups[gi], finals[gi], opt.prev, choice)
		li = l.prev
	}
	counts := make([][]item, len(pl.cands))
	for ci, bi := range choice {
		if bi >= 0 {
			counts[ci] = sv.bundles[ci][bi].items
		}
	}
	res.held = pl.slotsFor(counts, sv.classOf, sv.cls)
	return res, nil
}

// maxCommuneSpend bounds the commune titles' monthly allowances from above.
func (sv *solver) maxCommuneSpend() model.Money {
	pl := sv.pl
	var total model.Money
	for si, sl := range pl.slots {
		if sl.unit != 0 {
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

// makeGroups joins candidates who compete for the same village titles.
func (sv *solver) makeGroups() error {
	pl := sv.pl
	parent := make([]int, len(pl.cands))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
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
			g = &group{}
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

// groupOptions runs the group programme. It returns the options layer
// (keyed by commune titles covered and commune holders, labels pointing into
// the final layer) and the final layer itself.
func (sv *solver) groupOptions(g *group) (opts, final *layer, err error) {
	pl := sv.pl
	cur := newLayer()
	cur.insert(stateKey{}, label{prev: -1, choice: -1}, sv.less)
	layers := []*layer{cur}
	for _, ci := range g.cands {
		if err := sv.ctx.Err(); err != nil {
			return nil, nil, err
		}
		moves := sv.moves(g, ci)
		next := newLayer()
		for si, key := range cur.keys {
			for _, li := range cur.labels[si] {
				l := &cur.all[li]
				for mi := range moves {
					m := &moves[mi]
					local, ok := g.local.add(key.local, m.local)
					if !ok {
						continue
					}
					shared, ok := sv.shared.add(key.shared, m.shared)
					if !ok {
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
				return nil, nil, errStateLimit
			}
		}
		// Keep the moves with the layer so the walk back can read them.
		next.moves = moves
		cur = next
		layers = append(layers, cur)
	}
	g.layers = layers
	opts = newLayer()
	for si, key := range cur.keys {
		if key.local != g.local.full {
			continue
		}
		for _, li := range cur.labels[si] {
			l := cur.all[li]
			opt := label{obj: l.obj, cspend: l.cspend, prev: li, choice: -1}
			opts.insert(stateKey{shared: key.shared, counters: key.counters & 0xff}, opt, sv.less)
		}
	}
	return opts, cur, nil
}

// walkGroup follows labels back from the final layer of g, writing each
// candidate's bundle.
func (sv *solver) walkGroup(g *group, final *layer, li int32, choice []int) {
	for k := len(g.cands) - 1; k >= 0; k-- {
		ly := g.layers[k+1]
		l := ly.all[li]
		choice[g.cands[k]] = ly.moves[l.choice].bundle
		li = l.prev
	}
	_ = final
}

// communeProgramme combines the groups' options. layers[0] is the start,
// layers[g+1] the states after group g.
func (sv *solver) communeProgramme(options []*layer) ([]*layer, error) {
	pl := sv.pl
	cur := newLayer()
	cur.insert(stateKey{}, label{prev: -1, choice: -1}, sv.less)
	layers := []*layer{cur}
	for gi := range options {
		if err := sv.ctx.Err(); err != nil {
			return nil, err
		}
		opt := options[gi]
		next := newLayer()
		for si, key := range cur.keys {
			for _, li := range cur.labels[si] {
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
					for _, oli := range opt.labels[oi] {
						o := &opt.all[oli]
						nl := label{obj: l.obj.Add(o.obj), cspend: l.cspend + o.cspend, prev: li, choice: oli}
						if sv.fundBinds && nl.cspend > pl.communeFund {
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
