// Package check verifies a rearrangement plan independently of the solver
// that made it: it shares no code with package rearrange beyond its public
// types, and recomputes every figure the plan reports.
package check

import (
	"errors"
	"fmt"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// Check verifies plan p of commune c under options opt and returns every
// problem found, joined (nil: the plan is valid). It checks that:
//
//   - every village of the commune is in exactly one group, and nothing
//     else is (a group cannot reach outside its commune);
//   - each group holds at most opt.MaxMerge villages, its first member is
//     its largest (the first of the largest in input order), the others
//     follow in input order, and the groups follow their keepers' order;
//   - under opt.Adjacency each merged group is connected through the
//     villages' neighbour lists (read as undirected);
//   - an exempt village under ExemptStays is not merged;
//   - a merged group reaches its floor (the strictest of its members');
//   - each group's Households, Floor and Below, the plan's Before, After
//     and Objective are what the villages give;
//   - the bound is consistent with the status (equal to the objective when
//     optimal, no better than it otherwise);
//   - every village left below its floor has one explanation, in both
//     languages, and nothing else has one.
func Check(c *rearrange.Commune, opt rearrange.Options, p *rearrange.Plan) error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("check: commune %s: "+format, append([]any{c.Code}, a...)...))
	}
	if p == nil {
		return errors.New("check: no plan")
	}
	if p.Commune != c.Code {
		bad("plan is for commune %q", p.Commune)
	}
	n := len(c.Villages)
	seen := make([]int, n)
	var obj rearrange.Objective
	prevKeeper := -1
	for gi, g := range p.Groups {
		if len(g.Members) == 0 {
			bad("group %d is empty", gi)
			continue
		}
		ok := true
		for _, v := range g.Members {
			if v < 0 || v >= n {
				bad("group %d holds village index %d, not a village of the commune", gi, v)
				ok = false
				continue
			}
			seen[v]++
		}
		if !ok {
			continue
		}
		if g.Members[0] <= prevKeeper {
			bad("group %d is out of order", gi)
		}
		prevKeeper = g.Members[0]
		checkGroup(c, opt, gi, g, bad)
		hh, floor, big := totals(c, g.Members)
		if hh < floor {
			obj.Under += len(g.Members)
		}
		obj.Disruption += hh - big
	}
	for v, k := range seen {
		if k != 1 {
			bad("village %s is in %d groups", c.Villages[v].Code, k)
		}
	}
	obj.Merges = n - len(p.Groups)
	if p.Before != n || p.After != len(p.Groups) {
		bad("reports %d villages before and %d after; the groups give %d and %d", p.Before, p.After, n, len(p.Groups))
	}
	if p.Objective != obj {
		bad("reports objective %+v; the groups give %+v", p.Objective, obj)
	}
	checkBound(p, bad)
	checkExplanations(c, p, bad)
	return errors.Join(errs...)
}

func totals(c *rearrange.Commune, members []int) (hh, floor, big int) {
	for _, v := range members {
		hh += c.Villages[v].Households
		floor = max(floor, c.Villages[v].Floor)
		big = max(big, c.Villages[v].Households)
	}
	return
}

// checkGroup checks one group's size, order, neighbours, exemptions,
// floor and figures.
func checkGroup(c *rearrange.Commune, opt rearrange.Options, gi int, g rearrange.Group, bad func(string, ...any)) {
	m := g.Members
	if len(m) > max(opt.MaxMerge, 1) {
		bad("group %d merges %d villages, more than %d", gi, len(m), opt.MaxMerge)
	}
	for i, v := range m {
		if c.Villages[v].Households > c.Villages[m[0]].Households ||
			c.Villages[v].Households == c.Villages[m[0]].Households && v < m[0] {
			bad("group %d keeps %s, not its largest member %s", gi, c.Villages[m[0]].Code, c.Villages[v].Code)
		}
		if i >= 2 && m[i] <= m[i-1] {
			bad("group %d lists its absorbed villages out of order", gi)
		}
	}
	hh, floor, _ := totals(c, m)
	if g.Households != hh || g.Floor != floor || g.Below != (hh < floor) {
		bad("group %d reports %d households, floor %d, below %v; its villages give %d, %d, %v",
			gi, g.Households, g.Floor, g.Below, hh, floor, hh < floor)
	}
	if len(m) == 1 {
		return
	}
	if hh < floor {
		bad("group %d merges villages into one still below its floor (%d < %d)", gi, hh, floor)
	}
	for _, v := range m {
		if c.Villages[v].Exempt && opt.Exempt == rearrange.ExemptStays {
			bad("group %d merges exempt village %s", gi, c.Villages[v].Code)
		}
	}
	if opt.Adjacency && !connected(c, m) {
		bad("group %d merges villages that are not connected as neighbours", gi)
	}
}

// connected reports whether the villages m are connected through their
// neighbour lists, an edge listed on either side.
func connected(c *rearrange.Commune, m []int) bool {
	borders := func(a, b int) bool {
		return slices.Contains(c.Villages[a].Neighbours, c.Villages[b].Code) ||
			slices.Contains(c.Villages[b].Neighbours, c.Villages[a].Code)
	}
	reached := map[int]bool{m[0]: true}
	for grew := true; grew; {
		grew = false
		for _, b := range m {
			if reached[b] {
				continue
			}
			for a := range reached {
				if borders(a, b) {
					reached[b], grew = true, true
					break
				}
			}
		}
	}
	return len(reached) == len(m)
}

func checkBound(p *rearrange.Plan, bad func(string, ...any)) {
	switch p.Status {
	case rearrange.Optimal:
		if p.Bound != p.Objective {
			bad("proven optimal, but its bound %+v differs from its objective %+v", p.Bound, p.Objective)
		}
	case rearrange.Limited:
		if p.Bound.Under > p.Objective.Under || p.Bound.Under < 0 {
			bad("bound %d on the villages below their floor is not at most the plan's %d", p.Bound.Under, p.Objective.Under)
		}
	default:
		bad("unknown status %d", p.Status)
	}
}

func checkExplanations(c *rearrange.Commune, p *rearrange.Plan, bad func(string, ...any)) {
	want := map[int]bool{}
	for _, g := range p.Groups {
		if len(g.Members) == 0 || g.Members[0] < 0 || g.Members[0] >= len(c.Villages) {
			continue
		}
		hh, floor, _ := totals(c, g.Members)
		if hh < floor {
			for _, v := range g.Members {
				want[v] = true
			}
		}
	}
	got := map[int]bool{}
	for _, e := range p.Explanations {
		if !want[e.Village] || got[e.Village] {
			bad("explanation for village index %d, which is not below its floor or is explained twice", e.Village)
		}
		got[e.Village] = true
		if e.Text.Vi == "" || e.Text.En == "" {
			bad("explanation for village index %d lacks a language", e.Village)
		}
	}
	if len(got) != len(want) {
		bad("%d villages below their floor, %d explained", len(want), len(got))
	}
}
