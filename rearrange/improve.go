package rearrange

import "slices"

// Improving the incumbent. A search stopped by its node limit in a large
// dense commune (a ward of a hundred villages, most below their floor)
// holds a plan that brings every village it can to its floor but often
// merges one to four times too many: the depth-first search settled the
// far end of the commune early and never came back to it. improve is a
// local search over that plan: take a window of one to three of its
// merged villages that some candidate links, free their villages and the
// villages left as they are that a candidate joins to them, and solve
// that small problem exactly (a branch and bound over the candidates
// that lie within it); keep the window's new groups when they are worth
// more (the same lexicographic value: never fewer villages at their floor
// for fewer merges). Then larger balls of merged villages are re-solved
// by the search itself (improve_ball.go). Windows are taken in a fixed
// order and the passes repeat until none helps or the budget is spent,
// so the result depends on the commune and the options alone (no
// randomness, no maps iterated, one goroutine).

// improveShare: the improvement gets 1/improveShare of the search's node
// budget, counted in its own nodes (a window's exact search, one node per
// branch), and windowNodes bounds one window's search.
const (
	improveShare = 2
	windowNodes  = 4096
)

// improveOn switches the improvement on (tests compare plans without it).
var improveOn = true

// improver holds the state of one improvement of a component's plan.
type improver struct {
	s      *searcher
	byV    [][]int // per village: the component's candidates holding it
	owner  []int   // per village: the plan's candidate holding it, or −1
	plan   []bool  // per candidate: in the plan
	nodes  int64
	limit  int64
	passes int // of ballPass

	// The window being solved.
	inR    []bool // village in the window's region
	region []int  // its villages, ascending
	sub    [][]int
	best   int64
	bestAt []int
	cur    []int
	wn     int64
}

// improve raises the searcher's incumbent (best, bestSet) by the window
// local search, within budget nodes of its own. It reports whether the
// incumbent changed.
func (s *searcher) improve(budget int64) bool {
	if !improveOn || len(s.cands) == 0 {
		return false
	}
	n := s.in.n
	m := &improver{s: s, byV: make([][]int, n), owner: make([]int, n), plan: make([]bool, len(s.cands)),
		limit: budget, inR: make([]bool, n), sub: make([][]int, n)}
	for j, g := range s.cands {
		for _, v := range g.members {
			m.byV[v] = append(m.byV[v], j)
		}
	}
	for i := range m.owner {
		m.owner[i] = -1
	}
	for _, j := range s.bestSet {
		m.set(j, true)
	}
	changed := false
	for m.nodes < m.limit && !s.stopped(0) {
		if !m.sweep() {
			break
		}
		changed = true
	}
	if !changed {
		return false
	}
	var set []int
	var value int64
	for j, on := range m.plan {
		if on {
			set = append(set, j)
			value += s.cands[j].w
		}
	}
	if value <= s.best {
		return false // cannot happen: every accepted window gains
	}
	s.best, s.bestSet = value, set
	return true
}

func (m *improver) in() *instance { return m.s.in }

func (m *improver) set(j int, on bool) {
	m.plan[j] = on
	for _, v := range m.s.cands[j].members {
		if on {
			m.owner[v] = j
		} else {
			m.owner[v] = -1
		}
	}
}

// sweep tries every window once, in order, and reports whether one gained.
func (m *improver) sweep() bool {
	gained := false
	for j := range m.plan {
		if !m.plan[j] {
			continue
		}
		near := m.neighbours(j)
		if m.window([]int{j}) {
			gained = true
			continue
		}
		if m.pairs(j, near) {
			gained = true
		}
		if m.nodes >= m.limit {
			return gained
		}
	}
	return gained || m.addFree() || m.in().adj != nil && m.passes < ballPasses && m.ballPass()
}

// pairs tries the windows of j with one and two of its neighbours.
func (m *improver) pairs(j int, near []int) bool {
	for a, h := range near {
		if !m.plan[j] || m.nodes >= m.limit {
			return false
		}
		if m.plan[h] && m.window([]int{j, h}) {
			return true
		}
		for _, i := range near[a+1:] {
			if !m.plan[j] || m.nodes >= m.limit {
				return false
			}
			if m.plan[h] && m.plan[i] && m.window([]int{j, h, i}) {
				return true
			}
		}
	}
	return false
}

// ball lists j and the plan's candidates nearest to it (breadth first
// over the candidates that link them, near being j's neighbours), size
// in all at most.
func (m *improver) ball(j int, near []int, size int) []int {
	win := []int{j}
	for k := 0; k < len(win) && len(win) < size; k++ {
		next := near
		if k > 0 {
			next = m.neighbours(win[k])
		}
		for _, h := range next {
			if len(win) < size && m.plan[h] && !slices.Contains(win, h) {
				win = append(win, h)
			}
		}
	}
	return win
}

// neighbours lists the plan's candidates (other than j) that a candidate
// links to j, ascending.
func (m *improver) neighbours(j int) []int {
	var out []int
	for _, v := range m.s.cands[j].members {
		for _, c := range m.byV[v] {
			for _, u := range m.s.cands[c].members {
				if o := m.owner[u]; o >= 0 && o != j && !slices.Contains(out, o) {
					out = append(out, o)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// addFree adds any candidate whose villages are all outside the plan.
func (m *improver) addFree() bool {
	added := false
	for j, g := range m.s.cands {
		if g.w > 0 && !slices.ContainsFunc(g.members, func(v int) bool { return m.owner[v] >= 0 }) {
			m.set(j, true)
			added = true
		}
	}
	return added
}

// window frees the villages of the plan's candidates win and the free
// villages a candidate joins to them, solves that region exactly and
// keeps the result when it is worth more.
func (m *improver) window(win []int) bool {
	s := m.s
	old := m.regionOf(win)
	for _, v := range m.region {
		m.sub[v] = m.sub[v][:0]
		for _, c := range m.byV[v] {
			if s.cands[c].members[0] == v && m.within(c) {
				m.sub[v] = append(m.sub[v], c)
			}
		}
	}
	for _, j := range win {
		m.set(j, false)
	}
	m.best, m.bestAt, m.cur, m.wn = old, nil, m.cur[:0], 0
	m.solve(0, 0)
	m.nodes += m.wn
	gained := m.bestAt != nil
	if gained {
		for _, j := range m.bestAt {
			m.set(j, true)
		}
	} else {
		for _, j := range win {
			m.set(j, true)
		}
	}
	for _, v := range m.region {
		m.inR[v] = false
	}
	return gained
}

// regionOf marks the region of the window win (its villages and the
// free villages a candidate joins to them, ascending) and returns the
// window's value.
func (m *improver) regionOf(win []int) int64 {
	s := m.s
	m.region = m.region[:0]
	add := func(v int) {
		if !m.inR[v] {
			m.inR[v] = true
			m.region = append(m.region, v)
		}
	}
	var old int64
	for _, j := range win {
		old += s.cands[j].w
		for _, v := range s.cands[j].members {
			add(v)
		}
	}
	for _, j := range win {
		for _, v := range s.cands[j].members {
			for _, c := range m.byV[v] {
				for _, u := range s.cands[c].members {
					if m.owner[u] < 0 {
						add(u)
					}
				}
			}
		}
	}
	slices.Sort(m.region)
	return old
}

// within reports whether candidate c lies in the region.
func (m *improver) within(c int) bool {
	for _, u := range m.s.cands[c].members {
		if !m.inR[u] {
			return false
		}
	}
	return true
}

// solve is the window's branch and bound: at the region's first village
// from i not yet placed, branch on each candidate it is the first member
// of (whose villages are free), then on leaving it; the bound adds every
// remaining village's best share.
func (m *improver) solve(i int, value int64) {
	m.wn++
	s := m.s
	for i < len(m.region) && m.owner[m.region[i]] >= 0 {
		i++
	}
	if i == len(m.region) {
		if value > m.best {
			m.best, m.bestAt = value, slices.Clone(m.cur)
		}
		return
	}
	if m.wn > windowNodes || value*s.scale+m.rest(i) <= m.best*s.scale {
		return
	}
	v := m.region[i]
	for _, c := range m.sub[v] {
		if m.free(c) {
			m.set(c, true)
			m.cur = append(m.cur, c)
			m.solve(i+1, value+s.cands[c].w)
			m.cur = m.cur[:len(m.cur)-1]
			m.set(c, false)
		}
	}
	m.solve(i+1, value)
}

func (m *improver) free(c int) bool {
	for _, u := range m.s.cands[c].members {
		if m.owner[u] >= 0 {
			return false
		}
	}
	return true
}

// rest bounds, scaled, what the region's villages from i not yet placed
// can add: each key village's best share among the window's candidates
// still free.
func (m *improver) rest(i int) int64 {
	s := m.s
	var r int64
	for _, v := range m.region[i:] {
		if m.owner[v] >= 0 || !s.in.isKey(v) {
			continue
		}
		var b int64
		for _, c := range m.byV[v] {
			if s.share[c] > b && m.within(c) && m.free(c) {
				b = s.share[c]
			}
		}
		r += b
	}
	return r
}
