package rearrange

import (
	"context"
	"slices"
)

// Large windows. The small windows of improve.go stop at a plan that no
// exchange among three neighbouring merged villages betters, while a
// better plan often moves a village along a chain of five or ten groups.
// A ball of up to ballGroups merged villages around one group, with the
// free villages around them (forty villages or so), is small enough for
// the search itself (every bound of it) to solve exactly within
// ballNodes: ballPass re-solves such balls, each centred on a group that
// no ball of the pass has held yet, so a pass covers the commune once.

const (
	ballGroups = 24
	ballNodes  = 20_000
	ballPasses = 1 // ball passes per improvement
	ballShift  = 5 // each pass starts a fifth of the candidates further on
)

// ballPass re-solves balls over the plan and reports whether one gained.
func (m *improver) ballPass() bool {
	held := make([]bool, len(m.plan))
	gained := false
	m.passes++
	n := len(m.plan)
	for k := range n {
		j := (k + m.passes*n/ballShift) % n
		if !m.plan[j] || held[j] || m.nodes >= m.limit || m.s.stopped(0) {
			continue
		}
		win := m.ball(j, m.neighbours(j), ballGroups)
		for _, h := range win {
			held[h] = true
		}
		if len(win) > 3 && m.resolve(win) {
			gained = true
		}
	}
	return gained
}

// resolve solves the region of win as a commune of its own by the search
// (no improvement of its own, at most ballNodes nodes) and keeps its
// plan when it is worth more than win.
func (m *improver) resolve(win []int) bool {
	in := m.s.in
	old := m.regionOf(win)
	defer func() {
		for _, v := range m.region {
			m.inR[v] = false
		}
	}()
	sub := &Commune{Code: in.c.Code, Name: in.c.Name, Villages: make([]Village, len(m.region))}
	for i, v := range m.region {
		sub.Villages[i] = in.c.Villages[v]
		sub.Villages[i].Neighbours = nil
		for _, u := range in.adj[v] {
			if m.inR[u] {
				sub.Villages[i].Neighbours = append(sub.Villages[i].Neighbours, in.c.Villages[u].Code)
			}
		}
	}
	opt := in.opt
	opt.MaxNodes, opt.TimeLimit = ballNodes, 0
	si, err := newInstance(sub, opt)
	if err != nil {
		return false // cannot happen: a part of a valid commune
	}
	si.noImprove = true
	p := si.solve(context.Background())
	m.nodes += p.Nodes
	var got []int
	var value int64
	for _, g := range p.Groups {
		if len(g.Members) < 2 {
			continue
		}
		members := make([]int, len(g.Members))
		for i, x := range g.Members {
			members[i] = m.region[x]
		}
		slices.Sort(members)
		c := m.candidateOf(members)
		if c < 0 {
			return false // cannot happen: the same candidates
		}
		got = append(got, c)
		value += m.s.cands[c].w
	}
	if value <= old {
		return false
	}
	for _, j := range win {
		m.set(j, false)
	}
	for _, c := range got {
		m.set(c, true)
	}
	return true
}

// candidateOf is the component's candidate with these members
// (ascending), or −1.
func (m *improver) candidateOf(members []int) int {
	for _, c := range m.byV[members[0]] {
		if slices.Equal(m.s.cands[c].members, members) {
			return c
		}
	}
	return -1
}
