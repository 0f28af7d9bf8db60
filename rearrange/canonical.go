package rearrange

import "slices"

// The fourth level. Plans tied on the three levels of the objective are
// ordered by their groups: list a plan's groups after the rearrangement
// (villages left as they are included) by their first village in input
// order, each group as its villages in input order; the plan whose list
// comes first lexicographically wins, a group that is the beginning of
// another coming first. Taking the villages in input order, a village
// that no earlier village has taken stays as it is if an optimal plan
// allows it, and otherwise merges with the earliest next villages it
// can. The chosen plan is then a function of the commune and the
// options, not of the order in which the search met the tied plans.
//
// Once the branch and bound has proven a component's optimum V with a
// plan (the guide), canonical walks the villages in input order and
// settles each one not yet taken: every option that comes before the
// guide's for it (staying as it is, then its candidates whose first
// member it is, in the order above) is tried by the same branch and
// bound, asked only whether V can still be reached with the villages
// settled so far; the first that can becomes the village's, and the plan
// found the new guide. A village the guide leaves as it is needs no
// search, nor does staying as it is for a village below its floor when
// the optimum brings every such village of the component to its floor,
// nor an option that no plan worth V holds, with or without the villages
// settled: under the adjacency rule, once an option's search runs past
// lazyNodes, one search finds the candidates of every plan worth V
// (tieset.go), and from then on only options among them, and staying as
// it is, are tried. The searches try the guide's candidates first. Every
// state the branch and bound remembers holds whatever was fixed, so the
// searches share what they learnt. A village settled as it is counts as
// placed, not as a key village the search left as it is: the search's
// rule that a later identical village is then left too holds only for
// the search's own choices.

// canonical replaces the component's best plan, once proven optimal, by
// the one the fourth level puts first. It has a node budget of its own,
// the search's; a tie-break that reaches it or the deadline keeps a plan
// that reaches the optimum (still optimal) and leaves tieBroken false.
func (s *searcher) canonical() {
	if s.aborted {
		return
	}
	s.tieBroken = true
	if len(s.cands) == 0 {
		return
	}
	byMin := make([][]int, s.in.n)
	for j, g := range s.cands {
		byMin[g.members[0]] = append(byMin[g.members[0]], j)
	}
	var villages []int
	for v, l := range s.local {
		if l >= 0 {
			villages = append(villages, v)
			slices.SortStableFunc(byMin[v], func(a, b int) int { return canonCompare(s.cands[a].members, s.cands[b].members) })
		}
	}
	target, guide := s.best, slices.Clone(s.bestSet)
	start := s.nodes
	if s.maxNodes > 0 {
		s.maxNodes += s.nodes
	}
	t := &lazySet{budget: int64(1) << 62, tried: s.avail == nil || !tieSetOn}
	if s.maxNodes > 0 {
		t.budget = (s.maxNodes - s.nodes) / tieShare
	}
	// full: the optimum brings every village below its floor that a
	// candidate holds to its floor, so none of them may stay as it is.
	full := s.covered(guide) == s.underKeys()
	value := int64(0)
	for _, v := range villages {
		if s.used[v] {
			continue
		}
		g := s.guideOf(guide, v)
		if g >= 0 {
			s.setPrefer(guide)
		}
		if g >= 0 && !(full && s.in.under[v]) {
			if plan, ok := s.reachesAlone(v, value, target); ok {
				guide, g = plan, -1
			} else if s.aborted {
				s.tieBroken = false
				break
			}
		}
		for _, j := range s.options(byMin[v], g) {
			if j == g {
				break
			}
			if plan, ok := s.tryOption(j, value, target, t); ok {
				guide, g = plan, j
				break
			}
			if s.aborted {
				s.tieBroken = false
				break
			}
		}
		if !s.tieBroken {
			break
		}
		if g >= 0 {
			s.mark(g, true)
			s.chosen = append(s.chosen, g)
			value += s.cands[g].w
			t.undo = append(t.undo, func() { s.chosen = s.chosen[:len(s.chosen)-1]; s.mark(g, false) })
			t.redo = append(t.redo, func() { s.mark(g, true); s.chosen = append(s.chosen, g) })
		} else {
			s.settleAlone(v, true)
			t.undo = append(t.undo, func() { s.settleAlone(v, false) })
			t.redo = append(t.redo, func() { s.settleAlone(v, true) })
		}
	}
	undo := t.undo
	for i := len(undo) - 1; i >= 0; i-- {
		undo[i]()
	}
	s.aborted, s.best, s.bestSet, s.prefer = false, target, guide, nil
	s.canonNodes = s.nodes - start
}

// options are the village's candidates (those whose first member it is)
// that are available and not redundant, in the fourth level's order; none
// when the guide leaves it as it is (g < 0: that comes first).
func (s *searcher) options(cands []int, g int) []int {
	if g < 0 {
		return nil
	}
	var out []int
	for _, j := range cands {
		if s.available(j) && !s.redundant(j) {
			out = append(out, j)
		}
	}
	return out
}

// guideOf is the candidate of guide whose first member is v, or −1 (v
// stays as it is in the guide).
func (s *searcher) guideOf(guide []int, v int) int {
	for _, j := range guide {
		if s.cands[j].members[0] == v {
			return j
		}
	}
	return -1
}

// reaches fixes candidate j on top of the villages settled so far (worth
// value) and searches whether the rest can still reach target; if so it
// returns the plan found.
func (s *searcher) reaches(j int, value, target int64) ([]int, bool) {
	s.mark(j, true)
	s.chosen = append(s.chosen, j)
	s.best, s.stopAt = target-1, target
	_, _ = s.search(value + s.cands[j].w)
	s.chosen = s.chosen[:len(s.chosen)-1]
	s.mark(j, false)
	s.stopAt = 0
	if s.best >= target {
		s.aborted = false
		return slices.Clone(s.bestSet), true
	}
	return nil, false
}

// canonCompare orders two candidates with the same first member: the
// first later member that differs decides, the smaller first; a
// candidate that is the beginning of the other comes first.
func canonCompare(a, b []int) int {
	for k := 1; k < min(len(a), len(b)); k++ {
		if a[k] != b[k] {
			return a[k] - b[k]
		}
	}
	return len(a) - len(b)
}

// reachesAlone settles village v as it is on top of the villages settled
// so far (worth value) and searches whether the rest can still reach
// target; if so it returns the plan found.
func (s *searcher) reachesAlone(v int, value, target int64) ([]int, bool) {
	s.settleAlone(v, true)
	s.best, s.stopAt = target-1, target
	_, _ = s.search(value)
	s.settleAlone(v, false)
	s.stopAt = 0
	if s.best >= target {
		s.aborted = false
		return slices.Clone(s.bestSet), true
	}
	return nil, false
}

// settleAlone leaves village v as it is for the rest of the tie-break, or
// undoes it: as placed (see above).
func (s *searcher) settleAlone(v int, on bool) {
	s.used[v] = on
	if s.avail != nil {
		s.avail.place(v, on)
	}
	if s.memo != nil {
		s.key.set(s.local[v], false, on)
	}
}

// setPrefer makes the searches try the guide's candidates first: a plan
// that reaches the optimum with one option changed is most often the
// guide with a few groups changed around that option.
func (s *searcher) setPrefer(guide []int) {
	if s.prefer == nil {
		s.prefer = make([]int, s.in.n)
	}
	for i := range s.prefer {
		s.prefer[i] = -1
	}
	for _, j := range guide {
		for _, v := range s.cands[j].members {
			s.prefer[v] = j
		}
	}
}

// covered counts the villages below their floor that plan brings to it.
func (s *searcher) covered(plan []int) int {
	n := 0
	for _, j := range plan {
		n += s.cands[j].covered
	}
	return n
}
