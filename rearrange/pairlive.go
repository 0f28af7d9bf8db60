package rearrange

import "math/bits"

// The pairing bound's state kept in step with the search. Each node used
// to rebuild the graph of the unplaced keys and drop the dead pairs of
// the last matching by walking every vertex (up to ~190 on synth's
// country, ~6 % of its CPU). availMemo.place, the one point where villages
// are placed and freed, now only flips a vertex's alive flag and lists
// it; sync, at the next node that asks, brings the counts of live
// neighbours and the set of free vertices (alive, with a live neighbour,
// unmatched) up to date for the listed vertices whose flag changed since
// (most flip back first: updating at each flip cost more than the walk)
// and drops their dead pairs. A pair whose vertex died and came back in
// between is kept, as the walk kept it: the matching, hence every count
// and the search, is the same as before.

// pairLive is the incremental part of a pairGraph's state.
type pairLive struct {
	synced  []bool   // per vertex: its alive flag at the last sync
	liveNb  []int32  // per vertex: its live neighbours at the last sync
	free    []uint64 // bit x: x alive, with a live neighbour, unmatched
	nFree   int
	dirty   []int // the vertices whose alive flag flipped since sync
	isDirty []bool
	touched []int // sync's: the vertices to recheck
	isTouch []bool
}

func newPairLive(n int) pairLive {
	return pairLive{synced: make([]bool, n), liveNb: make([]int32, n), free: make([]uint64, (n+63)/64),
		isDirty: make([]bool, n), isTouch: make([]bool, n)}
}

func (l *pairLive) setFree(x int, on bool) {
	w, bit := x/64, uint64(1)<<(x%64)
	if (l.free[w]&bit != 0) == on {
		return
	}
	l.free[w] ^= bit
	if on {
		l.nFree++
	} else {
		l.nFree--
	}
}

func (l *pairLive) touch(x int) {
	if !l.isTouch[x] {
		l.isTouch[x] = true
		l.touched = append(l.touched, x)
	}
}

// appendFree appends the free vertices in increasing order.
func (l *pairLive) appendFree(out []int) []int {
	for w, m := range l.free {
		for ; m != 0; m &= m - 1 {
			out = append(out, w*64+bits.TrailingZeros64(m))
		}
	}
	return out
}

// place follows village v placed (on) or freed; villages outside the
// graph are ignored.
func (g *pairGraph) place(v int, on bool) {
	if x := g.vertex[v]; x >= 0 {
		g.setAlive(int(x), !on)
	}
}

// setAlive sets vertex x's alive flag; sync does the rest.
func (g *pairGraph) setAlive(x int, alive bool) {
	g.alive[x] = alive
	if !g.live.isDirty[x] {
		g.live.isDirty[x] = true
		g.live.dirty = append(g.live.dirty, x)
	}
}

// sync brings the state up to date with the alive flags, dropping the
// pairs of the last matching with a vertex no longer alive, and returns
// the free vertices: at least the largest matching's unmatched ones.
func (g *pairGraph) sync() int {
	l := &g.live
	for _, x := range l.dirty {
		l.isDirty[x] = false
		if g.alive[x] != l.synced[x] {
			l.synced[x] = g.alive[x]
			d := int32(-1)
			if g.alive[x] {
				d = 1
			}
			for _, y := range g.adj[x] {
				l.liveNb[y] += d
				l.touch(y)
			}
			l.touch(x)
		}
		// x was alive at the last sync when matched: its partner is
		// touched above.
		if m := g.match[x]; !g.alive[x] && m >= 0 {
			g.match[x], g.match[m] = -1, -1
		}
	}
	l.dirty = l.dirty[:0]
	for _, x := range l.touched {
		l.isTouch[x] = false
		l.setFree(x, g.alive[x] && l.liveNb[x] > 0 && g.match[x] < 0)
	}
	l.touched = l.touched[:0]
	return l.nFree
}
