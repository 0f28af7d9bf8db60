package rearrange

import "slices"

// The fourth level. Plans tied on the three levels of the objective are
// ordered by their partition: label each village with the first village
// (in input order) of its group; the plan whose labels, read in input
// order, come first lexicographically wins. Equivalently, taking the
// villages in input order, each village that no earlier village has taken
// joins the group that takes the earliest next village it can (a group
// that adds villages after the same earlier ones comes before the same
// group without them), and stays as it is only when no group can. The
// chosen plan is then a function of the commune and the options, not of
// the order in which the search met the tied plans.
//
// Once the branch and bound has proven a component's optimum V with a
// plan (the guide), canonical walks the villages in input order and
// settles each one: every option that comes before the guide's for it
// (its candidates whose first member it is, in the order above, then
// leaving it as it is) is tried by the same branch and bound, asked only
// whether V can still be reached with the villages settled so far; the
// first that can becomes the village's group and the plan found the new
// guide. Every state the branch and bound remembers holds whatever was
// fixed, so the searches share what they learnt.

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
	var undo []func()
	value := int64(0)
	for _, v := range villages {
		if s.used[v] {
			continue
		}
		g := s.guideOf(guide, v)
		for _, j := range s.options(byMin[v], v) {
			if j == g {
				break
			}
			if plan, ok := s.reaches(j, value, target); ok {
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
			undo = append(undo, func() { s.chosen = s.chosen[:len(s.chosen)-1]; s.mark(g, false) })
		} else {
			s.settleAlone(v, true)
			undo = append(undo, func() { s.settleAlone(v, false) })
		}
	}
	for i := len(undo) - 1; i >= 0; i-- {
		undo[i]()
	}
	s.aborted, s.best, s.bestSet = false, target, guide
	s.canonNodes = s.nodes - start
}

// options are the village's candidates (those whose first member it is)
// that are available and not redundant, in the fourth level's order; none
// when it is a key village whose identical twin was left as it is (it is
// left too: see search).
func (s *searcher) options(cands []int, v int) []int {
	if t := s.twinOf(v); t >= 0 && s.alone[t] && s.in.isKey(v) {
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
// candidate that extends the other comes first.
func canonCompare(a, b []int) int {
	for k := 1; k < min(len(a), len(b)); k++ {
		if a[k] != b[k] {
			return a[k] - b[k]
		}
	}
	return len(b) - len(a)
}

// settleAlone leaves village v as it is for the rest of the tie-break, or
// undoes it: a key village as the search leaves it, a village at its
// floor as placed.
func (s *searcher) settleAlone(v int, on bool) {
	if s.in.isKey(v) {
		s.leave(v, on)
		return
	}
	s.used[v] = on
	if s.avail != nil {
		s.avail.place(v, on)
	}
	if s.memo != nil {
		s.key.set(s.local[v], false, on)
	}
}
