package rearrange

// The cluster bound at a node, cut short. Each cluster's least cost is
// its keys' least shares, whose sum over the component the key index
// keeps (the Lagrangian bound's), plus an excess that is never negative
// (clusterLeast). So the merges of any plan are at least the Lagrangian
// sum plus the excess of any subset of the clusters: the clean clusters'
// excess is remembered, a dirty one's is a memo lookup or a cover search,
// and the node is cut as soon as the clusters counted so far prune it.
// The bound returned then is weaker than the whole sum but still a bound
// (it only charges merges that every plan makes), which is all the
// fail-soft memo asks.

// lagSum is the sum over the unplaced keys of their least share at level
// l (1/lagDen), kept by the key index.
func (s *searcher) lagSum(l int) int64 {
	x := s.index()
	if l == 0 {
		return x.total(x.lagMerges)[0]
	}
	return x.total(x.lagMovedR)[0]
}

// clusterExcess sums the clusters' excess at level l: first the clean
// ones', then the dirty ones' found in their memo, then the others' by a
// cover search each; before each search it stops, with a partial sum, if
// the sum reaches cut's (asked once, when a search is due; nil or
// negative: never). ok is false when a cluster cannot be covered.
func (s *searcher) clusterExcess(l int, cut func() int64) (sum int64, ok bool) {
	cb := s.cb
	cb.miss = cb.miss[:0]
	for x, c := range cb.clusters {
		if s.avail.dirty[x] {
			s.avail.dirty[x] = false
			c.last = [2]int64{unknownCost, unknownCost}
		}
		if c.last[l] == unknownCost {
			cb.miss = append(cb.miss, x)
			continue
		}
		if c.last[l] == noCover {
			return 0, false
		}
		sum += c.last[l]
	}
	n := 0
	for _, x := range cb.miss {
		c := cb.clusters[x]
		if v, ok := c.recall(s.avail.mask(x), l); ok {
			if c.last[l] = v; v == noCover {
				return 0, false
			}
			sum += v
			continue
		}
		cb.miss[n] = x
		n++
	}
	enough := int64(-1)
	if n > 0 && cut != nil {
		enough = cut() // only when a cover search is to be saved
	}
	for _, x := range cb.miss[:n] {
		if enough >= 0 && sum >= enough {
			return sum, true
		}
		c := cb.clusters[x]
		c.last[l] = s.clusterLeast(c, s.avail.mask(x), l)
		if c.last[l] == noCover {
			return 0, false
		}
		sum += c.last[l]
	}
	return sum, true
}

// recall is the cluster's remembered excess at level l for the
// availability key, if known.
func (c *cluster) recall(key [4]uint64, l int) (int64, bool) {
	if key == [4]uint64{} {
		return 0, true
	}
	x, ok := c.memo[key]
	return x[l], ok && x[l] != unknownCost
}

// clusterBoundAt tightens b, a node's scaled bound at value so far (sum:
// pick's sums, its covered level whole), by the cluster bound, charging
// the households moved as the larger of least (the other bounds') and
// the clusters'.
func (s *searcher) clusterBoundAt(value, b int64, sum [3]int64, least int64) int64 {
	lag := s.lagSum(0)
	at := func(m, least int64) int64 {
		merges := max(ceilDen(m)*s.scale, sum[1])
		return min(b, value*s.scale+s.rounded([3]int64{sum[0], merges, 0}, least))
	}
	ex, ok := s.clusterExcess(0, func() int64 { return s.excessToCut(lag, func(m int64) int64 { return at(m, least) }) })
	if !ok { // a key with a candidate stays below its floor
		return min(b, value*s.scale+(sum[0]/s.scale-1)*s.wt.m2*s.scale)
	}
	m := lag + ex
	if b = at(m, least); b <= s.best*s.scale {
		return b
	}
	lag = s.lagSum(1)
	moved := func(d int64) int64 { return at(m, max(least, ceilDen(d)*s.scale)) }
	d, ok := s.clusterExcess(1, func() int64 { return s.excessToCut(lag, moved) })
	if !ok {
		return b
	}
	return moved(lag + d)
}

// excessToCut is the least excess over lag (1/lagDen) at which bound, a
// scaled bound non-increasing in the level's sum, prunes the node (−1:
// none up to every household), found by a binary search on whole units.
func (s *searcher) excessToCut(lag int64, bound func(int64) int64) int64 {
	cut := s.best * s.scale
	hi := max(int64(s.in.htot), int64(s.in.n)) + ceilDen(lag) + 1 // whole units: more than any plan
	if bound(hi*lagDen) > cut {
		return -1
	}
	lo := ceilDen(lag) // bound(lo*lagDen) may or may not cut
	for lo < hi {
		mid := lo + (hi-lo)/2
		if bound(mid*lagDen) <= cut {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// The sum m cuts when ceilDen(m) ≥ hi, i.e. m > (hi−1)·lagDen.
	return max(0, (hi-1)*lagDen+1-lag)
}
