package optimize

import (
	"math"
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Titles that no rule and no candidate can tell apart — the vice-chairs of
// several mass organisations, with the same workload, pay, requirements and
// combination rules — are interchangeable: the programme only needs to know
// how many of them each candidate holds, not which. Grouping them into
// classes shrinks the search from subsets of titles to counts. Disruption
// still counts exactly: a candidate who holds k titles of a class keeps
// min(k, h) of the h they hold today, and the specific titles are handed out
// that way when the plan is written.

// class is a set of interchangeable slots of one unit.
type class struct {
	slots     []int // slot indexes, sorted
	unit      int
	need      int // holders needed over the class
	perPerson int // most titles of the class one candidate may hold
}

// item is part of a class bundle: count titles of one class.
type item struct {
	class int
	count int
}

// cbundle is a bundle in class terms.
type cbundle struct {
	items []item
	obj   Objective
	spend []unitMoney
}

// makeClasses groups the pool's slots into classes. Titles needing several
// holders merge only when mergeMulti is set (their holders are handed out
// by slotsFor's flow, which the caller checks).
func (pl *pool) makeClasses(mergeMulti bool) (classOf []int, cls []class) {
	n := len(pl.slots)
	// Candidates per slot (and what each is paid), in candidate order, as
	// slices of two flat arrays: counted first, then filled.
	start := make([]int, n+1)
	for ci := range pl.cands {
		for _, si := range pl.cands[ci].eligible {
			start[si+1]++
		}
	}
	for si := range n {
		start[si+1] += start[si]
	}
	who := make([]int, start[n])
	paid := make([]model.Money, start[n])
	at := slices.Clone(start[:n])
	fixed := make([]bool, n)
	for ci := range pl.cands {
		c := &pl.cands[ci]
		for k, si := range c.eligible {
			who[at[si]], paid[at[si]] = ci, c.pay[k]
			at[si]++
		}
		for _, si := range c.fixed {
			fixed[si] = true
		}
	}
	anyRecruit := slices.ContainsFunc(pl.cands, func(c cand) bool { return c.recruit >= 0 })
	eligible := func(si int) []int { return who[start[si]:start[si+1]] }
	pays := func(si int) []model.Money { return paid[start[si]:start[si+1]] }
	same := func(a, b int) bool {
		sa, sb := &pl.slots[a], &pl.slots[b]
		if sa.unit != sb.unit || sa.need != sb.need || (sa.need != 1 && !mergeMulti) || fixed[a] || fixed[b] || sa.work != sb.work {
			return false
		}
		if !slices.Equal(eligible(a), eligible(b)) || !slices.Equal(pays(a), pays(b)) {
			return false
		}
		// A recruit must be able to hold either title with the same
		// others, and both together (the class's pairs are then allowed).
		if anyRecruit && !pl.recruits.sameRow(sa.title, sb.title) {
			return false
		}
		ta, tb := pl.titles[sa.title].ID, pl.titles[sb.title].ID
		for x := range pl.slots {
			if x == a || x == b {
				continue
			}
			tx := pl.titles[pl.slots[x].title].ID
			if pl.combination.Allows(ta, tx) != pl.combination.Allows(tb, tx) {
				return false
			}
		}
		return true
	}
	classOf = make([]int, n)
	for si := range pl.slots {
		placed := false
		for k := range cls {
			c := &cls[k]
			rep := c.slots[0]
			if !same(rep, si) {
				continue
			}
			// Pairs inside a class must be uniformly allowed or not.
			within := pl.combination.Allows(pl.titles[pl.slots[rep].title].ID, pl.titles[pl.slots[si].title].ID)
			if len(c.slots) > 1 && within != (c.perPerson > 1) {
				continue
			}
			c.slots = append(c.slots, si)
			c.need += pl.slots[si].need
			if within {
				c.perPerson = len(c.slots)
			}
			classOf[si] = k
			placed = true
			break
		}
		if !placed {
			classOf[si] = len(cls)
			cls = append(cls, class{slots: []int{si}, unit: pl.slots[si].unit, need: pl.slots[si].need, perPerson: 1})
		}
	}
	return classOf, cls
}

// classOption is one class a candidate may draw titles from.
type classOption struct {
	class int
	unit  int
	pay   model.Money // monthly allowance of one title of the class for the candidate
	extra model.Money // pay at the concurrency rate (computed once: bundles reuse it)
	work  model.Hours
	title string // a representative title ID, for combination rules
	ti    int    // its index in pool.titles, for the recruit rule
	fixed bool   // the candidate must hold the class's (single) title
	held  int    // titles of the class the candidate holds today
}

// classBundles enumerates candidate ci's bundles in class terms; it mirrors
// pool.bundles, which works title by title. ok is false when the
// enumeration was cut at maxBundlesPerCand.
// The bundles and their items live in ar until it is reset.
func (pl *pool) classBundles(ci int, classOf []int, cls []class, ar *bundleArena) (out []cbundle, ok bool) {
	c := &pl.cands[ci]
	for _, f := range c.fixed {
		if !slices.Contains(c.eligible, f) {
			return nil, true
		}
	}
	// The option list and the lookups below live in ar, reused candidate
	// by candidate.
	opts := ar.tmpOpts[:0]
	index := slices.Grow(ar.tmpIndex[:0], len(cls))[:len(cls)] // class → its option + 1; 0: none
	clear(index)
	taken := pl.fixedElsewhere(ci, ar.tmpTaken)
	defer func() { ar.tmpOpts, ar.tmpIndex, ar.tmpTaken = opts[:0], index[:0], taken[:0] }()
	for k, si := range c.eligible {
		if taken[si] {
			continue // every holder of the slot is fixed already
		}
		cl := classOf[si]
		if index[cl] > 0 {
			continue
		}
		opts = append(opts, classOption{class: cl, unit: pl.slots[si].unit, pay: c.pay[k], extra: c.pay[k].Scale(pl.rate), work: pl.slots[si].work,
			title: pl.titles[pl.slots[si].title].ID, ti: pl.slots[si].title, fixed: slices.Contains(c.fixed, si)})
		index[cl] = len(opts)
	}
	lost := 0 // titles held today that the candidate can no longer hold
	for _, si := range c.current {
		if i := index[classOf[si]]; i > 0 && !taken[si] {
			opts[i-1].held++
		} else {
			lost++
		}
	}
	out = ar.tmpBundles[:0]
	ok = true
	counts := slices.Grow(ar.tmpCounts[:0], len(opts))[:len(opts)]
	clear(counts)
	defer func() { ar.tmpCounts = counts[:0] }()
	var rec func(k, titles int, work model.Hours)
	rec = func(k, titles int, work model.Hours) {
		if !ok {
			return
		}
		if k == len(opts) {
			if len(out) >= maxBundlesPerCand {
				ok = false
				return
			}
			out = append(out, pl.priceClassBundle(ci, opts, counts, lost, ar))
			return
		}
		o := &opts[k]
		lo := 0
		if o.fixed {
			lo = 1
		}
		hi := min(cls[o.class].perPerson, pl.maxTitles-titles)
		for n := lo; n <= hi; n++ {
			w := work + model.Hours(n)*o.work
			if n > 0 && (w > c.capacity+1e-9 || !combinesWithChosen(pl, c, opts[:k], counts[:k], o)) {
				break
			}
			counts[k] = n
			rec(k+1, titles+n, w)
		}
		counts[k] = 0
	}
	rec(0, 0, 0)
	ar.tmpBundles = out[:0]
	return ar.bundles.carve(out), ok
}

// fixedElsewhere reports, per slot, whether every copy is fixed to
// candidates other than ci, which ci can therefore never hold. The answer
// is written over buf's memory.
func (pl *pool) fixedElsewhere(ci int, buf []bool) []bool {
	if pl.fixedCount == nil {
		pl.fixedCount = make([]int, len(pl.slots))
		for k := range pl.cands {
			for _, si := range pl.cands[k].fixed {
				pl.fixedCount[si]++
			}
		}
	}
	out := slices.Grow(buf[:0], len(pl.slots))[:len(pl.slots)]
	clear(out)
	for _, si := range pl.cands[ci].eligible {
		others := pl.fixedCount[si]
		if slices.Contains(pl.cands[ci].fixed, si) {
			others--
		}
		if others >= pl.slots[si].need {
			out[si] = true
		}
	}
	return out
}

// combinesWithChosen reports whether a title of another class, o, may join
// the titles candidate c has chosen so far (the recruit rule for a recruit:
// the titles of a class share their row of it).
func combinesWithChosen(pl *pool, c *cand, opts []classOption, counts []int, o *classOption) bool {
	for i, n := range counts {
		if n > 0 && (opts[i].title == o.title || !pl.combination.Allows(opts[i].title, o.title)) {
			return false
		}
	}
	if c.recruit < 0 || pl.recruits.n == 0 {
		return true
	}
	var buf [8]int
	ts := buf[:0]
	for i, n := range counts {
		if n > 0 {
			ts = append(ts, opts[i].ti)
		}
	}
	return pl.recruits.allowsSet(ts, o.ti)
}

// priceClassBundle computes what a class bundle costs and uses. The main
// title is the best paid; among equals, the one of the class listed first
// (commune titles before village titles), as pool.payOf does title by
// title.
func (pl *pool) priceClassBundle(ci int, opts []classOption, counts []int, lost int, ar *bundleArena) cbundle {
	c := &pl.cands[ci]
	var b cbundle
	b.items, b.spend = ar.tmpItems[:0], ar.tmpSpend[:0]
	main, moved, titles := -1, lost, 0
	for i, n := range counts {
		o := &opts[i]
		moved += o.held - min(n, o.held)
		if n == 0 {
			continue
		}
		titles += n
		b.items = append(b.items, item{class: o.class, count: n})
		if main < 0 || o.pay > opts[main].pay || (o.pay == opts[main].pay && o.class < opts[main].class) {
			main = i
		}
	}
	if titles > 0 {
		b.obj.Headcount = 1
		var monthly model.Money
		for i, n := range counts {
			o := &opts[i]
			for k := range n {
				p := o.pay
				if i != main || k > 0 {
					p = o.extra
				}
				monthly += p
				b.spend = addSpend(b.spend, o.unit, p)
			}
		}
		b.obj.Cost = pl.goal.AllowanceCost(monthly) + c.oneOff
	}
	if c.person != nil {
		b.obj.Disruption = moved
		if titles == 0 && len(c.current) > 0 {
			b.obj.Disruption++
			b.obj.Cost += c.severance // released: NĐ 154/2025 support
		}
	}
	ar.tmpItems, ar.tmpSpend = b.items, b.spend
	b.items, b.spend = ar.items.carve(b.items), ar.spend.carve(b.spend)
	return b
}

// bundleArena holds the class bundles of a solve and their items and
// spend, carved from chunks that later solves reuse: a pool's candidates
// have thousands of bundles, and allocating each bundle's slices (and
// growing each candidate's list) dominated the set-up. The tmp slices are
// where a list or a bundle is built before it is carved.
type bundleArena struct {
	bundles    slab[cbundle]
	items      slab[item]
	spend      slab[unitMoney]
	tmpBundles []cbundle
	tmpItems   []item
	tmpSpend   []unitMoney
	// classBundles' working memory for one candidate.
	tmpOpts   []classOption
	tmpIndex  []int
	tmpCounts []int
	tmpTaken  []bool
}

// reset frees everything carved: the bundles handed out must be dead.
func (ar *bundleArena) reset() {
	ar.bundles.reset()
	ar.items.reset()
	ar.spend.reset()
}

// slab hands out slices carved from reusable chunks.
type slab[T any] struct {
	chunks [][]T
	cur    int // the chunk being carved; those before it are full
}

// reset makes every chunk free again.
func (s *slab[T]) reset() {
	for i := range s.chunks {
		s.chunks[i] = s.chunks[i][:0]
	}
	s.cur = 0
}

// carve copies xs into the slab and returns the copy (nil when xs is
// empty), its capacity clipped so appending to it cannot spill over.
func (s *slab[T]) carve(xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	for ; ; s.cur++ {
		if s.cur == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, 0, max(4096, len(xs))))
		}
		c := s.chunks[s.cur]
		if cap(c)-len(c) >= len(xs) {
			n := len(c)
			c = append(c, xs...)
			s.chunks[s.cur] = c
			return c[n:len(c):len(c)]
		}
	}
}

// grab returns an empty slice with room for n values, carved like carve's
// copies.
func (s *slab[T]) grab(n int) []T {
	for ; ; s.cur++ {
		if s.cur == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, 0, max(4096, n)))
		}
		c := s.chunks[s.cur]
		if cap(c)-len(c) >= n {
			at := len(c)
			s.chunks[s.cur] = c[:at+n]
			return c[at : at : at+n]
		}
	}
}

func addSpend(s []unitMoney, unit int, m model.Money) []unitMoney {
	for j := range s {
		if s[j].unit == unit {
			s[j].money += m
			return s
		}
	}
	return append(s, unitMoney{unit, m})
}

// slotsFor hands out the titles of each class to the candidates counted on
// it, keeping as many of the titles each holds today as possible: a small
// min-cost flow per class (candidates → titles, one title of each at most
// per candidate, each title to its number of holders, keeping a title today
// costing −1). ok is false when that cannot keep min(k, h) titles for every
// candidate — the disruption the programme counted — or cannot place every
// title; the caller then solves again without merging titles.
func (pl *pool) slotsFor(counts [][]item, classOf []int, cls []class) (held [][]int, ok bool) {
	held = make([][]int, len(pl.cands))
	for k := range cls {
		var who []int
		var want []int
		for ci, items := range counts {
			for _, it := range items {
				if it.class == k {
					who = append(who, ci)
					want = append(want, it.count)
				}
			}
		}
		if len(who) == 0 {
			continue
		}
		if len(cls[k].slots) == 1 {
			for _, ci := range who {
				held[ci] = append(held[ci], cls[k].slots[0])
			}
			continue
		}
		got, kept := assignClass(pl, cls[k].slots, who, want)
		if got == nil {
			return nil, false
		}
		expected := 0
		for i, ci := range who {
			h := 0
			for _, si := range pl.cands[ci].current {
				if classOf[si] == k {
					h++
				}
			}
			expected += min(want[i], h)
			held[ci] = append(held[ci], got[i]...)
		}
		if kept != expected {
			return nil, false
		}
	}
	for ci := range held {
		sort.Ints(held[ci])
	}
	return held, true
}

// assignClass gives candidates who[i] want[i] distinct slots of a class,
// each slot its need, keeping as many current holdings as possible. It
// returns nil when the counts cannot be met.
func assignClass(pl *pool, slots, who, want []int) (got [][]int, kept int) {
	// Nodes: 0 source, 1..P candidates, P+1..P+S slots, P+S+1 sink.
	P, S := len(who), len(slots)
	n := P + S + 2
	src, sink := 0, n-1
	type edge struct{ to, cap, cost, rev int }
	g := make([][]edge, n)
	add := func(u, v, c, w int) {
		g[u] = append(g[u], edge{v, c, w, len(g[v])})
		g[v] = append(g[v], edge{u, 0, -w, len(g[u]) - 1})
	}
	total := 0
	for i, ci := range who {
		add(src, 1+i, want[i], 0)
		total += want[i]
		for j, si := range slots {
			cost := 0
			if slices.Contains(pl.cands[ci].current, si) {
				cost = -1
			}
			add(1+i, 1+P+j, 1, cost)
		}
	}
	for j, si := range slots {
		add(1+P+j, sink, pl.slots[si].need, 0)
	}
	flow, cost := 0, 0
	for flow < total {
		// Bellman–Ford: costs may be negative; graphs have a few dozen nodes.
		dist := make([]int, n)
		prevNode, prevEdge := make([]int, n), make([]int, n)
		for i := range dist {
			dist[i] = math.MaxInt / 2
		}
		dist[src] = 0
		for range n {
			changed := false
			for u := range n {
				if dist[u] == math.MaxInt/2 {
					continue
				}
				for ei, e := range g[u] {
					if e.cap > 0 && dist[u]+e.cost < dist[e.to] {
						dist[e.to] = dist[u] + e.cost
						prevNode[e.to], prevEdge[e.to] = u, ei
						changed = true
					}
				}
			}
			if !changed {
				break
			}
		}
		if dist[sink] == math.MaxInt/2 {
			return nil, 0
		}
		for v := sink; v != src; v = prevNode[v] {
			e := &g[prevNode[v]][prevEdge[v]]
			e.cap--
			g[v][e.rev].cap++
		}
		flow++
		cost += dist[sink]
	}
	got = make([][]int, P)
	for i := range who {
		for _, e := range g[1+i] {
			if e.to > P && e.to <= P+S && e.cap == 0 {
				got[i] = append(got[i], slots[e.to-1-P])
			}
		}
	}
	return got, -cost
}
