package sim

import (
	"hash/fnv"
	"math"
	"math/bits"
	"math/rand/v2"
)

// mix derives a replication's seed from the master seed (SplitMix64's
// finaliser), so neighbouring replications get unrelated streams.
func mix(seed, k, salt uint64) uint64 {
	z := seed + 0x9e3779b97f4a7c15*(k+1) + salt
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// fmix64 is SplitMix64's finaliser: a bijective mix of all 64 bits.
func fmix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// streamKey is the key of a person's yearly draws from two seeds: the
// replication's and the person's.
func streamKey(a, h uint64) uint64 { return fmix64(a ^ fmix64(h+0x9e3779b97f4a7c15)) }

// frac12 maps u in [lo, hi) to a month 0–11 uniformly.
func frac12(u, lo, hi uint64) int32 {
	span := hi - lo
	if span == 0 {
		return 0
	}
	hi64, lo64 := bits.Mul64(u-lo, 12)
	q, _ := bits.Div64(hi64, lo64, span) // ⌊12·(u−lo)/span⌋ without overflow
	return int32(min(q, 11))
}

// threshold turns probability p into the bound a uniform 64-bit draw
// falls below with that probability.
func threshold(p float64) uint64 {
	if p <= 0 {
		return 0
	}
	if p >= 1 {
		return math.MaxUint64
	}
	return uint64(p * (1 << 64))
}

// hashString is the FNV-1a hash of s: the key of a person's ID, of a
// unit's code, or of a scenario's name (Config.Independent).
func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// unitRNG returns unit u's stream in this replication, seeding it on first
// use.
func (r *rep) unitRNG(u int32) *rand.PCG {
	us := &r.units[u]
	if !us.seeded {
		us.seeded = true
		us.rng.Seed(r.seedA^0x5bd1e995, r.w.unitHash[u])
	}
	return &us.rng
}

// uniform draws a float64 in [0, 1) from g's top 53 bits.
func uniform(g *rand.PCG) float64 { return float64(g.Uint64()>>11) / (1 << 53) }

// poisson draws a Poisson variate by inversion (means here are small:
// a few candidates per village, tens per commune); large means use the
// normal approximation.
func poisson(g *rand.PCG, mean float64) int {
	return poissonExp(g, mean, math.Exp(-mean))
}

// poissonExp is poisson with e^−mean worked out beforehand.
func poissonExp(g *rand.PCG, mean, expNeg float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 500 {
		n := math.Round(mean + math.Sqrt(mean)*normal(g))
		return int(max(n, 0))
	}
	u := uniform(g)
	p := expNeg
	c := p
	n := 0
	for u > c && n < 10000 {
		n++
		p *= mean / float64(n)
		c += p
	}
	return n
}

// normal draws a standard normal variate from g (Box–Muller).
func normal(g *rand.PCG) float64 {
	u1 := max(uniform(g), 1e-300)
	u2 := uniform(g)
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}
