package model

// GabrielNeighbours returns the Gabriel graph of the points (x[i], y[i]):
// i and j are neighbours when no other point lies in the closed disc whose
// diameter is the segment from i to j. The graph is a subgraph of the
// Delaunay triangulation, so it is planar; it contains the Euclidean
// minimum spanning tree, so it is connected; and it is symmetric by
// definition. Points at the same place are neighbours of each other and
// do not block each other's edges. It is the adjacency kiemnhiem uses
// for villages known only by a point: two villages share a border when
// nothing lies between them. Each list is in increasing index order; the
// work is cubic in the number of points, fine for the tens of villages of
// a commune.
func GabrielNeighbours(x, y []float64) [][]int {
	n := min(len(x), len(y))
	out := make([][]int, n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if gabrielEdge(x, y, n, i, j) {
				out[i] = append(out[i], j)
				out[j] = append(out[j], i)
			}
		}
	}
	for i := range out {
		sortInts(out[i])
	}
	return out
}

// gabrielEdge reports whether no point other than i and j lies in the
// disc with diameter ij (strictly inside, or on its circle).
func gabrielEdge(x, y []float64, n, i, j int) bool {
	cx, cy := (x[i]+x[j])/2, (y[i]+y[j])/2
	r2 := ((x[i]-x[j])*(x[i]-x[j]) + (y[i]-y[j])*(y[i]-y[j])) / 4
	if r2 == 0 {
		return true
	}
	for k := range n {
		if k == i || k == j || (x[k] == x[i] && y[k] == y[i]) || (x[k] == x[j] && y[k] == y[j]) {
			continue // a point at i's or j's place does not stand between them
		}
		if d2 := (x[k]-cx)*(x[k]-cx) + (y[k]-cy)*(y[k]-cy); d2 <= r2 {
			return false
		}
	}
	return true
}

// sortInts sorts a short list in place (insertion sort).
func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
