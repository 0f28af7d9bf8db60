package rearrange

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// noOpen is the open bound of a subtree searched to the end.
const noOpen = math.MinInt64

// searcher is the branch and bound over the candidates of one component:
// it takes the first key village not yet placed (fewest candidates first)
// and branches on each available candidate that holds it, best share first,
// then on leaving it as it is. A plan's value is the sum of its candidates'
// weights; the bound adds to the value so far, for every key village still
// unplaced, the best share of an available candidate holding it (a
// candidate's weight split evenly over its key members), which no plan can
// beat since every candidate's weight is the sum of its members' shares.
type searcher struct {
	in        *instance
	cands     []candidate
	share     []int64    // weight·scale / keys, per candidate
	parts     [][3]int64 // covered, merges, moved ·scale / keys (moved rounded down)
	wt        weights
	scale     int64   // lcm(1..K): shares are whole
	keys      []int   // key villages of the component, in branching order
	byKey     [][]int // per village: candidates holding it, best share first
	used      []bool
	alone     []bool // a key village the current branch left as it is
	twin      []int  // without adjacency: the previous identical village, or −1
	chosen    []int
	best      int64
	bestSet   []int
	nodes     int64
	maxNodes  int64
	deadline  time.Time
	aborted   bool
	openBound int64 // scaled; noOpen when the search ended
	// memo maps a state (the villages placed, those left as they are) to a
	// bound on the value the rest can add, learnt when its subtree was
	// searched to the end: transpositions (a with b then c with d, or a
	// with d then c with b) are searched once. Components of up to
	// memoVillages villages only; local numbers the component's villages.
	memo  map[memoKey]int64
	local []int
	key   memoKey
	avail *availMemo // under the adjacency rule, in place of memo
	// byMoved: per key village, its candidates by moved share, least
	// first (FewestMerges; see leastMoved).
	byMoved [][]int
	// The tie-break (canonical.go).
	tieBroken  bool  // it settled the ties
	stopAt     int64 // when not 0: stop once a plan reaches it
	canonNodes int64 // its nodes

	pg *pairGraph // the pairing bound (pairbound.go); nil: none

	lg       *lagrange  // the Lagrangian bound (lagrange.go); nil: none
	lagBuilt int        // the steps it was last built with (0: not yet)
	lagRuns  [2]*lagRun // the steps on merges and on households moved
	candKeys [][]int32  // per candidate: its keys in member order (for lg)

	cb *clusterBound // the cluster bound (clusterbound.go); nil: none

	ties *tieSet // when set: finding the optimal candidates (tieset.go)
	// prefer: per village, the candidate of the tie-break's guide that
	// holds it, tried first (−1: none); nil outside the tie-break.
	prefer []int
}

// memoVillages is the largest component whose states are remembered, and
// memoStates the most states remembered per component.
const (
	memoVillages = 128
	memoStates   = 1 << 20
)

type memoKey [4]uint64 // bits 0–127: placed; 128–255: left as they are

func (k *memoKey) set(local int, alone, on bool) {
	w := local / 64
	if alone {
		w += 2
	}
	bit := uint64(1) << (local % 64)
	if on {
		k[w] |= bit
	} else {
		k[w] &^= bit
	}
}

func lcmUpTo(k int) int64 {
	l := int64(1)
	for i := int64(2); i <= int64(k); i++ {
		a, b := l, i
		for b != 0 {
			a, b = b, a%b
		}
		l = l / a * i
	}
	return l
}

// newSearcher prepares the search of the candidates cands (indices into
// all) whose members form one component.
func newSearcher(in *instance, all []candidate, ids []int, twin []int, used []bool) *searcher {
	s := &searcher{in: in, scale: lcmUpTo(in.k), used: used, twin: twin,
		byKey: make([][]int, in.n), alone: make([]bool, in.n)}
	s.cands = make([]candidate, len(ids))
	s.share = make([]int64, len(ids))
	s.parts = make([][3]int64, len(ids))
	s.wt = in.weights()
	for j, id := range ids {
		g := all[id]
		k := int64(g.keys)
		s.cands[j] = g
		s.share[j] = g.w * s.scale / k
		s.parts[j] = [3]int64{int64(g.covered) * s.scale / k, int64(len(g.members)-1) * s.scale / k, int64(g.moved) * s.scale / k}
	}
	for j := range s.cands {
		for _, v := range s.cands[j].members {
			if in.isKey(v) {
				if len(s.byKey[v]) == 0 {
					s.keys = append(s.keys, v)
				}
				s.byKey[v] = append(s.byKey[v], j)
			}
		}
	}
	s.local = make([]int, in.n)
	m := 0
	for i := range s.local {
		s.local[i] = -1
	}
	for _, g := range s.cands {
		for _, v := range g.members {
			if s.local[v] < 0 {
				s.local[v] = m
				m++
			}
		}
	}
	if in.adj != nil {
		s.avail = newAvailMemo(in.n, s.cands)
	} else if m <= memoVillages {
		s.memo = map[memoKey]int64{}
	}
	for _, v := range s.keys {
		slices.SortStableFunc(s.byKey[v], func(a, b int) int { return cmp.Compare(s.share[b], s.share[a]) })
	}
	slices.SortStableFunc(s.keys, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(s.byKey[a]), len(s.byKey[b])), cmp.Compare(a, b))
	})
	if s.avail != nil {
		s.sweepOrder()
	}
	s.initMoved()
	s.initPairs()
	if s.avail != nil {
		s.avail.ix = newKeyIndex(s)
	}
	return s
}

func (s *searcher) available(j int) bool {
	if s.avail != nil {
		return s.avail.blocked[j] == 0 // kept as villages are placed
	}
	for _, v := range s.cands[j].members {
		if s.used[v] {
			return false
		}
	}
	return true
}

// redundant reports whether candidate j uses a village whose identical
// twin before it is still free: the same candidate with the twin is tried.
func (s *searcher) redundant(j int) bool {
	if s.twin == nil {
		return false
	}
	for _, v := range s.cands[j].members {
		if t := s.twin[v]; t >= 0 && !s.used[t] && !slices.Contains(s.cands[j].members, t) {
			return true
		}
	}
	return false
}

func (s *searcher) mark(j int, on bool) {
	for _, v := range s.cands[j].members {
		s.used[v] = on
		if s.memo != nil {
			s.key.set(s.local[v], false, on)
		}
		if s.avail != nil {
			s.avail.place(v, on)
		}
	}
}

func (s *searcher) limitReached() bool {
	if s.maxNodes > 0 && s.nodes > s.maxNodes {
		return true
	}
	return !s.deadline.IsZero() && s.nodes&1023 == 0 && time.Now().After(s.deadline)
}

// search explores a node and returns the scaled bound of what it left
// unexplored (open; noOpen: nothing) and a bound on what the rest of the
// node can add (soft, unscaled): the most over its branches, a pruned
// branch counting its own bound, not the incumbent's value. Remembered
// for the node's state, soft prunes a later visit that comes with a
// better value so far, which the incumbent's value (best − value) would
// not (a fail-soft bound). It branches on the unplaced key village with
// the fewest available candidates (the first of its identical twins
// still free, so that twins are taken in input order).
func (s *searcher) search(value int64) (open, soft int64) {
	s.nodes++
	if !s.aborted && s.limitReached() {
		s.aborted = true
	}
	e, b, sum := s.pick(value)
	if s.ties != nil {
		if e < 0 {
			if value >= s.ties.target {
				s.ties.record(s.chosen)
			}
			return noOpen, 0
		}
		if rest, done := s.tieRecall(value); done {
			return noOpen, rest
		}
		defer s.tieRemember(value, s.ties.found)
	}
	if e < 0 {
		if value > s.best {
			s.best = value
			s.bestSet = append(s.bestSet[:0], s.chosen...)
			s.aborted = s.aborted || s.stopAt != 0 && value >= s.stopAt
		}
		return noOpen, 0
	}
	ub, known := s.recall()
	if known {
		b = min(b, (value+ub)*s.scale)
	}
	var least int64
	if b > s.best*s.scale && s.byMoved != nil && sum[0]%s.scale == 0 {
		least = s.leastMoved()
		b = min(b, value*s.scale+s.rounded(sum, least))
	}
	if b > s.best*s.scale && s.byMoved != nil && sum[0]%s.scale == 0 && s.lagReady() {
		if m := s.lagMoved(); m > least {
			least = m
			b = min(b, value*s.scale+s.rounded(sum, least))
		}
	}
	if b > s.best*s.scale && s.pg != nil && sum[0]%s.scale == 0 {
		b = s.pairBound(value, b, sum, least)
	}
	if b > s.best*s.scale && sum[0]%s.scale == 0 && s.lagReady() {
		b = s.lagBound(value, b, sum, least)
	}
	if b > s.best*s.scale && sum[0]%s.scale == 0 && b-s.best*s.scale <= clusterGap*s.wt.m1*s.scale && s.clusterReady() {
		b = s.clusterBoundAt(value, b, sum, least)
	}
	if b <= s.best*s.scale {
		return noOpen, floorDiv(b, s.scale) - value
	}
	if s.aborted {
		return b, 0
	}
	for t := s.twinOf(e); t >= 0 && !s.used[t]; t = s.twinOf(e) {
		e = t
	}
	open, soft = noOpen, math.MinInt64
	if t := s.twinOf(e); t < 0 || !s.alone[t] {
		first := -1
		if s.prefer != nil {
			first = s.prefer[e]
		}
		for k := -1; k < len(s.byKey[e]); k++ {
			j := first
			if k >= 0 {
				j = s.byKey[e][k]
			}
			if k >= 0 && j == first || j < 0 || !s.available(j) || s.redundant(j) {
				continue
			}
			s.mark(j, true)
			s.chosen = append(s.chosen, j)
			o, r := s.search(value + s.cands[j].w)
			open, soft = max(open, o), max(soft, r+s.cands[j].w)
			s.chosen = s.chosen[:len(s.chosen)-1]
			s.mark(j, false)
			if s.aborted {
				// The node's bound covers the branches not taken:
				// a branch's bound is never above its node's.
				return max(open, b), 0
			}
		}
	}
	s.leave(e, true)
	o, r := s.search(value)
	open, soft = max(open, o), max(soft, r)
	s.leave(e, false)
	if s.aborted {
		return max(open, b), 0
	}
	if known {
		soft = min(soft, ub)
	}
	if open == noOpen {
		s.remember(soft, known)
	}
	return open, soft
}

// floorDiv is a / b rounded down (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// index is the key index (keyindex.go), nil without the adjacency rule.
func (s *searcher) index() *keyIndex {
	if s.avail == nil {
		return nil
	}
	return s.avail.ix
}

// pick returns the unplaced key village with the fewest available
// candidates (−1: none left), the node's scaled bound: value so far plus
// the best share of every unplaced key village (see rounded), and the
// sums of those shares' parts. The bound does not yet charge the least
// households moved (see leastMoved): search adds that only when the
// bound without it does not prune already. Under the adjacency rule the
// key index answers (keyindex.go; counts capped at sweepCap), without it
// a walk over the keys.
func (s *searcher) pick(value int64) (int, int64, [3]int64) {
	if x := s.index(); x != nil {
		t := x.total(x.shares)
		sum := [3]int64{t[0], t[1], t[2]}
		return x.branchKey(), value*s.scale + s.rounded(sum, 0), sum
	}
	var sum [3]int64
	e, fewest := -1, 0
	for _, v := range s.keys {
		if s.used[v] {
			continue
		}
		count := 0
		for _, j := range s.byKey[v] {
			if !s.available(j) {
				continue
			}
			if count == 0 && s.share[j] > 0 {
				p := &s.parts[j]
				sum[0], sum[1], sum[2] = sum[0]+p[0], sum[1]+p[1], sum[2]+p[2]
			}
			count++
			if e >= 0 && count >= fewest {
				break
			}
		}
		if e < 0 || count < fewest {
			e, fewest = v, count
		}
	}
	return e, value*s.scale + s.rounded(sum, 0), sum
}

// rounded turns the sums of the best shares, level by level, into a
// scaled bound on the value the unplaced villages can add. Shares add up
// as vectors in lexicographic order, so a plan's (covered, merges, moved)
// is lexicographically no better than the sums; and its levels are whole:
// when the covered sum is fractional no plan reaches it (the bound is its
// floor, with nothing to pay), and when it is whole a plan reaching it
// merges at least the merges sum rounded up (at most, rounded down, under
// Consolidation), paying the moved sum only when that is whole too.
func (s *searcher) rounded(sum [3]int64, least int64) int64 {
	sc, wt := s.scale, s.wt
	most := int64(s.in.n - 1) // merges of any plan
	cov := sum[0] / sc
	consolidation := s.in.opt.Goal == Consolidation
	if sum[0]%sc != 0 {
		if consolidation {
			return (cov*wt.m2 + most*wt.m1) * sc
		}
		return cov * wt.m2 * sc
	}
	merges := sum[1] / sc
	whole := sum[1]%sc == 0
	if consolidation {
		return (cov*wt.m2+min(merges, most)*wt.m1)*sc - s.paid(whole, sum[2])
	}
	if !whole {
		merges++
	}
	paid := s.paid(whole, sum[2])
	if least > 0 {
		paid = min(s.ceilScaled(max(paid, least)), int64(s.in.htot)*sc)
	}
	return (cov*wt.m2-min(merges, most)*wt.m1)*sc - paid
}

// paid is the scaled disruption a bound may charge: none unless the
// merges level is whole, and never more than every household (a plan that
// cannot pay it has other merges, which the weights order first).
func (s *searcher) paid(whole bool, moved int64) int64 {
	if !whole {
		return 0
	}
	return min(moved, int64(s.in.htot)*s.scale)
}

func (s *searcher) twinOf(v int) int {
	if s.twin == nil {
		return -1
	}
	return s.twin[v]
}

// leave marks key village e as left as it is, or undoes it.
func (s *searcher) leave(e int, on bool) {
	s.used[e], s.alone[e] = on, on
	if s.avail != nil {
		s.avail.place(e, on)
	}
	if s.memo != nil {
		s.key.set(s.local[e], false, on)
		s.key.set(s.local[e], true, on)
	}
}

// underKeys counts the component's villages below their floor that some
// candidate holds: the most it can bring to their floor.
func (s *searcher) underKeys() int {
	n := 0
	for v, l := range s.local {
		if l >= 0 && s.in.under[v] {
			n++
		}
	}
	return n
}

// recall returns the remembered bound on what the rest of the current
// state can add, if any.
func (s *searcher) recall() (int64, bool) {
	if s.avail != nil {
		return s.avail.lookup()
	}
	ub, known := s.memo[s.key]
	return ub, known
}

// remember keeps ub, a bound on what the rest of the current state can
// add, learnt when its subtree was searched to the end.
func (s *searcher) remember(ub int64, known bool) {
	switch {
	case s.avail != nil:
		s.avail.store(ub, known)
	case s.memo != nil && (known || len(s.memo) < memoStates):
		s.memo[s.key] = ub
	}
}
