package rearrange

import (
	"math/rand/v2"
	"testing"
)

// TestKeyIndex walks random branches (a candidate merged, a key left as
// it is, a step undone) over the components of the Hồ Chí Minh City
// wards of testdata/hcmc_wards.json, under both goals, and checks at
// every state that the key index answers what a walk over every unplaced
// key gives: the branching key, the sums of the best shares, the least
// moved shares, the unplaced keys of pure pairs and, once built
// mid-walk, the Lagrangian sums.
func TestKeyIndex(t *testing.T) {
	communes := readCommunes(t, "testdata/hcmc_wards.json")
	tests := []struct {
		name string
		opt  Options
	}{
		{"fewest merges", Options{MaxMerge: 3, Adjacency: true}},
		{"consolidation", Options{MaxMerge: 3, Adjacency: true, Goal: Consolidation}},
		{"pairs", Options{MaxMerge: 2, Adjacency: true}},
	}
	r := rand.New(rand.NewPCG(24, 185))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			states := 0
			for _, c := range communes {
				for _, s := range searchers(t, c, tc.opt) {
					states += walkIndex(t, r, s)
				}
			}
			if states < 1000 {
				t.Fatalf("%d states checked, want at least 1000", states)
			}
		})
	}
}

// walkIndex takes 400 random steps in s and checks every state; it
// returns the states checked.
func walkIndex(t *testing.T, r *rand.Rand, s *searcher) int {
	t.Helper()
	var undo []func()
	for step := range 400 {
		if step == 100 && s.in.opt.Goal == FewestMerges {
			s.initLagrange(lagStepsMax) // in the middle of a search, as lagReady does
		}
		checkIndex(t, s)
		e, _, _ := s.pick(0)
		switch {
		case len(undo) > 0 && (e < 0 || r.IntN(4) == 0):
			undo[len(undo)-1]()
			undo = undo[:len(undo)-1]
		case e < 0:
			return step + 1
		case r.IntN(3) == 0:
			s.leave(e, true)
			undo = append(undo, func() { s.leave(e, false) })
		default:
			var open []int
			for _, j := range s.byKey[e] {
				if s.available(j) {
					open = append(open, j)
				}
			}
			if len(open) == 0 {
				s.leave(e, true)
				undo = append(undo, func() { s.leave(e, false) })
				continue
			}
			j := open[r.IntN(len(open))]
			s.mark(j, true)
			undo = append(undo, func() { s.mark(j, false) })
		}
	}
	for i := len(undo) - 1; i >= 0; i-- {
		undo[i]()
	}
	checkIndex(t, s)
	return 401
}

// checkIndex compares the key index with walks over the unplaced keys.
func checkIndex(t *testing.T, s *searcher) {
	t.Helper()
	e, _, sum := s.pick(0)
	we, wsum := walkPick(s)
	if e != we || sum != wsum {
		t.Fatalf("pick: key %d, sums %v; the walk gives %d, %v", e, sum, we, wsum)
	}
	if s.pg != nil {
		want := 0
		for _, v := range s.pg.village {
			if !s.used[v] {
				want++
			}
		}
		if got := s.index().unplacedPairs(); got != want {
			t.Fatalf("%d unplaced keys of pure pairs, the walk gives %d", got, want)
		}
	}
	if s.byMoved != nil {
		if got, want := s.leastMoved(), walkLeast(s, s.byMoved, func(j int) int64 { return s.parts[j][2] }); got != want {
			t.Fatalf("least moved %d, the walk gives %d", got, want)
		}
	}
	if s.lg != nil {
		if got, want := s.lagMerges(), walkLag(s, s.lg.byKey); got != want {
			t.Fatalf("Lagrangian merges %d, the walk gives %d", got, want)
		}
		if got, want := s.lagMoved(), walkLag(s, s.lg.byMoved)*s.scale; got != want {
			t.Fatalf("Lagrangian moved %d, the walk gives %d", got, want)
		}
	}
}

// walkPick is pick by a walk over every unplaced key: the first with the
// fewest available candidates (capped at sweepCap), and the sums of the
// parts of each key's best share when positive.
func walkPick(s *searcher) (int, [3]int64) {
	var sum [3]int64
	e, fewest := -1, 0
	for _, v := range s.keys {
		if s.used[v] {
			continue
		}
		count := 0
		for _, j := range s.byKey[v] {
			if !s.available(j) {
				continue
			}
			if count == 0 && s.share[j] > 0 {
				p := s.parts[j]
				sum[0], sum[1], sum[2] = sum[0]+p[0], sum[1]+p[1], sum[2]+p[2]
			}
			count++
		}
		if count = min(count, sweepCap); e < 0 || count < fewest {
			e, fewest = v, count
		}
	}
	return e, sum
}

// walkLeast sums over the unplaced keys the value of the first available
// candidate of each key's list.
func walkLeast(s *searcher, by [][]int, val func(j int) int64) int64 {
	var d int64
	for _, v := range s.keys {
		if s.used[v] {
			continue
		}
		for _, j := range by[v] {
			if s.available(j) {
				d += val(j)
				break
			}
		}
	}
	return d
}

// walkLag is lagSum by a walk.
func walkLag(s *searcher, by [][]lagShare) int64 {
	var sum int64
	for _, v := range s.keys {
		if s.used[v] {
			continue
		}
		for _, x := range by[v] {
			if s.available(x.cand) {
				sum += x.share
				break
			}
		}
	}
	if sum <= 0 {
		return 0
	}
	return (sum + lagDen - 1) / lagDen
}
