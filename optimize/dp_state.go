package optimize

import (
	"fmt"
	"math/bits"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The states of the dynamic programme: packed counters, state keys, layers
// of states with their index, and the scratch memory layers are built in.

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

// better compares objectives in the solve's mode.
type better func(a, b Objective) bool

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
