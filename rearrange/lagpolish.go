package rearrange

import (
	"math"
	"slices"
)

// The multipliers of the subgradient steps (lagsteps.go) are polished
// before the shares are taken. Let s_v(u) be key v's least share under
// u. The shares of a candidate under u sum to its cost and s takes at
// most each, so s(u) is dual feasible (Σ_{v∈g} s_v ≤ m_g for every
// candidate g), and under s(u) every key's least share is at least
// s_v(u): the shares bound never falls from u to s(u). A few rounds of
// u ← s(u) cost what as many steps do and raise the bound where the
// steps stopped short; on the country they save about 0.5 % of the
// nodes. (The bound holds for any multipliers: this only chooses them.)

// lagPolish is the most fixed-point rounds of polished.
const lagPolish = 10

// polished improves the run's best multipliers by rounds of u ← s(u)
// and returns those of the last round that raised the shares bound (the
// run's own are kept, for the steps to resume from).
func (r *lagRun) polished(keys []int) []float64 {
	best, out := r.best, slices.Clone(r.bestU)
	cur, next := slices.Clone(out), make([]float64, len(out))
	r.st.weigh(cur)
	for round := 0; round <= lagPolish; round++ {
		sum := 0.0
		for i, v := range keys {
			least := r.st.least(i, cur[v])
			next[v] = least / lagDen
			sum += float64(int64(math.Floor(least)) - 1)
		}
		if sum /= lagDen; round > 0 {
			if sum <= best {
				break
			}
			best = sum
			copy(out, cur)
		}
		cur, next = next, cur
		r.st.weigh(cur)
	}
	return out
}

// weigh sums each candidate's key weight at u into tot.
func (st *lagSteps) weigh(u []float64) {
	for j := range st.tot {
		tot := 0.0
		for _, w := range st.keys[st.start[j]:st.start[j+1]] {
			tot += u[w]
		}
		st.tot[j] = tot
	}
}
