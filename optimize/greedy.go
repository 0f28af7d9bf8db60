package optimize

import (
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// greedy builds a plan title by title: the titles with fewest candidates
// first, each to someone already in the plan if anyone can take it (the
// one who holds it today first), else to a new person (today's holder
// first, people before recruits). It obeys every rule and fails rather than break one. Its plan
// bounds the exact search and stands in when that search is stopped.
func (sv *solver) greedy() dpResult {
	pl := sv.pl
	held := make([][]int, len(pl.cands))
	work := make([]model.Hours, len(pl.cands))
	for ci := range pl.cands {
		held[ci] = append([]int(nil), pl.cands[ci].fixed...)
		for _, si := range held[ci] {
			work[ci] += pl.slots[si].work
		}
	}
	left := make([]int, len(pl.slots))
	for si, sl := range pl.slots {
		left[si] = sl.need
	}
	for ci := range pl.cands {
		for _, si := range held[ci] {
			left[si]--
		}
		if !sv.greedyOK(held, ci) || work[ci] > pl.cands[ci].capacity+1e-9 {
			return dpResult{}
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
				if contains(held[ci], si) || len(held[ci]) >= pl.maxTitles || work[ci]+pl.slots[si].work > c.capacity+1e-9 || !pl.combinesWith(held[ci], si) {
					continue
				}
				held[ci] = append(held[ci], si)
				ok := sv.greedyOK(held, ci)
				held[ci] = held[ci][:len(held[ci])-1]
				if !ok {
					continue
				}
				// Rank, lower is better: already in the plan (headcount comes
				// first), keeps the title today, a person rather than a
				// recruit.
				rank := 0
				if len(held[ci]) == 0 {
					rank += 4
				}
				if !contains(c.current, si) {
					rank += 2
				}
				if c.person == nil {
					rank++
				}
				if best < 0 || rank < bestRank {
					best, bestRank = ci, rank
				}
			}
			if best < 0 {
				return dpResult{}
			}
			held[best] = append(held[best], si)
			work[best] += pl.slots[si].work
			left[si]--
		}
	}
	res := dpResult{feasible: true, held: held}
	for ci := range held {
		sort.Ints(held[ci])
		res.obj = res.obj.Add(pl.makeBundle(ci, held[ci]).obj)
	}
	return res
}

// greedyOK checks the pool-wide rules after candidate ci's titles changed:
// the commune and village caps and the funds.
func (sv *solver) greedyOK(held [][]int, ci int) bool {
	pl := sv.pl
	units := map[int]bool{}
	for _, si := range held[ci] {
		units[pl.slots[si].unit] = true
	}
	for ui := range units {
		people := 0
		var spend model.Money
		for cj := range held {
			in := false
			if len(held[cj]) == 0 {
				continue
			}
			sorted := append([]int(nil), held[cj]...)
			sort.Ints(sorted)
			pays, _ := pl.payOf(cj, sorted)
			for k, si := range sorted {
				if pl.slots[si].unit == ui {
					in = true
					spend += pays[k]
				}
			}
			if in {
				people++
			}
		}
		switch {
		case ui == 0 && pl.communeCap >= 0 && people > pl.communeCap:
			return false
		case ui > 0 && pl.villageCap >= 0 && !pl.relaxed[rule{kind: ruleVillageCap, title: -1, unit: ui, cand: -1, slot: -1}] && people > pl.villageCap:
			return false
		case ui == 0 && pl.communeFund >= 0 && spend > pl.communeFund:
			return false
		case ui > 0 && pl.villageFund[ui] >= 0 && spend > pl.villageFund[ui]:
			return false
		}
	}
	return true
}
