package model

import (
	"cmp"
	"slices"
)

// GabrielNeighbours returns the Gabriel graph of the points (x[i], y[i]):
// i and j are neighbours when no other point lies in the closed disc whose
// diameter is the segment from i to j. The graph is a subgraph of the
// Delaunay triangulation, so it is planar; it contains the Euclidean
// minimum spanning tree, so it is connected; and it is symmetric by
// definition. Points at the same place are neighbours of each other and
// do not block each other's edges. It is the adjacency kiemnhiem uses
// for villages known only by a point: two villages share a border when
// nothing lies between them. Each list is in increasing index order.
//
// A point in the disc is nearer to i than j is, so for each i the others
// are taken in order of distance and a pair is tested only against the
// points before it, stopping at the first in the disc: random points cost
// about n² log n, not n³.
func GabrielNeighbours(x, y []float64) [][]int {
	n := min(len(x), len(y))
	out := make([][]int, n)
	order := make([]int, 0, n)
	d2 := make([]float64, n)
	for i := range n {
		order = order[:0]
		for j := range n {
			if j != i {
				order = append(order, j)
				d2[j] = (x[i]-x[j])*(x[i]-x[j]) + (y[i]-y[j])*(y[i]-y[j])
			}
		}
		slices.SortFunc(order, func(a, b int) int { return cmp.Or(cmp.Compare(d2[a], d2[b]), cmp.Compare(a, b)) })
		for r, j := range order {
			if j > i && gabrielEdge(x, y, order[:r], i, j) {
				out[i] = append(out[i], j)
				out[j] = append(out[j], i)
			}
		}
	}
	for i := range out {
		slices.Sort(out[i])
	}
	return out
}

// gabrielEdge reports whether none of the points near (nearer to i than
// j, or as near) lies in the closed disc with diameter ij.
func gabrielEdge(x, y []float64, near []int, i, j int) bool {
	cx, cy := (x[i]+x[j])/2, (y[i]+y[j])/2
	r2 := ((x[i]-x[j])*(x[i]-x[j]) + (y[i]-y[j])*(y[i]-y[j])) / 4
	if r2 == 0 {
		return true
	}
	for _, k := range near {
		if (x[k] == x[i] && y[k] == y[i]) || (x[k] == x[j] && y[k] == y[j]) {
			continue // a point at i's or j's place does not stand between them
		}
		if d2 := (x[k]-cx)*(x[k]-cx) + (y[k]-cy)*(y[k]-cy); d2 <= r2 {
			return false
		}
	}
	return true
}
