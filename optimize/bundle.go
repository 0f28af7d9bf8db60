package optimize

import (
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// bundle is one set of titles a candidate may hold, with what it costs and
// what it uses up.
type bundle struct {
	slots []int // slot indexes, sorted
	obj   Objective
	// Monthly allowance paid per unit index, main title at 100 %, the others
	// at the concurrency rate.
	spend []unitMoney
}

type unitMoney struct {
	unit  int
	money model.Money
}

// maxBundlesPerCand guards against an explosion of bundles when a policy
// lets people hold many titles; a pool that exceeds it is reported as not
// proven.
const maxBundlesPerCand = 50_000

// bundles enumerates every bundle candidate ci may hold: every subset of
// its eligible slots that contains its fixed slots, has at most maxTitles
// titles, fits its capacity and combines only titles the policy lets one
// person combine. The empty bundle is included when nothing is fixed. ok is
// false when the enumeration was cut at maxBundlesPerCand.
func (pl *pool) bundles(ci int) (out []bundle, ok bool) {
	c := &pl.cands[ci]
	for _, f := range c.fixed {
		if !slices.Contains(c.eligible, f) {
			return nil, true // a fixed slot the candidate cannot hold: no bundle
		}
	}
	// Fixed slots first, then the free ones.
	var free []int
	for _, si := range c.eligible {
		if !slices.Contains(c.fixed, si) {
			free = append(free, si)
		}
	}
	base := append([]int(nil), c.fixed...)
	var work model.Hours
	for _, si := range base {
		work += pl.slots[si].work
	}
	if len(base) > pl.maxTitles || work > c.capacity || !pl.combinable(ci, base) {
		return nil, true
	}
	ok = true
	var rec func(start int, cur []int, work model.Hours)
	rec = func(start int, cur []int, work model.Hours) {
		if len(out) >= maxBundlesPerCand {
			ok = false
			return
		}
		if len(cur) > 0 {
			out = append(out, pl.makeBundle(ci, cur))
		}
		if len(cur) >= pl.maxTitles {
			return
		}
		for k := start; k < len(free); k++ {
			si := free[k]
			w := work + pl.slots[si].work
			if w > c.capacity+1e-9 {
				continue
			}
			if !pl.combinesWith(ci, cur, si) {
				continue
			}
			rec(k+1, append(cur, si), w)
		}
	}
	if len(base) == 0 {
		out = append(out, pl.makeBundle(ci, nil))
	}
	rec(0, base, work)
	return out, ok
}

// combinable reports whether every pair of slots may be held together by
// candidate ci.
func (pl *pool) combinable(ci int, slots []int) bool {
	for i := range slots {
		if !pl.combinesWith(ci, slots[:i], slots[i]) {
			return false
		}
	}
	return true
}

// combinesWith reports whether candidate ci may add slot si to held: not
// the same title twice, every pair allowed by the combination rule and, for
// a recruit, by the recruit rule (recruitrule.go).
func (pl *pool) combinesWith(ci int, held []int, si int) bool {
	t := pl.titles[pl.slots[si].title].ID
	for _, h := range held {
		u := pl.titles[pl.slots[h].title].ID
		if h == si || u == t || !pl.combination.Allows(u, t) {
			return false
		}
	}
	return pl.recruitAllows(ci, held, si)
}

// payOf returns the monthly allowance of each slot of a bundle, in the
// bundle's slot order: the best-paid title (the main one) in full, the
// others at the concurrency rate.
func (pl *pool) payOf(ci int, slots []int) (pays []model.Money, main int) {
	return pl.payInto(nil, ci, slots)
}

// payInto is payOf writing into buf's memory, for callers that reuse it.
func (pl *pool) payInto(buf []model.Money, ci int, slots []int) (pays []model.Money, main int) {
	c := &pl.cands[ci]
	pays = slices.Grow(buf[:0], len(slots))[:len(slots)]
	main = -1
	for k, si := range slots {
		i := sort.SearchInts(c.eligible, si)
		pays[k] = c.pay[i]
		if main < 0 || pays[k] > pays[main] {
			main = k
		}
	}
	for k := range pays {
		if k != main {
			pays[k] = pays[k].Scale(pl.rate)
		}
	}
	return pays, main
}

func (pl *pool) makeBundle(ci int, slots []int) bundle {
	c := &pl.cands[ci]
	b := bundle{slots: append([]int(nil), slots...)}
	sort.Ints(b.slots)
	if len(b.slots) > 0 {
		b.obj.Headcount = 1
		pays, _ := pl.payOf(ci, b.slots)
		var monthly model.Money
		for k, si := range b.slots {
			monthly += pays[k]
			u := pl.slots[si].unit
			found := false
			for j := range b.spend {
				if b.spend[j].unit == u {
					b.spend[j].money += pays[k]
					found = true
				}
			}
			if !found {
				b.spend = append(b.spend, unitMoney{u, pays[k]})
			}
		}
		b.obj.Cost = pl.goal.AllowanceCost(monthly) + c.oneOff
	}
	if c.person != nil {
		moved := 0
		for _, si := range c.current {
			if !slices.Contains(b.slots, si) {
				moved++
			}
		}
		b.obj.Disruption = moved
		if len(b.slots) == 0 && len(c.current) > 0 {
			b.obj.Disruption++
			b.obj.Cost += c.severance // released: NĐ 154/2025 support
		}
	}
	return b
}
