package rearrange

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// The cluster bound. The Lagrangian bound (lagrange.go) charges every
// unplaced key village its least share of an available candidate on its
// own, as if the candidates of two keys never overlapped. Split the keys
// into clusters of nearby villages instead and charge each cluster the
// least a set of disjoint available candidates covering all its keys
// that have one can cost, each candidate costing the shares of its keys
// in the cluster. A plan that brings every unplaced key with a candidate
// to its floor covers each cluster so, and each candidate's shares add
// up to its merges (households moved) over the clusters: the plan merges
// (moves) at least the sum over the clusters. Inside a cluster the bound
// is exact: it sees that two keys cannot both take the one village
// between them, or that an odd run of keys cannot all pair, which the
// shares do not (the Lagrangian bound is the case of clusters of one key,
// close to the linear relaxation); across clusters it is the Lagrangian
// bound. A cluster that cannot be covered at all proves that the plan
// leaves a key below its floor. Each cluster's least cost is remembered
// by the availability of its candidates: away from where the search is
// working nothing changes, and the clusters there cost one lookup.

// clusterKeys is the most keys in one cluster (a variable for the tests,
// which cut small communes into several clusters).
var clusterKeys = 14

// clusterGap: the cluster bound is computed only at nodes whose other
// bounds miss the incumbent by at most clusterGap merges; it adds about
// one merge to the Lagrangian bound, or some hundred households moved.
const clusterGap = 1

// clusterWork is the most nodes of one cover search; one that stops
// there charges each key its least share, as the Lagrangian bound does.
const clusterWork = 5000

// clusterCands is the most candidates a cluster may have, and
// clusterVillages the most villages they may hold (the bits of the
// memo's key and of a villageSet).
const (
	clusterCands    = 256
	clusterVillages = 128
)

// clusterBound holds the clusters of one component.
type clusterBound struct {
	clusters []*cluster
	work     int   // the cover search's nodes
	miss     []int // scratch: the clusters whose excess is not at hand
}

// villageSet is a set of a cluster's villages, by their bit.
type villageSet [2]uint64

func (a villageSet) meets(b villageSet) bool { return a[0]&b[0] != 0 || a[1]&b[1] != 0 }

func (a villageSet) with(b villageSet) villageSet { return villageSet{a[0] | b[0], a[1] | b[1]} }

// cluster is a group of nearby key villages and the candidates that hold
// them.
type cluster struct {
	keys   []int                  // in the search's branching order
	cands  []int                  // the candidates holding one of its keys
	cost   [2][]int64             // per cands entry: its keys' shares here, of merges and of households moved (1/lagDen)
	byKey  [][]int                // per keys entry: the cands entries holding it
	own    [2][][]int64           // per keys entry, aligned with byKey: the key's own share
	order  [2][][]int32           // per keys entry: its cands entries, least own share first
	least  []int64                // scratch: per keys entry, see initLeast
	set    []villageSet           // per cands entry: its villages
	keySet []villageSet           // per keys entry: the key village
	keysOf [][]int                // per cands entry: the keys entries it holds
	holds  []uint32               // per cands entry: keysOf as a bit per keys entry
	inKeys []uint32               // per cands entry: the keys entries whose village it takes
	free   []bool                 // scratch: per cands entry, available at the node
	memo   map[[4]uint64][2]int64 // clusterLeast by the availability of cands
	last   [2]int64               // its clusterLeast at the node, while not dirty (unknownCost: not computed)
}

// noCover marks a cluster whose keys cannot all be covered: a value no
// cost takes (a key's Lagrangian share is −1 when its multiplier is 0, so
// a cover can cost −1).
const noCover = math.MaxInt64

// initClusters builds the clusters (after the Lagrangian bound, whose
// shares they use) by growing each from the first key of the sweep not
// yet taken, through the keys its candidates share villages with,
// breadth first, up to clusterKeys keys.
func (s *searcher) initClusters() {
	n := s.in.n
	holders := make([][]int, n) // village → keys whose candidates hold it
	for _, k := range s.keys {
		for _, j := range s.byKey[k] {
			for _, v := range s.cands[j].members {
				if l := len(holders[v]); l == 0 || holders[v][l-1] != k {
					holders[v] = append(holders[v], k)
				}
			}
		}
	}
	cb := &clusterBound{}
	taken := make([]bool, n)
	for _, start := range s.keys {
		if taken[start] {
			continue
		}
		taken[start] = true
		keys := []int{start}
		cands, villages := map[int]bool{}, map[int]bool{}
		s.addCands(start, cands, villages)
		for i := 0; i < len(keys) && len(keys) < clusterKeys; i++ {
			for _, j := range s.byKey[keys[i]] {
				for _, v := range s.cands[j].members {
					for _, k := range holders[v] {
						if !taken[k] && len(keys) < clusterKeys && s.candsFit(k, cands, villages) {
							taken[k] = true
							keys = append(keys, k)
							s.addCands(k, cands, villages)
						}
					}
				}
			}
		}
		cb.clusters = append(cb.clusters, s.newCluster(keys))
	}
	s.cb = cb
	of := make([][][2]int, len(s.cands))
	for x, c := range cb.clusters {
		c.last = [2]int64{unknownCost, unknownCost}
		for e, j := range c.cands {
			of[j] = append(of[j], [2]int{x, e})
		}
	}
	s.avail.setClusters(of, len(cb.clusters))
}

// addCands adds key k's candidates, and their villages, to a cluster's.
func (s *searcher) addCands(k int, cands, villages map[int]bool) {
	for _, j := range s.byKey[k] {
		cands[j] = true
		for _, v := range s.cands[j].members {
			villages[v] = true
		}
	}
}

// candsFit reports whether key k joins a cluster holding cands (and the
// villages in them) without passing clusterCands candidates or
// clusterVillages villages.
func (s *searcher) candsFit(k int, cands, villages map[int]bool) bool {
	nc, nv := len(cands), len(villages)
	seen := map[int]bool{}
	for _, j := range s.byKey[k] {
		if cands[j] {
			continue
		}
		nc++
		for _, v := range s.cands[j].members {
			if !villages[v] && !seen[v] {
				seen[v] = true
				nv++
			}
		}
	}
	return nc <= clusterCands && nv <= clusterVillages
}

func (s *searcher) newCluster(keys []int) *cluster {
	c := &cluster{keys: keys, memo: map[[4]uint64][2]int64{}, byKey: make([][]int, len(keys))}
	c.own = [2][][]int64{make([][]int64, len(keys)), make([][]int64, len(keys))}
	at := map[int]int{} // candidate → cands entry
	for i, k := range keys {
		shares := [2]map[int]int64{lagShares(s.lg.byKey[k]), lagShares(s.lg.byMoved[k])}
		for _, j := range s.byKey[k] {
			e, ok := at[j]
			if !ok {
				e = len(c.cands)
				at[j] = e
				c.cands = append(c.cands, j)
				c.cost[0], c.cost[1] = append(c.cost[0], 0), append(c.cost[1], 0)
			}
			c.byKey[i] = append(c.byKey[i], e)
			for l := range shares {
				c.cost[l][e] += shares[l][j]
				c.own[l][i] = append(c.own[l][i], shares[l][j])
			}
		}
	}
	bit := map[int]int{}
	setOf := func(v int) villageSet {
		b, ok := bit[v]
		if !ok {
			b = len(bit)
			bit[v] = b
		}
		var x villageSet
		x[b/64] |= 1 << (b % 64)
		return x
	}
	for _, j := range c.cands {
		var x villageSet
		for _, v := range s.cands[j].members {
			x = x.with(setOf(v))
		}
		c.set = append(c.set, x)
	}
	for _, k := range keys {
		c.keySet = append(c.keySet, setOf(k))
	}
	c.keysOf = make([][]int, len(c.cands))
	for i := range keys {
		for _, e := range c.byKey[i] {
			c.keysOf[e] = append(c.keysOf[e], i)
		}
	}
	c.holds, c.inKeys = make([]uint32, len(c.cands)), make([]uint32, len(c.cands))
	for e := range c.cands {
		for _, i := range c.keysOf[e] {
			c.holds[e] |= 1 << i
		}
		for i, k := range c.keySet {
			if c.set[e].meets(k) {
				c.inKeys[e] |= 1 << i
			}
		}
	}
	c.free = make([]bool, len(c.cands))
	c.least = make([]int64, len(keys))
	for l := range c.order {
		c.order[l] = make([][]int32, len(keys))
		for i := range keys {
			o := make([]int, len(c.byKey[i]))
			for x := range o {
				o[x] = x
			}
			own := c.own[l][i]
			slices.SortStableFunc(o, func(a, b int) int { return cmp.Compare(own[a], own[b]) })
			for _, x := range o {
				c.order[l][i] = append(c.order[l][i], int32(c.byKey[i][x]))
			}
		}
	}
	return c
}

func lagShares(xs []lagShare) map[int]int64 {
	m := make(map[int]int64, len(xs))
	for _, x := range xs {
		m[x.cand] = x.share
	}
	return m
}

// clusterLeast is the cluster's least cost of covering its keys at level
// l less its keys' least shares (the Lagrangian bound's part; never
// negative), remembered by the availability of its candidates (key, kept
// by availMemo).
func (s *searcher) clusterLeast(c *cluster, key [4]uint64, l int) int64 {
	if key == [4]uint64{} {
		return 0
	}
	x, ok := c.memo[key]
	if ok && x[l] != unknownCost {
		return x[l]
	}
	if !ok {
		x = [2]int64{unknownCost, unknownCost}
	}
	for e := range c.free {
		c.free[e] = key[e/64]&(1<<(e%64)) != 0
	}
	s.initLeast(c, l)
	s.cb.work = 0
	rest := c.coverRest(0, villageSet{})
	x[l] = s.coverCluster(c, l, c.openKeys(), villageSet{}, 0, rest, math.MaxInt64) - rest
	switch {
	case s.cb.work > clusterWork:
		x[l] = 0 // the search stopped: each key its least share
	case x[l] == math.MaxInt64-rest:
		x = [2]int64{noCover, noCover}
	}
	c.memo[key] = x
	return x[l]
}

// unknownCost marks a level not yet computed in a cluster's memo.
const unknownCost = math.MinInt64

// coverCluster is a depth-first search for the least cost at level l of
// covering the cluster's open keys (open: a bit per keys entry, see
// c.open) with disjoint available candidates, the villages taken so far
// being taken, the cover so far worth sofar and the open keys' least
// shares summing to rest; the first open key is covered next, by each of
// its candidates cheapest first. It returns the least total, at most best
// (MaxInt64: no cover).
func (s *searcher) coverCluster(c *cluster, l int, open uint32, taken villageSet, sofar, rest, best int64) int64 {
	if s.cb.work++; s.cb.work > clusterWork {
		return best
	}
	if open == 0 {
		return min(sofar, best)
	}
	if sofar+rest >= best {
		return best
	}
	i := bits.TrailingZeros32(open)
	for _, e := range c.order[l][i] {
		if !c.free[e] || c.set[e].meets(taken) {
			continue
		}
		r := rest
		for m := c.holds[e] & open; m != 0; m &= m - 1 { // the open keys it covers
			r -= c.least[bits.TrailingZeros32(m)]
		}
		best = s.coverCluster(c, l, open&^c.inKeys[e], taken.with(c.set[e]), sofar+c.cost[l][e], r, best)
	}
	return best
}

// openKeys is the set of the cluster's open keys before any cover (see
// open), a bit per keys entry.
func (c *cluster) openKeys() uint32 {
	var m uint32
	for i := range c.keys {
		if c.open(i, villageSet{}) {
			m |= 1 << i
		}
	}
	return m
}

// coverRest is a lower bound on covering the open keys from the i-th:
// each its least share of an available candidate (least, taken when the
// cover search started). A candidate's cost is the sum of its keys'
// shares here, so each key pays its own.
func (c *cluster) coverRest(i int, taken villageSet) int64 {
	var sum int64
	for ; i < len(c.keys); i++ {
		if c.open(i, taken) {
			sum += c.least[i]
		}
	}
	return sum
}

// open reports whether the cluster's i-th key must still be covered: not
// placed, with an available candidate (see initLeast), not taken by the
// cover so far.
func (c *cluster) open(i int, taken villageSet) bool {
	return c.least[i] != math.MaxInt64 && !c.keySet[i].meets(taken)
}

// initLeast sets, per key, its least share of an available candidate at
// level l (MaxInt64: placed, or none available: no need to cover it).
func (s *searcher) initLeast(c *cluster, l int) {
	for i, k := range c.keys {
		c.least[i] = math.MaxInt64
		if s.used[k] {
			continue
		}
		for x, e := range c.byKey[i] {
			if c.free[e] {
				c.least[i] = min(c.least[i], c.own[l][i][x])
			}
		}
	}
}

// clusterReady reports whether the component has the cluster bound: it
// is built with the Lagrangian bound, whose shares it uses, once the
// search has spent clusterAfter nodes (see lagAfter).
func (s *searcher) clusterReady() bool {
	return s.lagReady() && s.cb != nil
}

// ceilDen rounds a sum of shares in 1/lagDen up to a whole number (0 for
// a negative sum).
func ceilDen(x int64) int64 {
	if x <= 0 {
		return 0
	}
	return (x + lagDen - 1) / lagDen
}
