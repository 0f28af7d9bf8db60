package rearrange

// The pairing bound on merges. Under FewestMerges a plan that brings
// every unplaced key village with an available candidate to its floor
// merges, in each of its groups, (size − 1) villages for the group's keys.
// The shares bound charges each key its least share of merges: ½ only for
// a key with an available pair of two keys (a pure pair), at least ⅔
// otherwise, since a group of three or more keys merges at least ⅔ of
// them and a group with a village at its floor at least as many as its
// keys (1 for any group but a pure pair when K = 2). So every key of a
// pure pair that the plan does not merge in a pure pair pays at least ⅔
// (1) where the shares charged ½, and the pure pairs a plan merges are a
// matching in the graph of the available pure pairs: at least P − 2ν of
// its P keys pay the difference, ν the size of its largest matching
// (Edmonds' blossoms). The shares alone miss the odd parts of that graph
// (a key whose partners are all taken by others): on synth's Hồ Chí Minh
// City wards they stopped one to eight merges short of the optimum.
//
// A pure pair is available exactly when its two keys are unplaced, so the
// graph of a state is the root's graph on the unplaced keys; the matching
// of the state searched last, less its placed keys, starts the next one.

// pairGraph is the graph of the component's pure pairs.
type pairGraph struct {
	village []int   // per vertex: its key village
	vertex  []int32 // per village: its vertex, −1 if none
	adj     [][]int // the root's graph
	// The state's graph and matching, and Edmonds' scratch.
	alive, used, blossom, inPath []bool
	match, p, base, q, roots     []int
	tree, path, spoilt           []int
	live                         pairLive
}

// initPairs builds the pure-pair graph (FewestMerges under the adjacency
// rule only: without it a key pairs with most keys, the graph is dense and
// has a near-perfect matching; on Phú Thọ without adjacency the bound
// proved no more communes, 93.92 % either way).
func (s *searcher) initPairs() {
	if s.in.opt.Goal != FewestMerges || s.avail == nil {
		return
	}
	g := &pairGraph{}
	vertex := map[int]int{}
	at := func(v int) int {
		x, ok := vertex[v]
		if !ok {
			x = len(g.village)
			vertex[v] = x
			g.village = append(g.village, v)
			g.adj = append(g.adj, nil)
		}
		return x
	}
	for _, c := range s.cands {
		if len(c.members) != 2 || c.keys != 2 {
			continue
		}
		a, b := at(c.members[0]), at(c.members[1])
		g.adj[a], g.adj[b] = append(g.adj[a], b), append(g.adj[b], a)
	}
	if len(g.village) == 0 {
		return
	}
	g.vertex = make([]int32, s.in.n)
	for v := range g.vertex {
		g.vertex[v] = -1
	}
	for x, v := range g.village {
		g.vertex[v] = int32(x)
	}
	g.alloc()
	for x, v := range g.village {
		g.setAlive(x, !s.used[v])
	}
	g.sync()
	s.pg = g
	s.avail.pg = g
}

// alloc sizes the state and the scratch for the graph's vertices, at
// rest: none alive, no pair matched.
func (g *pairGraph) alloc() {
	n := len(g.adj)
	g.alive, g.used, g.blossom, g.inPath = make([]bool, n), make([]bool, n), make([]bool, n), make([]bool, n)
	g.match, g.p, g.base, g.q = make([]int, n), make([]int, n), make([]int, n), make([]int, 0, n)
	g.live = newPairLive(n)
	g.reset()
}

// reset puts the scratch at rest, with no pair matched.
func (g *pairGraph) reset() {
	for i := range g.match {
		g.match[i], g.p[i], g.base[i] = -1, -1, i
	}
}

// unmatched completes the matching by Edmonds' blossom algorithm and
// returns how many live vertices with a live neighbour it leaves out.
// Its roots are the free ones (sync first), in vertex order as before.
func (g *pairGraph) unmatched() int {
	g.roots = g.live.appendFree(g.roots[:0])
	left := 0
	for _, v := range g.roots {
		if g.match[v] >= 0 {
			continue // the end of an earlier augmenting path
		}
		u := g.augmenting(v)
		if u < 0 {
			// A Hungarian tree: no augmenting path passes through
			// it later, and the later searches leave it out (alive
			// false until the end).
			left++
			for _, w := range g.tree {
				if g.alive[w] {
					g.alive[w] = false
					g.spoilt = append(g.spoilt, w)
				}
			}
			continue
		}
		g.live.setFree(v, false)
		g.live.setFree(u, false)
		for u >= 0 {
			pv := g.p[u]
			ppv := g.match[pv]
			g.match[u], g.match[pv] = pv, u
			u = ppv
		}
	}
	for _, w := range g.spoilt {
		g.alive[w] = true
	}
	g.spoilt = g.spoilt[:0]
	return left
}

func (g *pairGraph) lca(a, b int) int {
	path := g.path[:0]
	for {
		a = g.base[a]
		g.inPath[a] = true
		path = append(path, a)
		if g.match[a] < 0 {
			break
		}
		a = g.p[g.match[a]]
	}
	g.path = path
	for {
		b = g.base[b]
		if g.inPath[b] {
			break
		}
		b = g.p[g.match[b]]
	}
	for _, x := range path {
		g.inPath[x] = false
	}
	return b
}

func (g *pairGraph) markPath(v, b, child int) {
	for g.base[v] != b {
		g.blossom[g.base[v]], g.blossom[g.base[g.match[v]]] = true, true
		g.p[v] = child
		child = g.match[v]
		v = g.p[g.match[v]]
	}
}

// augmenting searches an augmenting path from the free vertex root and
// returns its other end (−1: none); g.p holds the path and g.tree the
// vertices reached. The scratch is reset over the last tree only (at
// rest: used false, p −1, base itself).
func (g *pairGraph) augmenting(root int) int {
	for _, x := range g.tree {
		g.used[x], g.p[x], g.base[x] = false, -1, x
	}
	g.tree = append(g.tree[:0], root)
	g.used[root] = true
	g.q = append(g.q[:0], root)
	for h := 0; h < len(g.q); h++ {
		v := g.q[h]
		for _, to := range g.adj[v] {
			if !g.alive[to] || g.base[v] == g.base[to] || g.match[v] == to {
				continue
			}
			if to == root || g.match[to] >= 0 && g.p[g.match[to]] >= 0 {
				g.contract(v, to)
			} else if g.p[to] < 0 {
				g.p[to] = v
				g.tree = append(g.tree, to)
				if g.match[to] < 0 {
					return to
				}
				g.used[g.match[to]] = true
				g.tree = append(g.tree, g.match[to])
				g.q = append(g.q, g.match[to])
			}
		}
	}
	return -1
}

// contract shrinks the blossom closed by the edge v–to.
func (g *pairGraph) contract(v, to int) {
	cur := g.lca(v, to)
	g.markPath(v, cur, to)
	g.markPath(to, cur, v)
	for _, i := range g.tree {
		if g.blossom[g.base[i]] {
			g.base[i] = cur
			if !g.used[i] {
				g.used[i] = true
				g.q = append(g.q, i)
			}
		}
	}
	for _, i := range g.tree {
		g.blossom[i] = false
	}
}

// pairExtra is the scaled merges the pairing bound adds to the shares'
// sum for d keys of pure pairs left out of the largest matching: each
// pays ⅔ (1 when K = 2) where the shares charged ½.
func (s *searcher) pairExtra(d int) int64 {
	if s.in.k == 2 {
		return int64(d) * s.scale / 2
	}
	return int64(d) * s.scale / 6
}

// rootPairs is pairExtra at the root (0 without pure pairs).
func (s *searcher) rootPairs() int64 {
	if s.pg == nil || s.pg.sync() == 0 {
		return 0
	}
	return s.pairExtra(s.pg.unmatched())
}

// pairBound tightens b, a node's scaled bound at value so far, by the
// pairing bound's merges (sum: pick's sums, its covered level whole),
// charging only the least households moved (least, leastMoved's when the
// adjacency rule holds, else 0): the shares' moved sum holds for plans at
// the shares' merges alone. The matching is completed only when the bound
// with every free vertex unmatched (every unplaced vertex, first) prunes
// the node.
func (s *searcher) pairBound(value, b int64, sum [3]int64, least int64) int64 {
	at := func(d int) int64 {
		return value*s.scale + s.rounded([3]int64{sum[0], sum[1] + s.pairExtra(d), 0}, least)
	}
	unplaced := s.index().unplacedPairs() // at least the free vertices: a cheaper first test
	if unplaced == 0 || at(unplaced) > s.best*s.scale {
		return b
	}
	free := s.pg.sync()
	if free == 0 || at(free) > s.best*s.scale {
		return b
	}
	return min(b, at(s.pg.unmatched()))
}
