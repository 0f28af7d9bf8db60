package rearrange

// sweepOrder reorders s.keys as a breadth-first sweep of the key villages
// from a far end of the component (two keys are linked when a candidate of
// each holds a common village), so that ties in the branching rule go to
// the keys next to those already placed: the settled part of the commune
// grows from one side, the frontier between it and the rest stays narrow,
// and the states of the search (see availMemo) repeat.
func (s *searcher) sweepOrder() {
	if len(s.keys) < 3 {
		return
	}
	pos := make(map[int]int, len(s.keys))
	for i, v := range s.keys {
		pos[v] = i
	}
	holders := map[int][]int{} // village → keys (positions) whose candidates hold it
	for i, k := range s.keys {
		seen := map[int]bool{}
		for _, j := range s.byKey[k] {
			for _, v := range s.cands[j].members {
				if !seen[v] {
					seen[v] = true
					holders[v] = append(holders[v], i)
				}
			}
		}
	}
	link := make([][]int, len(s.keys))
	for _, hs := range holders {
		for _, a := range hs {
			link[a] = append(link[a], hs...)
		}
	}
	visited := make([]bool, len(s.keys))
	var order []int
	for start := range s.keys {
		if visited[start] {
			continue
		}
		far := bfs(link, start, nil)
		comp := bfs(link, far[len(far)-1], visited)
		order = append(order, comp...)
	}
	keys := make([]int, len(order))
	for i, p := range order {
		keys[i] = s.keys[p]
	}
	s.keys = keys
}

// bfs returns the nodes reached from start, in breadth-first order,
// neighbours by increasing index; mark, when not nil, records them.
func bfs(link [][]int, start int, mark []bool) []int {
	seen := map[int]bool{start: true}
	queue := []int{start}
	for i := 0; i < len(queue); i++ {
		a := queue[i]
		for _, b := range sortedUnique(link[a]) {
			if !seen[b] {
				seen[b] = true
				queue = append(queue, b)
			}
		}
	}
	if mark != nil {
		for _, a := range queue {
			mark[a] = true
		}
	}
	return queue
}

func sortedUnique(s []int) []int {
	out := append([]int(nil), s...)
	sortAsc(out)
	k := 0
	for i, x := range out {
		if i == 0 || x != out[k-1] {
			out[k] = x
			k++
		}
	}
	return out[:k]
}

// sweepCap: under the adjacency rule the branching rule takes the first
// key village of the sweep among those with the fewest available
// candidates, counting every key with sweepCap or more as equal. Forced
// and nearly forced keys still go first; the rest follow the sweep. (3
// proved the most communes of the benchmark, of 1 to 6, before the
// aspiration of run; larger caps failed first more often and proved as
// many or fewer communes.)
const sweepCap = 3
