package rearrange

// ranking is one order of each key's candidates (best first for the
// bound that reads it) with width values per entry; keyIndex keeps sum,
// the values of each unplaced key's first available entry summed over
// those keys (a key with no available candidate adds none). Entries are
// flat, key i's from keyIndex.off[i].
type ranking struct {
	cand  []int32 // per entry: its candidate
	width int     // values per entry
	vals  []int64 // width per entry
	cur   []int64 // width per key: its values in sum
	sum   []int64 // width
}

// newRanking indexes list (per key village, a permutation of its
// candidates) with the values val writes for entry p of village v's
// list; its sums are empty until refreshKey sets its keys.
func (x *keyIndex) newRanking(list [][]int, width int, val func(v, p int, out []int64)) *ranking {
	n := int(x.off[len(x.keys)])
	r := &ranking{cand: make([]int32, n), width: width, vals: make([]int64, n*width),
		cur: make([]int64, len(x.keys)*width), sum: make([]int64, width)}
	for i, v := range x.keys {
		for p, j := range list[v] {
			e := int(x.off[i]) + p
			r.cand[e] = int32(j)
			val(v, p, r.vals[e*width:(e+1)*width])
		}
	}
	return r
}

// addRanking adds one of the others, set at the current state: the
// Lagrangian rankings are added in the middle of a search.
func (x *keyIndex) addRanking(list [][]int, width int, val func(v, p int, out []int64)) *ranking {
	r := x.newRanking(list, width, val)
	for i := range x.keys {
		if !x.placed[i] {
			r.set(int32(i), x.first(r, int32(i)))
		}
	}
	x.others = append(x.others, r)
	return r
}

// first is key i's first available entry in r, −1: none.
func (x *keyIndex) first(r *ranking, i int32) int32 {
	for e := x.off[i]; e < x.off[i+1]; e++ {
		if x.blocked[r.cand[e]] == 0 {
			return e
		}
	}
	return -1
}

// set puts entry e's values in the sums for key i (−1: none).
func (r *ranking) set(i, e int32) {
	w := int32(r.width)
	cur := r.cur[i*w : (i+1)*w]
	for c := range cur {
		var v int64
		if e >= 0 {
			v = r.vals[e*w+int32(c)]
		}
		r.sum[c] += v - cur[c]
		cur[c] = v
	}
}

// total is the ranking's sums, brought up to date.
func (x *keyIndex) total(r *ranking) []int64 {
	x.refresh()
	return r.sum
}
