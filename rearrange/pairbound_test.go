package rearrange

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestPairGraphUnmatched compares the blossom matching with a brute force
// on random graphs, sparse and dense (odd cycles, blossoms), each on a
// series of random live subsets that start from the last matching, as a
// search's states do.
func TestPairGraphUnmatched(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 185))
	for trial := range 1000 {
		n := 1 + r.IntN(14)
		density := []float64{0.15, 0.3, 0.6}[trial%3]
		g := &pairGraph{adj: make([][]int, n)}
		nb := make([]uint32, n)
		for i := range n {
			for j := i + 1; j < n; j++ {
				if r.Float64() < density {
					g.adj[i], g.adj[j] = append(g.adj[i], j), append(g.adj[j], i)
					nb[i], nb[j] = nb[i]|1<<j, nb[j]|1<<i
				}
			}
		}
		g.alloc()
		for state := range 6 {
			var set uint32
			for x := range n {
				alive := state == 0 || r.IntN(4) > 0
				if r.IntN(3) == 0 { // placed and freed between two nodes
					g.setAlive(x, !alive)
				}
				g.setAlive(x, alive)
				if alive {
					set |= 1 << x
				}
			}
			free, kept := g.sync(), matched(g)
			live := 0
			for x := range n {
				if set&(1<<x) != 0 && nb[x]&set != 0 {
					live++
				}
			}
			want := live - 2*bruteMatching(nb, set, map[uint32]int{})
			got := g.unmatched()
			// The free counts, kept as vertices flip, against a count.
			if got != want || free < got || free != live-kept || g.sync() != got {
				t.Fatalf("trial %d state %d (n %d): %d unmatched (%d free before, %d after), want %d (%d free)",
					trial, state, n, got, free, g.sync(), want, live-kept)
			}
		}
	}
}

// matched counts the matched vertices; the matching keeps only live ones.
func matched(g *pairGraph) int {
	n := 0
	for x, m := range g.match {
		if m >= 0 {
			if !g.alive[x] || g.match[m] != x {
				return -1 << 20
			}
			n++
		}
	}
	return n
}

// bruteMatching is the size of the largest matching of the graph nb on
// the vertices of set.
func bruteMatching(nb []uint32, set uint32, memo map[uint32]int) int {
	if set == 0 {
		return 0
	}
	if m, ok := memo[set]; ok {
		return m
	}
	v := bits.TrailingZeros32(set)
	rest := set &^ (1 << v)
	best := bruteMatching(nb, rest, memo)
	for m := nb[v] & rest; m != 0; m &= m - 1 {
		u := bits.TrailingZeros32(m)
		best = max(best, 1+bruteMatching(nb, rest&^(1<<u), memo))
	}
	memo[set] = best
	return best
}
