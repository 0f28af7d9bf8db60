package villageplan

import (
	"maps"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// After returns a copy of s with the villages after the rearrangement of
// cs (see Merge), and the map from every absorbed village's code to its
// keeper's.
func After(s *model.Scenario, cs []Commune) (*model.Scenario, map[string]string) {
	into := Into(cs)
	return Merge(s, into), into
}

// Into maps every village the plans of cs absorb to its keeper, the first
// member of its group.
func Into(cs []Commune) map[string]string {
	into := map[string]string{}
	for i := range cs {
		c := &cs[i]
		for _, g := range c.Plan.Groups {
			k := c.Commune.Villages[g.Members[0]].Code
			for _, m := range g.Members[1:] {
				into[c.Commune.Villages[m].Code] = k
			}
		}
	}
	return into
}

// Merge returns a copy of s with its villages merged as into says
// (absorbed village code → keeper's): each merged village keeps its
// keeper's unit (code, name, type, location) with the members' households,
// population and area summed, the union of their flags (a merged village
// keeps every circumstance of its members, so a particularly difficult or
// border village passes its fund and floor category to the village it
// joins: NĐ 185/2026 Art. 10(3), 15(1) attach them to the place, which
// stays the same), and neighbours rebuilt (the members' outer neighbours,
// each absorbed village read as its keeper). The holdings of the absorbed
// villages, and their residents, move to the keeper. The elected terms in
// a merged village end on the plan date: the village they were elected in
// is gone, and the merged village has a provisional head until it elects
// its own (NĐ 185/2026 Art. 4, policy-facts 9.6), so the optimiser may
// re-plan its titles. s is not changed. Absorbed villages are taken in
// code order, so the neighbour lists do not depend on map order.
func Merge(s *model.Scenario, into map[string]string) *model.Scenario {
	w := s.Clone()
	if len(into) == 0 {
		return w
	}
	at := map[string]int{}
	for i := range w.Units {
		at[w.Units[i].Code] = i
	}
	keepers := map[string]bool{}
	for _, code := range slices.Sorted(maps.Keys(into)) {
		k := into[code]
		keepers[k] = true
		a, kp := &w.Units[at[code]], &w.Units[at[k]]
		kp.Households += a.Households
		kp.Population += a.Population
		kp.AreaKm2 += a.AreaKm2
		kp.Flags |= a.Flags
		if kp.Neighbours != nil || a.Neighbours != nil {
			kp.Neighbours = append(slices.Clip(kp.Neighbours), a.Neighbours...)
		}
	}
	w.Units = slices.DeleteFunc(w.Units, func(u model.Unit) bool { _, gone := into[u.Code]; return gone })
	for i := range w.Units {
		rebuildNeighbours(&w.Units[i], into)
	}
	for i := range w.People {
		p := &w.People[i]
		if k, ok := into[p.Residence]; ok {
			p.Residence = k
		}
		for j := range p.Holdings {
			h := &p.Holdings[j]
			if k, ok := into[h.Unit]; ok {
				h.Unit = k
			}
			if keepers[h.Unit] && h.TermEnd > w.Date {
				h.TermEnd = w.Date
			}
		}
	}
	return w
}

// rebuildNeighbours reads every absorbed neighbour of u as its keeper and
// drops u itself and repeats, keeping the first-seen order.
func rebuildNeighbours(u *model.Unit, into map[string]string) {
	if u.Neighbours == nil {
		return
	}
	out := make([]string, 0, len(u.Neighbours))
	for _, n := range u.Neighbours {
		if k, ok := into[n]; ok {
			n = k
		}
		if n != u.Code && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	u.Neighbours = out
}
