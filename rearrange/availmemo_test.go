package rearrange

import (
	"math/rand/v2"
	"testing"
)

// TestAvailMemoStates places villages of a path a–b–c–d–e (candidates
// {a,b}, {b,c}, {c,d}, {d,e}) in different orders and checks that the
// available set depends only on the villages placed, that freeing them
// restores it, and that two placements leaving the same candidates meet.
func TestAvailMemoStates(t *testing.T) {
	cands := []candidate{{members: []int{0, 1}}, {members: []int{1, 2}}, {members: []int{2, 3}}, {members: []int{3, 4}}}
	tests := []struct {
		name   string
		placed []int
		want   uint64 // bits of the candidates still available
	}{
		{"none", nil, 0b1111},
		{"a", []int{0}, 0b1110},
		{"b", []int{1}, 0b1100},
		{"a and b", []int{0, 1}, 0b1100},
		{"c", []int{2}, 0b1001},
		{"b and d", []int{1, 3}, 0b0000},
		{"e then a", []int{4, 0}, 0b0110},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAvailMemo(5, cands)
			for _, v := range tc.placed {
				a.place(v, true)
			}
			if a.words[0] != tc.want {
				t.Fatalf("available %04b, want %04b", a.words[0], tc.want)
			}
			a.store(42, false)
			for i := len(tc.placed) - 1; i >= 0; i-- {
				a.place(tc.placed[i], false)
			}
			if a.words[0] != 0b1111 {
				t.Fatalf("after freeing: available %04b, want 1111", a.words[0])
			}
		})
	}
	// b alone and a with b leave the same candidates: one state.
	a := newAvailMemo(5, cands)
	a.place(1, true)
	a.store(7, false)
	a.place(0, true)
	if ub, ok := a.lookup(); !ok || ub != 7 {
		t.Fatalf("a and b after b: lookup %d, %v; want 7, true", ub, ok)
	}
}

// TestAvailMemoClustersRebuilt sets the clusters twice, as a rebuild of
// the Lagrangian bound does, walks random placements and checks every
// cluster's mask against the availability of its candidates.
func TestAvailMemoClustersRebuilt(t *testing.T) {
	// A path of 8 villages, candidates every pair and triple in a row.
	var cands []candidate
	for i := range 8 {
		for k := 2; k <= 3 && i+k <= 8; k++ {
			g := candidate{}
			for v := i; v < i+k; v++ {
				g.members = append(g.members, v)
			}
			cands = append(cands, g)
		}
	}
	// clusters returns each candidate's entries when cluster x holds the
	// candidates j with j%n == x, in order.
	clusters := func(n int) [][][2]int {
		of := make([][][2]int, len(cands))
		for j := range cands {
			of[j] = [][2]int{{j % n, j / n}}
		}
		return of
	}
	a := newAvailMemo(8, cands)
	a.setClusters(clusters(2), 2)
	rng := rand.New(rand.NewPCG(1, 2))
	placed := make([]bool, 8)
	for step := range 200 {
		if step == 50 {
			a.setClusters(clusters(3), 3)
		}
		v := rng.IntN(8)
		placed[v] = !placed[v]
		a.place(v, placed[v])
		n := 2
		if step >= 50 {
			n = 3
		}
		for x := range n {
			var want [4]uint64
			for j := x; j < len(cands); j += n {
				if a.blocked[j] == 0 {
					e := j / n
					want[e/64] |= 1 << (e % 64)
				}
			}
			if got := a.mask(x); got != want {
				t.Fatalf("step %d: cluster %d of %d: mask %b, want %b", step, x, n, got[0], want[0])
			}
		}
	}
}
