package optimize

import (
	"cmp"
	"math/bits"
	"slices"
)

// Completion bounds. Both programmes take their steps in order (the
// candidates of a group, the groups of the commune) and end only when every
// title of their radix is covered exactly. A table of the best a state can
// still add (ignoring every other constraint) drops two kinds of label as
// soon as they appear rather than at the end: those whose titles the steps
// left cannot cover, and, with the greedy plan's objective as an upper
// bound in lexicographic mode, those that cannot beat it. On the country's
// later re-plans most labels are of the second kind: the optimum often
// equals the greedy plan's headcount and cost.

// unreachable marks a table entry whose titles the steps left cannot cover.
const unreachable = int(^uint(0) >> 1)

// The tables cost cells × the distinct choices of each step to build; they
// are built only within a budget in proportion to what the programme reads
// (its choices), so that small pools stay cheap, and never past these caps.
const (
	completionWorkPerChoice = 64
	minCompletionWork       = 1 << 12
	maxCompletionWork       = 1 << 24
	maxCompletionCells      = 1 << 18
	maxSolveCells           = 1 << 22 // all tables of one solve: 96 MiB
)

// completionBudget is the work allowed for the tables of a programme with
// n choices.
func completionBudget(n int) int {
	return min(max(completionWorkPerChoice*n, minCompletionWork), maxCompletionWork)
}

// minBoundChoices is the fewest choices for which a group's table pays:
// a programme over fewer is cheaper than the table.
const minBoundChoices = 16

// completion bounds what the steps left of a programme can add to a
// partial plan. row(j)[x] is the best objective steps j on can add so that
// every title of the radix ends covered exactly, for a state whose vector
// projects to x; unreachable when they cannot. The projection counts the
// holders of each part of a partition of the radix's classes (every class
// its own part when the tables are small enough, else parts merged until
// they are), so it is additive: a state's x is its own plus its choice's.
// The bound ignores every constraint but the cover (caps, funds, the other
// programme's titles) and, within a part, which class a holder covers: a
// relaxation, so a lower bound on every completion.
type completion struct {
	coef  []int // per digit of the radix: its part's stride
	size  int   // indexes per row
	table []Objective
}

// row returns the bound before step j (j = number of steps: the end).
func (c *completion) row(j int) []Objective { return c.table[j*c.size : (j+1)*c.size] }

// project maps a vector of the radix to its index in a row.
func (c *completion) project(r *radix, v uint64) int {
	x := 0
	for i, k := range c.coef {
		x += k * int(r.get(v, i))
	}
	return x
}

// choice is one way a step can go, as the bound sees it: the vector it
// adds and its objective.
type choice struct {
	vec uint64
	obj Objective
}

// reducedChoice is the best objective of a step's choices with one index.
type reducedChoice struct {
	x   int
	obj Objective
}

// boundScratch is what building completion tables reuses from one pool to
// the next.
type boundScratch struct {
	choices  []choice // the steps' choices, step after step
	ends     []int    // per step, the end of its choices
	best     []Objective
	reduced  []reducedChoice
	rEnds    []int
	packed   []uint64
	tables   slab[Objective] // live until the solve ends
	cells    int             // in tables
	atChoice []int           // per option or move of a step: its projection
}

// reset frees the tables of the last solve.
func (bs *boundScratch) reset() {
	bs.tables.reset()
	bs.cells = 0
}

// addStep closes the step whose choices were appended since the last.
func (bs *boundScratch) addStep() { bs.ends = append(bs.ends, len(bs.choices)) }

// begin starts a new set of steps.
func (bs *boundScratch) begin() { bs.choices, bs.ends = bs.choices[:0], bs.ends[:0] }

// step returns the choices of step j.
func (bs *boundScratch) step(j int) []choice {
	from := 0
	if j > 0 {
		from = bs.ends[j-1]
	}
	return bs.choices[from:bs.ends[j]]
}

// newCompletion builds the bound for the steps in bs over radix r, with the
// finest partition whose tables fit the budget; nil when even one part
// does not.
func newCompletion(r *radix, bs *boundScratch, budget int) *completion {
	if len(r.keys) == 0 {
		return nil
	}
	parts := make([][]int, len(r.keys)) // digits of each part
	for i := range parts {
		parts[i] = []int{i}
	}
	holders := func(p []int) uint64 {
		n := uint64(0)
		for _, i := range p {
			n += r.need[i]
		}
		return n
	}
	for {
		if c := tryCompletion(r, bs, parts, budget); c != nil {
			return c
		}
		if len(parts) == 1 {
			return nil
		}
		// Merge the two parts with the fewest holders, keeping the big
		// classes exact longest.
		slices.SortStableFunc(parts, func(a, b []int) int { return cmp.Compare(holders(a), holders(b)) })
		parts = append([][]int{append(slices.Clone(parts[0]), parts[1]...)}, parts[2:]...)
	}
}

// tryCompletion builds the tables over the given partition of the digits;
// nil when they would be too big or cost more than budget.
func tryCompletion(r *radix, bs *boundScratch, parts [][]int, budget int) *completion {
	steps := len(bs.ends)
	c := &completion{coef: make([]int, len(r.keys)), size: 1}
	// Each index also gets a packed form with a guard bit above each
	// part's count, so that adding two is checked in one step.
	caps := make([]int, len(parts))
	shift := make([]uint, len(parts))
	var bias, guards uint64
	var at uint
	for p, digits := range parts {
		for _, i := range digits {
			c.coef[i] = c.size
			caps[p] += int(r.need[i])
		}
		c.size *= caps[p] + 1
		if cells := c.size * (steps + 1); cells > maxCompletionCells || cells > budget || bs.cells+cells > maxSolveCells {
			return nil
		}
		w := uint(bits.Len(uint(caps[p])))
		shift[p] = at
		bias |= (1<<w - 1 - uint64(caps[p])) << at
		at += w
		guards |= 1 << at
		at++
	}
	if at > 64 {
		return nil
	}
	size := c.size
	// A cheap estimate first: a step has at most size distinct indexes.
	work := 0
	for j := range steps {
		work += size * min(size, len(bs.step(j)))
	}
	fits := work <= budget
	work = 0
	// Each step's choices reduced to the best objective per index: all the
	// bound reads of them.
	best := slices.Grow(bs.best[:0], size)[:size]
	for i := range best {
		best[i].Headcount = unreachable
	}
	bs.best = best
	reduced, rEnds := bs.reduced[:0], bs.rEnds[:0]
	for j := range steps {
		from := len(reduced)
		for _, ch := range bs.step(j) {
			x := c.project(r, ch.vec)
			if b := &best[x]; b.Headcount == unreachable {
				*b = ch.obj
				reduced = append(reduced, reducedChoice{x: x})
			} else if ch.obj.Less(*b) {
				*b = ch.obj
			}
		}
		for i := from; i < len(reduced); i++ {
			x := reduced[i].x
			reduced[i].obj = best[x]
			best[x].Headcount = unreachable
		}
		rEnds = append(rEnds, len(reduced))
		if work += size * (len(reduced) - from); !fits && work > budget {
			bs.reduced, bs.rEnds = reduced, rEnds
			return nil
		}
	}
	bs.reduced, bs.rEnds = reduced, rEnds
	packed := slices.Grow(bs.packed[:0], size)[:size]
	for x := range packed {
		packed[x] = 0
		rem := x
		for p := range parts {
			packed[x] |= uint64(rem%(caps[p]+1)) << shift[p]
			rem /= caps[p] + 1
		}
	}
	bs.packed = packed
	c.table = bs.tables.grab(size * (steps + 1))[:size*(steps+1)]
	bs.cells += len(c.table)
	for i := range c.table {
		c.table[i] = Objective{Headcount: unreachable}
	}
	c.row(steps)[c.project(r, r.full)] = Objective{}
	for j := steps - 1; j >= 0; j-- {
		from := 0
		if j > 0 {
			from = rEnds[j-1]
		}
		choices := reduced[from:rEnds[j]]
		here, after := c.row(j), c.row(j+1)
		for x := range here {
			t := Objective{Headcount: unreachable}
			px := packed[x] + bias
			for _, m := range choices {
				if (px+packed[m.x])&guards != 0 {
					continue // a part would pass its holders
				}
				a := &after[x+m.x]
				if a.Headcount == unreachable {
					continue
				}
				if v := m.obj.Add(*a); t.Headcount == unreachable || v.Less(t) {
					t = v
				}
			}
			here[x] = t
		}
	}
	return c
}

// groupBounds sets each group's completion bound over its village titles
// and what the other groups add at best for theirs.
func (sv *solver) groupBounds() {
	bs := &sv.sc.bound
	own := make([]Objective, len(sv.groups))
	var total Objective
	for gi, g := range sv.groups {
		bs.begin()
		for _, ci := range g.cands {
			for bi := range sv.bundles[ci] {
				b := &sv.bundles[ci][bi]
				if v, ok := sv.villageVector(g, b); ok {
					bs.choices = append(bs.choices, choice{v, b.obj})
				}
			}
			bs.addStep()
		}
		own[gi] = Objective{Headcount: sv.lbH[gi]} // costs are never negative
		g.bound = nil
		if len(bs.choices) >= minBoundChoices {
			g.bound = newCompletion(g.local, bs, completionBudget(len(bs.choices)))
		}
		if g.bound != nil {
			own[gi] = g.bound.row(0)[0]
		}
		total = total.Add(own[gi])
	}
	for gi, g := range sv.groups {
		g.others = total.Sub(own[gi])
	}
}

// communeBound returns the commune programme's completion bound over the
// groups' options.
func (sv *solver) communeBound(options []*layer) *completion {
	bs := &sv.sc.bound
	bs.begin()
	for _, opt := range options {
		for oi, key := range opt.keys {
			lo, hi := opt.labels(oi)
			best := opt.vals[lo].obj
			for li := lo + 1; li < hi; li++ {
				if o := opt.vals[li].obj; o.Less(best) {
					best = o
				}
			}
			bs.choices = append(bs.choices, choice{key.shared, best})
		}
		bs.addStep()
	}
	return newCompletion(sv.shared, bs, completionBudget(len(bs.choices)))
}

// projectShared returns the projection of each option's commune vector,
// in a buffer of bs.
func (bs *boundScratch) projectShared(keys []stateKey, c *completion, r *radix) []int {
	at := bs.atChoice[:0]
	for _, k := range keys {
		at = append(at, c.project(r, k.shared))
	}
	bs.atChoice = at
	return at
}
