package rearrange

import (
	"cmp"
	"math"
	"slices"
)

// The Lagrangian bound on merges. Under FewestMerges a plan that brings
// every unplaced key village with an available candidate to its floor
// covers each of those keys exactly once by an available candidate, and
// merges, in each of its groups g, m_g = |g| − 1 villages. Split each
// candidate's merges among its keys in proportion to multipliers u > 0:
// key v's share of g is m_g·u_v / Σ_{w∈g} u_w (the shares of a group sum
// to its merges); then such a plan merges at least the sum, over the
// unplaced keys, of the least share of an available candidate holding
// them. With u equal for every key this is the shares bound; with u the
// LP dual of "cover each key" (any u ≥ 0 with Σ_{v∈g} u_v ≤ m_g) each
// key's least share is at least u_v, and the bound at least the LP
// relaxation of the set partitioning, which on synth's Hồ Chí Minh City
// wards is nearly tight where the shares and the pairing bound stopped
// one to three merges short. The multipliers are fixed once per component
// by subgradient steps on the Lagrangian dual
//
//	L(u) = Σ_v u_v + Σ_g min(0, m_g − Σ_{v∈g} u_v),
//
// keeping those whose shares bound the root best. The same split of each
// candidate's households moved, with multipliers of its own, bounds the
// disruption (the third level) where the least moved share per key does.
// The bound holds for any multipliers, so only the arithmetic matters:
// shares are whole numbers of 1/lagDen merges (households), rounded down
// (less one, against the float's rounding), and the sum is rounded up.

const (
	lagDen      = 1 << 20 // shares are in 1/lagDen merges
	lagStepsMax = 300     // subgradient steps, at most
	// lagIdle: the steps stop after this many halvings of the step
	// without a better bound.
	lagIdle = 3
)

// lagAfter is the nodes a component's search spends before the bound is
// built: most components are proven sooner, and pay nothing. (A variable
// for the tests, which build it at once.) It is built then with the
// multipliers of lagFirst subgradient steps, and again once the search
// passes lagMore nodes with those of lagStepsMax, the steps resumed: a
// component proven soon after lagAfter nodes pays few steps (on the
// country, 300 steps at once cost 0.8 s of 11), and a long search has
// the better multipliers (see lagAim; 600 steps rather than 300 save
// nodes but not instructions). The first build being cheap, it pays from
// 1,000 nodes (from 2,000: 6 % more instructions on the country). The
// clusters (clusterbound.go) cost more to build and to evaluate, and
// wait for clusterAfter nodes: on the country, built at 2,000 nodes they
// save 11 % of the nodes but cost 6 % more instructions than at 16,000,
// and never built, 42 % more.
var lagAfter, lagMore, clusterAfter int64 = 1000, 10000, 16000

const lagFirst = 100

// lagSkew scales the costs the shares split: 1, but the test that a
// wrong bound is caught overstates them.
var lagSkew = 1.0

// lagrange holds the per-key shares, least first.
type lagrange struct {
	byKey   [][]lagShare // per village (keys only): shares of merges
	byMoved [][]lagShare // per village: shares of households moved
}

type lagShare struct {
	cand  int
	share int64 // 1/lagDen merges, rounded down
}

// initLagrange builds the bound (FewestMerges under the adjacency rule,
// as the pairing bound; see lagAfter) with the multipliers of the first
// steps subgradient steps, or rebuilds it with those of more steps. It
// reports whether it built one.
func (s *searcher) initLagrange(steps int) bool {
	first := s.lagBuilt == 0
	s.lagBuilt = steps
	if s.in.opt.Goal != FewestMerges || s.avail == nil || len(s.keys) == 0 {
		return false
	}
	if first {
		s.candKeys = s.keysOfCands()
		merges, moved := make([]float64, len(s.cands)), make([]float64, len(s.cands))
		for j := range s.cands {
			merges[j], moved[j] = lagSkew*float64(len(s.cands[j].members)-1), lagSkew*float64(s.cands[j].moved)
		}
		s.lagRuns = [2]*lagRun{s.newLagRun(merges), s.newLagRun(moved)}
	}
	changed := s.lagRuns[0].advance(s.keys, steps)
	changed = s.lagRuns[1].advance(s.keys, steps) || changed
	if !first && !changed {
		return false
	}
	s.lg = &lagrange{byKey: s.lagShares(s.lagRuns[0]), byMoved: s.lagShares(s.lagRuns[1])}
	x := s.index()
	x.lagMerges = x.setRanking(x.lagMerges, lagList(s.lg.byKey), 1, lagValue(s.lg.byKey))
	x.lagMovedR = x.setRanking(x.lagMovedR, lagList(s.lg.byMoved), 1, lagValue(s.lg.byMoved))
	return true
}

// lagValue gives a ranking of by its shares.
func lagValue(by [][]lagShare) func(v, p int, out []int64) {
	return func(v, p int, out []int64) { out[0] = by[v][p].share }
}

// lagList is the candidates of by, per key, in its order.
func lagList(by [][]lagShare) [][]int {
	out := make([][]int, len(by))
	for v, xs := range by {
		for _, x := range xs {
			out[v] = append(out[v], x.cand)
		}
	}
	return out
}

// lagShares returns, per key, its shares of r's cost under the
// multipliers that bound the root best so far, least first.
func (s *searcher) lagShares(r *lagRun) [][]lagShare {
	u, cost := r.polished(s.keys), r.cost
	out := make([][]lagShare, s.in.n)
	for _, v := range s.keys {
		for _, j := range s.byKey[v] {
			out[v] = append(out[v], lagShare{j, s.lagShare(u, cost, j, v)})
		}
		slices.SortStableFunc(out[v], func(a, b lagShare) int { return cmp.Compare(a.share, b.share) })
	}
	return out
}

// lagShare is key v's share of candidate j's merges under multipliers u,
// in 1/lagDen merges, rounded down and less one so that the shares of a
// candidate never sum above its merges.
func (s *searcher) lagShare(u, cost []float64, j, v int) int64 {
	return s.lagShareOf(u[v], s.keyWeight(u, j), cost[j], j)
}

// keyWeight is Σ u over candidate j's keys, in member order (the shares
// of rootShares and lagShares must be the same floats).
func (s *searcher) keyWeight(u []float64, j int) float64 {
	var tot float64
	for _, w := range s.candKeys[j] {
		tot += u[w]
	}
	return tot
}

// keysOfCands lists each candidate's keys in member order: the
// subgradient steps read them 300 times.
func (s *searcher) keysOfCands() [][]int32 {
	out := make([][]int32, len(s.cands))
	var all []int32
	for _, g := range s.cands {
		for _, v := range g.members {
			if s.in.isKey(v) {
				all = append(all, int32(v))
			}
		}
	}
	for j, g := range s.cands {
		n := 0
		for _, v := range g.members {
			if s.in.isKey(v) {
				n++
			}
		}
		out[j], all = all[:n:n], all[n:]
	}
	return out
}

// lagShareOf is lagShare with candidate j's key weight tot known.
func (s *searcher) lagShareOf(uv, tot, m float64, j int) int64 {
	return int64(math.Floor(s.lagExact(uv, tot, m, j))) - 1
}

// lagExact is lagShareOf before it is rounded down.
func (s *searcher) lagExact(uv, tot, m float64, j int) float64 {
	if tot > 0 {
		return m * lagDen * uv / tot
	}
	return m * lagDen / float64(s.cands[j].keys)
}

// lagMerges is the least merges, in whole merges, of a plan that brings
// every unplaced key with an available candidate to its floor.
func (s *searcher) lagMerges() int64 {
	x := s.index()
	return lagRound(x.total(x.lagMerges)[0])
}

// lagMoved is the scaled least households moved, rounded up to whole
// households, of a plan that brings every unplaced key with an available
// candidate to its floor.
func (s *searcher) lagMoved() int64 {
	x := s.index()
	return lagRound(x.total(x.lagMovedR)[0]) * s.scale
}

// lagRound rounds sum, the sum over the unplaced keys of their least
// share of an available candidate (kept by the key index), up to a whole
// number.
func lagRound(sum int64) int64 {
	if sum <= 0 {
		return 0
	}
	return (sum + lagDen - 1) / lagDen
}

// lagBound tightens b, a node's scaled bound at value so far, by the
// Lagrangian bound's merges (sum: pick's sums, its covered level whole),
// charging only the least households moved (least), as pairBound does.
func (s *searcher) lagBound(value, b int64, sum [3]int64, least int64) int64 {
	m := s.lagMerges()
	if m*s.scale <= sum[1] {
		return b
	}
	return min(b, value*s.scale+s.rounded([3]int64{sum[0], m * s.scale, 0}, least))
}

// lagReady builds the bound once the search has spent lagAfter nodes,
// and again with more steps after lagMore (see lagAfter), the clusters
// after clusterAfter nodes and again with each rebuild, and reports
// whether it has the bound.
func (s *searcher) lagReady() bool {
	rebuilt := false
	switch {
	case s.lagBuilt == 0 && s.nodes > lagAfter:
		rebuilt = s.initLagrange(lagFirst)
	case s.lg != nil && s.lagBuilt < lagStepsMax && s.nodes > lagMore:
		rebuilt = s.initLagrange(lagStepsMax)
	}
	if s.lg != nil && s.nodes > clusterAfter && (rebuilt || s.cb == nil) {
		s.initClusters()
	}
	return s.lg != nil
}
