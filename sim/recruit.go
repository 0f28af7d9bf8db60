package sim

import (
	"math"
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// unitState is a unit's recruitment in a replication: its stream and its
// pool of candidates, side by side since a search reads them together.
type unitState struct {
	rng    rand.PCG
	seeded bool // rng is seeded
	drawn  bool // the pool is drawn
	// Indexed by whether party members are needed: the pool, its yearly
	// chance of filling a vacancy, and the monthly chance derived from
	// that with its log-complement, worked out once (known) for
	// scheduleRecruit.
	pool   [2]int32
	fill   [2]float64
	known  [2]bool
	pm     [2]float64
	lnKeep [2]float64
}

// poolTables hold, for the candidate rule of the first month (rules
// rarely change), each unit's e^−mean of its party and other candidates
// and the chance of filling a vacancy from a pool of n, so that drawing a
// pool computes no exponential or power.
type poolTables struct {
	rule   model.CandidateRule
	means  [][2]float64 // by unit: party members, others
	expNeg [][2]float64 // e^−mean of those
	fills  []float64    // by pool size
}

// poolMeans splits the mean pool of unit u under rule into its party
// members and the others.
func (w *world) poolMeans(u int32, rule model.CandidateRule) (party, others float64) {
	mean := float64(w.units[u].Population) / 1000 * rule.PerThousand
	share := min(max(rule.PartyShare, 0), 1)
	return mean * share, mean * (1 - share)
}

// preparePools fills w.pools for the first month's candidate rule.
func (w *world) preparePools() {
	t := &w.pools
	t.rule = w.monthly[0].candidates
	t.means = make([][2]float64, len(w.units))
	t.expNeg = make([][2]float64, len(w.units))
	for u := range w.units {
		mp, mo := w.poolMeans(int32(u), t.rule)
		t.means[u] = [2]float64{mp, mo}
		t.expNeg[u] = [2]float64{math.Exp(-mp), math.Exp(-mo)}
	}
	t.fills = make([]float64, 256)
	for n := range t.fills {
		t.fills[n] = t.rule.FillProbability(n)
	}
}

// fill is rule.FillProbability(n), from the table when it has it.
func (t *poolTables) fill(rule model.CandidateRule, n int) float64 {
	if rule == t.rule && n < len(t.fills) {
		return t.fills[n]
	}
	return rule.FillProbability(n)
}

// pool returns unit u's candidates (all, and party members), drawn once
// per replication: Poisson with mean residents/1000 × PerThousand, thinned
// by PartyShare. Thinning a Poisson count gives two independent Poisson
// counts, party members and the others, so the pool is drawn as those two:
// two draws, where thinning took one per candidate.
func (r *rep) pool(u int32, party bool) int {
	us := &r.units[u]
	if !us.drawn {
		us.drawn = true
		w := r.w
		rule := w.monthly[r.month].candidates
		g := r.unitRNG(u)
		var np, no int
		if rule == w.pools.rule {
			m, e := &w.pools.means[u], &w.pools.expNeg[u]
			np, no = poissonExp(g, m[0], e[0]), poissonExp(g, m[1], e[1])
		} else {
			mp, mo := w.poolMeans(u, rule)
			np, no = poisson(g, mp), poisson(g, mo)
		}
		n := np + no
		us.pool = [2]int32{int32(n), int32(np)}
		us.fill = [2]float64{w.pools.fill(rule, n), w.pools.fill(rule, np)}
	}
	return int(us.pool[b2i(party)])
}

// fillProbability is the chance a year's search finds someone for d.
func (r *rep) fillProbability(d int32) float64 {
	n := &r.now[d].needs
	if n.unit < 0 {
		return 0 // no seats
	}
	r.pool(n.unit, n.party)
	return r.units[n.unit].fill[b2i(n.party)]
}

// scheduleRecruit draws when a recruit will be found for d between
// elections: only for bundles with appointed titles, since elected titles
// change hands at elections.
func (r *rep) scheduleRecruit(d int32) {
	w := r.w
	n := &r.now[d].needs
	if !n.appointed {
		return
	}
	q := r.fillProbability(d)
	if q <= 0 {
		return
	}
	g := r.unitRNG(n.unit)
	// q is the unit's, fixed once its pool is drawn: so are these.
	us, p := &r.units[n.unit], b2i(n.party)
	if !us.known[p] {
		us.known[p] = true
		us.pm[p] = 1 - math.Pow(1-q, 1.0/12)
		us.lnKeep[p] = math.Log(1 - us.pm[p])
	}
	delay := 1
	if us.pm[p] < 1 {
		delay = 1 + int(math.Floor(math.Log(max(uniform(g), 1e-300))/us.lnKeep[p]))
	}
	if r.month+delay >= w.months {
		return
	}
	r.gen[d]++
	m := r.month + delay
	r.pending[m] = append(r.pending[m], recruitEvent{d, r.gen[d]})
}

// recruitDue brings in the recruits found this month, in the order they
// were scheduled.
func (r *rep) recruitDue(m int) {
	// Hiring never schedules into the current month (delays are at least
	// one month), so the bucket does not grow while it is read.
	for _, ev := range r.pending[m] {
		if ev.gen != r.gen[ev.det] || r.repOf[ev.det] >= 0 || len(r.now[ev.det].seats) == 0 {
			continue
		}
		r.hire(ev.det, false)
	}
}

// hire brings in a recruit to stand for d; between elections only the
// appointed titles pass to them.
func (r *rep) hire(d int32, all bool) int32 {
	w := r.w
	n := &r.now[d].needs
	party, edu := n.party, n.edu
	g := r.unitRNG(n.unit)
	rule := w.monthly[r.month].candidates
	sex := model.Male
	if g.Uint64()&1 == 1 {
		sex = model.Female
	}
	if !party && uniform(g) < rule.PartyShare {
		party = true
	}
	edu = max(edu, model.EduUpperSec)
	r.gen[d]++
	i := r.addPerson(d, w.monthly[r.month].recruitRetire[sex], int32(r.month), float32(RecruitCapacity), edu, party, sex,
		r.seedA, w.hash[d]^uint64(r.gen[d])*0x9e3779b97f4a7c15)
	r.repOf[d] = i
	r.out[RecruitmentCost][r.year] += float64(w.monthly[r.month].recruitCost)
	r.give(d, i, all)
	return i
}

// give hands d's seats to person i (only appointed ones unless all), ending
// covers on them.
func (r *rep) give(d, i int32, all bool) {
	w := r.w
	b := r.now[d].seats
	live := w.epochs[max(r.epoch-1, 0)].live
	complete := true
	for _, ref := range b {
		k := ref >> 1
		if !live[k] || r.holder[k] == i {
			continue
		}
		if !all && w.elected[r.seatTitle(k)] {
			complete = false
			continue
		}
		if h := r.holder[k]; h >= 0 {
			if !r.cover[k] {
				complete = false
				continue // held for real by someone else: cannot happen with consistent plans
			}
			r.endCover(k)
		}
		r.addSeat(i, k, false)
	}
	r.refresh(i)
	if complete && r.deficient[d] {
		r.deficient[d] = false
	} else if !complete {
		r.markDeficient(d)
	}
}
