package rearrange

import (
	"math/bits"
	"slices"
)

// ranking is one order of each key's candidates (best first for the
// bound that reads it) with width values per entry; keyIndex keeps sum,
// the values of each unplaced key's first available entry summed over
// those keys (a key with no available candidate adds none). Entries are
// flat, key i's from keyIndex.off[i].
type ranking struct {
	cand    []int32  // per entry: its candidate
	width   int      // values per entry
	vals    []int64  // width per entry
	at      []int32  // per key: its entry in sum (−1: none)
	sum     []int64  // width
	pending []uint64 // the keys stale in this ranking alone (see refreshKey)
}

// newRanking indexes list (per key village, a permutation of its
// candidates) with the values val writes for entry p of village v's
// list; its sums are empty until refreshKey sets its keys.
func (x *keyIndex) newRanking(list [][]int, width int, val func(v, p int, out []int64)) *ranking {
	n := int(x.off[len(x.keys)])
	r := &ranking{cand: make([]int32, n), width: width, vals: make([]int64, n*width),
		at: make([]int32, len(x.keys)), sum: make([]int64, width), pending: make([]uint64, x.words)}
	for i, v := range x.keys {
		for p, j := range list[v] {
			e := int(x.off[i]) + p
			r.cand[e] = int32(j)
			val(v, p, r.vals[e*width:(e+1)*width])
		}
		r.at[i] = -1
	}
	return r
}

// addRanking adds one of the others, set at the current state: the
// Lagrangian rankings are added in the middle of a search.
func (x *keyIndex) addRanking(list [][]int, width int, val func(v, p int, out []int64)) *ranking {
	r := x.newRanking(list, width, val)
	for i := range x.keys {
		if !x.isPlaced(int32(i)) {
			r.set(int32(i), x.first(r, int32(i)))
		}
	}
	x.others = append(x.others, r)
	return r
}

// setRanking is addRanking in place of old (nil: none), as the
// Lagrangian bound is rebuilt.
func (x *keyIndex) setRanking(old *ranking, list [][]int, width int, val func(v, p int, out []int64)) *ranking {
	r := x.addRanking(list, width, val)
	if i := slices.Index(x.others, old); i >= 0 {
		x.others = slices.Delete(x.others, i, i+1)
	}
	return r
}

// first is key i's first available entry in r, −1: none.
func (x *keyIndex) first(r *ranking, i int32) int32 {
	lo, hi := x.off[i], x.off[i+1]
	blocked := x.blocked
	for e, j := range r.cand[lo:hi] {
		if blocked[j] == 0 {
			return lo + int32(e)
		}
	}
	return -1
}

// set puts entry e's values in the sums for key i (−1: none) in place
// of its current entry's. (Unrolled for the two widths in use: it runs
// some 60 million times on synth's country.)
func (r *ranking) set(i, e int32) {
	old := r.at[i]
	if old == e {
		return // most stale keys keep their entry
	}
	r.at[i] = e
	switch w := int32(r.width); w {
	case 1:
		r.add(old, e)
	case 3:
		r.add3(old, e)
	default:
		if old >= 0 {
			for c, v := range r.vals[old*w : (old+1)*w] {
				r.sum[c] -= v
			}
		}
		if e >= 0 {
			for c, v := range r.vals[e*w : (e+1)*w] {
				r.sum[c] += v
			}
		}
	}
}

// add moves the sum of a ranking of width 1 from entry old to e.
func (r *ranking) add(old, e int32) {
	var d int64
	if old >= 0 {
		d -= r.vals[old]
	}
	if e >= 0 {
		d += r.vals[e]
	}
	r.sum[0] += d
}

// add3 is add for width 3.
func (r *ranking) add3(old, e int32) {
	var d [3]int64
	if old >= 0 {
		v := r.vals[3*old : 3*old+3 : 3*old+3]
		d[0], d[1], d[2] = -v[0], -v[1], -v[2]
	}
	if e >= 0 {
		v := r.vals[3*e : 3*e+3 : 3*e+3]
		d[0], d[1], d[2] = d[0]+v[0], d[1]+v[1], d[2]+v[2]
	}
	sum := r.sum[:3:3]
	sum[0], sum[1], sum[2] = sum[0]+d[0], sum[1]+d[1], sum[2]+d[2]
}

// total is the ranking's sums, brought up to date.
func (x *keyIndex) total(r *ranking) []int64 {
	x.refresh()
	if r == x.shares {
		return r.sum
	}
	for w, m := range r.pending {
		for ; m != 0; m &= m - 1 {
			i := int32(w*64 + bits.TrailingZeros64(m))
			e := int32(-1)
			if !x.isPlaced(i) {
				e = x.first(r, i)
			}
			r.set(i, e)
		}
		r.pending[w] = 0
	}
	return r.sum
}
