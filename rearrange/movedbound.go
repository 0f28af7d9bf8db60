package rearrange

import (
	"cmp"
	"slices"
)

// The disruption bound. Under FewestMerges a plan that brings every
// unplaced key village with an available candidate to its floor (the only
// plans the bound's covered level admits when it is whole: each key's
// covered share is 1) moves at least the sum, over those keys, of the
// least moved share of a candidate still available to it, whatever
// candidates it merges them in. The shares bound alone charges no
// disruption when the merges level is fractional (an odd number of keys
// that pair best), which left the third level of most dense communes
// unbounded; the plan's disruption is whole, so the sum is rounded up.

// initMoved sorts each key's candidates by their moved share, least first
// (FewestMerges under the adjacency rule only; byMoved stays nil
// otherwise: without adjacency a key has hundreds of candidates, the bound
// cost Phú Thọ a third more CPU time and proved no more communes).
func (s *searcher) initMoved() {
	if s.in.opt.Goal != FewestMerges || s.avail == nil {
		return
	}
	s.byMoved = make([][]int, s.in.n)
	for _, v := range s.keys {
		s.byMoved[v] = slices.Clone(s.byKey[v])
		slices.SortStableFunc(s.byMoved[v], func(a, b int) int { return cmp.Compare(s.parts[a][2], s.parts[b][2]) })
	}
}

// leastMoved is the scaled sum, over the unplaced keys, of the least moved
// share of an available candidate holding them (none: the key adds 0),
// kept by the key index (byMoved exists only under the adjacency rule).
func (s *searcher) leastMoved() int64 {
	x := s.index()
	return x.total(x.moved)[0]
}

// ceilScaled rounds a scaled disruption up to a whole number of
// households (still scaled).
func (s *searcher) ceilScaled(x int64) int64 {
	return (x + s.scale - 1) / s.scale * s.scale
}
