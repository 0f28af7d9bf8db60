package model

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestGabrielNeighbours(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want [][]int
	}{
		{"none", nil, nil, [][]int{}},
		{"one", []float64{0}, []float64{0}, [][]int{nil}},
		{"line", []float64{0, 1, 2}, []float64{0, 0, 0}, [][]int{{1}, {0, 2}, {1}}},
		// The square's diagonals have the other corners on their circle.
		{"square", []float64{0, 1, 1, 0}, []float64{0, 0, 1, 1}, [][]int{{1, 3}, {0, 2}, {1, 3}, {0, 2}}},
		{"same place", []float64{0, 0, 1}, []float64{0, 0, 0}, [][]int{{1, 2}, {0, 2}, {0, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := GabrielNeighbours(tc.x, tc.y); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestGabrielConnected checks symmetry, connectivity and planarity (at
// most 3n − 6 edges) on seeded random points, clusters included.
func TestGabrielConnected(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 2 + r.IntN(60)
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = r.Float64(), r.Float64()
			if trial%5 == 0 {
				x[i], y[i] = float64(r.IntN(4)), float64(r.IntN(4)) // a grid with repeats
			}
		}
		nb := GabrielNeighbours(x, y)
		edges := 0
		for i := range nb {
			for _, j := range nb[i] {
				edges++
				if !containsInt(nb[j], i) {
					t.Fatalf("trial %d: %d lists %d, not back", trial, i, j)
				}
			}
		}
		if edges/2 > max(3*n-6, n-1) && trial%5 != 0 {
			t.Errorf("trial %d: %d edges on %d points: not planar", trial, edges/2, n)
		}
		seen := make([]bool, n)
		stack := []int{0}
		seen[0] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, j := range nb[i] {
				if !seen[j] {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
		for i := range seen {
			if !seen[i] {
				t.Fatalf("trial %d: point %d not connected", trial, i)
			}
		}
	}
}

func containsInt(a []int, v int) bool {
	for _, x := range a {
		if x == v {
			return true
		}
	}
	return false
}

// TestGabrielMatchesDefinition compares the graph with the definition
// tested against every point, on seeded random points.
func TestGabrielMatchesDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 100 {
		n := 1 + r.IntN(80)
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = float64(r.IntN(20)), float64(r.IntN(20)) // repeats and co-circular points
		}
		want := make([][]int, n)
		for i := range n {
			for j := range n {
				if i == j {
					continue
				}
				all := make([]int, 0, n)
				for k := range n {
					if k != i && k != j {
						all = append(all, k)
					}
				}
				if gabrielEdge(x, y, all, i, j) {
					want[i] = append(want[i], j)
				}
			}
		}
		if got := GabrielNeighbours(x, y); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: got %v\nwant %v", trial, got, want)
		}
	}
}
