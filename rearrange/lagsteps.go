package rearrange

import "math"

// The subgradient steps that fix the Lagrangian multipliers (lagrange.go)
// read every candidate's keys some 300 times, two passes a step: the
// Lagrangian L(u) and its subgradient, then the shares bound of the new
// multipliers, for which each candidate's key weight Σ u is summed again.
// Both need the same sums at the same u, so one pass a step gives both:
// the shares bound of a step's u is taken at the start of the next step,
// from the weights its pass summed. The keys and the candidates are read
// from flat arrays. The floats are the same, summed in the same order, as
// keyWeight and lagExact sum them: the multipliers, and so the search,
// are those of the two passes.
type lagSteps struct {
	start  []int32   // per candidate j: its keys are keys[start[j]:start[j+1]]
	keys   []int32   // candidates' keys, in member order
	byKey  []int32   // per key (in s.keys order): its candidates, from from[i]
	from   []int32   // per key: its first entry in byKey; one more at the end
	scaled []float64 // per candidate: its cost·lagDen
	even   []float64 // per candidate: cost·lagDen / its keys (a weight of 0)
	tot    []float64 // per candidate: its key weight at the current u
}

// newLagSteps lays out the candidates' keys and costs for the steps.
func (s *searcher) newLagSteps(cost []float64) *lagSteps {
	st := &lagSteps{start: make([]int32, len(s.cands)+1), from: make([]int32, len(s.keys)+1),
		scaled: make([]float64, len(s.cands)), even: make([]float64, len(s.cands)),
		tot: make([]float64, len(s.cands))}
	for j, ks := range s.candKeys {
		st.keys = append(st.keys, ks...)
		st.start[j+1] = int32(len(st.keys))
		st.scaled[j] = cost[j] * lagDen
		st.even[j] = cost[j] * lagDen / float64(s.cands[j].keys)
	}
	for i, v := range s.keys {
		for _, j := range s.byKey[v] {
			st.byKey = append(st.byKey, int32(j))
		}
		st.from[i+1] = int32(len(st.byKey))
	}
	return st
}

// lagRun is the subgradient steps on one cost, which a later build of
// the bound resumes where an earlier one stopped: the multipliers are
// those of one run of as many steps.
type lagRun struct {
	st          *lagSteps
	cost        []float64
	u, grad     []float64
	bestU       []float64 // the multipliers whose shares bound the root best
	best, step  float64
	stall, idle int // steps, halvings without a better bound
	k           int // the steps taken; u's bound is yet to be taken
	over        bool
}

// newLagRun starts the steps from the shares bound's multipliers (each
// key's least share of cost).
func (s *searcher) newLagRun(cost []float64) *lagRun {
	r := &lagRun{st: s.newLagSteps(cost), cost: cost, u: make([]float64, s.in.n),
		grad: make([]float64, s.in.n), step: 0.5}
	for _, v := range s.keys {
		r.u[v] = math.Inf(1)
		for _, j := range s.byKey[v] {
			r.u[v] = min(r.u[v], cost[j]/float64(s.cands[j].keys))
		}
	}
	return r
}

// advance runs the steps up to the steps-th (lagStepsMax: to the end)
// and reports whether the best multipliers changed.
func (r *lagRun) advance(keys []int, steps int) bool {
	changed := false
	for !r.over {
		l := r.st.pass(keys, r.cost, r.u, r.grad)
		if v := r.st.rootShares(keys, r.u); r.k == 0 || v > r.best {
			r.best, r.stall, r.idle = v, 0, 0
			r.bestU = append(r.bestU[:0], r.u...)
			changed = true
		} else if r.stall++; r.stall >= 20 {
			r.step, r.stall = r.step/2, 0
			if r.idle++; r.idle >= lagIdle {
				r.over = true
				break
			}
		}
		if r.k == lagStepsMax || !lagStep(keys, r.u, r.grad, l, r.best, r.step) {
			r.over = true
			break
		}
		if r.k++; r.k == steps && steps < lagStepsMax {
			break
		}
	}
	return changed
}

// pass sums each candidate's key weight at u (into tot) and returns the
// Lagrangian L(u), its subgradient in grad.
func (st *lagSteps) pass(keys []int, cost, u, grad []float64) float64 {
	l := 0.0
	for _, v := range keys {
		l += u[v]
		grad[v] = 1
	}
	for j := range st.tot {
		ks := st.keys[st.start[j]:st.start[j+1]]
		tot, red := 0.0, cost[j]
		for _, w := range ks {
			tot += u[w]
			red -= u[w]
		}
		st.tot[j] = tot
		if red < 0 {
			l += red
			for _, w := range ks {
				grad[w]--
			}
		}
	}
	return l
}

// lagAim: each step aims at a bound lagAim % above the best so far (at
// least lagAim merges or households). Aiming 1 % above, the steps gain in
// small increments; at 8 % the first 300 steps on synth's Hồ Chí Minh
// City wards come near what 1,300 steps reached at 1 %, and the whole
// country's search takes 4.4 million nodes instead of 4.8 (4 % and 16 %
// do less well).
const lagAim = 8

// lagStep moves u along the subgradient grad towards a target above the
// best bound so far; false when the subgradient is 0 (u is optimal).
func lagStep(keys []int, u, grad []float64, l, best, step float64) bool {
	norm := 0.0
	for _, v := range keys {
		norm += grad[v] * grad[v]
	}
	if norm == 0 {
		return false
	}
	top := max(best, l)
	target := top + max(lagAim, top*lagAim/100)
	t := step * (target - l) / norm
	for _, v := range keys {
		u[v] = max(0, u[v]+t*grad[v])
	}
	return true
}

// rootShares is the sum over the keys of their least share under u, the
// key weights at u in tot (float: only to choose the multipliers).
func (st *lagSteps) rootShares(keys []int, u []float64) float64 {
	sum := 0.0
	for i, v := range keys {
		// Rounding down is monotone: the least share is the least
		// exact share rounded, as lagShareOf rounds (the shares are
		// below 2⁵³, where the int64 and float64 agree).
		sum += float64(int64(math.Floor(st.least(i, u[v]))) - 1)
	}
	return sum / lagDen
}

// least is the i-th key's least exact share under multiplier uv, the
// key weights in tot.
func (st *lagSteps) least(i int, uv float64) float64 {
	least := math.Inf(1)
	for _, j := range st.byKey[st.from[i]:st.from[i+1]] {
		if tot := st.tot[j]; tot > 0 {
			least = min(least, st.scaled[j]*uv/tot)
		} else {
			least = min(least, st.even[j])
		}
	}
	return least
}
