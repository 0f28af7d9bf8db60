package rearrange

// The optimal candidates. Most of the tie-break's nodes go to proving,
// for the first villages in input order, that an option cannot reach the
// optimum V: each such proof is a search of nearly the whole component
// with one candidate fixed. One search can instead find every candidate
// that some plan worth V holds: the branch and bound with its incumbent
// just below V, so that it prunes only what cannot reach V, and, instead
// of stopping at a plan worth V, records its candidates and goes on. A
// state (the candidates still available, under the adjacency rule: the
// rest of the search depends on nothing else) from which a plan worth V
// was found is remembered with the value it was reached at: coming back
// to it at that value, the plans below it are those already recorded, and
// only the candidates fixed on the way there are new; at a lower value no
// plan below it reaches V. An option outside that set is in no plan worth
// V, with or without the villages the tie-break has settled, and needs no
// search of its own.

// tieSet is the state of that search.
type tieSet struct {
	target int64            // V
	in     []bool           // per candidate: in a plan worth V
	at     map[string]int64 // state → the value it reached V from
	found  int64            // plans worth V met (at a leaf or a state)
}

// tieShare: the search for the optimal candidates gets 1/tieShare of the
// tie-break's node budget; past it the tie-break does without.
const tieShare = 4

// tieSetOn switches the search for the optimal candidates on (tests
// compare the tie-break without it).
var tieSetOn = true

// optimalCandidates finds the candidates of the plans worth target (the
// proven optimum) within budget nodes; nil if it stops first (or without
// the adjacency rule, whose states it needs).
func (s *searcher) optimalCandidates(target, budget int64) []bool {
	if s.avail == nil || !tieSetOn {
		return nil
	}
	limit := s.maxNodes
	s.maxNodes = s.nodes + budget
	if limit > 0 {
		s.maxNodes = min(s.maxNodes, limit)
	}
	s.ties = &tieSet{target: target, in: make([]bool, len(s.cands)), at: map[string]int64{}}
	s.best = target - 1
	_, _ = s.search(0)
	in := s.ties.in
	s.ties, s.maxNodes, s.best = nil, limit, target
	if s.aborted {
		s.aborted = s.stopped(limit)
		return nil
	}
	return in
}

// record records a plan (the candidates chosen) worth at least V.
func (t *tieSet) record(chosen []int) {
	t.found++
	for _, j := range chosen {
		t.in[j] = true
	}
}

// tieRecall handles a state met before: done when it was reached V from
// (then at value, the plans below it are recorded, or none reaches V),
// with the exact best the rest can add.
func (s *searcher) tieRecall(value int64) (rest int64, done bool) {
	t := s.ties
	from, ok := t.at[string(s.avail.bytes())]
	if !ok {
		return 0, false
	}
	if value >= from {
		t.record(s.chosen)
	}
	return t.target - from, true
}

// tieRemember remembers the state as reaching V from value when plans
// worth V were found below it since found0.
func (s *searcher) tieRemember(value, found0 int64) {
	if t := s.ties; t.found > found0 && len(t.at) < memoStates {
		t.at[string(s.avail.bytes())] = value
	}
}
