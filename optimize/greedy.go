package optimize

import (
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// greedy builds a plan title by title: the titles with fewest candidates
// first, each to someone already in the plan if anyone can take it (the
// one who holds it today first), else to a new person (today's holder
// first, people before recruits). It obeys every rule and fails rather than
// break one. Its plan bounds the exact search and stands in when that search
// is stopped.
func (sv *solver) greedy() dpResult {
	pl := sv.pl
	g := greedyState{
		pl:     pl,
		held:   make([][]int, len(pl.cands)),
		work:   make([]model.Hours, len(pl.cands)),
		people: make([]int, len(pl.units)),
		spend:  make([]model.Money, len(pl.units)),
	}
	left := make([]int, len(pl.slots))
	for si, sl := range pl.slots {
		left[si] = sl.need
	}
	for ci := range pl.cands {
		for _, si := range pl.cands[ci].fixed {
			if !g.tryAdd(ci, si) {
				return dpResult{}
			}
			left[si]--
		}
	}
	eligible := make([][]int, len(pl.slots))
	for ci := range pl.cands {
		for _, si := range pl.cands[ci].eligible {
			eligible[si] = append(eligible[si], ci)
		}
	}
	order := make([]int, len(pl.slots))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return len(eligible[order[i]]) < len(eligible[order[j]]) })
	for _, si := range order {
		for left[si] > 0 {
			best, bestRank := -1, 0
			for _, ci := range eligible[si] {
				c := &pl.cands[ci]
				if slices.Contains(g.held[ci], si) || !g.fits(ci, si) {
					continue
				}
				// Rank, lower is better: already in the plan (headcount comes
				// first), keeps the title today, a person rather than a
				// recruit.
				rank := 0
				if len(g.held[ci]) == 0 {
					rank += 4
				}
				if !slices.Contains(c.current, si) {
					rank += 2
				}
				if c.person == nil {
					rank++
				}
				if best < 0 || rank < bestRank {
					best, bestRank = ci, rank
				}
			}
			if best < 0 || !g.tryAdd(best, si) {
				return dpResult{}
			}
			left[si]--
		}
	}
	res := dpResult{feasible: true, held: g.held}
	for ci := range g.held {
		sort.Ints(g.held[ci])
		res.obj = res.obj.Add(pl.makeBundle(ci, g.held[ci]).obj)
	}
	return res
}

// greedyState is the greedy plan under construction with the people and
// money it uses per unit.
type greedyState struct {
	pl     *pool
	held   [][]int
	work   []model.Hours
	people []int         // per unit: candidates holding a title there
	spend  []model.Money // per unit: monthly allowance paid there
	// Scratch of effect, reused: it runs for every candidate of every
	// title.
	before, after []int
	pays          []model.Money
	touched       []unitUse
}

// unitUse is the people and spend of one unit after a change.
type unitUse struct {
	unit   int
	people int
	spend  model.Money
}

// fits reports whether candidate ci may take slot si on its own terms
// (titles, hours, combinations) and within every cap and fund.
func (g *greedyState) fits(ci, si int) bool {
	pl := g.pl
	c := &pl.cands[ci]
	if len(g.held[ci]) >= pl.maxTitles || g.work[ci]+pl.slots[si].work > c.capacity+1e-9 || !pl.combinesWith(ci, g.held[ci], si) {
		return false
	}
	return g.effect(ci, si)
}

// tryAdd gives slot si to candidate ci if the caps and funds allow it,
// whatever the candidate's own limits (fixed titles are given this way, and
// the bundles check those).
func (g *greedyState) tryAdd(ci, si int) bool {
	if !g.effect(ci, si) {
		return false
	}
	g.held[ci] = append(g.held[ci], si)
	g.work[ci] += g.pl.slots[si].work
	for _, t := range g.touched {
		g.people[t.unit], g.spend[t.unit] = t.people, t.spend
	}
	return true
}

// effect computes the people and spend of the units ci holds titles in
// after ci takes si (into g.touched) and whether they stay within the caps
// and funds.
func (g *greedyState) effect(ci, si int) bool {
	pl := g.pl
	g.before = append(g.before[:0], g.held[ci]...)
	sort.Ints(g.before)
	g.after = append(append(g.after[:0], g.held[ci]...), si)
	sort.Ints(g.after)
	g.touched = g.touched[:0]
	use := func(u int) *unitUse {
		for i := range g.touched {
			if g.touched[i].unit == u {
				return &g.touched[i]
			}
		}
		g.touched = append(g.touched, unitUse{unit: u, people: g.people[u], spend: g.spend[u]})
		return &g.touched[len(g.touched)-1]
	}
	for _, s := range g.after {
		use(pl.slots[s].unit)
	}
	// ci counts once per unit: a new person there only if si's unit is new.
	newUnit := true
	for _, s := range g.before {
		if pl.slots[s].unit == pl.slots[si].unit {
			newUnit = false
		}
	}
	if newUnit {
		use(pl.slots[si].unit).people++
	}
	if len(g.before) > 0 {
		g.pays, _ = pl.payInto(g.pays, ci, g.before)
		for k, s := range g.before {
			use(pl.slots[s].unit).spend -= g.pays[k]
		}
	}
	g.pays, _ = pl.payInto(g.pays, ci, g.after)
	for k, s := range g.after {
		use(pl.slots[s].unit).spend += g.pays[k]
	}
	for _, t := range g.touched {
		u, people, spend := t.unit, t.people, t.spend
		switch {
		case u == 0 && pl.communeCap >= 0 && people > pl.communeCap,
			u > 0 && pl.villageCap >= 0 && !pl.relaxed[unitRule(RuleVillageCap, u)] && people > pl.villageCap,
			u == 0 && pl.communeFund >= 0 && spend > pl.communeFund,
			u > 0 && pl.villageFund[u] >= 0 && spend > pl.villageFund[u]:
			return false
		}
	}
	return true
}
