package optimize

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestCompletionBound checks the completion tables against an enumeration
// of every way the steps left can go: with every class its own part the
// table is the exact best completion (and unreachable exactly when there is
// none); with classes merged it is never above it and unreachable only when
// there is none.
func TestCompletionBound(t *testing.T) {
	tests := []struct {
		name  string
		needs []int
		steps int
	}{
		{"binary", []int{1, 1, 1}, 4},
		{"counts", []int{2, 1, 3}, 4},
		{"one class", []int{3}, 5},
		{"wide", []int{1, 2, 1, 1, 2}, 5},
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cls := make([]class, len(tc.needs))
			keys := make([]int, len(tc.needs))
			for i, n := range tc.needs {
				cls[i] = class{need: n}
				keys[i] = i
			}
			r, err := newRadix(cls, keys)
			if err != nil {
				t.Fatal(err)
			}
			for trial := range 40 {
				bs := &boundScratch{}
				bs.begin()
				for range tc.steps {
					for range 1 + rng.IntN(4) {
						var v uint64
						for i, n := range tc.needs {
							if rng.IntN(3) == 0 {
								v += uint64(1+rng.IntN(n)) << r.shift[i]
							}
						}
						obj := Objective{Headcount: rng.IntN(3), Cost: model.Money(rng.IntN(5)), Disruption: rng.IntN(4)}
						bs.choices = append(bs.choices, choice{v, obj})
					}
					bs.addStep()
				}
				// Every vector the radix can hold, for the states to check.
				vectors := []uint64{0}
				for i, n := range tc.needs {
					m := len(vectors)
					for c := 1; c <= n; c++ {
						for _, v := range vectors[:m] {
							vectors = append(vectors, v+uint64(c)<<r.shift[i])
						}
					}
				}
				exact := newCompletion(r, bs, 1<<30)
				parts := [][]int{make([]int, len(tc.needs))}
				for i := range parts[0] {
					parts[0][i] = i
				}
				coarse := tryCompletion(r, bs, parts, 1<<30)
				if exact == nil || coarse == nil {
					t.Fatal("no table within an unlimited budget")
				}
				for j := 0; j <= tc.steps; j++ {
					for _, v := range vectors {
						want, ok := bestCompletion(r, bs, j, v)
						for _, c := range []struct {
							name  string
							c     *completion
							exact bool
						}{{"exact", exact, true}, {"merged", coarse, false}} {
							got := c.c.row(j)[c.c.project(r, v)]
							where := fmt.Sprintf("trial %d, %s table, step %d, state %b", trial, c.name, j, v)
							switch {
							case !ok && c.exact && got.Headcount != unreachable:
								t.Fatalf("%s: got %v, want unreachable", where, got)
							case ok && got.Headcount == unreachable:
								t.Fatalf("%s: unreachable, want %v", where, want)
							case ok && c.exact && got != want:
								t.Fatalf("%s: got %v, want %v", where, got, want)
							case ok && want.Less(got):
								t.Fatalf("%s: bound %v above the best completion %v", where, got, want)
							}
						}
					}
				}
			}
		})
	}
}

// bestCompletion enumerates every choice of steps j on from state v.
func bestCompletion(r *radix, bs *boundScratch, j int, v uint64) (Objective, bool) {
	if j == len(bs.ends) {
		return Objective{}, v == r.full
	}
	var best Objective
	found := false
	for _, ch := range bs.step(j) {
		s, ok := r.sum(v, ch.vec)
		if !ok {
			continue
		}
		rest, ok := bestCompletion(r, bs, j+1, s)
		if !ok {
			continue
		}
		if o := ch.obj.Add(rest); !found || o.Less(best) {
			best, found = o, true
		}
	}
	return best, found
}
