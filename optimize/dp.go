package optimize

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
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

// radix packs a vector of class counters, digit i counting the holders of
// the titles of class keys[i] (0..need), into bit fields of one uint64.
// When every class needs one holder (the usual case) the vector is a plain
// bit set. Otherwise, when there is room, every digit gets a guard bit
// above it, so that adding two vectors is checked in one step: a digit
// passes its need exactly when v + add + bias sets its guard bit (bias
// lifts each digit's need to its field's top; digits never pass twice
// their need, so nothing carries past the guard).
type radix struct {
	keys   []int
	need   []uint64
	shift  []uint
	mask   []uint64 // field mask, unshifted
	digit  []int    // class index → digit, -1 when the class is not tracked
	full   uint64
	binary bool
	guard  bool   // !binary and the digits have guard bits
	bias   uint64 // guard: Σ (field max − need) per digit
	guards uint64 // guard: the guard bits
	bits   uint   // bits used
}

// newRadix makes a radix over the given classes. It fails when the digits
// do not fit 64 bits without guard bits.
func newRadix(cls []class, keys []int) (*radix, error) {
	r := &radix{digit: make([]int, len(cls)), binary: true}
	for k := range r.digit {
		r.digit[k] = -1
	}
	var used, guarded uint
	for _, k := range keys {
		n := uint64(cls[k].need)
		w := uint(bits.Len64(n))
		if used+w > 64 {
			return nil, fmt.Errorf("%w: too many titles to track at once", errStateLimit)
		}
		r.digit[k] = len(r.keys)
		r.keys = append(r.keys, k)
		r.need = append(r.need, n)
		r.mask = append(r.mask, 1<<w-1)
		if n != 1 {
			r.binary = false
		}
		used += w
		guarded += w + 1
	}
	// Lay the digits out, with guard bits when they fit and are needed.
	r.guard = !r.binary && guarded <= 64
	var at uint
	for i, n := range r.need {
		r.shift = append(r.shift, at)
		r.full |= n << at
		at += uint(bits.Len64(n))
		if r.guard {
			r.bias |= (r.mask[i] - n) << r.shift[i]
			r.guards |= 1 << at
			at++
		}
	}
	r.bits = at
	return r, nil
}

// get returns digit i of v.
func (r *radix) get(v uint64, i int) uint64 { return v >> r.shift[i] & r.mask[i] }

// adder returns the step that adds count holders to digit i. A class never
// counts more holders in one bundle than it needs (count ≤ perPerson ≤
// titles ≤ need), so room does not underflow.
func (r *radix) adder(i int, count uint64) digitAdd {
	return digitAdd{shift: r.shift[i], mask: r.mask[i], room: r.need[i] - count, add: count << r.shift[i]}
}

// digitAdd adds holders to one digit, carrying what the check needs so the
// inner loop of the programme reads no other slice.
type digitAdd struct {
	shift uint
	mask  uint64 // field mask, unshifted
	room  uint64 // the add fails when the digit already holds more than this
	add   uint64 // holders added, shifted into place
}

// addDigits adds holders to digits; ok is false if any digit would pass its
// need.
func addDigits(v uint64, ds []digitAdd) (uint64, bool) {
	for _, d := range ds {
		if v>>d.shift&d.mask > d.room {
			return v, false
		}
		v += d.add
	}
	return v, true
}

// sum adds two vectors digit by digit; ok is false if any digit overflows.
func (r *radix) sum(a, b uint64) (uint64, bool) {
	if r.binary {
		return a | b, a&b == 0
	}
	if r.guard {
		return a + b, (a+b+r.bias)&r.guards == 0
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
	// The holders the move adds, as vectors of the group's and the
	// commune's radix, and digit by digit (for a radix without guard bits).
	localAdd, sharedAdd uint64
	local               []digitAdd
	shared              []digitAdd
	commune             bool   // holds a commune title (counts towards the commune cap)
	capMask             uint32 // binding village caps touched (bit per tracked village)
	vspend              [maxVillageFunds]model.Money
	cspend              model.Money
	obj                 Objective
}

// value is what a partial plan achieves and spends: the part of a label
// the programme compares.
type value struct {
	obj    Objective
	cspend model.Money
	vspend [maxVillageFunds]model.Money
}

// link is how a label was reached: the label it extends in the previous
// layer (or group option) and the candidate's bundle (group programme) or
// option label (commune programme) it took. Links are all the walk back
// needs, so they are all a layer keeps once the next one is built.
type link struct{ prev, choice int32 }

type stateKey struct{ local, shared, counters uint64 }

// keyPacker packs a state key into one uint64 when its fields fit, so the
// index compares one word.
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

// layer is one finished step of a programme: its states in creation order
// (so the search is deterministic) and the Pareto-best labels of each,
// stored contiguously in state order. Without money to track a state keeps
// a single best label, the objective alone deciding.
type layer struct {
	keys  []stateKey // per state; released once the next layer is built
	start []int32    // labels of state si: start[si] up to start[si+1]; released too
	vals  []value    // per label; released too
	links []link     // per label; kept for the walk back
}

// labels returns the label range of state si.
func (ly *layer) labels(si int) (lo, hi int32) { return ly.start[si], ly.start[si+1] }

// stateIndex maps state keys to state indexes: an open-addressing table
// reused by every layer of a solve. Go maps were allocated, grown and hashed
// for every layer, which dominated the search; here an entry belongs to the
// current layer only when its generation matches, so starting a layer
// costs nothing. A layer uses a prefix of the table sized to it, so small
// layers after a large one stay in cache.
type stateIndex struct {
	entries []indexEntry // the layer uses entries[:size]
	size    int          // a power of two
	shift   uint         // 64 − log2(size)
	gen     uint32
	n       int          // entries of the current generation
	moving  []indexEntry // grow's buffer
}

type indexEntry struct {
	key uint64 // a packed stateKey
	si  int32
	gen uint32
}

// reset empties the index for a layer of about hint states.
func (ix *stateIndex) reset(hint int) {
	ix.n = 0
	ix.resize(max(1024, 1<<bits.Len(uint(2*hint))))
}

// resize makes the table size entries long, of a new generation (empty).
func (ix *stateIndex) resize(size int) {
	if size > len(ix.entries) {
		ix.entries = make([]indexEntry, size)
		ix.gen = 0
	}
	ix.size = size
	ix.shift = uint(64 - bits.TrailingZeros(uint(size)))
	ix.gen++
	if ix.gen == 0 { // wrapped: old generations would look current
		clear(ix.entries)
		ix.gen = 1
	}
}

// hash mixes a packed key for the index (keys are bit sets: their low bits
// alone would cluster).
func hash(k uint64) uint64 {
	k ^= k >> 31
	k *= 0x9E3779B97F4A7C15
	return k ^ k>>29
}

// lookup returns the state of key, adding it as state n when absent.
func (ix *stateIndex) lookup(key uint64, n int32) (int32, bool) {
	if 2*(ix.n+1) > ix.size {
		ix.grow()
	}
	mask := uint64(ix.size - 1)
	for i := hash(key) >> ix.shift; ; i = (i + 1) & mask {
		e := &ix.entries[i]
		if e.gen != ix.gen {
			*e = indexEntry{key: key, si: n, gen: ix.gen}
			ix.n++
			return n, false
		}
		if e.key == key {
			return e.si, true
		}
	}
}

// grow doubles the table, keeping the current generation's entries.
func (ix *stateIndex) grow() {
	ix.moving = ix.moving[:0]
	for _, e := range ix.entries[:ix.size] {
		if e.gen == ix.gen {
			ix.moving = append(ix.moving, e)
		}
	}
	ix.resize(2 * ix.size)
	mask := uint64(ix.size - 1)
	for _, e := range ix.moving {
		i := hash(e.key) >> ix.shift
		for ix.entries[i].gen == ix.gen {
			i = (i + 1) & mask
		}
		e.gen = ix.gen
		ix.entries[i] = e
	}
}

// layerBuilder collects the labels of the layer under construction. One
// builder serves every layer of a solve (and, through scratchPool, later
// solves), so its buffers grow once instead of per layer.
type layerBuilder struct {
	pack   keyPacker
	index  stateIndex         // packed keys
	wide   map[stateKey]int32 // keys that do not pack
	less   better
	lex    bool // less is lexBetter: call Objective.Less directly, inlined
	pareto bool
	keys   []stateKey
	head   []int32 // pareto: per state, the first label of its list
	// Labels. Without pareto, label si is state si's, replaced in place
	// when a better one comes: one load finds the label to beat.
	vals  []value
	links []link
	next  []int32 // pareto: per label, the next label of its state (-1: none)
	live  int     // labels not dominated
}

// begin starts a layer of about hint states.
func (b *layerBuilder) begin(pack keyPacker, pareto bool, hint int) {
	b.pack = pack
	if pack.ok {
		b.index.reset(hint)
	} else {
		b.wide = make(map[stateKey]int32, hint)
	}
	b.pareto = pareto
	b.keys = b.keys[:0]
	b.head = b.head[:0]
	b.vals, b.links, b.next = b.vals[:0], b.links[:0], b.next[:0]
	b.live = 0
}

// better reports whether x is better than y in the solve's mode.
func (b *layerBuilder) better(x, y Objective) bool {
	if b.lex {
		return x.Less(y)
	}
	return b.less(x, y)
}

// dominates reports whether x is at least as good as y in objective and in
// every tracked amount of money.
func (b *layerBuilder) dominates(x, y *value) bool {
	if b.better(y.obj, x.obj) {
		return false
	}
	if x.cspend > y.cspend {
		return false
	}
	for i := range x.vspend {
		if x.vspend[i] > y.vspend[i] {
			return false
		}
	}
	return true
}

// insert adds a label at key unless a label there dominates it (or, without
// money, is at least as good), removing the labels it dominates. It returns
// false when the label was not kept. v is passed by address, copied only
// when kept: the programmes call insert for every move.
func (b *layerBuilder) insert(key stateKey, v *value, lk link) bool {
	var si int32
	var ok bool
	if b.pack.ok {
		si, ok = b.index.lookup(b.pack.pack(key), int32(len(b.keys)))
	} else if si, ok = b.wide[key]; !ok {
		si = int32(len(b.keys))
		b.wide[key] = si
	}
	li := int32(len(b.vals))
	if !ok {
		b.keys = append(b.keys, key)
		if b.pareto {
			b.head = append(b.head, li)
			b.next = append(b.next, -1)
		}
		b.vals = append(b.vals, *v)
		b.links = append(b.links, lk)
		b.live++
		return true
	}
	if !b.pareto {
		if !b.better(v.obj, b.vals[si].obj) {
			return false
		}
		b.vals[si], b.links[si] = *v, lk
		return true
	}
	for x := b.head[si]; x >= 0; x = b.next[x] {
		if b.dominates(&b.vals[x], v) {
			return false
		}
	}
	// Unlink the labels v dominates, keeping the others in order, then
	// append v.
	last := int32(-1)
	for x := b.head[si]; x >= 0; x = b.next[x] {
		if b.dominates(v, &b.vals[x]) {
			b.live--
			continue
		}
		if last < 0 {
			b.head[si] = x
		} else {
			b.next[last] = x
		}
		last = x
	}
	if last < 0 {
		b.head[si] = li
	} else {
		b.next[last] = li
	}
	b.next = append(b.next, -1)
	b.vals = append(b.vals, *v)
	b.links = append(b.links, lk)
	b.live++
	return true
}

// finish returns the layer built, its labels compacted into state order;
// its key, start and value slices come from sc's spares.
func (b *layerBuilder) finish(sc *scratch) *layer {
	n := len(b.keys)
	ly := &layer{keys: b.keys, start: sc.starts(n + 1), vals: sc.values(b.live), links: sc.links.grab(b.live)}
	b.keys = sc.stateKeys()
	if !b.pareto {
		// One label per state, already in state order.
		for si := range n {
			ly.start[si] = int32(si)
		}
		ly.start[n] = int32(n)
		ly.vals = append(ly.vals, b.vals...)
		ly.links = append(ly.links, b.links...)
		return ly
	}
	for si := range n {
		ly.start[si] = int32(len(ly.links))
		for li := b.head[si]; li >= 0; li = b.next[li] {
			ly.vals = append(ly.vals, b.vals[li])
			ly.links = append(ly.links, b.links[li])
		}
	}
	ly.start[n] = int32(len(ly.links))
	return ly
}

// scratch is the memory a solve reuses, and hands on to later solves
// through scratchPool: the builder, the slices of released layers, the
// bundles and the moves of the candidate being added.
type scratch struct {
	b         layerBuilder
	spareKeys [][]stateKey
	spareInts [][]int32
	spareVals [][]value
	bundles   bundleArena
	links     slab[link] // the layers' links, until the solve ends
	moves     []move
	digits    []digitAdd
	lbKeys    [2][]uint64 // localLB: the states of this layer and the next
	lbPeople  [2][]int    // localLB: their fewest people
	lbDigits  []digitAdd  // localLB: the bundles' village digits
	lbSpans   [][2]int    // localLB: per bundle, its digits (−1: skipped)
	bound     boundScratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release hands a layer's keys, starts and values back for reuse, once the
// next layer is built; its links stay for the walk back.
func (sc *scratch) release(ly *layer) {
	if ly.keys != nil {
		sc.spareKeys = append(sc.spareKeys, ly.keys[:0])
	}
	if ly.start != nil {
		sc.spareInts = append(sc.spareInts, ly.start[:0])
	}
	if ly.vals != nil {
		sc.spareVals = append(sc.spareVals, ly.vals[:0])
	}
	ly.keys, ly.start, ly.vals = nil, nil, nil
}

func (sc *scratch) stateKeys() []stateKey {
	if k := len(sc.spareKeys); k > 0 {
		s := sc.spareKeys[k-1]
		sc.spareKeys = sc.spareKeys[:k-1]
		return s
	}
	return nil
}

// starts returns a slice of length n.
func (sc *scratch) starts(n int) []int32 {
	if k := len(sc.spareInts); k > 0 {
		s := sc.spareInts[k-1]
		sc.spareInts = sc.spareInts[:k-1]
		return slices.Grow(s[:0], n)[:n]
	}
	return make([]int32, n)
}

// values returns an empty slice with room for n values.
func (sc *scratch) values(n int) []value {
	if k := len(sc.spareVals); k > 0 {
		s := sc.spareVals[k-1]
		sc.spareVals = sc.spareVals[:k-1]
		return slices.Grow(s[:0], n)
	}
	return make([]value, 0, n)
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
	sv := &solver{ctx: ctx, pl: pl, sc: sc, less: lexBetter, maxStates: set.MaxStates, lexicographic: set.Mode == Lexicographic}
	if set.Mode == Weighted {
		sv.less = weightedBetter(set.Weights)
	}
	sc.b.less, sc.b.lex = sv.less, set.Mode != Weighted
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

// groupOptions runs the group programme. It returns the options layer,
// keyed by commune titles covered and commune holders, its labels pointing
// into the group's final layer (g.layers keeps every layer's links for the
// walk back).
func (sv *solver) groupOptions(g *group) (opts *layer, err error) {
	pl := sv.pl
	b := &sv.sc.b
	pareto := sv.fundBinds || len(g.fundVill) > 0
	pack := newPacker(g.local.bits, sv.shared.bits, 8+4*uint(len(g.capVillage)))
	b.begin(pack, pareto, 1)
	b.insert(stateKey{}, &value{}, link{prev: -1, choice: -1})
	cur := b.finish(sv.sc)
	layers := []*layer{cur}
	maxH := math.MaxInt
	if sv.ub != nil {
		maxH = sv.ub.Headcount - sv.lbRest[g.index]
	}
	// With the completion bound, a label is dropped when its village
	// titles can no longer be covered by the candidates left, or when, with
	// the best they and the other groups can add, it cannot beat the greedy
	// plan (limit is the bound less what the other groups add).
	useLimit := g.bound != nil && sv.ub != nil && sv.lexicographic
	var limit Objective
	if useLimit {
		limit = sv.ub.Sub(g.others)
	}
	// Read once what the inner loop checks, the compiler cannot hoist it.
	// The two additions below (local, shared) are written out rather than
	// shared through an inlined method: that method measured about 10 %
	// slower on BenchmarkReplans/hanoi-2019, in old/new runs taken in turns.
	lr, sr := g.local, sv.shared
	localBinary, localGuard, localBias, localGuards := lr.binary, lr.guard, lr.bias, lr.guards
	sharedBinary, sharedGuard, sharedBias, sharedGuards := sr.binary, sr.guard, sr.bias, sr.guards
	capBinds, communeCap, villageCap := sv.capBinds, pl.communeCap, pl.villageCap
	fundBinds, communeFund := sv.fundBinds, pl.communeFund
	for j, ci := range g.cands {
		if err := sv.ctx.Err(); err != nil {
			sv.sc.release(cur)
			return nil, err
		}
		moves := sv.moves(g, ci)
		var tails []Objective
		var moveAt []int
		if g.bound != nil {
			tails = g.bound.row(j + 1)
			moveAt = sv.sc.bound.atChoice[:0]
			for mi := range moves {
				moveAt = append(moveAt, g.bound.project(lr, moves[mi].localAdd))
			}
			sv.sc.bound.atChoice = moveAt
		}
		b.begin(pack, pareto, len(cur.keys))
		for si, key := range cur.keys {
			keyAt := 0
			if g.bound != nil {
				keyAt = g.bound.project(lr, key.local)
			}
			lo, hi := cur.labels(si)
			for li := lo; li < hi; li++ {
				l := &cur.vals[li]
				for mi := range moves {
					m := &moves[mi]
					var local, shared uint64
					ok := true
					switch {
					case localBinary:
						if key.local&m.localAdd != 0 {
							continue
						}
						local = key.local | m.localAdd
					case localGuard:
						if local = key.local + m.localAdd; (local+localBias)&localGuards != 0 {
							continue
						}
					default:
						if local, ok = addDigits(key.local, m.local); !ok {
							continue
						}
					}
					switch {
					case sharedBinary:
						if key.shared&m.sharedAdd != 0 {
							continue
						}
						shared = key.shared | m.sharedAdd
					case sharedGuard:
						if shared = key.shared + m.sharedAdd; (shared+sharedBias)&sharedGuards != 0 {
							continue
						}
					default:
						if shared, ok = addDigits(key.shared, m.shared); !ok {
							continue
						}
					}
					counters := key.counters
					if m.commune && capBinds {
						counters++
						if int(counters&0xff) > communeCap {
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
							if int(n) > villageCap {
								over = true
								break
							}
							counters += 1 << shift
						}
						if over {
							continue
						}
					}
					nv := value{obj: l.obj.Add(m.obj), cspend: l.cspend + m.cspend}
					if nv.obj.Headcount > maxH {
						continue
					}
					if tails != nil {
						t := tails[keyAt+moveAt[mi]]
						if t.Headcount == unreachable || useLimit && limit.Less(nv.obj.Add(t)) {
							continue
						}
					}
					over := fundBinds && nv.cspend > communeFund
					for i, ui := range g.fundVill {
						nv.vspend[i] = l.vspend[i] + m.vspend[i]
						if nv.vspend[i] > pl.villageFund[ui] {
							over = true
						}
					}
					if over {
						continue
					}
					if b.insert(stateKey{local, shared, counters}, &nv, link{prev: li, choice: int32(m.bundle)}) {
						sv.states++
					}
				}
			}
			if sv.states > sv.maxStates {
				sv.sc.release(cur)
				return nil, errStateLimit
			}
		}
		sv.sc.release(cur)
		cur = b.finish(sv.sc)
		layers = append(layers, cur)
	}
	g.layers = layers
	b.begin(newPacker(0, sv.shared.bits, 8), sv.fundBinds, 0)
	for si, key := range cur.keys {
		if key.local != g.local.full {
			continue
		}
		lo, hi := cur.labels(si)
		for li := lo; li < hi; li++ {
			l := &cur.vals[li]
			b.insert(stateKey{shared: key.shared, counters: key.counters & 0xff}, &value{obj: l.obj, cspend: l.cspend}, link{prev: li, choice: -1})
		}
	}
	sv.sc.release(cur)
	return b.finish(sv.sc), nil
}

// walkGroup follows labels back from the final layer of g, writing each
// candidate's bundle.
func (sv *solver) walkGroup(g *group, li int32, choice []int) {
	for k := len(g.cands) - 1; k >= 0; k-- {
		l := g.layers[k+1].links[li]
		choice[g.cands[k]] = int(l.choice)
		li = l.prev
	}
}

// communeProgramme combines the groups' options. layers[0] is the start,
// layers[g+1] the states after group g; only the last keeps its states and
// values, the others only their links.
func (sv *solver) communeProgramme(options []*layer) ([]*layer, error) {
	pl := sv.pl
	b := &sv.sc.b
	pack := newPacker(0, sv.shared.bits, 8)
	b.begin(pack, sv.fundBinds, 1)
	b.insert(stateKey{}, &value{}, link{prev: -1, choice: -1})
	cur := b.finish(sv.sc)
	layers := []*layer{cur}
	// Read once what the inner loop checks, the compiler cannot hoist it.
	sharedBinary, sharedGuard, sharedBias, sharedGuards := sv.shared.binary, sv.shared.guard, sv.shared.bias, sv.shared.guards
	capBinds, communeCap := sv.capBinds, pl.communeCap
	fundBinds, communeFund := sv.fundBinds, pl.communeFund
	// suffix[g]: the fewest people the groups from g on need.
	suffix := make([]int, len(options)+1)
	for gi := len(options) - 1; gi >= 0; gi-- {
		suffix[gi] = suffix[gi+1] + minHeadcount(options[gi])
	}
	// The completion bound drops states the groups left cannot complete
	// and, with the greedy plan, labels that cannot beat it.
	rest := sv.communeBound(options)
	useLimit := rest != nil && sv.ub != nil && sv.lexicographic
	for gi := range options {
		if err := sv.ctx.Err(); err != nil {
			sv.sc.release(cur)
			return nil, err
		}
		opt := options[gi]
		b.begin(pack, sv.fundBinds, len(cur.keys))
		// An option label fits the bound when its people fit in what the
		// bound leaves after the groups still to come.
		maxH := math.MaxInt
		if sv.ub != nil {
			maxH = sv.ub.Headcount - suffix[gi+1]
		}
		// The bound after this group, with each option's projection.
		var tails []Objective
		var optAt []int
		if rest != nil {
			tails = rest.row(gi + 1)
			optAt = sv.sc.bound.projectShared(opt.keys, rest, sv.shared)
		}
		for si, key := range cur.keys {
			keyAt := 0
			if rest != nil {
				keyAt = rest.project(sv.shared, key.shared)
			}
			lo, hi := cur.labels(si)
			for li := lo; li < hi; li++ {
				l := &cur.vals[li]
				room := maxH - l.obj.Headcount
				for oi, okey := range opt.keys {
					var shared uint64
					switch { // radix.sum, its mode read once above
					case sharedBinary:
						if key.shared&okey.shared != 0 {
							continue
						}
						shared = key.shared | okey.shared
					case sharedGuard:
						if shared = key.shared + okey.shared; (shared+sharedBias)&sharedGuards != 0 {
							continue
						}
					default:
						var ok bool
						if shared, ok = sv.shared.sum(key.shared, okey.shared); !ok {
							continue
						}
					}
					k := key.counters + okey.counters
					if capBinds && int(k) > communeCap {
						continue
					}
					// limit is what an option label may add and still
					// reach a plan no worse than the bound (objectives
					// compare level by level, so subtracting keeps order).
					limit := Objective{Headcount: room, Cost: math.MaxInt64, Disruption: math.MaxInt}
					if tails != nil {
						t := tails[keyAt+optAt[oi]]
						if t.Headcount == unreachable {
							continue // the groups left cannot cover the rest
						}
						if useLimit {
							limit = sv.ub.Sub(l.obj).Sub(t)
						}
					}
					olo, ohi := opt.labels(oi)
					for oli := olo; oli < ohi; oli++ {
						o := &opt.vals[oli]
						if limit.Less(o.obj) {
							continue
						}
						nv := value{obj: l.obj.Add(o.obj), cspend: l.cspend + o.cspend}
						if fundBinds && nv.cspend > communeFund {
							continue
						}
						if b.insert(stateKey{shared: shared, counters: k}, &nv, link{prev: li, choice: oli}) {
							sv.states++
						}
					}
				}
			}
			if sv.states > sv.maxStates {
				sv.sc.release(cur)
				return nil, errStateLimit
			}
		}
		sv.sc.release(cur)
		cur = b.finish(sv.sc)
		layers = append(layers, cur)
	}
	return layers, nil
}

// minHeadcount is the fewest people any label of a layer uses.
func minHeadcount(ly *layer) int {
	best := math.MaxInt
	for _, v := range ly.vals {
		best = min(best, v.obj.Headcount)
	}
	return best
}

// localLB is the fewest people of group g who can hold its village titles,
// ignoring the commune titles; ok is false when they cannot. When that takes
// too many states it gives up and returns the trivial bound 0.
func (sv *solver) localLB(g *group) (int, bool) {
	sc := sv.sc
	ix := &sc.b.index
	// States in creation order with their fewest people, this layer (cur)
	// and the next; the buffers live in sc.
	cur, curH := append(sc.lbKeys[0][:0], 0), append(sc.lbPeople[0][:0], 0)
	next, nextH := sc.lbKeys[1][:0], sc.lbPeople[1][:0]
	defer func() {
		sc.lbKeys = [2][]uint64{cur, next}
		sc.lbPeople = [2][]int{curH, nextH}
	}()
	for _, ci := range g.cands {
		// The bundles' village digits depend on the candidate only: a
		// span per bundle, −1 for bundles that are empty or leave g.
		digits, spans := sc.lbDigits[:0], sc.lbSpans[:0]
		for bi := range sv.bundles[ci] {
			b := &sv.bundles[ci][bi]
			span := [2]int{len(digits), -1}
			if len(b.items) > 0 {
				span[1] = len(digits)
				for _, it := range b.items {
					if sv.cls[it.class].unit == 0 {
						continue
					}
					k := g.local.digit[it.class]
					if k < 0 {
						span[1] = -1
						break
					}
					digits = append(digits, g.local.adder(k, uint64(it.count)))
					span[1] = len(digits)
				}
			}
			if span[1] < 0 {
				digits = digits[:span[0]]
			}
			spans = append(spans, span)
		}
		sc.lbDigits, sc.lbSpans = digits, spans

		ix.reset(len(cur))
		next, nextH = next[:0], nextH[:0]
		put := func(k uint64, h int) {
			si, ok := ix.lookup(k, int32(len(next)))
			if !ok {
				next = append(next, k)
				nextH = append(nextH, h)
			} else if h < nextH[si] {
				nextH[si] = h
			}
		}
		mustUse := len(sv.pl.cands[ci].fixed) > 0
		for i, k := range cur {
			h := curH[i]
			if !mustUse {
				put(k, h)
			}
			for _, sp := range spans {
				if sp[1] < 0 {
					continue
				}
				if nk, ok := addDigits(k, digits[sp[0]:sp[1]]); ok {
					put(nk, h+1)
				}
			}
		}
		cur, next = next, cur
		curH, nextH = nextH, curH
		if len(cur) > sv.maxStates/16 || sv.ctx.Err() != nil {
			return 0, true // too many to bound cheaply: 0 is still a bound
		}
	}
	for i, k := range cur {
		if k == g.local.full {
			return curH[i], true
		}
	}
	return 0, false
}
