package rearrange

import (
	"context"
	"slices"
	"time"
)

// Solve plans the rearrangement of one commune. It returns an error for
// bad input (wrapping ErrInput) or when ctx is done before the search
// starts; a search stopped by a limit or by ctx's deadline returns its plan
// with Status Limited and a bound.
func Solve(ctx context.Context, c *Commune, opt Options) (*Plan, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	in, err := newInstance(c, opt)
	if err != nil {
		return nil, err
	}
	return in.solve(ctx), nil
}

// solve runs the search on every component and assembles the plan.
func (in *instance) solve(ctx context.Context) *Plan {
	all := in.candidates()
	var twin []int
	if in.adj == nil {
		twin = in.twins()
	}
	used := make([]bool, in.n)
	maxNodes := in.opt.MaxNodes
	if maxNodes == 0 {
		maxNodes = DefaultMaxNodes
	}
	var deadline time.Time
	if in.opt.TimeLimit > 0 {
		deadline = time.Now().Add(in.opt.TimeLimit)
	}
	if d, ok := ctx.Deadline(); ok && (deadline.IsZero() || d.Before(deadline)) {
		deadline = d
	}
	wt := in.weights()
	p := &Plan{Commune: in.c.Code, Before: in.n, Status: Optimal, TieBroken: true}
	var chosen []candidate
	var covUB, covFound int
	var secondOK = true
	var second, third []int64 // per component bound of the 2nd and 3rd levels
	for _, ids := range in.components(all) {
		s := newSearcher(in, all, ids, twin, used)
		s.maxNodes, s.deadline = maxNodes, deadline
		s.run()
		// The windows of improve follow the neighbours; without an
		// adjacency rule every group neighbours every other, a window is
		// the whole component and re-solving it repeats the search.
		if s.aborted && !in.noImprove && in.adj != nil {
			s.improve(maxNodes / improveShare)
		}
		s.canonical()
		p.TieBroken = p.TieBroken && s.tieBroken
		p.Nodes += s.nodes
		cov, merges, moved := 0, 0, 0
		for _, j := range s.bestSet {
			g := s.cands[j]
			chosen = append(chosen, g)
			cov += g.covered
			merges += len(g.members) - 1
			moved += g.moved
		}
		covFound += cov
		if s.openBound == noOpen || s.openBound <= s.best*s.scale {
			covUB += cov
			second, third = append(second, int64(merges)), append(third, int64(moved))
			continue
		}
		p.Status = Limited
		c2, m2, d2, ok := in.decodeBound(wt, s.openBound/s.scale, cov, merges, s.underKeys())
		covUB += c2
		secondOK = secondOK && ok
		second, third = append(second, m2), append(third, d2)
	}
	in.assemble(p, chosen)
	p.Bound = p.Objective
	if p.Status == Limited {
		p.Bound = Objective{Under: p.Objective.Under - (covUB - covFound)}
		if covUB == covFound && secondOK {
			p.Bound.Merges, p.Bound.Disruption = int(sum(second)), int(sum(third))
		}
	}
	p.Explanations = in.explain(p, all)
	return p
}

func sum(s []int64) int64 {
	var t int64
	for _, x := range s {
		t += x
	}
	return t
}

// decodeBound turns a component's bound on the value, v, into a bound on
// each level: the most villages it may bring to their floor (at most keys,
// its villages below the floor that some candidate holds), and, when
// that equals what the plan found (cov), the bounds on merges (lower
// under FewestMerges, upper under Consolidation) and disruption (lower,
// 0 when the merges bound is not the plan's merges); ok is false when
// the component may bring more villages to their floor, and the later
// levels have no bound.
func (in *instance) decodeBound(wt weights, v int64, cov, merges, keys int) (covUB int, m, d int64, ok bool) {
	if v < 0 {
		v = 0
	}
	if in.opt.Goal == Consolidation {
		covUB = min(int((v+int64(in.htot))/wt.m2), keys)
		if covUB != cov {
			return covUB, 0, 0, false
		}
		rest := v - int64(cov)*wt.m2 // merges·m1 − moved ≤ rest
		m = (rest + int64(in.htot)) / wt.m1
		if m != int64(merges) {
			return covUB, m, 0, true // no household need move: 0 bounds the disruption
		}
		return covUB, m, max(0, m*wt.m1-rest), true
	}
	covUB = min(int((v+wt.m2-1)/wt.m2), keys)
	if covUB != cov {
		return covUB, 0, 0, false
	}
	x := int64(cov)*wt.m2 - v // merges·m1 + moved ≥ x
	if x <= 0 {
		return covUB, 0, 0, true
	}
	m = x / wt.m1
	if m != int64(merges) {
		return covUB, m, 0, true
	}
	return covUB, m, x - m*wt.m1, true
}

// twins maps each village to the previous village interchangeable with it
// for the rearrangement without adjacency, or −1. Villages are
// interchangeable when their households, floors and mergeability are the
// same; under FewestMerges also when both are at their floor and at least
// as large as every floor of the commune ("large"): such a village reaches
// the floor of any group it joins, is that group's largest member (every
// other member that is at its floor makes the group non-minimal, every
// member below its floor is smaller than the floors) and so moves none of
// its households, and no candidate holds two of them, so a candidate's
// weight does not depend on which large village it holds.
func (in *instance) twins() []int {
	type key struct {
		h, f  int
		m     bool
		large bool
	}
	maxF := 0
	for i := 0; i < in.n; i++ {
		if in.mergeable[i] {
			maxF = max(maxF, in.f[i])
		}
	}
	last := map[key]int{}
	t := make([]int, in.n)
	for i := range t {
		k := key{in.h[i], in.f[i], in.mergeable[i], false}
		if in.opt.Goal == FewestMerges && in.mergeable[i] && !in.under[i] && in.h[i] >= maxF {
			k = key{large: true}
		}
		if j, ok := last[k]; ok {
			t[i] = j
		} else {
			t[i] = -1
		}
		last[k] = i
	}
	return t
}

// components splits the candidates into groups that share no village,
// each a search of its own.
func (in *instance) components(all []candidate) [][]int {
	parent := make([]int, in.n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, g := range all {
		r := find(g.members[0])
		for _, v := range g.members[1:] {
			if q := find(v); q != r {
				parent[q] = r
			}
		}
	}
	byRoot := map[int]int{}
	var comps [][]int
	for j, g := range all {
		r := find(g.members[0])
		k, ok := byRoot[r]
		if !ok {
			k = len(comps)
			byRoot[r] = k
			comps = append(comps, nil)
		}
		comps[k] = append(comps[k], j)
	}
	return comps
}

// assemble writes the groups (chosen candidates and the villages left as
// they are) and the objective into p.
func (in *instance) assemble(p *Plan, chosen []candidate) {
	inGroup := make([]bool, in.n)
	for _, g := range chosen {
		grp := Group{Households: g.hh, Floor: g.floor, Below: g.hh < g.floor}
		keeper := g.members[0]
		for _, v := range g.members {
			inGroup[v] = true
			if in.h[v] > in.h[keeper] {
				keeper = v
			}
		}
		grp.Members = append(grp.Members, keeper)
		for _, v := range g.members {
			if v != keeper {
				grp.Members = append(grp.Members, v)
			}
		}
		p.Groups = append(p.Groups, grp)
	}
	for i := 0; i < in.n; i++ {
		if !inGroup[i] {
			p.Groups = append(p.Groups, Group{Members: []int{i}, Households: in.h[i], Floor: in.f[i], Below: in.under[i]})
		}
	}
	slices.SortFunc(p.Groups, func(a, b Group) int { return a.Members[0] - b.Members[0] })
	p.After = len(p.Groups)
	p.Objective = Evaluate(in.c, p.Groups)
}

// Evaluate computes the objective of groups over the villages of c (no
// checks: see package check for those).
func Evaluate(c *Commune, groups []Group) Objective {
	var o Objective
	n := 0
	for _, g := range groups {
		hh, floor, big := 0, 0, 0
		for _, v := range g.Members {
			hh += c.Villages[v].Households
			floor = max(floor, c.Villages[v].Floor)
			big = max(big, c.Villages[v].Households)
		}
		if hh < floor {
			o.Under += len(g.Members)
		}
		o.Disruption += hh - big
		n += len(g.Members)
	}
	o.Merges = n - len(groups)
	return o
}
