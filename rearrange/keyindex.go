package rearrange

import "math/bits"

// keyIndex keeps, under the adjacency rule, what every node of the search
// would otherwise gather by walking all the unplaced key villages of the
// component (up to ~190 on synth's country): the unplaced keys by their
// count of available candidates (capped at sweepCap) in branching order,
// and, per sorted list of a key's candidates (see ranking), the values of
// its first available one summed over the unplaced keys. A node places
// or frees a few villages, which block or free only the candidates
// holding them: availMemo.place marks those candidates' keys stale, and a
// node's first question refreshes the stale keys alone (refreshing at
// each change would redo a key for every candidate of it that changes:
// eight times the work on synth's country). Every sum is an integer, so
// the order of the updates does not change it: the search, its bounds
// and its plans are the same as by the walk.
//
// Keys are numbered by their position in the branching order (s.keys).
type keyIndex struct {
	keys    []int   // the branching order
	sweep   []int32 // per village: its position in keys, −1 if not a key
	off     []int32 // per key i: its candidates are entries off[i]:off[i+1] of a ranking
	keyOff  []int32 // per candidate j: its keys are keyOf[keyOff[j]:keyOff[j+1]]
	keyOf   []int32
	blocked []int32 // availMemo's: per candidate, its members placed
	placed  []bool  // per key: placed or left as it is
	stale   []bool  // per key: to refresh
	stales  []int32 // the stale keys
	// free holds, per capped count, the unplaced keys: the branching key
	// is the first of the lowest count. in is the set a key is in (−1:
	// none, placed).
	free [sweepCap + 1][]uint64
	in   []int8
	// shares is byKey's ranking, which also gives the counts; others
	// holds the rest, which the bounds read by name (nil: not built).
	shares                      *ranking
	moved, lagMerges, lagMovedR *ranking
	others                      []*ranking
}

// newKeyIndex indexes the searcher's keys at its current state, with the
// shares ranking and, under FewestMerges, the least moved one.
func newKeyIndex(s *searcher) *keyIndex {
	nk := len(s.keys)
	x := &keyIndex{keys: s.keys, sweep: make([]int32, s.in.n), off: make([]int32, nk+1),
		keyOff: make([]int32, len(s.cands)+1), blocked: s.avail.blocked,
		placed: make([]bool, nk), stale: make([]bool, nk), in: make([]int8, nk)}
	for v := range x.sweep {
		x.sweep[v] = -1
	}
	for i, v := range s.keys {
		x.sweep[v] = int32(i)
		x.off[i+1] = x.off[i] + int32(len(s.byKey[v]))
		x.placed[i], x.in[i] = s.used[v], -1
	}
	for j, g := range s.cands {
		for _, v := range g.members {
			if i := x.sweep[v]; i >= 0 {
				x.keyOf = append(x.keyOf, i)
			}
		}
		x.keyOff[j+1] = int32(len(x.keyOf))
	}
	for c := range x.free {
		x.free[c] = make([]uint64, (nk+63)/64)
	}
	x.shares = x.newRanking(s.byKey, 3, func(v, p int, out []int64) {
		if j := s.byKey[v][p]; s.share[j] > 0 { // pick adds only a positive best share
			copy(out, s.parts[j][:])
		}
	})
	if s.byMoved != nil {
		x.moved = x.addRanking(s.byMoved, 1, func(v, p int, out []int64) { out[0] = s.parts[s.byMoved[v][p]][2] })
	}
	for i := range s.keys {
		x.refreshKey(int32(i))
	}
	return x
}

// branchKey is the unplaced key village with the fewest available
// candidates (capped), the first in branching order among equals; −1:
// none left.
func (x *keyIndex) branchKey() int {
	x.refresh()
	for c := range x.free {
		for w, word := range x.free[c] {
			if word != 0 {
				return x.keys[w*64+bits.TrailingZeros64(word)]
			}
		}
	}
	return -1
}

// setPlaced records that village v is placed (on) or freed.
func (x *keyIndex) setPlaced(v int, on bool) {
	if i := x.sweep[v]; i >= 0 {
		x.placed[i] = on
		x.markStale(i)
	}
}

// changed follows candidate j becoming unavailable or available again.
func (x *keyIndex) changed(j int) {
	for _, i := range x.keyOf[x.keyOff[j]:x.keyOff[j+1]] {
		x.markStale(i)
	}
}

func (x *keyIndex) markStale(i int32) {
	if !x.stale[i] {
		x.stale[i] = true
		x.stales = append(x.stales, i)
	}
}

// refresh brings the stale keys up to date.
func (x *keyIndex) refresh() {
	for _, i := range x.stales {
		x.stale[i] = false
		x.refreshKey(i)
	}
	x.stales = x.stales[:0]
}

// refreshKey brings key i up to date: its set of capped count (none when
// placed) and its part of every ranking's sums.
func (x *keyIndex) refreshKey(i int32) {
	if x.placed[i] {
		x.moveTo(i, -1)
		x.shares.set(i, -1)
		for _, r := range x.others {
			r.set(i, -1)
		}
		return
	}
	first, c := int32(-1), int8(0)
	for e := x.off[i]; e < x.off[i+1]; e++ {
		if x.blocked[x.shares.cand[e]] == 0 {
			if c == 0 {
				first = e
			}
			if c++; c == sweepCap {
				break
			}
		}
	}
	x.moveTo(i, c)
	x.shares.set(i, first)
	for _, r := range x.others {
		r.set(i, x.first(r, i))
	}
}

// moveTo moves key i to the set of count c (−1: none).
func (x *keyIndex) moveTo(i int32, c int8) {
	if c == x.in[i] {
		return
	}
	if x.in[i] >= 0 {
		x.free[x.in[i]][i/64] &^= 1 << (i % 64)
	}
	if c >= 0 {
		x.free[c][i/64] |= 1 << (i % 64)
	}
	x.in[i] = c
}
