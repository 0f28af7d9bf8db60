package rearrange

import "unsafe"

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
	of      [][]int  // per village: the candidates holding it
	blocked []int32  // per candidate: its members placed
	words   []uint64 // bit j: candidate j available
	m       map[string]int64
	ix      *keyIndex  // kept in step with the set; nil: none
	pg      *pairGraph // the pairing bound's, likewise
	// Per candidate, the clusters holding it and its entry there
	// (clusterbound.go; nil: none): when it changes, its bit in the
	// cluster's availability mask flips and the cluster is marked dirty.
	clusters [][]clusterEntry
	masks    [][4]uint64 // per cluster: bit e, its e-th candidate available
	dirty    []bool
}

func newAvailMemo(n int, cands []candidate) *availMemo {
	a := &availMemo{of: make([][]int, n), blocked: make([]int32, len(cands)),
		words: make([]uint64, (len(cands)+63)/64), m: map[string]int64{}}
	for j, g := range cands {
		for _, v := range g.members {
			a.of[v] = append(a.of[v], j)
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
	for _, j := range a.of[v] {
		if on {
			if a.blocked[j] == 0 {
				a.words[j/64] &^= 1 << (j % 64)
				a.changed(j)
			}
			a.blocked[j]++
			continue
		}
		a.blocked[j]--
		if a.blocked[j] == 0 {
			a.words[j/64] |= 1 << (j % 64)
			a.changed(j)
		}
	}
}

// clusterEntry is a candidate's place in a cluster: the cluster and its
// entry among the cluster's candidates.
type clusterEntry struct{ c, e int32 }

// changed flips candidate j's bit in its clusters' masks and marks them
// dirty.
func (a *availMemo) changed(j int) {
	if a.clusters == nil {
		return
	}
	for _, x := range a.clusters[j] {
		a.masks[x.c][x.e/64] ^= 1 << (x.e % 64)
		a.dirty[x.c] = true
	}
}

func (a *availMemo) bytes() []byte {
	if len(a.words) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&a.words[0])), len(a.words)*8)
}

func (a *availMemo) lookup() (int64, bool) {
	ub, ok := a.m[string(a.bytes())]
	return ub, ok
}

func (a *availMemo) store(ub int64, known bool) {
	if known || len(a.m) < memoStates {
		a.m[string(a.bytes())] = ub
	}
}
