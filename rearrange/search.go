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
	share     []int64 // weight·scale / keys, per candidate
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
	for j, id := range ids {
		s.cands[j] = all[id]
		s.share[j] = all[id].w * s.scale / int64(all[id].keys)
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
	if m <= memoVillages {
		s.memo = map[memoKey]int64{}
	}
	for _, v := range s.keys {
		slices.SortStableFunc(s.byKey[v], func(a, b int) int { return cmp.Compare(s.share[b], s.share[a]) })
	}
	slices.SortStableFunc(s.keys, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(s.byKey[a]), len(s.byKey[b])), cmp.Compare(a, b))
	})
	return s
}

// run searches to the end or to the limit.
func (s *searcher) run() {
	s.openBound = s.search(0, 0)
}

func (s *searcher) available(j int) bool {
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
	}
}

// bound is the scaled bound of a node: value so far plus the best share
// of every key village from pos on that is not yet placed.
func (s *searcher) bound(pos int, value int64) int64 {
	b := value * s.scale
	for _, v := range s.keys[pos:] {
		if s.used[v] {
			continue
		}
		for _, j := range s.byKey[v] {
			if s.available(j) {
				if s.share[j] > 0 {
					b += s.share[j]
				}
				break
			}
		}
	}
	return b
}

func (s *searcher) limitReached() bool {
	if s.maxNodes > 0 && s.nodes > s.maxNodes {
		return true
	}
	return !s.deadline.IsZero() && s.nodes&1023 == 0 && time.Now().After(s.deadline)
}

// search explores the node at key position pos and returns the scaled
// bound of what it left unexplored (noOpen: nothing).
func (s *searcher) search(pos int, value int64) int64 {
	s.nodes++
	if !s.aborted && s.limitReached() {
		s.aborted = true
	}
	for pos < len(s.keys) && s.used[s.keys[pos]] {
		pos++
	}
	if pos == len(s.keys) {
		if value > s.best {
			s.best = value
			s.bestSet = append(s.bestSet[:0], s.chosen...)
		}
		return noOpen
	}
	b := s.bound(pos, value)
	ub, known := s.memo[s.key]
	if known {
		b = min(b, (value+ub)*s.scale)
	}
	if b <= s.best*s.scale {
		return noOpen
	}
	if s.aborted {
		return b
	}
	e := s.keys[pos]
	open := int64(noOpen)
	if t := s.twinOf(e); t < 0 || !s.alone[t] {
		for _, j := range s.byKey[e] {
			if !s.available(j) || s.redundant(j) {
				continue
			}
			s.mark(j, true)
			s.chosen = append(s.chosen, j)
			open = max(open, s.search(pos+1, value+s.cands[j].w))
			s.chosen = s.chosen[:len(s.chosen)-1]
			s.mark(j, false)
		}
	}
	s.leave(e, true)
	open = max(open, s.search(pos+1, value))
	s.leave(e, false)
	if open == noOpen && s.memo != nil && (known || len(s.memo) < memoStates) {
		s.memo[s.key] = s.best - value
	}
	return open
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
