package rearrange

import "slices"

// availMemo remembers, under the adjacency rule, a bound on what the rest
// of a search can add, keyed by the set of candidates still available: the
// rest of the search depends on nothing else (a key village without an
// available candidate can only stay as it is, a village at its floor
// matters only through the candidates that hold it). So two branches that
// placed different villages in a part of the commune that is settled —
// its key villages placed, its spare villages no longer in any available
// candidate — meet in one state, and the second is pruned at once: the
// search becomes a dynamic programme over the frontier between the
// settled part and the rest. Without the adjacency rule the twins and the
// villages left as they are also shape the rest, and memoKey is used.
type availMemo struct {
	// Per village v, the candidates holding it: ofCand[ofOff[v]:ofOff[v+1]]
	// (flat: place walks them for every village placed or freed, some
	// 400 million times on synth's country).
	ofOff, ofCand []int32
	blocked       []int32  // per candidate: its members placed
	words         []uint64 // bit j: candidate j available
	m             *stateTable
	ix            *keyIndex  // kept in step with the set; nil: none
	pg            *pairGraph // the pairing bound's, likewise
	// Per candidate j, its places in the clusters holding it
	// (clusterbound.go), clEnt[clOff[j]:clOff[j+1]] (nil: no clusters):
	// when it changes, its bit in the cluster's availability mask flips
	// and the cluster is marked dirty. An entry is the mask's word in
	// masks (4 per cluster) times 64 plus the bit.
	clOff []int32
	clEnt []uint32
	masks []uint64 // per cluster, 4 words: bit e, its e-th candidate available
	dirty []bool   // per cluster
}

func newAvailMemo(n int, cands []candidate) *availMemo {
	a := &availMemo{ofOff: make([]int32, n+1), blocked: make([]int32, len(cands)),
		words: make([]uint64, (len(cands)+63)/64), m: newStateTable((len(cands) + 63) / 64)}
	for _, g := range cands {
		for _, v := range g.members {
			a.ofOff[v+1]++
		}
	}
	for v := range n {
		a.ofOff[v+1] += a.ofOff[v]
	}
	a.ofCand = make([]int32, a.ofOff[n])
	next := slices.Clone(a.ofOff[:n])
	for j, g := range cands {
		for _, v := range g.members {
			a.ofCand[next[v]] = int32(j)
			next[v]++
		}
		a.words[j/64] |= 1 << (j % 64)
	}
	return a
}

// place updates the available set when village v is placed (on) or freed.
func (a *availMemo) place(v int, on bool) {
	if a.ix != nil {
		a.ix.place(v, on)
	}
	if a.pg != nil {
		a.pg.place(v, on)
	}
	of := a.ofCand[a.ofOff[v]:a.ofOff[v+1]]
	if on {
		for _, j := range of {
			if a.blocked[j] == 0 {
				a.words[uint32(j)/64] &^= 1 << (uint32(j) % 64)
				a.changed(j)
			}
			a.blocked[j]++
		}
		return
	}
	for _, j := range of {
		if a.blocked[j]--; a.blocked[j] == 0 {
			a.words[uint32(j)/64] |= 1 << (uint32(j) % 64)
			a.changed(j)
		}
	}
}

// setClusters records, per candidate, its entries in the clusters
// (of[j]: cluster x and entry e) and the clusters' masks at the current
// state, in place of any earlier clusters (they are rebuilt with the
// Lagrangian bound).
func (a *availMemo) setClusters(of [][][2]int, clusters int) {
	a.clOff, a.clEnt = make([]int32, len(of)+1), nil
	a.masks = make([]uint64, 4*clusters)
	a.dirty = make([]bool, clusters)
	for j, xs := range of {
		for _, x := range xs {
			w := 4*x[0] + x[1]/64
			a.clEnt = append(a.clEnt, uint32(w*64+x[1]%64))
			if a.blocked[j] == 0 {
				a.masks[w] |= 1 << (x[1] % 64)
			}
		}
		a.clOff[j+1] = int32(len(a.clEnt))
	}
}

// mask is cluster x's availability mask.
func (a *availMemo) mask(x int) [4]uint64 {
	return [4]uint64(a.masks[4*x : 4*x+4])
}

// changed flips candidate j's bit in its clusters' masks and marks them
// dirty.
func (a *availMemo) changed(j int32) {
	if a.clOff == nil {
		return
	}
	for _, x := range a.clEnt[a.clOff[j]:a.clOff[j+1]] {
		a.masks[x/64] ^= 1 << (x % 64)
		a.dirty[x/256] = true
	}
}

func (a *availMemo) lookup() (int64, bool) {
	return a.m.get(a.words)
}

func (a *availMemo) store(ub int64, known bool) {
	if known || a.m.n < memoStates {
		a.m.put(a.words, ub)
	}
}
