package rearrange_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// TestTieBreakStays checks the tie-break's shortcuts for a village below
// its floor that could stay as it is. Two villages below their floor, A
// and B (100 households each, floor 150), compete for their common
// neighbour C (150): with K = 2 only one of them reaches the floor, A
// with C or B with C, at the same cost: the fourth level leaves the first
// village in input order as it is when it is A or B, and merges C, when
// it comes first, with the earlier of A and B; whichever plan the search
// meets first. With K = 3, A, B and C merge into one and bring both to
// the floor, and neither may stay. Every order of the three villages is
// tried: a tie-break that never lets a village below its floor stay as
// it is (a wrong shortcut) fails here, as it fails TestBruteForce.
func TestTieBreakStays(t *testing.T) {
	hh := map[string]int{"A": 100, "B": 100, "C": 150}
	nb := map[string][]string{"A": {"C"}, "B": {"C"}, "C": {"A", "B"}}
	for _, k := range []int{2, 3} {
		for _, order := range [][]string{{"A", "B", "C"}, {"B", "A", "C"}, {"C", "A", "B"}, {"C", "B", "A"}, {"A", "C", "B"}, {"B", "C", "A"}} {
			t.Run(fmt.Sprintf("K=%d/%v", k, order), func(t *testing.T) {
				c := &rearrange.Commune{Code: "X", Name: "Xã thử"}
				at := map[string]int{}
				for i, code := range order {
					at[code] = i
					c.Villages = append(c.Villages, rearrange.Village{Code: code, Name: "Thôn " + code,
						Households: hh[code], Floor: 150, Neighbours: nb[code]})
				}
				// The groups the definition chooses, by input position:
				// the first village stays as it is if it can (A or B);
				// C cannot (neither would reach the floor) and merges
				// with the earlier of A and B.
				first, second := at["A"], at["B"]
				if second < first {
					first, second = second, first
				}
				want := [][]int{{first}, sorted(second, at["C"])}
				if at["C"] == 0 {
					want = [][]int{sorted(0, first), {second}}
				}
				if k == 3 {
					want = [][]int{{0, 1, 2}}
				}
				slices.SortFunc(want, func(a, b []int) int { return a[0] - b[0] })
				opt := rearrange.Options{MaxMerge: k, Adjacency: true}
				p, err := rearrange.Solve(context.Background(), c, opt)
				if err != nil {
					t.Fatal(err)
				}
				if got := partition(p); !p.TieBroken || !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("plan %v (tie broken %v), want %v", got, p.TieBroken, want)
				}
			})
		}
	}
}

func sorted(a, b int) []int { return []int{min(a, b), max(a, b)} }
