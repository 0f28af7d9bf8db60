package rearrange

import "math/bits"

// keyIndex keeps, under the adjacency rule, what every node of the search
// would otherwise gather by walking all the unplaced key villages of the
// component (up to ~190 on synth's country): the unplaced keys by their
// count of available candidates (capped at sweepCap) in branching order,
// and, per sorted list of a key's candidates (see ranking), the values of
// its first available one summed over the unplaced keys. A node places
// or frees a few villages, which change only the keys that share a
// candidate with them: availMemo.place marks those stale, a few words of
// a bitset, and a node's first question refreshes the stale keys alone.
// (Marking the keys of each candidate that changes, or refreshing at
// each change, cost more than the walks saved: 80 changes a node on the
// country against 10 stale keys.) Every sum is an integer, so the order
// of the updates does not change it: the search, its bounds and its
// plans are the same as by the walk.
//
// Keys are numbered by their position in the branching order (s.keys);
// sets of keys are bitsets of words words.
type keyIndex struct {
	keys    []int   // the branching order
	sweep   []int32 // per village: its position in keys, −1 if not a key
	off     []int32 // per key i: its candidates are entries off[i]:off[i+1] of a ranking
	blocked []int32 // availMemo's: per candidate, its members placed
	words   int
	placed  []uint64 // the keys placed or left as they are
	near    []uint64 // per village: the keys sharing a candidate with it
	pairs   []uint64 // the keys of the pure pairs (pairbound.go)
	stale   []uint64 // the keys to refresh
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
		blocked: s.avail.blocked, in: make([]int8, nk), words: (nk + 63) / 64}
	x.near, x.stale, x.placed = make([]uint64, s.in.n*x.words), make([]uint64, x.words), make([]uint64, x.words)
	for v := range x.sweep {
		x.sweep[v] = -1
	}
	for i, v := range s.keys {
		x.sweep[v] = int32(i)
		x.off[i+1] = x.off[i] + int32(len(s.byKey[v]))
		x.in[i] = -1
		if s.used[v] {
			setBit(x.placed, int32(i))
		}
	}
	for i, v := range s.keys {
		for _, j := range s.byKey[v] {
			for _, w := range s.cands[j].members {
				setBit(x.nearOf(w), int32(i))
			}
		}
	}
	for c := range x.free {
		x.free[c] = make([]uint64, x.words)
	}
	if s.pg != nil {
		x.pairs = make([]uint64, x.words)
		for _, v := range s.pg.village {
			setBit(x.pairs, x.sweep[v])
		}
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

func (x *keyIndex) nearOf(v int) []uint64 {
	return x.near[v*x.words : (v+1)*x.words]
}

func setBit(set []uint64, i int32) {
	set[i/64] |= 1 << (i % 64)
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

// place marks the keys that placing or freeing village v changes stale:
// itself if a key, and the unplaced keys sharing a candidate with it (a
// placed key is out of the sums and sets already, or stale itself).
func (x *keyIndex) place(v int, on bool) {
	if i := x.sweep[v]; i >= 0 {
		w, bit := i/64, uint64(1)<<(i%64)
		if on {
			x.placed[w] |= bit
		} else {
			x.placed[w] &^= bit
		}
		x.stale[w] |= bit
	}
	for w, m := range x.nearOf(v) {
		x.stale[w] |= m &^ x.placed[w]
	}
}

// unplacedPairs counts the unplaced keys of the pure pairs.
func (x *keyIndex) unplacedPairs() int {
	n := 0
	for w, m := range x.pairs {
		n += bits.OnesCount64(m &^ x.placed[w])
	}
	return n
}

func (x *keyIndex) isPlaced(i int32) bool {
	return x.placed[i/64]&(1<<(i%64)) != 0
}

// refresh brings the stale keys up to date.
func (x *keyIndex) refresh() {
	for w, m := range x.stale {
		if m == 0 {
			continue
		}
		for _, r := range x.others {
			r.pending[w] |= m
		}
		for ; m != 0; m &= m - 1 {
			x.refreshKey(int32(w*64 + bits.TrailingZeros64(m)))
		}
		x.stale[w] = 0
	}
}

// refreshKey brings key i's count and shares up to date (none when
// placed); refresh leaves it pending in the other rankings, which half
// the nodes prune before they ask for.
func (x *keyIndex) refreshKey(i int32) {
	if x.isPlaced(i) {
		x.moveTo(i, -1)
		x.shares.set(i, -1)
		return
	}
	first, c := int32(-1), int8(0)
	lo, hi := x.off[i], x.off[i+1]
	blocked := x.blocked
	for e, j := range x.shares.cand[lo:hi] {
		if blocked[j] == 0 {
			if c == 0 {
				first = lo + int32(e)
			}
			if c++; c == sweepCap {
				break
			}
		}
	}
	x.moveTo(i, c)
	x.shares.set(i, first)
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
