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
	target int64       // V
	in     []bool      // per candidate: in a plan worth V
	at     *stateTable // state → the value it reached V from
	found  int64       // plans worth V met (at a leaf or a state)
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
	s.ties = &tieSet{target: target, in: make([]bool, len(s.cands)), at: newStateTable(len(s.avail.words))}
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
	from, ok := t.at.get(s.avail.words)
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
	if t := s.ties; t.found > found0 && t.at.n < memoStates {
		t.at.put(s.avail.words, value)
	}
}

// lazyNodes: the tie-break searches the optimal candidates only once an
// option's search runs past lazyNodes nodes; most components never need
// them. On synth's country (adjacency, K = 3) the tie-break took 586,000
// nodes in all with 64; 585,000 with 32, 592,000 with 128, 686,000 with
// 512, 667,000 with 1 and 678,000 when the set is searched at once.
const lazyNodes = 64

// lazySet is the tie-break's optimal candidates, searched once when
// needed, and the villages settled so far (undone for that search).
type lazySet struct {
	set        []bool // nil: none (not searched, or stopped)
	tried      bool
	budget     int64
	undo, redo []func()
}

// tryOption asks, as reaches does, whether option j reaches target with
// the villages settled so far. Before the optimal candidates are known
// the search stops at lazyNodes; one that stops there makes them
// searched (with nothing settled) and then it runs to the end unless the
// set excludes j.
func (s *searcher) tryOption(j int, value, target int64, t *lazySet) ([]int, bool) {
	if t.set != nil && !t.set[j] {
		return nil, false // in no plan worth target
	}
	if t.tried {
		return s.reaches(j, value, target)
	}
	limit := s.maxNodes
	s.maxNodes = s.nodes + lazyNodes
	if limit > 0 {
		s.maxNodes = min(s.maxNodes, limit)
	}
	plan, ok := s.reaches(j, value, target)
	s.maxNodes = limit
	if ok || !s.aborted || s.stopped(limit) {
		return plan, ok
	}
	s.aborted, t.tried = false, true
	for i := len(t.undo) - 1; i >= 0; i-- {
		t.undo[i]()
	}
	t.set = s.optimalCandidates(target, t.budget)
	for _, f := range t.redo {
		f()
	}
	if s.aborted || t.set != nil && !t.set[j] {
		return nil, false
	}
	return s.reaches(j, value, target)
}
