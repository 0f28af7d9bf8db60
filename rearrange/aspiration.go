package rearrange

import (
	"slices"
	"time"
)

// Aspiration on the first level. Under FewestMerges the search starts as
// if it already held a plan that brings c villages to their floor, c the
// most the root's bound allows (every key village with a candidate): its
// incumbent is the least value such a plan can have, less one. A branch
// that strands a key village (no candidate left for it) then falls below
// that at once and is pruned, where a weak first incumbent (a plan that
// leaves two or three villages below their floor, as the depth-first
// sweep finds first in dense communes) would let the search wander among
// such branches. If the pass ends without a plan above the aspiration, no
// plan brings c villages to their floor (a proof: only branches that
// cannot were pruned), and the search tries c − 1, keeping what it has
// remembered: a remembered state's bound holds whatever the incumbent.

// run searches to the end or to the limit.
func (s *searcher) run() {
	if s.in.opt.Goal != FewestMerges || len(s.keys) == 0 {
		s.openBound, _ = s.search(0)
		return
	}
	_, _, sum := s.pick(0)
	top := sum[0] / s.scale
	for c := top; c >= 1; c-- {
		a := s.aspiration(c, int64(s.in.n-1))
		found, open := s.pass(a, true)
		if s.aborted {
			s.greedy()
			s.openBound = max(open, a*s.scale)
			return
		}
		if !found {
			continue
		}
		m0 := int64(0)
		if c == top && sum[0]%s.scale == 0 {
			m0 = (sum[1] + s.rootPairs() + s.scale - 1) / s.scale
		}
		s.aspireMerges(c, m0)
		return
	}
	s.best = 0
	s.openBound, _ = s.search(0)
}

// aspireMerges goes on from an incumbent that brings c key villages to
// their floor: it aspires to m0 merges (the root's bound), then one more,
// each pass a proof when it finds nothing, up to the incumbent's merges,
// within 1/aspireShare of the node budget left (passes far below the
// optimum cost more than they prune); the first pass that finds a plan
// stops there, and the search goes on to the end from the best plan found.
func (s *searcher) aspireMerges(c, m0 int64) {
	inc, incSet := s.best, slices.Clone(s.bestSet)
	mInc := (c*s.wt.m2 - inc) / s.wt.m1
	limit := s.maxNodes
	if limit > 0 {
		s.maxNodes = s.nodes + (limit-s.nodes)/aspireShare
	}
	for m := m0; m < mInc; m++ {
		a := s.aspiration(c, m)
		found, open := s.pass(a, true)
		if found {
			inc, incSet = s.best, slices.Clone(s.bestSet)
			break
		}
		if !s.aborted {
			continue
		}
		if s.stopped(limit) {
			s.maxNodes = limit
			s.best, s.bestSet = inc, incSet
			s.openBound = max(open, a*s.scale)
			return
		}
		break // the passes' share of the budget is spent
	}
	s.aborted = s.stopped(limit)
	s.maxNodes = limit
	s.best, s.bestSet = inc, incSet
	s.openBound, _ = s.search(0)
}

// aspireShare: the merges passes get 1/aspireShare of the node budget
// left. On the benchmarks (K = 3, 100,000 nodes per commune), communes
// proven with 2, 8 and no passes at all: 3-nearest country 99.64, 99.79,
// 99.82 %; synth's country 98.01, 97.92, 97.83 %. With the pairing
// bound (pairbound.go): synth's country 98.55 % with 2 to 4, 98.43 % with
// 8 (CPU time the same within the machine's noise of a second);
// 3-nearest country 99.82 % with 4 or 8, 4.4–4.7 s against 4.2–4.3 s.
const aspireShare = 8

// stopped reports whether the search's own limits (limit nodes, the
// deadline) are reached.
func (s *searcher) stopped(limit int64) bool {
	return limit > 0 && s.nodes > limit || !s.deadline.IsZero() && time.Now().After(s.deadline)
}

// pass searches with the incumbent's value set to a, stopping at the
// first plan above it when stop is set; found says a plan above a was
// found (the incumbent is then that plan).
func (s *searcher) pass(a int64, stop bool) (found bool, open int64) {
	s.best = a
	if stop {
		s.stopAt = a + 1
	}
	open, _ = s.search(0)
	s.stopAt = 0
	found = s.best > a
	if found && stop {
		s.aborted = s.maxNodes > 0 && s.nodes > s.maxNodes
	}
	return found, open
}

// aspiration is the least value of a plan that brings c key villages of
// the component to their floor with at most m merges, less one: every
// household moved. A plan that brings fewer, or merges more, is worth
// less (m2 exceeds every merges·m1 + disruption, m1 every disruption).
func (s *searcher) aspiration(c, m int64) int64 {
	return c*s.wt.m2 - m*s.wt.m1 - int64(s.in.htot) - 1
}

// greedy sets the incumbent to the plan that takes, for each key village
// in branching order not yet placed, its best available candidate (a
// plan to report when the search stops before finding one).
func (s *searcher) greedy() {
	var set []int
	var value int64
	for _, v := range s.keys {
		if s.used[v] {
			continue
		}
		for _, j := range s.byKey[v] {
			if s.available(j) {
				s.mark(j, true)
				set = append(set, j)
				value += s.cands[j].w
				break
			}
		}
	}
	for i := len(set) - 1; i >= 0; i-- {
		s.mark(set[i], false)
	}
	s.best, s.bestSet = max(value, 0), set
	if value <= 0 {
		s.bestSet = nil
	}
}
