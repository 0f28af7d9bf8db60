package rearrange

// A candidate is a set of villages that may become one village: 2 to K
// mergeable villages, connected under the adjacency rule, whose households
// reach the strictest of their floors. Under FewestMerges it also holds a
// village below its floor and is minimal: no member at its floor can leave
// it with the rest still a candidate (that member would better stay as it
// is: the same villages reach their floor with one merge less).
type candidate struct {
	members []int // ascending
	hh      int   // households
	floor   int   // strictest floor
	keys    int   // members the search branches on (isKey)
	covered int   // members below their own floor, now at the floor
	moved   int   // households that change village: hh − the largest member's
	w       int64 // the scalar weight of the set (see weights)
}

// weights are the scalars that turn the lexicographic objective into one
// int64: a plan's value is Σ over its merged villages of
//
//	FewestMerges:  covered·m2 − (|g|−1)·m1 − moved
//	Consolidation: covered·m2 + (|g|−1)·m1 − moved
//
// with m1 > every possible disruption and m2 > every possible merges·m1 +
// disruption, so comparing values compares the objectives level by level.
type weights struct{ m1, m2 int64 }

func (in *instance) weights() weights {
	m1 := int64(in.htot) + 1
	return weights{m1: m1, m2: int64(in.n+1) * m1}
}

func (w weights) of(g *candidate, goal Goal) int64 {
	merges := int64(len(g.members) - 1)
	if goal == Consolidation {
		merges = -merges
	}
	return int64(g.covered)*w.m2 - merges*w.m1 - int64(g.moved)
}

// candidates enumerates every candidate of the commune.
func (in *instance) candidates() []candidate {
	if in.k < 2 {
		return nil
	}
	var out []candidate
	emit := func(set []int) {
		if g, ok := in.candidate(set); ok {
			out = append(out, g)
		}
	}
	if in.adj == nil {
		in.combinations(emit)
	} else {
		in.connectedSets(emit)
	}
	wt := in.weights()
	for i := range out {
		out[i].w = wt.of(&out[i], in.opt.Goal)
	}
	return out
}

// combinations calls emit with every set of 2 to K mergeable villages (no
// adjacency rule). Under FewestMerges the villages below their floor come
// first in the enumeration order and a set that is already a candidate
// takes no further village at its floor, which only non-minimal sets would.
func (in *instance) combinations(emit func([]int)) {
	fm := in.opt.Goal == FewestMerges
	var order []int
	for i := 0; i < in.n; i++ {
		if in.mergeable[i] && (!fm || in.under[i]) {
			order = append(order, i)
		}
	}
	if fm {
		for i := 0; i < in.n; i++ {
			if in.mergeable[i] && !in.under[i] {
				order = append(order, i)
			}
		}
	}
	set := make([]int, 0, in.k)
	var rec func(start, hh, floor int)
	rec = func(start, hh, floor int) {
		isCand := len(set) >= 2 && hh >= floor
		for p := start; p < len(order); p++ {
			i := order[p]
			if fm && !in.under[i] && (len(set) == 0 || isCand) {
				return // only villages at their floor follow
			}
			set = append(set, i)
			if len(set) >= 2 {
				emit(set)
			}
			if len(set) < in.k {
				rec(p+1, hh+in.h[i], max(floor, in.f[i]))
			}
			set = set[:len(set)-1]
		}
	}
	rec(0, 0, 0)
}

// connectedSets calls emit with every connected set of 2 to K mergeable
// villages, each once (Wernicke's ESU enumeration).
func (in *instance) connectedSets(emit func([]int)) {
	set := make([]int, 0, in.k)
	inSet := make([]bool, in.n)
	var extend func(ext []int, root int)
	extend = func(ext []int, root int) {
		if len(set) >= 2 {
			emit(set)
		}
		if len(set) == in.k {
			return
		}
		for len(ext) > 0 {
			w := ext[len(ext)-1]
			ext = ext[:len(ext)-1]
			next := append([]int(nil), ext...)
			for _, u := range in.adj[w] {
				if u > root && in.mergeable[u] && !inSet[u] && !in.touches(u, inSet) && !contains(next, u) {
					next = append(next, u)
				}
			}
			set = append(set, w)
			inSet[w] = true
			extend(next, root)
			inSet[w] = false
			set = set[:len(set)-1]
		}
	}
	for v := 0; v < in.n; v++ {
		if !in.mergeable[v] {
			continue
		}
		var ext []int
		for _, u := range in.adj[v] {
			if u > v && in.mergeable[u] {
				ext = append(ext, u)
			}
		}
		set = append(set[:0], v)
		inSet[v] = true
		extend(ext, v)
		inSet[v] = false
	}
}

// touches reports whether u borders a village of the set.
func (in *instance) touches(u int, inSet []bool) bool {
	for _, x := range in.adj[u] {
		if inSet[x] {
			return true
		}
	}
	return false
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// candidate tests a set (connected, mergeable) and describes it.
func (in *instance) candidate(set []int) (candidate, bool) {
	hh, floor, covered, keys, big := in.measure(set, -1)
	if hh < floor {
		return candidate{}, false
	}
	if in.opt.Goal == FewestMerges {
		if covered == 0 {
			return candidate{}, false
		}
		for _, v := range set {
			if !in.under[v] && in.stillCandidate(set, v) {
				return candidate{}, false
			}
		}
	}
	members := append([]int(nil), set...)
	sortAsc(members)
	return candidate{members: members, hh: hh, floor: floor, keys: keys, covered: covered, moved: hh - big}, true
}

// measure sums the set without village skip (−1: none).
func (in *instance) measure(set []int, skip int) (hh, floor, covered, keys, big int) {
	for _, v := range set {
		if v == skip {
			continue
		}
		hh += in.h[v]
		floor = max(floor, in.f[v])
		big = max(big, in.h[v])
		if in.under[v] {
			covered++
		}
		if in.isKey(v) {
			keys++
		}
	}
	return
}

// stillCandidate reports whether set without v (a village at its floor)
// is still a candidate: two or more villages, connected, at their floor.
func (in *instance) stillCandidate(set []int, v int) bool {
	if len(set) <= 2 {
		return false
	}
	hh, floor, _, _, _ := in.measure(set, v)
	if hh < floor {
		return false
	}
	return in.connectedWithout(set, v)
}

// connectedWithout reports whether set without skip is connected.
func (in *instance) connectedWithout(set []int, skip int) bool {
	if in.adj == nil {
		return true
	}
	var rest []int
	for _, x := range set {
		if x != skip {
			rest = append(rest, x)
		}
	}
	return in.connected(rest)
}

// connected reports whether the villages of set are connected through
// the adjacency (always, without it).
func (in *instance) connected(set []int) bool {
	if in.adj == nil || len(set) <= 1 {
		return true
	}
	seen := make([]bool, len(set))
	seen[0] = true
	stack := []int{0}
	count := 1
	for len(stack) > 0 {
		a := set[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		for j, b := range set {
			if !seen[j] && contains(in.adj[a], b) {
				seen[j] = true
				count++
				stack = append(stack, j)
			}
		}
	}
	return count == len(set)
}

func sortAsc(s []int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
